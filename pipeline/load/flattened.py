"""Financial tables flattened into running text.

A transcription site's text of a PDF finance report (NHS clinical
commissioning groups' and trusts' finance dashboards on document-sharing
sites) can set a whole table as one paragraph: its header words, a row of
units, then each row's label followed by its figures, a label wrapped in its
cell carrying on after the figures ("Programme expenditure does not exceed
329,983 330,428 -445 R ... programme allocation").

The text loader sets such a paragraph out again as the rows of a table (a
tab-separated text table, as a text paper's tables are), so every extractor
and the ``tables`` output read it: a group header over repeated columns ("Year to Date" over "Target
Actual Variance RAG", again under "Forecast Outturn"), the units folded into
the column header, one row per run of figures. A row with fewer figures than
columns fills the columns from the left (the blank cells left no trace).
Nothing changes unless the paragraph has a row of units and at least two
rows that fill every column.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.model import Line, Page, Table
from pipeline.numbers import parse_figure
from pipeline.textutil import fold
from pipeline.units import is_unit_mark
from pipeline.vocab import load_vocab

# A flattened table: at least this many columns, rows that fill them all, words in its paragraph.
MIN_COLUMNS = 3
MIN_FULL_ROWS = 2
MIN_WORDS = 30
# Words of a label's header before the unit row ("Indicator", "Key measure").
MAX_LABEL_HEADER_WORDS = 3
MAX_TITLE_WORDS = 8
_COMPARISON = re.compile(r"^[<>≤≥]\s*\d")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("web_pages")["flattened_table"]
    return {"status": set(data["status_cells"]),
            "groups": sorted((fold(g).split() for g in data["column_groups"]), key=len, reverse=True)}


def _figure(token: str) -> bool:
    return bool(parse_figure(token)) and not is_unit_mark(token)  # "£000" is a unit mark, not a figure


def _is_cell(token: str) -> bool:
    return _figure(token) or token in _vocab()["status"] or bool(_COMPARISON.match(token))


def _runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the runs of cell tokens holding two figures or more."""
    runs, k = [], 0
    while k < len(tokens):
        if not _figure(tokens[k]):
            k += 1
            continue
        end = k
        while end < len(tokens) and _is_cell(tokens[end]):
            end += 1
        if sum(1 for t in tokens[k:end] if _figure(t)) >= 2:
            runs.append((k, end))
        k = max(end, k + 1)
    return runs


def _repeat(words: list[str]) -> int:
    """How many times a sequence repeats a shorter one ("Plan Actual Plan Actual": 2), else 1."""
    n = len(words)
    for period in range(1, n):
        if n % period == 0 and n // period > 1 and words == words[:period] * (n // period):
            return n // period
    return 1


def _groups(words: list[str], count: int) -> tuple[list[str], int] | None:
    """The names of ``count`` column groups ending ``words`` (known phrases, read from the end),
    and where the first begins."""
    names: list[str] = []
    end = len(words)
    for _ in range(count):
        folded = [fold(w) for w in words[:end]]
        phrase = next((g for g in _vocab()["groups"] if folded[len(folded) - len(g):] == g), None)
        if phrase is None:
            return None
        names.insert(0, " ".join(words[end - len(phrase):end]))
        end -= len(phrase)
    return names, end


def _title(words: list[str]) -> str | None:
    """The title before a table's header: the last words that start with a capital, hold no figure or colon."""
    title: list[str] = []
    for word in reversed(words):
        if any(c.isdigit() for c in word) or word.endswith(":") or len(title) >= MAX_TITLE_WORDS:
            break
        title.insert(0, word)
    while title and not title[0][:1].isupper():
        title.pop(0)
    return " ".join(title) or None


def _cells(text: str) -> Line:
    return Line(text=text.replace("\t", " "), cells=text.split("\t"), unstyled=True)


def _unflattened(line: Line) -> list[Line] | None:
    tokens = line.text.split()
    if line.cells is not None or len(tokens) < MIN_WORDS:
        return None
    runs = _runs(tokens)
    if not runs:
        return None
    n = max(end - start for start, end in runs)
    if n < MIN_COLUMNS or sum(1 for start, end in runs if end - start == n) < MIN_FULL_ROWS:
        return None
    first = runs[0][0]
    # the unit row: the last n tokens before the first row's label, half of them unit marks
    last_unit = max((k for k in range(first) if is_unit_mark(tokens[k])), default=None)
    if last_unit is None or last_unit + 1 < n:
        return None
    # the row may end in a word under a status column ("£000 £000 rating"): the row that repeats as the header does
    ends = [e for e in range(last_unit + 1, min(last_unit + 1 + n // 2, first) + 1) if e >= n]
    unit_end = next((e for e in ends if _repeat(tokens[e - n:e]) > 1), last_unit + 1)
    units = tokens[unit_end - n:unit_end]
    if sum(1 for u in units if is_unit_mark(u)) * 2 < n:
        return None
    before = tokens[:unit_end - n]
    header = None
    for label_words in range(MAX_LABEL_HEADER_WORDS + 1):
        cut = len(before) - label_words
        names = before[cut - n:cut] if cut >= n else []
        count = _repeat(names) if names else 1
        groups = _groups(before[:cut - n], count) if count > 1 else None
        if groups:
            header = (names, groups[0], before[cut:], groups[1])
            break
    if header is None:
        return None
    names, group_names, label_header, group_start = header
    per_group = n // len(group_names)
    title = _title(before[:group_start])
    out = [Line(text=" ".join(before[:group_start]), unstyled=True)] if group_start else []
    if title:
        out.append(Line(text=title, unstyled=True))
    out.append(_cells("\t".join([""] + [g if c % per_group == 0 else "" for g in group_names
                                         for c in range(per_group)])))
    out.append(_cells("\t".join([" ".join(label_header)] + [f"{name} {unit}" for name, unit in zip(names, units)])))
    label_start = unit_end
    rows: list[list[str]] = []
    for k, (start, end) in enumerate(runs):
        label = tokens[label_start:start]
        if rows:
            carried = 0  # a label wrapped in its cell carries on after the figures, in lower case
            while carried < len(label) and label[carried][:1].islower():
                carried += 1
            rows[-1][0] += "".join(f" {w}" for w in label[:carried])
            label = label[carried:]
        rows.append([" ".join(label)] + tokens[start:end] + [""] * (n - (end - start)))
        label_start = end
    tail = tokens[label_start:]
    carried = 0
    while carried < len(tail) and tail[carried][:1].islower():
        carried += 1
    rows[-1][0] += "".join(f" {w}" for w in tail[:carried])
    out.extend(_cells("\t".join(row)) for row in rows if row[0])
    if tail[carried:]:
        out.append(Line(text=" ".join(tail[carried:]), unstyled=True))
    return out


def set_out(page: Page) -> Page | None:
    """The page with its flattened tables set out as table rows, or None when it has none."""
    lines: list[Line] = []
    changed = False
    for line in page.lines:
        table = _unflattened(line)
        changed = changed or table is not None
        lines.extend(table or [line])
    if not changed:
        return None
    # the rows set out are tab-separated rows, as a text paper's: their runs are its tables
    tables, start = list(page.tables), None
    for index, line in enumerate([*lines, Line(text="")]):
        if line.cells is not None and start is None:
            start = index
        elif line.cells is None and start is not None:
            rows = [[c or None for c in row.cells] for row in lines[start:index]]
            tables.append(Table(rows=rows, page=page.number, method="tsv", first_line=start))
            start = None
    return replace(page, lines=lines, tables=tables)
