"""Numbered agendas: front sheets ("5. 24/00108 - Revenue ... (Pages 11 - 84)"),
minutes whose items are numbered headings ("84. Apologies", "3. Hvordan ...
(kl. 12.40) v. Name"), and outlines (I. / A. / 1.) with nested items.

Numbered lines are linked into runs whose numbers count up (1, 2, 3 or 84,
85, 86; I, II, III; A, B, C) in the same layout (indent, weight). The agenda
is the longest run not nested inside another; runs that start at 1 inside an
item, indented and set like it, are its sub-items. A numbered list inside an
item's prose starts again at 1, so it never continues the agenda's run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors.agenda_items import (Item, Lines, Scope, bracket_presenter, dash_presenter, duration_minutes, is_name,
                                     page_range, purpose_and_format, split_presenter, vocab, vocab_value,
                                     without_description)
from pipeline.analyse import analysis_of
from pipeline.dates import find_date, is_time_only, minutes_between, tidy_ordinals, time_span, without_times
from pipeline.find import cue_kind
from pipeline.headings import Candidate, blank_between, candidate, presenter_line
from pipeline.model import Line, Page
from pipeline.textutil import clean, fold

# Points two lines may differ in indent and still be "the same column".
INDENT_TOLERANCE = 6
TITLE_TOLERANCE = 3
MIN_ITEMS = 2
# The agenda's run starts within this many pages of its segment's first page.
START_PAGES = 2
# A run set in bold (a US agenda's numbered sections, "I. CALL TO ORDER") may start a page later:
# pages of notices (how to take part, viewing options) come before it.
BOLD_START_PAGES = 3
# A continuation line sits at most this many line heights below the line above.
MAX_LINE_GAP = 1.0
MAX_CONTINUATION_LINES = 4
# A section heading ("UNRESTRICTED ITEMS") is at most this many lines above an item.
SECTION_REACH = 3
# ... or above the paragraph that says what its items are, of at most this many lines.
MAX_SECTION_NOTE_LINES = 10
MAX_SECTION_WORDS = 6
MAX_SESSION_WORDS = 16  # "4:30 P.M.-STUDY SESSION, PART I (TO BE HELD IN THE PLAZA CONFERENCE ROOM)"
MIN_SECTION_LETTERS = 4  # "ST" in an action column is initials, not a section
MAX_CHILD_WORDS = 12
# An unnumbered agenda: at least this many short lines in one column.
MIN_PLAIN_ITEMS = 3
MAX_PLAIN_WORDS = 14

_TIME_GROUP = re.compile(r"\(\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*\)", re.I)
# "Welcome 10:00 - 10:05" (a colon or am/pm: not "Budget 2025.26")
_TRAILING_TIMES = re.compile(r"\s+\d{1,2}(?::\d{2}\s*(?:[ap]\.?m\.?)?|[.:]\d{2}\s*[ap]\.?m\.?)"
                             r"(?:\s*[-–]\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?)?$", re.I)
_SENTENCE_END = re.compile(r"[a-z]\.\s+[A-Z]")
_CONTENTS_PAGE = re.compile(r"(?:\s*\.{2,}\s*|\s+)\d{1,3}$")
# "(1) 2018 Strategic Plan Update", "2) Delay claim": a point listed under an
# item's title (US board agendas), neither its title's next line nor an item; nor
# is a labelled paragraph ("Recommendation: Approve ...").
_LISTED_POINT = re.compile(r"^\(?\d{1,2}\)\s")


@dataclass
class Run:
    style: str
    items: list[Candidate] = field(default_factory=list)
    values: list[int] = field(default_factory=list)

    @property
    def x(self) -> float | None:
        return self.items[0].x

    @property
    def indent(self) -> float | None:
        """The first item's indent from its page's body margin: runs on different pages compare by it."""
        return self.items[0].indent(self.x)

    @property
    def bold(self) -> bool:
        return self.items[0].line.bold

    def accepts(self, cand: Candidate, style: str, value: int, weight: bool = True) -> bool:
        """Whether ``cand`` is the run's next number in the same column: its left
        edge, or the end of its number (numbers set flush right: "9." over "10."),
        as far in from its page's margin as the run's first item."""
        if style != self.style or value != self.values[-1] + 1 or (weight and cand.line.bold != self.bold):
            return False
        first = self.items[0]
        if cand.x is None or first.x is None:
            return True
        return any(mine is not None and theirs is not None and abs(mine - theirs) <= INDENT_TOLERANCE
                   for mine, theirs in ((cand.indent(cand.x), first.indent(first.x)),
                                        (cand.indent(cand.number_x1), first.indent(first.number_x1))))


def build_runs(candidates: list[Candidate]) -> list[Run]:
    """Link candidates into counting runs. A number that continues two runs goes
    to one not closed by a number further out since, then to the one indented like
    it, then to the one set like it, else to the older one (a list inside an item
    restarts at 1, so the agenda's run is the older)."""
    runs: list[Run] = []
    for k, cand in enumerate(candidates):
        # the nearest indent first; without positions, the oldest run
        fits = [run for run in runs if any(run.accepts(cand, s, v) for s, v in cand.readings)]
        if not fits and k:
            # a list whose weight varies ("1." bold, "2." not): the next number
            # straight after the last item, at its indent, still continues it
            # (an item's title, not "2. The Chair noted that ..." in its minute)
            fits = [run for run in runs if run.items[-1] is candidates[k - 1] and _is_title(cand)
                    and any(run.accepts(cand, s, v, weight=False) for s, v in cand.readings)]
        target = min(fits, key=lambda r: (_closed(r, candidates[:k]),
                                          round(abs(cand.indent(cand.x) - r.indent))
                                          if cand.x is not None and r.x is not None else 0, _set_unlike(r, cand)),
                     default=None)
        if target is None:
            style, value = cand.readings[0]
            target = Run(style)
            runs.append(target)
            target.values.append(value)
        else:
            target.values.append(next(v for s, v in cand.readings if s == target.style))
        target.items.append(cand)
    return runs


def _closed(run: Run, before: list[Candidate]) -> bool:
    """Whether a number further out than the run's has come since its last item: a sub-list
    ("6. Committees" / "1." "2." "3.") ends at the parent's next number ("7."), and a later
    sub-list's "4." ("8. Review of:" / "1." ... "4.") is not its."""
    last = run.items[-1].index
    return run.indent is not None and any(
        c.index > last and c.x is not None and c.indent(c.x) < run.indent - INDENT_TOLERANCE for c in before)


def _set_unlike(run: Run, cand: Candidate) -> int:
    """How many of a run's items are set unlike ``cand`` (weight, capitals): of two runs a
    number continues, the one set like it. A US city agenda's notice numbers its ways to take
    part ("1. PARTICIPATE BEFORE THE MEETING by emailing ...", "2. ATTEND THE MEETING IN
    PERSON") before the agenda numbers its items from 1 ("1. CALL MEETING TO ORDER", "2. ROLL
    CALL", "3. PLEDGE OF ALLEGIANCE"): "3." goes on from the items, set as they are."""
    def looks(c: Candidate) -> tuple[bool, bool]:
        return c.line.bold, c.title.isupper()
    return sum(looks(item) != looks(cand) for item in run.items)


def _inside(inner: Run, outer: Run) -> bool:
    return (inner is not outer and outer.items[0].index < inner.items[0].index
            and inner.items[-1].index < outer.items[-1].index)


def _under_headings(run: Run, runs: list[Run]) -> bool:
    """Numbered paragraphs ("(1) The Chairman reminded Members ...") under
    bold numbered minute headings ("291. Capital Programme"), indented below
    them, as English councils print minutes: a run of them, however long,
    belongs to the heading above it, not the agenda."""
    return not run.bold and any(
        other.bold and len(other.items) >= MIN_ITEMS and other.items[0].index < run.items[0].index
        and run.indent is not None and other.indent is not None and run.indent > other.indent + INDENT_TOLERANCE
        for other in runs)


def _ways_to_take_part(run: Run) -> bool:
    """A notice's numbered ways to take part in the meeting, most with a web address, an
    e-mail address or a phone number ("2. ZOOM - https://...", "3. PHONE - Toll Free: (833)
    ...", "4. EMAIL - Email comments to clerk@...", as US city agendas list them): no items."""
    return sum(bool(vocab()["contact_way"].search(c.title)) for c in run.items) * 2 > len(run.items)


def main_run(runs: list[Run], first_page: int) -> Run | None:
    """The agenda's own run: the longest that is not nested in another and
    starts near the top of the agenda (not a report's sections further on)."""
    eligible = [r for r in runs if len(r.items) >= MIN_ITEMS and not any(_inside(r, o) for o in runs)
                and r.items[0].page.number <= first_page + (BOLD_START_PAGES if r.bold else START_PAGES)
                and not _under_headings(r, runs) and not _ways_to_take_part(r)]
    if not eligible:
        return None
    return max(eligible, key=lambda r: (
        len(r.items),
        -sum(c.contents_like for c in r.items),
        r.bold,
        -(r.indent or 0),
        -r.items[0].index,
    ))


def is_section_heading(page: Page, line: Line, alone: bool = False) -> bool:
    """"UNRESTRICTED ITEMS" set bold, as a heading or centred on the page (a
    text rendering has no bold), or (``alone``) between blank lines in a paper
    without fonts; or a line that names a part of the agenda
    however it is set ("Part A – Items for decision")."""
    if (vocab()["section"].match(fold(line.text)) and len(line.text.split()) <= MAX_SECTION_WORDS
            and not line.text.rstrip().endswith(".")):
        return True
    if _is_session_heading(line) or _is_timed_heading(line):
        return True
    # "CONSENT CALENDAR:" (a colon closing the heading, as Granicus agendas print them), not "ROLL CALL: Jane Roe"
    text = line.text.rstrip().removesuffix(":")
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= MIN_SECTION_LETTERS and all(c.isupper() for c in letters)
            and not any(c.isdigit() or c == ":" for c in text)
            and len(line.text.split()) <= MAX_SECTION_WORDS
            and (line.bold or line.heading is not None or alone or page.centres(line)) and cue_kind(line) is None)


