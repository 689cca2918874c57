"""Link rows across papers: one id per person, per body and per action.

Runs on the normalised frames of every paper in the output, after every paper
is extracted, reading only the few columns of :data:`LINK_INPUTS` (each paper's
are kept in the run's manifest, so no paper's rows are read again to link them). People named differently ("Cllr R. Gough", "Roger Gough") and
bodies named differently ("Joint Committee of CCGs", "Joint Committee of
Clinical Commissioning Groups") are resolved with rapidfuzz into the
``people`` and ``bodies`` tables; the rows that name them get the ids. An
action that appears in the action logs of several meetings of one body (same
ref) gets one ``action_id``: its rows ordered by ``meeting_date`` are its
history. Ids are hashes of names and refs, so the same papers give the same ids
whatever order they are read in.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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
SURNAME_SIMILARITY = 90  # rapidfuzz ratio: "Gough" / "Gogh" are one surname, "Gough" / "Hughes" not
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

@dataclass(frozen=True)
class PersonName:
    """A name as printed, split into folded given names (or initials) and surname."""

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


@dataclass
class Mention:
    document_id: str
    printed: str
    parsed: PersonName | str
    person: int | None = None  # index of the resolved person


def resolve_people(mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions into people; set each mention's ``person`` (None when ambiguous)."""
    full = sorted({m.parsed for m in mentions if isinstance(m.parsed, PersonName)},
                  key=lambda n: (-n.fullness[0], -n.fullness[1], n.key, n.printed))
    canonical: list[PersonName] = []
    person_of: dict[PersonName, int | None] = {}
    by_surname: dict[str, list[int]] = defaultdict(list)  # first letters of the surname: few comparisons
    for name in full:
        fits = [i for i in by_surname[name.surname[:2]] if same_person(name, canonical[i])]
        if not fits:
            canonical.append(name)
            person_of[name] = len(canonical) - 1
            by_surname[name.surname[:2]].append(len(canonical) - 1)
        else:
            # "R. Gough" beside both "Roger Gough" and "Richard Gough" stays unresolved
            person_of[name] = fits[0] if len(fits) == 1 else None
    in_document: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if isinstance(m.parsed, PersonName):
            m.person = person_of[m.parsed]
            if m.person is not None:
                in_document[m.document_id].add(m.person)
    for m in mentions:
        if isinstance(m.parsed, str):  # initials or a bare surname: only a person named in the same paper
            fits = [i for i in in_document[m.document_id]
                    if m.parsed in (canonical[i].initials, canonical[i].surname)]
            m.person = fits[0] if len(fits) == 1 else None
    people: list[list[Mention]] = [[] for _ in canonical]
    for m in mentions:
        if m.person is not None:
            people[m.person].append(m)
    return people


def _mentions_in(value: str | None) -> list[tuple[str, PersonName | str]]:
    """(printed, parsed) of each name in one cell."""
    found = []
    for printed in split_names(value):
        parsed = parse_person(printed)
        if parsed is not None:
            found.append((printed, parsed))
    return found


def link_people(frames: dict[str, pd.DataFrame]) -> None:
    mentions: list[Mention] = []
    cells: list[tuple[str, str, int, list[Mention]]] = []  # (table, id column, row position, its mentions)
    parsed_cells: dict[str | None, list[tuple[str, PersonName | str]]] = {}  # a name recurs: parsed once
    for table, sources, id_column in PERSON_COLUMNS:
        frame = frames[table]
        columns = [frame[c].tolist() for c in sources]
        for pos, (document_id, *values) in enumerate(zip(frame["document_id"].tolist(), *columns)):
            value = next((v for v in values if v is not None), None)
            if value not in parsed_cells:
                parsed_cells[value] = _mentions_in(value)
            found = [Mention(document_id, printed, parsed) for printed, parsed in parsed_cells[value]]
            mentions.extend(found)
            cells.append((table, id_column, pos, found))
    people = resolve_people(mentions)
    ids, rows = {}, []
    for index, group in enumerate(people):
        if not group:
            continue
        name = max((m.parsed for m in group if isinstance(m.parsed, PersonName)),
                   key=lambda n: (*n.fullness, n.key))
        ids[index] = stable_id("p", name.key)
        rows.append({"person_id": ids[index], "name": name.printed,
                     "variants": ";".join(sorted({m.printed for m in group})),
                     "n_documents": len({m.document_id for m in group})})
    columns: dict[tuple[str, str], list[str | None]] = {
        (t, c): [None] * len(frames[t]) for t, _, c in PERSON_COLUMNS}
    for table, id_column, pos, found in cells:
        resolved = list(dict.fromkeys(ids[m.person] for m in found if m.person is not None))
        if resolved:
            columns[(table, id_column)][pos] = ";".join(resolved)
    for (table, id_column), values in columns.items():
        frames[table] = frames[table].assign(**{id_column: pd.Series(values, dtype=object)})
    frames["people"] = _frame(rows, ["person_id", "name", "variants", "n_documents"])


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


