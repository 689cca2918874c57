"""Print the project's scores (pipeline/evaluate.py) per form of input: one column per
input folder (PDFs, layout renderings, web transcripts, seed texts), and all together.

    python scripts/score_by_form.py --out /tmp/out --gold ../shared/gold \\
        ../shared/corpus/pdf ../shared/corpus/text-layout ../shared/corpus/text-web ../shared/corpus/text

A table a form has no gold or predicted rows for shows "-".
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.evaluate import KEY_FIELDS, Evaluation, evaluate, evaluate_by_form


def score_table(results: dict[str, Evaluation]) -> str:
    """Tables (and overall) down, forms across, F1 to three places."""
    def cell(result: Evaluation, table: str) -> str:
        if table == "overall":
            return f"{result.overall:.3f}"
        score = result.scored.get(table)
        return f"{score.f1:.3f}" if score else "-"

    width = max(len(name) for name in results) + 2
    lines = ["table".ljust(14) + "".join(name.rjust(width) for name in results)]
    for table in [*KEY_FIELDS, "overall"]:
        lines.append(table.ljust(14) + "".join(cell(r, table).rjust(width) for r in results.values()))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder of a run over the folders")
    parser.add_argument("--gold", type=Path, required=True, help="folder of gold files")
    parser.add_argument("folders", type=Path, nargs="+", help="input folders, one per form of input")
    args = parser.parse_args()
    results = {**evaluate_by_form(args.out, args.gold, args.folders), "all": evaluate(args.out, args.gold)}
    print(score_table(results))


if __name__ == "__main__":
    main()