def _is_session_heading(line: Line) -> bool:
    """"4:30 P.M.-STUDY SESSION, PART I (TO BE HELD IN THE PLAZA CONFERENCE ROOM)", "7 P.M.
    COUNCIL MEETING": the heading of one session of the agenda, with its time (``session``)."""
    return (bool(vocab()["session"].match(fold(line.text))) and len(line.text.split()) <= MAX_SESSION_WORDS
            and not _is_prose(line.text))


def _is_timed_heading(line: Line) -> bool:
    """"Consent Calendar 7:30 -7:35 PM", "Oral Communications 7:10 -7:25 PM": a part of the
    agenda with the time it is given, unnumbered, its words capitalised, as US city councils
    head the parts of their agendas."""
    times, rest = without_times(line.text)
    words = rest.replace("-", " ").split()
    start, end = time_span(line.text)
    return (bool(start and end) and 0 < len(words) <= MAX_SECTION_WORDS and not rest.rstrip().endswith(".")
            and all(w[0].isupper() or not w[0].isalpha() for w in words) and any(w[0].isalpha() for w in words))


def _alone(lines: Lines, i: int) -> bool:
    """An unnumbered line of a paper without fonts with blank lines above and below it, as a
    heading stands ("UNRESTRICTED ITEMS" over an agenda's numbered items)."""
    page, _, line = lines[i]
    return (line.unstyled and candidate(i, page, line) is None and 0 < i < len(lines) - 1 and lines[i - 1][0] is page and lines[i + 1][0] is page
            and blank_between(lines[i - 1][2], line) and blank_between(line, lines[i + 1][2]))


