"""PDF papers into the page model: words and lines from pypdfium2, tables from pdfplumber's grid finder.

Every page is read once, by pypdfium2 (cheap). Only pages that may hold a
table (drawn rulings, or several lines of column-aligned text) go to the table
finder, with the lines, rects and curves pdfplumber would parse, made from
that same read, and the same chars: pdfplumber never opens the file.
"""
from __future__ import annotations

import statistics

from pipeline.find_tables import find_tables
from pipeline.garbled import odd_words
from pipeline.load import LoadError
from pipeline.load.inflation import check_inflation
from pipeline.model import BBox, Line, Page, Word
from pipeline.pdfium import PDFIUM_LOCK, CheapPage, PageReader, PdfiumOpenError, open_document
from pipeline.textutil import clean

# Words closer than this many line heights stay on one line.
LINE_TOLERANCE = 0.5
# A horizontal gap wider than this many font sizes splits a line into cells,
# the way a text rendering separates table columns with tabs.
CELL_GAP = 1.5
# A page goes to the table finder when its drawn rules could make a grid (this
# many horizontal and vertical rules; a rectangle counts as two of each) or this
# many lines split into cells (a table drawn without rules).
MIN_RULES = 2
MIN_CELL_LINES = 3
# A rule is at most this thick (points) and a table rule at least this long.
RULE_THICKNESS = 2.0
MIN_TABLE_RULE = 8.0
# A page is garbled (pipeline/garbled.py) from this many garbled words, making up
# more than this share of its words.
MIN_ODD_WORDS = 5
ODD_WORD_SHARE = 0.25
# An underline lies this close below the word's box and spans most of the word.
UNDERLINE_GAP = 4.0
UNDERLINE_SPAN = 0.8


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines in reading order (top to bottom, left to right)."""
    rows: list[list[Word]] = []
    reach = top = 0.0  # the last row's first word: its top, and how far from it a word joins the row
    for word in sorted(words, key=lambda w: (w.bbox.top, w.bbox.x0)):
        if rows and abs(word.bbox.top - top) <= reach:
            rows[-1].append(word)
            continue
        rows.append([word])
        top = word.bbox.top
        reach = LINE_TOLERANCE * max(word.bbox.bottom - top, 1.0)
    return [make_line(sorted(row, key=lambda w: w.bbox.x0)) for row in rows]


def make_line(words: list[Word]) -> Line:
    """A line of words (left to right, with boxes): cells where wide gaps part them."""
    size = statistics.median([w.font_size for w in words])
    boxes = [w.bbox for w in words]
    chunks: list[list[Word]] = [[words[0]]]
    for prev, word, box in zip(boxes, words[1:], boxes[1:]):
        if box.x0 - prev.x1 > CELL_GAP * size:
            chunks.append([word])
        else:
            chunks[-1].append(word)
    cells = [" ".join([w.text for w in chunk]) for chunk in chunks] if len(chunks) > 1 else None
    bbox = BBox(min([b.x0 for b in boxes]), min([b.top for b in boxes]),
                max([b.x1 for b in boxes]), max([b.bottom for b in boxes]))
    return Line(text=clean(" ".join([w.text for w in words])) or "", words=words, bbox=bbox,
                bold=all(w.bold for w in words), cells=cells)


def _underlines(paths: list[BBox]) -> list[BBox]:
    return [p for p in paths if p.bottom - p.top <= RULE_THICKNESS]


def _underlined(line: Line, underlines: list[BBox]) -> list[str]:
    """Runs of words of the line with a rule just below them."""
    runs: list[list[str]] = []
    previous = False
    for word in line.words:
        box = word.bbox
        under = any(
            -RULE_THICKNESS <= rule.top - box.bottom <= UNDERLINE_GAP
            and min(rule.x1, box.x1) - max(rule.x0, box.x0) >= UNDERLINE_SPAN * (box.x1 - box.x0)
            for rule in underlines)
        if under:
            if previous:
                runs[-1].append(word.text)
            else:
                runs.append([word.text])
        previous = under
    return [" ".join(run) for run in runs]


def to_page(cheap: CheapPage, number: int) -> Page:
    page = Page(number=number, lines=group_lines(cheap.words), width=cheap.width, height=cheap.height,
                problems=list(cheap.problems))
    underlines = _underlines(cheap.paths)
    if underlines:
        for line in page.lines:
            # only rules level with the line can underline its words (a point of margin)
            near = [rule for rule in underlines
                    if line.bbox.top - RULE_THICKNESS - 1 <= rule.top <= line.bbox.bottom + UNDERLINE_GAP + 1]
            line.underlined = _underlined(line, near) if near else []
    if not cheap.words and cheap.images:
        page.problems.append("no text layer (image-only page)")
    odd, lettered = odd_words(w.text for w in cheap.words)
    if odd >= MIN_ODD_WORDS and odd > ODD_WORD_SHARE * lettered:
        page.problems.append(f"text may be garbled: {odd} of {lettered} words mix letters and symbols")
    return page


def needs_geometry(cheap: CheapPage, page: Page) -> bool:
    """Whether the table finder should see the page."""
    horizontal = vertical = 0
    for path in cheap.paths:
        width, height = path.x1 - path.x0, path.bottom - path.top
        if width >= MIN_TABLE_RULE and height >= MIN_TABLE_RULE:
            horizontal, vertical = horizontal + 2, vertical + 2
        elif width >= MIN_TABLE_RULE:
            horizontal += 1
        elif height >= MIN_TABLE_RULE:
            vertical += 1
    if horizontal >= MIN_RULES and vertical >= MIN_RULES:
        return True
    return sum(1 for line in page.lines if line.cells) >= MIN_CELL_LINES


def _open_pdfium(data: bytes):
    try:
        return open_document(data)
    except PdfiumOpenError as exc:
        if exc.encrypted:
            raise LoadError("encrypted PDF: cannot be read without a password") from exc
        raise LoadError(f"not a readable PDF: {exc}") from exc


def read_pdf(data: bytes) -> list[Page]:
    check_inflation(data)  # before pdfium inflates anything
    with PDFIUM_LOCK:
        document = _open_pdfium(data)
        try:
            pages = []
            doctop = 0.0  # pdfplumber's top of the page in the whole document
            for index in range(len(document)):
                with PageReader(document, index) as reader:
                    cheap = reader.read()
                    page = to_page(cheap, index + 1)
                    if needs_geometry(cheap, page):
                        _search_tables(page, reader, doctop)
                pages.append(page)
                doctop += cheap.height
        finally:
            document.close()
    if not pages:
        raise LoadError("not a readable PDF: it has no pages")
    return pages


def _search_tables(page: Page, reader: PageReader, doctop: float) -> None:
    try:
        page.tables = find_tables(reader.drawing(page.number, doctop), page.number, reader.chars)
    except Exception as exc:  # the page keeps its text; the paper goes on
        page.problems.append(f"tables not searched: {type(exc).__name__}: {exc}")
