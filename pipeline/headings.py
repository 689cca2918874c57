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

from pipeline.model import TEXT_CHAR_WIDTH, Line, Page
from pipeline.vocab import load_vocab

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# A contents entry's dot leader and page: "Kulturhus ............ 2"
_DOT_LEADER = re.compile(r"\s*\.{4,}\s*(?P<page>\d{1,4})$")
# A paper without fonts (a text paper, a ``pdftotext -layout`` rendering) sets a heading apart by
# its layout: its title is short, and at most this many lines, wrapped, before a blank line or its reference.
MAX_HEADING_WORDS = 14
MAX_HEADING_LINES = 3
# Lines further apart than this share of a line's height have a blank line between them.
BLANK_GAP = 0.5
# The number of a heading stands in a column of its own: this many spaces or more before its title
# (running text puts one space after a list's number).
NUMBER_COLUMN_GAP = 2 * TEXT_CHAR_WIDTH
# Minutes number their items in at most this many figures.
MAX_MINUTE_ITEM = 3


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_vocab("headings")
    return {"number_prefix": data["number_prefix"], "number_suffix": data["number_suffix"],
            "minute_number": data["minute_number"], "month": data["month"],
            "board_reference": data["board_reference"],
            "presenter": [re.compile(p) for p in data["presenter"]],
            "item_reference": re.compile(data["item_reference"], re.I),
            "hyphenated_heading": re.compile(data["hyphenated_heading"])}


def _number_forms(cell: bool = False) -> str:
    """The one grammar of a printed item number: a minute number by year ("24/85",
    "BM/24/05"), a lettered sub-item ("3.A", "3.b": US agendas set out by Legistar and
    its peers), a decimal number ("5", "5.1"), a letter and number ("A1"), a Roman
    numeral ("IV", "iv") or a letter ("B", "b"). A table cell, holding nothing but
    its number, may also hold a board's reference ("TB.24.101", "ICB 24-07"); in a
    line of text that reading would take "NHS 111" of "NHS 111 Service" for one."""
    forms = [vocab()["minute_number"], r"\d{1,3}\.[A-Za-z](?![^\W\d_])", r"\d{1,5}(?:\.\d{1,2})*",
             r"[A-Z]\d{1,2}", "[IVXLC]{1,6}", "[ivxlc]{1,6}", "[A-Za-z]"]
    return "|".join([vocab()["board_reference"], *forms] if cell else forms)


# A street number opening an item's title: "1234", "12-14", "221B"
_STREET_NUMBER = r"\d{1,6}[A-Z]?(?:-\d{1,6})?"
# A figure of a table row: "1,234", "(56)", "-7.5", "£12"
_FIGURE = re.compile(r"(?<!\S)[(£$€-]?\d[\d,.]*\)?%?(?!\S)")
# A title opening with a street number holds at most this many figures: more make a row of figures
# ("12 100 Staff costs 1,234 5,678"), not an address ("3903 Haines Street – Project No. 669397").
MAX_STREET_TITLE_FIGURES = 2


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern:
    # "10:00", "7:00 P.M." (its am/pm taken whole: "P." of "P.M." is no item letter)
    clock = r"\d{1,2}[.:]\d{2}(?>(?:\s*(?i:[ap]\.?m\.?))?)"
    return re.compile(
        rf"^(?:(?P<clock>{clock}(?:\s*[-–]\s*{clock})?)\s+)?"  # "10:00 - 10:15 3. Finance"
        rf"(?i:{vocab()['number_prefix']})?"  # "Item 4:", "ITEM 4.", "item 4"
        r"(?P<open>\()?"  # "(a) Finance report"
        rf"(?P<num>{_number_forms()})"
        # the title: a word, "24/25 budget", a quotation or bracket, "*3903 Main Street" (US agendas star
        # the items with an environmental finding) or a street number and its street's name ("1234 Harbour
        # View Drive", "12-14 HIGH STREET"; not a date's day and month, "10 March", nor a clock's "6:30 PM")
        # ("Agenda Item 3 – Budget": a dash may part number and title)
        rf"(?P<sep>[.):]|{vocab()['number_suffix']}\s|\s)\s*(?:[-–]\s+)?"
        rf"(?P<title>(?:[^\W\d_]|\d+/\d+|[\"'‘“(]|\*\s*\w"
        rf"|{_STREET_NUMBER}\s+(?!(?:{vocab()['month']}|(?i:[ap]\.?m|hrs?|uhr))\b)[^\W\d_a-z][^\W\d_]).*)$")


