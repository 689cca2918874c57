"""The people a pack names (attendees, authors, presenters, "Name (Role)"),
and action owners written as initials resolved to one of them.

"TB/AW" resolves to "Tony Brown/Alison Wheeler" when the pack names exactly
one person for each part; a part that fits nobody, or more than one person,
leaves the owner unresolved rather than guessed.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from extractors.vocab import load_vocab
from pipeline.cells import cell_spans, cells_of
from pipeline.fuzzy import Labels, label_key
from pipeline.model import Document, Line
from pipeline.textutil import clean
from pipeline.vocab import load_vocab as load_shared_vocab

# a name token: capitalised word, hyphens and apostrophes allowed ("O'Neil", "Garrett-Simpson")
_TOKEN = re.compile(r"^[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_INITIAL = re.compile(r"^[A-Z]\.?$")  # "A Smith", "J. R. Hartley"
_NAME_ROLE = re.compile(r"((?:[A-Z][\w'’\-]+ ){1,3}[A-Z][\w'’\-]+)\s*\(([^()]{1,80})\)")
_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\s-\s|–)\s*")
_PAREN = re.compile(r"\(([^()]*)\)?")
_LABEL_COLON = re.compile(r"^([^:;]{1,40})[:;]\s*(.*)$")  # "Present: ...", "Attendees; ..."
# one person's initials as printed: "AB", "AHop" (capital-led chunks)
INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}$")
_CHUNK = re.compile(r"[A-Z][a-z]*")
# a name resolves by fuzzy match when it scores this much (rapidfuzz WRatio)
NAME_SCORE = 90
# two spellings of one name (a line break inside it, a typo) score this much
SAME_NAME_SCORE = 92
MAX_LIST_LINES = 8
# a list set one person per line under its label
MAX_LIST_ENTRIES = 40
MAX_ENTRY_WORDS = 12
COLUMN_SLACK = 6.0


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    initials: str | None = None  # as the pack writes them: "Sheila Freeman (SF)"
    listed: bool = True  # in a list of people or a people column; else only seen as "Name (Role)"


# The people a pack names, read on the first call: most papers have no owner to resolve.
People = Callable[[], list[Person]]
# The lines, (page, index), an action reader has read: the readers after it leave them alone.
Taken = set[tuple[int, int]]


@lru_cache(maxsize=1)
def _vocab() -> dict:
    people = load_vocab("actions")["people"]
    return {
        "lists": Labels({"people": people["list_labels"]}),
        "columns": Labels({"people": people["columns"]}),
        # the one list of titles printed before names (pipeline/vocab/names.toml), as linking reads them
        "titles": {label_key(t) for t in load_shared_vocab("names")["people"]["titles"]},
        "not_names": set(people["not_names"]),
    }


def looks_like_initials(text: str) -> bool:
    """Initials of one or more people: "AB", "TB/AW", "TB / AW", "JS and TJ"."""
    parts = owner_parts(text)
    return bool(parts) and all(INITIALS.match(p) and sum(c.isupper() for c in p) >= 2 for p in parts)


def _person(piece: str) -> Person | None:
    """One name from a list entry: "Cllr Sarah Stamp (SCC)" -> Sarah Stamp, role SCC."""
    role = None
    match = _PAREN.search(piece)
    if match:
        role = clean(match.group(1))
        piece = _PAREN.sub(" ", piece)
    tokens = (clean(piece) or "").split()
    # titles, and a body's acronym left over from the column before ("KCC James Graham – KCC")
    while tokens and (label_key(tokens[0]) in _vocab()["titles"] or _ACRONYM.match(tokens[0])):
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= 4 or not _TOKEN.match(tokens[-1]) \
            or not all(_TOKEN.match(t) or _INITIAL.match(t) for t in tokens[:-1]) \
            or any(t.lower() in _vocab()["not_names"] for t in tokens):
        return None
    name = " ".join(tokens)
    initials = role if role and looks_like_initials(role) and _fits(_CHUNK.findall(role), name) else None
    return Person(name, None if initials else role, initials)


def _outside_parentheses(text: str) -> list[str]:
    """A list of names split at commas, "and", "/" ... but never inside "(...)"."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"[()]|" + _SPLIT.pattern, text):
        if match.group(0) == "(":
            depth += 1
        elif match.group(0) == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[start:match.start()])
            start = match.end()
    return pieces + [text[start:]]


def _people_in(text: str) -> list[Person]:
    return [p for p in map(_person, _outside_parentheses(text)) if p]


def _list_below(lines: list[Line]) -> list[Person]:
    """A label alone on its line ("Present:") over one person per line."""
    found: list[Person] = []
    for line in lines[:MAX_LIST_ENTRIES]:
        people = _people_in(line.text) if len(line.text.split()) <= MAX_ENTRY_WORDS else []
        if not people:
            break
        found += people
    return found