def _resolve_bodies(bodies: list[Body], units: dict[tuple[str, str | None], set[str]],
                    are_organisations: bool) -> dict:
    """Add (name, organisation) units to the bodies they fit, most named first; unit -> its Body."""
    home_of = {}
    papers_naming: Counter = Counter()
    for (name, _), documents in units.items():
        papers_naming[name] += len(documents)
    for name, organisation in sorted(units, key=lambda u: (-papers_naming[u[0]], -len(units[u]), -len(u[0]),
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


def link_bodies(frames: dict[str, pd.DataFrame]) -> None:
    """Organisations first; then boards and committees, each within the organisation of its paper."""
    bodies: list[Body] = []
    documents = frames["documents"]
    organisations: dict[tuple[str, None], set[str]] = defaultdict(set)
    for document_id, name in zip(documents["document_id"], documents["organisation"]):
        if name is not None and document_id is not None:  # a duplicate file (no id) names no one twice
            organisations[(name, None)].add(document_id)
    home_of = _resolve_bodies(bodies, organisations, are_organisations=True)
    organisation_of = {d: home_of[(n, None)].body_id
                       for d, n in zip(documents["document_id"], documents["organisation"]) if n is not None}
    meetings = frames["meetings"]
    committees: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for document_id, name in zip(meetings["document_id"], meetings["body"]):
        if name is not None:
            committees[(name, organisation_of.get(document_id))].add(document_id)
    home_of.update(_resolve_bodies(bodies, committees, are_organisations=False))
    documents_of: dict[int, set[str]] = defaultdict(set)
    for unit, home in home_of.items():
        documents_of[id(home)] |= (organisations.get(unit) or set()) | (committees.get(unit) or set())
    frames["documents"] = documents.assign(organisation_id=[
        home_of[(n, None)].body_id if n is not None else None for n in documents["organisation"]])
    frames["meetings"] = meetings.assign(body_id=[
        home_of[(n, organisation_of.get(d))].body_id if n is not None else None
        for d, n in zip(meetings["document_id"], meetings["body"])])
    frames["bodies"] = _frame([{"body_id": b.body_id, "name": b.names[0], "variants": ";".join(sorted(b.names)),
                                "organisation_id": b.organisation,
                                "n_documents": len(documents_of[id(b)])} for b in bodies],
                              ["body_id", "name", "variants", "organisation_id", "n_documents"])


# ---------------------------------------------------------------- actions

def _meeting_of_documents(frames: dict[str, pd.DataFrame]) -> tuple[dict[str, str], dict[str, Any]]:
    """Per document: the body (or else the issuing organisation) and the date of its first meeting."""
    scope: dict[str, str] = {}
    date: dict[str, Any] = {}
    meetings = frames["meetings"].sort_values("page", na_position="last", kind="stable")
    for row in meetings.itertuples(index=False):
        # pd.notna: a frame's missing values may be NaN as well as None
        if pd.notna(row.body_id):
            scope.setdefault(row.document_id, row.body_id)
        if pd.notna(row.meeting_date):
            date.setdefault(row.document_id, row.meeting_date)
    for row in frames["documents"].itertuples(index=False):
        if pd.notna(row.organisation_id):
            scope.setdefault(row.document_id, row.organisation_id)
    return scope, date


def link_actions(frames: dict[str, pd.DataFrame]) -> None:
    actions = frames["actions"]
    scope_of, date_of = _meeting_of_documents(frames)
    meeting_date = [date_of.get(d) for d in actions["document_id"]]
    action_id: list[str | None] = [None] * len(actions)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pos, row in enumerate(actions.itertuples(index=False)):
        if row.ref is None:
            action_id[pos] = stable_id("a", row.document_id, str(row.page), fold(row.action or ""))
        else:
            # without a known body, a ref ("1", "2") is only unique within its paper
            scope = scope_of.get(row.document_id, row.document_id)
            groups[(scope, fold(row.ref).strip(" ."))].append(pos)
    texts = [fold(t or "") for t in actions["action"]]
    document_ids = actions["document_id"].tolist()
    for (scope, ref), positions in groups.items():
        positions.sort(key=lambda p: (meeting_date[p] is None, meeting_date[p] or 0, document_ids[p], p))
        histories: list[list[int]] = []
        for pos in positions:
            doc = document_ids[pos]
            # two entries of one log sharing a ref are two actions
            candidates = [(fuzz.token_set_ratio(texts[pos], texts[h[-1]]), i) for i, h in enumerate(histories)
                          if all(document_ids[p] != doc for p in h)]
            best = max(candidates, default=(0, None))
            if best[1] is not None and (best[0] >= ACTION_TEXT_SIMILARITY or not texts[pos]):
                histories[best[1]].append(pos)
            else:
                histories.append([pos])
        for ordinal, history in enumerate(histories):
            for pos in history:
                action_id[pos] = stable_id("a", scope, ref, str(ordinal))
    frames["actions"] = actions.assign(action_id=action_id, meeting_date=meeting_date)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    return frame.astype(object).where(frame.notna(), None)


def link_input_frames(documents: pd.DataFrame,
                      inputs: list[tuple[str, dict[str, dict[str, list]]]]) -> dict[str, pd.DataFrame]:
    """The frames :func:`link` reads, from the normalised documents and each paper's
    ``(document_id, {table: {column: values}})``, papers in run order."""
    frames = {"documents": documents[["document_id", "organisation"]]}
    for table, columns in LINK_INPUTS.items():
        data: dict[str, list] = {"document_id": [], **{c: [] for c in columns}}
        for document_id, tables in inputs:
            values = tables.get(table)
            if not values:
                continue
            data["document_id"].extend([document_id] * len(values[columns[0]]))
            for column in columns:
                data[column].extend(values[column])
        # typed as from_arrow types them: ids hash str(page) ("<NA>" when missing)
        frames[table] = pd.DataFrame({c: pd.Series(v, dtype="Int32" if c == "page" else object)
                                      for c, v in data.items()})
    return frames


def link(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The normalised frames of a run with the link columns filled and ``people`` and ``bodies`` added."""
    frames = {name: frame.reset_index(drop=True) for name, frame in frames.items()}
    link_bodies(frames)
    link_people(frames)
    link_actions(frames)
    return frames
