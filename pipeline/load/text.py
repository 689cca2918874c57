"""Text papers: renderings of PDFs with tab-separated table rows, markdown
headings and HTML debris, read into the same page model as PDFs."""
from __future__ import annotations

import re

from pipeline.load import LoadError
from pipeline.model import Line, Page, Table
from pipeline.textutil import clean

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
RUN_IN_TABLE = "tables run into the text (no line breaks) not read"


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _line(raw: str) -> Line | None:
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
    return Line(text=text, heading=heading, bold=bold, cells=cells, underlined=underlined)


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
    page = Page(number=number)
    rows: list[list[str]] = []
    start = 0

    def close_table() -> None:
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
    for raw in text.split("\n"):
        line = _line(raw)
        if line is None:
            # renderings put single blank lines inside tables; a gap of two ends one
            blank_run += 1
            if blank_run == 2:
                close_table()
            continue
        blank_run = 0
        if line.cells is not None:
            if not rows:
                start = len(page.lines)
            rows.append(line.cells)
        else:
            close_table()
        page.lines.append(line)
    close_table()
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
