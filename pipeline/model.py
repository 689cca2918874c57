"""The page model: the one shape every extractor reads.

A PDF page and a page of a text paper load into the same objects: lines of
words in reading order, each word with a box in points (origin top-left, as
pdfplumber), tables as cell grids, heading levels. One table finder, one
reader of header blocks and one logic of indentation serve both.

A text paper has no geometry of its own, so its characters stand on a grid:
a word ``k`` characters into its line (markup left out) on the
``n``-th line of its page (0-based, blank lines counted) has the box
``x0 = k * TEXT_CHAR_WIDTH``, ``x1 = x0 + len(word) * TEXT_CHAR_WIDTH``,
``top = n * TEXT_LINE_HEIGHT``, ``bottom = top + TEXT_FONT_SIZE``, and the
size ``TEXT_FONT_SIZE``. Columns aligned with spaces (``pdftotext -layout``,
scrapers) then stand where the table finder looks for them, in font sizes as
on a PDF page: a character is 0.29 em, as wide as a PDF's space, so words one
space apart make one phrase, two spaces (0.57 em) part phrases (the finder
parts them at 0.45 em) and four part cells (1 em). A tab-separated row has its
cells and no positions (tabs set cells nowhere in particular).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from pipeline.headings import Candidate

TEXT_FONT_SIZE = 14.0  # points: the size of every word of a text paper
TEXT_CHAR_WIDTH = 4.0  # points: one character column (0.29 em, a space of a PDF)
TEXT_LINE_HEIGHT = 16.8  # points: one line (1.2 em, the usual leading)


@dataclass(frozen=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Word:
    text: str
    bbox: BBox | None = None
    fontname: str | None = None
    size: float | None = None

    @property
    def font_size(self) -> float:
        """The font size, or the box's height where the source gives none."""
        return self.size or (self.bbox.bottom - self.bbox.top if self.bbox else 0.0)

    @property
    def bold(self) -> bool:
        return bool(self.fontname) and "bold" in self.fontname.lower()


@dataclass
class Line:
    """One line of text in reading order.

    ``cells`` is set when the line is a row of a table (the tab-separated
    fields of a text paper's row, else words parted by wide gaps); ``heading``
    is the markdown heading level (1-6) when the source marks one; ``bold``
    when the whole line is set in bold.
    """

    text: str
    words: list[Word] = field(default_factory=list)
    bbox: BBox | None = None
    heading: int | None = None
    bold: bool = False
    cells: list[str] | None = None
    underlined: list[str] = field(default_factory=list)
    # a text paper's line: no font is known for its words (bold and headings come from
    # markup), and a line is as often a whole paragraph as a line of one
    unstyled: bool = False


@dataclass
class Table:
    """A table as a grid of cells: ``rows[r][c]`` is the text or ``None``."""

    rows: list[list[str | None]]
    page: int
    bbox: BBox | None = None
    method: str = "text"  # how it was found: "tsv", "lattice", "stream", ...
    first_line: int | None = None  # index in page.lines of the table's first row, when known
    # cells covering more than one grid position: (row, col) of the top-left position ->
    # (row_span, col_span); the positions they cover are None in ``rows``
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def covered(self) -> set[tuple[int, int]]:
        """Positions inside a spanning cell other than its top-left one."""
        return {(r + dr, c + dc) for (r, c), (rows, cols) in self.spans.items()
                for dr in range(rows) for dc in range(cols) if dr or dc}

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def table_id_of(page: int, index: int) -> str:
    """The id of the ``index``-th table (1-based, top to bottom) of a page, as ``tables.table_id``: ``p3t1``."""
    return f"p{page}t{index}"


# A centred line's middle is within this share of the page's width of the page's middle,
# and it starts at least this share of the width in.
CENTRE_TOLERANCE = 0.08
CENTRE_MARGIN = 0.15


