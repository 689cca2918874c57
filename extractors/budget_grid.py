"""Financial tables read from the core's tables of a page (``table_grids``), or
from the lines of a PDF page where the core's unruled tables read less.

A core table (``pipeline/tables``) is read as a budget grid: its body rows are
those with figures, its figure columns those mostly holding figures, its row
labels the text column with the most text left of the figures (short codes
beside it are not labels, text right of the figures is commentary); the header
rows above stack per figure column, a spanning heading over each column it
covers ("2024-25" over Core, External, Total).

A text paper's tables are the core's (its tab-separated tables). On a PDF page a table
row is a line with figures set apart from its words by a wide gap; the rows of
one table are consecutive, their figures stand in columns (found by where the
figures sit, whatever their alignment), and the lines just above the first row
whose words stand over those columns are its header, stacked top to bottom
("2025-26" over "Core" over "£000s"); a header word that spans several columns
labels all the columns nearest to it. Narrow headings may be set in lines that
interleave, with words broken over lines ("Revenu" / "e"): each column stacks
its own, and the broken words are joined by the table finder's test.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from extractors.vocab import load_vocab
from pipeline.model import BBox, Line, Page, Table, Word, table_id_of
from pipeline.numbers import parse_figure
from pipeline.tables.stream import Phrase, broken_word, page_vocabulary, text_lines
from pipeline.textutil import clean
from pipeline.units import is_unit_mark

# A figure is set apart from the words before it by a gap wider than this many font sizes.
FIGURE_GAP = 1.0
# Lines of a table are at most this many line heights apart.
ROW_GAP = 2.5
# The header sits at most this many line heights above the first row; its own
# lines are stacked closer than HEADER_STACK_GAP.
HEADER_GAP = 2.5
HEADER_STACK_GAP = 1.0
MAX_HEADER_LINES = 6
# A word taller than this many font sizes (and taller than wide) is set sideways.
SIDEWAYS = 1.5
# A header word starts at most this many font sizes right of the last figure column.
HEADER_OVERHANG = 3.0
# Section labels ("Adult Social Care & Health" over "... Operations") that may sit between a header and the first row.
MAX_SECTION_LABELS = 2
# Lines without figures (section labels, wrapped labels, footnotes) a table may hold in a row.
MAX_PLAIN_LINES = 3
# A plain line longer than this (words) is prose, not part of a table.
MAX_PLAIN_WORDS = 14
# Header words within this many font sizes of their column's edge or centre line up with it.
ALIGNED = 0.5
# A figure overlapping a column by this share of its width stands in it.
COLUMN_OVERLAP = 0.5

_NOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹*†‡]+|\(\w\))$")
_UNIT_WORD = re.compile(r"^(kr\.?|dkk|£|\$|€|%)$", re.I)
# A column left of the row labels that fewer than this share of the rows fill (of a table of
# at least MIN_ROWS_FOR_STRAY rows) is not one: stray marks of a margin note.
STRAY_SHARE = 0.25
MIN_ROWS_FOR_STRAY = 6
MAX_STRAY_LENGTH = 2  # characters: a margin note's letters, not amounts
# Currency signs printed before their figure ("$ 17,086,484").
_PREFIX_CURRENCY = ("£", "$", "€")
_YEAR = re.compile(r"^(19|20)\d{2}$")
# Financial years and years ("2024-25", "2023/24", "23-24", "FY24", "2013"), with the
# quarter, month or period of the year before them ("Q3 2024/25"), or those alone ("Month 10").
_YEARS = r"(FY\s*)?((19|20)\d{2}\s*[-/–]\s*(\d{2}|\d{4})\b|\d{2}\s*[-/–]\s*\d{2}\b(?![-/–]\d)|(19|20)\d{2}\b)|FY\s*'?\d{2}\b"
_PART_OF_YEAR = r"(Q[1-4]|quarter\s*[1-4]|month\s*\d{1,2}|period\s*\d{1,2}|P\d{1,2})\b"
_PERIOD = re.compile(rf"\b({_PART_OF_YEAR}\s*)?({_YEARS})|\b{_PART_OF_YEAR}", re.I)
_DOT_LEADER = re.compile(r"\s*(\.\s?){3,}\s*|\s*…+\s*")
# Fill marks of a printed form and its rules, read by OCR as text ("xxxxxxxx", "--------",
# "| ------", "I I i j", a lone "j" at either end): not words.
_SPECK = r"[IijlL|!\[\]—–_-]"
_FILLER = re.compile(rf"(?<!\w)[xX]{{4,}}(?!\w)|[-_=~*|]{{3,}}|(?<!\S)\|(?!\S)"
                     rf"|(?<!\S){_SPECK}(\s+{_SPECK})+(?!\S)|^[ijl!\[\]](?=\s)|(?<=\s)[ijl!\[\]]$")
_DOT_LEADER_END = re.compile(r"(\.{3,}|…)$")


@lru_cache(maxsize=1)
def _cell_vocab() -> dict[str, re.Pattern]:
    """Cells that hold no value ("-", "TBD", "n/a") and note references in labels: ``vocab/budget.toml``."""
    data = load_vocab("budget")
    return {"empty": re.compile(data["cells"]["empty"], re.I),
            "note": re.compile(data["labels"]["note_reference"], re.I),
            "notes_heading": re.compile(data["labels"]["notes_heading"], re.I)}


def is_empty_cell(text: str) -> bool:
    return bool(_cell_vocab()["empty"].match(text.strip()))


def period_in(text: str | None) -> str | None:
    match = _PERIOD.search(text or "")
    return match.group(0) if match else None


def without_filler(text: str) -> str:
    return clean(_FILLER.sub(" ", text)) or ""


def tidy_label(text: str | None) -> str | None:
    """A row label without dot leaders and note references."""
    if not text:
        return None
    text = _cell_vocab()["note"].sub("", _DOT_LEADER.sub(" ", without_filler(text)))
    return clean(text.strip(" .…:"))


@dataclass
class GridRow:
    label: str | None
    values: dict[int, str]  # column -> cell text as printed
    page: int
    bold: bool = False
    # column -> the cell holding its figure: ``tables.table_id``, row and col
    cells: dict[int, tuple[str, int, int]] = field(default_factory=dict)


@dataclass
class Grid:
    """One table: its header (parts per column, top to bottom) and its rows."""

    page: int
    first_line: int  # index in page.lines where the table (header included) starts
    columns: list[list[str]]
    rows: list[GridRow] = field(default_factory=list)
    header_label: str | None = None  # what the header says over the row labels
    reaches_page_end: bool = False
    span: tuple[float, float] | None = None  # top and bottom on a PDF page
    extents: list[list[float]] | None = None  # x0, x1 of each figure column on a PDF page
    label_span: tuple[float, float] | None = None  # where the row labels stand on a PDF page
    caption: str | None = None  # a caption set in the table's first row

    @property
    def n_figures(self) -> int:
        return sum(len(r.values) for r in self.rows)

    @property
    def has_header(self) -> bool:
        return any(self.columns)

    def same_columns(self, other: Grid) -> bool:
        """The two grids have the same figure columns (in the same places, when known)."""
        if len(self.columns) != len(other.columns):
            return False
        if self.extents is None or other.extents is None:
            return True
        return all(min(a[1], b[1]) > max(a[0], b[0]) for a, b in zip(self.extents, other.extents))


def _line_at(page: Page, top: float) -> int:
    """Index of the first line at or below a height (points)."""
    return next((i for i, l in enumerate(page.lines) if l.bbox and l.bbox.bottom > top), len(page.lines))


# ---------------------------------------------------------------- PDF pages

@dataclass
class _LineParts:
    labels: list[Word]
    figures: list[Word]
    units: list[Word]

    @property
    def is_years(self) -> bool:
        """A line of years over the columns ("2013  2012"): a header, not a row."""
        return bool(self.figures) and all(_YEAR.match(w.text) for w in self.figures)

    @property
    def is_row(self) -> bool:
        if len(self.figures) >= 2:
            return True
        if len(self.figures) == 1 and self.labels:
            return self.figures[0].bbox.x0 > self.labels[-1].bbox.x1
        return False


def _line_parts(line: Line, lang: str | None) -> _LineParts:
    """Split a line's words into label words, figures and unit marks.

    A figure stands apart: first on its line, after another figure, or after a
    gap; a number inside a run of words ("Section 29 costs") is label text.
    """
    labels, figures, units = [], [], []
    previous: Word | None = None
    previous_kind = None
    for word in _whole_figures(line.words):
        gap = word.bbox.x0 - previous.bbox.x1 if previous else None
        apart = previous is None or previous_kind in ("figure", "unit") or gap > FIGURE_GAP * word.font_size \
            or _DOT_LEADER_END.search(previous.text) is not None
        if previous_kind == "figure" and word.text not in _PREFIX_CURRENCY \
                and (_UNIT_WORD.match(word.text) or _NOTE.match(word.text)):
            units.append(word)
            kind = "figure"  # "1.370.000 kr.", "(258) ⁵": the mark belongs to the figure
        elif apart and parse_figure(word.text, lang):
            figures.append(word)
            kind = "figure"
        elif apart and previous is not None and is_empty_cell(word.text):
            kind = "figure"  # "-", "TBD" in a figure column: a cell with no value
        elif apart and word.text in _PREFIX_CURRENCY:
            units.append(word)
            kind = "unit"
        else:
            labels.append(word)
            kind = "label"
        previous, previous_kind = word, kind
    return _LineParts(labels, figures, units)


def _whole_figures(words: list[Word]) -> list[Word]:
    """Figures set as two words are one: "(521,256" + ")", "+" + "23.3"."""
    merged: list[Word] = []
    for word in words:
        last = merged[-1] if merged else None
        closes = word.text == ")" and last and last.text.startswith("(") and ")" not in last.text
        signed = last and last.text in ("+", "-", "–", "−") and word.text[:1].isdigit() \
            and word.bbox.x0 - last.bbox.x1 <= word.font_size
        if closes or signed:
            merged[-1] = Word(last.text + word.text, BBox(last.bbox.x0, last.bbox.top, word.bbox.x1, last.bbox.bottom),
                              last.fontname, last.size)
        else:
            merged.append(word)
    return merged


def _columns(rows: list[_LineParts]) -> list[list[float]]:
    """Column extents [x0, x1] from where the figures of the rows sit."""
    spans = sorted((w.bbox.x0, w.bbox.x1) for r in rows for w in r.figures)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and _same_column(x0, x1, *columns[-1]):
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return columns


def _same_column(x0: float, x1: float, c0: float, c1: float) -> bool:
    """Does a figure spanning [x0, x1] stand in the column spanning [c0, c1]? It overlaps
    it by half its width: figures of a column share their aligned edge, while a figure
    of the next column may touch it (a text rendering snaps figures to character cells,
    a cell either way) but no more."""
    return min(x1, c1) - max(x0, c0) >= COLUMN_OVERLAP * min(x1 - x0, c1 - c0)


def _column_of(word: Word, columns: list[list[float]]) -> int:
    overlaps = [min(word.bbox.x1, x1) - max(word.bbox.x0, x0) for x0, x1 in columns]
    best = max(range(len(columns)), key=lambda c: overlaps[c])
    if overlaps[best] > 0:
        return best
    centre = (word.bbox.x0 + word.bbox.x1) / 2
    return min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - centre))


def _height(line: Line) -> float:
    return max(line.bbox.bottom - line.bbox.top, 1.0)


def _gap(above: Line, below: Line) -> float:
    return (below.bbox.top - above.bbox.bottom) / _height(below)


_CONNECTOR_END = re.compile(r"([-&,(/]|\b(and|or|of|for|to|the|in|og|eller|af|for|til|i))$", re.I)


def _unfinished(label: str) -> bool:
    """A label that goes on on the next line: open bracket, or ends on a connector."""
    return label.count("(") > label.count(")") or bool(_CONNECTOR_END.search(label.rstrip()))


def _continues_label(line: Line, previous_label: str | None) -> bool:
    text = line.text.strip()
    if not text or not previous_label:
        return False
    return text[0].islower() or _unfinished(previous_label)


def pdf_grids(page: Page, lang: str | None, skip: set[int] = frozenset()) -> list[Grid]:
    """Tables on a PDF page, read from word positions (``skip``: furniture lines)."""
    index: dict[int, int] = {}  # id of a line read -> its index in page.lines
    lines = []
    for i, original in enumerate(page.lines):
        line = _upright(original) if original.bbox is not None and i not in skip else None
        if line is not None:
            index[id(line)] = i
            lines.append(line)
    parts = [_line_parts(l, lang) for l in lines]
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        if not parts[i].is_row or parts[i].is_years:
            i += 1
            continue
        start = end = i
        plain = 0
        j = i + 1
        while j < len(lines) and _gap(lines[j - 1], lines[j]) <= ROW_GAP:
            if parts[j].is_row:
                end, plain = j, 0
            elif plain < MAX_PLAIN_LINES and (len(lines[j].words) <= MAX_PLAIN_WORDS
                                              or _in_label_column(lines[j], parts[start:j])):
                plain += 1
            else:
                break
            j += 1
        # wrapped labels of the last row
        while end + 1 < len(lines) and not parts[end + 1].is_row and _gap(lines[end], lines[end + 1]) <= ROW_GAP \
                and _continues_label(lines[end + 1], " ".join(w.text for w in parts[end].labels)):
            end += 1
        grid = _read_block(page, lines, parts, start, end, index)
        if grid:
            grids.append(grid)
        i = end + 1
    return grids


def _upright(line: Line) -> Line | None:
    """The line without its words set sideways (a margin note running up the page
    is read into the lines it crosses); None when nothing is left."""
    kept = [w for w in line.words if not _sideways(w)]
    if len(kept) == len(line.words):
        return line if kept else None
    if not kept:
        return None
    box = BBox(min(w.bbox.x0 for w in kept), min(w.bbox.top for w in kept),
               max(w.bbox.x1 for w in kept), max(w.bbox.bottom for w in kept))
    return Line(" ".join(w.text for w in kept), kept, box, line.heading, line.bold, line.cells, line.underlined)


def _sideways(word: Word) -> bool:
    if word.bbox is None:
        return False
    height, width = word.bbox.bottom - word.bbox.top, word.bbox.x1 - word.bbox.x0
    return len(word.text) > 1 and height > width and height > SIDEWAYS * (word.size or height)


def _stray_figures(body: list[_LineParts]) -> set[int]:
    """Ids of one- or two-character figures in a column left of where most row labels
    start that only a few rows fill: letters of a margin note, not a column of the table."""
    starts = sorted(r.labels[0].bbox.x0 for r in body if r.labels)
    if len(body) < MIN_ROWS_FOR_STRAY or not starts:
        return set()
    label_start = starts[len(starts) // 2]
    stray = set()
    for x0, x1 in _columns(body):
        if x1 >= label_start:
            continue
        words = [w for r in body for w in r.figures if w.bbox.x0 >= x0 and w.bbox.x1 <= x1]
        if len(words) < STRAY_SHARE * len(body) and all(len(w.text) <= MAX_STRAY_LENGTH for w in words):
            stray.update(id(w) for w in words)
    return stray


def _in_label_column(line: Line, rows: list[_LineParts]) -> bool:
    """A long line that ends before the figures of the rows above: a wrapped row label, not prose."""
    first_figure = min((w.bbox.x0 for r in rows for w in r.figures), default=None)
    return first_figure is not None and line.bbox.x1 < first_figure


def _read_block(page: Page, lines: list[Line], parts: list[_LineParts], start: int, end: int,
                index: dict[int, int]) -> Grid | None:
    body = [parts[k] for k in range(start, end + 1) if parts[k].is_row]
    stray = _stray_figures(body)
    for k in range(start, end + 1):
        parts[k].figures = [w for w in parts[k].figures if id(w) not in stray]
    body = [parts[k] for k in range(start, end + 1) if parts[k].is_row]
    columns = _columns(body)
    if not columns:
        return None
    # label words right of the last figure column are notes ("Note 2"), not where the labels stand
    label_words = [w for k in range(start, end + 1) for w in parts[k].labels if w.bbox.x0 < columns[-1][1]]
    label_right = max((w.bbox.x1 for w in label_words), default=None)
    label_span = (min(w.bbox.x0 for w in label_words), label_right) if label_words else None
    first_line = index[id(lines[start])]
    grid = Grid(page=page.number, first_line=first_line, columns=[[] for _ in columns], extents=columns,
                label_span=label_span)
    # header: lines just above, whose words stand over the figure columns
    header: list[Line] = []
    left = min(x0 for x0, _ in columns)
    k, skipped = start - 1, 0
    while k >= 0 and _depth(header, columns) < MAX_HEADER_LINES and \
            _gap(lines[k], lines[k + 1]) <= (HEADER_STACK_GAP if header else HEADER_GAP):
        if parts[k].is_row and not parts[k].is_years:
            break
        if not _is_header_line(lines[k], columns, label_right):
            # a section label left of the figures ("Revenues:") may sit under the header
            if skipped >= MAX_SECTION_LABELS or header or lines[k].bbox.x1 >= left \
                    or len(lines[k].words) > MAX_PLAIN_WORDS // 2:
                break
            skipped += 1
        else:
            header.insert(0, lines[k])
        k -= 1
    if header:
        grid.first_line = index[id(header[0])]
        _stack_pdf_header(grid, header, columns, label_span, _page_words(page))
    prefix = None  # the first line(s) of a label whose figures stand on its last line
    for n in range(start, end + 1):
        line, part = lines[n], parts[n]
        # words right of the figures are a column of notes or commentary unless the label stands only there
        left_words = [w for w in part.labels if w.bbox.x0 < columns[-1][1]]
        label = " ".join(w.text for w in (left_words or part.labels)) or None
        if not part.is_row:
            if part.figures and not part.labels and grid.rows:
                _fill_gaps(grid.rows[-1], part.figures, columns)  # a figure set lower in its cell
                continue
            if prefix and (line.text[:1].islower() or _unfinished(prefix)):
                prefix = f"{prefix} {line.text}"  # the label being built goes on
            elif grid.rows and _continues_label(line, grid.rows[-1].label):
                grid.rows[-1].label = tidy_label(f"{grid.rows[-1].label} {line.text}")
            elif _unfinished(line.text) or len(line.words) > MAX_PLAIN_WORDS // 2 or (n < end and parts[n + 1].labels
                                           and parts[n + 1].labels[0].text[:1].islower()):
                prefix = f"{prefix} {line.text}" if prefix else line.text
            else:
                prefix = None  # a section label ("SPENDING")
            continue
        if prefix:
            label, prefix = f"{prefix} {label or ''}", None
        values: dict[int, str] = {}
        signs: dict[int, str] = {}
        for word in sorted(part.figures + part.units, key=lambda w: w.bbox.x0):
            c = _column_of(word, columns) if word in part.figures else None
            if c is None and word.text in _PREFIX_CURRENCY:
                # a currency sign joins the figure after it
                after = [w for w in part.figures if w.bbox.x0 >= word.bbox.x1]
                if after:
                    signs[_column_of(after[0], columns)] = word.text
                continue
            if c is None:
                # a unit mark joins the figure before it
                before = [w for w in part.figures if w.bbox.x1 <= word.bbox.x0]
                c = _column_of(before[-1], columns) if before else None
            if c is not None:
                values[c] = f"{values[c]} {word.text}" if c in values else word.text
        for c, sign in signs.items():
            if c in values:
                values[c] = f"{sign}{values[c]}"
        grid.rows.append(GridRow(tidy_label(label), values, page.number, line.bold))
    bottom = lines[end].bbox.bottom
    grid.reaches_page_end = not any(l.bbox.top > bottom and len(l.words) > 3 for l in lines[end + 1:])
    grid.span = ((header[0] if header else lines[start]).bbox.top, bottom)
    return grid


def borrow_header(grid: Grid, page: Page, lang: str | None, skip: set[int] = frozenset()) -> bool:
    """Give a grid that opens a page without a header the one left at the foot of the
    page before (``page``; ``skip``: its furniture lines), when its words stand over the
    grid's columns. True when one was found."""
    if grid.has_header or grid.extents is None:
        return False
    lines = [l for i, l in enumerate(page.lines) if i not in skip and l.bbox is not None and l.words]
    header: list[Line] = []
    label_right = grid.label_span[1] if grid.label_span else None
    for line in reversed(lines[-MAX_HEADER_LINES:]):
        parts = _line_parts(line, lang)
        if (parts.is_row and not parts.is_years) or not _is_header_line(line, grid.extents, label_right) \
                or (header and _gap(line, header[0]) > HEADER_STACK_GAP):
            break
        header.insert(0, line)
    if header:
        _stack_pdf_header(grid, header, grid.extents, grid.label_span, _page_words(page))
    return bool(header)


