"""Meetings of papers copied out of web pages and transcription sites, when
the paper has no header block of its own:

- a committee system's "Agenda and minutes" page: its "Venue:" line, a date
  above its first item, and the body its chair welcomes members to ("The
  Chair welcomed all to the Finance Committee meeting");
- an action log titled for its meeting ("Public Board Action Tracker for the
  meeting on 10.05.2023": NHS trusts' websites);
- an agenda page whose header was lost, offering "the full Board Papers for
  this meeting": the body, with no date;
- a report's cover sheet: its "Date of Meeting:" (or "Date of Board
  meeting:") with the date on the line or the next, and the body named in
  that label or opening the sheet's first line ("Public Trust Board Agenda
  item: 9 (ii) ...": transcriptions of NHS trust board covers).

Words are data (``vocab/web_layouts.toml``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.vocab import load_vocab
from pipeline.dates import find_date
from pipeline.model import Document
from pipeline.textutil import clean, fold
from pipeline.web_pages import SENTENCE_LINES, minuted_page_items, page_header, without_debris

# A body's name and a label line are short.
MAX_BODY_WORDS = 6
# "Date of Board meeting": the body named inside a meeting-date label.
_MEETING_DATE_LABEL = re.compile(r"^date of (?:the )?(?P<body>[\w ]+?) meeting\s*[:：]?\s*(?P<value>.*)$", re.I)
_DATE_LABEL = re.compile(r"^(?:date of (?:the )?(?:[\w ]+ )?meeting|meeting date)\s*[:：]?\s*(?P<value>.*)$", re.I)
# What a body's name ends with ("Public Trust Board", "Council of Governors").
_BODY_END = re.compile(r"\b(?:board|committee|council|cabinet|governors|panel|forum|assembly)$", re.I)
# Labels after the body on a cover's first line ("Public Trust Board Agenda item: ...").
_LABEL_AFTER_BODY = re.compile(r"\s+(?:agenda item|date of meeting|item)\b", re.I)


@lru_cache(maxsize=1)
def vocab() -> dict[str, re.Pattern]:
    patterns = load_vocab("web_layouts")["patterns"]
    return {name: re.compile(patterns[name], re.I) for name in ("welcome", "action_log_title", "papers_offer")}


def minuted_page_meeting(doc: Document) -> dict | None:
    """The meeting of a committee system's page; None unless the page is one, with a body or a date."""
    if not minuted_page_items(doc):
        return None
    venue = date = body = None
    for line in page_header(doc):
        label, _, value = line.text.partition(":")
        if fold(label).strip() == "venue" and venue is None:
            venue = clean(without_debris(value).strip(" .")) or None
        found = find_date(line.text) if date is None and fold(label).strip() != "contact" else None
        date = found[0] if found else date
    for _, _, line in doc.iter_lines():
        match = vocab()["welcome"].search(line.text)
        if match:
            body = clean(match["body"])
            break
    if body is None and date is None:
        return None
    return {"body": body, "meeting_date": date, "venue": venue, "page": 1}


def action_log_meeting(doc: Document) -> dict | None:
    """The meeting an action log's title names, among its first lines."""
    for line in (doc.pages[0].lines[:SENTENCE_LINES] if doc.pages else []):
        match = vocab()["action_log_title"].match(line.text.strip())
        found = find_date(match["date"]) if match else None
        if found:
            return {"body": clean(match["body"] or match["named"]), "meeting_date": found[0], "page": 1}
    return None


def papers_meeting(doc: Document) -> dict | None:
    """The body an agenda page names where it offers its papers, among its first lines; no date."""
    for line in (doc.pages[0].lines[:SENTENCE_LINES] if doc.pages else []):
        match = vocab()["papers_offer"].search(line.text)
        if match:
            return {"body": clean(match["body"]), "meeting_date": None, "page": 1}
    return None


def cover_meeting(doc: Document) -> dict | None:
    """The meeting a report's cover sheet goes to; None without a meeting date."""
    lines = doc.pages[0].lines if doc.pages else []
    for i, line in enumerate(lines):
        match = _DATE_LABEL.match(line.text.strip())
        if not match:
            continue
        value = match["value"] or (lines[i + 1].text if i + 1 < len(lines) else "")
        found = find_date(value)
        if not found:
            continue
        named = _MEETING_DATE_LABEL.match(line.text.strip())
        body = clean(named["body"]) if named else None
        if body is None:
            for above in lines[:i]:
                head = _LABEL_AFTER_BODY.split(above.text)[0].strip(" :")
                if _BODY_END.search(head) and len(head.split()) <= MAX_BODY_WORDS:
                    body = clean(head)
                    break
        return {"body": body, "meeting_date": found[0], "page": 1}
    return None