@dataclass
class Page:
    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    # what the loader could not do on this page (no text layer, garbled font...)
    problems: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def centres(self, line: Line) -> bool:
        """Whether ``line`` is set centred on the page, away from its left margin:
        how a title or a section heading shows on a page without fonts (a text
        rendering) as on one with them."""
        if not self.width or line.bbox is None:
            return False
        middle = (line.bbox.x0 + line.bbox.x1) / 2
        return (line.bbox.x0 > CENTRE_MARGIN * self.width
                and abs(middle - self.width / 2) <= CENTRE_TOLERANCE * self.width)


@dataclass(frozen=True)
class Position:
    """A line's place in a document: 1-based page, 0-based line on that page."""

    page: int
    line: int


@dataclass
class Segment:
    """A run of lines of a pack that holds one kind of content.

    ``kind`` is one of agenda, cover_sheet, report, action_log,
    financial_table, minutes. It runs from ``start`` up to ``end`` (exclusive;
    ``None``: to the end of the document). ``cue`` is the text that opened it.
    """

    kind: str
    start: Position
    end: Position | None = None
    cue: str = ""


@dataclass(frozen=True)
class Locale:
    """How a paper writes figures and dates: its language (ISO 639-1, None when
    the text tells none), decimal and thousands marks ("1.370,5" in Danish and
    German, "1 370,5" in Swedish and French), and the order of a numeric date
    ("DMY": 12/08/2020 is 12 August; "MDY": 8 December)."""

    language: str | None = None
    decimal: str = "."
    group: str = ","
    date_order: str = "DMY"


@dataclass
class Analysis:
    """What the core reads of a paper once, before any extractor runs
    (``pipeline/analyse.py``); extractors read it instead of working it out again.

    ``furniture``: (page, line index) of running headers, footers and page
    numbers; ``furniture_after_first`` the same, but a repeated line is kept
    on the page where it first appears (a table's header repeated on each
    page it runs over). ``opening``: where a paper with no "Agenda" or
    "Minutes" heading still opens one ((line on page 1, kind), or None).
    ``case_paper``: the opening item of a case paper (one item printed as its
    own paper) and the meeting that decided it, or None. ``numbered``: the
    lines that open with an item number ("5.1 Finance report", "BM/24/05
    Minutes"), by (page, line index), read by the one grammar of
    ``pipeline/headings.py``. ``margins``: the left edge of each text page's
    body, by page number (``pipeline/furniture.py``: a text rendering's
    columns shift from page to page).
    """

    locale: Locale
    furniture: frozenset[tuple[int, int]] = frozenset()
    furniture_after_first: frozenset[tuple[int, int]] = frozenset()
    opening: tuple[int, str] | None = None
    case_paper: tuple[Candidate, dict] | None = None
    numbered: dict[tuple[int, int], Candidate] = field(default_factory=dict)
    margins: dict[int, float] = field(default_factory=dict)


@dataclass
class Document:
    document_id: str
    source_path: str
    sha256: str
    format: str  # "pdf" or "text"
    pages: list[Page] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    path: str | None = None  # where the file was read from (absolute or cwd-relative)
    analysis: Analysis | None = None  # set by pipeline.analyse before extractors run

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)

    def iter_lines(self) -> Iterator[tuple[Page, int, Line]]:
        for page in self.pages:
            for i, line in enumerate(page.lines):
                yield page, i, line

    def iter_tables(self) -> Iterator[Table]:
        for page in self.pages:
            yield from page.tables

    def segments_of(self, kind: str) -> list[Segment]:
        return [s for s in self.segments if s.kind == kind]

    def lines_in(self, segment: Segment) -> Iterator[tuple[Page, int, Line]]:
        """The lines of one segment, in reading order."""
        start = (segment.start.page, segment.start.line)
        end = (segment.end.page, segment.end.line) if segment.end else None
        for page, i, line in self.iter_lines():
            if (page.number, i) < start:
                continue
            if end is not None and (page.number, i) >= end:
                return
            yield page, i, line
