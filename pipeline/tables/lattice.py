"""Tables drawn with ruling lines, from pdfplumber's line-intersection finder."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from pdfplumber.table import TableFinder

from pipeline.model import BBox, Table
from pipeline.pdfium import Drawing, plumber_text, plumber_words
from pipeline.tables.stream import (Spans, broken_word, join_continued_labels, may_be_broken, page_vocabulary,
                                    text_lines, valid_spans)
from pipeline.textutil import clean

# A gap this wide (font sizes) inside one line of one cell means the cell holds several columns.
CROWDED_GAP = 1.5
# Share of the filled cells that may hold several columns or several stacked rows before the
# ruling is judged too sparse (lines only around the header or the outer box) to trust.
MAX_CROWDED = 0.2
# Text beside a grid, within this share of its width, on the grid's lines: the grid is partial.
BESIDE = 0.5
# Share of the lines of a cell of stacked figures level with those of another: one row per line.
SAME_ROWS = 0.8
# Grid columns or rows narrower than this (points) are slivers between double rules.
SLIVER = 7.0


def _inside(word: dict, bbox) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _within(words: list[dict], bbox) -> list[dict]:
    """The words ``_inside`` the box."""
    x0, top, x1, bottom = bbox
    return [w for w in words
            if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]


def _crowded(bbox, rows: list, words: list[dict]) -> bool:
    """Do many cells hold what are really several cells (the grid is under-ruled)?

    Counted in text pieces: a figure set off by a wide gap is one more cell hidden in a
    cell (a wide gap between words alone is justified text); a cell of stacked figures
    whose baselines recur in another cell of the row holds one row per line.
    """
    filled = crowded = 0
    words = _within(words, bbox)  # every cell lies in the table's box (``bbox``)
    for row in rows:
        stacked = []  # line baselines of each cell of the row that is a stack of figures
        row_words = _within(words, row.bbox)  # the row's box holds its cells
        for cell in row.cells:
            if cell is None:
                continue
            lines = text_lines(_within(row_words, cell))
            hidden = sum(p.x0 - q.x1 >= CROWDED_GAP * line.size and (p.numeric or q.numeric)
                         for line in lines for q, p in zip(line.phrases, line.phrases[1:]))
            filled += len(lines) + hidden
            crowded += hidden
            if len(lines) >= 2 and all(p.numeric for line in lines for p in line.phrases):
                stacked.append([round(line.bottom) for line in lines])
        for bottoms in stacked:
            if sum(_same_rows(bottoms, other) for other in stacked) >= 2:
                crowded += len(bottoms)
    return filled > 0 and crowded > MAX_CROWDED * filled


def _partial(bbox, words: list[dict], others: list) -> bool:
    """Does the grid (in ``bbox``) rule only part of its table: short text just beside it,
    on the same lines as the text in it (shading or rules behind some columns only)? Text
    in another grid (``others``: their boxes; tables side by side) or running text (a
    column of prose) does not count."""
    x0, top, x1, bottom = bbox
    inside = text_lines(_within(words, bbox))
    if len(inside) < 2:
        return False
    level = [w for w in words if top <= (w["top"] + w["bottom"]) / 2 <= bottom
             and not any(_inside(w, other) for other in others)]
    left = [w for w in level if (w["x0"] + w["x1"]) / 2 < x0]
    right = [w for w in level if (w["x0"] + w["x1"]) / 2 > x1]
    beside = set()
    for side, gap in ((left, lambda l: x0 - l.x1), (right, lambda l: l.x0 - x1)):
        for line in text_lines(side):
            if (gap(line) <= BESIDE * (x1 - x0)
                    and all(sum(len(p.words) for p in chunk) <= 3 for chunk in line.chunks)):
                beside.update(i for i, row in enumerate(inside) if abs(line.bottom - row.bottom) <= 2)
    return len(beside) >= 0.5 * len(inside)


def _same_rows(a: list[int], b: list[int]) -> bool:
    """Do most lines of one stack of figures (``a``, their baselines) stand level with lines of
    another? Most, not all: a column of one year has a figure where the other has a blank (a UK
    council's budget summary ruled only around its column groups, 2024-25 | labels | 2025-26)."""
    level = sum(any(abs(x - y) <= 1 for y in b) for x in a)
    return level >= SAME_ROWS * len(a)


def _merge_slivers(edges: list[float], end: float) -> list[int]:
    """For each grid line interval (from ``edges[i]`` to the next edge, the last one to ``end``),
    the index of the band it belongs to once slivers are folded into the next band.

    Double rules, and cells drawn as separate boxes a few points apart, make the grid
    finder emit slivers: columns or rows a few points wide that split one real column.
    """
    widths = [b - a for a, b in zip(edges, edges[1:] + [end])]
    wide = [w >= SLIVER for w in widths]
    if not any(wide):
        return list(range(len(edges)))
    bands, band = [], 0
    for i in range(len(edges)):
        bands.append(band)
        if wide[i] and any(wide[i + 1:]):
            band += 1
    return bands


class _CharsByMiddle:
    """A page's chars (reader tuples) sorted by their vertical middle, to pick out a row's
    chars by bisection."""

    def __init__(self, chars: list[tuple]):
        self.chars = chars
        middles = [(c[2] + c[4]) / 2 for c in chars]
        self.indices = sorted(range(len(chars)), key=middles.__getitem__)  # stable: ties in the page's order
        self.middles = [middles[i] for i in self.indices]

    def in_band(self, top: float, bottom: float) -> list[tuple]:
        """Chars whose middle is in [top, bottom), in the page's order."""
        band = self.indices[bisect_left(self.middles, top):bisect_left(self.middles, bottom)]
        return [self.chars[i] for i in sorted(band)]


def _cell_text(chars: list[tuple], vocabulary: Callable[[], set[str]]) -> str:
    """pdfplumber's text of a cell's chars, but for a word broken over two lines because it
    is wider than the cell ("Timescal" / "e"): joined again. ``vocabulary()``: the page's words."""
    text = plumber_text(chars)
    parts = text.split("\n")
    if not any(may_be_broken(a, b, set) for a, b in pairwise(parts)):  # the lines' texts first: cheap
        return text
    lines = text_lines(plumber_words(chars, by_size=True))
    widest = max(line.x1 - line.x0 for line in lines)
    broken = {(a.phrases[0].text, b.phrases[0].text) for a, b in pairwise(lines)
              if len(a.phrases) == len(b.phrases) == 1 and broken_word(a.phrases[0], b.phrases[0], widest, vocabulary)}
    joined = [parts[0]]
    for part in parts[1:]:
        if (joined[-1], part) in broken:
            joined[-1] += part
        else:
            joined.append(part)
    return "\n".join(joined)


def _extract(rows: list, chars: _CharsByMiddle, vocabulary: Callable[[], set[str]]) -> list[list[str | None]]:
    """``found.extract()``, the same texts, without testing every char of the page for every row
    (and with words broken in narrow cells joined: ``_cell_text``).

    pdfplumber's test: a char is in a cell when its middle is in the cell's box, right
    and bottom open.
    """
    table = []
    for row in rows:
        x0, top, x1, bottom = row.bbox
        # (middle, vertical middle, char) of the row's chars; the band holds the vertical test
        row_chars = [((c[1] + c[3]) / 2, (c[2] + c[4]) / 2, c) for c in chars.in_band(top, bottom)]
        row_chars = [placed for placed in row_chars if x0 <= placed[0] < x1]
        texts = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            left, cell_top, right, cell_bottom = cell
            cell_chars = [c for h, v, c in row_chars if left <= h < right and cell_top <= v < cell_bottom]
            texts.append(_cell_text(cell_chars, vocabulary) if cell_chars else "")
        table.append(texts)
    return table


def _grid(found, bbox, rows: list, chars: _CharsByMiddle, vocabulary: Callable[[], set[str]]
          ) -> tuple[list[list[str | None]], Spans]:
    """The found table (in ``bbox``) as a grid with slivers folded and empty rows and columns
    dropped, and the spans of its cells that cover several of the grid's rows or columns."""
    xs = sorted({c[0] for c in found.cells})
    col_band = _merge_slivers(xs, max(c[2] for c in found.cells))
    tops = [row.bbox[1] for row in rows]
    row_band = _merge_slivers(tops, bbox[3])
    cells: dict[tuple[int, int], list[str]] = {}
    ends: dict[tuple[int, int], tuple[int, int]] = {}  # band of a cell's last row and column
    for r, (row, texts) in enumerate(zip(rows, _extract(rows, chars, vocabulary))):
        for c, (cell, text) in enumerate(zip(row.cells, texts)):
            text = clean(text)
            if text:
                key = (row_band[r], col_band[c])
                cells.setdefault(key, []).append(text)
                last_row = row_band[max(bisect_left(tops, cell[3] - SLIVER / 2) - 1, r)]
                last_col = col_band[max(bisect_left(xs, cell[2] - SLIVER / 2) - 1, c)]
                ends[key] = max(ends.get(key, key), (last_row, last_col))
    used_rows = sorted({r for r, _ in cells})
    used_cols = sorted({c for _, c in cells})
    grid = [[" ".join(cells[r, c]) if (r, c) in cells else None for c in used_cols] for r in used_rows]
    spans = {(used_rows.index(r), used_cols.index(c)): (sum(r <= u <= last_row for u in used_rows),
                                                         sum(c <= u <= last_col for u in used_cols))
             for (r, c), (last_row, last_col) in ends.items()}
    return join_continued_labels(grid, valid_spans(grid, spans))


def lattice_tables(drawing: Drawing, number: int, words: list[dict], chars: list[tuple]) -> list[Table]:
    """Ruled tables: pdfplumber's grids in the page's ``drawing``, cell text from the reader's ``chars``."""
    tables = []
    grids = TableFinder(drawing).tables  # what pdfplumber's page.find_tables() gives
    boxes = [found.bbox for found in grids]  # like rows, a property made anew from the cells at each use
    chars = _CharsByMiddle(chars) if grids else None
    vocabulary = cache(lambda: page_vocabulary(text_lines(words)))  # read only for a cell that needs it
    for i, found in enumerate(grids):
        found_rows = found.rows
        rows, spans = _grid(found, boxes[i], found_rows, chars, vocabulary)
        if (len(rows) < 2 or len(rows[0]) < 2 or _crowded(boxes[i], found_rows, words)
                or _partial(boxes[i], words, boxes[:i] + boxes[i + 1:])):
            continue
        x0, top, x1, bottom = boxes[i]
        tables.append(Table(rows=rows, page=number, bbox=BBox(x0, top, x1, bottom), method="lattice", spans=spans))
    return tables
