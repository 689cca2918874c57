"""Text papers: renderings of PDFs (tab-separated table rows, or columns aligned
with spaces as ``pdftotext -layout`` writes them), markdown headings and HTML
debris, read into the same page model as PDFs: every word has a box on a grid
of characters (pipeline/model.py), and tables set with spaces come from the
same unruled-table finder as a PDF page's."""
from __future__ import annotations

import re
import unicodedata

from pipeline.load import LoadError
from pipeline.load.flattened import set_out
from pipeline.load.pdf import make_line
from pipeline.model import TEXT_CHAR_WIDTH, TEXT_FONT_SIZE, TEXT_LINE_HEIGHT, BBox, Line, Page, Table, Word
from pipeline.tables.stream import stream_tables
from pipeline.textutil import clean, strip_markup

_TOKEN = re.compile(r"\S+")

_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_UNDERLINED = re.compile(r"<u>(.*?)</u>", re.I | re.S)
# Files that are not text whatever their name says, by their first bytes.
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP file (a Word .docx, Excel .xlsx or other Office document?)",
    b"\xd0\xcf\x11\xe0": "an old Office file (.doc, .xls)",
    b"%PDF": "a PDF: name it .pdf",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
# A text page shows a table laid out with spaces when this many lines running (blank lines
# aside) each hold figures in columns apart by runs of spaces: a ``pdftotext -layout`` rendering.
MIN_ALIGNED_ROWS = 3
_COLUMN_GAP = re.compile(r"\S {3,}(?=\S)")
_FIGURE = re.compile(r"\d")
SPACED_TABLE = "tables laid out with spaces (not tabs) not read"
# A line with this many figures is a table run into the text: a web page's rendering that lost
# its line breaks ("Target Actual Variance ... 2,959 132 -2,826 A 3,945 ..."). Prose has a handful.
MIN_RUN_IN_FIGURES = 20
_FIGURE_WORD = re.compile(r"^[(£$€+-]*\d[\d,.]*%?\)?$")
RUN_IN_TABLE = "tables run into the text (no line breaks) not read"  # when they cannot be set out again
# A footnote to a figure, set under its row between two rows of a tab-separated table
# ("(120) ¹" ... "¹ Includes a one-off transfer from the reserve fund."): it opens with the figure's mark.
_FOOTNOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡§]+)\s*\S")


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _words(raw: str, row: int) -> list[Word]:
    """The words of a line as shown (markup gone), on the character grid."""
    if "<" in raw or "&" in raw:
        raw = strip_markup(raw)
    shown = unicodedata.normalize("NFC", raw)
    top, bottom = row * TEXT_LINE_HEIGHT, row * TEXT_LINE_HEIGHT + TEXT_FONT_SIZE
    return [Word(match.group(), BBox(match.start() * TEXT_CHAR_WIDTH, top, match.end() * TEXT_CHAR_WIDTH, bottom),
                 size=TEXT_FONT_SIZE) for match in _TOKEN.finditer(shown)]


def _line(raw: str, row: int) -> Line | None:
    heading = None
    match = _HEADING.match(raw)
    if match:
        heading, raw = len(match.group(1)), match.group(2)
    underlined = [u for u in (clean(x) for x in _UNDERLINED.findall(raw)) if u]
    stripped = raw.strip()
    bold = bool(_BOLD.fullmatch(stripped)) or (stripped.startswith("**") and stripped.endswith("**"))
    raw = _BOLD.sub(r"\1", raw).replace("**", "")
    cells = None
    if "\t" in raw:
        cells = [clean(c) or "" for c in raw.rstrip("\r\n").split("\t")]
        if not any(cells):
            cells = None
    text = clean(" ".join(cells) if cells else raw)
    if not text:
        return None
    # tabs part a row into cells but set them nowhere: a tab-separated row has no positions
    words = _words(raw, row) if cells is None else []
    if not words:
        return Line(text=text, heading=heading, bold=bold, cells=cells, underlined=underlined, unstyled=True)
    # as a PDF's line: cells where wide gaps part the words
    line = make_line(words)
    line.text, line.heading, line.bold, line.underlined, line.unstyled = text, heading, bold, underlined, True
    return line