def _continues(prev: Line, line: Line, cand: Candidate, text: str) -> bool:
    """Whether ``line`` carries on the title of ``cand`` (``text`` so far)."""
    if text.rstrip().endswith((" v.", "(Pages", "(Page")) or text.count("(") > text.count(")"):
        return True
    if presenter_line(line):
        return True
    if _LISTED_POINT.match(line.text) or vocab()["paragraph_label"].match(line.text.strip()):
        return False
    if text.isupper() and _is_prose(line.text):
        return False  # "5. ORAL COMMUNICATIONS" / "This is the time where the public may ...": its note
    if prev.bbox is None or line.bbox is None or line.bold != cand.line.bold:
        return False
    height = prev.bbox.bottom - prev.bbox.top
    if line.bbox.top - prev.bbox.bottom > MAX_LINE_GAP * height or line.bbox.top < prev.bbox.top:
        return False
    title_edges = ([] if cand.title_x is None else [cand.title_x]) + cand.title_columns()
    at_title = any(abs(line.bbox.x0 - x) <= TITLE_TOLERANCE for x in title_edges)
    at_number = cand.line.bold and cand.x is not None and abs(line.bbox.x0 - cand.x) <= TITLE_TOLERANCE
    return at_title or at_number


def _peel_cells(cand: Candidate, cells: list[str], text: str) -> tuple[str, dict]:
    """Cells printed after an item's title, in columns with no rules: "1. |
    Welcome | Jane Roe | For noting | Verbal | 5 mins". Each goes to the field
    it reads as, from the right; the title keeps what reads as none."""
    found: dict = {}
    keep = 2 if cells and cells[0].strip("(.):") == cand.number else 1  # the number's cell and the title's
    while len(cells) > keep:
        cell = cells.pop()
        for field, value in (("purpose", vocab_value("purpose", cell)), ("format", vocab_value("format", cell)),
                             ("duration", duration_minutes(cell)), ("presenter", cell if is_name(cell) else None)):
            if value and field not in found:
                found[field] = value
                break
        else:
            break
        text = text[: text.rfind(cell)].strip()
    return text, found


def _item_time(text: str) -> tuple[str, str | None]:
    """"Call to Order – 6:30 p.m.", "Velkomst (kl. 12.30)": the title and the time printed in it."""
    group = _TIME_GROUP.search(text) or _TRAILING_TIMES.search(text)
    if not group:
        return text, None
    return (text[:group.start()] + text[group.end():]).strip().rstrip(" ,-–—"), group.group()


