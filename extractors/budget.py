"""Financial tables into tidy budget lines: one row per figure of a budget,
expenditure, income, funding, savings, capital or staffing table.

Tables are read from the tables the core found (``page.tables``, the ``tables``
output: each figure keeps its cell, ``table_id``/``row``/``col``), or, on a PDF page
where reading its lines again gives more (``budget_grid``: word positions), from its
lines (a figure then keeps the cell of the core's table that holds it, when one does).
Each table gets its title (the heading or intro sentence above it, else its header's
first cell), its column labels from the stacked header ("2025-26" + "Core" ->
"2025-26 Core"), units from the header, caption or cells, and totals flagged by label
or arithmetic.
A table with no currency stated and no financial words is not a budget.
Vocabularies are data: ``vocab/budget.toml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.budget_grid import (Grid, GridRow, borrow_header, is_empty_cell, locate_cells, pdf_grids, period_in,
                                    table_grids, without_filler)
from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.budget_columns import COLUMN_KEY
from pipeline.extractor import Extractor, Rows
from pipeline.garbled import is_garbled
from pipeline.model import Document, Line, Page
from pipeline.numbers import parse_figure
from pipeline.textutil import clean, fold
from pipeline.units import CURRENCY, Unit, unit_in, unit_named

# How far back (lines) a table's title is looked for.
TITLE_LOOKBACK = 80
# A title is a short line.
MAX_TITLE_WORDS = 15
MAX_INTRO_WORDS = 25
# A styled heading wraps onto at most this many lines below it, closer than this many line heights.
MAX_WRAPPED = 2
WRAP_GAP = 0.5
# Lines just above a table that may state its unit ("All figures in £m").
CAPTION_LINES = 3
# Two figures agree when within this share (rounding in printed totals).
SUM_TOLERANCE = 0.005
# Section numbering before a title: "2.16 ", "3b | ", "a) ", "iv. " (not a year: "2013 Budget").
_NUMBERING = re.compile(r"^(\d{1,2}[a-z]?(\.\d{1,2})*|[a-z]\)|[ivx]+\.)\.?\s+(\|\s+)?", re.I)
# A table whose labels have this share of garbled words is not read: its labels would be junk.
MAX_GARBLED_SHARE = 0.2


# A header part says something when it holds two letters or digits running (not OCR specks "i", "_", ".").
_WORDLIKE = re.compile(r"[^\W_]{2}")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("budget")
    return {
        "unit_caption": re.compile(data["unit_caption"]["pattern"]),
        "financial": re.compile(data["financial"]["keywords"]),
        "not_financial": re.compile(data["financial"]["not_financial"]),
        "total": re.compile(data["totals"]["pattern"]),
        "generic": re.compile(data["titles"]["generic"]),
        "intro_stops": re.compile(data["titles"]["intro_stops"], re.I),
        "intro_articles": re.compile(data["titles"]["intro_articles"], re.I),
    }


@dataclass
class Table:
    """A grid with what it means: title, column labels and units, whether it is a budget."""

    grid: Grid
    title: str | None
    labels: list[str | None]
    units: list[Unit | None]  # per column
    unit: Unit | None  # for the whole table
    currency: str | None = None  # the one currency sign printed in the cells ("$")


def _column(parts: list[str]) -> tuple[str | None, Unit | None]:
    """A column's label and unit from its header parts, top to bottom."""
    unit, words = None, []
    for part in parts:
        found = unit_in(part)
        if found:
            unit = unit or found[0]
            if not found[0].names_column:  # "Posts", "Interest Rate" name the column; "£m", "%" only measure it
                part = part[:found[1].start()] + part[found[1].end():]
        part = clean(without_filler(part).strip(" ()"))
        if part and _WORDLIKE.search(part) and not _vocab()["unit_caption"].match(fold(part)):
            words.append(part)
    return clean(" ".join(words)), unit


# ---------------------------------------------------------------- titles

def _tab_separated_row(page: Page, index: int, grid_line: int) -> bool:
    """Is line ``index`` of a text page a row of another tab-separated table than
    the one holding line ``grid_line`` (a grid's rows above its header are its own)?"""
    return any(t.method == "tsv" and t.first_line <= index < t.first_line + t.n_rows
               and not t.first_line <= grid_line < t.first_line + t.n_rows for t in page.tables)


def _is_heading(line: Line, page_width: float | None) -> bool:
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or line.cells is not None:
        return False
    if text.endswith((".", ",", ";")) or text[0] in "-•*(" or text[0].islower():
        return False
    if page_width and line.bbox and line.bbox.x0 > page_width / 2:
        return False  # a stamp in the margin ("INDICATIVE FOR PLANNING PURPOSES")
    if line.unstyled:
        return True  # a text paper's line is a paragraph: a short one is a heading
    return line.bold or bool(line.heading)


def _with_wrapped(lines: list[Line], i: int, stop: int) -> str:
    """A styled heading with the lines it wraps onto (same style, no gap), up to line ``stop``."""
    text = lines[i].text
    for below, above in zip(lines[i + 1:min(i + 1 + MAX_WRAPPED, stop)], lines[i:]):
        if below.bbox is None or not (below.bold and above.bold) or \
                below.bbox.top - above.bbox.bottom > WRAP_GAP * (above.bbox.bottom - above.bbox.top):
            break
        text += " " + below.text
    return text


