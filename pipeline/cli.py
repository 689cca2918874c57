"""The ``boardpapers`` command."""
from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.markup import escape
from rich.table import Table as RichTable

from pipeline import __version__
from pipeline.extractor import RegistryError, extractor_modules, load_extractors
from pipeline.run import DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT, RunSummary, discover, run, unsupported_files

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn board papers (PDF and text) into analysis-ready Parquet tables.")
console = Console(stderr=True)
out_console = Console()
# Rows `query` prints as a table unless told otherwise (--limit).
PRINTED_ROWS = 100
SAVE_FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet"}


def fail(message: str, status: int = 2) -> typer.Exit:
    """One line on stderr saying what went wrong and what to do; the exit to raise."""
    console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    return typer.Exit(status)


def _output_folder(out: Path, option: str = "--out") -> None:
    """A usable output folder, or the error to raise."""
    if out.exists() and not out.is_dir():
        raise fail(f"{option} {out} is a file, not a folder: give the folder the tables go in")


def _version(value: bool) -> None:
    if value:
        out_console.print(f"boardpapers {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn board papers (PDF and text) into analysis-ready Parquet tables."""


def _print_summary(summary: RunSummary) -> None:
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary.statuses.items()))
    out_console.print(f"[bold]{summary.papers} papers[/bold] ({statuses}), {summary.pages} pages "
                      f"in {summary.seconds:.1f}s -> {summary.out}")
    out_console.print(f"{summary.processed} processed, {summary.papers - summary.processed} unchanged since the last run")
    if summary.skipped:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(summary.skipped.items()))
        out_console.print(f"{sum(summary.skipped.values())} files skipped, not a format read here (.pdf, .txt, .md): "
                          f"{kinds}", markup=False, soft_wrap=True)
    counts = RichTable(show_header=True, header_style="bold", box=None)
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in summary.rows.items():
        counts.add_row(name, str(n))
    out_console.print(counts)
    if summary.failures:
        out_console.print("[bold]not ok:[/bold]")
        for source, status, error in summary.failures:
            out_console.print(f"  {status:8} {source}: {error}", markup=False, soft_wrap=True)


@app.command("run")
def run_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Folders (walked recursively) or files; default data/raw.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the Parquet tables.")] = Path("data/processed"),
    extractor: Annotated[Optional[list[str]], typer.Option("--extractor", "-e", help="Run only these extractors (repeatable).")] = None,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any paper is not ok.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Papers processed in parallel (default: the cores).")] = None,
    engine: Annotated[str, typer.Option(help="local (a pool of processes) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (default: a local cluster).")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds one paper may take before it is stopped and recorded as failed.")] = DEFAULT_TIMEOUT,
    memory_limit: Annotated[float, typer.Option("--memory-limit", help="MB of memory one worker may use before its paper is stopped.")] = DEFAULT_MEMORY_LIMIT_MB,
    ocr: Annotated[bool, typer.Option(help="Read image-only scans by OCR when ocrmypdf and tesseract are installed (slow: about a page a second).")] = True,
) -> None:
    """Process papers (.pdf, .txt, .md) and write every table of the contract.

    Re-running into the same --out processes only new or changed papers.
    """
    inputs = inputs or [Path("data/raw")]
    if engine not in ("local", "dask"):
        raise fail(f"--engine is local or dask, not {engine!r}")
    _output_folder(out)
    options = dict(workers=workers, engine=engine, scheduler=scheduler, timeout=timeout, memory_limit_mb=memory_limit,
                   ocr=ocr)
    try:
        papers = discover(inputs)
        skipped = unsupported_files(inputs)
        extractor_modules(extractor)  # names checked without importing: a run with nothing to do imports nothing
    except (FileNotFoundError, RegistryError) as exc:
        raise fail(str(exc))
    finished: list[str] = []
    try:
        summary = _run_with_progress(papers, out, extractor, finished, options)
    except KeyboardInterrupt:
        raise fail(f"interrupted: {len(finished)} of {len(papers)} papers were finished and are kept in {out}; "
                   "run the same command again to process the rest", 130)
    except RegistryError as exc:  # a plug-in that cannot be imported shows once there is work for it
        raise fail(str(exc))
    except OSError as exc:
        raise fail(f"cannot write to {out}: {exc.strerror or exc}")
    summary.skipped = skipped
    _print_summary(summary)
    if strict and summary.failures:
        raise typer.Exit(1)


