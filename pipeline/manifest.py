"""The run manifest: what is already in an output folder, for incremental re-runs.

``<out>/.boardpapers/manifest.jsonl`` is a journal: one JSON line per finished paper
(content hash, pipeline fingerprint, its documents row, rows per table),
appended and flushed as soon as the paper's parts are on disk. A run killed at
any point leaves a valid journal (a torn last line is ignored); the next run
skips what the journal lists and redoes the rest. At the end of a run a state
line is appended: the file stats, the papers no longer present, and what the
output tables were built from (per paper, a digest of the ids linking gave its
rows: a paper's parts are rewritten only when they change); the last state
line holds. Only when the journal has grown to more than twice what it holds
is it rewritten (atomically) with the papers still present: adding a paper to
a large archive does not rewrite every paper's line.

A paper's documents row and link inputs (the columns linking reads) stay in
the journal until they are asked for (:class:`Entry`, :class:`StoredInputs`):
a run asks only for those of the papers whose parts it writes or links again,
and the manifest of a large archive stays small in memory.

Reading it needs only the standard library: a run with nothing to do imports
nothing else.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import json
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterable, Iterator

from pipeline import __version__
from pipeline.write import WORK, replace_atomic

MANIFEST_NAME = "manifest.jsonl"
# A file's stat is trusted only when it was last modified this long before it was hashed.
SETTLED_NS = 2_000_000_000
# The journal is rewritten when it is this many times the size of what it holds (and past REWRITE_BYTES).
REWRITE_RATIO = 2
REWRITE_BYTES = 1 << 20
# Fields of a paper's documents row that many papers share (an input folder, a status, a version):
# read as one object each, for the manifest of a large archive is held in memory.
_SHARED_FIELDS = ("input", "format", "status", "error", "pipeline_version", "doc_type", "language", "organisation")
_SOURCE_PACKAGES = ("pipeline", "extractors")


def fingerprint(extractor_modules: Iterable[str]) -> str:
    """The pipeline's identity: version, the extractors run, and the code.

    The code's digest covers the pipeline and built-in extractor packages and
    every module an extractor comes from (``module:Class``, found without importing
    it), so editing a rule reprocesses papers.
    """
    digest = hashlib.sha256(__version__.encode())
    files: set[Path] = set()
    for package in _SOURCE_PACKAGES:
        spec = __import__(package)
        for root in getattr(spec, "__path__", []):
            files.update(p for p in Path(root).rglob("*") if p.suffix in (".py", ".toml"))
    for module in sorted(extractor_modules):
        digest.update(module.encode())
        try:
            spec = importlib.util.find_spec(module.split(":")[0])
        except ModuleNotFoundError:  # its package is missing: loading the plug-in says so, once
            spec = None
        if spec is not None and spec.origin and Path(spec.origin).is_file():
            files.add(Path(spec.origin))
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: for work that makes many objects and no cycles (a
    manifest of every paper, linking's state), which it would scan again and again for nothing."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class StoredInputs(Mapping):
    """A paper's link inputs as its journal line holds them, read when first looked at."""

    __slots__ = ("path", "offset", "length", "_value")

    def __init__(self, path: Path, offset: int, length: int):
        self.path, self.offset, self.length = path, offset, length
        self._value: dict[str, Any] | None = None

    def _inputs(self) -> dict[str, Any]:
        if self._value is None:
            self._value = json.loads(_line(self.path, self.offset, self.length)).get("link_inputs", {})
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._inputs()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._inputs())

    def __len__(self) -> int:
        return len(self._inputs())


