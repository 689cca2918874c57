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
import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Only the standard library and light modules here: a run with nothing to do imports
# no more (pyarrow, pandas and the extractors are imported where papers are processed).
from pipeline import __version__
from pipeline.engines import DaskEngine, LocalEngine, default_workers
from pipeline.extractor import RegisteredExtractor, extractor_modules, load_extractors
from pipeline.load import SUFFIXES, LoadError, file_identity, input_format, load
from pipeline.manifest import Manifest, collector_paused, fingerprint
from pipeline.ocr import OCR_MISSING, OCR_OFF, OCRError, ocr_pdf, ocr_setup
from pipeline.write import (LEGACY_LINK_STATE, LINK_STATE, STAGED_SUFFIX, WORK, link_or_copy, paper_part,
                            prune_parts, prune_staging, remove_legacy_work, stage_paper, staged_names, staged_path,
                            write_atomic, write_whole_table)

if TYPE_CHECKING:
    import pyarrow as pa

# The part of the documents table holding the rows of files without an id (copies, files not read).
WITHOUT_ID = "without-id"
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
    folders = functools.cache(_input_folder)  # one object for every paper of a folder
    return [Paper(path, path.relative_to(folder).as_posix(), folders(folder))
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
    from pipeline.analyse import analyse
    from pipeline.find import find_segments

    try:
        doc.segments = find_segments(doc)
    except Exception as exc:
        errors.append(f"find: {type(exc).__name__}: {exc}")
    try:
        doc.analysis = analyse(doc)
    except Exception as exc:
        errors.append(f"analyse: {type(exc).__name__}: {exc}")
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
        from pipeline.schema import CONTENT_TABLES

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
    link_inputs: dict[str, dict[str, list]] = field(default_factory=dict)  # see paper_link_inputs


def paper_tables(result: PaperResult) -> dict[str, Any]:
    """A paper's rows as normalised Arrow tables (content tables with rows only)."""
    from pipeline.normalise import normalised_table

    return {t: normalised_table(t, rows) for t, rows in result.rows.items() if rows}


def paper_link_inputs(tables: dict[str, pa.Table]) -> dict[str, dict[str, list]]:
    """The columns linking reads of a paper's tables (:data:`pipeline.link.LINK_INPUTS`), as
    JSON values (dates in ISO form) for the manifest: linking never reads the rows again."""
    from pipeline.link import LINK_INPUTS

    return {table: {c: [v.isoformat() if hasattr(v, "isoformat") else v for v in tables[table].column(c).to_pylist()]
                    for c in columns}
            for table, columns in LINK_INPUTS.items() if table in tables}


def replaced_tables(extractors: list[RegisteredExtractor], chosen: bool) -> tuple[str, ...]:
    """The tables of papers' rows a run replaces: all, or (``chosen`` extractors) those they produce."""
    from pipeline.schema import CONTENT_TABLES

    produced = {t for r in extractors for t in r.produces}
    return tuple(t for t in CONTENT_TABLES if not chosen or t in produced)


def process_task(task: Task, extractor_names: tuple[str, ...] | None, stage_to: Path | None,
                 ocr: str | None = None) -> Outcome:
    """A worker's job: one paper through every stage; its rows staged under ``stage_to``
    (or returned, when None)."""
    if extractor_names not in _EXTRACTORS:  # once per worker process
        _EXTRACTORS[extractor_names] = prepared_extractors(list(extractor_names) if extractor_names else None)
    extractors = _EXTRACTORS[extractor_names]
    result = process_paper(Paper(Path(task.path), task.source_path, task.input), extractors, task.data, ocr)
    tables = paper_tables(result)
    rows = {t: table.num_rows for t, table in tables.items()}
    inputs = paper_link_inputs(tables)
    document_id = result.document.get("document_id")
    if stage_to is not None and document_id:
        stage_paper(stage_to, document_id, tables, replaced_tables(extractors, extractor_names is not None))
        return Outcome(result.document, rows, ocr=result.ocr, link_inputs=inputs)
    return Outcome(result.document, rows, tables, result.ocr, inputs)


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
    with collector_paused():
        extractors = load_extractors(names)
        from pipeline.analyse import prepare_analysis

        prepare_analysis()
        for registered in extractors:
            registered.extractor.prepare()
        # what processing a paper imports besides (the readers, normalising, staging, linking's
        # columns): imported here, before local workers fork, they are imported once for the
        # run, not by each worker and again by the main process to write the tables
        import pyarrow.parquet  # noqa: F401

        import pipeline.link, pipeline.load.pdf, pipeline.load.text, pipeline.normalise  # noqa: E401, F401
    return extractors


def _keep_what_others_found(previous: dict[str, Any] | None, outcome: Outcome, replaced: tuple[str, ...],
                            fills_documents: bool) -> None:
    """A run of some extractors replaces only what they produce: the paper's rows (and
    documents fields) the other extractors found in an earlier run stay."""
    if previous is None:
        return
    outcome.rows = {**{t: n for t, n in previous["rows"].items() if t not in replaced}, **outcome.rows}
    outcome.link_inputs = {**{t: v for t, v in previous.get("link_inputs", {}).items() if t not in replaced},
                           **outcome.link_inputs}
    if not fills_documents:
        for name in DOCUMENT_FIELDS:
            if outcome.document.get(name) is None:
                outcome.document[name] = previous["document"].get(name)


def run(papers: list[Paper], out: Path, extractor_names: list[str] | None = None,
        on_paper: ProgressCallback | None = None, workers: int | None = None, engine: str = "local",
        scheduler: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
        memory_limit_mb: float | None = DEFAULT_MEMORY_LIMIT_MB, ocr: bool = True) -> RunSummary:
    """Process the papers (see :func:`discover`) and write all tables to ``out``.

    Papers already in ``out``'s manifest with the same content and pipeline
    are not processed again; papers no longer given lose their rows. ``ocr``:
    read image-only scans by OCR when it is installed. ``extractor_names``:
    run only these; the rows other extractors found in earlier runs are kept.
    """
    started = time.perf_counter()
    names = tuple(extractor_names) if extractor_names else None
    # the extractors' modules are known from their entry points: nothing is imported to compare
    config = fingerprint(extractor_modules(extractor_names))
    out.mkdir(parents=True, exist_ok=True)
    remove_legacy_work(out)
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

    listed = functools.cache(lambda table: staged_names(out, table))

    def staged(table: str, document_id: str) -> bool:
        return document_id + STAGED_SUFFIX in listed(table)

    # decided here, not by each worker (the manifest compares it with the setup each scan was
    # read with), and only when needed: asking tesseract for its languages takes a while
    setup = functools.cache(lambda: ocr_setup() if ocr else OCR_OFF)
    todo = [p for sha, p in first.items() if manifest.done(sha, config, staged, setup) is None]
    listed.cache_clear()  # a name per paper and table: not kept while the run goes on
    # largest first: a long pack started last would leave the other workers idle at the end
    todo.sort(key=lambda p: p.path.stat().st_size, reverse=True)
    by_path = {str(p.path): p for p in todo}
    errors: list[dict[str, Any]] = []

    def report(document: dict[str, Any]) -> None:
        if on_paper:
            on_paper(PaperResult(document))

    for paper in papers:
        if str(paper.path) not in by_path:
            report(_file_row(paper, shas[paper], unreadable.get(paper)))
    peak_worker_mb = 0.0
    if todo:
        extractors = prepared_extractors(extractor_names)
        replaced = replaced_tables(extractors, names is not None)
        fills_documents = names is None or any("documents" in r.produces for r in extractors)

        def finished(task: Task, outcome: Outcome) -> None:
            document = outcome.document
            if outcome.tables is not None and document.get("document_id"):
                stage_paper(out, document["document_id"], outcome.tables, replaced)
            if document.get("sha256"):
                if names is not None:
                    _keep_what_others_found(manifest.papers.get(document["sha256"]), outcome, replaced,
                                            fills_documents)
                manifest.record(document["sha256"], config, document, outcome.rows, outcome.ocr,
                                outcome.link_inputs)
            report(document)

        def failed(task: Task, why: str) -> None:
            paper = by_path[task.path]
            document = _file_row(paper, shas[paper], why)
            errors.append(document)
            report(document)

        if engine == "dask":
            runner = DaskEngine(scheduler, workers or default_workers())
            job = functools.partial(process_task, extractor_names=names, stage_to=None, ocr=setup())
            tasks = (Task(str(p.path), p.source_path, p.path.read_bytes(), p.input) for p in todo)
        else:
            _EXTRACTORS[names] = extractors  # forked workers start with them loaded
            runner = LocalEngine(workers or default_workers(), timeout, memory_limit_mb)
            job = functools.partial(process_task, extractor_names=names, stage_to=out, ocr=setup())
            tasks = (Task(str(p.path), p.source_path, input=p.input) for p in todo)
        try:
            runner.run(tasks, job, finished, failed)
        finally:
            manifest.close()
        peak_worker_mb = getattr(runner, "peak_rss_mb", 0.0)

    # the documents rows, in input order; the output tables from the staged rows
    failures = {_key(d.get("input"), d["source_path"]): d for d in errors}
    documents: list[DocumentRow] = []
    primary: list[tuple[str, Any]] = []  # (document_id, manifest entry) of papers with rows
    # what the output holds (each file's place, content and status): unchanged since the last run, nothing is rewritten
    state = hashlib.sha256(repr(config).encode())
    for paper in papers:
        sha = shas[paper]
        if sha is None:
            documents.append(DocumentRow(None, _file_row(paper, None, unreadable[paper])))
        else:
            owner = first[sha]
            entry = manifest.papers.get(sha) if owner.key not in failures else None
            # a copy is listed, but its id (and so its rows) only once: a join on document_id never doubles them
            documents.append(DocumentRow(entry, None if entry else failures[owner.key], paper, owner is not paper))
            if entry and owner is paper:
                primary.append((entry.document_id, entry))
        state.update(repr((paper.key, sha, documents[-1].status)).encode())
    state = state.hexdigest()
    keep_shas = {s for s in first if s in manifest.papers}
    keep_files = {p.key for p in papers if shas[p] is not None}
    if (todo or errors or manifest.output_state != state or not manifest.rows
            or not all((out / t).is_dir() for t in manifest.rows)):
        processed = {shas[p][:16] for p in todo}  # their document_ids
        # linking state and the documents rows: many objects (every paper's), no cycles
        with collector_paused():
            summary = write_run(documents, primary, out, manifest, processed)
        prune_staging(out, {d for d, _ in primary})
    else:
        summary = _summary(documents, out, manifest.rows)
    if todo or manifest.output_state != state or manifest.hashed or keep_shas != set(manifest.papers) \
            or keep_files != set(manifest.files):
        manifest.output_state = state
        manifest.compact(keep_shas, keep_files)
    summary.processed = len(todo)
    summary.peak_worker_mb = peak_worker_mb
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(slots=True)  # one per file of the run
class DocumentRow:
    """A documents row as a run holds it for every file: the paper's manifest entry (the whole row
    is read from the journal only when its part is written), or the row itself (a paper that failed
    in this run, a file not read); and where the run found the file, which may be another place
    than where the entry's paper was read (a file moved, a copy of another file)."""

    entry: Any  # pipeline.manifest.Entry, or None
    row: dict[str, Any] | None = None
    paper: Paper | None = None  # None: where the row says
    duplicate: bool = False  # a copy of another file: its row names that file's id as duplicate_of

    def value(self, name: str) -> Any:
        return getattr(self.entry, name) if self.entry is not None else self.row.get(name)

    @property
    def document_id(self) -> str | None:
        return None if self.duplicate else self.value("document_id")

    @property
    def status(self) -> str:
        return self.value("status")

    def whole(self) -> dict[str, Any]:
        """The row as the documents table holds it."""
        document = dict(self.entry["document"] if self.entry is not None else self.row)
        if self.paper is not None:
            document.update(source_path=self.paper.source_path, input=self.paper.input,
                            format=input_format(self.paper.path))
        if self.duplicate:
            document.update(duplicate_of=document["document_id"], document_id=None)
        return document

    def moved(self) -> bool:
        """Whether the file is not where the journal's row says (its row is not the journal's)."""
        return self.paper is not None and (self.value("source_path"), self.value("input"), self.value("format")) != \
            (self.paper.source_path, self.paper.input, input_format(self.paper.path))

    def shown_path(self) -> str:
        if self.paper is None:
            return shown_path(self.row)
        return shown_path({"source_path": self.paper.source_path, "input": self.paper.input})


def _summary(documents: list[DocumentRow], out: Path, rows: dict[str, int]) -> RunSummary:
    """The summary of a run: its documents rows and the rows per table written."""
    summary = RunSummary(out=out, papers=len(documents), rows=dict(rows))
    summary.pages = int(sum(d.value("n_pages") or 0 for d in documents))
    summary.statuses = Counter(d.status for d in documents)
    summary.failures = [(d.shown_path(), d.status, d.value("error") or "") for d in documents if d.status != "ok"]
    return summary


def _with_ids(data: pa.Table, ids: dict[str, list], schema: pa.Schema) -> pa.Table:
    """A paper's staged rows with the link columns filled (dates come as ISO text)."""
    import pyarrow as pa

    for column, values in ids.items():
        values = [None if v != v else v for v in values]  # pandas holds a missing id as NaN
        index = schema.get_field_index(column)
        typ = schema.field(index).type
        array = pa.array(values, pa.string()).cast(typ) if pa.types.is_date(typ) else pa.array(values, typ)
        data = data.set_column(index, schema.field(index), array)
    return data


def write_run(documents: list[DocumentRow], papers: list[tuple[str, Any]], out: Path,
              manifest: Manifest, processed: set[str]) -> RunSummary:
    """Bring the output tables up to date: the ``documents`` rows, and each paper's staged rows, linked.

    ``papers``: (document_id, manifest entry) of each paper whose rows the output holds, in
    run order. Linking reads only the columns the manifest keeps. A paper's parts (its
    ``documents`` row's too) are written when its rows changed (it was ``processed``) or linking
    gave them other ids; the other papers' parts are not touched. The rows of files without an
    id (copies of another file, files not read) are one part; ``people`` and ``bodies`` are
    rewritten whole.
    """
    import pyarrow.parquet as pq

    from pipeline.datapackage import write_datapackage
    from pipeline.link import LINK_OUTPUTS, link_with_state, rows_frame, save_state
    from pipeline.normalise import normalised_columns, to_arrow
    from pipeline.schema import CONTENT_TABLES, SCHEMAS, TABLE_NAMES

    # papers whose parts are to be written: processed, or a part of theirs is missing (one listing
    # per table, not a stat per paper; one table's at a time)
    rewrite = set(processed)
    for table in CONTENT_TABLES:
        written = set(os.listdir(out / table)) if (out / table).is_dir() else set()
        rewrite.update(d for d, e in papers if e["rows"].get(table) and f"{d}.parquet" not in written)
    normalised: dict[str | None, str | None] = {None: None}  # an organisation's name as the table holds it

    def organisation_of(document: DocumentRow) -> str | None:
        name = document.value("organisation")
        if name not in normalised:
            normalised[name] = normalised_columns("documents", [{"organisation": name}])["organisation"][0]
        return normalised[name]
    organisation = {d.document_id: organisation_of(d) for d in documents if d.document_id is not None}
    state_path = out / WORK / LINK_STATE
    config = next((e.get("config") or "" for _, e in papers), "")
    sources: dict[Any, tuple] = {}  # a paper's source is that of many others: one object each

    def source(entry: dict[str, Any]) -> tuple:
        key = (entry.get("config"), entry.get("ocr"), tuple(entry["rows"].items()))
        return sources.get(key) or sources.setdefault(key, (*key[:2], repr(entry["rows"])))
    linked = link_with_state(state_path, config,
                             [(d.document_id, organisation_of(d)) for d in documents],
                             [(d, source(e), organisation.get(d), e.get("link_inputs", {})) for d, e in papers],
                             rewrite)
    # a paper's link digest changes only when linking gave it ids again
    links = {d: manifest.links[d] for d, _ in papers if d in manifest.links and d not in linked.ids}
    links.update({d: hashlib.sha256(repr(ids).encode()).hexdigest()[:16] for d, ids in linked.ids.items()})
    rows = dict.fromkeys(CONTENT_TABLES, 0)
    for document_id, entry in papers:
        relinked = manifest.links.get(document_id) != links.get(document_id)
        for table, n in entry["rows"].items():
            if table not in rows or not n:
                continue
            rows[table] += n
            if document_id not in rewrite and not (relinked and table in LINK_OUTPUTS):
                continue
            part, staged = paper_part(out, table, document_id), staged_path(out, table, document_id)
            if table in LINK_OUTPUTS:
                write_atomic(_with_ids(pq.read_table(staged, schema=SCHEMAS[table]),
                                       linked.ids[document_id].get(table, {}), SCHEMAS[table]), part)
            else:
                link_or_copy(staged, part)
    for table in CONTENT_TABLES:
        prune_parts(out / table, {d for d, e in papers if e["rows"].get(table)}, SCHEMAS[table])
    _write_documents(out, documents, organisation_of, linked.organisation_ids, manifest.organisations, rewrite)
    rows["documents"] = len(documents)
    whole = {"people": to_arrow("people", rows_frame(linked.people, ["person_id", "name", "variants", "n_documents"])),
             "bodies": to_arrow("bodies", rows_frame(linked.bodies, ["body_id", "name", "variants", "organisation_id",
                                                                     "n_documents"]))}
    for name, table in whole.items():
        write_whole_table(table, out / name)
        rows[name] = table.num_rows
    for name in TABLE_NAMES:  # a single file an older layout left: readers would take it instead
        (out / f"{name}.parquet").unlink(missing_ok=True)
    write_datapackage(out)
    save_state(linked.state)
    (out / WORK / LEGACY_LINK_STATE).unlink(missing_ok=True)
    manifest.links, manifest.rows = links, {name: rows[name] for name in TABLE_NAMES}
    manifest.organisations = linked.organisation_ids
    return _summary(documents, out, manifest.rows)


def _write_documents(out: Path, documents: list[DocumentRow], organisation_of: Callable[[DocumentRow], str | None],
                     organisation_ids: dict[str, str], previous_ids: dict[str, str], rewrite: set[str]) -> None:
    """The ``documents`` table: a part per paper (written when the paper was processed, moved, or
    its organisation's id changed) and one of the files without an id."""
    from pipeline.normalise import columns_table, normalised_columns
    from pipeline.schema import SCHEMAS

    folder = out / "documents"
    written = set(os.listdir(folder)) if folder.is_dir() else set()
    keep, without_id = set(), []

    def table(rows: list[DocumentRow]) -> pa.Table:
        columns = normalised_columns("documents", [d.whole() for d in rows])
        columns["organisation_id"] = [None if n is None else organisation_ids.get(n) for n in columns["organisation"]]
        return columns_table("documents", columns)

    for document in documents:
        document_id = document.document_id
        if document_id is None:
            without_id.append(document)
            continue
        keep.add(document_id)
        name = organisation_of(document)
        if (document_id in rewrite or document.entry is None or f"{document_id}.parquet" not in written
                or document.moved() or (name is not None and organisation_ids.get(name) != previous_ids.get(name))):
            write_atomic(table([document]), paper_part(out, "documents", document_id))
    if without_id:
        keep.add(WITHOUT_ID)
        write_atomic(table(without_id), paper_part(out, "documents", WITHOUT_ID))
    prune_parts(folder, keep, SCHEMAS["documents"])