def _run_with_progress(papers, out: Path, extractor, finished: list[str], options: dict) -> RunSummary:
    """run(), with a progress bar on a terminal; ``finished`` collects each paper done."""
    if sys.stderr.isatty():
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   TextColumn("{task.fields[current]}"))
        # refreshed per paper, not by rich's refresh thread: a process without threads
        # can fork its workers, which then start with the extractors loaded
        with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
            task = progress.add_task("papers", total=len(papers), current="")

            def advance(result) -> None:
                finished.append(result.document["source_path"])
                progress.update(task, advance=1, current=result.document["source_path"][-50:], refresh=True)

            return run(papers, out, extractor, on_paper=advance, **options)
    return run(papers, out, extractor, on_paper=lambda r: finished.append(r.document["source_path"]), **options)


@app.command("extractors")
def extractors_command() -> None:
    """List the installed extractors, in run order."""
    table = RichTable("name", "produces", "order", "module", header_style="bold", box=None)
    try:
        extractors = load_extractors()
    except RegistryError as exc:
        raise fail(str(exc))
    for registered in extractors:
        table.add_row(registered.name, ", ".join(registered.produces), str(registered.order), registered.module)
    out_console.print(table)


@app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="SQL over the tables, each a view by its name: SELECT * FROM actions")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder of a run.")] = Path("data/processed"),
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="table (printed), csv, json or parquet; default: from --save's suffix, else table.")] = None,
    save: Annotated[Optional[Path], typer.Option("--save", help="Write the result to this file.")] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=0, help=f"At most this many rows (0: all). Default: {PRINTED_ROWS} printed as a table, "
                                     "all otherwise.")] = None,
) -> None:
    """Run SQL over the output tables with DuckDB."""
    import duckdb

    from pipeline.query import FORMATS, query, render

    if fmt is None:
        fmt = SAVE_FORMATS.get(save.suffix.lower()) if save is not None else "table"
        if fmt is None:
            raise fail(f"cannot tell the format from {save.name}: end it in {', '.join(SAVE_FORMATS)} or give -f")
    if fmt not in FORMATS:
        raise fail(f"--format is one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet" and save is None:
        raise fail("parquet is written to a file: add --save FILE")
    if save is not None and fmt == "table":
        raise fail(f"--save writes csv, json or parquet: add -f, or end {save.name} in {', '.join(SAVE_FORMATS)}")
    if save is not None and not save.parent.is_dir():
        raise fail(f"folder not found for --save: {save.parent} (create it first)")
    if out.exists() and not out.is_dir():
        raise fail(f"--out {out} is a file: give the output folder of a run")
    try:
        result = query(out, sql)
    except (FileNotFoundError, duckdb.Error) as exc:
        raise fail(str(exc))
    total = result.num_rows
    if limit is None and fmt == "table":
        limit = PRINTED_ROWS
    if limit:
        result = result.slice(0, limit)
    shown = f"{total} rows" if result.num_rows == total else \
        f"{result.num_rows} of {total} rows shown (--limit 0 for all)"
    if fmt == "table":
        _print_result(result)
        (out_console if out_console.is_terminal else console).print(shown, style="dim")  # piped: data only on stdout
        return
    data = render(result, fmt)
    if save is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    try:
        save.write_bytes(data)
    except OSError as exc:
        raise fail(f"cannot write {save}: {exc.strerror or exc}")
    console.print(f"{shown} -> {save}")


def _print_result(result) -> None:
    """A query result as a table on a terminal; piped, as tab-separated lines (nothing cut)."""
    cells = [["" if v is None else str(v) for v in row.values()] for row in result.to_pylist()]
    if not out_console.is_terminal:
        lines = ["\t".join(result.column_names), *("\t".join(c.replace("\t", " ") for c in row) for row in cells)]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    table = RichTable(*result.column_names, header_style="bold", box=None)
    for row in cells:
        table.add_row(*row)
    out_console.print(table)


@app.command("inspect")
def inspect_command(
    paper: Annotated[Path, typer.Argument(help="One paper (.pdf, .txt, .md).")],
    page: Annotated[Optional[int], typer.Option("--page", "-p", help="1-based page (default: every page).")] = None,
    png: Annotated[Optional[Path], typer.Option("--png", help="Draw what was found over the page image (PDF).")] = None,
    extractor: Annotated[Optional[list[str]], typer.Option("--extractor", "-e", help="Only these extractors.")] = None,
) -> None:
    """Show what the pipeline finds on a page: segments, tables and each extractor's rows."""
    from pipeline.inspection import describe, draw, inspect_paper
    from pipeline.load import LoadError

    if not paper.is_file():
        raise fail(f"paper not found: {paper}")
    if page is not None and page < 1:
        raise fail(f"--page counts from 1, not {page}; leave it out for every page")
    if png is not None and not png.parent.is_dir():
        raise fail(f"folder not found for --png: {png.parent} (create it first)")
    try:
        reports = inspect_paper(paper, [page] if page else ([1] if png else None), extractor)
        if png:
            console.print(f"page {reports[0].page.number} drawn -> {draw(reports[0], png)}")
    except (LoadError, RegistryError, ValueError) as exc:
        raise fail(str(exc))
    for report in reports:
        for line in describe(report):
            out_console.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Option("--gold", "-g", help="Folder of gold files (<source file name>.json).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder of a run.")] = Path("data/processed"),
    detail: Annotated[bool, typer.Option("--detail", help="List every missed gold field and extra row.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    present_only: Annotated[bool, typer.Option(
        "--present-only", help="Score only the gold papers present in the output (a run over part of the corpus).")] = False,
) -> None:
    """Score an output folder against hand-made gold files: row precision, field recall, F1 per table."""
    import json

    from pipeline.evaluate import evaluate

    if not gold.is_dir():
        raise fail(f"gold folder not found: {gold}")
    if not any(gold.glob("*.json")):
        raise fail(f"no gold files (*.json) in {gold}: give the folder that holds them")
    if out.exists() and not out.is_dir():
        raise fail(f"--out {out} is a file: give the output folder of a run")
    try:
        result = evaluate(out, gold, present_only=present_only)
    except FileNotFoundError as exc:
        raise fail(str(exc))
    if not result.scored and not result.document_fields.gold_fields:
        raise fail(f"none of the gold papers in {gold} is in {out}: run the pipeline on them first")
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), indent=2, default=str) + "\n")
        return
    table = RichTable("table", "gold", "pred", "paired", "row P", "field R", "F1", header_style="bold", box=None)
    for name, score in result.scored.items():
        table.add_row(name, str(score.gold_rows), str(score.predicted_rows), str(score.paired),
                      f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    out_console.print(table)
    if detail:
        for line in [*map(str, result.misses), *map(str, result.extras)]:
            out_console.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)
    for source in result.unmatched_gold:
        out_console.print(f"  not in the output: {source}", markup=False)
    fields = result.document_fields
    if fields.gold_fields:
        out_console.print(f"document fields (doc_type, language): {fields.correct_fields}/{fields.gold_fields}")
    out_console.print(f"[bold]overall {result.overall:.3f}[/bold]")


def main() -> None:  # console-script entry point
    try:
        app()
    finally:
        # the interpreter's last collections at exit would scan every object a run loaded
        # (millions: the extractors' language data) and find no garbage: half a second
        gc.freeze()
