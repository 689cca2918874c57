"""Agenda tables: Timings | Item number | Item | Owner | Action | Format.

Columns are told apart by what they hold (durations, item numbers, purpose
and format words) and, where that leaves a choice, by their header labels,
so an OCR'd header ("Torritat") does not lose a column. Rows with text but
no item are section rows ("Standing Items"); a row with timing and owner but
no title takes its title from the row above it ("Formal meeting closed –
continue with Questions from the Public" / "15 mins | All | Discussion").
"""
from __future__ import annotations

import re

from extractors.agenda_items import Item, Scope, duration_minutes, vocab, vocab_value
from pipeline.dates import find_times, minutes_between, time_span
from pipeline.headings import item_number
from pipeline.model import Table
from pipeline.textutil import clean

# A column has a role when most of its filled cells show it.
MAJORITY = 0.5
ROLES = ("time", "number", "title", "presenter", "purpose", "format")
# Which roles besides a title make a table an agenda.
MIN_ROLES = 2
MIN_ITEMS = 2


def _header_role(text: str) -> str | None:
    return vocab()["columns"].whole(text)


def _is_header(row: list[str | None]) -> bool:
    return sum(1 for c in row if c and _header_role(c)) >= 2


def _is_time(cell: str) -> bool:
    return duration_minutes(cell) is not None or bool(find_times(cell))


def _content_roles(rows: list[list[str | None]], headers: list[str]) -> dict[str, int]:
    """Columns whose cells are durations, item numbers, purposes or formats:
    most of their cells, or some of them under a header that says so."""
    tests = {
        "time": _is_time,
        "number": lambda c: bool(item_number(c)),
        "purpose": lambda c: vocab_value("purpose", c) is not None,
        "format": lambda c: vocab_value("format", c) is not None,
    }
    shares: list[tuple[float, str, int]] = []
    for col, header in enumerate(headers):
        labelled = {_header_role(w) for w in [header] + header.split()}
        filled = [r[col] for r in rows if col < len(r) and r[col]]
        if len(filled) < MIN_ITEMS:
            continue
        for role, test in tests.items():
            share = sum(1 for c in filled if test(c)) / len(filled)
            if share > MAJORITY or (share and role in labelled):
                shares.append((share, role, col))
    roles: dict[str, int] = {}
    for _, role, col in sorted(shares, reverse=True):
        if role not in roles and col not in roles.values():
            roles[role] = col
    return roles


def column_roles(table: Table) -> tuple[dict[str, int], int]:
    """Role -> column index, and how many header rows the table starts with."""
    n_header = 0
    while n_header < min(3, table.n_rows) and _is_header(table.rows[n_header]):
        n_header += 1
    data = table.rows[n_header:]
    headers = [" ".join(r[c] or "" for r in table.rows[:n_header] if c < len(r)) for c in range(table.n_cols)]
    roles = _content_roles(data, headers)
    text_cols = [c for c in range(table.n_cols) if c not in roles.values()
                 and sum(1 for r in data if c < len(r) and r[c]) >= MIN_ITEMS]
    for role in ("title", "presenter"):
        labelled = [c for c in text_cols if any(_header_role(w) == role for w in [headers[c]] + headers[c].split())]
        if labelled:
            roles[role] = labelled[0]
            text_cols.remove(labelled[0])
    if "title" not in roles and text_cols:
        # the title is the wordiest free-text column
        roles["title"] = max(text_cols, key=lambda c: sum(len(r[c] or "") for r in data if c < len(r)))
        text_cols.remove(roles["title"])
    if "presenter" not in roles and text_cols:
        roles["fallback_presenter"] = next((c for c in text_cols if c > roles["title"]), text_cols[0])
    return roles, n_header


def _join_fragments(cells: list[str]) -> str:
    """Text of a row split across cells; a cut inside a word ("Discuss|ion") closes up."""
    text = ""
    for cell in cells:
        if text and text[-1].islower() and cell[0].islower():
            text += cell
        else:
            text = f"{text} {cell}".strip()
    return text


def _title_from_note(text: str) -> str:
    """"Formal meeting closed – continue with Questions from the Public" -> the item it names."""
    clause = re.split(r"\s[–—-]\s", text)[-1]
    words = clause.split()
    while words and not words[0][0].isupper():
        words.pop(0)
    return " ".join(words) or clause


def _cell(row: list[str | None], roles: dict[str, int], role: str) -> str | None:
    """The row's cell in the column of ``role``, when it holds what that role holds."""
    col = roles.get(role, roles.get(f"fallback_{role}"))
    text = clean(row[col]) if col is not None and col < len(row) else None
    if text and role == "number":
        match = item_number(text)
        return match["num"] if match else None
    if text and role == "time" and not _is_time(text):
        return None
    return text


def items_of_table(table: Table, page: int) -> list[Item]:
    roles, n_header = column_roles(table)
    if "title" not in roles or len(set(roles) & set(ROLES) - {"title"}) < MIN_ROLES:
        return []
    data = table.rows[n_header:]
    numbered = sum(1 for r in data if _cell(r, roles, "number"))
    items: list[Item] = []
    section: str | None = None
    note: str | None = None  # text of the last row that held no item
    before_note: str | None = None  # the section that row would end, were it one
    for row in data:
        number = _cell(row, roles, "number")
        title = _cell(row, roles, "title")
        timing = _cell(row, roles, "time")
        presenter = _cell(row, roles, "presenter")
        purpose, fmt = _cell(row, roles, "purpose"), _cell(row, roles, "format")
        filled = [clean(c) for c in row if clean(c)]
        if not filled:
            continue
        if not any((number, timing, presenter, purpose, fmt)):
            if title and filled == [title] and items:
                items[-1].title = f"{items[-1].title} {title}"
            else:
                before_note, note = section, _join_fragments(filled)
                section = note
            continue
        item_section = section
        if not title:
            if not note:
                continue
            title, section = _title_from_note(note), before_note
            item_section = section
        elif not number and numbered > len(data) / 2 and not timing:
            # a note in a numbered table ("The next meeting will be held ..."), not an item
            before_note, note = section, _join_fragments(filled)
            continue
        note = None
        start, end = time_span(timing or "")
        items.append(Item(
            title=title, page=page, item_number=number.rstrip(".") if number else None,
            presenter=presenter, purpose=vocab_value("purpose", purpose), format=vocab_value("format", fmt),
            duration_minutes=duration_minutes(timing) or minutes_between(start, end), start_time=start,
            section=item_section))
    return items if len(items) >= MIN_ITEMS else []


def table_items(scope: Scope) -> list[Item]:
    """Agenda tables ("Time | Item | Lead | Purpose", NHS boards' and ICBs'
    agendas): the items of the tables that start inside the scope's lines."""
    doc, lines = scope.doc, scope.lines
    where = {(page.number, i) for page, i, _ in lines}
    pages = {page.number for page, _, _ in lines}
    items: list[Item] = []
    for table in doc.iter_tables():
        inside = (table.page, table.first_line) in where if table.first_line is not None else table.page in pages
        if inside:
            items.extend(items_of_table(table, table.page))
    return items
