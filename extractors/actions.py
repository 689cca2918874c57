"""Action logs into ``actions``: a short list of layout readers (``READERS``),
run in turn, each a function ``read(doc, people, taken) -> rows`` whose
docstring names the layout it reads. A pack may hold several layouts (minutes
with "ACTION:" lines, then an action matrix): every reader's rows are kept, and
a reader leaves alone the lines an earlier one read (``taken``) and marks its own:

- ``matrix_actions``: action matrices, the tables the core finds (ruled grids
  in a PDF, space-aligned trackers in text) headed Ref / Action / Owner / Due ...;
- ``owner_column_actions``: minutes with the owner's initials in a column
  beside each paragraph;
- ``inline_actions``: minutes with an "ACTION: AB/CD" line under a paragraph;
- ``run_together_actions`` (``actions_web``): a tracker copied from a web page,
  its rows run into lines.

A reader gives raw cells; the extractor finishes every row the same way:
owners written as initials resolved to a name the same pack gives
(``action_owners``), due dates read ("Apr-17" is the first of the month when
the year fits the paper's own years; otherwise only ``due_date_raw`` is kept),
statuses put in the log's words. A new layout is a new reader and its test.
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from rapidfuzz import fuzz

from extractors.actions_web import run_together_actions
from extractors.action_owners import People, Person, Taken, looks_like_initials, owner_parts, people_in_pack, resolve
from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.cells import BULLET, cell_spans, cells_of
from pipeline.dates import find_date, parse_date, parse_month
from pipeline.extractor import Extractor, Rows
from pipeline.fuzzy import Labels, label_key
from pipeline.headings import minutes_heading
from pipeline.model import Document, Line, Locale, Table
from pipeline.textutil import clean

_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?[\s\-/'’]*(\d{2}|\d{4})$")
_MONTH_FULL_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_ITEM_CELL = re.compile(r"^(\d{1,3})\.?$")
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})+\.?(?:\s+|$)")
# a numbered point of minutes kept as a list: "9. Need to set up a survey of the village"
_NUMBERED_POINT = re.compile(r"^(\d{1,3})\.\s+\S")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'(])")
_END_PUNCTUATION = re.compile(r"[.:;,!?]$")
# a month-year due date counts when its year is this close to the paper's years
DUE_YEAR_RANGE = 3
# an owner column header sits in the right part of the page
COLUMN_HEADER_X = 0.6
COLUMN_SLACK = 8.0
# a vertical gap this many times the usual line pitch ends a paragraph
PARAGRAPH_GAP = 1.5
MENTION_SCORE = 90
# numbered headings set this many points further in than the item numbers are sub-items
SUB_ITEM_INDENT = 18.0
# a subject heading above an action's text is short
SUBJECT_WORDS = 8
MAX_INLINE_OWNER = 40
# owners named in full in an owner column: a few names at most
MAX_OWNER_WORDS = 6
# share of a column's cells that must be initials for it to be an owners' column
MOSTLY = 0.6
# points between a line's text and an owner mark beside it, when the font size is unknown
MARK_GAP = 10.0
# a matrix running on without its header starts within this many lines of the last one's end
RUN_ON_LINES = 3


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("actions")
    return {
        "columns": Labels(data["matrix"]["columns"]),
        "matrix": data["matrix"],
        "owner_verbs": {label_key(v) for v in data["matrix"]["owner_verbs"]},
        "agenda_purposes": {label_key(v) for v in data["matrix"]["agenda_purposes"]},
        "not_columns": Labels({"not": data["matrix"]["not_columns"]}),
        "owner_headers": {label_key(h) for h in data["minutes"]["column_headers"]},
        "inline": {label_key(h) for h in data["minutes"]["inline_labels"]},
        "no_owner": {label_key(h) for h in data["minutes"]["no_owner"]},
        "status": Labels(data["status"]),
        "ticks": {label_key(t) or t for t in data["marks"]["ticks"]},
        # a heading between a log's rows that names their state (one vocabulary with web trackers')
        "status_heading": re.compile(load_vocab("web_layouts")["action_rows"]["status_heading"], re.I),
    }


# ---------------------------------------------------------------- values

def paper_year(doc: Document) -> int | None:
    """The year the paper mostly writes about (the most frequent four-digit year)."""
    years = Counter(int(y) for y in _YEAR.findall(doc.text))
    return years.most_common(1)[0][0] if years else None


def due_date(raw: str | None, year_of_paper: int | None, locale: Locale = Locale()) -> dt.date | None:
    """"Apr-17" -> 2017-04-01 when 2017 fits the paper; a full date as written, read
    in the paper's locale (its "12/08/2020" month first when it writes dates so); else None."""
    text = clean(raw)
    if not text:
        return None
    match = _MONTH_YEAR.match(text)
    if match:
        year = int(match.group(2))
        year += 2000 if year < 100 else 0
        if year_of_paper is not None and abs(year - year_of_paper) > DUE_YEAR_RANGE:
            return None  # "May-01": 1 May or May 2001? not a guess to make
        return parse_month(match.group(1), year)
    full = parse_date(text, locale.date_order, locale.language)
    if full:
        return full
    # "end of March 2018": a month and a four-digit year inside the text
    inside = _MONTH_FULL_YEAR.search(text)
    return parse_month(inside.group(1), int(inside.group(2))) if inside else None