def _intro_title(text: str) -> str | None:
    """ "2.16 The staffing establishment as budgeted for 2023/24 is:" -> "Staffing establishment"."""
    vocab = _vocab()
    text = _NUMBERING.sub("", text.strip())
    if not text.endswith(":") or len(text.split()) > MAX_INTRO_WORDS:
        return None
    text = vocab["intro_articles"].sub("", text.rstrip(":"))
    stop = vocab["intro_stops"].search(text)
    phrase = (text[:stop.start()] if stop else text).strip()
    return phrase[:1].upper() + phrase[1:] if phrase else None


def _title(doc: Document, grid: Grid, skip: frozenset[tuple[int, int]]) -> str | None:
    generic = _vocab()["generic"]
    seen = 0
    for page in reversed(doc.pages[:grid.page]):
        start = grid.first_line - 1 if page.number == grid.page else len(page.lines) - 1
        for i in range(start, -1, -1):
            if (page.number, i) in skip:
                continue
            line = page.lines[i]
            seen += 1
            if seen > TITLE_LOOKBACK:
                return grid.header_label
            if seen == 1:
                if _tab_separated_row(page, i, grid.first_line if page.number == grid.page else -1):
                    return grid.header_label  # right under another table: its own header names it
                intro = _intro_title(line.text)
                if intro:
                    return intro
            if _is_heading(line, page.width) and not generic.match(fold(line.text).strip(" :")):
                stop = grid.first_line if page.number == grid.page else len(page.lines)
                return clean(_NUMBERING.sub("", _with_wrapped(page.lines, i, stop)))
    return grid.header_label


# ---------------------------------------------------------------- tables

def _describe(doc: Document, grid: Grid, skip: frozenset[tuple[int, int]]) -> Table:
    labels, units = [], []
    for parts in grid.columns:
        label, unit = _column(parts)
        labels.append(label)
        units.append(unit)
    stated = {u for u in units if u}
    if len(stated) == 1 and (next(iter(stated)).is_currency or next(iter(stated)).is_scale):
        units = [stated.pop()] * len(units)  # a unit printed over some columns only ("($ thousands)") holds for all
    title = grid.caption or _title(doc, grid, skip)
    table_unit = None
    page = doc.pages[grid.page - 1]
    above = [line.text for line in page.lines[max(grid.first_line - CAPTION_LINES, 0):grid.first_line]
             if len(line.text.split()) <= MAX_TITLE_WORDS]
    for text in (grid.header_label, title, *reversed(above)):
        found = unit_in(text)
        if found:
            table_unit = found[0]
            break
    signs = {f.unit for r in grid.rows for v in r.values.values() if (f := parse_figure(v)) and f.unit}
    currency = signs.pop() if len(signs) == 1 and CURRENCY.match(next(iter(signs))) else None
    return Table(grid, title, labels, units, table_unit, currency)


def _scaled(unit: Unit | None, currency: str | None) -> Unit | None:
    """A bare scale ("'000") with the table's currency ("$") is that currency's unit ("$'000")."""
    if unit is None or not unit.is_scale or not currency:
        return unit
    return unit_named(currency + unit.name) or unit


def _is_financial(table: Table, lang: str | None) -> bool:
    vocab = _vocab()
    grid = table.grid
    if is_garbled(" ".join([r.label for r in grid.rows if r.label] + [table.title or ""]).split(), MAX_GARBLED_SHARE):
        return False
    figures = [parse_figure(v, lang) for r in grid.rows for v in r.values.values()]
    figures = [f for f in figures if f]
    if len(figures) < 2 or (not grid.has_header and sum(1 for r in grid.rows if r.values) < 2):
        return False  # a figure or a line of figures in prose is not a table
    figure_columns = {c for r in grid.rows for c in r.values}
    if sum(1 for f in figures if f.unit == "%") * 2 > len(figures) or \
            all(c < len(table.units) and table.units[c] and table.units[c].name == "%" for c in figure_columns):
        return False  # rates and shares, not money
    # a currency stated in the header or the cells makes a budget; one in the
    # title or caption only when the table has a header of its own
    stated = [u for u in table.units if u] + [u for u in (unit_named(f.unit) for f in figures) if u]
    if grid.has_header and table.unit:
        stated.append(table.unit)
    if any(u.is_currency for u in stated):
        return True
    about = fold(" ".join(filter(None, [table.title, grid.header_label, *table.labels])))
    if vocab["not_financial"].search(about):
        return False
    words = fold(" ".join([about, *(r.label or "" for r in grid.rows)]))
    return grid.has_header and bool(vocab["financial"].search(words))


