"""Score an output folder against hand-made gold files, table by table.

A gold file (``<source file name>.json``) holds, per table, the rows a careful
reader expects from one paper, with only the fields worth checking. A table
absent from the file is not scored; present with ``[]``, every row the pipeline
writes for it is a false positive.

Gold rows are paired with the paper's predicted rows on the table's key fields
(best pairs first, mean key agreement at least 0.7); then every gold field of a
paired row is checked. Per table:

- row precision: paired predicted rows / predicted rows;
- field recall: correct gold fields / all gold fields (an unpaired gold row's fields all count as missed);
- F1: their harmonic mean; overall: the mean F1 of the scored tables.

Text agrees when it is alike after folding case, whitespace, markup and edge
punctuation (rapidfuzz ratio; token-set ratio for long text); numbers within
0.5 %; dates, booleans and the rest exactly; ``purpose`` lists by overlap.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from pipeline.query import read_table

# Fields that identify a row of each scored table, for pairing gold and predicted rows.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("body", "meeting_date"),
    "agenda_items": ("item_number", "title"),
    "actions": ("ref", "action"),
    "papers": ("title",),
    "budget_lines": ("table_title", "row_label", "column_label", "value"),
    "decisions": ("item_number", "title"),
}
DOCUMENT_FIELDS = ("doc_type", "language")
PAIRING = 0.7  # least mean agreement of the key fields for a gold and a predicted row to pair
LONG_TEXT = 80  # characters: longer text is compared as a bag of words
TEXT_AGREEMENT, LONG_TEXT_AGREEMENT = 0.9, 0.85
NUMBER_TOLERANCE = 0.005  # relative
EXACT = 0.999
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not value.strip()


def folded(value: Any) -> str:
    text = _SPACE.sub(" ", _TAG.sub(" ", str(value))).strip().casefold()
    return text.strip(" .;:,-–")


def iso_date(value: Any) -> str | None:
    if missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        return None


def number(value: Any) -> float | None:
    if missing(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def agreement(name: str, want: Any, got: Any) -> float:
    """How far a predicted value agrees with the gold one, 0..1."""
    if missing(want) or missing(got):
        return float(missing(want) and missing(got))
    if name.endswith("date"):
        return float(iso_date(want) == iso_date(got))
    if isinstance(want, bool):
        return float(bool(got) == want)
    if isinstance(want, (int, float)):
        value = number(got)
        return float(value is not None and abs(value - want) <= NUMBER_TOLERANCE * abs(want) + 1e-9)
    if name == "purpose":
        wanted, found = ({p.strip() for p in str(v).lower().split(";") if p.strip()} for v in (want, got))
        return len(wanted & found) / len(wanted | found) if wanted | found else 1.0
    w, g = folded(want), folded(got)
    if len(w) > LONG_TEXT and len(g) >= len(w) / 2:
        return fuzz.token_set_ratio(w, g) / 100
    return fuzz.ratio(w, g) / 100


def is_correct(name: str, want: Any, got: Any) -> bool:
    free_text = isinstance(want, str) and not missing(want) and name != "purpose" and not name.endswith("date")
    if free_text:
        return agreement(name, want, got) >= (LONG_TEXT_AGREEMENT if len(folded(want)) > LONG_TEXT else TEXT_AGREEMENT)
    return agreement(name, want, got) >= EXACT


def pair(keys: tuple[str, ...], gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Gold row index -> predicted row index, best agreement first, each row used once."""
    candidates = []
    for gi, want in enumerate(gold):
        present = [k for k in keys if k in want]
        for pi, got in enumerate(predicted):
            mean = sum(agreement(k, want[k], got.get(k)) for k in present) / (len(present) or 1)
            if mean >= PAIRING:
                candidates.append((mean, gi, pi))
    # on a tie the later rows pair first, as the reference scorer (../shared/eval/score.py) does
    candidates.sort(reverse=True)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


@dataclass
class TableScore:
    gold_rows: int = 0
    predicted_rows: int = 0
    paired: int = 0
    gold_fields: int = 0
    correct_fields: int = 0

    @property
    def precision(self) -> float:
        if self.predicted_rows:
            return self.paired / self.predicted_rows
        return 0.0 if self.gold_rows else 1.0

    @property
    def recall(self) -> float:
        if self.gold_fields:
            return self.correct_fields / self.gold_fields
        return 0.0 if self.predicted_rows else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    """A gold field the output does not have right (``got`` is None when its row was not found)."""

    source: str
    table: str
    row: int
    field: str
    want: Any
    got: Any
    row_found: bool

    def __str__(self) -> str:
        got = repr(self.got) if self.row_found else "<no row>"
        return f"{self.source} {self.table}[{self.row}].{self.field}: want {self.want!r} got {got}"