def _line(path: Path, offset: int, length: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(offset)
        return handle.read(length)


class Entry:
    """A paper's journal line as the manifest holds it: where the line is, and the few fields a
    run looks at for every paper; its ``documents`` row and link inputs are read from the line
    when asked for (a run asks only for those of the papers whose parts it writes). Values many
    papers share (the fingerprint, row counts, input folder, status) are one object each."""

    __slots__ = ("path", "offset", "length", "config", "ocr", "rows", "document_id", "source_path", "input",
                 "format", "status", "error", "n_pages", "organisation")
    _NO_OCR = "\x00"  # a paper not read by OCR (its line has no "ocr")

    def __init__(self, path: Path, offset: int, length: int, entry: dict[str, Any], shared: dict[Any, Any]):
        def one(value: Any) -> Any:
            return shared.setdefault(value, value)
        self.path, self.offset, self.length = path, offset, length
        self.config, self.ocr = one(entry.get("config")), one(entry.get("ocr", Entry._NO_OCR))
        rows = entry["rows"]
        self.rows = shared.setdefault(tuple(rows.items()), rows)
        document = entry["document"]
        self.document_id, self.source_path = document.get("document_id"), document.get("source_path")
        self.input, self.format, self.status, self.error, self.n_pages, self.organisation = (
            one(document.get(name)) for name in ("input", "format", "status", "error", "n_pages", "organisation"))

    def line(self) -> bytes:
        """The paper's journal line."""
        return _line(self.path, self.offset, self.length)

    def __getitem__(self, key: str) -> Any:
        if key not in self:
            raise KeyError(key)
        if key == "document":
            return json.loads(self.line())["document"]
        if key == "link_inputs":
            return StoredInputs(self.path, self.offset, self.length)
        return getattr(self, key)

    def __contains__(self, key: str) -> bool:
        return key in ("document", "link_inputs", "config", "rows") or (key == "ocr" and self.ocr != Entry._NO_OCR)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default


class Manifest:
    def __init__(self, out: Path):
        self.path = out / WORK / MANIFEST_NAME
        self.papers: dict[str, Entry] = {}  # sha256 -> its entry
        self.files: dict[str, list] = {}  # source_path -> [size, mtime_ns, sha256, hashed_at_ns]
        self.output_state: str | None = None  # what the output tables were last built from
        self.links: dict[str, str] = {}  # document_id -> digest of the link ids its output parts hold
        self.rows: dict[str, int] = {}  # rows per output table, as last written
        self.organisations: dict[str, str] = {}  # organisation -> its id, as the documents parts hold them
        self.hashed = False  # whether a file was hashed afresh (its stat is to be recorded)
        self._shared: dict[Any, Any] = {}  # values many entries hold, one object each
        self._journal_bytes = 0
        self._torn = False
        if self.path.exists():
            with collector_paused():
                self._read()
        self._journal = None

    def _read(self) -> None:
        offset = 0
        with self.path.open("rb") as handle:
            for line in handle:
                start, offset = offset, offset + len(line)
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the torn last line of a killed run
                if "sha256" in entry:
                    self.papers[entry["sha256"]] = Entry(self.path, start, len(line), entry, self._shared)
                elif "files" in entry:
                    self.files = entry["files"]
                    self.output_state = entry.get("output_state")
                    self.links = entry.get("links", {})
                    self.rows = entry.get("rows", {})
                    self.organisations = entry.get("organisations", {})
                    for sha in entry.get("gone", ()):
                        self.papers.pop(sha, None)
        self._journal_bytes = offset
        self._torn = offset > 0 and not line.endswith(b"\n")  # a killed run's last line: the next starts anew
    def sha256_of(self, path: Path, source_path: str) -> str:
        """The file's content hash; unchanged size and mtime reuse the last one.

        A file modified shortly before it was hashed could change again within
        the same mtime tick, unseen: its hash is not reused (as git does).
        """
        stat = path.stat()
        known = self.files.get(source_path)
        if (known and len(known) == 4 and known[0] == stat.st_size and known[1] == stat.st_mtime_ns
                and known[3] - stat.st_mtime_ns > SETTLED_NS):
            return known[2]
        self.hashed = True
        hashed_at = time.time_ns()
        sha = file_sha256(path)
        self.files[source_path] = [stat.st_size, stat.st_mtime_ns, sha, hashed_at]
        return sha

    def done(self, sha256: str, config: str, part_exists, ocr_setup) -> Entry | None:
        """The entry of a paper processed by this pipeline whose parts are all there
        (a scan: read with the OCR setup ``ocr_setup()`` gives, so installing OCR reads it again)."""
        entry = self.papers.get(sha256)
        if not entry or entry.get("config") != config:
            return None
        if "ocr" in entry and entry["ocr"] != ocr_setup():
            return None
        if not all(part_exists(table, entry.document_id) for table in entry.rows):
            return None
        return entry

    def record(self, sha256: str, config: str, document: dict[str, Any], rows: dict[str, int],
               ocr: str | None = None, link_inputs: dict[str, dict[str, list]] | None = None) -> None:
        """A finished paper: its documents row, rows per table and the columns linking reads."""
        entry = {"sha256": sha256, "config": config, "document": document, "rows": rows,
                 "link_inputs": link_inputs or {}}
        if ocr is not None:
            entry["ocr"] = ocr
        offset = self._append(json.dumps(entry, default=str) + "\n", sync=True)
        self.papers[sha256] = Entry(self.path, offset, len(self._last), json.loads(self._last), self._shared)

    def _append(self, line: str, sync: bool = False) -> int:
        """Append a line to the journal; where it starts."""
        if self._journal is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._journal = self.path.open("ab")
        self._last = line.encode("utf-8")
        if self._torn:
            self._journal.write(b"\n")
            self._journal_bytes += 1
            self._torn = False
        offset = self._journal_bytes
        self._journal.write(self._last)
        self._journal.flush()
        if sync:
            os.fsync(self._journal.fileno())
        self._journal_bytes += len(self._last)
        return offset

    def compact(self, keep_shas: set[str], keep_files: set[str]) -> None:
        """Record the run's end: only the papers (and file stats) still present. A state line is
        appended, or, when the journal holds much more than that, it is rewritten."""
        self.close()
        gone = [s for s in self.papers if s not in keep_shas]
        self.papers = {s: e for s, e in self.papers.items() if s in keep_shas}
        self.files = {p: f for p, f in self.files.items() if p in keep_files}
        state = {"files": self.files, "output_state": self.output_state, "links": self.links, "rows": self.rows,
                 "organisations": self.organisations}
        live = sum(entry.length for entry in self.papers.values())
        if self.path.exists() and self._journal_bytes <= max(REWRITE_RATIO * live, REWRITE_BYTES):
            self._append(json.dumps({**state, "gone": gone}) + "\n")
            self.close()
            return

        moved: dict[str, tuple[int, int]] = {}  # sha256 -> (offset, length) of its line in the new journal

        def write(tmp: str) -> None:
            with open(tmp, "wb") as handle:
                handle.write((json.dumps(state) + "\n").encode("utf-8"))
                for sha, entry in self.papers.items():
                    line = entry.line()
                    moved[sha] = (handle.tell(), len(line))
                    handle.write(line)
        replace_atomic(write, self.path)
        self._journal_bytes = self.path.stat().st_size
        for sha, entry in self.papers.items():
            entry.offset, entry.length = moved[sha]

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