def _depth(header: list[Line], columns: list[list[float]]) -> int:
    """How many lines the header stacks, a line that reaches up beside the one above,
    over other columns, counting with it (headings of different heights centred in
    their cells interleave)."""
    return sum(not (above and line.bbox.top < above.bbox.bottom
                    and not {_column_of(w, columns) for w in line.words} & {_column_of(w, columns) for w in above.words})
               for above, line in pairwise([None, *header]))


def _fill_gaps(row: GridRow, figures: list[Word], columns: list[list[float]]) -> None:
    """Figures on a line of their own go into the row above, in the columns it left empty."""
    for word in figures:
        c = _column_of(word, columns)
        row.values.setdefault(c, word.text)


def _is_header_line(line: Line, columns: list[list[float]], label_right: float | None) -> bool:
    over = [w for w in line.words if any(min(w.bbox.x1, x1) - max(w.bbox.x0, x0) > 0 for x0, x1 in columns)]
    if not over:
        return False
    if line.cells is None and label_right is not None and line.words[0].bbox.x0 < label_right \
            and line.words[-1].bbox.x1 > label_right and len(line.words) > 4:
        return False  # a sentence running across the table
    left = min(x0 for x0, _ in columns)
    for chunk in _chunks(line):
        spanned = sum(1 for x0, x1 in columns if min(chunk[-1].bbox.x1, x1) - max(chunk[0].bbox.x0, x0) > 0)
        text = " ".join(w.text for w in chunk)
        if spanned >= 3 and not period_in(text):
            return False  # a banner over the table, not a column heading
        if chunk[0].bbox.x0 >= left and len(chunk) > MAX_PLAIN_WORDS // 2:
            return False
        if chunk[0].bbox.x0 > columns[-1][1] + HEADER_OVERHANG * chunk[0].font_size:
            return False  # text far right of the figures: another column of prose, not a heading
    return True


