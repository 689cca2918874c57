"""Numbered headings: the one grammar of item numbers ("5.", "5.1", "IV.", "(a)",
"A1", "Item 4:", "Pkt. 3", minute numbers by year "24/85", "BM/24/05") and the
line that opens with one. Agenda lists, the meeting's header block and case
papers read numbered lines through ``candidate``; agenda tables read a cell's
number through ``item_number``. The words around a number are data
(``vocab/headings.toml``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.model import Line, Page
from pipeline.vocab import load_vocab

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_vocab("headings")
    return {"number_prefix": data["number_prefix"], "minute_number": data["minute_number"],
            "minutes_heading": re.compile(data["minutes_heading"].replace("{minute_number}", data["minute_number"])),
            "presenter": [re.compile(p) for p in data["presenter"]]}


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern:
    clock = r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?"
    return re.compile(
        rf"^(?:(?P<clock>{clock}(?:\s*[-–]\s*{clock})?)\s+)?"  # "10:00 - 10:15 3. Finance"
        rf"(?i:{vocab()['number_prefix']})?"  # "Item 4:", "ITEM 4.", "item 4"
        r"(?P<open>\()?"  # "(a) Finance report"
        rf"(?P<num>{vocab()['minute_number']}|\d{{1,5}}(?:\.\d{{1,2}})*|[A-Z]\d{{1,2}}|[IVXLC]{{1,6}}|[ivxlc]{{1,6}}|[A-Za-z])"
        r"(?P<sep>[.):]|\s)\s*(?P<title>(?:[^\W\d_]|\d+/\d+|[\"'‘“(]).*)$")


def _roman(text: str) -> int | None:
    values = [_ROMAN.get(c.upper()) for c in text]
    if None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


def readings(num: str, sep: str) -> list[tuple[str, int]]:
    """What a printed number can count as: ("arabic", 5), ("roman", 4), ("upper", 3) ..."""
    if num.isdigit():
        return [("arabic", int(num))]
    if "/" in num:
        head, _, last = num.rpartition("/")
        return [(f"minute:{head}", int(last))]  # minute numbers by year: 24/84, 24/85
    if num[0].isdigit():
        head, _, last = num.rpartition(".")
        return [(f"decimal:{head}", int(last))]
    if num[1:].isdigit():
        return [(f"prefixed:{num[0]}", int(num[1:]))]  # A1, A2 ... B1
    if sep.isspace():
        return []  # "A Vision for ...": a letter needs "A." or "A)"
    found = []
    roman = _roman(num)
    if roman:
        found.append(("roman" if num.isupper() else "lroman", roman))
    if len(num) == 1:
        found.append(("upper" if num.isupper() else "lower", ord(num.lower()) - 96))
    return sorted(found, key=lambda r: r[1])


@dataclass
class Candidate:
    """A line that starts with an item number."""

    index: int  # position in the scope
    page: Page
    line: Line
    number: str
    title: str
    readings: list[tuple[str, int]]
    x: float | None
    title_x: float | None
    clock: str | None = None  # the time printed before the number

    @property
    def contents_like(self) -> bool:
        # a contents list ends its entries with a page number: "1. Meddelelser 3"
        cells = [c for c in self.line.cells or [] if c]
        return bool(cells) and cells[-1].isdigit() and len(cells) > 1


def presenter_line(line: Line) -> bool:
    """"v. Tove Kristensen": the presenter of the item above, not item "v"."""
    return any(p.match(" " + line.text) for p in vocab()["presenter"][:1])


def numbered_lines(pages: list[Page]) -> dict[tuple[int, int], Candidate]:
    """Every line that opens with an item number, by (page, line index); a
    candidate's ``index`` is its line's index on its page."""
    return {(page.number, i): found for page in pages for i, line in enumerate(page.lines)
            if (found := candidate(i, page, line))}


def candidate(index: int, page: Page, line: Line) -> Candidate | None:
    match = _numbered().match(line.text)
    if not match or presenter_line(line):
        return None
    options = readings(match["num"], match["sep"])
    if not options:
        return None
    if match["title"][0].islower():
        return None  # "i. price increases ...": a clause of a sentence, not an item title
    if match["sep"].isspace() and not match["num"][-1].isdigit():
        return None
    if match["open"] and match["sep"] != ")":
        return None  # "(2024) figures": a bracket opened must close the number
    title_x = None
    if line.words and len(line.words) > 1 and line.words[0].text.strip("(.):") == match["num"]:
        title_x = line.words[1].bbox.x0 if line.words[1].bbox else None
    return Candidate(index, page, line, match["num"], match["title"], options,
                     line.bbox.x0 if line.bbox else None, title_x, match["clock"])


@lru_cache(maxsize=1)
def _item_number() -> re.Pattern:
    # "4", "4.", "3.2", "IV", "B", "Item 4:", "(4)"; a board's reference: "BM/24/05", "TB.24.101", "ICB 24/07"
    return re.compile(rf"^\(?(?i:{vocab()['number_prefix']})?(?P<num>\d{{1,5}}(?:\.\d{{1,2}})*|[IVXLC]{{1,6}}|[A-Z]"
                      r"|[A-Z]{1,6}[./ ]?\d{1,4}(?:[./-]\d{1,4}){0,2})[.:)]?$")


def item_number(text: str) -> re.Match | None:
    """The item number a table cell holds, whole ("4.", "3.2", "IV", "Item 4:", "BM/24/05"); ``num`` is the number."""
    return _item_number().match(text)


def minutes_heading(text: str) -> re.Match | None:
    """An item heading of minutes: "3. Title", "Item 3: Title", "24/031 Title", "BM/24/031 – Title";
    ``number`` and ``title`` are its parts."""
    return vocab()["minutes_heading"].match(text)
