"""Write tables as Parquet datasets, atomically: a crash never leaves a half-written file.

Each output table is a folder ``<out>/<table>/`` of part files
(``part-00000.parquet`` ...), read as one table by pandas, pyarrow and DuckDB
(``read_parquet('<out>/<table>/*.parquet')``); a table with no rows still has
one part, with its schema.

Workers never write there: each writes its paper's rows to its own staging
parts, ``<out>/_staging/<table>/<document_id>.parquet``, which later runs
reuse for papers that did not change. The final tables are built from the
staged parts at the end of a run (cross-paper linking needs them all).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

STAGING = "_staging"
# Rows per part of an output table: parts stay small enough to read in pieces.
ROWS_PER_PART = 250_000


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write to a temporary file beside ``path``, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(table: pa.Table, folder: Path) -> list[Path]:
    """One table as a folder of parts; parts a longer earlier version left are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    n_parts = max(1, -(-table.num_rows // ROWS_PER_PART))
    written = []
    for index in range(n_parts):
        path = folder / f"part-{index:05d}.parquet"
        write_atomic(table.slice(index * ROWS_PER_PART, ROWS_PER_PART), path)
        written.append(path)
    for path in folder.iterdir():
        if path not in written and (path.suffix == ".parquet" or path.name.endswith(".tmp")):
            path.unlink(missing_ok=True)
    return written


def write_tables(tables: dict[str, pa.Table], out: Path) -> dict[str, Path]:
    """Each table as the folder ``<out>/<name>/``.

    A single file ``<out>/<name>.parquet`` an older layout left is removed:
    readers would take it instead of the folder.
    """
    written = {}
    for name, table in tables.items():
        write_table(table, out / name)
        (out / f"{name}.parquet").unlink(missing_ok=True)
        written[name] = out / name
    return written


def staged_path(out: Path, table: str, document_id: str) -> Path:
    return out / STAGING / table / f"{document_id}.parquet"


def stage_paper(out: Path, document_id: str, tables: dict[str, pa.Table], all_tables: tuple[str, ...]) -> None:
    """One paper's rows: a staging part per table it has rows in; its stale parts removed."""
    for name in all_tables:
        path = staged_path(out, name, document_id)
        if name in tables and tables[name].num_rows:
            write_atomic(tables[name], path)
        else:
            path.unlink(missing_ok=True)


def read_staged(out: Path, table: str, document_ids: list[str], schema: pa.Schema) -> pa.Table:
    """The staged rows of these papers, in their order, as one table."""
    paths = [staged_path(out, table, d) for d in document_ids]
    parts = [pq.read_table(p, schema=schema) for p in paths if p.exists()]
    return pa.concat_tables(parts) if parts else schema.empty_table()


def prune_staging(out: Path, keep_document_ids: set[str]) -> None:
    """Remove staged parts of papers no longer in the input, and writes cut short by a kill."""
    root = out / STAGING
    if not root.is_dir():
        return
    for folder in root.iterdir():
        for path in folder.iterdir():
            if path.name.endswith(".tmp") or path.stem not in keep_document_ids:
                path.unlink(missing_ok=True)