def _chunks(line: Line) -> list[list[Word]]:
    """Runs of words separated by no more than an ordinary space."""
    chunks: list[list[Word]] = []
    for word in line.words:
        if chunks and word.bbox.x0 - chunks[-1][-1].bbox.x1 <= 0.6 * word.font_size:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


def _overlap(x0: float, x1: float, span: tuple[float, float] | list[float]) -> float:
    return max(min(x1, span[1]) - max(x0, span[0]), 0.0)


def _stack_pdf_header(grid: Grid, header: list[Line], columns: list[list[float]],
                      label_span: tuple[float, float] | None, vocabulary: Callable[[], set[str]]) -> None:
    """Header lines into the parts of each column, top to bottom. Lines may interleave
    (headings of different heights centred in their cells are set half a line apart):
    each column stacks its own words, and a word a narrow cell broke over two lines
    ("Revenu" / "e") is joined again (``vocabulary``: the page's words, see ``broken_word``)."""
    label_parts = []
    pitch = (columns[-1][1] - columns[0][0]) / len(columns)
    placed: list[tuple[Line, dict[int, list[Word]], list[tuple[float, str]]]] = []
    across: set[int] = set()  # words of runs set across several columns
    for line in header:
        by_column: dict[int, list[Word]] = {}
        spanning: list[tuple[float, str]] = []
        for chunk in _chunks(line):
            x0, x1 = chunk[0].bbox.x0, chunk[-1].bbox.x1
            text = " ".join(w.text for w in chunk)
            over_columns = max(_overlap(x0, x1, c) for c in columns)
            if x0 > columns[-1][1] and not over_columns and _cell_vocab()["notes_heading"].match(text):
                continue  # the heading of a column of notes right of the figures
            if label_span and _overlap(x0, x1, label_span) > over_columns:
                label_parts.append(text)  # what the header says over the row labels
                continue
            spanning.append(((x0 + x1) / 2, text))
            placement = _place_chunk(chunk, columns)
            if len(placement) > 1:
                across.update(id(w) for w in chunk)
            for c, words in placement.items():
                by_column.setdefault(c, []).extend(words)
        placed.append((line, by_column, spanning))
    stacks: list[list[tuple[str, Phrase | None]]] = [[] for _ in columns]
    for line, by_column, spanning in placed:
        # a phrase set across several columns ("All figures in £m") is no cell's width, nor
        # part of a broken word
        parts = {c: (" ".join(w.text for w in words),
                     None if any(id(w) in across for w in words) else _phrase(words))
                 for c, words in by_column.items()}
        if len(spanning) < len(columns):
            # a column with a heading of its own on a line set beside this one takes none of its headings
            beside = {c for other, cells, _ in placed if other is not line and other.bbox.top < line.bbox.bottom
                      and other.bbox.bottom > line.bbox.top for c in cells}
            _spread(parts, spanning, columns, pitch, beside)
        for c, part in parts.items():
            stacks[c].append(part)
    for c, stack in enumerate(stacks):
        widest = max((p.x1 - p.x0 for _, p in stack if p), default=0.0)
        for n, (text, phrase) in enumerate(stack):
            above = stack[n - 1][1] if n else None
            if above and phrase and broken_word(above, phrase, widest, vocabulary):
                grid.columns[c][-1] += text
            else:
                grid.columns[c].append(text)
    grid.header_label = clean(" ".join(label_parts))


