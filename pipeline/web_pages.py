"""Web transcripts of papers: what several extractors read of a page copied
out of a web browser (trust and council websites' agenda pages, committee
systems' "Agenda and minutes" pages, ModernGov and the like).

Copied out, a page loses its table cells: an item number in its own cell
comes out on a line of its own with the title on the next ("Item 3" /
"Board Minutes"; "337/18" / "Apologies"), and a meeting may be stated as a
sentence ("A meeting of the Council of Governors was held at 10am on
Wednesday 19th May 2021 via Microsoft Teams"). The agenda, decisions and
meetings extractors read these through this module. Words are data
(``vocab/web_pages.toml``); each reader gives nothing unless its marks are there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.dates import find_date, tidy_ordinals, time_span
from pipeline.model import Document, Line, Page
from pipeline.textutil import clean
from pipeline.vocab import load_vocab

Lines = list[tuple[Page, int, Line]]

# The meeting sentence is among the first lines of the page.
SENTENCE_LINES = 6
# A committee page: at least this many items (with their minutes, or under its "No. Item" header).
MIN_ITEMS = 2
_LISTED_NUMBER = re.compile(r"^(?P<listed>\d{1,3})\.?$")


@lru_cache(maxsize=1)
def vocab() -> dict[str, re.Pattern]:
    return {name: re.compile(pattern, re.I) for name, pattern in load_vocab("web_pages")["patterns"].items()}


def number_line(line: Line, listed: bool = False) -> re.Match | None:
    """An item number alone on its line; with ``listed``, a bare "12." too (under a page's "No. Item" header)."""
    text = line.text.strip()
    return vocab()["number_line"].match(text) or (_LISTED_NUMBER.match(text) if listed else None)


def is_minutes_label(text: str) -> bool:
    return bool(vocab()["minutes_label"].match(text.strip()))


def without_debris(text: str) -> str:
    """A title without what a committee page prints after it ("pdf icon PDF 289 KB")."""
    return vocab()["title_debris"].sub("", text).strip() or text


def _titles(line: Line) -> bool:
    """Whether a line can be the title set below a number line."""
    text = line.text.strip()
    return bool(text) and (text[0].isalpha() or text[0] in "\"'‘“(") and number_line(line) is None \
        and not is_minutes_label(text)


def joined_number_lines(lines: Lines) -> tuple[Lines, list[int]]:
    """Lines with every item number set on a line of its own joined to the
    title on the next line ("Item 3" / "Board Minutes" -> "Item 3 Board
    Minutes"), so a numbered-list reader takes them; and where the joined lines are."""
    joined: Lines = []
    at: list[int] = []
    k = 0
    while k < len(lines):
        page, index, line = lines[k]
        below = lines[k + 1] if k + 1 < len(lines) else None
        if below is not None and below[0] is page and number_line(line) and _titles(below[2]):
            title = below[2]
            joined.append((page, index, Line(text=f"{line.text.strip()} {title.text.strip()}",
                                             words=[*line.words, *title.words], bbox=line.bbox,
                                             heading=line.heading, bold=line.bold and title.bold)))
            at.append(len(joined) - 1)
            k += 2
            continue
        joined.append((page, index, line))
        k += 1
    return joined, at


# --- the meeting stated as a sentence --------------------------------------------------------------

def stated_meeting_line(doc: Document) -> int | None:
    """The index on page 1 of a sentence that states the meeting ("A meeting
    of the Board was held at 10am on ..."), among the first lines."""
    if not doc.pages:
        return None
    for i, line in enumerate(doc.pages[0].lines[:SENTENCE_LINES]):
        match = vocab()["meeting_sentence"].match(line.text.strip())
        if match and find_date(match["rest"]):
            return i
    return None


def stated_meeting(doc: Document) -> dict | None:
    """The meeting of a page that states it in a sentence: "A meeting of the
    Council of Governors was held at 10am on Wednesday 19th May 2021 via
    Microsoft Teams" (NHS trusts' websites): body, date, start time, venue."""
    index = stated_meeting_line(doc)
    if index is None:
        return None
    match = vocab()["meeting_sentence"].match(doc.pages[0].lines[index].text.strip())
    rest = tidy_ordinals(match["rest"])
    date, printed = find_date(rest)
    before, _, after = rest.partition(printed)
    start, end = time_span(rest)  # the date as read may hold its time ("at 10am on Wednesday ...")
    venue = None
    for part in (after, before):
        found = vocab()["meeting_venue"].search(part)
        if found and not find_date(found["venue"]) and not time_span(found["venue"])[0]:
            venue = clean(found["venue"].strip(" ,.;"))
            break
    return {"body": clean(match["body"]), "meeting_date": date, "start_time": start, "end_time": end,
            "venue": venue, "page": 1}


# --- committee-system pages -----------------------------------------------------------------------

@dataclass
class MinutedItem:
    """An item of a committee system's "Agenda and minutes" page: its number
    and title, what is printed under it (presenter, description), and what was minuted."""

    number: str
    title: str
    page: int
    described: list[str] = field(default_factory=list)
    minuted: list[tuple[int, Line]] = field(default_factory=list)  # (page, line)


def minuted_page_items(doc: Document) -> list[MinutedItem]:
    """A committee system's "Agenda and minutes" page (ModernGov and the
    like): each item's number on a line of its own ("337/18"; under the
    page's "No. Item" header also "12."), its title on the next line, then its
    description and, after a "Minutes:" line, what was minuted. Nothing
    unless two items have a "Minutes:" line or sit under the header."""
    items: list[MinutedItem] = []
    lines = list(doc.iter_lines())
    current: MinutedItem | None = None
    in_minutes = False
    headed = False  # below the page's "No. Item" header
    k = 0
    while k < len(lines):
        page, _, line = lines[k]
        below = lines[k + 1][2] if k + 1 < len(lines) else None
        headed = headed or bool(vocab()["items_header"].match(line.text.strip()))
        number = number_line(line, listed=headed)
        minute = number.groupdict().get("minute") if number else None
        if number and (minute or headed) and below is not None and _titles(below):
            current = MinutedItem(minute or number.group().strip(" .:"), clean(without_debris(below.text)) or "",
                                  page.number)
            items.append(current)
            in_minutes = False
            k += 2
            continue
        if current is not None:
            if is_minutes_label(line.text):
                in_minutes = True
            elif in_minutes:
                current.minuted.append((page.number, line))
            else:
                current.described.append(line.text)
        k += 1
    minuted = sum(1 for item in items if item.minuted)
    return items if minuted >= MIN_ITEMS or (headed and len(items) >= MIN_ITEMS) else []


def page_header(doc: Document) -> list[Line]:
    """A committee page's lines above its first item (venue, contact, date)."""
    header = []
    for _, _, line in doc.iter_lines():
        if number_line(line, listed=True):
            break
        header.append(line)
    return header