def make_item(cand: Candidate, lines: Lines, stops: set[int]) -> tuple[Item, int]:
    """The item a candidate starts, with its wrapped title; and the index after it."""
    text = cand.title
    cells = [c for c in cand.line.cells or [] if c]
    pages = None
    # "1 - 10" counts up; "2026-0318" (a Legistar file number in its own column) does not
    if len(cells) > 1 and (cell := vocab()["page_cell"].match(cells[-1])) and int(cell["first"]) <= int(cell["last"]):
        pages = re.sub(r"\s", "", cells[-1].replace("–", "-"))
        text = text[: text.rfind(cells[-1])].strip()
    elif cand.contents_like:
        text = _CONTENTS_PAGE.sub("", text)
    text, by_cell = _peel_cells(cand, cells, text)
    index, prev = cand.index + 1, cand.line
    # a heading a paper without fonts sets apart by its layout: the analysis read its title's lines
    # (all of them above its reference, "(Item 3)", wherever they start)
    laid_out = cand.heading and not (cand.line.bold or cand.line.heading)
    last = cand.index + cand.title_lines - 1 if laid_out else cand.index + MAX_CONTINUATION_LINES
    while index < len(lines) and index not in stops and index <= last:
        page, _, line = lines[index]
        if page is not cand.page or not ((laid_out and cand.referenced) or _continues(prev, line, cand, text)):
            break
        text = f"{text} {line.text}"
        prev, index = line, index + 1
    if cand.contents_like:
        text = _CONTENTS_PAGE.sub("", text)
    found_pages, text = page_range(text)
    clock = cand.clock
    text, printed = _item_time(text)
    clock = clock or printed
    text, presenter = split_presenter(without_description(text))
    text, purpose, fmt, minutes = purpose_and_format(text)
    start, end = time_span(clock) if clock else (None, None)
    item = Item(title=(clean(tidy_ordinals(text)) or text).rstrip(" :.,-–—"), page=cand.page.number,
                item_number=cand.number, presenter=by_cell.get("presenter") or presenter,
                purpose=by_cell.get("purpose") or purpose, format=by_cell.get("format") or fmt, start_time=start,
                duration_minutes=by_cell.get("duration") or minutes or minutes_between(start, end),
                page_range=pages or found_pages or cand.contents_page)
    return item, index


def _is_prose(text: str) -> bool:
    """A description set under an item ("To approve the minutes of the previous
    meeting"), not a sub-item's title ("President's Report"): most of its
    longer words start lower case, as a sentence's do."""
    if vocab()["purpose_sentence"].match(text):  # "To receive a report, presented by ...": what the item is for
        return True
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].islower() for w in words) * 2 > len(words)


def _unnumbered_children(parent: Candidate, lines: Lines, start: int, end: int, section: str) -> list[Item]:
    """Plain lines listed under an item ("President's Report"), when the
    item holds nothing else: a list, not prose."""
    found: list[tuple[Page, Line]] = []
    for index in range(start, end):
        page, _, line = lines[index]
        if (len(line.text.split()) <= 5 and find_date(line.text)) or is_time_only(line.text):
            continue  # "June 25, 2019": the date of the minutes to approve, "9:30 - 10:45 PM" its time: not items
        if _LISTED_POINT.match(line.text):
            return []
        if (line.bbox is None or parent.x is None or line.bbox.x0 <= parent.x + INDENT_TOLERANCE
                or line.bold != parent.line.bold or _is_prose(line.text) or is_section_heading(page, line)
                or line.text.rstrip().endswith(".") or len(line.text.split()) > MAX_CHILD_WORDS):
            return []
        found.append((page, line))
    if len({round(line.bbox.x0 / INDENT_TOLERANCE) for _, line in found}) > 1:
        return []
    if vocab()["roll_call"].search(fold(parent.title)):
        return []  # "2. ROLL CALL" / "• Jane Roe" / "• John Doe": the members called, not sub-items
    return [Item(title=line.text, page=page.number, section=section) for page, line in found]


def _is_title(cand: Candidate) -> bool:
    """A short heading, not a numbered paragraph of prose ("Annual Report: To
    receive the report ..." is a heading with its description)."""
    title = without_description(cand.title).rstrip()
    # "4.1 Approval of Minutes." (US city agendas close titles with a full stop) is a title in
    # title case; "1.1 The minutes were accepted as a true record." is a sentence
    return (len(title.split()) <= MAX_CHILD_WORDS and not (title.endswith(".") and _is_prose(title))
            and not _SENTENCE_END.search(title))