@dataclass(frozen=True)
class Extra:
    """A predicted row no gold row paired with: a false positive."""

    source: str
    table: str
    row: dict[str, Any]

    def __str__(self) -> str:
        keys = {k: self.row.get(k) for k in KEY_FIELDS[self.table]}
        return f"{self.source} {self.table} extra row: {keys}"


@dataclass
class Evaluation:
    tables: dict[str, TableScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    extras: list[Extra] = field(default_factory=list)
    unmatched_gold: list[str] = field(default_factory=list)  # gold files whose paper is not in the output
    document_fields: TableScore = field(default_factory=TableScore)  # doc_type, language: reported apart

    @property
    def scored(self) -> dict[str, TableScore]:
        """The tables with gold or predicted rows: those that count."""
        return {t: s for t, s in self.tables.items() if s.gold_rows or s.predicted_rows}

    @property
    def overall(self) -> float:
        scored = self.scored
        return sum(s.f1 for s in scored.values()) / len(scored) if scored else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tables": {t: {"gold_rows": s.gold_rows, "pred_rows": s.predicted_rows, "paired": s.paired,
                           "gold_fields": s.gold_fields, "correct": s.correct_fields,
                           "row_precision": round(s.precision, 3), "field_recall": round(s.recall, 3),
                           "score": round(s.f1, 3)} for t, s in self.scored.items()},
            "overall": round(self.overall, 3),
            "document_fields": {"fields": self.document_fields.gold_fields,
                                "correct": self.document_fields.correct_fields},
            "misses": [str(m) for m in self.misses],
            "extras": [str(e) for e in self.extras],
            "unmatched_gold": self.unmatched_gold,
        }


def _rows_by_document(out: Path, table: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in read_table(out, table).to_pylist():
        grouped.setdefault(row.get("document_id"), []).append(row)
    return grouped


def evaluate(out: Path, gold_dir: Path, present_only: bool = False,
             sources: Collection[str] | None = None) -> Evaluation:
    """Score the tables under ``out`` against every ``*.json`` gold file in ``gold_dir``
    (``present_only``: only those whose paper is in the output; the others are listed;
    ``sources``: only those of papers named there, when given)."""
    documents = read_table(out, "documents").to_pylist()
    if not documents:
        raise FileNotFoundError(f"no documents table under {out}")
    by_name: dict[str, dict[str, Any]] = {}
    for doc in documents:  # the first paper of a name is the one scored (a duplicate file has no id)
        if doc.get("document_id"):
            by_name.setdefault(Path(str(doc["source_path"])).name, doc)
    predicted = {table: _rows_by_document(out, table) for table in KEY_FIELDS}
    result = Evaluation(tables={table: TableScore() for table in KEY_FIELDS})
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        source = gold["source"]
        if sources is not None and source not in sources:
            continue
        doc = by_name.get(source)
        if doc is None:
            result.unmatched_gold.append(source)
            if present_only:
                continue
        _score_document_fields(result, source, gold.get("documents") or {}, doc or {})
        for table, keys in KEY_FIELDS.items():
            if table not in gold:
                continue
            wanted = gold[table]
            found = predicted[table].get(doc["document_id"], []) if doc else []
            pages = gold.get("budget_pages") if table == "budget_lines" else None
            if pages:  # only these pages of a long financial paper were annotated
                found = [r for r in found if r.get("page") in pages]
            pairs = pair(keys, wanted, found)
            score = result.tables[table]
            score.gold_rows += len(wanted)
            score.predicted_rows += len(found)
            score.paired += len(pairs)
            for gi, want in enumerate(wanted):
                got_row = found[pairs[gi]] if gi in pairs else None
                for name, value in want.items():
                    score.gold_fields += 1
                    got = got_row.get(name) if got_row is not None else None
                    if got_row is not None and is_correct(name, value, got):
                        score.correct_fields += 1
                    else:
                        result.misses.append(Miss(source, table, gi, name, value, got, got_row is not None))
            paired_rows = set(pairs.values())
            result.extras.extend(Extra(source, table, row) for pi, row in enumerate(found) if pi not in paired_rows)
    return result


def _score_document_fields(result: Evaluation, source: str, want: dict, doc: dict) -> None:
    for name in DOCUMENT_FIELDS:
        if name in want:
            result.document_fields.gold_fields += 1
            if is_correct(name, want[name], doc.get(name)):
                result.document_fields.correct_fields += 1
            else:
                result.misses.append(Miss(source, "documents", 0, name, want[name], doc.get(name), bool(doc)))


def evaluate_by_form(out: Path, gold_dir: Path, folders: list[Path]) -> dict[str, Evaluation]:
    """Scores per form of input, one per input folder (named after it: the same papers as
    PDFs, layout renderings, web transcripts... each sit in a folder of their own)."""
    return {folder.name: evaluate(out, gold_dir, sources={p.name for p in folder.rglob("*") if p.is_file()})
            for folder in folders}
