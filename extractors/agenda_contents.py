"""Contents lists of items: numbered entries, each with the page its paper
starts on ("715. Kulturhus ......... 2", "188 § Val av protokolljusterare ..... 3",
"4. Finance Report    12").

Two layouts print one. Minutes that open with a contents list of their items, as
Danish committee systems print them ("Indholdsfortegnelse" / "Punkt nr. ...
Side"): when no other layout gives the items (a meeting of a single item, whose
one heading is no list), the list's entries are the items. And packs with no
"Agenda" heading that open with the meeting's header and a contents list under
a contents heading in any language ("Contents", "Indholdsfortegnelse",
"Innehållsförteckning", "Innhold") or a header row ending in its page column
("Item ... Page", "Ärenden som skall behandlas ... Sida"), as Nordic municipal
systems and English NHS and council packs print them: the list is the agenda.
A report's or budget book's contents list of its sections names no meeting, so
gives no items (``contents_scope``)."""
from __future__ import annotations

from dataclasses import replace

from extractors.agenda_items import Item, Lines, Scope, vocab
from extractors.agenda_list import build_runs, main_run, make_item
from pipeline.analyse import analysis_of
from pipeline.meeting_header import meeting_from_header
from pipeline.model import Document
from pipeline.textutil import fold

# The contents list stands within this many pages of the minutes' (or the pack's) first page.
CONTENTS_PAGES = 2
# A pack's contents heading stands on one of its first pages.
HEADING_PAGES = 2
# A header row of the list ("Ärenden som skall behandlas  Sida") is short.
MAX_HEADING_WORDS = 8
MIN_ENTRIES = 2


def is_contents_heading(text: str) -> bool:
    """"Contents", "Innehållsförteckning", "Punkt nr.  Side": a line that heads a contents list."""
    folded = " ".join(fold(text).strip(" .:#*").split())
    return bool(folded) and len(folded.split()) <= MAX_HEADING_WORDS and (
        bool(vocab()["contents_heading"].match(folded)) or bool(vocab()["contents_page_column"].match(folded)))


def contents_scope(doc: Document) -> Lines:
    """A pack with no agenda heading whose first pages hold a contents heading: its
    lines from that heading on, when page 1 names the meeting (its date and body)."""
    meeting = meeting_from_header(doc, analysis_of(doc).locale)
    if not meeting or not meeting.get("body"):
        return []
    lines = [(page, i, line) for page, i, line in doc.iter_lines() if page.number <= HEADING_PAGES + CONTENTS_PAGES]
    start = next((k for k, (page, _, line) in enumerate(lines)
                  if page.number <= HEADING_PAGES and is_contents_heading(line.text)), None)
    return [] if start is None else lines[start:]


def contents_items(scope: Scope) -> list[Item]:
    """"715. Kulturkommune 2017 ........................ 2": item 715, its page range "2".
    In minutes, every entry of the list; in a pack's contents list (``compact``), the
    entries that count up from the list's head (a report's own numbered sections further
    on are none of them)."""
    if not scope.lines:
        return []
    numbered = analysis_of(scope.doc).numbered
    first = scope.lines[0][0].number
    entries = [replace(cand, index=k) for k, (page, i, _) in enumerate(scope.lines)
               if (cand := numbered.get((page.number, i))) is not None and cand.contents_like
               and page.number <= first + CONTENTS_PAGES]
    if scope.compact:
        if not is_contents_heading(scope.lines[0][2].text):
            return []  # an agenda's items are its list: only a contents list under its heading is read here
        run = main_run(build_runs(entries), first)
        entries = run.items if run is not None and len(run.items) >= MIN_ENTRIES else []
    return [make_item(cand, scope.lines, {cand.index})[0] for cand in entries]
