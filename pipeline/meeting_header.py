"""The meeting a paper belongs to (body, date, times, venue) as its header states it.

Agendas and minutes open with a header block: "Label: value" lines or rows
(Date:, Place:, Dato:), a sentence ("MINUTES of a meeting of the Cabinet
held in the Council Chamber ... on Thursday, 30 January 2025"), or bare
lines (body, date and time, venue) read by their order around the date. A
report that is not an agenda or minutes gives its meeting only when its cover
addresses one ("To: Cabinet, 30 January 2025"); a case paper (one item
printed as its own paper) when it states the meeting's decision on its item.

Shared by the meetings, agenda and document_info extractors; the analysis
(``pipeline/analyse.py``) records ``opening`` and ``case_paper`` once per paper.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.dates import (find_date, find_times, is_time_only, labelled_time_span, tidy_ordinals, time_span,
                            without_times)
from pipeline.find import cue_kind, kind_named, segments_of, starts_heading
from pipeline.headings import Candidate, candidate
from pipeline.model import TEXT_LINE_HEIGHT, Document, Line, Locale, Page
from pipeline.textutil import clean, fold
from pipeline.vocab import load_vocab

MAX_HEADER_LINES = 30
MAX_LABEL_WORDS = 4
MAX_VENUE_WORDS = 14
MAX_VENUE_LINES = 4
# Lines of one address sit closer than this many line heights apart.
VENUE_LINE_GAP = 0.3
# Lines of a centred masthead address sit closer than this many line heights apart.
ADDRESS_LINE_GAP = 0.6
# The time of a notice's meeting follows its date within this many characters.
NOTICE_TIME_REACH = 30
# A table row with this many cells is the agenda itself, past the header.
TABLE_ROW_CELLS = 3
# A notice's (or long minutes') title is among the first lines of page 1, a notice's date a few lines below.
NOTICE_TITLE_LINES = 4
NOTICE_DATE_REACH = 3
MAX_TITLE_WORDS = 10
# A page with more lines that open with a date than this is a schedule of
# meetings, not one meeting's notice.
MAX_NOTICE_DATES = 4
# A case paper's numbered title is among the first lines of page 1.
CASE_TITLE_LINES = 3
# Words of a date with its weekday: "Monday, November 4th , 2019".
DATE_LEAD_WORDS = 5
# a word of three letters or more: a line with one says something besides numbers
_WORD = re.compile(r"[^\W\d_]{3,}")
_LABELLED = re.compile(r"^(?P<label>[^:]{1,30}?)\s*:\s*(?P<value>.*)$")


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_vocab("meetings")
    patterns = data["patterns"]
    return {
        "labels": {fold(label): field for field, labels in data["labels"].items() for label in labels},
        "stops": {fold(s) for s in data["stops"]["labels"]},
        "contact": re.compile(r"\s*\b(?:" + "|".join(re.escape(c) for c in data["contact"]["labels"]) + r")\b\s*:.*$",
                              re.I),
        "body": [re.compile(p, re.I) for p in patterns["body"]],
        "venue": [re.compile(p, re.I) for p in patterns["venue"]],
        "notice": [re.compile(p, re.I) for p in patterns["notice"]],
        "venue_line": re.compile(patterns["venue_line"], re.I),
        "organisation": [re.compile(p, re.I) for p in patterns["organisation"]],
        "notice_title": [re.compile(p) for p in patterns["notice_title"]],
        "body_tail": re.compile(patterns["body_tail"], re.I),
        "generic_title": re.compile(patterns["generic_title"]),
        "decided": [re.compile(p, re.I) for p in patterns["decided"]],
        "street_address": re.compile(patterns["street_address"], re.I),
        "city_state_zip": re.compile(patterns["city_state_zip"], re.I),
        "postcode_town": re.compile(patterns["postcode_town"], re.I),
        "meeting_kind": re.compile(patterns["meeting_kind"], re.I),
        "agenda_title": re.compile(patterns["agenda_title"], re.I),
        "masthead_body": re.compile(patterns["masthead_body"], re.I),
        "open_end": re.compile(patterns["open_end"], re.I),
        "session": re.compile(patterns["session"]),
    }


@dataclass
class HeaderLine:
    page: Page
    line: Line
    label: str | None  # field the line's label names (date, venue ...), if any
    value: str  # the text after the label, or the whole line


def _labelled(line: Line) -> tuple[str | None, str]:
    cells = [c for c in line.cells or [] if c]
    if len(cells) >= 2:
        label, value = cells[0], " ".join(cells[1:])
    else:
        match = _LABELLED.match(line.text)
        if not match:
            return None, line.text
        label, value = match["label"], match["value"]
    folded = fold(label).strip(" :.")
    if len(folded.split()) > MAX_LABEL_WORDS:
        return None, line.text
    return vocab()["labels"].get(folded) or ("stop" if folded in vocab()["stops"] else None), value


def header_block(doc: Document) -> list[HeaderLine]:
    """The lines of page 1 before the attendance list or the first agenda item."""
    block: list[HeaderLine] = []
    page = doc.pages[0]
    for i, line in enumerate(page.lines[:MAX_HEADER_LINES]):
        label, value = _labelled(line)
        first_word = fold(line.text).split()[0].strip(":;,") if line.text.split() else ""
        if label == "stop" or first_word in vocab()["stops"] or fold(line.text).strip(" :") in vocab()["stops"]:
            break
        if ((candidate(i, page, line) and not _is_address(line.text))
                or (len([c for c in line.cells or [] if c]) >= TABLE_ROW_CELLS
                    and not (_beside_contact(line) or starts_with_date(line.cells[0] or "")
                             or _is_address(line.cells[0] or "")))):
            break
        block.append(HeaderLine(page, line, label, value))
    return block


def _beside_contact(line: Line) -> bool:
    """A header row with the contact column beside it ("Tuesday, 4th March,
    2025, at 10.00 am | Ask for: | Jane Roe"), as council front sheets set
    it: the meeting's own line, not a row of the agenda."""
    return any(vocab()["contact"].match(cell) for cell in line.cells or [] if cell)


def _is_address(text: str) -> bool:
    """"1315 Valley Drive", "Springfield, CA 90000", "7100 Skovby": a line of a street address."""
    text = text.strip()
    return bool(vocab()["street_address"].match(text) or vocab()["city_state_zip"].search(text)
                or vocab()["postcode_town"].match(text))


def _address_span(block: list[HeaderLine]) -> range:
    """The lines of a US agenda's masthead that give the venue: the street
    address and the lines set close to it ("City Hall" / "1315 Valley Drive"
    / "Springfield, CA 90000"), up to a line that names the meeting, its date
    or a cue. Empty when the masthead has no address."""
    # the last address: a masthead may print the publisher's own address above the meeting's
    at = next((k for k in reversed(range(len(block))) if not block[k].label and _is_address(block[k].line.text)), None)
    if at is None:
        return range(0)

    def part(entry: HeaderLine) -> bool:
        text = entry.line.text
        return bool(_WORD.search(text)) and not (
            entry.label or find_date(text) or find_times(text) or cue_kind(entry.line) or _body_of(text)
            or vocab()["agenda_title"].match(text.strip()))

    def near(upper: int) -> bool:
        return _set_near(block[upper].page, block[upper].line, block[upper + 1].line)

    first = last = at
    while first > 0 and part(block[first - 1]) and near(first - 1):
        first -= 1
    while last + 1 < len(block) and part(block[last + 1]) and near(last):
        last += 1
    return range(first, last + 1)


def _address_venue(block: list[HeaderLine]) -> str | None:
    span = _address_span(block)
    if not span:
        return None
    venue = ", ".join(block[k].line.text.strip(" ,") for k in span)
    return clean(f"{head} {venue}" if (head := _venue_on_date_line(block, span.start)) else venue)


def _venue_on_date_line(block: list[HeaderLine], start: int) -> str | None:
    """The venue's first words printed after the date and time, its address wrapped onto the
    lines below ("Tuesday, April 19, 2016 6:15 PM West Conference Room and Council" /
    "Chambers, City Hall, 12 Elm Street," / "Springfield, CA 90000"), as Legistar mastheads set it."""
    if start == 0:
        return None
    above = block[start - 1]
    if above.label or not find_date(above.line.text) or not _set_near(above.page, above.line, block[start].line):
        return None
    _, tail = without_times(_around_date(above.line.text)[1])
    tail = " ".join(tail.split()).strip(" ,-–—")
    return tail if tail[:1].isupper() and not tail.endswith(".") and not find_date(tail) else None


def _row(line: Line) -> int:
    return round(line.bbox.top / TEXT_LINE_HEIGHT) if line.bbox else -1


def _short_rows(page: Page, line: Line, below: Line) -> bool | None:
    """On a text page, whether two lines are rows of one address block: the
    next row, both short (a web transcript's line may be a whole paragraph),
    in a run of rows no longer than an address (a blank row parts blocks;
    "Town Hall" over "Call to Order", "Roll Call" ... is a place over a list).
    None on a PDF page, whose lines have sizes and gaps."""
    if not (line.unstyled or below.unstyled):
        return None
    if line.bbox is None or below.bbox is None or _row(below) != _row(line) + 1:
        return False
    rows = {_row(other) for other in page.lines}
    run = next(n for n in range(len(rows) + 1) if _row(line) + n not in rows)
    return run <= MAX_VENUE_LINES and all(len(entry.text.split()) <= MAX_VENUE_WORDS for entry in (line, below))


def _set_near(page: Page, line: Line, below: Line) -> bool:
    """Lines of one centred address block: at most half a line apart."""
    if (rows := _short_rows(page, line, below)) is not None:
        return rows
    if line.bbox is None or below.bbox is None:
        return False
    height = line.bbox.bottom - line.bbox.top
    return -height / 2 <= below.bbox.top - line.bbox.bottom <= ADDRESS_LINE_GAP * height


def _agenda_titled_body(block: list[HeaderLine]) -> str | None:
    """"Planning Commission Agenda", "CITY COUNCIL AGENDA AND NOTICE" (a US
    agenda's title, maybe the first cell of a two-column masthead): the body
    it names, not a kind of meeting ("Regular Meeting Agenda")."""
    for entry in block:
        text = next((c for c in entry.line.cells or [] if c), entry.line.text).strip()
        match = vocab()["agenda_title"].match(text)
        # a title is short: "... on this agenda" ends a sentence of the notice's prose, not a title;
        # "PUBLIC COMMENT ON ITEMS NOT ON THE AGENDA" names an item, not a body
        if (match and len(match["body"].split()) <= MAX_TITLE_WORDS
                and not vocab()["open_end"].search(fold(match["body"]))
                and not vocab()["generic_title"].match(fold(match["body"])) and not find_date(match["body"])):
            return clean(match["body"])
    return None


def _body_of(text: str) -> str | None:
    for pattern in vocab()["body"]:
        match = pattern.search(text)
        if match and not find_date(match["body"]) and _WORD.search(match["body"]):
            # "Minutes of the Audit Committee meeting held ...": the body is the committee
            return re.sub(r"\s+meeting$", "", clean(match["body"]).strip(" .,-–"), flags=re.I)
    return None


def _is_organisation(text: str) -> bool:
    return any(p.search(text.strip(" .,")) for p in vocab()["organisation"])


def _cut_contact(text: str) -> str:
    return vocab()["contact"].sub("", text).strip()


# A sentence has at least this many longer words, most in lower case.
MIN_PROSE_WORDS = 4


def _prose(text: str) -> bool:
    """A line of a sentence ("The mission of the District is to provide a child-centered
    environment", printed under a US school board's masthead), not a place's name."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= MIN_PROSE_WORDS and sum(w[0].islower() for w in words) * 2 >= len(words)


def _venue_after(block: list[HeaderLine], start: int) -> str | None:
    """The bare lines after the date line that name a place."""
    parts: list[str] = []
    in_remark = False
    for k, entry in enumerate(block[start:], start):
        text = _cut_contact(entry.line.text)
        if in_remark or text.startswith("("):
            in_remark = not text.endswith(")")
            continue
        if not text or is_time_only(text) or not _WORD.search(text):
            if parts:
                break
            continue
        if vocab()["generic_title"].match(" ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())):
            continue  # "Regular Meeting" between the date and the place: the kind of meeting
        if text.isupper():
            break  # a title ("PUBLIC NOTICE OF ..."), not a place
        if (entry.label or text.endswith(".") or find_date(text) or cue_kind(entry.line)
                or len(text.split()) > MAX_VENUE_WORDS or _prose(text)):
            break
        parts.append(text)
        following = block[k + 1].line if k + 1 < len(block) else None
        # a line cut at contact details sits beside a contact column: only a comma carries it on
        beside_contact = text != entry.line.text.strip()
        if (not (text.endswith(",") or (not beside_contact and _set_close(entry.page, entry.line, following)))
                or len(parts) == MAX_VENUE_LINES):
            break
    # lines of an address are its comma-separated parts
    return clean(" ".join(p if p.endswith(",") else f"{p}," for p in parts)).strip(" ,") if parts else None


def _set_close(page: Page, line: Line, below: Line | None) -> bool:
    """Whether ``below`` follows ``line`` as the next line of one block
    ("The Old Granary" / "Riverside Hall"): no gap between them, same size,
    aligned left or centred alike."""
    if below is None:
        return False
    if (rows := _short_rows(page, line, below)) is not None:
        return rows
    if line.bbox is None or below.bbox is None:
        return False
    height = line.bbox.bottom - line.bbox.top
    aligned = (abs(below.bbox.x0 - line.bbox.x0) <= height
               or abs((below.bbox.x0 + below.bbox.x1) - (line.bbox.x0 + line.bbox.x1)) <= 2 * height)
    return (aligned and 0 <= below.bbox.top - line.bbox.bottom <= VENUE_LINE_GAP * height
            and abs((below.bbox.bottom - below.bbox.top) - height) <= VENUE_LINE_GAP * height)


def _with_postcode(block: list[HeaderLine], index: int, venue: str) -> str:
    """A venue whose last line is a postcode ("Eastham" / "M32 0TH") gets it back."""
    if index + 1 < len(block):
        nxt = block[index + 1]
        text = nxt.line.text.strip()
        if not nxt.label and len(text.split()) <= 2 and re.search(r"\d", text) and not find_times(text):
            return f"{venue} {text}"
    return venue


_NOTICE_VENUE = re.compile(r"^[\s,]*(?:(?:from|to|and|-|–)\s*)*at (?:the )?(?P<venue>.+?(?:\w\w|\d))\.(?:\s|$)")


def _notice_venue(after: str) -> str | None:
    """The place a notice names after the date and times: "... from 9 a.m. to 1:00 p.m. at the
    Pry Building, 1180 Main Street, Room 382, Akron, Ohio 44301." """
    times, rest = without_times(after)
    # to the full stop after a word or a figure ("Russell M. Pry Building": an initial's stop goes on)
    match = _NOTICE_VENUE.match(rest)
    return match["venue"] if match else None


def public_notice(doc: Document) -> dict | None:
    """The meeting a public notice states in a sentence, on a paper with no agenda or minutes heading."""
    return meeting_from_notice(header_block(doc)) if doc.pages and doc.pages[0].lines else None


def meeting_from_notice(block: list[HeaderLine]) -> dict | None:
    """A notice sentence names body, venue, date and time: it outweighs the
    date the notice was published on."""
    text = " ".join(e.line.text for e in block)
    for pattern in vocab()["notice"]:
        match = pattern.search(text)
        found = find_date(text[match.end():]) if match else None
        if found:
            after = tidy_ordinals(text[match.end():]).partition(found[1])[2]
            # "... will be held on Friday, March 29, 2019, from 9 a.m." or "will be held at 2pm on ..."
            start, end = time_span(after[:NOTICE_TIME_REACH])
            if start is None:
                start, end = time_span(text[match.end():].partition(found[1])[0])
            venue = match.groupdict().get("venue") or _notice_venue(after)
            return {"body": clean(match["body"]), "venue": clean(venue), "meeting_date": found[0],
                    "start_time": start, "end_time": end, "page": block[0].page.number}
    return None


def meeting_from_header(doc: Document, locale: Locale = Locale()) -> dict | None:
    """The meeting the header block of page 1 states, its dates read in the paper's ``locale``."""
    block = header_block(doc)
    if not block:
        return None
    notice = meeting_from_notice(block)
    if notice:
        return notice
    fields: dict[str, str | None] = {"body": None, "venue": None, "start_time": None, "end_time": None}
    date, date_index = None, None
    for i, entry in enumerate(block):
        if entry.label == "body" and not fields["body"]:
            fields["body"] = clean(entry.value)
        elif entry.label == "venue" and not fields["venue"]:
            fields["venue"] = _with_postcode(block, i, clean(_cut_contact(entry.value)) or "")
        elif entry.label == "time" and not fields["start_time"]:
            fields["start_time"], fields["end_time"] = labelled_time_span(entry.value)
    text = " ".join(e.line.text for e in block)
    for pattern in vocab()["venue"]:
        match = pattern.search(text)
        if match and not fields["venue"]:
            fields["venue"] = clean(match["venue"])
    for i, entry in enumerate(block):
        if date is not None and fields["start_time"]:
            break  # the date and its time are read: the lines below change neither (dates are slow to read)
        found = find_date(entry.value if entry.label == "date" else entry.line.text, locale.date_order, locale.language)
        if found and (date is None or (found[0] == date and not fields["start_time"])):
            if date is None:
                date, date_index = found[0], i
            if not fields["start_time"]:
                fields["start_time"], fields["end_time"] = time_span(_sentence(block, i)[0])
    if date is None:
        return None
    if not fields["start_time"]:
        for entry in block:
            if is_time_only(entry.line.text) or _kind_with_time(entry.line.text):
                fields["start_time"], fields["end_time"] = time_span(entry.line.text)
                break
    if not fields["body"]:
        fields["body"] = _body_of(text.split(" on ")[0]) if text.lower().startswith("minutes") else None
    if not fields["body"]:
        fields["body"] = _agenda_titled_body(block) or _body_above(block, date_index)
        below = _body_below(block, date_index)
        if below and not (fields["body"] and vocab()["masthead_body"].match(fields["body"])):
            fields["body"] = below  # the organisation or its town above the date is not the meeting's body
    if not fields["venue"]:
        prefixed = next((m["venue"] for e in block if not e.label
                         and (m := vocab()["venue_line"].match(e.line.text)) and not find_times(e.line.text)), None)
        date_text, n_lines = _sentence(block, date_index)
        _, after_date = _around_date(date_text)
        on_date_line = re.search(r"\b(?:at|in|i)\s+(?:the\s+)?(?P<venue>[A-ZÆØÅ].+)$", after_date)
        if address := _address_venue(block):
            fields["venue"] = address
        elif prefixed:
            fields["venue"] = clean(prefixed)
        elif on_date_line:
            fields["venue"] = clean(on_date_line["venue"]).rstrip(".")
        else:
            fields["venue"] = _venue_after(block, date_index + n_lines)
    return {**fields, "meeting_date": date, "page": block[date_index].page.number}


def _kind_with_time(text: str) -> bool:
    """"REGULAR MEETING – 7:00 PM", "7:00 P.M. REGULAR MEETING", "Closed Session will begin at
    4:00 P.M." (a US school board's masthead): a line giving the kind of meeting and its time,
    and nothing else."""
    times, rest = without_times(text)
    rest = _BEGINS_AT.sub("", " ".join(re.sub(r"[^\w\s]", " ", fold(rest)).split())).strip()
    return bool(times) and bool(rest) and bool(vocab()["generic_title"].match(rest))


# "will begin at", "starts at approximately": the words before a session's time
_BEGINS_AT = re.compile(r"\s*\b(?:will )?(?:begins?|starts?|convenes?|commences?)(?: at)?(?: approximately)?$")


def _sentence(block: list[HeaderLine], index: int) -> tuple[str, int]:
    """A line with the lines that carry on its sentence ("... 5 March 2019" /
    "at 2.00pm in the Boardroom"), and how many lines that is."""
    text, n_lines = block[index].line.text, 1
    for entry in block[index + 1:]:
        words = entry.line.text.split()
        if entry.label or not words or not words[0][0].islower():
            break
        text, n_lines = f"{text} {entry.line.text}", n_lines + 1
    return text, n_lines


def _around_date(text: str) -> tuple[str, str]:
    """The words before the date of a line, and those after it (times taken out)."""
    found = find_date(text)
    if not found:
        return text, ""
    before, _, after = tidy_ordinals(text).partition(found[1])
    after = without_times(after)[1]
    return before.strip(" ,-–—"), _cut_contact(after)


# A centred masthead names the body within this many lines below the date (its time, venue between).
BODY_BELOW_REACH = 6


def _body_below(block: list[HeaderLine], date_index: int) -> str | None:
    """"City Council", "Executive Management Committee": the body a US agenda's centred
    masthead sets under the date, time and venue, over its members' names."""
    for entry in block[date_index + 1:date_index + 1 + BODY_BELOW_REACH]:
        text = entry.line.text.strip()
        if not entry.label and entry.page.centres(entry.line) and vocab()["masthead_body"].match(text):
            return clean(text)
    return None


def _body_above(block: list[HeaderLine], date_index: int) -> str | None:
    """The title line nearest above the date: not a cue ("AGENDA"), not the
    organisation; or the title before the date on its own line
    ("CORPORATE PARENTING PANEL – 10th December 2024"). With no other title,
    the organisation meets itself ("Parish Council" / "Agenda")."""
    organisation = kind = None
    venue_lines = {id(block[k]) for k in _address_span(block)}
    for entry in reversed(block[:date_index + 1]):
        text = entry.line.text
        if id(entry) in venue_lines or re.match(r"(?i)(?:and|&)\s", text):
            continue  # a joint meeting's second body, its title wrapped: the body is the one named first
        named = _body_of(text)
        if named:
            return named
        if _is_organisation(text) and not entry.label and not find_date(text):
            organisation = organisation or clean(text)
            continue
        if (entry.label or cue_kind(entry.line) or vocab()["generic_title"].match(fold(text))
                or _is_address(text) or vocab()["contact"].search(text) or (find_times(text) and not find_date(text))):
            continue  # a masthead's address, contact or time line names no body
        found = find_date(text)
        if found:
            before, _ = _around_date(text)
            words = before.split()
            dashed = re.search(r"\s[-–—]\s*$", tidy_ordinals(text).partition(found[1])[0])
            titled = (entry.line.bold or entry.line.heading) and "," not in before
            generic = vocab()["labels"].get(fold(before)) == "body"  # "Meeting of 2nd June 2015"
            if (words and len(words) <= MAX_LABEL_WORDS + 2 and not words[-1][0].islower() and not generic
                    and (dashed or titled)):
                return clean(before)
            continue
        if vocab()["meeting_kind"].match(text.strip()):
            kind = kind or clean(text)  # "Ekstraordinært PUK": the body's full name is above it
            continue
        if not text.endswith(".") and _WORD.search(text) and not text[:1].islower():
            # a line in lower case carries on a sentence ("will hold a special meeting"); "CITY COUNCIL
            # MEETING" over the date names the council
            title = clean(text) or ""
            bare = re.sub(r"(?i)\s+(?:(?:regular|special|adjourned)\s+)?meeting$", "", title)
            return bare if bare != title and vocab()["masthead_body"].match(bare) else title
    return kind or organisation


def starts_with_date(text: str) -> bool:
    """"Friday, February 28, 2020  Room 1", "Tuesday 5 March 2024, 2pm": a
    line led by its date (a weekday may come first); not "Approval of Minutes
    from August 6, 2019"."""
    return bool(find_date(" ".join(tidy_ordinals(text).split()[:DATE_LEAD_WORDS])))


def opening(doc: Document) -> tuple[int, str] | None:
    """Where a paper with no "Agenda" or "Minutes" heading still opens an
    agenda or minutes, and which: a title sentence too long for a heading
    ("MINUTES of the meeting of the Finance Committee held on ... in the
    Boardroom"), or a notice of one meeting, its title naming it ("Advisory
    Board Meeting") above its date. The index of that line on page 1 and
    the kind, or None."""
    if not doc.pages or any(segments_of(doc, kind) for kind in ("agenda", "minutes", "cover_sheet")):
        return None
    lines = doc.pages[0].lines
    for i, line in enumerate(lines[:NOTICE_TITLE_LINES]):
        folded = fold(line.text).strip(" .:*#")
        kind = kind_named(line.text, ("minutes", "agenda"))
        if kind and starts_heading(line.text):
            return i, kind
        if len(folded.split()) > MAX_TITLE_WORDS or not any(p.search(folded) for p in vocab()["notice_title"]):
            continue
        if not any(find_date(below.text) for below in lines[i:i + NOTICE_DATE_REACH + 1]):
            return None
        listed = sum(1 for other in lines if starts_with_date(other.text))
        return (i, "agenda") if listed <= MAX_NOTICE_DATES else None
    return None


def meeting_addressed(doc: Document) -> dict | None:
    """A report's "To: Cabinet, 30 January 2025"."""
    for page in doc.pages[:1]:
        for line in page.lines[:MAX_HEADER_LINES]:
            label, value = _labelled(line)
            if label != "addressee":
                continue
            found = find_date(value)
            if found:
                body = clean(" ".join(_around_date(value))).strip(" ,-–")
                return {"body": body or None, "meeting_date": found[0], "page": page.number}
    return None


def case_paper(doc: Document, numbered: dict[tuple[int, int], Candidate]) -> tuple[Candidate, dict] | None:
    """A case paper: one item of a meeting printed as its own paper. It opens
    with the item's number and title ("8. Evaluering af rygestopkurser") and
    states the meeting's decision on that item ("Sundheds- og
    Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 8"). The opening
    item and that meeting, or None."""
    if not doc.pages:
        return None
    page = doc.pages[0]
    opener = next((c for i, line in enumerate(page.lines[:CASE_TITLE_LINES])
                   if (line.bold or line.heading) and (c := numbered.get((page.number, i)))), None)
    if opener is None:
        return None
    for stated_page, _, line in doc.iter_lines():
        for pattern in vocab()["decided"]:
            match = pattern.match(line.text.strip())
            if match and match["number"] == opener.number and (found := find_date(match["date"])):
                return opener, {"body": clean(match["body"]), "meeting_date": found[0], "page": stated_page.number}
    return None


# A pack's meetings are headed on its first pages.
SESSION_PAGES = 3
MAX_SESSION_WORDS = 16


def session_meetings(doc: Document, meeting: dict) -> list[dict]:
    """The meetings of a pack that holds several, each under a heading with its time
    ("6:15 P.M. SPECIAL COUNCIL MEETING (Closed Session)" ... "7 P.M. COUNCIL MEETING"), as US
    city councils print a special meeting and the regular meeting after it on one agenda: one
    row each, with the masthead's body, date and venue and the heading's time and page. Sessions
    of one meeting ("4:30 P.M.-STUDY SESSION", "6:30 P.M.-SPECIAL SESSION") are no meetings of
    their own; nor is the masthead's time printed again over the items (one time: one meeting)."""
    found: dict[str, dict] = {}
    for page in doc.pages[:SESSION_PAGES]:
        for line in page.lines:
            text = fold(line.text)
            if (not vocab()["session"].match(text) or len(text.split()) > MAX_SESSION_WORDS
                    or "meeting" not in text.split("(")[0]):
                continue
            start = time_span(line.text)[0]
            if start and start not in found:
                found[start] = {**meeting, "start_time": start, "end_time": None, "page": page.number}
    return list(found.values()) if len(found) > 1 else []