# The am/pm after an hour: "7 P.M.", "6 pm"
_CLOCK_HOUR = re.compile(r"(?i)[ap]\.?\s?m\b\.?")


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
        # "3.B" counts as the second under 3, as "3.2" does
        return [(f"decimal:{head}", int(last) if last.isdigit() else ord(last.lower()) - 96)]
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
    heading: bool = False  # set as a heading: bold, marked up, or set apart by its layout (``set_apart``)
    title_lines: int = 1  # the lines of the page its title takes, wrapped (a heading set apart by its layout)
    referenced: bool = False  # its reference ("(Item 3)") follows its title
    number_x1: float | None = None  # where the printed number ends: numbers may be set flush right
    margin: float = 0.0  # the left edge of the page's body (a text rendering's pages shift)

    def title_columns(self) -> list[float]:
        """Where the columns after the number start: the title's, and one after a reference
        column set between number and title ("1.D   26-0112   Approve the ...", as Legistar-style
        US agendas print a file number), at which a wrapped title's lines start too."""
        words = [w for w in self.line.words if w.bbox is not None]
        return [w.bbox.x0 for before, w in zip(words, words[1:]) if w.bbox.x0 - before.bbox.x1 >= NUMBER_COLUMN_GAP]

    def indent(self, edge: float | None) -> float | None:
        """An edge of the line (``x``, ``number_x1``) measured from its page's body margin."""
        return None if edge is None else edge - self.margin

    @property
    def contents_like(self) -> bool:
        # a contents list ends its entries with a page number: "1. Meddelelser 3", "715. Kulturhus ....... 2"
        cells = [c for c in self.line.cells or [] if c]
        return (bool(cells) and cells[-1].isdigit() and len(cells) > 1) or bool(_DOT_LEADER.search(self.title))

    @property
    def contents_page(self) -> str | None:
        """The page a contents entry gives ("3" of "1. Meddelelser 3"), or None."""
        if not self.contents_like:
            return None
        match = _DOT_LEADER.search(self.title)
        return match["page"] if match else [c for c in self.line.cells or [] if c][-1]


def presenter_line(line: Line) -> bool:
    """"v. Mette Skovgaard": the presenter of the item above, not item "v"."""
    return any(p.match(" " + line.text) for p in vocab()["presenter"][:1])


def numbered_lines(pages: list[Page], margins: dict[int, float] | None = None) -> dict[tuple[int, int], Candidate]:
    """Every line that opens with an item number, by (page, line index); a
    candidate's ``index`` is its line's index on its page. Whether it is set as
    a heading is read here, where its neighbours are known. ``margins``: each
    page's body margin, where indents are measured from."""
    margins = margins or {}
    found = {}
    for page in pages:
        for i, line in enumerate(page.lines):
            cand = candidate(i, page, line, margins.get(page.number, 0.0))
            if cand is None:
                continue
            if line.bold or line.heading:
                cand.heading = True
            elif line.unstyled and (lines := set_apart(page.lines, i, cand)):
                cand.heading, cand.title_lines = True, lines
                cand.referenced = i + lines < len(page.lines) and bool(item_reference(page.lines[i + lines].text))
            found[(page.number, i)] = cand
    return found


def item_reference(text: str) -> re.Match | None:
    """"(Item 3)": the agenda item a minute's heading answers, on the line below it; ``number`` is its number."""
    return vocab()["item_reference"].match(text.strip())