def _known_status(text: str) -> str | None:
    """The status a cell states in the log's words; "Closed – see item 5",
    "Complete (May 2024)": the status the cell opens with."""
    statuses: Labels = _vocab()["status"]
    opening = statuses.prefix(text)
    return statuses.whole(text) or (opening.field if opening else None)


def _status(status: str | None, complete: str | None) -> str | None:
    text = clean(status)
    if text:
        known = _known_status(text)
        return text if known in (None, "printed") else known
    done = clean(complete)
    if done and (label_key(done) in _vocab()["ticks"] or parse_date(done)):
        return "complete"
    return None


def _names(people: list[Person] | None) -> str | None:
    return "/".join(p.name for p in people) if people else None


# ---------------------------------------------------------------- matrices

def _header(row: list[str | None], body: list[list[str | None]]) -> dict[int, str]:
    """Columns of an action matrix named by its header row, or {} when the row heads something else."""
    labels: Labels = _vocab()["columns"]
    mapping: dict[int, str] = {}
    if any(cell and _vocab()["not_columns"].whole(cell) for cell in row):
        return {}
    for c, cell in enumerate(row):
        name = labels.whole(cell) if cell else None
        if name and name not in mapping.values():
            mapping[c] = name
    _owners_under_action(mapping, len(row), body)
    spec = _vocab()["matrix"]
    named = set(mapping.values())
    # a log names the paper an action came from beside its due date or status; an agenda its papers alone
    undated_source = "source" in named and not named & {"due", "status", "status_update"}
    if len(mapping) < spec["min_columns"] or not set(spec["required"]) <= named \
            or not named & set(spec["one_of"]) or _purposes_column(mapping, body) or undated_source:
        return {}
    return mapping


def _purposes_column(mapping: dict[int, str], body: list[list[str | None]]) -> bool:
    """An agenda's "Action" column says what the meeting does with each item ("For approval", "Note")."""
    column = next(c for c, name in mapping.items() if name == "action")
    cells = [label_key(r[column]) for r in body if column < len(r) and clean(r[column])]
    purposes = [c for c in cells if c in _vocab()["agenda_purposes"]]
    return bool(cells) and len(purposes) >= MOSTLY * len(cells)


def _owners_under_action(mapping: dict[int, str], width: int, body: list[list[str | None]]) -> None:
    """Minutes set as a table ("Item | Discussion | Action"): an Action column of
    initials holds the owners, and the widest unnamed column what was agreed."""
    column = next((c for c, name in mapping.items() if name == "action"), None)
    if column is None or "owner" in mapping.values():
        return
    cells = [clean(r[column]) for r in body if column < len(r) and clean(r[column])]
    initials = [c for c in cells if all(looks_like_initials(p) for p in owner_parts(c))]
    free = [c for c in range(width) if c not in mapping]
    if not cells or len(initials) < MOSTLY * len(cells) or not free:
        return
    mapping[column] = "owner"
    mapping[max(free, key=lambda c: sum(len(clean(r[c]) or "") for r in body if c < len(r)))] = "action"