def _place_chunk(chunk: list[Word], columns: list[list[float]]) -> dict[int, list[Word]]:
    """The words of a run of header words by the column each stands over; a heading of
    a few words centred over the gap between the columns its words fall in ("Fiscal
    Year" over two year columns) heads each of those columns whole, unless the words
    over each column line up with it (headings of neighbouring columns set close)."""
    by_column: dict[int, list[Word]] = {}
    for word in chunk:
        by_column.setdefault(_column_of(word, columns), []).append(word)
    if len(by_column) > 1 and len(chunk) <= MAX_PLAIN_WORDS // 2 \
            and not all(_aligned(words, columns[c]) for c, words in by_column.items()):
        first, last = min(by_column), max(by_column)
        centre = (chunk[0].bbox.x0 + chunk[-1].bbox.x1) / 2
        centres = [(x0 + x1) / 2 for x0, x1 in columns[first:last + 1]]
        gaps = [(a[1] + b[0]) / 2 for a, b in pairwise(columns[first:last + 1])]
        if min(abs(g - centre) for g in gaps) < min(abs(c - centre) for c in centres):
            return {c: chunk for c in range(first, last + 1)}
    return by_column


def _aligned(words: list[Word], column: list[float]) -> bool:
    """Do the words line up with the figures of their column: left, right or centred?"""
    x0, x1 = words[0].bbox.x0, words[-1].bbox.x1
    tolerance = ALIGNED * words[0].font_size
    return min(abs(x0 - column[0]), abs(x1 - column[1]), abs((x0 + x1 - column[0] - column[1]) / 2)) <= tolerance


