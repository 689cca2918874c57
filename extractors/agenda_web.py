"""Agendas of web transcripts: agenda pages copied out of a web browser.

Three layouts, each read only when its marks are there:

- item numbers on lines of their own, the title on the next ("Item 3" /
  "Board Minutes Lead by the Chair"): trust websites' agenda pages, whose
  number cells come out alone (``pipeline.web_pages.joined_number_lines``);
- a committee system's "Agenda and minutes" page ("337/18" / "Apologies" /
  "Minutes:" ...: ModernGov and the like);
- a numbered agenda under the sentence that states its meeting ("A meeting of
  the Council of Governors was held at 10am on ..."), with the agenda's
  format column run into each title ("8. Finance Update Presentation") and
  each item's description on lines of its own ("To approve the appointment
  ..." / "presented by the Trust Secretary") under section headings
  ("Items for Decision:").

Descriptions give an item its presenter ("presented by", "Lead by"), its
purpose (its section's, else the verb it opens with: "To approve") and its
format ("(Paper 01)"). Words are data (``vocab/web_layouts.toml``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.agenda_items import Item, Lines, Scope, is_name, vocab_value
from extractors.agenda_list import list_items
from extractors.vocab import load_vocab
from pipeline.headings import candidate
from pipeline.model import Document
from pipeline.textutil import clean, fold
from pipeline.web_pages import (is_minutes_label, joined_number_lines, minuted_page_items, stated_meeting_line,
                                without_debris)

# A web agenda's items: at least this many numbers on lines of their own.
MIN_NUMBER_LINES = 2
# A presenter line under a committee-system item: "Jane Roe, Chair" (a name, a comma, a role).
MAX_PRESENTER_WORDS = 10
# A trailing format word counts as a column when this share of a list's items end with one.
FORMAT_COLUMN_SHARE = 0.3


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_vocab("web_layouts")
    patterns = data["patterns"]
    return {**{name: re.compile(patterns[name], re.I) for name in ("presenter", "description", "paper_ref")},
            "trailing_format": {fold(w) for w in data["trailing_format"]["words"]}}


def _trailing_formats(items: list[Item]) -> None:
    """"Finance Update Presentation": the agenda's format column run into the
    title, read when enough of the list's items end with a format word."""
    ends = [fold(item.title.split()[-1]) if item.title.split() else "" for item in items]
    marked = sum(end in vocab()["trailing_format"] for end in ends)
    if marked < max(MIN_NUMBER_LINES, FORMAT_COLUMN_SHARE * len(items)):
        return
    for item, end in zip(items, ends):
        if end in vocab()["trailing_format"] and len(item.title.split()) > 1:
            item.title = item.title.rsplit(None, 1)[0].rstrip(" :,-–")
            item.format = item.format or vocab_value("format", end)


def _presenter_in(text: str) -> tuple[str, str | None]:
    """"Declarations of Interest Lead by the Chair": the text before the presenter and the presenter."""
    match = vocab()["presenter"].search(text)
    if not match or not is_name(re.sub(r"\s+(?:of|the|and|for|&)\s+|\s*&\s*", " ", match["name"])):
        return text, None
    return text[:match.start()].strip(" ,;"), clean(match["name"])


def _section_purpose(section: str | None) -> str | None:
    """"Items for Decision:" -> decision: what a section's items are for."""
    if not section:
        return None
    return vocab_value("purpose", re.sub(r"^items?\s+", "", fold(section)).strip(" :"))


def _described(item: Item, description: list[str]) -> None:
    """Fill an item's presenter, purpose and format from its title and the
    description lines under it ("To approve the minutes ..." / "presented by the Chair")."""
    item.title, presenter = _presenter_in(item.title)
    text = clean(" ".join(description)) or ""
    item.presenter = item.presenter or presenter or _presenter_in(text)[1]
    verbs = [vocab_value("purpose", m["verb"]) for line in description
             if (m := vocab()["description"].match(line.strip()))]
    item.purpose = item.purpose or _section_purpose(item.section) or next((v for v in verbs if v), None)
    if item.format is None and vocab()["paper_ref"].search(text):
        item.format = "paper"


def _item_lines(items: list[Item], lines: Lines) -> list[list[str]]:
    """The lines under each item, down to the next item's line or a section heading."""
    starts: list[int] = []
    k = 0
    for item in items:
        while k < len(lines):
            found = candidate(k, lines[k][0], lines[k][2])
            k += 1
            if found and found.number == item.item_number:
                starts.append(k)
                break
    sections = {item.section for item in items if item.section}
    under: list[list[str]] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(lines)
        texts = []
        for _, _, line in lines[start:end]:
            if line.text.strip() in sections or is_minutes_label(line.text):
                break
            texts.append(line.text)
        under.append(texts)
    return under + [[] for _ in range(len(items) - len(under))]


def _finished(items: list[Item], lines: Lines) -> list[Item]:
    for item in items:
        item.title = without_debris(item.title)
    _trailing_formats(items)
    for item, description in zip(items, _item_lines(items, lines)):
        _described(item, description)
    return items


def labelled_number_items(doc: Document) -> list[Item]:
    """An agenda page whose item numbers stand on lines of their own ("Item
    1" / "Chairman's matters (Verbal)"), as trust websites print an agenda
    table's number cells: the items, with their descriptions read."""
    joined, at = joined_number_lines(list(doc.iter_lines()))
    if len(at) < MIN_NUMBER_LINES:
        return []
    scope = joined[at[0]:]
    return _finished(list_items(Scope(doc, scope, True)), scope)


def stated_meeting_items(doc: Document) -> list[Item]:
    """An agenda page under the sentence that states its meeting: the
    numbered items below it, with their descriptions read."""
    opened = stated_meeting_line(doc)
    if opened is None:
        return []
    scope = [(page, i, line) for page, i, line in doc.iter_lines() if (page.number, i) > (1, opened)]
    return _finished(list_items(Scope(doc, scope, True)), scope)


def _presenter_line(text: str) -> str | None:
    """"Jane Roe, Chair": a presenter printed under a committee-system item."""
    name, _, role = text.partition(",")
    if role and len(text.split()) <= MAX_PRESENTER_WORDS and is_name(name) and not text.rstrip().endswith("."):
        return clean(text)
    return None


def minuted_page_agenda(doc: Document) -> list[Item]:
    """The items of a committee-system "Agenda and minutes" page, in order."""
    found = []
    for entry in minuted_page_items(doc):
        presenter = next((p for text in entry.described if (p := _presenter_line(text))), None)
        found.append(Item(title=entry.title, page=entry.page, item_number=entry.number, presenter=presenter))
    return found


def web_agenda_items(doc: Document) -> list[Item]:
    """The agenda of a web transcript, by the first of its layouts that is there."""
    for reader in (minuted_page_agenda, labelled_number_items, stated_meeting_items):
        items = reader(doc)
        if items:
            return items
    return []