def _join_action(parts: list[str], heads: int) -> str | None:
    """Subject and description: "Evaluation Criteria" + "Criteria to be..." -> "Evaluation Criteria: Criteria...".
    Only the first ``heads`` parts (the paper an action came from, lines above the row's ref)
    may be subjects: the lines after are the cell wrapped ("... to the" + "Board with ...")."""
    text = ""
    for k, part in enumerate(parts):
        if not text:
            text = part
        elif (k <= heads and not _END_PUNCTUATION.search(text) and part[:1].isupper()
              and len(text.split()) <= SUBJECT_WORDS and ":" not in text):
            text = f"{text}: {part}"
        else:
            text = f"{text} {part}"
    return clean(text)


def _groups(rows: list[list[str | None]], anchor: int) -> list[list[list[str | None]]]:
    """Rows of one action each. Refs printed on the first row of an action
    (top-aligned) take the rows below; refs on a later row take those above."""
    filled = [r for r in rows if any(clean(c) for c in r)]
    if not filled:
        return []
    def has_anchor(row):
        return anchor < len(row) and bool(clean(row[anchor]))
    above = not has_anchor(filled[0])
    groups: list[list] = []
    pending: list = []
    for row in filled:
        if has_anchor(row):
            groups.append(pending + [row] if above else [row])
            pending = []
        elif above:
            pending.append(row)
        elif groups:
            groups[-1].append(row)
    if pending and groups:
        groups[-1].extend(pending)
    return groups


def _section(row: list[str | None], fields: dict[str, int]) -> tuple[str | None] | None:
    """A row of one cell heading the actions under it, left of the lead's and later columns: the
    meeting they came from ("Meeting held on 14 January 2025", "May 2012") or their state
    ("Closed actions"), as NHS trusts' and CCGs' trackers and committees' logs group them.
    Gives (the state it names, or None); None when the row is no such heading (a subject
    over an action's text, "Evaluation Criteria", has neither date nor state)."""
    filled = [(c, clean(cell)) for c, cell in enumerate(row) if clean(cell)]
    # left of the columns that describe an action (a wrapped status or update is no heading)
    first = min((c for name, c in fields.items() if name not in ("ref", "source", "action")), default=len(row))
    if len(filled) != 1 or filled[0][0] >= first or len(filled[0][1].split()) > SUBJECT_WORDS:
        return None
    text = filled[0][1]
    if _vocab()["status_heading"].search(text):
        return (text,)  # put in the log's words with the row's own status ("Closed actions": closed)
    return (None,) if find_date(text) or _MONTH_FULL_YEAR.fullmatch(text) else None


def _sections(body: list[list[str | None]], anchor: int, fields: dict[str, int]) -> list[tuple[list, str | None]]:
    """The actions of a log in its groups under section headings (``_section``), each with the
    state its heading names."""
    out, part, state = [], [], None
    for row in body + [None]:
        heading = _section(row, fields) if row is not None else (None,)
        if heading is None:
            part.append(row)
            continue
        out += [(group, state) for group in _groups(part, anchor)]
        part, state = [], heading[0]
    return out