def _phrase(words: list[Word]) -> Phrase:
    """Header words as a phrase of the table finder, whose test for broken words this shares."""
    return Phrase([{"text": w.text} for w in words], words[0].bbox.x0, words[-1].bbox.x1,
                  min(w.bbox.top for w in words), max(w.bbox.bottom for w in words))


def _page_words(page: Page) -> Callable[[], set[str]]:
    """The page's words among others, read only when asked for (see ``page_vocabulary``)."""
    return cache(lambda: page_vocabulary(text_lines([
        {"text": w.text, "x0": w.bbox.x0, "x1": w.bbox.x1, "top": w.bbox.top, "bottom": w.bbox.bottom,
         "size": w.size} for line in page.lines for w in line.words if w.bbox is not None])))


def _spread(parts: dict[int, tuple[str, Phrase | None]], headings: list[tuple[float, str]],
            columns: list[list[float]], pitch: float, beside: set[int]) -> None:
    """A heading centred over a group of columns ("2024-25" over Core, External,
    Total) labels every column of the group (but those in ``beside``): the columns
    nearer to it than to any other heading of the line."""
    if not headings:
        return
    centres = [(x0 + x1) / 2 for x0, x1 in columns]
    groups: dict[int, list[int]] = {}
    for c, centre in enumerate(centres):
        groups.setdefault(min(range(len(headings)), key=lambda h: abs(headings[h][0] - centre)), []).append(c)
    for h, members in groups.items():
        span_centre = (columns[members[0]][0] + columns[members[-1]][1]) / 2
        if abs(span_centre - headings[h][0]) > pitch / 2:
            continue  # not centred over these columns: it labels only the one it stands on
        for c in members:
            if c not in beside:
                parts.setdefault(c, (headings[h][1], None))


