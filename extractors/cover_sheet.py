"""Report cover sheets and report front pages into ``papers``.

A sheet is a run of label/value pairs. The extractor is a short list of
readers of a paper (``READERS``: a web transcript's sheet, whose labels and
values ran apart; the sheet as printed), tried in turn. Both read lines through
``LABEL_READERS``, one small reader per way a line sets out a label and its
value: table rows ("Title of Paper | ..."), "Label: value" lines, a row's
cells run into a line, a label alone on its line with the value below it, a
ticked purpose with no label. A new layout is a new reader and its test.

Labels are matched fuzzily (pipeline/fuzzy.py) against
``vocab/cover_sheet.toml``. A sheet opens at its first label, runs until the
report's body starts (a heading, a numbered section) and counts only when it
has a title and enough other fields, so strategies, plans and minutes that
merely use a "Date:" or "Subject:" line give no row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.cover_sheet_web import relabelled
from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.cells import BULLET, cell_spans
from pipeline.dates import parse_date
from pipeline.extractor import Extractor, Rows
from pipeline.fuzzy import Labels, label_key
from pipeline.model import Document, Line, Locale, Page, Word
from pipeline.textutil import clean
from pipeline.vocab import load_vocab as load_shared_vocab

_ALNUM = re.compile(r"\w")
_LABEL_COLON = re.compile(r"^(.{1,90}?)\s*[:：]\s*(.*)$")
# a numbered section heading that starts the report's body: "1.0 Background", "2. Introduction"
_SECTION = re.compile(r"^(\d{1,2})(\.\d{1,2})?\.?\s+(\S.*)$")
# a label and its colon inside a value: up to four words before ":"
_INNER_LABEL = re.compile(r"(?<=\s)((?:[\w()'’&/]+\s+){0,3}[\w()'’&/]+)\s*[:：]\s*")
# a label alone on its line is short; one before a colon a little longer
MAX_LABEL_WORDS = 8
MAX_COLON_LABEL_WORDS = 12
# a bold label may carry a few words more ("Recommendations to Council") when it is this long
MIN_QUALIFIED_LABEL = 7
MAX_QUALIFIER_WORDS = 3
# words of a section heading's title
MAX_SECTION_WORDS = 6
# a PDF value line starts within this many points of its value column
COLUMN_SLACK = 6.0
# a purpose option written partly ("For Informa") still counts from this many letters
MIN_OPTION_PREFIX = 6
# fields that hold people's names
NAME_FIELDS = {"author", "authorised_by"}
# a purpose written in more words than this is a sentence, not a list of purposes
MAX_STATED_WORDS = 6
# an option offered on a sheet is at most this many words ("For noting and information")
MAX_OPTION_WORDS = 4
# a label wraps over at most this many lines of its column
MAX_LABEL_LINES = 3
# an item reference written after its label with no colon: "Agenda Item 7", "Item 5.2 (b)", "Enclosure B"
_REFERENCE = re.compile(r"^(?:[A-Z]{1,5}[\s/.-]*)?\d{0,3}(?:[./-]?\w{1,4}){0,3}(?:\s*\(\w{1,4}\))?$")
# a value opening after a label with no colon starts a name, a sentence or a title: a capital or a digit
_VALUE_OPENING = re.compile(r"^(?:the\s+)?([A-Z0-9£$].*)$")
# a title a sheet sets as a heading of its own, without a label, is at most this many words,
# below at least this many labelled values
MAX_TITLE_WORDS = 20
MIN_FIELDS_OVER_TITLE = 2


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("cover_sheet")
    return {
        "labels": Labels(data["fields"]),
        "layout": data["layout"],
        "purposes": {k: [label_key(v) for v in vs] for k, vs in load_shared_vocab("purposes").items()},
        "purpose_labels": Labels(load_shared_vocab("purposes")),
        "choices": {k: [label_key(v) for v in vs] for k, vs in data["choices"].items()},
        "ticks": {t.casefold() for t in data["marks"]["ticks"]},
        "option_ticks": frozenset(t.casefold() for t in data["marks"]["option_ticks"]),
        "boxes": set(data["marks"]["boxes"]),
        # box and tick symbols split a cell: "Approval ☐ Discussion ☒"
        "box_split": re.compile("([" + re.escape("".join(
            c for c in data["marks"]["ticks"] + data["marks"]["boxes"] if len(c) == 1 and not c.isalpha())) + "])"),
        "field_labels": {f: {label_key(v) for v in vs} for f, vs in data["fields"].items()},
    }


# a cell's text and where it sits on its row: x (PDF) or its index (text papers)
Cell = tuple[str, float | None]


@dataclass
class Fragment:
    """Part of a field's value: one row's value cells (or one line of text)."""

    cells: list[str]
    positions: list[float | None]
    underlined: list[str]
    words: list[Word] = field(default_factory=list)  # the line's words, where they stand

    def word_x(self, word: str, after: float | None) -> float | None:
        """Where a word of a cell stands: options set apart by a few spaces share a cell
        ("Approval   Assurance"), and a tick on the row below sits under one of them."""
        if after is None:
            return None
        return next((w.bbox.x0 for w in self.words
                     if w.bbox is not None and w.bbox.x0 >= after - COLUMN_SLACK and w.text == word), after)


@dataclass
class Hit:
    field: str
    value: list[Cell]  # cells of the value on the label's own row
    value_x: float | None = None  # where the value column starts (PDF)
    option: bool = False  # an option of a tick list: under its field's own label, it carries the field on


@dataclass
class Sheet:
    page: int
    fields: dict[str, list[Fragment]] = field(default_factory=dict)
    current: str | None = None
    value_x: float | None = None
    lines: int = 0

    def open(self, hit: Hit, line: Line) -> None:
        if hit.option and self.current == hit.field:
            self.add(hit.value, line)
            return
        # a field labelled twice ("Report Author", later "Author's contact") keeps its first value
        self.current = "other" if hit.field != "other" and self.text(hit.field) else hit.field
        self.value_x = hit.value_x
        self.fields.setdefault(self.current, [])
        if hit.value:
            self.add(hit.value, line)

    def add(self, cells: list[Cell], line: Line) -> None:
        if self.current is not None:
            self.fields[self.current].append(
                Fragment([c for c, _ in cells], [p for _, p in cells], line.underlined, line.words))

    def text(self, name: str) -> str | None:
        text = ""
        for fragment in self.fields.get(name, []):
            glue_next = False
            for cell in fragment.cells:
                cell = BULLET.sub("", clean(cell) or "")
                if not _ALNUM.search(cell):
                    continue
                # a name cut by a column rule ("Andrew Be" | "nnett") is one word again
                glue = glue_next and cell[:1].islower()
                text = f"{text}{cell}" if glue else f"{text} {cell}"
                glue_next = name in NAME_FIELDS and cell[-1:].isalpha()
        return clean(text)


def _junk(cell: str) -> bool:
    return not _ALNUM.search(cell or "")


def _section_heading(line: Line) -> bool:
    if line.heading is not None:
        return True
    match = _SECTION.match(line.text)
    if not match or len(match.group(3).split()) > MAX_SECTION_WORDS or match.group(3).endswith("."):
        return False
    numbered_cell = line.cells is not None and bool(re.fullmatch(r"\d{1,2}(\.\d{1,2})?\.?", line.cells[0]))
    # "2. Background", not "1. Note the report" (a numbered recommendation)
    title_case = all(w[:1].isupper() for w in match.group(3).split() if len(w) > 3)
    return line.bold or numbered_cell or match.group(2) == ".0" or title_case


def _positioned(spans: list[tuple[str, float | None]]) -> list[Cell]:
    """A line's cells (``cell_spans``) placed on their row: by x, else (text papers) by their index."""
    return [(c, x if x is not None else float(k)) for k, (c, x) in enumerate(spans)]