def blank_between(above: Line, below: Line) -> bool:
    """A blank line parts two lines (of a paper without fonts, or a PDF's)."""
    if above.bbox is None or below.bbox is None:
        return False
    return below.bbox.top - above.bbox.bottom > BLANK_GAP * (above.bbox.bottom - above.bbox.top)


def _at_title(line: Line, cand: Candidate) -> bool:
    return (cand.title_x is not None and line.bbox is not None
            and abs(line.bbox.x0 - cand.title_x) < NUMBER_COLUMN_GAP)


def _left_of_title(line: Line, cand: Candidate) -> bool:
    return cand.title_x is not None and line.bbox is not None and line.bbox.x0 <= cand.title_x - NUMBER_COLUMN_GAP


def _referenced(lines: list[Line], start: int) -> bool:
    """A reference follows within the heading's lines, however its title wraps."""
    return any(item_reference(line.text) for line in lines[start:start + MAX_HEADING_LINES])


def set_apart(lines: list[Line], i: int, cand: Candidate) -> int:
    """In a paper without fonts, how many lines the heading that ``lines[i]`` opens takes
    (its title wrapped), or 0 when the line is no heading. A heading has a short title that
    is no sentence or clause running on, and its layout sets it apart, where a PDF would set it bold:
    - its reference follows it: "291.   Capital Programme 2025-35 and Revenue Budget" /
      "(including Council Tax)" / "(Item 6)", as English councils print minutes;
    - or it stands alone, a blank line below it, and a blank line above it or its number in a
      column of its own: "4.     Finance" / (blank) / "The Treasurer reported ...", as layout
      renderings of minutes and case papers print items, "1. Fixed Asset Review" between blank
      lines as an item's numbered sub-items;
    - or a blank line above it, and its text starts on the next line out to the left of its
      title, where no wrapped title would: "812. Nyt kulturhus" / "Sagsnr.: 26/1234", as
      Danish case minutes print a case, "1. Staff Survey" / "The Chair reported ..." in board minutes.
    A numbered point of running text ("2. Mrs Lee, Member for Roads, provided an update:") is none."""
    title = cand.title.rstrip()
    if len(title.split()) > MAX_HEADING_WORDS or title.endswith((".", ",", ";", ":")):
        return 0
    line = lines[i]
    blank_above = i == 0 or blank_between(lines[i - 1], line)
    end = i + 1  # the title's lines are lines[i:end]
    while end < len(lines) and end - i <= MAX_HEADING_LINES:
        below = lines[end]
        if item_reference(below.text):
            return end - i
        if blank_between(lines[end - 1], below) or (below.bbox and lines[end - 1].bbox
                                                     and below.bbox.top < lines[end - 1].bbox.top):
            break  # a blank line (or the next column) ends the heading
        if not _at_title(below, cand) and not _referenced(lines, end):
            if end == i + 1 and blank_above and _left_of_title(below, cand) and not _numbered().match(below.text):
                break  # its text starts below it, out to the number: "812. Kulturhus" / "Sagsnr.: 26/1"
            return 0  # a title wraps to its own column; a paragraph's lines run on elsewhere
        end += 1
    if end - i > MAX_HEADING_LINES:
        return 0  # a paragraph, not a title
    if lines[end - 1].text.rstrip().endswith((".", ",", ";", ":")):
        return 0  # a point of running text, wrapped: "... provided an update on" / "the following:"
    number_column = (cand.title_x is not None and line.words and line.words[0].bbox is not None
                     and cand.title_x - line.words[0].bbox.x1 >= NUMBER_COLUMN_GAP)
    return end - i if blank_above or number_column else 0