def _matrix_rows(table: Table, mapping: dict[int, str], start: int) -> list[dict]:
    fields = {name: c for c, name in mapping.items()}
    body = table.rows[start:]

    def filled(name: str, rows: list) -> list[str]:
        c = fields.get(name)
        return [] if c is None else [clean(r[c]) for r in rows if c < len(r) and clean(r[c])]

    # minutes set as a table: item numbers on rows without owners, owners on rows without
    # numbers; then every row with an owner is one action under the item above it
    with_ref = [bool(filled("ref", [r])) for r in body]
    with_owner = [bool(filled("owner", [r])) for r in body]
    per_owner = "ref" in fields and any(r and not o for r, o in zip(with_ref, with_owner)) \
        and any(o and not r for r, o in zip(with_ref, with_owner))
    anchor = fields["owner"] if per_owner else fields.get("ref", fields.get("owner", fields["action"]))
    rows, item = [], None
    for group, section in ([([r], None) for r in body] if per_owner else _sections(body, anchor, fields)):
        if _header(group[0], []) == mapping:
            continue  # the header repeated where the table runs on
        if per_owner:
            refs = filled("ref", group)
            item = refs[0].rstrip(".") if refs else item
            if not filled("owner", group):
                continue

        def column(name):
            return filled(name, group)
        source = clean(" ".join(column("source")))
        # a Meeting column of dates ("12.03.24") says when, not what: no subject
        source = None if source and parse_date(source) else source
        # lines above the row's ref (refs at the foot of their rows: ``_groups``) may hold a subject
        at = next((k for k, r in enumerate(group) if anchor < len(r) and clean(r[anchor])), 0)
        heads = bool(source) + len(filled("action", group[:at]))
        action = _join_action(([source] if source else []) + column("action"), heads)
        if not action:
            continue
        owner = clean(" ".join(column("owner"))) if "owner" in fields else _owner_in_text(action)
        # one column for both ("Status/Comment"; the Progress column of a log without a Status
        # column): a status in the log's words, else a comment
        both = "status_update" if {"status", "status_update"} & set(fields) else "update"
        either = clean(" ".join(column(both)))
        known = either and _known_status(either)
        rows.append({
            "ref": item if per_owner else clean(" ".join(column("ref"))),
            "action": action,
            "owner": owner,
            "due_date_raw": clean(" ".join(column("due"))),
            "status": clean(" ".join(column("status"))) or (either if known else None) or section,
            "complete": clean(" ".join(column("complete"))),
            "update": (both != "update" and clean(" ".join(column("update")))) or (None if known else either),
            "page": table.page,
        })
    return rows


def _owner_in_text(action: str) -> str | None:
    """A log without an owner column names the owner first: "JG will circulate ...", "AB/CD to report ..."."""
    first, _, rest = action.partition(" ")
    verb = label_key(rest.split(" ", 1)[0]) if rest else ""
    return first if looks_like_initials(first) and verb in _vocab()["owner_verbs"] else None


def _runs_on(previous: Table, table: Table) -> bool:
    """A headerless table carries on the previous matrix: same columns, right after it."""
    if table.n_cols != previous.n_cols:
        return False
    if table.page == previous.page + 1:
        return table.first_line is None or table.first_line <= RUN_ON_LINES
    if table.page == previous.page and None not in (table.first_line, previous.first_line):
        return 0 <= table.first_line - (previous.first_line + previous.n_rows) <= RUN_ON_LINES
    return False


def _joined_rows(first: list[str | None], second: list[str | None]) -> list[str | None]:
    return [clean(f"{a or ''} {b or ''}") for a, b in zip(first, second)]


def matrix_actions(doc: Document, people: People, taken: Taken) -> list[dict]:
    """Action matrices: the tables the core finds, ruled grids in a PDF or
    columns aligned with spaces in text, headed by the columns of a log
    ("Ref | Action | Owner | Due Date | Status", "REF  SOURCE  ACTION  OWNER
    DUE  STATUS/COMMENT"); a table running on over the page without its
    header carries on the one before. Agendas' tables ("Item | Paper | Action:
    For approval") are not logs."""
    rows: list[dict] = []
    last: tuple[dict[int, str], Table] | None = None  # the last matrix and its columns
    for table in doc.iter_tables():
        start, mapping = 0, {}
        for r, row in enumerate(table.rows[:3]):
            mapping = _header(row, table.rows[r + 1:])
            # a header wrapped over two rows ("Action" / "No.", "Due" / "Date") names more columns joined
            joined = _header(_joined_rows(row, table.rows[r + 1]), table.rows[r + 2:]) \
                if r + 1 < len(table.rows) else {}
            if len(joined) > len(mapping):
                mapping, start = joined, r + 2
                break
            if mapping:
                start = r + 1
                break
        if not mapping and last and _runs_on(last[1], table):
            mapping = last[0]  # a matrix running on without its header
        if not mapping:
            continue
        last = (mapping, table)
        page = doc.pages[table.page - 1]
        found = _matrix_rows(table, mapping, start)
        if table.page == len(doc.pages) and page.lines and _in_table(table, len(page.lines) - 1, page.lines[-1]):
            found = _without_cut_row(found)
        rows += found
        taken.update((page.number, i) for i, line in enumerate(page.lines) if _in_table(table, i, line))
    return rows


