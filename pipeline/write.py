"""Write tables as Parquet, atomically: a crash never leaves a half-written file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


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


def write_tables(tables: dict[str, pa.Table], out: Path) -> dict[str, Path]:
    """Each table as ``<out>/<name>.parquet``."""
    written = {}
    for name, table in tables.items():
        path = out / f"{name}.parquet"
        write_atomic(table, path)
        written[name] = path
    return written
