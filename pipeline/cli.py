"""The ``boardpapers`` command."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table as RichTable

from pipeline.extractor import RegistryError, extractor_modules, load_extractors
from pipeline.run import DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT, RunSummary, discover, run

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn board papers (PDF and text) into analysis-ready Parquet tables.")
console = Console(stderr=True)
out_console = Console()


def _print_summary(summary: RunSummary) -> None:
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary.statuses.items()))
    out_console.print(f"[bold]{summary.papers} papers[/bold] ({statuses}), {summary.pages} pages "
                      f"in {summary.seconds:.1f}s -> {summary.out}")
    out_console.print(f"{summary.processed} processed, {summary.papers - summary.processed} unchanged since the last run")
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
        console.print(f"[red]error:[/red] --engine is local or dask, not {engine!r}")
        raise typer.Exit(2)
    options = dict(workers=workers, engine=engine, scheduler=scheduler, timeout=timeout, memory_limit_mb=memory_limit,
                   ocr=ocr)
    try:
        papers = discover(inputs)
        extractor_modules(extractor)  # names checked without importing: a run with nothing to do imports nothing
    except (FileNotFoundError, RegistryError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    if sys.stderr.isatty():
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   TextColumn("{task.fields[current]}"))
        # refreshed per paper, not by rich's refresh thread: a process without threads
        # can fork its workers, which then start with the extractors loaded
        with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
            task = progress.add_task("papers", total=len(papers), current="")
            summary = run(papers, out, extractor, on_paper=lambda r: progress.update(
                task, advance=1, current=r.document["source_path"][-50:], refresh=True), **options)
    else:
        summary = run(papers, out, extractor, **options)
    _print_summary(summary)
    if strict and summary.failures:
        raise typer.Exit(1)


@app.command("extractors")
def extractors_command() -> None:
    """List the installed extractors, in run order."""
    table = RichTable("name", "produces", "order", "module", header_style="bold", box=None)
    for registered in load_extractors():
        table.add_row(registered.name, ", ".join(registered.produces), str(registered.order), registered.module)
    out_console.print(table)


@app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="SQL over the tables, each a view by its name: SELECT * FROM actions")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder of a run.")] = Path("data/processed"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (printed), csv, json or parquet.")] = "table",
    save: Annotated[Optional[Path], typer.Option("--save", help="Write the result to this file.")] = None,
) -> None:
    """Run SQL over the output tables with DuckDB."""
    import duckdb
    from rich.markup import escape

    from pipeline.query import FORMATS, query, render

    if fmt not in FORMATS or (fmt == "parquet" and save is None):
        console.print(f"[red]error:[/red] --format is one of {', '.join(FORMATS)}; parquet needs --save FILE")
        raise typer.Exit(2)
    try:
        result = query(out, sql)
    except (FileNotFoundError, duckdb.Error) as exc:
        console.print("[red]error:[/red]", escape(str(exc)))
        raise typer.Exit(2)
    if fmt == "table":
        table = RichTable(*result.column_names, header_style="bold", box=None)
        for row in result.to_pylist():
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        out_console.print(table)
        out_console.print(f"{result.num_rows} rows", style="dim")
        return
    data = render(result, fmt)
    if save is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        save.write_bytes(data)
        console.print(f"{result.num_rows} rows -> {save}")


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
        console.print(f"[red]error:[/red] paper not found: {paper}")
        raise typer.Exit(2)
    try:
        reports = inspect_paper(paper, [page] if page else ([1] if png else None), extractor)
        if png:
            console.print(f"page {reports[0].page.number} drawn -> {draw(reports[0], png)}")
    except (LoadError, RegistryError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    for report in reports:
        for line in describe(report):
            out_console.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Option("--gold", "-g", help="Folder of gold files (<source file name>.json).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder of a run.")] = Path("data/processed"),
    detail: Annotated[bool, typer.Option("--detail", help="List every missed gold field and extra row.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Score an output folder against hand-made gold files: row precision, field recall, F1 per table."""
    import json

    from pipeline.evaluate import evaluate

    if not gold.is_dir():
        console.print(f"[red]error:[/red] gold folder not found: {gold}")
        raise typer.Exit(2)
    try:
        result = evaluate(out, gold)
    except FileNotFoundError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
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
    app()
