"""Normalise extracted rows into columns (an Arrow table, or a frame) that fit the contract.

Whatever an extractor returns, what leaves this stage has exactly the columns
of the table's schema, with text whitespace-normalised and free of markup,
empty strings as nulls, vocabulary values in lower case, dates as dates and
``HH:MM`` times checked.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline.budget_columns import describe_budget_lines
from pipeline.schema import SCHEMAS
from pipeline.textutil import clean

# Vocabulary columns: values are lower-cased when they belong to the vocabulary.
VOCABULARIES: dict[tuple[str, str], set[str]] = {
    ("documents", "doc_type"): {"agenda", "minutes", "board_pack", "report", "strategy", "business_plan", "other"},
    ("documents", "status"): {"ok", "partial", "failed"},
    ("agenda_items", "purpose"): {"information", "discussion", "decision", "approval", "assurance", "noting"},
    ("agenda_items", "format"): {"verbal", "paper", "presentation"},
    ("actions", "status"): {"open", "closed", "complete", "overdue", "on track"},
    ("papers", "financial_implications"): {"yes", "no", "not applicable"},
}
LOWER_CASE = {("documents", "language"), ("papers", "purpose")}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_INT32 = (-2**31, 2**31 - 1)
# The dtypes of a frame's columns that are not Python objects.
_DTYPES = {pa.int32(): "Int32", pa.float64(): "float64"}


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return clean(str(value))


def _date(value: Any) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _time(value: Any) -> str | None:
    text = _text(value)
    return text if text and _TIME.match(text) else None


def _vocab(table: str, column: str, value: str | None) -> str | None:
    if value is None:
        return None
    if (table, column) in LOWER_CASE:
        return value.lower()
    vocabulary = VOCABULARIES.get((table, column))
    if vocabulary and value.lower() in vocabulary:
        return value.lower()
    return value


def _strings(table: str, column: str, values: Any) -> list[str | None]:
    """A text column's values normalised; a value that recurs (a status, a body's name in
    every row of its paper, a folder in every documents row) is cleaned once."""
    convert = _time if column.endswith("_time") else _text
    done: dict[str, str | None] = {}
    out = []
    for value in values:
        if value is None:
            out.append(None)
        elif isinstance(value, str):
            if value not in done:
                done[value] = _vocab(table, column, convert(value))
            out.append(done[value])
        else:
            out.append(_vocab(table, column, convert(value)))
    return out


def _missing(value: Any) -> bool:
    """A null as pandas sees one (None, NaN, NA, NaT)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _as_inferred(values: list[Any]) -> list[Any]:
    """A column's values as a frame built from the rows holds them, nulls None: whole numbers
    beside a None, a NaN or a fraction are floats there ("12" would read "12.0" in a text
    column, as it always has)."""
    present = [v for v in values if not _missing(v)]
    if (len(present) < len(values) or any(isinstance(v, (float, np.floating)) for v in present)) \
            and present and all(_numeric(v) for v in present) and not any(v is pd.NA or v is pd.NaT for v in values):
        return [None if _missing(v) else float(v) for v in values]
    return [None if _missing(v) else v for v in values]


def _integers(values: list[Any]) -> list[int | None]:
    if all(v is None or (type(v) is int and _INT32[0] <= v <= _INT32[1]) for v in values):
        return values
    numbers = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype("Int32")
    return [None if v is pd.NA else int(v) for v in numbers]


def _floats(values: list[Any]) -> list[float | None]:
    if all(v is None or _numeric(v) for v in values):
        numbers = [None if v is None else float(v) for v in values]
    else:
        numbers = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype("float64").tolist()
    return [None if v is None or v != v else v for v in numbers]


def normalised_columns(table: str, rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows of one table (any document) as the table's columns of Python values (None for a null),
    duplicate rows dropped. Plain Python: a paper's tables are small, and pandas' cost per frame
    and column was most of the time of a short paper."""
    schema = SCHEMAS[table]
    if table == "budget_lines":
        rows = describe_budget_lines(rows)
    columns: dict[str, list[Any]] = {}
    for field in schema:
        name, typ = field.name, field.type
        values = _as_inferred([row.get(name) for row in rows])
        if pa.types.is_string(typ):
            values = _strings(table, name, values)
        elif pa.types.is_date(typ):
            values = [_date(v) for v in values]
        elif pa.types.is_integer(typ):
            values = _integers(values)
        elif pa.types.is_floating(typ):
            values = _floats(values)
        elif pa.types.is_boolean(typ):
            values = [None if v is None else bool(v) for v in values]
        columns[name] = values
    unique = list(dict.fromkeys(zip(*columns.values()))) if rows else []
    if len(unique) < len(rows):
        columns = {name: [row[i] for row in unique] for i, name in enumerate(columns)}
    if table == "agenda_items" and None in columns["sequence"]:
        # an item without a number: its place among its paper's items
        seen: Counter = Counter()
        for i, (document_id, sequence) in enumerate(zip(columns["document_id"], columns["sequence"])):
            if document_id is not None:
                seen[document_id] += 1
                if sequence is None:
                    columns["sequence"][i] = seen[document_id]
    return columns


def normalise(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows of one table (any document) into a frame with the table's columns."""
    columns = normalised_columns(table, rows)
    return pd.DataFrame({field.name: pd.Series(columns[field.name], dtype=_DTYPES.get(field.type, object))
                         for field in SCHEMAS[table]}, columns=SCHEMAS[table].names)


def normalised_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of one table as an Arrow table with the contract's exact schema (:func:`normalise`, then
    :func:`to_arrow`, without the frame)."""
    return columns_table(table, normalised_columns(table, rows))


def columns_table(table: str, columns: dict[str, list[Any]]) -> pa.Table:
    """:func:`normalised_columns` as an Arrow table with the contract's exact schema."""
    schema = SCHEMAS[table]
    return pa.Table.from_arrays([pa.array(columns[f.name], type=f.type) for f in schema], schema=schema)


def from_arrow(table: str, data: pa.Table) -> pd.DataFrame:
    """Rows :func:`normalise` made and :func:`to_arrow` stored, as the frame normalise made
    (staged rows are read back without cleaning every value again)."""
    columns = {}
    for field in SCHEMAS[table]:
        values = data.column(field.name).to_pylist()
        if pa.types.is_integer(field.type):
            columns[field.name] = pd.Series(values, dtype="Int32")
        elif pa.types.is_floating(field.type):
            columns[field.name] = pd.Series(values, dtype="float64")
        else:  # text, dates and flags stay Python objects, nulls None (as normalise leaves them)
            columns[field.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns, columns=SCHEMAS[table].names)


def to_arrow(table: str, frame: pd.DataFrame) -> pa.Table:
    """A normalised frame as an Arrow table with the contract's exact schema."""
    schema = SCHEMAS[table]
    arrays = []
    for field in schema:
        values = frame[field.name].tolist() if len(frame) else []
        values = [None if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) else v for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)
