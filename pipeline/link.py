"""Link rows across papers: one id per person, per body and per action.

Runs after every paper is extracted, reading only the few columns of
:data:`LINK_INPUTS` (each paper's are kept in the run's manifest, so no
paper's rows are read again to link them). People named differently ("Cllr R.
Harwick", "Roger Harwick") and bodies named differently ("Joint Committee of
CCGs", "Joint Committee of Clinical Commissioning Groups") are resolved with
rapidfuzz into the ``people`` and ``bodies`` tables; the rows that name them
get the ids. An action that appears in the action logs of several meetings of
one body (same ref) gets one ``action_id``: its rows ordered by
``meeting_date`` are its history. Ids are hashes of names and refs, so the
same papers give the same ids whatever order they are read in.

Linking grows with the archive: :func:`link_papers` resolves the distinct
names, bodies and refs of all papers, but parses a paper's inputs and gives
its rows ids only when the paper is new or what its ids depend on changed, and
matches an action's history only when its rows changed. What it needs for that
is kept between runs in SQLite (:class:`LinkStore`), read a row at a time: a
run holds the papers it links again, not every paper. The result is the same
as linking every paper afresh.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator, Sequence
from typing import Any, Iterable, NamedTuple

import pandas as pd
from rapidfuzz import fuzz

from pipeline.textutil import clean, fold
from pipeline.vocab import load_vocab

# Columns naming people: (table, source columns in order of preference, id column).
PERSON_COLUMNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("actions", ("owner_name", "owner"), "owner_id"),
    ("agenda_items", ("presenter",), "presenter_id"),
    ("papers", ("author",), "author_id"),
    ("papers", ("authorised_by",), "authorised_by_id"),
)
SURNAME_SIMILARITY = 90  # rapidfuzz ratio: "Harwick" / "Harwik" are one surname, "Harwick" / "Hughes" not
GIVEN_NAME_SIMILARITY = 85
BODY_WORD_SIMILARITY = 85  # rapidfuzz ratio of two words of bodies' names: typos and spellings
# Rows of one ref in logs of different meetings are one action unless their texts differ this much.
ACTION_TEXT_SIMILARITY = 50

# The columns linking reads, per table (besides document_id; documents: organisation).
LINK_INPUTS: dict[str, tuple[str, ...]] = {
    "meetings": ("body", "page", "meeting_date"),
    "actions": ("owner_name", "owner", "ref", "page", "action"),
    "agenda_items": ("presenter",),
    "papers": ("author", "authorised_by"),
}
# The columns linking fills, per table of papers' rows.
LINK_OUTPUTS: dict[str, tuple[str, ...]] = {
    "meetings": ("body_id",),
    "actions": ("owner_id", "action_id", "meeting_date"),
    "agenda_items": ("presenter_id",),
    "papers": ("author_id", "authorised_by_id"),
}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    return load_vocab("names")


def stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- people

class PersonName(NamedTuple):
    """A name as printed, split into folded given names (or initials) and surname (a tuple:
    hashed and compared fast, for names recur in every paper)."""

    printed: str  # as printed, titles and letters after the name removed
    given: tuple[str, ...]
    surname: str

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname))

    @property
    def fullness(self) -> tuple[int, int]:
        """Full given names first, then longer names: the fullest form names the person."""
        return sum(len(g) > 1 for g in self.given), len(self.key)

    @property
    def initials(self) -> str:
        return "".join(g[0] for g in self.given) + self.surname[0]


# a word of a name: "Roger", "O'Brien", "Smith-Jones", "R.", "R.J."
_TOKEN = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_][\w'’-]*\.?")


def split_names(text: str | None) -> list[str]:
    """The names in one cell: "Ruth Allen and Tom Hughes" -> two names."""
    text = clean(text)
    if not text:
        return []
    parts = _name_separators().split(text)
    return [p for p in (clean(re.sub(r"\(.*?\)", " ", part)) for part in parts) if p]


@lru_cache(maxsize=1)
def _name_separators() -> re.Pattern:
    words = "|".join(map(re.escape, vocabulary()["people"]["conjunctions"]))
    return re.compile(rf"\s*(?:[;/&+,]|\s(?:{words})\s)\s*", flags=re.I)


def parse_person(text: str) -> PersonName | str | None:
    """A full name as a :class:`PersonName`; initials ("RG") or a bare surname as a
    folded string (resolved later within the paper); ``None`` when not a name."""
    words = vocabulary()["people"]
    tokens = text.split()
    while tokens and fold(tokens[0]).rstrip(".") in words["titles"]:
        tokens = tokens[1:]
    while tokens and fold(tokens[-1]).replace(".", "") in words["post_nominals"]:
        tokens = tokens[:-1]
    if not tokens or any(fold(t).strip(".") in words["not_names"] for t in tokens):
        return None
    if len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,4}", tokens[0]):
        return fold(tokens[0])  # initials: "RG"
    given: list[str] = []
    for token in tokens:
        if fold(token) in words["particles"]:
            continue
        if not _TOKEN.fullmatch(token) or not token[0].isupper():
            return None
        # "R.J." holds two initials
        given.extend(p for p in fold(token).replace("’", "'").split(".") if p)
    if not given:
        return None
    if len(given) == 1:
        return given[0]  # a bare surname
    return PersonName(" ".join(tokens), tuple(given[:-1]), given[-1])


def same_person(a: PersonName, b: PersonName) -> bool:
    """Surnames alike and given names agree as far as both go (an initial fits a name)."""
    if fuzz.ratio(a.surname, b.surname) < SURNAME_SIMILARITY:
        return False
    for x, y in zip(a.given, b.given):
        if len(x) == 1 or len(y) == 1:
            if x[0] != y[0]:
                return False
        elif fuzz.ratio(x, y) < GIVEN_NAME_SIMILARITY:
            return False
    return True


class Person(NamedTuple):
    """A person the full names of every paper resolve to: their id, the name that names them
    (the fullest printed form), and what initials or a bare surname of them look like."""

    person_id: str
    name: str
    initials: str
    surname: str


def resolve_people(full: Iterable[PersonName]) -> tuple[dict[PersonName, Person | None], list[Person]]:
    """Each distinct full name -> its person (None: it fits several, "R. Harwick" beside both
    "Roger Harwick" and "Richard Harwick"), and the people in the order found (fullest names first).
    Depends only on the set of names, not on their order."""
    ordered = sorted(set(full), key=lambda n: (-n.fullness[0], -n.fullness[1], n.key, n.printed))
    canonical: list[PersonName] = []
    person_of: dict[PersonName, int | None] = {}
    by_surname: dict[str, list[int]] = defaultdict(list)  # first letters of the surname: few comparisons
    for name in ordered:
        fits = [i for i in by_surname[name.surname[:2]] if same_person(name, canonical[i])]
        if not fits:
            canonical.append(name)
            person_of[name] = len(canonical) - 1
            by_surname[name.surname[:2]].append(len(canonical) - 1)
        else:
            person_of[name] = fits[0] if len(fits) == 1 else None
    names: dict[int, list[PersonName]] = defaultdict(list)
    for name in sorted(person_of, key=lambda n: n.printed):  # ties of the fullest form: the first printed
        if person_of[name] is not None:
            names[person_of[name]].append(name)
    people = []
    for index, first in enumerate(canonical):
        fullest = max(names[index], key=lambda n: (*n.fullness, n.key))
        people.append(Person(stable_id("p", fullest.key), fullest.printed, first.initials, first.surname))
    return {name: None if index is None else people[index] for name, index in person_of.items()}, people


@lru_cache(maxsize=2**16)  # a cell's text recurs across papers ("Roger Harwick"): parsed once
def mentions_in(value: str | None) -> tuple[tuple[str, PersonName | str], ...]:
    """(printed, parsed) of each name in one cell."""
    found = []
    for printed in split_names(value):
        parsed = parse_person(printed)
        if parsed is not None:
            found.append((printed, parsed))
    return tuple(found)


# ---------------------------------------------------------------- bodies

@lru_cache(maxsize=2**16)  # a body's name recurs in every paper of it: its words are found once
def body_tokens(name: str) -> tuple[str, ...]:
    """Folded words of a body's name without stopwords, acronyms kept as printed (upper case)."""
    stop, legal_forms = vocabulary()["bodies"]["stopwords"], vocabulary()["bodies"]["legal_forms"]
    words = re.findall(r"[^\W_]+", name.replace("&", " and "))
    while len(words) > 1 and fold(words[-1]) in legal_forms:  # "... Limited", "... Ltd", "... IPS"
        words.pop()
    return tuple(w if re.fullmatch(r"[A-Z]{2,6}s?", w) else fold(w) for w in words if fold(w) not in stop)


