"""Tables drawn with ruling lines, from pdfplumber's line-intersection finder."""
from __future__ import annotations

from pipeline.model import BBox, Table
from pipeline.tables.stream import text_lines
from pipeline.textutil import clean

# A gap this wide (font sizes) inside one line of one cell means the cell holds several columns.
CROWDED_GAP = 1.5
# Share of the filled cells that may hold several columns or several stacked rows before the
# ruling is judged too sparse (lines only around the header or the outer box) to trust.
MAX_CROWDED = 0.2


def _inside(word: dict, bbox) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _crowded(found, words: list[dict]) -> bool:
    """Do many cells hold what are really several cells (the grid is under-ruled)?

    Counted in text lines: a line with a figure set off by a wide gap is two cells or more
    (a wide gap between words alone is justified text); a cell of stacked figures whose
    baselines recur in another cell of the row holds one row per line.
    """
    filled = crowded = 0
    for row in found.rows:
        stacked = []  # line baselines of each cell of the row that is a stack of figures
        for bbox in row.cells:
            if bbox is None:
                continue
            lines = text_lines([w for w in words if _inside(w, bbox)])
            filled += len(lines)
            crowded += sum(any(p.x0 - q.x1 >= CROWDED_GAP * line.size and (p.numeric or q.numeric)
                               for q, p in zip(line.phrases, line.phrases[1:])) for line in lines)
            if len(lines) >= 2 and all(p.numeric for line in lines for p in line.phrases):
                stacked.append([round(line.bottom) for line in lines])
        for bottoms in stacked:
            if sum(_same_rows(bottoms, other) for other in stacked) >= 2:
                crowded += len(bottoms)
    return filled > 0 and crowded > MAX_CROWDED * filled


def _same_rows(a: list[int], b: list[int]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 1 for x, y in zip(a, b))


def lattice_tables(page, number: int, words: list[dict]) -> list[Table]:
    tables = []
    for found in page.find_tables():
        rows = [[clean(c) for c in row] for row in found.extract()]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        if not any(c for row in rows for c in row) or _crowded(found, words):
            continue
        x0, top, x1, bottom = found.bbox
        tables.append(Table(rows=rows, page=number, bbox=BBox(x0, top, x1, bottom), method="lattice"))
    return tables