def _without_cut_row(rows: list[dict]) -> list[dict]:
    """A log ending the paper whose last row stops after its action, where every other row names
    its lead: a transcript copied short (document-sharing sites' previews of trusts' trackers end
    mid-row, "2.03  A business case would be"); that row is left out."""
    *others, cut = rows or [None]
    filled = ("owner", "due_date_raw", "status", "complete", "update")
    if others and all(r["owner"] for r in others) and not any(cut.get(k) for k in filled):
        return others
    return rows


def _in_table(table: Table, index: int, line: Line) -> bool:
    """Whether a line of the table's page is one of the table's rows."""
    if table.first_line is not None:
        return table.first_line <= index < table.first_line + table.n_rows
    return None not in (table.bbox, line.bbox) and table.bbox.top <= line.bbox.top <= table.bbox.bottom


# ---------------------------------------------------------------- minutes

@dataclass
class BodyLine:
    """A line of the minutes' text, without what sits in the owner column."""

    page: int
    index: int
    text: str
    top: float | None
    bottom: float | None
    starts_paragraph: bool
    heading: bool = False  # a heading line: a paragraph of its own


def _item_heading(line: Line) -> str | None:
    """The number of an item heading: a bold "3. Title" (or "3.2 Title"); in a text paper (no fonts)
    a short "3. Title"."""
    match = minutes_heading(line.text, sub_items=bool(line.bold or line.heading))
    if not match:
        return None
    if line.bold or line.heading:
        return match.number
    short_title = len(line.text.split()) <= SUBJECT_WORDS and not _END_PUNCTUATION.search(line.text)
    return match.number if line.unstyled and short_title else None


def _top_level_edge(xs: list[float]) -> float | None:
    """The right-most left edge of top-level item numbers: the widest step between the edges of
    numbered headings parts items from sub-items set further in ("6. Committees" / "1. Review
    of membership", as library trusts' and charities' board minutes with an Action column print
    them), when it is an indent; the numbers of one level wander a little ("5." and "10.", a
    heading set a few points out). None: one level."""
    edges = sorted(set(xs))
    steps = [(b - a, a) for a, b in zip(edges, edges[1:])]
    widest = max(steps, default=None)
    return widest[1] if widest and widest[0] >= SUB_ITEM_INDENT else None


def _items(doc: Document) -> list[tuple[tuple[int, int], str]]:
    """Item numbers with where they are: "3." in its own cell, an item heading "3. Title",
    and a sub-item heading that prints its item's number ("5.2 Finance" under "5. Reports");
    a sub-item numbered on its own ("1. Review" set in under "6. Committees") is none."""
    found = []
    for page, i, line in doc.iter_lines():
        number = None
        if line.cells and _ITEM_CELL.match(line.cells[0]):
            number = _ITEM_CELL.match(line.cells[0]).group(1)
        else:
            number = _item_heading(line)
        if number:
            found.append(((page.number, i), number, line.bbox.x0 if line.bbox else None))
    # "5.2" is a sub-item; "5", "24/031" (a minute number by year) an item
    edge = _top_level_edge([x for _, n, x in found if x is not None and "." not in n])
    items, top = [], None
    for where, n, x in found:
        if "." not in n:
            if edge is None or x is None or x <= edge:
                items.append((where, n))
                top = n
        elif top is not None and n.startswith(f"{top}."):
            items.append((where, n))
    return items


def _numbered_points(doc: Document) -> list[tuple[tuple[int, int], str]]:
    """Minutes kept as a numbered list with no item headings ("1. KK presented a proposal ...",
    "2. ...", each with its bullets set in, as a working group or a parish hall committee
    writes them beside a Who/When column): the points at the list's left edge, counting 1, 2, 3 ..."""
    found = [((page.number, i), int(m[1]), line.bbox.x0 if line.bbox else None)
             for page, i, line in doc.iter_lines() if (m := _NUMBERED_POINT.match(line.text))]
    xs = [x for _, _, x in found if x is not None]
    points, expected = [], 1
    for where, n, x in found:
        if n == expected and (x is None or x <= min(xs) + COLUMN_SLACK):
            points.append((where, str(n)))
            expected += 1
    return points if len(points) > 1 else []


