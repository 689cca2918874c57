"""Read an output folder: each table as a DuckDB view, or as one Arrow table.

A table is written either as ``<table>.parquet`` or as a folder ``<table>/`` of
Parquet part files; both read as one table. A table of the contract that is
absent reads as empty with its schema, so a query never depends on what a run
happened to find.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.schema import SCHEMAS

FORMATS = ("table", "csv", "json", "parquet")


def table_files(out: Path, name: str) -> list[Path]:
    """The Parquet files that hold one table (none when it is absent)."""
    single = out / f"{name}.parquet"
    if single.is_file():
        return [single]
    folder = out / name
    if folder.is_dir():
        return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith("."))
    return []


def table_names(out: Path) -> list[str]:
    """The contract's tables, then any other table found in the folder.

    Names starting with ``_`` or ``.`` are the run's own bookkeeping (staged
    parts, manifest, temporary files), never tables.
    """
    def is_table(path: Path) -> bool:
        return not path.name.startswith(("_", "."))

    found = {p.stem for p in out.glob("*.parquet") if is_table(p)}
    if out.is_dir():
        found |= {p.name for p in out.iterdir() if p.is_dir() and is_table(p) and any(p.rglob("*.parquet"))}
    return list(SCHEMAS) + sorted(found - set(SCHEMAS))


def read_table(out: Path, name: str) -> pa.Table:
    """One table as Arrow (parts unified by column name); empty with its schema when absent."""
    paths = table_files(out, name)
    if not paths:
        return SCHEMAS[name].empty_table() if name in SCHEMAS else pa.table({})
    schemas = [ds.dataset(str(p), format="parquet").schema for p in paths]
    return ds.dataset([str(p) for p in paths], schema=pa.unify_schemas(schemas), format="parquet").to_table()


def connect(out: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table of the output folder."""
    if not out.is_dir():
        raise FileNotFoundError(f"output folder not found: {out}")
    con = duckdb.connect()
    for name in table_names(out):
        paths = table_files(out, name)
        if paths:
            files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)
            con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{files}], union_by_name = true)')
        else:
            con.register(f"_{name}_empty", SCHEMAS[name].empty_table())
            con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM "_{name}_empty"')
    return con


def query(out: Path, sql: str) -> pa.Table:
    """Run SQL over the tables of ``out`` (each table a view by its name)."""
    con = connect(out)
    try:
        relation = con.sql(sql)
        return relation.to_arrow_table() if relation is not None else pa.table({})  # None: not a SELECT
    finally:
        con.close()


def render(result: pa.Table, fmt: str) -> bytes:
    """A query result as CSV, JSON (a list of records) or Parquet bytes."""
    sink = pa.BufferOutputStream()
    if fmt == "csv":
        pacsv.write_csv(result, sink)
    elif fmt == "parquet":
        pq.write_table(result, sink)
    elif fmt == "json":
        return (json.dumps(result.to_pylist(), default=str, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {FORMATS[1:]}")
    return sink.getvalue().to_pybytes()