# ---------------------------------------------------------------- the core's tables

def table_grids(page: Page, lang: str | None) -> list[Grid]:
    """Financial grids read from the tables the core found on a page (``page.tables``), each
    cell keeping where it stands in its table (``tables.table_id``, row, col)."""
    grids = []
    for n, table in enumerate(page.tables, start=1):
        grids.extend(_grids_of_table(page, table, table_id_of(page.number, n), lang))
    return grids


def _is_figure(text: str | None, lang: str | None) -> bool:
    return bool(text) and parse_figure(text, lang) is not None and not _YEAR.match(text.strip())


def _grids_of_table(page: Page, table: Table, table_id: str, lang: str | None) -> list[Grid]:
    rows = [[clean(c) or "" if c else "" for c in row] + [""] * (table.n_cols - len(row)) for row in table.rows]
    width = table.n_cols
    # a spanning cell's text stands in every position it covers (a heading over sub-columns)
    spread = [list(row) for row in rows]
    for (r, c), (n_rows, n_cols) in table.spans.items():
        for dr in range(n_rows):
            for dc in range(n_cols):
                if (r + dr, c + dc) != (r, c) and r + dr < len(spread) and c + dc < width:
                    spread[r + dr][c + dc] = rows[r][c]
    body = [r for r, row in enumerate(rows) if _body_row(row, lang)]
    if not body:
        return []
    # figure columns: most of their filled body cells are figures (or blank marks)
    figure_columns = []
    for c in range(width):
        cells = [rows[r][c] for r in body if rows[r][c]]
        figures = [t for t in cells if _is_figure(t, lang) or is_empty_cell(t)]
        if cells and any(_is_figure(t, lang) for t in cells) and len(figures) * 2 > len(cells):
            figure_columns.append(c)
    text_columns = [c for c in range(width) if c not in figure_columns]
    if not figure_columns or not text_columns:
        return []
    texts = [rows[r][c] for r in body for c in text_columns if rows[r][c]]
    words = sum(len(t.split()) for t in texts)
    figures = sum(1 for r in body for c in figure_columns if _is_figure(rows[r][c], lang))
    described = sum(1 for c in text_columns if any(rows[r][c] for r in body))
    if described > 1 and words > MAX_PLAIN_WORDS * max(len(texts), figures):
        # columns of paragraphs with an amount or two: a register of risks or actions, no budget
        # (a savings appendix describes each saving in a sentence beside a row of figures, a
        # Danish allocation memo each line it funds in a paragraph beside its amount)
        return []
    # the row labels stand in the text column holding the most text (codes beside them are short),
    # left of the figures: text right of them is commentary, unless the labels stand only there
    left = [c for c in text_columns if c < figure_columns[0] and any(rows[r][c] for r in body)]
    label_column = max(left or text_columns, key=lambda c: sum(len(rows[r][c]) for r in body))
    grids: list[Grid] = []
    grid: Grid | None = None
    header: list[int] = []
    for r, row in enumerate(rows):
        if r not in body:
            headings = [c for c in figure_columns if row[c] and not _is_figure(row[c], lang)]
            if grid is not None and len(headings) >= 2:
                grid, header = None, []  # a header again: another table stacked under the first
            if grid is None:
                header.append(r)
            continue  # a section label ("Funded By:") or a note inside the body
        if grid is None:
            grid = Grid(page=page.number, first_line=_first_line(page, table, header[0] if header else r),
                        columns=[[] for _ in figure_columns],
                        extents=_extents(page, table, rows, figure_columns))
            label_span = _extents(page, table, rows, [label_column])
            grid.label_span = tuple(label_span[0]) if label_span else None
            _stack_table_header(grid, table, rows, header, figure_columns, label_column)
            if table.bbox is not None:
                grid.reaches_page_end = not any(l.bbox and l.bbox.top > table.bbox.bottom and len(l.words) > 3
                                                for l in page.lines)
            grids.append(grid)
            header = []
        values = {k: rows[r][c] for k, c in enumerate(figure_columns) if rows[r][c]}
        label = spread[r][label_column] or " ".join(rows[r][c] for c in text_columns if rows[r][c]) or None
        grids[-1].rows.append(GridRow(tidy_label(label), values, page.number,
                                      cells={k: (table_id, r, c) for k, c in enumerate(figure_columns)}))
    return grids