def _ref(items: list[tuple[tuple[int, int], str]], where: tuple[int, int],
         paragraph: str | None = None) -> str | None:
    """The number of the item (or sub-item) a line stands under; a paragraph numbered under
    it ("5.2 Mike advised ..." in item 5, as a friends' group or a trust numbers its minutes) gives its own."""
    before = [n for at, n in items if at <= where]
    ref = before[-1] if before else None
    if paragraph and ref and paragraph.startswith(f"{ref}."):
        return paragraph
    return ref


def _owner_column(doc: Document) -> tuple[tuple[int, int], float | None] | None:
    """Where the owner column's header is, and the x where the column starts (None: text papers)."""
    headers = _vocab()["owner_headers"]
    for page, i, line in doc.iter_lines():
        if line.bbox is not None and page.width:
            # the header alone on its line, or the last of a row of headers ("Item  Minute  Action")
            if label_key(cells_of(line)[-1]) in headers:
                x = cell_spans(line)[-1][1]
                if x is not None and x > COLUMN_HEADER_X * page.width:
                    return (page.number, i), x - COLUMN_SLACK
        elif line.cells and len(line.cells) > 1:
            filled = [c for c in line.cells if c]
            if len(filled) == 1 and line.cells[0] == "" and label_key(filled[0]) in headers:
                return (page.number, i), None
    return None


def _split_mark(line: Line, column_x: float | None,
                people: People) -> tuple[str, str | None, float | None, float | None]:
    """A line's own text and the owner written in the column beside it (with its top and bottom)."""
    if column_x is None:
        if line.cells and len(line.cells) > 1:
            filled = [c for c in line.cells if c]
            if len(filled) > 1 and looks_like_initials(filled[-1]) and line.cells.index(filled[-1]) > 0:
                return clean(" ".join(filled[:-1])) or "", filled[-1], None, None
        return line.text, None, None, None
    body = [w for w in line.words if w.bbox.x0 < column_x]
    side = [w for w in line.words if w.bbox.x0 >= column_x]
    mark = " ".join(w.text for w in side)
    # set apart from the text it follows: on its own, in bold beside plain text, or after a gap
    apart = side and (not body or (side[0].bold and not body[-1].bold)
                      or side[0].bbox.x0 - body[-1].bbox.x1 >= (side[0].size or MARK_GAP))
    # initials, or names of people the pack lists ("Jane Smith", "Jane Smith/Paul Green")
    if apart and (looks_like_initials(mark) or (len(mark.split()) <= MAX_OWNER_WORDS and resolve(mark, people()))):
        return (clean(" ".join(w.text for w in body)) or "", mark,
                min(w.bbox.top for w in side), max(w.bbox.bottom for w in side))
    return line.text, None, None, None


