"""Page furniture: running headers, footers and page numbers that repeat on
the pages of a paper and interrupt the text that flows across a page break.

Found once per paper by the analysis (``pipeline/analyse.py``); extractors read
``Analysis.furniture``."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.model import Document, Line, Page

# A line is furniture when (digits aside) it recurs at the same height on this
# share of the pages, or in the page's margin on MIN_PAGES pages in a row; a
# lone page number is furniture in the page's margins.
FURNITURE_SHARE = 0.5
MIN_PAGES = 3
MARGIN_BAND = 0.12
# Heights within this many points count as the same place on the page.
SAME_PLACE = 4.0
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page|side|s\.)?\s*\d{1,4}(\s*(of|af|/)\s*\d{1,4})?$", re.I)


def _key(line: Line) -> tuple[str, int | None]:
    place = round(line.bbox.top / SAME_PLACE) if line.bbox else None
    return _DIGITS.sub("#", line.text.strip().casefold()), place


def _in_margin(page: Page, line: Line) -> bool:
    if line.bbox is None or not page.height:
        return True
    return line.bbox.top < MARGIN_BAND * page.height or line.bbox.bottom > (1 - MARGIN_BAND) * page.height


def _running_in_a_part(doc: Document, keys: list[list[tuple[str, int | None]]]) -> set[tuple[str, int | None]]:
    """Lines that stand in the page's margin at the same place on MIN_PAGES pages
    in a row, numbering them: the running header or footer of one part of a paper,
    however short a share of the whole it is. A Nordic agenda or minutes pack heads
    each page of its own part ("Protokoll 12 § 14.03.2024 Sida 7") but not the
    reports appended to it, which may be most of its pages. Its figures change from
    page to page, where a table's header repeated atop each page it runs over is
    the same on each (the table reads it). A line with no place (a tab-separated
    row) is never known to stand in the same place."""
    running: set[tuple[str, int | None]] = set()
    # each key's pages in a row so far, and its texts on them
    streak: dict[tuple[str, int | None], tuple[int, frozenset[str]]] = {}
    for page, page_keys in zip(doc.pages, keys):
        here = {key: line.text for line, key in zip(page.lines, page_keys)
                if line.bbox is not None and _in_margin(page, line)}
        streak = {key: (streak.get(key, (0, frozenset()))[0] + 1, streak.get(key, (0, frozenset()))[1] | {text})
                  for key, text in here.items()}
        running.update(key for key, (pages, texts) in streak.items() if pages >= MIN_PAGES and len(texts) > 1)
    return running


def find_furniture(doc: Document) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """(page number, line index) of every furniture line of the paper; and the same
    with a repeated line kept where it first appears (a table's header repeated at
    the top of every page it runs over heads the table on its first page)."""
    keys = [[_key(line) for line in page.lines] for page in doc.pages]
    seen: Counter = Counter()
    first_page: dict[tuple[str, int | None], int] = {}
    for page, page_keys in zip(doc.pages, keys):
        distinct = set(page_keys)
        seen.update(distinct)
        for key in distinct:
            first_page.setdefault(key, page.number)
    # a line in the page's body recurs at one place on MIN_PAGES pages at least: in a short paper two
    # decisions worded alike ("De raad besluit unaniem:") may stand at one height on two pages
    in_margin = {key for page, page_keys in zip(doc.pages, keys)
                 for line, key in zip(page.lines, page_keys) if _in_margin(page, line)}
    repeated = set()
    if len(doc.pages) >= MIN_PAGES:
        repeated = {k for k, n in seen.items()
                    if n >= FURNITURE_SHARE * len(doc.pages) and (n >= MIN_PAGES or k in in_margin)}
        repeated |= _running_in_a_part(doc, keys)
    found: dict[bool, list[tuple[int, int]]] = {False: [], True: []}
    for page, page_keys in zip(doc.pages, keys):
        for i, (line, key) in enumerate(zip(page.lines, page_keys)):
            page_number = bool(_in_margin(page, line) and _PAGE_NUMBER.match(line.text.strip()))
            if key in repeated or page_number:
                found[False].append((page.number, i))
            if (key in repeated and first_page[key] != page.number) or page_number:
                found[True].append((page.number, i))
    return frozenset(found[False]), frozenset(found[True])


def body_margins(doc: Document, furniture: frozenset[tuple[int, int]]) -> dict[int, float]:
    """The left edge of each text page's body (its furniture aside), by page number.
    A text rendering (``pdftotext -layout``) sets each page from its own leftmost
    character, so a running header set further left than the body shifts that
    page's columns: "11." under "10." on the next page stands three columns
    to the right. Indents measured from this edge compare across pages. A
    PDF's positions are the page's own: its margin is 0."""
    margins: dict[int, float] = {}
    for page in doc.pages:
        edges = [line.bbox.x0 for i, line in enumerate(page.lines)
                 if line.unstyled and line.bbox is not None and (page.number, i) not in furniture]
        if edges:
            margins[page.number] = min(edges)
    return margins
