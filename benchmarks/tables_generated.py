"""Held-out-style pages for the table finder: generate them, run the finder, score them.

Makes one-page PDFs (reportlab) laid out in one or two text columns, with tables of
made-up figures set booktabs style (rules above, under the header and below; no vertical
lines), headings spanning sub-columns ("2024-25" over "Budget | Forecast | Variance"),
row labels centred over several rows, tightly set rows, and tables stacked under captions.
Beside each PDF goes its ground truth in the ICDAR 2013 structure format
(``<name>-str.xml``), so the ICDAR scorer (``../shared/eval/icdar.py``, same relation
metric) scores the pipeline's ``tables`` on it. The file-name prefix is the split:
``one-`` (one text column) and ``two-`` (two).

Tune on one seed and report on another: the figures on a seed never tuned on are the
honest ones.

    python benchmarks/tables_generated.py --seed 1 --pages 60           # tune on this
    python benchmarks/tables_generated.py --seed 2 --pages 60           # report this
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from pipeline.run import discover, run

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "eval" / "icdar.py"

WIDTH, HEIGHT = A4
MARGIN = 56.0
GUTTER = 22.0
RULE_SPACE = 0.5  # font sizes added under a rule, as booktabs pads its rules
PROSE = ("the board noted that funding for services across the region remained under review while "
         "officers set out options for savings and investment in community care and capital works "
         "members asked how performance against plan would be reported during the year and agreed "
         "that further detail on risks staffing and demand would come to a later meeting").split()
LABELS = ["Staff costs", "Drugs", "Clinical supplies", "Premises", "Transport", "Agency staff",
          "Income from activities", "Other income", "Depreciation", "Interest payable", "Grants",
          "Social care", "Public health", "Highways", "Waste collection", "Libraries", "Housing",
          "Children's services", "Adult services", "Corporate costs", "Capital charges", "Reserves"]
GROUPS = ["North", "South", "East", "West", "Central", "Urban", "Rural"]
SUBHEADINGS = [["Budget", "Forecast", "Variance"], ["Plan", "Actual"], ["Q1", "Q2", "Q3"],
               ["Target", "Achieved"], ["No.", "%"], ["Cost", "Income", "Net"]]
SPAN_HEADINGS = ["2023-24", "2024-25", "2025-26", "Month 6", "Year to date", "Full year", "Revenue", "Capital"]
STUBS = ["Service", "Area", "Cost centre", "Category", "Line"]


@dataclass
class Cell:
    text: str
    row: int
    col: int
    end_row: int
    end_col: int


@dataclass
class Table:
    cells: list[Cell] = field(default_factory=list)


def _figure(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return f"{rng.randint(10, 99999):,}"
    if kind < 0.75:
        return f"{rng.uniform(0, 999):.1f}"
    if kind < 0.85:
        return f"({rng.uniform(0, 99):.1f})"
    if kind < 0.95:
        return f"{rng.randint(0, 100)}%"
    return "-"


def _sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(PROSE) - words)
    return " ".join(PROSE[start:start + words])


class Page:
    """One page being laid out: text columns filled top to bottom."""

    def __init__(self, path: Path, columns: int, rng: random.Random):
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.rng = rng
        width = WIDTH - 2 * MARGIN
        self.column_width = width if columns == 1 else (width - GUTTER) / 2
        self.lefts = [MARGIN + i * (self.column_width + GUTTER) for i in range(columns)]
        self.tables: list[Table] = []
        self.number = 0

    def prose(self, x: float, y: float, lines: int, size: float = 9.5) -> float:
        """A paragraph of lines as wide as the text column; returns the y below it."""
        self.c.setFont("Times-Roman", size)
        for _ in range(lines):
            words = []
            while True:
                word = self.rng.choice(PROSE)
                if stringWidth(" ".join(words + [word]), "Times-Roman", size) > self.column_width:
                    break
                words.append(word)
            self.c.drawString(x, y, " ".join(words))
            y -= size * 1.25
        return y - size * 0.8

    def table(self, x: float, y: float, bottom: float, width: float | None = None, wide: bool = False) -> float | None:
        """A booktabs table with its caption at (x, y), at most ``width`` wide (default: the text
        column); None when it does not fit above ``bottom``."""
        rng, c = self.rng, self.c
        size = rng.choice([7.5, 8.0, 8.5, 9.0])
        leading = size * rng.choice([1.15, 1.3, 1.5])  # tightly set rows too
        groups = rng.choice([2, 3] if wide else [0, 1, 2, 2, 3])
        subs = rng.choice(SUBHEADINGS)
        if groups:
            headings = rng.sample(SPAN_HEADINGS, groups)
            columns = [(h, s) for h in headings for s in subs]
        else:
            columns = [(None, s) for s in rng.sample(["Budget", "Actual", "Forecast", "Variance", "Plan", "Target"], rng.randint(2, 4))]
        grouped_rows = rng.random() < 0.3  # a stub column of labels centred over several rows
        n_rows = rng.randint(3, 9)
        labels = rng.sample(LABELS, n_rows)
        values = [[_figure(rng) for _ in columns] for _ in range(n_rows)]
        stub = rng.choice(STUBS)
        font, bold = "Helvetica", "Helvetica-Bold"
        pad = size * 1.2
        label_width = max(stringWidth(t, font, size) for t in labels + [stub]) + pad
        widths = [max([stringWidth(v[i], font, size) for v in values]
                      + [stringWidth(columns[i][1], bold, size)]) + pad for i in range(len(columns))]
        group_width = 0.0
        if grouped_rows:
            group_width = max(stringWidth(g, font, size) for g in GROUPS) + pad
        total = group_width + label_width + sum(widths)
        if total > (width or self.column_width) or wide and total < self.column_width:
            return None
        lines = n_rows + (2 if groups else 1)
        height = size * 3.2 + lines * leading + size * 2
        if y - height < bottom:
            return None
        self.number += 1
        c.setFont("Helvetica-Bold", size)
        c.drawString(x, y, f"Table {self.number}: {_sentence(rng, rng.randint(3, 6)).capitalize()}")
        y -= size * 1.2
        table = Table()
        c.setLineWidth(0.8)
        c.line(x, y, x + total, y)
        y -= leading
        first_value = x + group_width + label_width
        lefts = [first_value + sum(widths[:i]) for i in range(len(columns))]
        row = 0
        offset = 1 if grouped_rows else 0
        if groups:
            c.setFont(bold, size)
            for g in range(groups):
                span = range(g * len(subs), (g + 1) * len(subs))
                x0, x1 = lefts[span[0]], lefts[span[-1]] + widths[span[-1]]
                c.drawCentredString((x0 + x1) / 2, y, headings[g])
                c.setLineWidth(0.4)
                c.line(x0 + 2, y - size * 0.4, x1 - 2, y - size * 0.4)
                table.cells.append(Cell(headings[g], row, offset + 1 + span[0], row, offset + 1 + span[-1]))
            row += 1
            y -= leading + RULE_SPACE * size
        c.setFont(bold, size)
        c.drawString(x + group_width, y, stub)
        table.cells.append(Cell(stub, row, offset, row, offset))
        for i, (_, heading) in enumerate(columns):
            c.drawRightString(lefts[i] + widths[i] - pad / 2, y, heading)
            table.cells.append(Cell(heading, row, offset + 1 + i, row, offset + 1 + i))
        c.setLineWidth(0.5)
        c.line(x, y - size * 0.4, x + total, y - size * 0.4)
        row += 1
        y -= leading + RULE_SPACE * size
        c.setFont(font, size)
        r = 0
        while r < n_rows:
            if grouped_rows:
                span = min(rng.randint(2, 3), n_rows - r)
                name = rng.choice(GROUPS)
                c.drawString(x, y - (span - 1) * leading / 2, name)
                table.cells.append(Cell(name, row, 0, row + span - 1, 0))
            else:
                span = 1
            for k in range(span):
                c.drawString(x + group_width, y, labels[r])
                table.cells.append(Cell(labels[r], row, offset, row, offset))
                for i, text in enumerate(values[r]):
                    c.drawRightString(lefts[i] + widths[i] - pad / 2, y, text)
                    table.cells.append(Cell(text, row, offset + 1 + i, row, offset + 1 + i))
                r, row = r + 1, row + 1
                y -= leading
        c.setLineWidth(0.8)
        c.line(x, y + leading - size * 0.5, x + total, y + leading - size * 0.5)
        self.tables.append(table)
        return y - size * 1.5

    def fill(self) -> None:
        top = HEIGHT - MARGIN
        if len(self.lefts) == 2 and self.rng.random() < 0.5:
            # a table across both text columns at the top of the page, as papers set wide floats
            for _ in range(5):
                below = self.table(MARGIN, top, HEIGHT / 2, width=WIDTH - 2 * MARGIN, wide=True)
                if below is not None:
                    top = below
                    break
        for x in self.lefts:
            y = top
            while y > MARGIN + 60:
                if self.rng.random() < 0.5:
                    y = self.prose(x, y, self.rng.randint(2, 7))
                else:
                    below = self.table(x, y, MARGIN)
                    if below is None:
                        y = self.prose(x, y, 2)
                    else:
                        y = below
        self.c.showPage()
        self.c.save()


def write_ground_truth(tables: list[Table], path: Path) -> None:
    root = ET.Element("document", filename=path.name)
    for number, table in enumerate(tables, start=1):
        table_el = ET.SubElement(root, "table", id=str(number))
        region = ET.SubElement(table_el, "region", {"id": "1", "page": "1", "row-increment": "0", "col-increment": "0"})
        for i, cell in enumerate(table.cells, start=1):
            cell_el = ET.SubElement(region, "cell", {
                "id": str(i), "start-row": str(cell.row), "start-col": str(cell.col),
                "end-row": str(cell.end_row), "end-col": str(cell.end_col)})
            ET.SubElement(cell_el, "content").text = cell.text
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def generate(folder: Path, seed: int, pages: int, page_maker=None) -> int:
    """``pages`` PDFs with their ground truth in ``folder``, set by ``page_maker`` (a page class
    taking path, text columns and random source; ``Page`` by default); returns the number of tables."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for n in range(pages):
        columns = 1 if n % 2 == 0 else 2
        name = f"{'one' if columns == 1 else 'two'}-{seed:02d}{n:03d}"
        page = (page_maker or Page)(folder / f"{name}.pdf", columns, rng)
        page.fill()
        write_ground_truth(page.tables, folder / f"{name}-str.xml")
        count += len(page.tables)
    return count


def main(argv: list[str] | None = None, page_maker=None, doc: str | None = None) -> int:
    """Generate pages with ``page_maker`` (``Page`` by default), run the pipeline's ``tables``
    on them and score it."""
    parser = argparse.ArgumentParser(description=(doc or __doc__).split("\n")[0])
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--data", type=Path, help="where the pages go (default: a temporary folder)")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--detail", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "pages"
        tables = generate(data, args.seed, args.pages, page_maker)
        print(f"seed {args.seed}: {args.pages} pages, {tables} tables in {data}")
        out = Path(tmp) / "out"
        summary = run(discover([data]), out, ["tables"])
        print(f"papers not ok: {len(summary.failures)}; {summary.seconds / max(summary.pages, 1):.2f} s/page")
        command = [sys.executable, str(args.scorer), "--out", str(out), "--data", str(data)]
        return subprocess.run(command + (["--detail"] if args.detail else []), check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
