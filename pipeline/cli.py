"""The ``boardpapers`` command."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table as RichTable

from pipeline.extractor import RegistryError, load_extractors
from pipeline.run import RunSummary, discover, run

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn board papers (PDF and text) into analysis-ready Parquet tables.")
console = Console(stderr=True)
out_console = Console()


def _print_summary(summary: RunSummary) -> None:
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary.statuses.items()))
    out_console.print(f"[bold]{summary.papers} papers[/bold] ({statuses}), {summary.pages} pages "
                      f"in {summary.seconds:.1f}s -> {summary.out}")
    counts = RichTable(show_header=True, header_style="bold", box=None)
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in summary.rows.items():
        counts.add_row(name, str(n))
    out_console.print(counts)
    if summary.failures:
        out_console.print("[bold]not ok:[/bold]")
        for source, status, error in summary.failures:
            out_console.print(f"  {status:8} {source}: {error}", markup=False)


@app.command("run")
def run_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Folders (walked recursively) or files; default data/raw.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the Parquet tables.")] = Path("data/processed"),
    extractor: Annotated[Optional[list[str]], typer.Option("--extractor", "-e", help="Run only these extractors (repeatable).")] = None,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any paper is not ok.")] = False,
) -> None:
    """Process papers (.pdf, .txt, .md) and write every table of the contract."""
    inputs = inputs or [Path("data/raw")]
    try:
        papers = discover(inputs)
        load_extractors(extractor)
    except (FileNotFoundError, RegistryError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    if sys.stderr.isatty():
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   TextColumn("{task.fields[current]}"))
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("papers", total=len(papers), current="")
            summary = run(papers, out, extractor, on_paper=lambda r: progress.update(
                task, advance=1, current=r.document["source_path"][-50:]))
    else:
        summary = run(papers, out, extractor)
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


def main() -> None:  # console-script entry point
    app()
