"""Run the stages over a set of papers: load -> find -> analyse -> extract -> normalise -> write.

One paper's failure never stops a run: it is recorded in ``documents`` with a
status and an error, and every other paper's rows are still written.

Papers are processed by an engine (a pool of local processes, or a Dask
cluster); each paper's rows are staged as its own Parquet parts and recorded
in the manifest as soon as they are written, so a re-run redoes only new or
changed papers, and a killed run loses nothing already finished. The output
tables are then built from the staged rows of the papers present.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.analyse import analyse
from pipeline.datapackage import write_datapackage
from pipeline.extractor import RegisteredExtractor, load_extractors
from pipeline.find import find_segments
from pipeline.link import link
from pipeline.engines import DaskEngine, LocalEngine, default_workers
from pipeline.load import SUFFIXES, LoadError, file_identity, input_format, load
from pipeline.manifest import Manifest, fingerprint
from pipeline.normalise import from_arrow, normalise, to_arrow
from pipeline.ocr import OCR_MISSING, OCR_OFF, OCRError, ocr_pdf, ocr_setup
from pipeline.schema import CONTENT_TABLES, SCHEMAS, TABLE_NAMES
from pipeline.write import prune_staging, read_staged, stage_paper, staged_path, write_tables

# Fields of a paper's documents row that extractors may fill (never status etc.).
DOCUMENT_FIELDS = ("doc_type", "language", "organisation")


@dataclass(frozen=True)
class Paper:
    path: Path
    source_path: str  # relative to ``input``
    input: str | None = None  # absolute path of the folder it was found under (a file given: its folder)

    @property
    def key(self) -> str:
        """Unique among the papers of a run, whatever folders they were found under."""
        return _key(self.input, self.source_path)


def _key(input_folder: str | None, source_path: str) -> str:
    return f"{input_folder}/{source_path}" if input_folder else source_path


@dataclass
class PaperResult:
    document: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ocr: str | None = None  # the OCR setup a scan was read with (see ocr_setup)


@dataclass
class RunSummary:
    papers: int = 0
    pages: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # files not read, by suffix (unsupported formats)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (shown_path, status, error)
    seconds: float = 0.0
    out: Path | None = None
    processed: int = 0  # papers processed by this run (the others were unchanged)
    peak_worker_mb: float = 0.0  # largest resident memory of a local worker, sampled


def _input_folder(path: Path) -> str:
    return Path(os.path.abspath(path)).as_posix()


def _walk(inputs: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, folder it was found under) of every file under the inputs, each file once;
    folders walked recursively, a file given is found under its own folder."""
    seen: set[str] = set()
    for root in inputs:
        if root.is_dir():
            found = [(p, root) for p in sorted(root.rglob("*")) if p.is_file()]
        elif root.is_file():
            found = [(root, root.parent)]
        else:
            raise FileNotFoundError(f"input not found: {root}")
        for path, folder in found:
            where = os.path.abspath(path)
            if where not in seen:
                seen.add(where)
                yield path, folder


def discover(inputs: Iterable[Path]) -> list[Paper]:
    """Papers (.pdf, .txt, .md) under the inputs: folders walked recursively, files taken as given.

    ``source_path`` is relative to the folder a paper was found under, ``input``
    that folder, so two ``minutes.txt`` in two folders stay apart.
    """
    return [Paper(path, path.relative_to(folder).as_posix(), _input_folder(folder))
            for path, folder in _walk(inputs) if path.suffix.lower() in SUFFIXES]


def unsupported_files(inputs: Iterable[Path]) -> Counter:
    """Files under the inputs that are not papers this pipeline reads, counted by suffix
    (``.docx``, ``.xlsx``; ``(none)`` for a name without one). Hidden files and folders
    (``.DS_Store``, ``.git/``) are not counted: no one means them as papers."""
    return Counter(path.suffix.lower() or "(none)" for path, folder in _walk(inputs)
                   if path.suffix.lower() not in SUFFIXES
                   and not any(part.startswith(".") for part in path.relative_to(folder).parts))


def _scanned_pages(doc) -> list[int]:
    """Numbers of the pages that are images without a text layer."""
    return [p.number for p in doc.pages if any("no text layer" in x for x in p.problems)]


def _no_text_problem(doc) -> str | None:
    blank = [p.number for p in doc.pages if not p.lines]
    scanned = _scanned_pages(doc)
    if doc.pages and len(blank) == len(doc.pages):
        if scanned:
            return f"no text layer on any of {len(doc.pages)} pages (image-only scan)"
        return f"no text on any of {len(doc.pages)} pages"
    if scanned:
        return f"no text layer on {len(scanned)} of {len(doc.pages)} pages (image-only): {_pages(scanned)}"
    return None