def _children(parent: Candidate, runs: list[Run], start: int, end: int, minutes: bool) -> list[Run]:
    """The runs of sub-items between ``start`` and ``end`` (exclusive): numbered
    under the parent's number ("2.1" under "2."), or indented under it and set
    like it, with no number at the parent's indent between them (the last
    item's "A." under a later "1. Establish Budgets" of a schedule is that
    line's). In minutes without fonts, each set apart as it is and counted as it is:
    "4. Decisions" / "1. Budget" (lettered points under a minute's heading, "(a)
    Adopt the plan", are the points of its text)."""
    inside = [r for r in runs if r.values[0] == 1 and start <= r.items[0].index and r.items[-1].index < end]
    numbered = [r for r in inside if r.style == f"decimal:{parent.number.rstrip('.')}"
                and all(_is_title(c) for c in r.items)]
    if numbered or parent.x is None:
        return numbered
    level = parent.indent(parent.x) + INDENT_TOLERANCE
    outdented = [c.index for run in runs for c in run.items
                 if start <= c.index and c.x is not None and c.indent(c.x) <= level]
    indented = [r for r in inside if r.bold == parent.line.bold and r.indent is not None and r.indent > level
                and not any(index < r.items[0].index for index in outdented)]
    if minutes and parent.heading and not (parent.line.bold or parent.line.heading):
        return [r for r in indented if all(c.heading for c in r.items) and r.style == parent.readings[0][0]]
    return indented


def _section_above(sections: dict[int, str], index: int, current: str | None,
                   lines: Lines | None = None, stops: set[int] = frozenset()) -> str | None:
    """The section heading just above line ``index`` (or above the note under it), else the current section."""
    near = next((sections[i] for i in range(index - 1, index - 1 - SECTION_REACH, -1) if i in sections), None)
    return near or (_noted_section(sections, index, lines, stops) if lines else None) or current


def _noted_section(sections: dict[int, str], index: int, lines: Lines, stops: set[int]) -> str | None:
    """A section heading with a note under it saying what its items are, in sentences, above
    the first of them ("CONSENT CALENDAR" / "All matters listed on the consent calendar are
    routine and will be acted upon by one motion. ..." / "1.A Approve the minutes"), as US
    city agendas (Legistar, Granicus: city councils, planning commissions, transit and school
    boards) print their consent calendars and public hearings: the section of the items below."""
    start = index - 1
    while start >= 0 and index - start <= MAX_SECTION_NOTE_LINES + 1 and start not in stops and start not in sections:
        start -= 1
    if start not in sections or start + 1 >= index or lines[index][0].number - lines[start][0].number > 1:
        return None
    note = " ".join(line.text for _, _, line in lines[start + 1:index])
    return sections[start] if _is_prose(note) else None


def _walk(run: Run, runs: list[Run], lines: Lines, stops: set[int], end: int,
          section: str | None, sections: dict[int, str] | None, minutes: bool) -> list[Item]:
    """The items of a run and, under each, its sub-items; ``sections`` only
    for the top level (sub-items sit in their parent's section); ``minutes``
    when the lines are minutes'."""
    items: list[Item] = []
    for k, cand in enumerate(run.items):
        if sections is not None:
            section = _section_above(sections, cand.index, section, lines, stops)
        item, after = make_item(cand, lines, stops)
        item.section = section
        items.append(item)
        last = k + 1 == len(run.items)
        region_end = end if last else run.items[k + 1].index
        nested = _children(cand, runs, after, region_end, minutes)
        if nested:
            child = min(nested, key=lambda r: (r.indent or 0, -len(r.items), r.items[0].index))
            items.extend(_walk(child, runs, lines, stops, region_end, item.title, None, minutes))
        elif not (last or minutes):
            # the last item's region runs on to the end: what follows it is no list of its own;
            # what follows a minute's heading is what was minuted
            items.extend(_unnumbered_children(cand, lines, after, region_end, item.title))
    return items


def referenced_headings(lines: Lines, sections: dict[int, str]) -> list[Item]:
    """Minutes whose items are unnumbered headings, each with the agenda item
    it answers to on the line below: "Chairman's Announcements" / "(Item 2)"."""
    items: list[Item] = []
    section = None
    for index, (_, _, line) in enumerate(lines):
        ref = vocab()["item_ref"].match(line.text)
        if not ref:
            continue
        title: list[str] = []
        start = index - 1
        # lines[0] opens the scope ("MINUTES of the meeting held ..."): never a title
        while start >= 1 and index - start <= MAX_CONTINUATION_LINES and (lines[start][2].bold or lines[start][2].heading):
            above, below = lines[start][2], lines[start + 1][2]
            if start in sections or vocab()["item_ref"].match(above.text):
                break
            if above.bbox and below.bbox and abs(above.bbox.x0 - below.bbox.x0) > TITLE_TOLERANCE:
                break  # a heading lines up with its "(Item n)"
            title.insert(0, lines[start][2].text)
            start -= 1
        if title:
            section = _section_above(sections, start + 1, section)
            items.append(Item(title=clean(" ".join(title)) or "", page=lines[start + 1][0].number,
                              item_number=ref["number"], section=section))
    return items if len(items) >= MIN_ITEMS else []


