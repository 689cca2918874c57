"""Throughput of the pipeline against bare PDF text extraction, whole processes side by side.

    python benchmarks/bench.py [PDF_FOLDER] [--skip-plumber]

Times whole processes, as a user waits for them (start-up, imports and
writing included): bare pdfplumber ``extract_text`` and bare pypdfium2 text
(each a Python process reading every page), then ``boardpapers run`` with 1
and 2 workers into empty folders, and an unchanged re-run. Prints seconds,
pages/s and each process's peak RSS (its largest process), and the ratios
the targets are set in. The pipeline runs with OCR off (``--no-ocr``): the
bare readers read no scan either, and OCR (about a page a second) would
measure tesseract, not the pipeline. Figures, not a test: record them in
docs/performance.md with the machine, the date and the load at the time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_FOLDER = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"

BARE_PDFPLUMBER = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""
BARE_PYPDFIUM2 = """
import sys, pypdfium2 as pdfium
for path in sys.argv[1:]:
    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()
"""


def pdf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".pdf")


def count_pages(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in files:
        document = pdfium.PdfDocument(path)
        total += len(document)
        document.close()
    return total


def whole_process(label: str, pages: int, command: list[str]) -> float:
    """Run one process to its end; print its wall-clock seconds, pages/s and peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label}: {' '.join(command[:3])} ... failed")
    print(f"{label:44} {seconds:8.2f} s {pages / seconds:9.1f} pages/s {usage.ru_maxrss / 1024:7.0f} MB",
          flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--skip-plumber", action="store_true", help="leave out bare pdfplumber (slow)")
    args = parser.parse_args()
    files = pdf_files(args.folder)
    pages = count_pages(files)
    print(f"{len(files)} PDFs, {pages} pages in {args.folder}; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    paths = [str(p) for p in files]
    boardpapers = str(Path(sys.executable).with_name("boardpapers"))
    results: dict[str, float] = {}
    if not args.skip_plumber:
        results["pdfplumber"] = whole_process("bare pdfplumber extract_text", pages,
                                              [sys.executable, "-c", BARE_PDFPLUMBER, *paths])
    results["pypdfium2"] = whole_process("bare pypdfium2 text", pages, [sys.executable, "-c", BARE_PYPDFIUM2, *paths])
    scratch = Path(tempfile.mkdtemp(prefix="boardpapers-bench-"))
    try:
        for workers in (1, 2):
            results[f"{workers} worker"] = whole_process(
                f"boardpapers run, {workers} worker{'s' if workers > 1 else ''}", pages,
                [boardpapers, "run", str(args.folder), "--out", str(scratch / str(workers)),
                 "--workers", str(workers), "--no-ocr"])
        results["re-run"] = whole_process("unchanged re-run", pages,
                                          [boardpapers, "run", str(args.folder), "--out", str(scratch / "2"),
                                           "--workers", "2", "--no-ocr"])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"load average now {os.getloadavg()[0]:.1f}")
    if "pdfplumber" in results:
        print(f"boardpapers run (1 worker) vs bare pdfplumber: {results['pdfplumber'] / results['1 worker']:.2f}x "
              "(target 4x)")
    print(f"2 workers vs 1: {results['1 worker'] / results['2 worker']:.2f}x (target 1.8x)")
    print(f"unchanged re-run: {results['re-run']:.2f} s (target 0.5 s), "
          f"{results['2 worker'] / results['re-run']:.0f}x faster than the first run")


if __name__ == "__main__":
    sys.exit(main())