def _page_problems(doc) -> list[str]:
    """Other problems the reader met (garbled text, tables not searched), with their pages."""
    pages: dict[str, list[int]] = {}
    for page in doc.pages:
        for problem in page.problems:
            if "no text layer" not in problem:
                pages.setdefault(problem.split(":")[0], []).append(page.number)
    return [f"{kind} on {_pages(numbers)}" for kind, numbers in pages.items()]


def _pages(numbers: list[int]) -> str:
    """"page 3", "pages 1-4, 7"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return f"page {text}" if len(numbers) == 1 else f"pages {text}"


def _load(paper: Paper, data: bytes, document: dict[str, Any]):
    """The paper's page model, or None with the failure recorded in ``document``."""
    try:
        return load(paper.path, paper.source_path, data)
    except LoadError as exc:
        document.update(status="failed", error=str(exc))
    except Exception as exc:  # a reader bug must not stop the run either
        document.update(status="failed", error=f"load: {type(exc).__name__}: {exc}")
    return None


def _read_by_ocr(doc, data: bytes, problem: str, setup: str) -> str:
    """Give a scan ``doc`` the text OCR (``setup``) reads on its image-only pages; what to say of it."""
    from pipeline.load.pdf import read_pdf  # as load() does: only PDF papers need the PDF reader

    if setup == OCR_OFF:
        return f"{problem} (OCR is off: the run was told not to OCR scans)"
    if setup == OCR_MISSING:
        return f"{problem} (OCR is not installed: ocrmypdf and tesseract)"
    try:
        pages = read_pdf(ocr_pdf(data))
    except OCRError as exc:
        return f"{problem} (OCR failed: {exc})"
    except Exception as exc:  # LoadError or a reader bug on ocrmypdf's output
        return f"{problem} (OCR failed: its output cannot be read: {exc})"
    doc.pages = pages
    ocr = f"OCR ({setup})"
    unread = _scanned_pages(doc)
    return f"{problem}: {ocr} found no text on {_pages(unread)}" if unread else f"{problem}: text read by {ocr}"


def process_paper(paper: Paper, extractors: list[RegisteredExtractor], data: bytes | None = None,
                  ocr: str | None = None) -> PaperResult:
    """Every stage for one paper; errors are caught and recorded, never raised.
    ``ocr``: the OCR setup to read image-only scans with (:func:`ocr_setup`, OCR_OFF); None:
    this machine's."""
    document: dict[str, Any] = {
        "source_path": paper.source_path, "input": paper.input, "format": input_format(paper.path),
        "status": "ok", "error": None, "pipeline_version": __version__,
    }
    result = PaperResult(document)
    if data is None:
        try:
            data = paper.path.read_bytes()
        except OSError as exc:
            document.update(status="failed", error=f"cannot read file: {exc.strerror or exc}")
            return result
    document["document_id"], document["sha256"] = file_identity(data)
    doc = _load(paper, data, document)
    if doc is None:
        return result
    problem = _no_text_problem(doc)
    errors: list[str] = []
    if problem and doc.format == "pdf" and "no text layer" in problem:
        # a scan is a readable paper whatever OCR makes of it: partial, never failed
        result.ocr = ocr or ocr_setup()
        errors.append(_read_by_ocr(doc, data, problem, result.ocr))
        problem = None
    document["n_pages"] = doc.n_pages
    if problem:
        errors.append(problem)
    errors.extend(_page_problems(doc))
    try:
        doc.segments = find_segments(doc)
        doc.analysis = analyse(doc)
    except Exception as exc:
        errors.append(f"find: {type(exc).__name__}: {exc}")
    for registered in extractors:
        try:
            produced = registered.extractor.extract(doc) or {}
        except Exception as exc:
            errors.append(f"extractor {registered.name}: {type(exc).__name__}: {exc}")
            continue
        for table, rows in produced.items():
            if table not in registered.produces:
                errors.append(f"extractor {registered.name}: wrote to {table!r}, which it does not declare")
                continue
            if table == "documents":
                for row in rows:
                    document.update({k: v for k, v in row.items() if k in DOCUMENT_FIELDS and v is not None})
                continue
            for row in rows:
                result.rows.setdefault(table, []).append({**row, "document_id": doc.document_id})
    if errors:
        extracted = any(result.rows.get(t) for t in CONTENT_TABLES)
        document["status"] = "partial" if extracted or not problem else "failed"
        document["error"] = "; ".join(errors)
    return result


ProgressCallback = Callable[[PaperResult], None]

# Seconds one paper may take before its worker is stopped.
DEFAULT_TIMEOUT = 600.0
# Resident memory (MB) a worker may use before its paper is stopped.
DEFAULT_MEMORY_LIMIT_MB = 2048.0
_EXTRACTORS: dict[tuple[str, ...] | None, list[RegisteredExtractor]] = {}