def _sentences(lines: list[BodyLine]) -> list[tuple[str, set[int]]]:
    """Sentences of a paragraph, each with the indexes of the lines it touches."""
    text, spans = "", []
    for k, line in enumerate(lines):
        piece = BULLET.sub("", line.text)
        start = len(text) + (1 if text else 0)
        text = f"{text} {piece}" if text else piece
        spans.append((start, len(text), k))
    out, start = [], 0
    for match in list(_SENTENCE_END.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        sentence = text[start:end].strip()
        if sentence:
            out.append((sentence, {k for s, e, k in spans if s < end and e > start}))
        start = match.end() if match else len(text)
    return out


def _paragraphs(body: list[BodyLine], marked: list[float]) -> list[list[BodyLine]]:
    """Paragraphs of the minutes' text: a vertical gap ends one, unless an owner's mark
    (``marked``: the tops of lines holding only a mark) fills it."""
    pitches = [b.top - a.top for a, b in zip(body, body[1:])
               if a.top is not None and b.top is not None and b.top > a.top]
    pitch = statistics.median(pitches) if pitches else None
    paragraphs: list[list[BodyLine]] = []
    for line in body:
        above = paragraphs[-1][-1].top if paragraphs else None
        gap = (pitch is not None and line.top is not None and above is not None
               and line.top - above > PARAGRAPH_GAP * pitch and not any(above < t < line.top for t in marked))
        after_heading = bool(paragraphs) and paragraphs[-1][-1].heading
        if not paragraphs or gap or line.starts_paragraph or after_heading:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _mentions(sentence: str, people: list[Person] | None, owner: str) -> bool:
    key = label_key(sentence)
    names = [label_key(owner_part) for owner_part in owner_parts(owner)]
    for person in people or []:
        names += [label_key(person.name), label_key(person.name.split()[-1])]
        if person.role and len(person.role) > 2:
            names.append(label_key(person.role))
    return any(n and (re.search(rf"\b{re.escape(n)}\b", key) or
                      (len(n) > 8 and fuzz.partial_ratio(n, key) >= MENTION_SCORE)) for n in names)


def _action_text(paragraphs: list[list[BodyLine]], anchors: list[BodyLine], owner: str,
                 people: list[Person] | None) -> str | None:
    """The sentences at the owner's mark (a mark set between two lines: the sentence
    running over both); when they do not name the owner but the sentence just before
    does (by name or role), that one."""
    anchor = anchors[0]
    where = next(p for p, para in enumerate(paragraphs) if anchor in para)
    sentences = _sentences(paragraphs[where])
    k = paragraphs[where].index(anchor)
    ks = {paragraphs[where].index(a) for a in anchors if a in paragraphs[where]}
    at_mark = [s for s, touched in sentences if ks <= touched] or [s for s, touched in sentences if k in touched]
    if at_mark and not any(_mentions(s, people, owner) for s in at_mark) and people:
        earlier = [s for s, touched in sentences if max(touched) < k]
        if not earlier and where > 0 and not paragraphs[where - 1][-1].heading:
            earlier = [s for s, _ in _sentences(paragraphs[where - 1])]
        if earlier and _mentions(earlier[-1], people, owner):
            return clean(earlier[-1])
    return clean(" ".join(at_mark))


def owner_column_actions(doc: Document, people: People, taken: Taken) -> list[dict]:
    """Minutes with an owner column: initials beside the paragraph they own,
    under an "Action" header at the right of the page ("The board agreed to
    review the risk register in June.      JS")."""
    found = _owner_column(doc)
    if found is None:
        return []
    (start_page, start_line), column_x = found
    items = _items(doc) or _numbered_points(doc)
    skip = analysis_of(doc).furniture
    rows = []
    for page in doc.pages:
        if page.number < start_page:
            continue
        body, marks = [], []
        for i, line in enumerate(page.lines):
            if (page.number, i) <= (start_page, start_line) or (page.number, i) in skip:
                continue
            text, owner, top, bottom = _split_mark(line, column_x, people)
            line_top = line.bbox.top if line.bbox else None
            line_bottom = line.bbox.bottom if line.bbox else None
            if text:
                # an item heading, marked up or (a text rendering without fonts) a short numbered title
                heading = line.bold or line.heading is not None or bool(line.cells and _ITEM_CELL.match(line.cells[0])) \
                    or bool(_item_heading(line))
                # a bullet or a numbered point opens a paragraph of its own
                opens = heading or bool(BULLET.match(text) or _NUMBERED_POINT.match(text))
                body.append(BodyLine(page.number, i, text, line_top, line_bottom, opens, heading))
            if owner and (page.number, i) not in taken:
                marks.append((i, owner, top, bottom))
                taken.add((page.number, i))
        paragraphs = _paragraphs(body, [top for i, _, top, _ in marks
                                        if top is not None and all(b.index != i for b in body)])
        for i, owner, top, bottom in marks:
            anchors = _anchors(body, i, top, bottom)
            if not anchors:
                continue
            resolved = resolve(owner, people())
            rows.append({
                "ref": _ref(items, (page.number, i)),
                "action": _action_text(paragraphs, anchors, owner, resolved),
                "owner": owner,
                "owner_name": _names(resolved),
                "page": page.number,
            })
    return rows


def _anchors(body: list[BodyLine], index: int, top: float | None, bottom: float | None) -> list[BodyLine]:
    """The text line an owner mark belongs to: its own line, else the nearest by height
    (both, the upper first, when the mark sits halfway between two)."""
    same = [b for b in body if b.index == index]
    if same:
        return same[:1]
    if top is None or not body:
        return []
    centre = (top + bottom) / 2
    placed = sorted((abs((b.top + b.bottom) / 2 - centre), b.top, k) for k, b in enumerate(body) if b.top is not None)
    return [body[k] for gap, _, k in placed[:2] if gap == placed[0][0]]


def _paragraph_above(lines: list[Line], i: int) -> tuple[str | None, str | None]:
    """The paragraph an "ACTION:" line closes: up to its number ("6.2"), its item or the last
    action line; and the paragraph's number, when it has one."""
    text = []
    for earlier in reversed(lines[:i]):
        first = earlier.cells[0] if earlier.cells else earlier.text
        if _ITEM_CELL.match(first) or _item_heading(earlier) or _inline(earlier):
            break
        if earlier.cells and _PARAGRAPH_NUMBER.match(earlier.cells[0] + " "):
            text.insert(0, " ".join(earlier.cells[1:]))
            return clean(" ".join(text)), earlier.cells[0].strip().rstrip(".")
        numbered = _PARAGRAPH_NUMBER.match(earlier.text)
        text.insert(0, earlier.text[numbered.end():] if numbered else earlier.text)
        if numbered:
            return clean(" ".join(text)), numbered.group(0).strip().rstrip(".")
    return clean(" ".join(text)), None


def _owner_like(text: str) -> bool:
    return all(looks_like_initials(p) or re.fullmatch(r"[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,2}", p)
               for p in owner_parts(text))


def _inline(line: Line) -> tuple[str, str | None] | None:
    """An "ACTION: AB/CD" line: (owner, None); "Action: JB to circulate the paper": (owner, that text)."""
    match = re.match(r"^([A-Za-z ]{3,20}?)\s*(:|\s[-–—])\s*(\S.*)$", line.text)
    if not match or label_key(match.group(1)) not in _vocab()["inline"]:
        return None
    rest = clean(match.group(3)) or ""
    if label_key(rest) in _vocab()["no_owner"]:
        return None  # "Action: None"
    owner, _, task = rest.partition(" ")
    # "Action: JB to circulate ..." (after a dash too: "ACTION – JB to circulate ...")
    if _owner_like(owner) and any(looks_like_initials(p) for p in owner_parts(owner)) and task[:1].islower():
        return owner, rest
    if match.group(2) != ":":
        # "ACTION – PG": after a dash only initials, as a form's "Actions – Age" is a heading
        return (rest, None) if looks_like_initials(rest) else None
    if len(rest) <= MAX_INLINE_OWNER and _owner_like(rest):
        return rest, None
    return None


def inline_actions(doc: Document, people: People, taken: Taken) -> list[dict]:
    """Minutes with "ACTION: AB/CD" lines under the paragraph they close, or
    "Action: AB to circulate the paper" lines."""
    items = _items(doc)
    rows = []
    for page in doc.pages:
        for i, line in enumerate(page.lines):
            found = _inline(line) if (page.number, i) not in taken else None
            if found is None:
                continue
            taken.add((page.number, i))
            owner, task = found
            action, paragraph = (task, None) if task else _paragraph_above(page.lines, i)
            if not action:
                continue
            rows.append({"ref": _ref(items, (page.number, i), paragraph), "action": action, "owner": owner,
                         "page": page.number})
    return rows


# The layouts of an action log, read in turn; a reader leaves alone the lines an earlier one read.
READERS = (matrix_actions, owner_column_actions, inline_actions, run_together_actions)


def finished(row: dict, people: People, year: int | None, locale: Locale) -> dict:
    """A reader's row with its owner resolved, its due date read and its status in the log's words."""
    row = {key: value for key, value in row.items() if key != "complete"} | {
        "status": _status(row.get("status"), row.get("complete")),
        "due_date": due_date(row.get("due_date_raw"), year, locale)}
    if "owner_name" not in row:
        row["owner_name"] = _names(resolve(row.get("owner"), people()))
    return row


class ActionsExtractor(Extractor):
    name = "actions"
    produces = ("actions",)

    def extract(self, doc: Document) -> Rows:
        people = cache(partial(people_in_pack, doc))
        taken: Taken = set()
        rows = [row for read in READERS for row in read(doc, people, taken)]
        year, locale = paper_year(doc), analysis_of(doc).locale
        return {"actions": [finished(row, people, year, locale) for row in rows]}