def _compact(run: Run, runs: list[Run]) -> Run:
    """The run up to its first gap of more than a page: an agenda's items sit
    together, a "10." in a report further on does not continue them."""
    for k in range(1, len(run.items)):
        if (run.items[k].page.number - run.items[k - 1].page.number > 1
                and not _bridged(run.items[k - 1], run.items[k], runs)):
            return Run(run.style, run.items[:k], run.values[:k])
    return run


def _bridged(before: Candidate, after: Candidate, runs: list[Run]) -> bool:
    """Whether the pages between two items of an agenda hold the first one's
    own lettered or numbered list ("10. Approval of Resolutions" / "A.
    RESOLUTION ..." over a page or two / "11. ..."), as US board agendas
    set their resolutions: the agenda goes on below that list."""
    between = set(range(before.page.number + 1, after.page.number))
    listed = {c.page.number for r in runs for c in r.items
              if before.index < r.items[0].index and r.items[-1].index < after.index}
    return between <= listed


def list_items(scope: Scope) -> list[Item]:
    """Numbered agendas and minutes: front sheets ("5. 24/00108 - Revenue budget
    (Pages 11 - 84)"), minutes with numbered item headings ("84. Apologies"),
    outlines (I. / A. / 1.) with nested items."""
    lines, compact = scope.lines, scope.compact
    if not lines:
        return []
    analysis = analysis_of(scope.doc)
    numbered = analysis.numbered
    # numbered lines as the analysis read them, placed in the scope; a line the scope made
    # itself (joined from the paper's "Item 1" and its title) is read afresh
    candidates = []
    for k, (page, i, line) in enumerate(lines):
        if i < len(page.lines) and page.lines[i] is line:
            found = numbered.get((page.number, i))
            if found is not None:
                candidates.append(replace(found, index=k))
        elif (found := candidate(k, page, line, analysis.margins.get(page.number, 0.0))) is not None:
            candidates.append(found)
    runs = build_runs(candidates)
    run = main_run(runs, lines[0][0].number)
    if run is not None and compact:
        run = _compact(run, runs)
    # an item of the agenda's own run set in bold capitals ("X. CONSENT CALENDAR") is an item, not a section
    own = {c.index for c in run.items} if run is not None else set()
    by_index = {c.index: c for c in candidates}
    sections = {i: line.text for i, (page, _, line) in enumerate(lines)
                if i not in own and is_section_heading(page, line, _alone(lines, i))
                and not _wraps_title(by_index.get(i - 1), page, line)}
    if run is None or not (run.bold or run.items[0].line.heading):
        # numbered paragraphs under headings: the headings are the items, when they say so
        items = referenced_headings(lines, sections)
        if items or run is None:
            return items
    stops = {c.index for c in candidates} | set(sections)
    # a heading in capitals set in under an item's description ("DEPARTMENT RECOMMENDATION")
    # is a part of the item above, not a section of the items below; one that names a part of
    # the agenda ("Items for Decision:") is a section however it is set
    outer = {i: text for i, text in sections.items()
             if vocab()["section"].match(fold(text)) or not _in_description(lines, i, run, analysis.margins)}
    parts = _parts(run, runs, outer, compact)
    items = []
    for k, part in enumerate(parts):
        end = parts[k + 1].items[0].index if k + 1 < len(parts) else len(lines)
        items.extend(_walk(part, runs, lines, stops, end, None, outer, not compact))
    return _closing_presenters(items)


def session_items(scope: Scope) -> list[Item]:
    """An agenda of several sessions or meetings, each under a heading with its time and each
    numbering its items from 1 again in a layout of its own ("6:15 P.M. SPECIAL COUNCIL MEETING
    (Closed Session)" / "1 Call to Order" ... "5 Adjourn Special Meeting" / "7 P.M. COUNCIL
    MEETING" / "1.A Approve the minutes" ...; "4:30 P.M.-STUDY SESSION, PART I" / "1. CALL TO
    ORDER" ... / "5:30 P.M.-STUDY SESSION, PART II" / "1. CALL TO ORDER" ...), as US city
    councils and school boards print them: each session is read as an agenda of its own, its
    items in its heading's section. At least two sessions must give items; else the agenda is
    read whole."""
    lines = scope.lines
    heads = [k for k, (_, _, line) in enumerate(lines) if _is_session_heading(line)]
    items: list[Item] = []
    sessions = 0
    # what stands above the first session is the notice (how to take part), not a session
    for start, end in zip(heads, [*heads[1:], len(lines)]):
        page, _, line = lines[start]
        heading, start = line.text, start + 1
        if heading.count("(") > heading.count(")") and start < end and lines[start][0] is page:
            heading, start = f"{heading} {lines[start][2].text}", start + 1  # "(TO BE" / "HELD IN ...)"
        found = list_items(Scope(scope.doc, lines[start:end], scope.compact)) if end - start > 1 else []
        if found:
            sessions += 1
            for item in found:
                item.section = item.section or heading
            items.extend(found)
    return items if sessions >= 2 else []