@dataclass(frozen=True)
class Task:
    """One paper to process (``data``: its bytes, for workers that cannot see the file)."""

    path: str
    source_path: str
    data: bytes | None = None
    input: str | None = None


@dataclass
class Outcome:
    document: dict[str, Any]
    rows: dict[str, int]  # rows per table
    tables: dict[str, Any] | None = None  # Arrow tables, when the caller stages them
    ocr: str | None = None  # PaperResult.ocr


def paper_tables(result: PaperResult) -> dict[str, Any]:
    """A paper's rows as normalised Arrow tables (content tables with rows only)."""
    return {t: to_arrow(t, normalise(t, rows)) for t, rows in result.rows.items() if rows}


def process_task(task: Task, extractor_names: tuple[str, ...] | None, stage_to: Path | None,
                 ocr: str | None = None) -> Outcome:
    """A worker's job: one paper through every stage; its rows staged under ``stage_to``
    (or returned, when None)."""
    if extractor_names not in _EXTRACTORS:  # once per worker process
        _EXTRACTORS[extractor_names] = prepared_extractors(list(extractor_names) if extractor_names else None)
    paper = Paper(Path(task.path), task.source_path, task.input)
    result = process_paper(paper, _EXTRACTORS[extractor_names], task.data, ocr)
    tables = paper_tables(result)
    rows = {t: table.num_rows for t, table in tables.items()}
    document_id = result.document.get("document_id")
    if stage_to is not None and document_id:
        stage_paper(stage_to, document_id, tables, CONTENT_TABLES)
        return Outcome(result.document, rows, ocr=result.ocr)
    return Outcome(result.document, rows, tables, result.ocr)


def shown_path(document: dict[str, Any]) -> str:
    """A documents row's file as the user can open it: relative to the working folder."""
    if not document.get("input"):
        return document["source_path"]
    return Path(os.path.relpath(os.path.join(document["input"], document["source_path"]))).as_posix()


def _file_row(paper: Paper, sha256: str | None, error: str | None = None) -> dict[str, Any]:
    return {"source_path": paper.source_path, "input": paper.input, "format": input_format(paper.path),
            "sha256": sha256,
            "document_id": sha256[:16] if sha256 else None, "status": "failed" if error else "ok",
            "error": error, "pipeline_version": __version__}


def prepared_extractors(names: list[str] | None = None) -> list[RegisteredExtractor]:
    """The extractors (all registered, or ``names``), each ``prepare()``d: the run's start-up."""
    # loading makes hundreds of thousands of objects that live as long as the run (modules,
    # language data): the cyclic collector would scan them again and again and find no garbage
    collecting = gc.isenabled()
    gc.disable()
    try:
        extractors = load_extractors(names)
        for registered in extractors:
            registered.extractor.prepare()
    finally:
        if collecting:
            gc.enable()
    return extractors