def expand_acronyms(tokens: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """Replace an acronym ("CCGs") by the words of ``other`` it stands for ("clinical commissioning groups")."""
    out: list[str] = []
    for token in tokens:
        letters = token.rstrip("s").lower() if token.isupper() or token[:-1].isupper() else None
        expansion = None
        if letters and len(letters) >= 2:
            for start in range(len(other) - len(letters) + 1):
                run = other[start:start + len(letters)]
                if "".join(w[0].lower() for w in run) == letters:
                    expansion = [w.lower() for w in run]
                    break
        out.extend(expansion or [token.lower()])
    return out


@lru_cache(maxsize=2**16)
def same_body(a: str, b: str) -> bool:
    """Every word of one name has a like word in the other (so "Committee A" is not "Committee B")."""
    ta, tb = body_tokens(a), body_tokens(b)
    ta, tb = expand_acronyms(ta, tb), expand_acronyms(tb, ta)
    # plural and singular forms of one word ("Groups", "Group") are one word
    ta, tb = [w.rstrip("s") for w in ta], [w.rstrip("s") for w in tb]
    if len(ta) != len(tb) or not ta:
        return False
    rest = list(tb)
    for word in ta:
        like = max(rest, key=lambda w: fuzz.ratio(word, w))
        if word != like and (min(len(word), len(like)) <= 3 or fuzz.ratio(word, like) < BODY_WORD_SIMILARITY):
            return False
        rest.remove(like)
    return True


@dataclass
class Body:
    names: list[str]  # as printed, the name most papers use first
    organisation: str | None  # body_id of the organisation a board or committee belongs to
    is_organisation: bool = False

    def admits(self, name: str, organisation: str | None) -> bool:
        """Alike names, and not of two different organisations ("Cabinet" of two councils)."""
        if self.is_organisation:  # a council's own meetings are the council
            fits = organisation in (None, self.body_id)
        else:
            fits = None in (organisation, self.organisation) or organisation == self.organisation
        return fits and same_body(name, self.names[0])

    @property
    def body_id(self) -> str:
        return stable_id("b", " ".join(body_tokens(self.names[0])).lower(), self.organisation or "")


def _resolve_bodies(bodies: list[Body], units: Counter, are_organisations: bool) -> dict:
    """Add (name, organisation) units (-> the papers naming them) to the bodies they fit, most named
    first; unit -> its Body."""
    home_of = {}
    papers_naming: Counter = Counter()
    for (name, _), papers in units.items():
        papers_naming[name] += papers
    for name, organisation in sorted(units, key=lambda u: (-papers_naming[u[0]], -units[u], -len(u[0]),
                                                           u[0], u[1] or "")):
        home = next((b for b in bodies if b.admits(name, organisation)), None)
        if home is None:
            home = Body([], organisation, are_organisations)
            bodies.append(home)
        if name not in home.names:
            home.names.append(name)
        if not home.is_organisation:
            home.organisation = home.organisation or organisation
        home_of[(name, organisation)] = home
    return home_of


# ---------------------------------------------------------------- actions


def action_ref(ref: str) -> str:
    return fold(ref).strip(" .")


def action_histories(members: list[tuple[bool, Any, str, int, str]]) -> list[list[int]]:
    """The rows of one ref in the logs of one body's (or else organisation's, or else paper's)
    meetings, ``members`` (no date, date, document_id, row, folded text) in history order,
    grouped into actions (by position): a row joins the history of the last like row of another
    paper (two entries of one log sharing a ref are two actions)."""
    histories: list[list[int]] = []
    for pos, (_, _, doc, _, text) in enumerate(members):
        candidates = [(fuzz.token_set_ratio(text, members[h[-1]][4]), i) for i, h in enumerate(histories)
                      if all(members[p][2] != doc for p in h)]
        best = max(candidates, default=(0, None))
        if best[1] is not None and (best[0] >= ACTION_TEXT_SIMILARITY or not text):
            histories[best[1]].append(pos)
        else:
            histories.append([pos])
    return histories


# ---------------------------------------------------------------- linking papers

@dataclass(slots=True)  # one per paper linked again, or looked at while linking
class PaperLinks:
    """What linking keeps of one paper between runs: its link inputs, parsed, and the
    ``context`` its ids were given in (what they depend on besides the paper itself)."""

    source: Any  # identity of the inputs (the manifest entry's pipeline, OCR setup and rows)
    organisation: str | None
    meetings: list[tuple[str | None, Any]]  # (body, meeting_date) of each row
    meeting_order: tuple[int, ...]  # its meetings' rows by page, first meeting first
    actions: list[tuple[str | None, str, str]]  # (ref, page as text, folded action)
    full_names: tuple[PersonName, ...]  # distinct, sorted
    cells: dict[str, list[tuple[tuple[str, PersonName | str], ...]]] | None  # id column -> per row; not kept
    context: str | None = None  # a digest of what its ids depend on, as last linked
    people: frozenset[tuple[str, str]] = frozenset()  # (person_id, name as printed) of its resolved mentions
    scope: str | None = None  # the body (or organisation, or paper) its action refs are unique within
    date: Any = None  # of its first meeting

    def groups(self) -> set[tuple[str, str]]:
        """The action groups its rows are in (as last linked)."""
        return {(self.scope, ref) for ref, _, _ in self.actions if ref is not None} if self.scope else set()


def paper_links(source: Any, organisation: str | None, inputs: dict[str, dict[str, list]]) -> PaperLinks:
    """A paper's link inputs (:data:`LINK_INPUTS`, column lists per table) parsed for linking."""
    cells: dict[str, list] = {}
    for table, sources, id_column in PERSON_COLUMNS:
        columns = [inputs[table][c] for c in sources] if table in inputs else []
        cells[f"{table}.{id_column}"] = [mentions_in(next((v for v in values if v is not None), None))
                                         for values in zip(*columns)]
    meetings = inputs.get("meetings", {})
    pages = meetings.get("page", [])
    actions = inputs.get("actions", {})
    return PaperLinks(
        source, organisation, list(zip(meetings.get("body", []), meetings.get("meeting_date", []))),
        tuple(sorted(range(len(pages)), key=lambda i: (pages[i] is None, pages[i] or 0))),
        [(None if ref is None else action_ref(ref), "<NA>" if page is None else str(page), fold(text or ""))
         for ref, page, text in zip(actions.get("ref", []), actions.get("page", []), actions.get("action", []))],
        tuple(sorted({p for rows in cells.values() for row in rows for _, p in row if isinstance(p, PersonName)})),
        cells)


def _paper_ids(paper: PaperLinks, resolved: dict[PersonName, Person | None], meeting_ids: list[str | None],
               date: Any, action_ids: tuple[str, ...]) -> tuple[dict[str, dict[str, list]], frozenset]:
    """A paper's link columns (table -> column -> values, tables it has rows in) and its
    (person_id, printed) mentions."""
    named = {resolved[n] for n in paper.full_names} - {None}
    mentioned: set[tuple[str, str]] = set()
    columns: dict[str, list] = {}
    for key, rows in paper.cells.items():
        values = columns[key] = []
        for row in rows:
            found = []
            for printed, parsed in row:
                if isinstance(parsed, PersonName):
                    person = resolved[parsed]
                else:  # initials or a bare surname: only a person named in full in the same paper
                    fits = [p for p in named if parsed in (p.initials, p.surname)]
                    person = fits[0] if len(fits) == 1 else None
                if person is not None:
                    found.append(person.person_id)
                    mentioned.add((person.person_id, printed))
            values.append(";".join(dict.fromkeys(found)) or None)
    columns["meetings.body_id"] = list(meeting_ids)
    columns["actions.action_id"] = list(action_ids)
    columns["actions.meeting_date"] = [date] * len(action_ids)
    ids = {table: {c: columns[f"{table}.{c}"] for c in outputs}
           for table, outputs in LINK_OUTPUTS.items() if columns[f"{table}.{outputs[0]}"]}
    return ids, frozenset(mentioned)


@dataclass
class Linked:
    """What linking gives a run: ids per paper (of those whose ids may have changed), the
    ``organisation_id`` per organisation name, the ``people`` and ``bodies`` rows, and the
    state to keep for the next run."""

    ids: dict[str, dict[str, dict[str, list]]]  # document_id -> table -> column -> values in row order
    organisation_ids: dict[str, str]
    people: list[dict[str, Any]]
    bodies: list[dict[str, Any]]
    state: LinkStore  # for the next run: saved by save_state


def link_papers(documents: Iterable[tuple[str | None, str | None]],
                papers: list[tuple[str, Any, str | None, dict[str, dict[str, list]]]],
                store: LinkStore | None = None, fresh: set[str] = frozenset()) -> Linked:
    """Link the papers of a run: ``documents`` (document_id, organisation) of every documents row;
    ``papers`` (document_id, source, organisation, link inputs) of those with rows, in run order.

    Names and bodies are resolved over the distinct names and bodies of all papers, counted in one
    pass over the papers as ``store`` (the last run's state, :class:`LinkStore`) holds them, which
    keeps none of them. When they resolve as they did, only the papers new, ``fresh`` (processed in
    this run) or gone, and the action histories they are in, are linked again; otherwise every
    paper is looked at, one at a time, and linked again when what its ids depend on changed. Either
    way the result is the same as with an empty store, which is a run from scratch. The store is
    updated (not yet committed: :func:`save_state`): it is the next run's.
    """
    store = store if store is not None else LinkStore.create(None, "")
    previous = store.meta()
    mentions: Counter = previous["mentions"]  # (person_id, printed) -> papers
    person_papers: Counter = previous["person_papers"]  # person_id -> papers
    touched: set[tuple[str, str]] = set()  # action groups papers joined or left
    dirty: set[str] = set()  # papers whose PaperLinks changed: their rows in the store are written again
    links: dict[str, PaperLinks] = {}  # the papers held: parsed, changed or looked at in this run
    given = {document_id: (source, organisation, inputs) for document_id, source, organisation, inputs in papers}

    def leave(document_id: str, paper: PaperLinks) -> None:
        """A paper's groups and mentions as last linked are no longer its."""
        forget(paper)
        for key in paper.groups():
            store.leave_group(key, document_id)
            touched.add(key)

    def forget(paper: PaperLinks) -> None:
        mentions.subtract(paper.people)
        person_papers.subtract({person_id for person_id, _ in paper.people})

    for document_id in [d for d in store.document_ids() if d not in given]:  # gone
        leave(document_id, store.paper(document_id))
        store.remove(document_id)
    for document_id, (source, organisation, inputs) in given.items():
        known = store.source(document_id)
        if known is None or document_id in fresh or known != (_source_json(source), organisation):
            if known is not None:
                leave(document_id, store.paper(document_id))
            links[document_id] = paper_links(source, organisation, inputs)
            dirty.add(document_id)

    def each_paper() -> Iterator[tuple[str, PaperLinks]]:
        """Every paper of the run, one at a time: those held, and the others as the store has them."""
        held = list(links.items())
        skip = set(links)
        for document_id, paper in store.papers():
            if document_id not in skip:
                yield document_id, paper
        yield from held

    def organisation_id(paper: PaperLinks) -> str | None:
        return organisation_ids.get(paper.organisation) if paper.organisation is not None else None

    # bodies: organisations first; then boards and committees, each within the organisation of its paper
    bodies: list[Body] = []
    organisations = Counter((name, None) for document_id, name in documents
                            if name is not None and document_id is not None)  # a duplicate file names no one twice
    home_of = _resolve_bodies(bodies, organisations, are_organisations=True)
    organisation_ids = {name: home.body_id for (name, _), home in home_of.items()}
    committees: Counter = Counter()  # (body, organisation_id) -> papers
    # the units each paper names, as its organisation or in its meetings -> papers (few distinct sets)
    named: Counter = Counter(frozenset({(name, None)}) for document_id, name in documents
                             if name is not None and document_id is not None and document_id not in given)
    full_names: set[PersonName] = set()
    for _, paper in each_paper():
        units = {(body, organisation_id(paper)) for body, _ in paper.meetings if body is not None}
        committees.update(units)
        named[frozenset(units | ({(paper.organisation, None)} if paper.organisation is not None else set()))] += 1
        full_names.update(paper.full_names)
    home_of.update(_resolve_bodies(bodies, committees, are_organisations=False))
    body_ids = {id(b): b.body_id for b in bodies}
    body_of = {unit: body_ids[id(home)] for unit, home in home_of.items()}
    documents_of: Counter = Counter()  # papers per body: a paper counts once, however often it names it
    for units, papers_naming in named.items():
        for home in {id(home_of[unit]) for unit in units}:
            documents_of[home] += papers_naming
    body_rows = [{"body_id": body_ids[id(b)], "name": b.names[0], "variants": ";".join(sorted(b.names)),
                  "organisation_id": b.organisation, "n_documents": documents_of[id(b)]} for b in bodies]
    resolved_people, people = resolve_people(full_names)
    # names and bodies resolve as they did: the papers linked before keep their places and ids
    settled = previous["people"] == resolved_people and previous["bodies"] == body_of

    def meeting_ids(paper: PaperLinks) -> list[str | None]:
        return [None if body is None else body_of[(body, organisation_id(paper))] for body, _ in paper.meetings]

    # per paper: its scope (first meeting's body, or else the organisation) and date; its action groups
    for document_id, paper in (list(links.items()) if settled else each_paper()):
        if settled and paper.context is not None:
            continue
        ids = meeting_ids(paper)
        scope = next((ids[i] for i in paper.meeting_order if ids[i] is not None), organisation_id(paper))
        # without a known body, a ref ("1", "2") is only unique within its paper
        scope = scope if scope is not None else document_id
        date = next((d for d in (paper.meetings[i][1] for i in paper.meeting_order) if d is not None), None)
        if paper.context is None or (paper.scope, paper.date) != (scope, date):  # new, or in other groups
            links[document_id] = paper
            if paper.context is not None:
                leave(document_id, paper)
                paper.context = None
            paper.scope, paper.date = scope, date
            dirty.add(document_id)
            for key in paper.groups():
                store.join_group(key, document_id)
                touched.add(key)

    looked: dict[str, PaperLinks] = {}  # papers of the action groups looked at, as the store has them

    def member(document_id: str) -> PaperLinks:
        if document_id in links:
            return links[document_id]
        if document_id not in looked:
            looked[document_id] = store.paper(document_id)
        return looked[document_id]

    @functools.cache
    def group_rows(key: tuple[str, str]) -> list[tuple[bool, Any, str, int, str]]:
        rows = []
        for document_id in store.members(key):
            paper = member(document_id)
            rows.extend((paper.date is None, paper.date or 0, document_id, row, text)
                        for row, (ref, _, text) in enumerate(paper.actions) if ref == key[1])
        return sorted(rows)

    # an action group is known by its rows: its papers' action ids change only when they do
    digests: dict[tuple[str, str], bytes] = {}  # of the groups papers joined or left
    recheck: set[str] = set()  # papers in groups whose rows changed
    for key in touched:
        rows = group_rows(key)
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=12).digest() if rows else None
        if digest != store.digest(key):
            store.set_digest(key, digest)
            recheck.update(document_id for _, _, document_id, _, _ in rows)
        digests[key] = digest

    def group_digest(key: tuple[str, str]) -> bytes | None:
        return digests[key] if key in digests else store.digest(key)

    @functools.cache
    def action_ids(key: tuple[str, str]) -> dict[tuple[str, int], str]:
        rows = group_rows(key)
        return {rows[pos][2:4]: stable_id("a", *key, str(ordinal))
                for ordinal, history in enumerate(action_histories(rows)) for pos in history}

    # per paper: its ids, computed again when what they depend on changed
    changed: dict[str, dict[str, dict[str, list]]] = {}
    if settled:
        looking = [(d, p) for d, p in links.items() if p.context is None]
        looking += [(d, member(d)) for d in sorted(recheck) if not (d in links and links[d].context is None)]
    for document_id, paper in (looking if settled else each_paper()):
        ids = meeting_ids(paper)
        context = hashlib.blake2b(repr((
            tuple(resolved_people[n] for n in paper.full_names), ids, paper.date,
            tuple(group_digest((paper.scope, ref)) for ref, _, _ in paper.actions if ref is not None))).encode(),
            digest_size=16).hexdigest()
        if paper.context == context:
            continue
        if paper.context is not None:
            forget(paper)
        if paper.cells is None:  # its parsed names are not kept
            parsed = paper_links(paper.source, paper.organisation, given[document_id][2])
            parsed.scope, parsed.date = paper.scope, paper.date
            paper = parsed
        links[document_id] = paper
        paper.context = context
        dirty.add(document_id)
        rows_ids = tuple(stable_id("a", document_id, page, text) if ref is None
                         else action_ids((paper.scope, ref))[(document_id, row)]
                         for row, (ref, page, text) in enumerate(paper.actions))
        changed[document_id], paper.people = _paper_ids(paper, resolved_people, ids, paper.date, rows_ids)
        mentions.update(paper.people)
        person_papers.update({person_id for person_id, _ in paper.people})

    # people, in the order resolution found them, with every paper's resolved mentions
    variants: dict[str, list[str]] = defaultdict(list)
    for (person_id, printed), n in mentions.items():
        if n > 0:
            variants[person_id].append(printed)
    people_rows = [{"person_id": p.person_id, "name": p.name, "variants": ";".join(sorted(variants[p.person_id])),
                    "n_documents": person_papers[p.person_id]} for p in people if p.person_id in variants]
    for document_id in dirty:
        store.put(document_id, links[document_id])
    store.set_meta({"mentions": +mentions, "person_papers": +person_papers, "people": resolved_people,
                    "bodies": body_of})
    return Linked(changed, organisation_ids, people_rows, body_rows, store)


