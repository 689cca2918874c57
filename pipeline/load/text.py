"""Text papers: renderings of PDFs with tab-separated table rows, markdown
headings and HTML debris, read into the same page model as PDFs."""
from __future__ import annotations

import re

from pipeline.model import Line, Page, Table
from pipeline.textutil import clean

_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_UNDERLINED = re.compile(r"<u>(.*?)</u>", re.I | re.S)


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
    return page


def read_text(data: bytes) -> list[Page]:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    return [read_page(i, chunk) for i, chunk in enumerate(text.split("\f"), start=1)]
