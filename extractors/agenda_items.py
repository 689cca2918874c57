"""What the agenda layouts share: the vocabulary of agendas and minutes
(``vocab/agenda.toml``), the reading of durations, purposes, formats, page
ranges and presenters, and the item as found."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.vocab import load_vocab
from pipeline.fuzzy import Labels
from pipeline.headings import vocab as headings_vocab
from pipeline.model import Document, Line, Page
from pipeline.textutil import clean
from pipeline.vocab import load_vocab as load_shared_vocab

# Lines of a paper in reading order, as Document.lines_in gives them.
Lines = list[tuple[Page, int, Line]]


@dataclass(frozen=True)
class Scope:
    """What a layout reader reads items from: the paper, the lines of its agenda
    or minutes, and whether those are an agenda's (``compact``: its items sit
    together) or minutes' (minuted items may be pages apart)."""

    doc: Document
    lines: Lines
    compact: bool

@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_vocab("agenda")
    patterns = data["patterns"]
    labels = data["recommendation"]["labels"] + data["recommendation"]["paragraph_labels"]
    return {
        # "Recommendation: Approve ...", "Attachment(s): ...": a paragraph under an item's title
        "paragraph_label": re.compile(r"^(?:{})\s*:".format("|".join(
            re.escape(label) for label in sorted(labels, key=len, reverse=True))), re.I),
        "purpose": Labels(load_shared_vocab("purposes")),
        "format": Labels(data["format"]),
        "columns": Labels(data["columns"]),
        "duration": re.compile(patterns["duration"], re.I),
        "page_range": re.compile(patterns["page_range"], re.I),
        "page_cell": re.compile(patterns["page_cell"]),
        "item_ref": re.compile(patterns["item_ref"], re.I),
        "presenter": headings_vocab()["presenter"],
        "dash_presenter": re.compile(patterns["dash_presenter"]),
        "bracket_presenter": re.compile(patterns["bracket_presenter"]),
        "name_connectors": re.compile(patterns["name_connectors"]),
        "description": re.compile(patterns["description"]),
        "purpose_sentence": re.compile(patterns["purpose_sentence"]),
        "cancelled": [re.compile(p) for p in patterns["cancelled"]],
        "contents_heading": re.compile(patterns["contents_heading"]),
        "contents_page_column": re.compile(patterns["contents_page_column"]),
        "bullet": re.compile(patterns["bullet"]),
        "section": re.compile(patterns["section"]),
        "file_number": re.compile(patterns["file_number"]),
        "subject_label": re.compile(patterns["subject_label"], re.I),
        "contact_way": re.compile(patterns["contact_way"], re.I),
        "roll_call": re.compile(patterns["roll_call"]),
        "session": re.compile(load_shared_vocab("meetings")["patterns"]["session"]),
        "annex": re.compile(patterns["annex"]),
    }


def vocab_value(kind: str, text: str | None) -> str | None:
    """``purpose`` or ``format`` of a cell ("To note" -> noting), or None."""
    if not text:
        return None
    labels: Labels = vocab()[kind]
    # "For Decision/Approval": the first of several that reads as one
    return next(filter(None, map(labels.whole, [text, *re.split(r"\s*(?:/|&|\band\b|\bog\b|,)\s*", text)])), None)


def duration_minutes(text: str | None) -> int | None:
    """"5 mins" -> 5, "1 hr 30 mins" -> 90; None when the text is not a duration."""
    if not text or not re.search(r"\d", text):
        return None
    match = vocab()["duration"].match(text.strip())
    if not match or not (match["h"] or match["m"]):
        return None
    return round(float(match["h"] or 0) * 60) + int(match["m"] or 0)


def page_range(text: str) -> tuple[str | None, str]:
    """The "(Pages 11 - 84)" of a title as ``11-84``, and the title without it."""
    match = None
    for match in vocab()["page_range"].finditer(text):
        pass  # the last one: a range closes the title
    if match is None:
        return None, text
    pages = match["first"] + (f"-{match['last']}" if match["last"] else "")
    return pages, (text[:match.start()] + text[match.end():]).strip()


# "(For Decision)", "[Paper]"; or after a dash: "- For Approval", "– 10 mins"
_TRAILING_BRACKET = re.compile(r"\s*[(\[]\s*([^()\[\]]{2,40}?)\s*[)\]]\s*$")
_TRAILING_DASHED = re.compile(r"\s+[-–—]\s*([^-–—]{2,25})\s*$")


def purpose_and_format(title: str) -> tuple[str, str | None, str | None, int | None]:
    """"Budget 2025/26 (For Decision) (Paper) (10 mins)": the title, its
    purpose, its format and its duration in minutes. A bracket at the end is
    read before a dash ("Finance – John Brown (Decision)")."""
    found: dict[str, str | int] = {}
    readers = (("purpose", lambda w: vocab_value("purpose", w)), ("format", lambda w: vocab_value("format", w)),
               ("minutes", duration_minutes))
    while True:
        for pattern in (_TRAILING_BRACKET, _TRAILING_DASHED):
            match = pattern.search(title)
            field, value = next(((f, v) for f, read in readers if f not in found and match and (v := read(match[1]))),
                                (None, None))
            if field:
                found[field] = value
                title = title[:match.start()].rstrip()
                break
        else:
            return title, found.get("purpose"), found.get("format"), found.get("minutes")


def split_presenter(title: str) -> tuple[str, str | None]:
    for pattern in vocab()["presenter"]:
        match = pattern.search(title)
        if match:
            return title[:match.start()].strip(), clean(match["name"])
    return title, None


# A presenter is a name or a few: "Alyssa Williams/James Pagano", "Director Jeffreys", "Board Members".
MAX_NAME_WORDS = 8
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.]*$")


def is_name(text: str) -> bool:
    words = re.split(r"[\s/&,-]+", text.strip())
    words = [w for w in words if w and w.lower() not in ("and", "og")]
    return (0 < len(words) <= MAX_NAME_WORDS and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)
            and not text.rstrip().endswith(("'s", "’s")))  # "Director’s" begins a title running on


def dash_presenter(text: str) -> tuple[str, str | None]:
    """"Roll Call – Phil Whittington": the title and the name after its last dash."""
    match = vocab()["dash_presenter"].search(text)
    if not match or not match.start() or not is_name(match["name"]):
        return text, None
    return text[:match.start()].strip(), clean(match["name"])


def bracket_presenter(text: str) -> tuple[str, str | None]:
    """"Quality report (Director of Finance)": the title and the name in its closing bracket."""
    match = vocab()["bracket_presenter"].search(text)
    if not match or not match.start() or not is_name(vocab()["name_connectors"].sub(" ", match["name"])):
        return text, None
    return text[:match.start()].strip(), clean(match["name"])


def without_description(title: str) -> str:
    """"Annual Report: To receive the report ..." -> "Annual Report"."""
    return vocab()["description"].split(title, maxsplit=1)[0]


@dataclass
class Item:
    """One agenda item as found, before it becomes a row."""

    title: str
    page: int
    item_number: str | None = None
    presenter: str | None = None
    purpose: str | None = None
    format: str | None = None
    duration_minutes: int | None = None
    start_time: str | None = None
    section: str | None = None
    page_range: str | None = None

    def row(self, sequence: int) -> dict:
        return {
            "sequence": sequence, "item_number": self.item_number, "title": self.title,
            "presenter": self.presenter, "purpose": self.purpose, "format": self.format,
            "duration_minutes": self.duration_minutes, "start_time": self.start_time,
            "section": self.section, "page_range": self.page_range, "page": self.page,
        }