def _stack_table_header(grid: Grid, table: Table, rows: list[list[str]], header: list[int], figure_columns: list[int],
                        label_column: int) -> None:
    """The header rows of a table into the parts of each figure column, top to bottom. A heading
    spanning columns heads each of them ("2024-25" over Core, External, Total), but a banner
    across three columns or more that names no period ("INDICATIVE FOR PLANNING PURPOSES")
    heads none (a unit does: "£m" over Budget, Forecast, Variance, and a heading over periods:
    "Fiscal Year" over 2013, 2012, 2011); a first row of a single phrase over the labels is the table's caption. In a
    tab-separated table (no spans), a heading followed by empty cells in a row with some empty
    heads them."""
    width = len(rows[0]) if rows else 0
    for n, h in enumerate(header):
        cells = list(rows[h])
        filled = [c for c in range(width) if cells[c]]
        if n == 0 and len(filled) == 1 and filled[0] <= label_column and len(cells[filled[0]].split()) >= 3:
            grid.caption = cells[filled[0]]
            continue
        below = rows[header[n + 1]] if n + 1 < len(header) else []
        heads = {c for (r, c), (_, n_cols) in table.spans.items()
                 if r == h and (n_cols < 3 or _heads_wide(cells[c], below[c:c + n_cols]))}
        for (r, c), (_, n_cols) in table.spans.items():
            if r == h and c in heads:
                for k in range(c + 1, min(c + n_cols, width)):
                    cells[k] = cells[c]
        if table.method == "tsv" and 0 < sum(bool(cells[c]) for c in figure_columns) < len(figure_columns):
            last = None
            for c in figure_columns:
                last = cells[c] or last
                cells[c] = last or ""
        for k, c in enumerate(figure_columns):
            if cells[c] and (not table.spans.get((h, c)) or c in heads):
                grid.columns[k].append(cells[c])
        if cells[label_column]:
            grid.header_label = cells[label_column]