def _parts(run: Run, runs: list[Run], sections: dict[int, str], compact: bool) -> list[Run]:
    """The agenda's run and the runs of the other parts of the agenda, in order: an
    agenda in parts that numbers each part's items from 1 again ("PART A – ..." / "1." /
    "2." / "PART B – ..." / "1."), as English councils (Part I / Part II), US boards (open
    and closed session) and Nordic agendas (Åbne / Lukkede sager) print theirs. A part is
    a run numbered like the agenda's, in its column and weight, from 1, with a section
    heading between it and the part before (and, in an agenda, at most a page apart); a
    heading that opens an attachment ("SCHEDULE A") starts no part."""
    def sibling(other: Run) -> bool:
        # "3.1", "3.2" under "CONSENT CALENDAR", then "4.1" under "REGULAR CALENDAR": decimal parts
        # whose head ("3.", "4.") is the unnumbered heading above them, as US county boards print them
        same = other.style == run.style or (other.style.startswith("decimal:") and run.style.startswith("decimal:")
                                            and other.style.count(".") == run.style.count("."))
        # "1.A" ... "1.L" (the consent calendar as item 1), then "2", "3": the items after a lettered
        # or decimal run go on from its head, as Legistar-style US agendas number them
        goes_on = (other.style == "arabic" and run.style == f"decimal:{other.values[0] - 1}"
                   and other.items[0].index > run.items[-1].index)
        # "CEREMONIAL MATTERS:" / "1." "2.", "CONSENT CALENDAR:" / "A." ... "H.", "REGULAR BUSINESS:" /
        # "1." "2.": each part numbered afresh in a style of its own (Granicus city agendas)
        restyled = run.values[0] == 1 and other.style in ("arabic", "upper", "lower", "roman")
        return (((same or restyled) and other.values[0] == 1 or goes_on) and other.bold == run.bold
                and other.indent is not None and run.indent is not None
                and abs(other.indent - run.indent) <= INDENT_TOLERANCE
                and not any(_inside(other, o) for o in runs))

    def follows(before: Run, after: Run) -> bool:
        last, first = before.items[-1], after.items[0]
        between = [text for i, text in sections.items() if last.index < i < first.index]
        return (bool(between) and not any(vocab()["annex"].match(fold(text)) for text in between)
                and not (compact and first.page.number - last.page.number > 1))

    # ``run`` may be cut short (``_compact``): the run it was cut from is not another part
    siblings = sorted([run, *(r for r in runs if r.items[0] is not run.items[0] and sibling(r))],
                      key=lambda r: r.items[0].index)
    at = siblings.index(run)
    start = end = at
    while end + 1 < len(siblings) and follows(siblings[end], siblings[end + 1]):
        end += 1
    while run.values[0] == 1 and start > 0 and follows(siblings[start - 1], siblings[start]):
        start -= 1
    return siblings[start:end + 1]


def _wraps_title(above: Candidate | None, page: Page, line: Line) -> bool:
    """Whether ``line`` carries on the title of the numbered line just above it, set in
    under its title ("a) 23-0032 UPDATES FROM THE SUBCOMMITTEES" / "AND DELEGATES", as
    Legistar agendas wrap a file's title past its number): no section."""
    return (above is not None and above.title_x is not None and line.bbox is not None and above.page is page
            and line.bbox.x0 >= above.title_x - TITLE_TOLERANCE and not page.centres(line))


def _in_description(lines: Lines, index: int, run: Run, margins: dict[int, float]) -> bool:
    """Whether line ``index`` is set in under an item's description: further in
    than the run's numbers (from its page's margin) and in line with the text above it."""
    page, _, line = lines[index]
    if index == 0 or line.bbox is None or run.indent is None or page.centres(line):
        return False
    above_page, _, above = lines[index - 1]
    margin = margins.get(page.number, 0.0)
    return (above_page is page and above.bbox is not None and abs(above.bbox.x0 - line.bbox.x0) <= INDENT_TOLERANCE
            and line.bbox.x0 - margin > run.indent + INDENT_TOLERANCE)


def _closing_presenters(items: list[Item]) -> list[Item]:
    """"4. Finance report – John Brown", "3. Quality report (Chief Nurse)": the
    name after the dash or in the closing bracket is the presenter when most
    items end with one; one title with a dash in it ("Governance - Issues For
    The Board") keeps it."""
    for split_name in (dash_presenter, bracket_presenter):
        # "24/00115 - Integrated Care Strategy": a decision number before the dash, not a title
        split = [(title, name if any(c.isalpha() for c in title) else None)
                 for title, name in map(split_name, (item.title for item in items))]
        if sum(name is not None for _, name in split) * 2 > len(items):
            for item, (title, name) in zip(items, split):
                if name and item.presenter is None:
                    item.title, item.presenter = title, name
            break
    return items