def candidate(index: int, page: Page, line: Line, margin: float = 0.0) -> Candidate | None:
    match = _numbered().match(line.text)
    if not match or presenter_line(line):
        return None
    options = readings(match["num"], match["sep"])
    if not options:
        return None
    title = match["title"].lstrip("* ")  # the star marks the item; it is not its title
    if title[0].isdigit() and "/" not in title.split()[0] and (
            len(_FIGURE.findall(title)) > MAX_STREET_TITLE_FIGURES or match["open"]):
        # a row of figures, or a point listed under an item ("(1) 2018 Strategic Plan Update"),
        # not a title opening with a street number
        return None
    if title[0].islower():
        return None  # "i. price increases ...": a clause of a sentence, not an item title
    if match["sep"].isspace() and _CLOCK_HOUR.match(title):
        return None  # "7 P.M. COUNCIL MEETING": the hour a session starts (US city agendas), not item 7
    if match["sep"].isspace() and not any(c.isdigit() for c in match["num"]):
        return None  # "A Vision for ...": a letter alone needs "A." or "A)" ("3.A Minutes" has its section's number)
    if match["open"] and match["sep"] != ")":
        return None  # "(2024) figures": a bracket opened must close the number
    title_x = number_x1 = None
    if line.words and len(line.words) > 1 and line.words[0].text.strip("(.):") == match["num"]:
        title_x = line.words[1].bbox.x0 if line.words[1].bbox else None
        number_x1 = line.words[0].bbox.x1 if line.words[0].bbox else None
    return Candidate(index, page, line, match["num"], title, options,
                     line.bbox.x0 if line.bbox else None, title_x, match["clock"], number_x1=number_x1, margin=margin)


@lru_cache(maxsize=1)
def _item_number() -> re.Pattern:
    # a cell that holds only a number, in the one grammar: "4", "4.", "3.2", "IV", "B", "Item 4:", "(4)", "BM/24/05"
    return re.compile(rf"^\(?(?i:{vocab()['number_prefix']})?(?P<num>{_number_forms(cell=True)})[.:)]?$")


def item_number(text: str) -> re.Match | None:
    """The item number a table cell holds, whole ("4.", "3.2", "IV", "Item 4:", "BM/24/05"); ``num`` is the number."""
    return _item_number().match(text)


@dataclass(frozen=True)
class MinutesHeading:
    number: str
    title: str
    marked: bool = False  # a word or sign marks the number: "Item 3:", "§ 12", "188 §"


def minutes_heading(text: str, sub_items: bool = False) -> MinutesHeading | None:
    """An item heading of minutes, read by the one grammar: "3. Title", "3.0 Title" (item 3,
    its paragraphs numbered 3.1, 3.2), "Item 3: Title", "Minute 24/031 – Title", "BM/24/031
    Title", "§ 12 Budget", "188 § Budget". An item is numbered in figures (at most
    MAX_MINUTE_ITEM digits: "2025 Budget" opens with a year) or by year, not "3)" (a
    paragraph of the item above); its title opens with a capital, a figure or a quotation.
    ``sub_items``: a decimal number heads a sub-item ("2.1 Capital programme"), as a heading
    set in bold does, and so does a number by levels with hyphens ("1-1 : Subventions 2023")."""
    match = _numbered().match(text)
    if sub_items and (not match or match["sep"].isspace()) and (hyphenated := vocab()["hyphenated_heading"].match(text)):
        return MinutesHeading(hyphenated["num"], hyphenated["title"])
    if not match or match["clock"] or match["open"] or match["sep"] == ")":
        return None
    number, title = match["num"].removesuffix(".0"), match["title"]
    kinds = readings(number, match["sep"])
    by_year = len(kinds) == 1 and kinds[0][0].startswith("minute:")
    sub_item = sub_items and len(kinds) == 1 and kinds[0][0].startswith("decimal:")
    if not (by_year or sub_item or (number.isdigit() and len(number) <= MAX_MINUTE_ITEM)):
        return None
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "\"“‘'"):
        return None
    marked = bool(text[:match.start("num")].strip()) or "§" in match["sep"]
    return MinutesHeading(number, title, marked)