def _heads_wide(text: str, below: list[str]) -> bool:
    """Does a heading across three columns or more head each of them: a period or a unit, or a
    heading over periods ("Fiscal Year" over 2013, 2012, 2011)?"""
    return bool(period_in(text)) or is_unit_mark(text) or bool(below) and all(period_in(b) for b in below)


def _extents(page: Page, table: Table, rows: list[list[str]], columns: list[int]) -> list[list[float]] | None:
    """Where each of some columns of a table stands on a PDF page: the words of its cells."""
    if table.bbox is None:
        return None
    box = table.bbox
    words = [w for line in page.lines for w in line.words if w.bbox and box.top - 1 <= w.bbox.top
             and w.bbox.bottom <= box.bottom + 1 and box.x0 - 1 <= w.bbox.x0 and w.bbox.x1 <= box.x1 + 1]
    extents = []
    for c in columns:
        texts = {t for row in rows for t in row[c].split()}
        spans = [(w.bbox.x0, w.bbox.x1) for w in words if w.text in texts]
        if not spans:
            return None
        extents.append([min(x0 for x0, _ in spans), max(x1 for _, x1 in spans)])
    return extents


def _body_row(row: list[str], lang: str | None) -> bool:
    """A row of the body: a figure after a text cell, or two figures."""
    figures = [c for c, t in enumerate(row) if _is_figure(t, lang)]
    return len(figures) >= 2 or (len(figures) == 1 and any(t and not _is_figure(t, lang) for t in row[:figures[0]]))


def _first_line(page: Page, table: Table, row: int) -> int:
    if table.first_line is not None:
        return table.first_line + row
    return _line_at(page, table.bbox.top) if table.bbox else 0


# ---------------------------------------------------------------- cells of lines read again

# A figure as a cell and as words may differ in spaces and a currency sign set apart ("$ 1,250").
_FIGURE_KEY = re.compile(r"[\s£$€]")


def locate_cells(grids: list[Grid], page: Page) -> None:
    """Figures read from a page's lines keep the cell of the core's table that holds them (see
    ``tables``): the first row, from where the last one matched on, whose cells hold the row's
    figures in their order; a row of one figure must also hold its label."""
    rows = [(table_id_of(page.number, n), r, [_FIGURE_KEY.sub("", c or "") for c in cells])
            for n, table in enumerate(page.tables, start=1) for r, cells in enumerate(table.rows)]
    start = 0
    for row in (row for grid in grids for row in grid.rows if not row.cells):
        wanted = [(k, _FIGURE_KEY.sub("", v)) for k, v in sorted(row.values.items())]
        if not wanted:
            continue
        label = _FIGURE_KEY.sub("", row.label or "")
        for i in [*range(start, len(rows)), *range(start)]:
            table_id, r, cells = rows[i]
            found, c = {}, 0
            for k, key in wanted:
                c = next((j for j in range(c, len(cells)) if cells[j] == key), None)
                if c is None:
                    break
                found[k] = (table_id, r, c)
                c += 1
            if c is not None and (len(wanted) > 1 or label and label in "".join(cells)):
                row.cells, start = found, i + 1
                break
