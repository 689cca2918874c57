"""What the columns of a paper's budget lines mean, so figures add up across papers.

Extractors read a financial table's figures as printed; this stage, run on one
paper's rows before they are normalised, adds what a reader needs to add them up:

- ``fiscal_year``: the printed period in one spelling ("2024/25", "24-25",
  "Q3 2024-2025" -> "2024-25"; a single year stays "2013");
- ``is_total_column``: the column adds up others ("2025-26 Total" beside
  "Core" and "External");
- ``currency``: the ISO 4217 code of the unit's sign ("£'000" -> GBP);

and drops the figures of columns that only number the rows ("ROW REF" 1, 2, 3
of a council's capital programme): they are not money. Vocabularies are data:
``vocab/budget_columns.toml``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

from pipeline.textutil import fold
from pipeline.vocab import load_vocab

# A key an extractor may add to a budget line: the index of the column its figure stands
# in, which tells apart columns whose labels are missing. Not a column of the table.
COLUMN_KEY = "_column"
# A column that numbers its table's rows holds at least this many of them.
MIN_NUMBERED_ROWS = 3

_SPAN = re.compile(r"(?<!\d)((?:19|20)?\d{2})\s*[-/–]\s*((?:19|20)?\d{2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    data = load_vocab("budget_columns")
    return {
        "total": re.compile(data["total_column"]["pattern"]),
        "not_money": re.compile(data["not_money"]["pattern"]),
        "currencies": [(re.compile(c["pattern"], re.I), c["currency"]) for c in data["currencies"]],
    }


def _full_year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def fiscal_year(period: str | None) -> str | None:
    """The financial year a printed period falls in, spelled ``2024-25``; a single year as
    printed (``2013``); null when the period names no year ("Month 10") or a span of years."""
    if not period:
        return None
    span = _SPAN.search(period)
    if span:
        start, end = _full_year(span.group(1)), _full_year(span.group(2))
        return f"{start}-{end % 100:02d}" if end == start + 1 else None
    year = _YEAR.search(period)
    return year.group(1) if year else None


def currency(unit: str | None) -> str | None:
    """ISO 4217 code of a unit's currency sign; null for a unit that is not money (``%``, ``count``)."""
    if not unit:
        return None
    return next((code for pattern, code in _vocab()["currencies"] if pattern.search(unit)), None)


def is_total_column(label: str | None) -> bool:
    return bool(label) and bool(_vocab()["total"].search(fold(label)))


def _numbers_rows(values: list[Any]) -> bool:
    """The figures run 1, 2, 3 ... down the table: row numbers, not amounts."""
    if len(values) < MIN_NUMBERED_ROWS or not all(isinstance(v, (int, float)) and float(v).is_integer()
                                                  for v in values):
        return False
    numbers = [int(v) for v in values]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def describe_budget_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One paper's budget lines with fiscal_year, is_total_column and currency; figures of
    columns that are not money (row references, row numbers) left out."""
    def column_of(row: dict[str, Any]) -> tuple:
        return (row.get("document_id"), row.get("page"), row.get("table_title"),
                row.get(COLUMN_KEY, row.get("column_label")))

    columns: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        columns[column_of(row)].append(row)
    not_money = set()
    for key, cells in columns.items():
        label = cells[0].get("column_label")
        if label and _vocab()["not_money"].search(fold(label)):
            not_money.add(key)
        elif not label and _numbers_rows([c.get("value") for c in cells]):
            not_money.add(key)
    described = []
    for row in rows:
        if column_of(row) in not_money:
            continue
        row = {k: v for k, v in row.items() if k != COLUMN_KEY}
        row.setdefault("fiscal_year", fiscal_year(row.get("period")))
        row.setdefault("is_total_column", is_total_column(row.get("column_label")))
        row.setdefault("currency", currency(row.get("unit")))
        described.append(row)
    return described
