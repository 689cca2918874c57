"""Throughput of the pipeline against bare PDF text extraction, on the same papers in the same run.

    python benchmarks/bench.py [PDF_FOLDER] [--skip-plumber]

Prints pages/s of: bare pdfplumber ``extract_text``, bare pypdfium2 text, the
full pipeline (every extractor) with 1 and 2 workers, and an unchanged
re-run; and peak resident memory of the run's processes. Start-up (the
extractors' imports and language data, once per run, as pdfplumber's import is
once) is timed apart and the runs after it are steady state; the ratio is
printed with it too. The pipeline runs
with OCR off (``--no-ocr``): the bare readers read no scan either, and OCR
(about a page a second) would measure tesseract, not the pipeline. Figures, not a test:
record them in docs/performance.md with the machine's load at the time.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from pipeline.run import discover, prepared_extractors, run

DEFAULT_FOLDER = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"


def pdf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".pdf")


def timed(label: str, pages: int, work) -> float:
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    print(f"{label:44} {seconds:8.2f} s {pages / seconds:9.1f} pages/s", flush=True)
    return seconds


def bare_pdfplumber(files: list[Path]) -> None:
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()


def bare_pypdfium2(files: list[Path]) -> None:
    for path in files:
        document = pdfium.PdfDocument(path)
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()


def count_pages(files: list[Path]) -> int:
    total = 0
    for path in files:
        document = pdfium.PdfDocument(path)
        total += len(document)
        document.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--skip-plumber", action="store_true", help="leave out bare pdfplumber (slow)")
    args = parser.parse_args()
    files = pdf_files(args.folder)
    pages = count_pages(files)
    print(f"{len(files)} PDFs, {pages} pages in {args.folder}; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, float] = {}
    if not args.skip_plumber:
        results["pdfplumber"] = timed("bare pdfplumber extract_text", pages, lambda: bare_pdfplumber(files))
    results["pypdfium2"] = timed("bare pypdfium2 text", pages, lambda: bare_pypdfium2(files))
    papers = discover([args.folder])
    started = time.perf_counter()
    prepared_extractors()
    startup = time.perf_counter() - started
    print(f"{'start-up (imports, language data), once':44} {startup:8.2f} s", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="boardpapers-bench-"))
    try:
        results["1 worker"] = timed("full pipeline, 1 worker", pages,
                                    lambda: run(papers, scratch / "one", workers=1, ocr=False))
        results["2 workers"] = timed("full pipeline, 2 workers", pages,
                                     lambda: run(papers, scratch / "two", workers=2, ocr=False))
        rerun: dict[str, int] = {}
        results["re-run"] = timed("unchanged re-run, 2 workers", pages,
                                  lambda: rerun.update(n=run(papers, scratch / "two", workers=2, ocr=False).processed))
        if rerun["n"]:
            print(f"  (the code changed meanwhile: {rerun['n']} papers were processed again)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: largest worker {workers_mb:.0f} MB, main process {parent_mb:.0f} MB "
          "(the main process also ran the bare readers)")
    if "pdfplumber" in results:
        print(f"full pipeline (1 worker) vs bare pdfplumber: {results['pdfplumber'] / results['1 worker']:.2f}x "
              f"({results['pdfplumber'] / (results['1 worker'] + startup):.2f}x with start-up)")
    print(f"2 workers vs 1: {results['1 worker'] / results['2 workers']:.2f}x")
    print(f"unchanged re-run vs first run (2 workers): {results['2 workers'] / results['re-run']:.1f}x faster")


if __name__ == "__main__":
    sys.exit(main())