def row_labels(line: Line) -> list[Hit]:
    """A table row, the label in its first cell and the value in the cells beside
    it: "Title of Paper | Winter plan"; several pairs on a row: "Date of Meeting |
    6 July | Agenda Item | 12"; a label opening a longer cell: "Lead Author Jane Roe"."""
    if line.cells is None:
        return []
    labels: Labels = _vocab()["labels"]
    spans = cell_spans(line)
    cells = _positioned(spans)
    filled = [k for k, (c, _) in enumerate(spans) if not _junk(c)]
    if not filled:
        return []
    first = filled[0]
    text = spans[first][0]
    name = labels.whole(text)
    rest = cells[first + 1:]
    if name is None:
        # a label opening a longer cell: many-word labels only
        match = labels.prefix(text)
        if match is None or " " not in match.label:
            return []
        name, rest = match.field, [(match.rest, cells[first][1])] + rest
    value_x = next((x for (c, x) in spans[first + 1:] if not _junk(c)), None)
    hits = [Hit(name, [], value_x)]
    for cell, position in rest:
        other = labels.whole(cell) if len(label_key(cell).split()) >= 2 else None
        colon = _LABEL_COLON.match(cell or "")
        labelled = labels.whole(colon.group(1)) if colon and len(colon.group(1).split()) <= 4 else None
        if other is not None:
            hits.append(Hit(other, []))
        elif labelled is not None:  # "Report to: Cabinet | Date: 12 July 2022"
            hits.append(Hit(labelled, [(colon.group(2), position)] if colon.group(2) else []))
        else:
            hits[-1].value.append((cell, position))
    return hits


