"""Agenda items: every item of a paper's agenda (or of its minutes), in order.

Layouts, tried in turn on the paper's agenda and minutes segments: an
agenda table (``agenda_table.py``: Timings | Item | Owner | Action |
Format ...), items carrying a larger board's numbers and file numbers
(``agenda_filed.py``: Legistar committee agendas), sessions or meetings under
timed headings read one by one ("6:15 P.M. SPECIAL COUNCIL MEETING"), a
numbered list (``agenda_list.py``: front sheets, minutes whose items are
numbered headings, outlines with Roman numerals and letters), and unnumbered
lines under the heading; a pack with no agenda
heading, from its contents list of items (``agenda_contents.py``). A notice with no
"Agenda" heading ("Advisory Board Meeting" over its date) is read from
below its header; minutes set out as bullets, from their bulleted section
headings. A case paper (one item printed as its own paper, with the
meeting's decision on it) is that one item. A paper without any of these
(a strategy with a contents list, a business plan, a report full of KPIs,
a schedule of meetings) gives no rows.
"""
from __future__ import annotations

from extractors.agenda_contents import contents_items, contents_scope
from extractors.agenda_filed import filed_items
from extractors.agenda_items import Item, Lines, Scope, vocab
from extractors.agenda_list import bulleted_sections, list_items, make_item, plain_items, session_items
from extractors.agenda_table import table_items
from extractors.agenda_web import web_agenda_items
from pipeline.analyse import analysis_of
from pipeline.dates import is_time_only
from pipeline.extractor import Extractor, Rows
from pipeline.find import headed, segments_of
from pipeline.meeting_header import meeting_from_header, starts_with_date
from pipeline.model import Document, Segment
from pipeline.textutil import fold


def is_cancelled(doc: Document) -> bool:
    text = fold(" ".join(line.text for page in doc.pages[:1] for line in page.lines))
    return any(p.search(text) for p in vocab()["cancelled"])


# An agenda opens its paper (or its pack); an "Agenda for Change" heading on
# page 12 of a strategy does not start one.
MAX_START_PAGE = 3
# A notice's header (title, date, time, place) takes at most this many lines.
NOTICE_HEADER_LINES = 8


def agenda_scope(doc: Document) -> Lines:
    """The lines of the paper's agenda segments. A segment that a numbered
    line opens ("2.2 Capital plan" cues a financial table) is one of the
    agenda's items and does not end it."""
    lines: Lines = []
    in_agenda = False
    numbered = analysis_of(doc).numbered
    for k, segment in enumerate(doc.segments):
        opens_item = (segment.start.page, segment.start.line) in numbered
        in_agenda = ((segment.kind == "agenda" and headed(segment))
                     or (in_agenda and (opens_item or _link_under_item(doc, k))))
        if in_agenda:
            lines.extend(doc.lines_in(segment))
    return lines


def _link_under_item(doc: Document, k: int) -> bool:
    """Whether segment ``k`` opens at a link to an item's paper set under it, with the agenda
    going on after it ("B. Approval of Minutes" / "Draft Minutes" / "C. Registers of Demands",
    as Granicus agendas list each item's attachments): the cue is no heading (in a paper with
    fonts: not bold, not centred, not set as one) and numbered items or the agenda go on after it."""
    segment = doc.segments[k]
    page = doc.pages[segment.start.page - 1]
    line = page.lines[segment.start.line]
    # a paper without fonts does not show whether its cue is set as a heading
    if segment.kind == "agenda" or line.unstyled or line.bold or line.heading is not None or page.centres(line):
        return False
    start = (segment.start.page, segment.start.line)
    end = (segment.end.page, segment.end.line) if segment.end else (doc.n_pages + 1, 0)
    return (any(s.kind == "agenda" for s in doc.segments[k + 1:])
            or any(start < at < end for at in analysis_of(doc).numbered))


def minutes_scope(doc: Document) -> Lines:
    """Everything from the first minutes segment on: minutes run to the end of
    the paper, a budget table minuted in the middle does not end them."""
    minutes = segments_of(doc, "minutes")
    return list(doc.lines_in(Segment("minutes", minutes[0].start))) if minutes else []


def opening_scope(doc: Document) -> Lines:
    """A notice of a meeting, or minutes, with no heading the segment finder
    took: from the last line of its header (title, date, time, place) on;
    the items follow it."""
    opened = analysis_of(doc).opening
    if opened is None:
        return []
    lines = [(page, i, line) for page, i, line in doc.iter_lines() if (page.number, i) >= (1, opened[0])]
    venue = fold((meeting_from_header(doc, analysis_of(doc).locale) or {}).get("venue") or "")
    start = 0
    for k, (_, _, line) in enumerate(lines[1:NOTICE_HEADER_LINES], 1):
        text = fold(line.text).strip(" ,")
        if starts_with_date(line.text) or is_time_only(line.text) or (text and text in venue):
            start = k
        elif any(c.isalnum() for c in text):
            break  # the first item (a rule under the header is no item)
    return lines[start:]


# The layouts of an agenda or minutes, tried in turn on each scope: the first that gives items wins.
READERS = (table_items, filed_items, session_items, list_items, plain_items, bulleted_sections, contents_items)
# A pack's contents list, headed as one, is read as nothing else (its entries' pages are no items' text).
CONTENTS_READERS = (contents_items,)


class AgendaExtractor(Extractor):
    name = "agenda"
    produces = ("agenda_items",)

    def extract(self, doc: Document) -> Rows:
        if not any(page.lines for page in doc.pages) or is_cancelled(doc):
            return {"agenda_items": []}
        items: list[Item] = web_agenda_items(doc)
        # an agenda's items sit together; minuted items may be pages apart
        opened = analysis_of(doc).opening
        scopes = ((agenda_scope, True, READERS), (minutes_scope, False, READERS),
                  (opening_scope, opened is not None and opened[1] == "agenda", READERS),
                  (contents_scope, True, CONTENTS_READERS))
        for scope_of, compact, readers in scopes if not items else ():
            lines = scope_of(doc)
            if not lines or lines[0][0].number > MAX_START_PAGE:
                continue
            scope = Scope(doc, lines, compact)
            items = next(filter(None, (read(scope) for read in readers)), [])
            if items:
                break
        if not items and (case := analysis_of(doc).case_paper):
            opener = case[0]
            page_lines = [(opener.page, i, line) for i, line in enumerate(opener.page.lines)]
            items = [make_item(opener, page_lines, set())[0]]
        return {"agenda_items": [item.row(i) for i, item in enumerate(items, 1)]}
