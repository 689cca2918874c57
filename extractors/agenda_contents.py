"""Minutes that open with a contents list of their items, as Danish committee
systems print them ("Indholdsfortegnelse" / "Punkt nr. ... Side" / "715.
Kulturhus ......... 2"): when no other layout gives the items (a meeting of a
single item, whose one heading is no list), the list's entries are the items,
each with the page it gives."""
from __future__ import annotations

from extractors.agenda_items import Item, Scope
from extractors.agenda_list import make_item
from pipeline.analyse import analysis_of

# The contents list stands within this many pages of the minutes' first page.
CONTENTS_PAGES = 2


def contents_items(scope: Scope) -> list[Item]:
    """"715. Kulturkommune 2017 ........................ 2" under "Indholdsfortegnelse":
    item 715, its page range "2". Minutes only (an agenda's items are its list)."""
    if scope.compact or not scope.lines:
        return []
    numbered = analysis_of(scope.doc).numbered
    first = scope.lines[0][0].number
    items = []
    for k, (page, i, line) in enumerate(scope.lines):
        cand = numbered.get((page.number, i))
        if cand is None or not cand.contents_like or page.number > first + CONTENTS_PAGES:
            continue
        item, _ = make_item(cand, scope.lines, {k})
        item.page_range = item.page_range or cand.contents_page
        items.append(item)
    return items