def _bullet_heading(text: str) -> bool:
    """"Perfunctory Business", "New Business": a short title, not a minuted
    line ("2017/18 Financials approved – B. Munro (motion)")."""
    return (len(text.split()) <= MAX_SECTION_WORDS and text[0].isupper() and not any(c.isdigit() for c in text)
            and not text.rstrip().endswith((".", ":", ",")))


def bulleted_sections(scope: Scope) -> list[Item]:
    """Minutes set out as bullets, their sections headed by short bulleted
    titles at the outermost level with the section's bullets indented below
    ("\uf0b7 Updates" / "o Holiday decorations were taken down ..."): the
    headings, in order, are the items."""
    lines = scope.lines
    bullet = vocab()["bullet"]
    marked = [(k, match["text"]) for k, (_, _, line) in enumerate(lines)
              if line.bbox is not None and (match := bullet.match(line.text))]
    if not marked:
        return []
    outer = min(lines[k][2].bbox.x0 for k, _ in marked)
    items = []
    for k, text in marked:
        page, _, line = lines[k]
        below = lines[k + 1][2] if k + 1 < len(lines) else None
        if (abs(line.bbox.x0 - outer) <= INDENT_TOLERANCE and _bullet_heading(text) and below is not None
                and below.bbox is not None and below.bbox.x0 > line.bbox.x0 + INDENT_TOLERANCE
                and bullet.match(below.text)):
            items.append(Item(title=text.strip(), page=page.number))
    return items if len(items) >= MIN_PLAIN_ITEMS else []


def _date_only(text: str) -> bool:
    """"June 25, 2019", "Monday, 4 November 2019": a date line, not an item that names one."""
    found = find_date(text)
    return bool(found) and len(text.replace(found[1], " ").split()) <= 2


def _presented(found: list[tuple[Page, Line]]) -> list[Item]:
    """Lines that end with a presenter after a dash ("Roll Call – Phil
    Whittington"), when most do; a line without one runs on into the line
    close below it (a title that wraps)."""
    named = sum(dash_presenter(line.text)[1] is not None for _, line in found)
    if named * 2 < len(found):
        return []
    groups: list[tuple[Page, list[Line]]] = []
    for page, line in found:
        if groups and groups[-1][0] is page and _wraps_into(groups[-1][1], line):
            groups[-1][1].append(line)
        else:
            groups.append((page, [line]))
    return [_plain_item(page, " ".join(line.text.strip() for line in group)) for page, group in groups]


def _plain_item(page: Page, text: str) -> Item:
    text, clock = _item_time(text)
    start, end = time_span(clock) if clock else (None, None)
    title, presenter = dash_presenter(text)
    return Item(title=title, presenter=presenter, page=page.number, start_time=start,
                duration_minutes=minutes_between(start, end))


def _wraps_into(group: list[Line], line: Line) -> bool:
    last = group[-1]
    if dash_presenter(" ".join(l.text for l in group))[1] or last.bbox is None or line.bbox is None:
        return False
    return 0 <= line.bbox.top - last.bbox.bottom <= MAX_LINE_GAP * (last.bbox.bottom - last.bbox.top)


def plain_items(scope: Scope) -> list[Item]:
    """An agenda of unnumbered lines under its heading ("Call to Order", "Roll
    Call", "Public Comment"): short lines in one column, up to the first prose.
    ``lines[0]`` is the heading; the meeting's date, time and place may follow
    it, above a rule ("*****") when there is one. Minutes' lines are prose: none."""
    if not scope.compact:
        return []
    lines = scope.lines
    found: list[tuple[Page, Line]] = []
    column = None
    for page, _, line in lines[1:]:
        text = line.text.strip()
        if not text:
            continue
        if not found and (find_date(text) or is_time_only(text) or not text[0].isalpha()):
            continue  # the meeting's date, time and street address above the items
        if not any(c.isalnum() for c in text):
            found, column = [], None  # a rule under the header block: the items start below it
            continue
        filled = [c for c in line.cells or [] if c]
        if (len(text.split()) > MAX_PLAIN_WORDS or _item_time(text)[0].endswith((".", ":")) or len(filled) > 1
                or _date_only(text) or not text[0].isalpha()):
            break
        if line.bbox is not None:
            column = line.bbox.x0 if column is None else column
            if abs(line.bbox.x0 - column) > INDENT_TOLERANCE:
                break
        found.append((page, line))
    items = _presented(found) or [_plain_item(page, line.text.strip()) for page, line in found]
    return items if len(items) >= MIN_PLAIN_ITEMS else []