def _is_total(row: GridRow, earlier: list[tuple[GridRow, bool]], lang: str | None) -> bool:
    """A total by its label, or by being the sum of the rows above it (since the last total)."""
    if not row.label:
        return True
    if _vocab()["total"].search(fold(row.label)):
        return True
    block = []
    for other, total in reversed(earlier):
        if total:
            break
        block.append(other)
    checked = 0
    for column, text in row.values.items():
        figure = parse_figure(text, lang)
        if figure is None or figure.unit == "%":
            continue  # shares do not add up
        parts = [parse_figure(r.values[column], lang) for r in block if column in r.values]
        parts = [p.value for p in parts if p]
        if len(parts) < 2 or abs(sum(parts) - figure.value) > SUM_TOLERANCE * max(abs(figure.value), 1):
            return False
        checked += 1
    return checked > 0


def _lines_of(table: Table, lang: str | None) -> list[dict]:
    rows, earlier = [], []
    for row in table.grid.rows:
        if not row.values:
            continue
        total = _is_total(row, earlier, lang)
        earlier.append((row, total))
        for column, text in sorted(row.values.items()):
            figure = None if is_empty_cell(text) else parse_figure(text, lang)
            if figure is None:
                continue
            unit = (table.units[column] if column < len(table.units) else None) or unit_named(figure.unit) \
                or table.unit
            unit = _scaled(unit, table.currency)
            label = table.labels[column] if column < len(table.labels) else None
            cell = row.cells.get(column, (None, None, None))
            rows.append({
                "table_title": table.title, "row_label": row.label, "column_label": label,
                "period": period_in(label) or period_in(table.title), "value": figure.value,
                "unit": unit.name if unit else None,
                "value_gbp": figure.value * unit.scale_gbp if unit and unit.scale_gbp else None,
                "is_total": total, "page": row.page, COLUMN_KEY: column,
                "table_id": cell[0], "row": cell[1], "col": cell[2],
            })
    return rows


def _opens_page(doc: Document, grid: Grid, skip: frozenset[tuple[int, int]]) -> bool:
    """Nothing but furniture stands above the grid on its page."""
    return all((grid.page, i) in skip for i in range(grid.first_line))


def _page_grids(page: Page, lang: str | None, skip: set[int]) -> list[Grid]:
    """A page's grids, read from the tables the core found on it (``table_grids``: each figure
    keeps its cell), unless, on a PDF page, reading its lines again gives more figures under a
    heading, or as many with more heading words over them, or more figures (``skip``: furniture
    lines): rows of figures set apart from their labels (``pdf_grids``), kept for the unruled
    layouts the stream finder still misreads (an OCR'd scan's forms, a table running on to a
    page in two rows without its header, headings of neighbouring columns set close); their
    figures keep the cells of the core's tables that hold them (``locate_cells``)."""
    core = table_grids(page, lang)
    if any(table.method == "tsv" for table in page.tables):
        return core  # a text paper's tab-separated tables are read whole by the loader
    lines = pdf_grids(page, lang, skip)
    if _read(core) >= _read(lines):
        return core
    locate_cells(lines, page)
    return lines


def _read(grids: list[Grid]) -> tuple[int, int, int]:
    """How much of a page the grids read: figures under a heading, the heading's words over
    each figure, then figures. Words of a heading that two columns of a grid share count for
    neither: the headings of neighbouring columns read as one ("Core External" twice)."""
    parts = [len(" ".join(g.columns[c]).split()) * (g.columns.count(g.columns[c]) == 1)
             for g in grids for r in g.rows for c in r.values if c < len(g.columns)]
    return sum(1 for n in parts if n), sum(parts), sum(g.n_figures for g in grids)


def budget_lines(doc: Document) -> list[dict]:
    lang = analysis_of(doc).locale.language
    skip = analysis_of(doc).furniture_after_first
    grids: list[Grid] = []
    for page in doc.pages:
        grids.extend(_page_grids(page, lang, {i for (p, i) in skip if p == page.number}))
    rows: list[dict] = []
    previous: Table | None = None
    previous_financial = False
    for grid in grids:
        first_on_page = previous is None or previous.grid.page != grid.page
        runs_on = first_on_page and previous is not None and previous.grid.page == grid.page - 1
        resumes = not first_on_page and previous_financial  # after a note or a gap on the same page
        if first_on_page and grid.page > 1 and _opens_page(doc, grid, skip):
            previous_page = doc.pages[grid.page - 2]
            borrow_header(grid, previous_page, lang, {i for (p, i) in skip if p == previous_page.number})
        if not grid.has_header and previous is not None and previous.grid.same_columns(grid) \
                and (resumes or (runs_on and previous.grid.reaches_page_end)):
            # the table runs on from the previous page (or past a note) without its header
            table = Table(grid, previous.title, previous.labels, previous.units, previous.unit, previous.currency)
            financial = previous_financial
        else:
            table = _describe(doc, grid, skip)
            if runs_on and any(table.labels) and table.labels == previous.labels:
                table.title = previous.title  # ... or under its header repeated
                financial = previous_financial
            else:
                financial = _is_financial(table, lang)
        if financial:
            rows.extend(_lines_of(table, lang))
        previous, previous_financial = table, financial
    return rows


class BudgetExtractor(Extractor):
    name = "budget"
    produces = ("budget_lines",)

    def extract(self, doc: Document) -> Rows:
        return {"budget_lines": budget_lines(doc)}