def colon_labels(line: Line) -> list[Hit]:
    """A "Label: value" line of text: "Report Title: Winter Plan"; two fields set side
    by side: "Report Title: Winter Plan Agenda Item: 7.2"; a long label: "Summary of
    the key issues the committee is asked to consider:"."""
    match = _LABEL_COLON.match(line.text) if line.cells is None else None
    if not match or len(match.group(1).split()) > MAX_COLON_LABEL_WORDS:
        return []
    labels: Labels = _vocab()["labels"]
    name = labels.whole(match.group(1))
    if name is None and len(match.group(1).split()) > MAX_LABEL_WORDS and not match.group(2):
        prefix = labels.prefix(match.group(1))
        name = prefix.field if prefix else None
    return _pairs_in_value(name, match.group(2)) if name is not None else []


def run_together_labels(line: Line) -> list[Hit]:
    """A row's cells run into one line, as a web transcript prints them: a heading's
    capitalised words, then a label of two words or more and its value: "County
    Health Board Agenda item: 7 (iii) Date of Meeting: 4 May 2011"."""
    match = _LABEL_COLON.match(line.text) if line.cells is None else None
    if not match:
        return []
    words = match.group(1).split()
    for k in range(1, len(words) - 1):
        if not words[k - 1][:1].isupper():
            return []  # a sentence, not a heading
        name = _vocab()["labels"].whole(" ".join(words[k:]))
        if name is not None:
            return _pairs_in_value(name, match.group(2))
    return []


def label_and_reference(line: Line) -> list[Hit]:
    """An item reference after its label with no colon, as NHS trusts stamp a paper's
    first page and councils head a report: "Agenda Item 7", "Item 5.2", "Enclosure B"."""
    if line.cells is not None:
        return []
    match = _vocab()["labels"].prefix(line.text)
    if match is None or match.field != "agenda_item" or not _REFERENCE.match(match.rest.strip()):
        return []
    return [Hit("agenda_item", [(match.rest.strip(), None)])]


