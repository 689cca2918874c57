"""Page furniture: running headers, footers and page numbers that repeat on
the pages of a paper and interrupt the text that flows across a page break."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.model import Document, Line, Page

# A line is furniture when (digits aside) it recurs at the same height on this
# share of the pages; a lone page number is furniture in the page's margins.
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


def furniture(doc: Document) -> set[tuple[int, int]]:
    """(page number, line index) of every furniture line of the paper."""
    seen: Counter = Counter()
    for page in doc.pages:
        seen.update({_key(line) for line in page.lines})
    repeated = set()
    if len(doc.pages) >= MIN_PAGES:
        repeated = {k for k, n in seen.items() if n >= FURNITURE_SHARE * len(doc.pages)}
    return {(page.number, i) for page, i, line in doc.iter_lines()
            if _key(line) in repeated or (_in_margin(page, line) and _PAGE_NUMBER.match(line.text.strip()))}
