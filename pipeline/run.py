"""Run the stages over a set of papers: load -> find -> extract -> normalise -> write.

One paper's failure never stops a run: it is recorded in ``documents`` with a
status and an error, and every other paper's rows are still written.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.datapackage import write_datapackage
from pipeline.extractor import RegisteredExtractor, load_extractors
from pipeline.find import find_segments
from pipeline.link import link
from pipeline.load import SUFFIXES, LoadError, file_identity, input_format, load
from pipeline.normalise import normalise, to_arrow
from pipeline.schema import CONTENT_TABLES, TABLE_NAMES
from pipeline.write import write_tables

# Fields of a paper's documents row that extractors may fill (never status etc.).
DOCUMENT_FIELDS = ("doc_type", "language", "organisation")


@dataclass(frozen=True)
class Paper:
    path: Path
    source_path: str


@dataclass
class PaperResult:
    document: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class RunSummary:
    papers: int = 0
    pages: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (source_path, status, error)
    seconds: float = 0.0
    out: Path | None = None


def discover(inputs: Iterable[Path]) -> list[Paper]:
    """Papers under the inputs: folders walked recursively, files taken as given."""
    papers: list[Paper] = []
    for root in inputs:
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                papers.append(Paper(path, path.relative_to(root).as_posix()))
        elif root.is_file():
            papers.append(Paper(root, root.as_posix()))
        else:
            raise FileNotFoundError(f"input not found: {root}")
    return papers


def _no_text_problem(doc) -> str | None:
    blank = [p.number for p in doc.pages if not p.lines]
    scanned = [p.number for p in doc.pages if any("no text layer" in x for x in p.problems)]
    if doc.pages and len(blank) == len(doc.pages):
        if scanned:
            return (f"no text layer on any of {len(doc.pages)} pages (image-only scan); "
                    "run OCR (e.g. ocrmypdf) on it first")
        return f"no text on any of {len(doc.pages)} pages"
    if scanned:
        return f"no text layer on {len(scanned)} of {len(doc.pages)} pages (image-only): pages {_ranges(scanned)}"
    return None


def _ranges(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def process_paper(paper: Paper, extractors: list[RegisteredExtractor]) -> PaperResult:
    """Every stage for one paper; errors are caught and recorded, never raised."""
    document: dict[str, Any] = {
        "source_path": paper.source_path, "format": input_format(paper.path),
        "status": "ok", "error": None, "pipeline_version": __version__,
    }
    result = PaperResult(document)
    try:
        data = paper.path.read_bytes()
    except OSError as exc:
        document.update(status="failed", error=f"cannot read file: {exc.strerror or exc}")
        return result
    document["document_id"], document["sha256"] = file_identity(data)
    try:
        doc = load(paper.path, paper.source_path, data)
    except LoadError as exc:
        document.update(status="failed", error=str(exc))
        return result
    except Exception as exc:  # a reader bug must not stop the run either
        document.update(status="failed", error=f"load: {type(exc).__name__}: {exc}")
        return result
    document["n_pages"] = doc.n_pages
    errors: list[str] = []
    problem = _no_text_problem(doc)
    if problem:
        errors.append(problem)
    try:
        doc.segments = find_segments(doc)
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


def run(papers: list[Paper], out: Path, extractor_names: list[str] | None = None,
        on_paper: ProgressCallback | None = None) -> RunSummary:
    """Process the papers (see :func:`discover`) and write all tables to ``out``."""
    started = time.perf_counter()
    extractors = load_extractors(extractor_names)
    documents: list[dict[str, Any]] = []
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in CONTENT_TABLES}
    seen: dict[str, str] = {}  # sha256 -> source_path of the first copy
    for paper in papers:
        result = process_paper(paper, extractors)
        sha = result.document.get("sha256")
        if sha in seen:
            result.document["duplicate_of"] = seen[sha]
            result.rows = {}
        elif sha:
            seen[sha] = paper.source_path
        documents.append(result.document)
        for table, table_rows in result.rows.items():
            rows[table].extend(table_rows)
        if on_paper:
            on_paper(result)
    summary = write_run(documents, rows, out)
    summary.seconds = time.perf_counter() - started
    return summary


def write_run(documents: list[dict[str, Any]], rows: dict[str, list[dict[str, Any]]], out: Path) -> RunSummary:
    frames = {"documents": normalise("documents", documents)}
    frames.update({t: normalise(t, rows.get(t, [])) for t in CONTENT_TABLES})
    frames = link(frames)
    write_tables({name: to_arrow(name, frames[name]) for name in TABLE_NAMES}, out)
    write_datapackage(out)
    summary = RunSummary(out=out, papers=len(documents))
    summary.pages = int(sum(d.get("n_pages") or 0 for d in documents))
    summary.rows = {name: len(frames[name]) for name in TABLE_NAMES}
    summary.statuses = Counter(d["status"] for d in documents)
    summary.failures = [(d["source_path"], d["status"], d.get("error") or "") for d in documents if d["status"] != "ok"]
    return summary
