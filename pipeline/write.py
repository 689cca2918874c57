"""Write tables as Parquet datasets, atomically: a crash never leaves a half-written file.

Each output table is a folder ``<out>/<table>/`` of Parquet parts, read as one
table by pandas, pyarrow and DuckDB (``read_parquet('<out>/<table>/*.parquet')``).
The tables of papers' rows and ``documents`` hold one part per paper,
``<document_id>.parquet``, so adding or changing a paper rewrites its parts and
leaves the others' untouched (``documents`` has one more part, for the files
without an id of their own); ``people`` and ``bodies`` are one part each. A
table with no rows has one empty part with its schema.

The run's working state lives in ``<out>/.boardpapers/`` (the manifest, and
each paper's staged rows as ``staging/<table>/<document_id>.staged``, Parquet
under another suffix): no glob of the output for ``*.parquet`` reaches it, so
every row is read once whichever paths a reader globs. Workers write only
there; later runs reuse a paper's staged rows while it does not change.

Files are created as any file the user makes (their umask applies): a team
share or a web server can read the output.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyarrow is imported where rows are written, not by a run with nothing to do
    import pyarrow as pa

WORK = ".boardpapers"
STAGED_SUFFIX = ".staged"
LINK_STATE = "links.sqlite"  # what linking keeps between runs (pipeline.link.save_state)
LEGACY_LINK_STATE = "links.pickle"  # an older version's: never unpickled, removed when the new state is written
EMPTY_PART = "empty.parquet"
# Working state of older versions, inside table globs: removed on the first run that sees it.
LEGACY_WORK = ("_staging", "_manifest.jsonl")


def _file_mode() -> int:
    from pipeline.engines import current_umask

    return 0o666 & ~current_umask()


def replace_atomic(write, path: Path) -> None:
    """``write(tmp)`` a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is given the mode a newly created file would have (mkstemp makes 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, _file_mode())
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(table: pa.Table, path: Path) -> None:
    import pyarrow.parquet as pq

    replace_atomic(lambda tmp: pq.write_table(table, tmp, compression="zstd"), path)


def link_or_copy(source: Path, path: Path) -> None:
    """``path`` made the same file as ``source`` (a hard link; a copy where links are not possible)."""
    def write(tmp: str) -> None:
        os.unlink(tmp)
        try:
            os.link(source, tmp)
        except OSError:
            shutil.copyfile(source, tmp)
    replace_atomic(write, path)


def remove_legacy_work(out: Path) -> bool:
    """Remove working state an older version kept inside the table globs; whether there was any."""
    found = False
    for name in LEGACY_WORK:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
            found = True
        elif path.exists():
            path.unlink()
            found = True
    return found


def paper_part(out: Path, table: str, document_id: str) -> Path:
    return out / table / f"{document_id}.parquet"


def staged_path(out: Path, table: str, document_id: str) -> Path:
    return out / WORK / "staging" / table / f"{document_id}{STAGED_SUFFIX}"


def staged_names(out: Path, table: str) -> set[str]:
    """The file names of a table's staged parts (one listing, not a stat per paper)."""
    folder = staged_path(out, table, "").parent
    return set(os.listdir(folder)) if folder.is_dir() else set()


def stage_paper(out: Path, document_id: str, tables: dict[str, pa.Table], replaces: tuple[str, ...]) -> None:
    """One paper's rows: a staged part per table it has rows in. Of the tables in
    ``replaces`` (those the run's extractors produce) its parts without rows are removed;
    the other tables' parts are kept."""
    for name in replaces:
        path = staged_path(out, name, document_id)
        if name in tables and tables[name].num_rows:
            write_atomic(tables[name], path)
        else:
            path.unlink(missing_ok=True)


def write_whole_table(table: pa.Table, folder: Path) -> None:
    """A table rewritten as one part; every other part in the folder removed."""
    part = folder / "part-00000.parquet"
    write_atomic(table, part)
    for path in folder.iterdir():
        if path != part and (path.suffix == ".parquet" or path.name.endswith(".tmp")):
            path.unlink(missing_ok=True)


def prune_parts(folder: Path, keep_stems: set[str], schema: pa.Schema) -> None:
    """Remove the parts of papers not in ``keep_stems`` (and writes cut short by a kill);
    a folder left without parts gets an empty part with the table's schema."""
    folder.mkdir(parents=True, exist_ok=True)
    kept = False
    for name in os.listdir(folder):  # names, not paths: a folder holds a part per paper
        stem, suffix = os.path.splitext(name)
        if suffix == ".tmp" or (suffix == ".parquet" and stem not in keep_stems and name != EMPTY_PART):
            (folder / name).unlink(missing_ok=True)
        elif suffix == ".parquet" and name != EMPTY_PART:
            kept = True
    empty = folder / EMPTY_PART
    if kept:
        empty.unlink(missing_ok=True)
    elif not empty.exists():
        write_atomic(schema.empty_table(), empty)


def prune_staging(out: Path, keep_document_ids: set[str]) -> None:
    """Remove staged parts of papers no longer in the input, and writes cut short by a kill."""
    root = out / WORK / "staging"
    if not root.is_dir():
        return
    keep = {d + STAGED_SUFFIX for d in keep_document_ids}
    for folder in root.iterdir():
        for name in set(os.listdir(folder)) - keep:  # what is left: parts of papers gone, cut-short writes
            (folder / name).unlink(missing_ok=True)