def _listed(doc: Document) -> list[Person]:
    """People in labelled lists ("Present:", "Attendees", "Lead Author") and their wrapped lines."""
    labels: Labels = _vocab()["lists"]
    found: list[Person] = []
    for page in doc.pages:
        lines = page.lines
        for i, line in enumerate(lines):
            cells = cells_of(line)
            value = " ".join(cells[1:])
            if labels.whole(cells[0]) is None:
                match = _LABEL_COLON.match(line.text)
                if not match or labels.whole(match.group(1)) is None:
                    continue
                value, value_x = match.group(2), None
            else:
                spans = cell_spans(line)
                value_x = spans[1][1] if len(spans) > 1 else None
            if not value.strip():
                found += _list_below(lines[i + 1:])
                continue
            parts = [value]
            for nxt in lines[i + 1:i + 1 + MAX_LIST_LINES]:
                # wrapped list lines: indented under the value, or plainly carrying on ("(AHop), ...")
                carries_on = parts[-1].rstrip().endswith(",") or nxt.text.startswith("(")
                if value_x is None or nxt.bbox is None or nxt.cells is not None \
                        or nxt.bbox.x0 < value_x - COLUMN_SLACK:
                    if not carries_on:
                        break
                parts.append(nxt.text)
            found += _people_in(" ".join(parts))
    return found


def _in_columns(doc: Document) -> list[Person]:
    """People in table columns headed Owner / Presenter / Lead (agendas)."""
    labels: Labels = _vocab()["columns"]
    found: list[Person] = []
    for table in doc.iter_tables():
        for r, row in enumerate(table.rows[:2]):
            columns = [c for c, cell in enumerate(row) if cell and labels.whole(cell)]
            if columns:
                for later in table.rows[r + 1:]:
                    for c in columns:
                        if c < len(later) and later[c]:
                            found += _people_in(later[c])
                break
    return found


def people_in_pack(doc: Document) -> list[Person]:
    """Everyone the pack names in a list, a people column or as "Name (Role)"."""
    found = _listed(doc) + _in_columns(doc)
    for _, _, line in doc.iter_lines():
        # "Name (Role)" in running text names bodies too ("Personal Transport Budget (PTB)"): heard last
        for cell in cells_of(line):
            for match in _NAME_ROLE.finditer(cell):
                # "Invited Peter Baker (Head of IT)": the name is the last words before the role
                tokens = match.group(1).split()
                person = next(filter(None, (_person(f"{' '.join(tokens[k:])} ({match.group(2)})")
                                            for k in range(len(tokens) - 1))), None)
                if person:
                    found.append(Person(person.name, person.role, person.initials, listed=False))
    merged: dict[str, Person] = {}
    for person in found:
        same = process.extractOne(person.name, list(merged), scorer=fuzz.ratio, score_cutoff=SAME_NAME_SCORE)
        key = same[0] if same else person.name
        known = merged.get(key)
        merged[key] = Person(key, (known and known.role) or person.role, (known and known.initials) or person.initials,
                             bool(known and known.listed) or person.listed)
    return list(merged.values())


def _fits(chunks: list[str], name: str) -> bool:
    tokens = name.split()
    if len(chunks) > len(tokens):
        return False
    picked = tokens if len(chunks) == len(tokens) else [tokens[0]] + tokens[len(tokens) - len(chunks) + 1:]
    return all(t.lower().startswith(c.lower()) for c, t in zip(chunks, picked))


def resolve_one(part: str, people: list[Person]) -> Person | None:
    """The one person a part of an owner stands for: among the listed people first."""
    listed = [p for p in people if p.listed]
    return _resolve_among(part, listed) or (_resolve_among(part, people) if len(listed) < len(people) else None)


def _resolve_among(part: str, people: list[Person]) -> Person | None:
    part = part.strip()
    if not part or not people:
        return None
    given = [p for p in people if p.initials and p.initials.lower() == part.lower()]
    if len(given) == 1:
        return given[0]
    if looks_like_initials(part):
        fits = {p.name: p for p in people if _fits(_CHUNK.findall(part), p.name)}
        return next(iter(fits.values())) if len(fits) == 1 else None
    # a role the pack gives one person: "Chair", "Director of Finance" for "Paul Green (Director of Finance)"
    holders = {p.name: p for p in people if p.role and label_key(p.role) == label_key(part)}
    if len(holders) == 1:
        return next(iter(holders.values()))
    if len(part.split()) == 1:
        fits = {p.name: p for p in people if p.name.split()[0].lower() == part.lower()}
        return next(iter(fits.values())) if len(fits) == 1 else None
    best = process.extractOne(part, [p.name for p in people], scorer=fuzz.WRatio, score_cutoff=NAME_SCORE)
    return next(p for p in people if p.name == best[0]) if best else None


def owner_parts(owner: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:/|,|&|\band\b)\s*", owner.strip()) if p]


def resolve(owner: str | None, people: list[Person]) -> list[Person] | None:
    """The people an owner string stands for, when every part resolves."""
    if not owner:
        return None
    resolved = [resolve_one(p, people) for p in owner_parts(owner)]
    return resolved if resolved and all(resolved) else None