def label_opening_line(line: Line) -> list[Hit]:
    """A label of two words or more (or a summary's or recommendation's one word) with no colon, its value after it on the line, as
    web transcripts run a sheet's cells together and councils head a report: "Report of
    the Director of Place", "Executive summary The annual report sets out ...", "Prepared
    by Jane Roe". The value opens with a capital or a figure, so a sentence ("Report of
    the visit was noted") is not a label."""
    if line.cells is not None or line.text.rstrip().endswith(":") or not line.text[:1].isupper():
        return []  # a line opening in lower case goes on a sentence ("approved by the Board, ...")
    # with no colon to end it, the label is matched exactly, longest first: fuzzily "Recommendation
    # The Board" would pass for "Recommendation to the Board"
    words = line.text.split()
    field_of = _vocab()["labels"].field_of
    for n in range(min(MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        key = label_key(" ".join(words[:n]))
        name = field_of.get(key)
        if name is None or (" " not in key and name not in _vocab()["layout"]["open_line_one_word"]):
            continue  # ("Committee – 16 January": one word and a dash)
        value = _VALUE_OPENING.match(" ".join(words[n:]))
        if value is None or name in ("other", "agenda_item"):
            return []
        return [Hit(name, [(value.group(1), None)])]
    return []


def bare_label(line: Line) -> list[Hit]:
    """A label alone on its line, its value on the lines below: "Executive Summary",
    "1. Summary"; a bold or heading label with a few words more: "Recommendations to Council"."""
    if line.cells is not None or len(line.text.split()) > MAX_LABEL_WORDS:
        return []
    labels: Labels = _vocab()["labels"]
    name = labels.whole(line.text)
    if name is not None:
        return [Hit(name, [])]
    # a numbered section naming a field of the sheet ("1. Summary"); other sections end the sheet
    section = _SECTION.match(line.text)
    name = labels.whole(section.group(3)) if section else None
    if name is not None and name != "other":
        return [Hit(name, [])]
    match = labels.prefix(line.text) if line.bold or line.heading else None
    if match and len(match.label) >= MIN_QUALIFIED_LABEL and len(match.rest.split()) <= MAX_QUALIFIER_WORDS:
        return [Hit(match.field, [])]
    return []


def ticked_purpose(line: Line) -> list[Hit]:
    """A tick list of purposes with no label, one option a line, the chosen one
    marked: "√ For decision" over "For information"."""
    if line.cells is not None:
        return []
    words = line.text.split()
    marked = len(words) > 1 and any(_is_tick(w) or w in _vocab()["boxes"] for w in (words[0], words[-1]))
    return [Hit("purpose", [(line.text, None)], option=True)] if marked and _purpose_of(
        " ".join(w for w in words if not (_is_tick(w) or w in _vocab()["boxes"]))) else []


# The layouts of a label and its value on a line, tried in turn: the first that gives labels wins.
LABEL_READERS = (row_labels, colon_labels, run_together_labels, label_and_reference, bare_label,
                 label_opening_line, ticked_purpose)


def _hits(line: Line) -> list[Hit]:
    """The labels a line holds, each with the value written beside it."""
    return next(filter(None, (read(line) for read in LABEL_READERS)), [])


def _pairs_in_value(name: str, value: str) -> list[Hit]:
    """A "Label: value" line, split where another known label with its colon follows on the line
    ("Report Title: Winter Plan Agenda Item: 7.2": two fields set side by side)."""
    labels: Labels = _vocab()["labels"]
    for match in _INNER_LABEL.finditer(value):
        words = match.group(1).split()
        # the label is the last words before the colon ("Plan Agenda Item": "Agenda Item")
        for k in range(len(words)):
            label = " ".join(words[k:])
            other = labels.whole(label) if label[:1].isupper() else None
            if other not in _vocab()["layout"]["inner_one_word"] and k == len(words) - 1:
                other = None  # "Title: Update on Finance: Month 9" is one title
            if other is not None:
                head = value[:match.start(1)] + " ".join(words[:k])
                rest = value[match.end():]
                if not _ALNUM.search(head):
                    break
                return [Hit(name, [(head, None)])] + _pairs_in_value(other, rest)
    return [Hit(name, [(value, None)] if value else [])]


def _continuation(line: Line, sheet: Sheet) -> list[Cell] | None:
    """The value cells a non-label line adds to the open field (None: the line is another, unknown label)."""
    if line.cells is not None:
        spans = cell_spans(line)
        if sheet.value_x is not None and spans and not _junk(spans[0][0]):
            x = spans[0][1]
            if x is None or x < sheet.value_x - COLUMN_SLACK:
                return None  # text in the label column: a label we do not know
        return _positioned(spans)
    if sheet.value_x is not None and line.bbox is not None and line.bbox.x0 < sheet.value_x - COLUMN_SLACK:
        return None
    # where the line stands: a tick alone under one of the options above it marks that one
    return [(line.text, line.bbox.x0 if line.bbox is not None else None)]


def _label_column(line: Line, sheet: Sheet) -> tuple[str, list[Cell]] | None:
    """A line split at the sheet's value column: (label-column text, value cells)."""
    spans = cell_spans(line)
    if line.cells is None:
        if line.bbox is None or sheet.value_x is None or line.bbox.x0 >= sheet.value_x - COLUMN_SLACK:
            return None
        return line.text, []
    head, x = spans[0]
    if _junk(head) or (sheet.value_x is not None and x is not None and x >= sheet.value_x - COLUMN_SLACK):
        return None
    return head, _positioned(spans)[1:]


def _wrapped_label(lines: list[Line], k: int, sheet: Sheet) -> tuple[Hit, int] | None:
    """A label that wraps over lines of the label column ("Executive" / "Summary"),
    with the value beside it put back in reading order; and how many lines it takes."""
    labels: Labels = _vocab()["labels"]
    parts, values = [], []
    for j in range(k, min(k + MAX_LABEL_LINES, len(lines))):
        split = _label_column(lines[j], sheet)
        if split is None:
            return None
        parts.append(split[0])
        values += split[1]
        name = labels.whole(" ".join(parts)) if j > k else None
        if name:
            return Hit(name, values, sheet.value_x), j - k + 1
    return None


def _purpose_of(text: str) -> str | None:
    """The purpose an option states, matched as every label is (pipeline/fuzzy.py), or
    written partly: "For Informa", cut by the cell's edge."""
    key = label_key(text)
    if not key:
        return None
    return _vocab()["purpose_labels"].whole(key) or next(
        (purpose for purpose, variants in _vocab()["purposes"].items() for variant in variants
         if len(key) >= MIN_OPTION_PREFIX and variant.startswith(key) and " " in variant), None)


def _choice_of(text: str) -> str | None:
    key = label_key(text)
    for choice, variants in _vocab()["choices"].items():
        if key in variants:
            return choice
    return None


def _is_tick(text: str, letters: frozenset[str] = frozenset()) -> bool:
    """A tick mark; ``letters``: words that tick an option too ("Y" beside a purpose, not in a Yes/No row)."""
    # compared as printed: folding accents would make the Wingdings tick "ý" a "y"
    mark = (clean(text) or "").casefold()
    return mark in _vocab()["ticks"] or mark in letters


@dataclass
class Token:
    """A piece of an option row: an option, a box (ticked or not) or other text."""

    kind: str  # "option", "box" or "text"
    value: str | bool
    position: float | None


def _options_and_ticks(words: list[str], options_in, letters: frozenset[str],
                       position: float | None, fragment: Fragment) -> list[Token] | None:
    """Several options with their ticks written in one cell ("For Approval Y For Assurance For Information Y"),
    or None when the words hold anything else."""
    tokens, k = [], 0
    while k < len(words):
        if _junk(words[k]):  # "Approval / Assurance"
            k += 1
            continue
        if _is_tick(words[k], letters) or words[k] in _vocab()["boxes"]:
            tokens.append(Token("box", _is_tick(words[k], letters), position))
            k += 1
            continue
        # the shortest run of words that is an option, so that a tick after it is not read into it
        n, options = next(((n, o) for n in range(1, min(MAX_OPTION_WORDS, len(words) - k) + 1)
                           if (o := options_in(" ".join(words[k:k + n])))), (0, None))
        if not options:
            return None
        at = fragment.word_x(words[k], position)
        tokens += [Token("option", o, at) for o in options]
        position = at if at is not None else position
        k += n
    return tokens if sum(t.kind == "option" for t in tokens) > 1 else None


def _tokens(fragment: Fragment, options_in, letters: frozenset[str] = frozenset()) -> list[Token]:
    tokens: list[Token] = []
    for cell, position in zip(fragment.cells, fragment.positions):
        for piece in _vocab()["box_split"].split(cell or ""):
            words = piece.split()
            if not words:
                continue
            if len(words) == 1 and (_is_tick(words[0], letters) or words[0] in _vocab()["boxes"]):
                tokens.append(Token("box", _is_tick(words[0], letters), position))
                continue
            run = _options_and_ticks(words, options_in, letters, position, fragment) if len(words) > 2 else None
            if run:
                tokens += run
                continue
            # a tick written inside the option's cell: "X For Decision", "For Decision X"
            lead = len(words) > 1 and _is_tick(words[0], letters)
            trail = len(words) > 1 and _is_tick(words[-1], letters)
            words = words[1 if lead else 0:len(words) - (1 if trail else 0)]
            text = " ".join(words)
            if lead:
                tokens.append(Token("box", True, position))
            options = options_in(text)
            if options:
                tokens += [Token("option", o, position) for o in options]
            elif not _junk(text) and not (tokens and tokens[-1].kind == "option" and text[:1].islower()):
                tokens.append(Token("text", text, position))  # ("For Discus" | "sion": the rest of a word)
            if trail:
                tokens.append(Token("box", True, position))
    return tokens


def _marked(fragments: list[Fragment], options_in, underlined_option,
            letters: frozenset[str] = frozenset()) -> tuple[list[str], list[str], bool]:
    """Options offered, options ticked (the box beside each, or below it) or
    underlined, and whether the rows hold other text."""
    offered, chosen, underlined, other = [], [], [], False
    rows = [_tokens(f, options_in, letters) for f in fragments]
    for r, (fragment, tokens) in enumerate(zip(fragments, rows)):
        options = [k for k, t in enumerate(tokens) if t.kind == "option"]
        boxes = [k for k, t in enumerate(tokens) if t.kind == "box"]
        other = other or any(t.kind == "text" for t in tokens)
        offered += [tokens[k].value for k in options]
        underlined += [o for o in map(underlined_option, fragment.underlined) if o]
        if options and boxes:
            # boxes written before their options, or after them
            side = -1 if boxes[0] < options[0] else 1
            chosen += [tokens[k].value for k in options
                       if 0 <= k + side < len(tokens) and tokens[k + side].kind == "box" and tokens[k + side].value]
        elif options and r + 1 < len(rows) and rows[r + 1] and all(t.kind == "box" for t in rows[r + 1]):
            # ticks on the row below, each under its option
            for box in rows[r + 1]:
                if box.value and box.position is not None:
                    nearest = min(options, key=lambda k: abs((tokens[k].position or 0.0) - box.position))
                    chosen.append(tokens[nearest].value)
    # every option underlined is a table's rules under its cells, not a choice
    if len(set(offered)) < 2 or not set(offered) <= set(underlined):
        chosen += underlined
    return offered, chosen, other


def _purposes_in(text: str) -> list[str] | None:
    purpose = _purpose_of(text)
    return [purpose] if purpose else None


def _purpose(sheet: Sheet, name: str = "purpose") -> str | None:
    """The ticked or underlined options of a tick list; else the purposes the value states."""
    offered, chosen, _ = _marked(sheet.fields.get(name, []), _purposes_in, _purpose_of,
                                 _vocab()["option_ticks"])
    if chosen:
        return ";".join(dict.fromkeys(chosen))
    if len(set(offered)) > 1:
        return None  # a tick list with nothing ticked
    text = label_key(sheet.text(name) or "")
    # in a sentence ("... following the decision in March") only a phrase states a purpose ("to approve")
    short = len(text.split()) <= MAX_STATED_WORDS
    stated = [p for p, variants in _vocab()["purposes"].items()
              if any(re.search(rf"\b{re.escape(v)}\b", text) for v in variants if short or " " in v)]
    return ";".join(stated) or None


def _asked_in_a_sentence(sheet: Sheet) -> str | None:
    """What the sheet asks of the meeting, written as a sentence ("Action required: The
    board is asked to approve ..."): the recommendation (a phrase, "For approval", is a purpose)."""
    text = sheet.text("asked")
    return text if text and len(text.split()) > MAX_STATED_WORDS else None


def _options(cell: str) -> list[str] | None:
    """The Yes/No options a cell holds ("Yes", "Yes No"), or None when it holds other text."""
    whole = _choice_of(cell)
    if whole:
        return [whole]
    words = [_choice_of(w) for w in cell.split()]
    return words if words and all(words) else None


def _underlined_choice(text: str) -> str | None:
    """An underlined answer, even when only its first letters are underlined ("<u>Y</u> es")."""
    key = label_key(text)
    return next((c for c, vs in _vocab()["choices"].items() if key and any(v.startswith(key) for v in vs)), None)


def _choice(sheet: Sheet, name: str, free_text: bool) -> str | None:
    """A Yes/No/Not Applicable answer: the marked option, the only one given, or the stated text."""
    offered, chosen, other = _marked(sheet.fields.get(name, []), _options, _underlined_choice)
    if chosen:
        return chosen[0]
    if offered and not other:
        return offered[0] if len(set(offered)) == 1 else None
    return sheet.text(name) if free_text else None


def _risk(sheet: Sheet) -> str | None:
    """The risk text; none when the sheet answers No to "Risk identified"."""
    identified = _choice(sheet, "risk_identified", free_text=True)
    if identified in ("no", "not applicable"):
        return None
    offered, _, other = _marked(sheet.fields.get("risk", []), _options, _underlined_choice)
    if offered and not other:
        return None  # "Risk: No", "Risk: ☒ Yes ☐ No": an answer, no risk written
    text = sheet.text("risk")
    if text and label_key(text) not in _vocab()["field_labels"]["risk"]:
        return text
    # "Risk Identified | <the risk>": the answer is the risk itself
    return identified if identified and identified not in _vocab()["choices"] else None


def _row(sheet: Sheet, locale: Locale) -> dict | None:
    layout = _vocab()["layout"]
    title = sheet.text("title")
    filled = [f for f in layout["content"] if sheet.text(f)]
    if not title or len(filled) < layout["min_content"]:
        return None
    return {
        "title": title,
        "meeting_date": (parse_date(sheet.text("meeting_date"), locale.date_order, locale.language)
                         or parse_date(sheet.text("report_to"), locale.date_order, locale.language)),
        "agenda_item": sheet.text("agenda_item"),
        "author": sheet.text("author") or sheet.text("author_director") or sheet.text("author_fallback"),
        "purpose": _purpose(sheet) or _purpose(sheet, "asked"),
        "executive_summary": sheet.text("executive_summary"),
        "recommendations": sheet.text("recommendations") or _asked_in_a_sentence(sheet),
        "financial_implications": _choice(sheet, "financial_implications", free_text=True),
        "risk": _risk(sheet),
        "authorised_by": sheet.text("authorised_by"),
        "page": sheet.page,
    }


def _unlabelled_title(line: Line, page: Page, sheet: Sheet) -> bool:
    """A council committee report's front: the title set as a heading of its own (capitals,
    bold, centred) below the labelled lines, with no label: "Report to: Cabinet" / "Report
    of: Director of Place" / "LOCAL CYCLING AND WALKING PLAN". Read only for a sheet with no
    title yet, below a block of labelled values that address a meeting (an annual report's
    "Report of the Directors" over its bold headings, an assessment form's "Responsible
    Officer" over its sections, is no sheet), once the field before it has its value."""
    text = line.text.strip()
    if sheet.text("title") or not sheet.current or not sheet.text(sheet.current) or not _ALNUM.search(text):
        return False
    # it follows the block's short values, not a recommendation running on in capitals, and opens as a title does
    if sheet.current not in (*_vocab()["layout"]["opening"], "other") or not text[:1].isupper():
        return False
    # ... and heads the report, over its summary and recommendations (not an agenda's next item below them)
    if sheet.text("executive_summary") or sheet.text("recommendations"):
        return False
    if sum(1 for name in sheet.fields if name != "other" and sheet.text(name)) < MIN_FIELDS_OVER_TITLE \
            or not (sheet.text("report_to") or sheet.text("meeting_date")):
        return False
    if len(text.split()) > MAX_TITLE_WORDS or text.endswith((".", ":", ";", ",")):
        return False
    return bool(line.heading or line.bold or page.centres(line) or (text.isupper() and len(text.split()) > 1))


def printed_sheets(doc: Document) -> list[dict]:
    """Cover sheets as printed, label beside or above its value: "Title of Report |
    Winter plan", "Author: Jane Roe, Director of Finance", "Executive Summary" over its text."""
    layout = _vocab()["layout"]
    rows: list[dict] = []
    sheet: Sheet | None = None

    def close() -> None:
        nonlocal sheet
        if sheet is not None:
            row = _row(sheet, analysis_of(doc).locale)
            if row:
                rows.append(row)
        sheet = None

    skip = analysis_of(doc).furniture  # running headers and footers interrupt a sheet that runs over a page
    for page in doc.pages:
        lines, k = page.lines, 0
        first_label_on_page = True
        while k < len(lines):
            line, taken = lines[k], 1
            if (page.number, k) in skip:
                k += 1
                continue
            hits = _hits(line)
            if sheet is not None:
                sheet.lines += 1
                if (not hits and _section_heading(line)) or sheet.lines > layout["max_lines"]:
                    close()
            if not hits and sheet is not None and _continuation(line, sheet) is None:
                wrapped = _wrapped_label(lines, k, sheet)
                if wrapped:
                    hits, taken = [wrapped[0]], wrapped[1]
            if hits:
                first = hits[0].field
                # the next report's sheet: its title or meeting labelled again, or, atop a new page of a
                # pack, any label the sheet has filled ("Agenda Item 8" stamped over the next report)
                again = sheet is not None and sheet.text(first) and (first in layout["reopening"] or (
                    first_label_on_page and first in layout["opening"] and page.number > sheet.page))
                first_label_on_page = False
                if again:
                    close()
                elif sheet is not None and first in layout["opening"] and not sheet.text("title") \
                        and sheet.lines > layout["title_within"]:
                    close()  # a false start ("Date:" atop an agenda) long before this sheet
                elif sheet is not None and (line.heading or line.bold) and first != "other" \
                        and all(sheet.text(h.field) for h in hits):
                    close()  # the report's own "Executive Summary" heading after its sheet
                if sheet is None and first in layout["opening"]:
                    sheet = Sheet(page.number)
                if sheet is not None:
                    for hit in hits:
                        sheet.open(hit, line)
            elif sheet is not None and _unlabelled_title(line, page, sheet):
                sheet.open(Hit("title", [(line.text, None)]), line)
                sheet.open(Hit("other", []), line)  # the lines below it are the report's, not the title's
            elif sheet is not None:
                cells = _continuation(line, sheet)
                if cells is None:
                    sheet.open(Hit("other", []), line)
                else:
                    sheet.add(cells, line)
            k += taken
    close()
    return rows


def web_transcript_sheets(doc: Document) -> list[dict]:
    """Cover sheets copied from a web page, a run of labels ("Title of Report:" /
    "Status:" / "Author:") over their values in the same order, or headed by a
    site's title line: read once the values are put back beside their labels."""
    tidied = relabelled(doc)
    return printed_sheets(tidied) if tidied is not None else []


# The layouts of a paper's cover sheets, tried in turn: the first that gives rows wins.
READERS = (web_transcript_sheets, printed_sheets)


class CoverSheetExtractor(Extractor):
    name = "cover_sheet"
    produces = ("papers",)

    def extract(self, doc: Document) -> Rows:
        return {"papers": next(filter(None, (read(doc) for read in READERS)), [])}