def run(papers: list[Paper], out: Path, extractor_names: list[str] | None = None,
        on_paper: ProgressCallback | None = None, workers: int | None = None, engine: str = "local",
        scheduler: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
        memory_limit_mb: float | None = DEFAULT_MEMORY_LIMIT_MB, ocr: bool = True) -> RunSummary:
    """Process the papers (see :func:`discover`) and write all tables to ``out``.

    Papers already in ``out``'s manifest with the same content and pipeline
    are not processed again; papers no longer given lose their rows. ``ocr``:
    read image-only scans by OCR when it is installed.
    """
    started = time.perf_counter()
    extractors = prepared_extractors(extractor_names)
    names = tuple(extractor_names) if extractor_names else None
    config = fingerprint(r.module for r in extractors)
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out)

    # content hashes; the first copy of each content is processed, the others point to it
    shas: dict[Paper, str | None] = {}
    unreadable: dict[Paper, str] = {}
    first: dict[str, Paper] = {}
    for paper in papers:
        try:
            shas[paper] = sha = manifest.sha256_of(paper.path, paper.key)
        except OSError as exc:
            shas[paper], unreadable[paper] = None, f"cannot read file: {exc.strerror or exc}"
            continue
        first.setdefault(sha, paper)

    def staged(table: str, document_id: str) -> bool:
        return staged_path(out, table, document_id).exists()

    # decided here, not by each worker: the manifest compares it with the setup each scan was read with
    setup = ocr_setup() if ocr else OCR_OFF
    todo = [p for sha, p in first.items() if manifest.done(sha, config, staged, setup) is None]
    # largest first: a long pack started last would leave the other workers idle at the end
    todo.sort(key=lambda p: p.path.stat().st_size, reverse=True)
    by_path = {str(p.path): p for p in todo}
    errors: list[dict[str, Any]] = []

    def report(document: dict[str, Any]) -> None:
        if on_paper:
            on_paper(PaperResult(document))

    def finished(task: Task, outcome: Outcome) -> None:
        if outcome.tables is not None and outcome.document.get("document_id"):
            stage_paper(out, outcome.document["document_id"], outcome.tables, CONTENT_TABLES)
        if outcome.document.get("sha256"):
            manifest.record(outcome.document["sha256"], config, outcome.document, outcome.rows, outcome.ocr)
        report(outcome.document)

    def failed(task: Task, why: str) -> None:
        paper = by_path[task.path]
        document = _file_row(paper, shas[paper], why)
        errors.append(document)
        report(document)

    for paper in papers:
        if str(paper.path) not in by_path:
            report(_file_row(paper, shas[paper], unreadable.get(paper)))
    peak_worker_mb = 0.0
    if todo:
        if engine == "dask":
            runner = DaskEngine(scheduler, workers or default_workers())
            job = functools.partial(process_task, extractor_names=names, stage_to=None, ocr=setup)
            tasks = (Task(str(p.path), p.source_path, p.path.read_bytes(), p.input) for p in todo)
        else:
            _EXTRACTORS[names] = extractors  # forked workers start with them loaded
            runner = LocalEngine(workers or default_workers(), timeout, memory_limit_mb)
            job = functools.partial(process_task, extractor_names=names, stage_to=out, ocr=setup)
            tasks = (Task(str(p.path), p.source_path, input=p.input) for p in todo)
        try:
            runner.run(tasks, job, finished, failed)
        finally:
            manifest.close()
        peak_worker_mb = getattr(runner, "peak_rss_mb", 0.0)

    # the documents rows, in input order; the output tables from the staged rows
    failures = {_key(d.get("input"), d["source_path"]): d for d in errors}
    documents: list[dict[str, Any]] = []
    primary_ids: list[str] = []
    for paper in papers:
        sha = shas[paper]
        if sha is None:
            documents.append(_file_row(paper, None, unreadable[paper]))
            continue
        owner = first[sha]
        entry = manifest.papers.get(sha) if owner.key not in failures else None
        document = dict(entry["document"]) if entry else dict(failures[owner.key])
        document.update(source_path=paper.source_path, input=paper.input, format=input_format(paper.path))
        if owner is not paper:
            # listed, but its id (and so its rows) only once: a join on document_id never doubles them
            document.update(duplicate_of=document["document_id"], document_id=None)
        elif entry:
            primary_ids.append(document["document_id"])
        documents.append(document)
    # what the output holds: unchanged since the last run, nothing is rewritten
    state = hashlib.sha256(repr((config, [(_key(d.get("input"), d["source_path"]), d.get("sha256"), d["status"])
                                          for d in documents])).encode()).hexdigest()
    if todo or errors or manifest.output_state != state or not all((out / t).is_dir() for t in TABLE_NAMES):
        staged = {t: read_staged(out, t, primary_ids, SCHEMAS[t]) for t in CONTENT_TABLES}
        summary = write_run(documents, staged, out)
    else:
        summary = _summary(documents, out)
    prune_staging(out, set(primary_ids))
    manifest.output_state = state
    manifest.compact({s for s in first if s in manifest.papers},
                     {p.key for p in papers if shas[p] is not None})
    summary.processed = len(todo)
    summary.peak_worker_mb = peak_worker_mb
    summary.seconds = time.perf_counter() - started
    return summary


def _summary(documents: list[dict[str, Any]], out: Path, rows: dict[str, int] | None = None) -> RunSummary:
    """The summary of a run; ``rows`` per table, else counted in the output folder as it is."""
    if rows is None:
        rows = {name: sum(pq.read_metadata(p).num_rows for p in (out / name).glob("*.parquet"))
                for name in TABLE_NAMES}
    summary = RunSummary(out=out, papers=len(documents), rows=rows)
    summary.pages = int(sum(d.get("n_pages") or 0 for d in documents))
    summary.statuses = Counter(d["status"] for d in documents)
    summary.failures = [(shown_path(d), d["status"], d.get("error") or "") for d in documents if d["status"] != "ok"]
    return summary


def write_run(documents: list[dict[str, Any]], staged: dict[str, pa.Table], out: Path) -> RunSummary:
    """The output tables of a run: the papers' ``documents`` rows and their staged (normalised) rows, linked."""
    frames = {"documents": normalise("documents", documents)}
    frames.update({t: from_arrow(t, staged.get(t, SCHEMAS[t].empty_table())) for t in CONTENT_TABLES})
    frames = link(frames)
    write_tables({name: to_arrow(name, frames[name]) for name in TABLE_NAMES}, out)
    write_datapackage(out)
    return _summary(documents, out, {name: len(frames[name]) for name in TABLE_NAMES})
