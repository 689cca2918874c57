"""Agendas whose items carry the numbers of a larger board's list, each with its
file number: a committee's agenda of the items it hears for the board, in the
order it hears them ("33. SUBJECT: QUARTERLY SAFETY REPORT   2026-0112" /
"41. SUBJECT: FARE POLICY UPDATE   2026-0131" / "35. ..."), as Legistar
agendas of US transit and county boards' committees print them. The numbers rise
with gaps and fall back (the board's numbers, not a count), so no counting run
holds them; the file number at the end of each line marks each as an item.
"""
from __future__ import annotations

from dataclasses import replace

from extractors.agenda_items import Item, Scope, vocab
from extractors.agenda_list import INDENT_TOLERANCE, is_section_heading, make_item
from pipeline.analyse import analysis_of
from pipeline.headings import Candidate
from pipeline.textutil import clean

# At least this many items, each with its file number, in one column.
MIN_FILED_ITEMS = 3
# A title in capitals wraps onto at most this many lines set in under it.
MAX_TITLE_LINES = 3


def filed_items(scope: Scope) -> list[Item]:
    """Numbered lines in one column, each ending in a file number ("2026-0112"), whose
    numbers do not count by one: the items, in the order printed, their titles without
    the "SUBJECT:" label and the file number."""
    lines = scope.lines
    numbered = analysis_of(scope.doc).numbered
    filed: list[Candidate] = []
    for k, (page, i, line) in enumerate(lines):
        cand = numbered.get((page.number, i))
        if (cand is not None and page.lines[i] is line and cand.readings[0][0] == "arabic"
                and vocab()["file_number"].search(line.text)):
            filed.append(replace(cand, index=k))
    column = [c for c in filed if filed[0].x is not None and c.x is not None
              and abs(c.indent(c.x) - filed[0].indent(filed[0].x)) <= INDENT_TOLERANCE]
    values = [c.readings[0][1] for c in column]
    if len(column) < MIN_FILED_ITEMS or len(set(values)) < len(values) or all(
            b - a == 1 for a, b in zip(values, values[1:])):
        return []  # numbers that count are a run the numbered layout reads
    stops = {c.index for c in column}
    titles, wrapped = [], set()
    for cand in column:
        title = vocab()["file_number"].sub("", cand.title).strip()
        for k in range(cand.index + 1, min(cand.index + 1 + MAX_TITLE_LINES, len(lines))):
            # "35. SUBJECT: LEASE OF DEPOT LAND TO THE RIVERSIDE" / "SCHOOL OF MUSIC"
            page, _, line = lines[k]
            if (page is not cand.page or not line.text.isupper() or line.text.rstrip().endswith(":")
                    or line.bbox is None or cand.x is None or line.bbox.x0 <= cand.x + INDENT_TOLERANCE
                    or not title.isupper()):
                break  # "CONSIDER:", "APPROVE:": what the item asks, not its title
            title = f"{title} {line.text}"
            wrapped.add(k)
        titles.append((clean(vocab()["subject_label"].sub("", title)) or title).rstrip(" :"))
    # "CONSENT CALENDAR" / "33. ...", "NON-CONSENT" / "35. ...": not a note in brackets
    # ("(ALSO ON PLANNING AND PROGRAMMING COMMITTEE)") nor a title's wrapped line
    sections = {k: line.text for k, (page, _, line) in enumerate(lines[:column[-1].index])
                if k not in stops and k not in wrapped and not line.text.startswith("(")
                and is_section_heading(page, line)}
    items = []
    section = None
    for n, (cand, title) in enumerate(zip(column, titles)):
        since = column[n - 1].index if n else -1
        section = next((sections[k] for k in range(cand.index - 1, since, -1) if k in sections), section)
        item, _ = make_item(cand, lines, stops)
        item.title, item.section = title, section
        items.append(item)
    return items
