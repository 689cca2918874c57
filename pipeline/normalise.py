"""Normalise extracted rows with pandas into frames that fit the contract.

Whatever an extractor returns, what leaves this stage has exactly the columns
of the table's schema, with text whitespace-normalised and free of markup,
empty strings as nulls, vocabulary values in lower case, dates as dates and
``HH:MM`` times checked.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

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


def normalise(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows of one table (any document) into a frame with the table's columns."""
    schema = SCHEMAS[table]
    if table == "budget_lines":
        rows = describe_budget_lines(rows)
    frame = pd.DataFrame.from_records(rows, columns=schema.names) if rows else pd.DataFrame(columns=schema.names)
    frame = frame.astype(object).where(frame.notna(), None)
    for field in schema:
        name, typ = field.name, field.type
        column = frame[name]
        # python-level maps: pandas would turn the None of an object column into NaN
        if pa.types.is_string(typ):
            column = pd.Series(_strings(table, name, column.tolist()), dtype=object)
        elif pa.types.is_date(typ):
            column = pd.Series([_date(v) for v in column], dtype=object)
        elif pa.types.is_integer(typ):
            column = pd.to_numeric(column, errors="coerce").astype("Int32")
        elif pa.types.is_floating(typ):
            column = pd.to_numeric(column, errors="coerce").astype("float64")
        elif pa.types.is_boolean(typ):
            column = pd.Series([None if v is None else bool(v) for v in column], dtype=object)
        frame[name] = column
    frame = frame.drop_duplicates(ignore_index=True)
    if table == "agenda_items" and len(frame):
        missing = frame["sequence"].isna()
        if missing.any():
            order = frame.groupby("document_id", sort=False).cumcount() + 1
            frame.loc[missing, "sequence"] = order[missing].astype("Int32")
    return frame


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
