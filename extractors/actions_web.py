"""Action logs whose table rows ran into lines of text.

An action tracker published as a web page (NHS trusts' "Action Tracker"
pages) and copied out loses its columns: each row becomes a line (or a few)
opening with the action's reference, then the source and the action, the
lead's initials or role code, the due date, the update and an Open/Close
letter, all run together:

    85.6 Board, 15.03.2023, PB/85, Staff Story DoN to share the findings DoN 10.05.2023 Shared in April O

The row is read by its typed cells: the lead is the role code just before the
due date (else the last role code of the row), the action is what precedes
it, the update what follows, a closing "O"/"C" the status. A row whose status
cell ran onto a line of its own ("Proposed for Closure" under a row with no
O/C) takes it; a short heading between rows that names a status gives it to
the rows under it. Nothing is read unless the paper's first lines hold the
log's header (Action, Lead, Due ...) and most rows name a lead.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.action_owners import People, Taken
from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.dates import find_date, parse_date
from pipeline.fuzzy import Labels
from pipeline.model import Document, Locale
from pipeline.textutil import clean

# The header is among the first lines of the paper, and names these columns.
HEADER_LINES = 12
HEADER_COLUMNS = {"action", "owner", "due"}
# A heading between rows is a short line.
MAX_HEADING_WORDS = 5
# A role code or initials: "DoF", "NED-WT/DoN", "MW/YO" (two capitals or more, no spaces).
_OWNER = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[-/][A-Z][A-Za-z]*)*$")
MAX_OWNER_LENGTH = 14
# An action reference opening a row: "85.6", "12.03", "A12", "2024/17", a minute number
# ("BM/24/05", "TB/24/101") or a meeting's date and a number ("2024/03/05").
_REF = re.compile(r"^(?:\d{1,3}\.\d{1,3}|[A-Z]\d{1,3}|\d{2,4}(?:/\d{1,3}){1,2}|[A-Z]{1,4}/\d{2,4}/\d{1,3})$")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("web_layouts")["action_rows"]
    actions = load_vocab("actions")
    return {"columns": Labels(actions["matrix"]["columns"]), "flags": data["flags"],
            "statuses": Labels(actions["status"]), "status_heading": re.compile(data["status_heading"], re.I)}


def _has_header(doc: Document) -> bool:
    """Whether the first lines name a log's columns (the action matrix's words): an action, its lead, its due date."""
    words = " ".join(line.text for line in doc.pages[0].lines[:HEADER_LINES]).split() if doc.pages else []
    named = {_vocab()["columns"].whole(" ".join(words[k:k + n]))
             for n in (1, 2) for k in range(len(words) - n + 1)}
    return HEADER_COLUMNS <= named


def _is_owner(token: str) -> bool:
    return len(token) <= MAX_OWNER_LENGTH and bool(_OWNER.match(token))


def _is_date(token: str, locale: Locale) -> bool:
    """A due date in a cell of its own, as trackers print it: "10.05.2023", "10/05/23"."""
    return token[:1].isdigit() and parse_date(token, locale.date_order, locale.language) is not None


def _row(ref: str, tokens: list[str], section: str | None, page: int, locale: Locale) -> dict:
    lead = next((k for k in range(len(tokens) - 1)
                 if _is_owner(tokens[k]) and _is_date(tokens[k + 1], locale)), None)
    due = lead + 1 if lead is not None else None
    if lead is None:
        lead = max((k for k, t in enumerate(tokens) if _is_owner(t)), default=None)
    flag = _vocab()["flags"].get(tokens[-1]) if tokens else None
    end = len(tokens) - 1 if flag else len(tokens)
    if lead is None:
        action, owner, update = tokens[:end], None, []
    else:
        action, owner = tokens[:lead], tokens[lead]
        update = tokens[(due if due is not None else lead) + 1:end]
    # what follows the due date is a status in the log's words ("Not yet due", "Complete") or an update
    after = clean(" ".join(update))
    status = after if after and not flag and _vocab()["statuses"].whole(after) else None
    return {"ref": ref, "action": clean(" ".join(action)), "owner": owner,
            "due_date_raw": tokens[due] if due is not None else None,
            "status": flag or status or section, "update": None if status else after, "page": page}


def _opens_row(words: list[str]) -> bool:
    return len(words) > 1 and bool(_REF.match(words[0]))


def run_together_actions(doc: Document, people: People, taken: Taken) -> list[dict]:
    """Action trackers copied from a web page, each row run into a line under the
    log's header: "12.4 Board, 01.02.2024, Staffing review JS to report on
    vacancies DoW 05.04.2024 Report due in April O". The whole paper is the
    tracker: nothing is read when an earlier reader has read any of it."""
    if taken or not _has_header(doc):
        return []
    locale = analysis_of(doc).locale
    rows: list[dict] = []
    current: tuple[str, list[str], str | None, int] | None = None
    section = None

    def close() -> None:
        nonlocal current
        if current:
            rows.append(_row(*current, locale))
        current = None

    lines = [(page, line.text.split()) for page, _, line in doc.iter_lines() if line.text.split()]
    for k, (page, words) in enumerate(lines):
        text = " ".join(words)
        # a dated line is a cell's text run on, unless a row follows it: a meeting's heading ("Board 7 March 2024")
        dated = find_date(text) and not (k + 1 < len(lines) and _opens_row(lines[k + 1][1]))
        if _opens_row(words):
            close()
            current = (words[0], words[1:], section, page.number)
        elif len(words) <= MAX_HEADING_WORDS and not text.endswith(".") and words[0][0].isupper() \
                and not dated and not _is_owner(words[0]):
            status = _vocab()["status_heading"].search(text)
            if current and status and _vocab()["flags"].get(current[1][-1]) is None:
                # the status cell of a row without an open/close letter, on a line of its own
                current = (current[0], current[1], clean(text), current[3])
                close()
                continue
            close()
            if rows:  # above the first row: the header's own lines
                section = clean(text) if status else None
        elif current:
            current[1].extend(words)
    close()
    # a log's rows name their leads; numbered paragraphs of prose mostly do not
    return rows if sum(1 for row in rows if row["owner"]) * 2 > len(rows) else []