def rows_frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    return frame.astype(object).where(frame.notna(), None)


def _value(v: Any) -> Any:
    return None if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v) else v


def link(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The normalised frames of every paper with the link columns filled and ``people`` and
    ``bodies`` added: :func:`link_papers` from scratch, on frames."""
    frames = {name: frame.reset_index(drop=True) for name, frame in frames.items()}
    documents = frames["documents"]
    organisation = dict(zip(documents["document_id"], documents["organisation"]))
    rows_of: dict[str, dict[str, list[int]]] = {}  # table -> document_id -> its rows' positions
    inputs: dict[str, dict[str, dict[str, list]]] = {d: {} for d in documents["document_id"] if d is not None}
    for table, columns in LINK_INPUTS.items():
        rows_of[table] = defaultdict(list)
        for pos, document_id in enumerate(frames[table]["document_id"]):
            rows_of[table][document_id].append(pos)
        values = {c: [_value(v) for v in frames[table][c].tolist()] for c in columns}
        for document_id, positions in rows_of[table].items():
            inputs.setdefault(document_id, {})[table] = {c: [values[c][p] for p in positions] for c in columns}
    linked = link_papers(zip(documents["document_id"], documents["organisation"]),
                         [(d, None, organisation.get(d), i) for d, i in inputs.items()])
    for table, columns in LINK_OUTPUTS.items():
        filled = {c: [None] * len(frames[table]) for c in columns}
        for document_id, positions in rows_of[table].items():
            for column in columns:
                for pos, value in zip(positions, linked.ids[document_id][table][column]):
                    filled[column][pos] = value
        frames[table] = frames[table].assign(**{c: pd.Series(v, dtype=object) for c, v in filled.items()})
    frames["documents"] = documents.assign(organisation_id=[
        None if n is None else linked.organisation_ids.get(n) for n in documents["organisation"]])
    frames["people"] = rows_frame(linked.people, ["person_id", "name", "variants", "n_documents"])
    frames["bodies"] = rows_frame(linked.bodies, ["body_id", "name", "variants", "organisation_id", "n_documents"])
    return frames


# ---------------------------------------------------------------- the state kept between runs

# A SQLite file of plain JSON: an output folder may come from someone else, so nothing in it is
# unpickled. A paper's row is in two: what linking looks at for every paper (``links``; its source
# and organisation apart, compared for every paper), and its action rows and mentions (``rows``),
# read only for the papers a run looks at again. The action groups and their papers are tables
# too; the rest (how names and bodies resolved, mentions per person) is as big as the distinct
# names and bodies, whatever the number of papers.
_STATE_SCHEMA = (
    "CREATE TABLE papers (document_id TEXT PRIMARY KEY, source TEXT NOT NULL, organisation TEXT, "
    "links TEXT NOT NULL, rows TEXT NOT NULL)",
    "CREATE TABLE group_members (scope TEXT NOT NULL, ref TEXT NOT NULL, document_id TEXT NOT NULL, "
    "PRIMARY KEY (scope, ref, document_id)) WITHOUT ROWID",
    "CREATE TABLE group_digests (scope TEXT NOT NULL, ref TEXT NOT NULL, digest BLOB NOT NULL, "
    "PRIMARY KEY (scope, ref)) WITHOUT ROWID",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
STATE_VERSION = 2  # the shape of the tables above: a state of another is not read (every paper is linked afresh)
# What a state that cannot be read raises (JSON errors are ValueErrors; rows of another shape, the others).
STATE_ERRORS = (sqlite3.Error, ValueError, TypeError, KeyError, IndexError)
_log = logging.getLogger("boardpapers")


def _source_json(source: Any) -> str:
    return json.dumps(source, default=str)


def _tuples(value: Any) -> Any:
    """JSON arrays back as the tuples they were (sources, keys and rows are compared and hashed)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


class _StoredRows(Sequence):
    """A paper's action rows or mentions, read from the store when first used."""

    def __init__(self, store: LinkStore, document_id: str, mentions: bool):
        self.store, self.document_id, self.mentions = store, document_id, mentions
        self._value: Any = None

    def _rows(self) -> Any:
        if self._value is None:
            (text,), = self.store.db.execute("SELECT rows FROM papers WHERE document_id = ?",
                                             (self.document_id,)).fetchall()
            actions, people = json.loads(text)
            self._value = frozenset(map(tuple, people)) if self.mentions else [tuple(a) for a in actions]
        return self._value

    def __getitem__(self, index: Any) -> Any:
        return list(self._rows())[index] if self.mentions else self._rows()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())