def _aligned_row(raw: str) -> bool:
    """A line of figures in columns set apart by spaces (no tab)."""
    return "\t" not in raw and len(_COLUMN_GAP.findall(raw)) >= 2 and bool(_FIGURE.search(raw))


def shows_spaced_table(raw_lines: list[str]) -> bool:
    run = 0
    for raw in raw_lines:
        if not raw.strip():
            continue
        run = run + 1 if _aligned_row(raw) else 0
        if run >= MIN_ALIGNED_ROWS:
            return True
    return False


def shows_run_in_table(raw_lines: list[str]) -> bool:
    return any("\t" not in raw and sum(1 for word in raw.split() if _FIGURE_WORD.match(word)) >= MIN_RUN_IN_FIGURES
               for raw in raw_lines)


def read_page(number: int, text: str) -> Page:
    raws = text.split("\n")
    page = Page(number=number, height=len(raws) * TEXT_LINE_HEIGHT)
    rows: list[list[str]] = []
    start = 0

    notes = 0  # footnote rows the table ends on so far: kept only when a row of the table follows

    def close_table() -> None:
        nonlocal notes
        del rows[len(rows) - notes:]  # notes under the last row are the text's, not the table's
        notes = 0
        if rows:
            # a rendering ends every row with a tab: drop columns empty in every row
            width = max(len(r) for r in rows)
            grid = [[c or None for c in r] + [None] * (width - len(r)) for r in rows]
            while width and all(r[width - 1] is None for r in grid):
                width -= 1
                grid = [r[:width] for r in grid]
            page.tables.append(Table(rows=grid, page=number, method="tsv", first_line=start))
        rows.clear()

    blank_run = 0
    for row, raw in enumerate(raws):
        line = _line(raw, row)
        if line is None:
            # renderings put single blank lines inside tables; a gap of two ends one
            blank_run += 1
            if blank_run == 2:
                close_table()
            continue
        blank_run = 0
        if "\t" in raw and line.cells is not None:
            if not rows:
                start = len(page.lines)
            rows.append(line.cells)
            notes = 0
        elif rows and _FOOTNOTE.match(line.text):
            # a footnote set inside the table: a row of its own, the note in its first cell
            rows.append([line.text])
            notes += 1
        else:
            close_table()
        page.lines.append(line)
    close_table()
    # tab-separated rows are tables already (and have no positions); the rest may hold tables set with spaces
    words = [w for line in page.lines for w in line.words]
    page.width = max((w.bbox.x1 for w in words), default=None)
    aligned = [{"text": w.text, "x0": w.bbox.x0, "x1": w.bbox.x1, "top": w.bbox.top, "bottom": w.bbox.bottom,
                "size": w.size, "upright": True} for w in words]
    page.tables += sorted(stream_tables(number, aligned, snap=TEXT_CHAR_WIDTH), key=lambda t: (t.bbox.top, t.bbox.x0))
    flattened = set_out(page)  # a web page's finance table that ran into one paragraph, set out again
    if flattened:
        return flattened
    if not page.tables:
        raw_lines = text.split("\n")
        if shows_spaced_table(raw_lines):
            page.problems.append(SPACED_TABLE)
        elif shows_run_in_table(raw_lines):
            page.problems.append(RUN_IN_TABLE)
    return page


def not_text(data: bytes) -> str | None:
    """What a file is when it is not text (binary content), else None."""
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    return "binary content" if b"\x00" in data[:8192] else None


def read_text(data: bytes) -> list[Page]:
    kind = not_text(data)
    if kind:
        raise LoadError(f"not a text paper: {kind}; save it as PDF or plain text")
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    return [read_page(i, chunk) for i, chunk in enumerate(text.split("\f"), start=1)]