class LinkStore:
    """What :func:`link_papers` keeps between runs, in a SQLite file (or in memory): read a row at
    a time, changed in one transaction that :func:`save_state` commits (a run killed before leaves
    the last run's state whole)."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None, new: str | None = None):
        self.db, self.path, self.new = db, path, new  # new: the file made for it, moved to ``path`` when saved

    @classmethod
    def open(cls, path: Path, config: str) -> LinkStore | None:
        """The state a run of pipeline ``config`` left at ``path``; None when there is none, another
        pipeline (or version) wrote it, or it cannot be read (said, as a warning)."""
        if not path.exists():
            return None
        db = sqlite3.connect(path)
        try:
            found = db.execute("SELECT value FROM meta WHERE key = 'config'").fetchall()
        except STATE_ERRORS as exc:
            db.close()
            _log.warning("the linking state %s cannot be read (%s): every paper is linked afresh", path, exc)
            return None
        if found != [(json.dumps([STATE_VERSION, config]),)]:
            db.close()
            return None
        return cls(db, path)

    @classmethod
    def create(cls, path: Path | None, config: str) -> LinkStore:
        """An empty state, for ``path`` (None: in memory)."""
        new = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, new = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            os.unlink(new)  # SQLite makes the file
        db = sqlite3.connect(new or ":memory:")
        for statement in _STATE_SCHEMA:
            db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('config', ?)", (json.dumps([STATE_VERSION, config]),))
        return cls(db, path, new)

    def meta(self) -> dict[str, Any]:
        meta = dict(self.db.execute("SELECT key, value FROM meta WHERE key != 'config'"))
        if not meta:
            return {"mentions": Counter(), "person_papers": Counter(), "people": {}, "bodies": {}}
        return {"mentions": Counter({(person_id, printed): n for person_id, printed, n in json.loads(meta["mentions"])}),
                "person_papers": Counter(json.loads(meta["person_papers"])),
                "people": {PersonName(printed, tuple(given), surname): None if person is None else Person(*person)
                           for (printed, given, surname), person in json.loads(meta["people"])},
                "bodies": {(name, organisation): body_id for name, organisation, body_id in json.loads(meta["bodies"])}}

    def set_meta(self, meta: dict[str, Any]) -> None:
        values = {"mentions": json.dumps([[*key, n] for key, n in meta["mentions"].items()]),
                  "person_papers": json.dumps(meta["person_papers"]),
                  "people": json.dumps([[[n.printed, n.given, n.surname], person]
                                        for n, person in meta["people"].items()]),
                  "bodies": json.dumps([[*unit, body_id] for unit, body_id in meta["bodies"].items()])}
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def document_ids(self) -> Iterator[str]:
        return (d for d, in self.db.execute("SELECT document_id FROM papers"))

    def source(self, document_id: str) -> tuple[str, str | None] | None:
        """(source as JSON, organisation) of a paper as last linked; None: not linked before."""
        found = self.db.execute("SELECT source, organisation FROM papers WHERE document_id = ?",
                                (document_id,)).fetchone()
        return None if found is None else tuple(found)

    def _paper(self, document_id: str, text: str) -> PaperLinks:
        source, organisation, meetings, order, full_names, context, scope, date = json.loads(text)
        return PaperLinks(_tuples(source), organisation, [tuple(m) for m in meetings], tuple(order),
                          _StoredRows(self, document_id, mentions=False),
                          tuple(PersonName(printed, tuple(given), surname) for printed, given, surname in full_names),
                          None, context, _StoredRows(self, document_id, mentions=True), scope, date)

    def paper(self, document_id: str) -> PaperLinks:
        (text,), = self.db.execute("SELECT links FROM papers WHERE document_id = ?", (document_id,)).fetchall()
        return self._paper(document_id, text)

    def papers(self) -> Iterator[tuple[str, PaperLinks]]:
        """Every paper, one at a time (its action rows and mentions read when looked at)."""
        for document_id, text in self.db.execute("SELECT document_id, links FROM papers"):
            yield document_id, self._paper(document_id, text)

    def put(self, document_id: str, paper: PaperLinks) -> None:
        self.db.execute("INSERT OR REPLACE INTO papers VALUES (?, ?, ?, ?, ?)", (
            document_id, _source_json(paper.source), paper.organisation,
            json.dumps([paper.source, paper.organisation, paper.meetings, paper.meeting_order,
                        [[n.printed, n.given, n.surname] for n in paper.full_names], paper.context, paper.scope,
                        paper.date], default=str),
            json.dumps([list(paper.actions), sorted(paper.people)], default=str)))

    def remove(self, document_id: str) -> None:
        self.db.execute("DELETE FROM papers WHERE document_id = ?", (document_id,))

    def members(self, key: tuple[str, str]) -> list[str]:
        return [d for d, in self.db.execute("SELECT document_id FROM group_members WHERE scope = ? AND ref = ?", key)]

    def join_group(self, key: tuple[str, str], document_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO group_members VALUES (?, ?, ?)", (*key, document_id))

    def leave_group(self, key: tuple[str, str], document_id: str) -> None:
        self.db.execute("DELETE FROM group_members WHERE scope = ? AND ref = ? AND document_id = ?",
                        (*key, document_id))

    def digest(self, key: tuple[str, str]) -> bytes | None:
        found = self.db.execute("SELECT digest FROM group_digests WHERE scope = ? AND ref = ?", key).fetchone()
        return None if found is None else bytes(found[0])

    def set_digest(self, key: tuple[str, str], digest: bytes | None) -> None:
        if digest is None:
            self.db.execute("DELETE FROM group_digests WHERE scope = ? AND ref = ?", key)
        else:
            self.db.execute("INSERT OR REPLACE INTO group_digests VALUES (?, ?, ?)", (*key, digest))

    def close(self) -> None:
        """Closed without saving: what this run changed is dropped."""
        self.db.close()
        if self.new:
            Path(self.new).unlink(missing_ok=True)


def link_with_state(path: Path, config: str, documents: list[tuple[str | None, str | None]],
                    papers: list[tuple[str, Any, str | None, dict[str, dict[str, list]]]],
                    fresh: set[str]) -> Linked:
    """:func:`link_papers` with the state kept in ``path`` (saved by :func:`save_state`); a state
    found damaged while linking is set aside, and every paper linked afresh: the same tables."""
    store = LinkStore.open(path, config)
    if store is None:
        return link_papers(documents, papers, LinkStore.create(path, config), fresh)
    try:
        return link_papers(documents, papers, store, fresh)
    except STATE_ERRORS as exc:
        store.close()
        _log.warning("the linking state %s cannot be read (%s): every paper is linked afresh", path, exc)
        return link_papers(documents, papers, LinkStore.create(path, config), fresh)


def save_state(store: LinkStore) -> None:
    """Keep the state :func:`link_papers` left in ``store`` for the next run: committed in place,
    or (a new state) its file moved over the last one."""
    store.db.commit()
    store.db.close()
    if store.new:  # SQLite made it as the user's umask makes files
        os.replace(store.new, store.path)
