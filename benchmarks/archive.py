"""An archive that grows: what adding papers costs as the output folder grows.

    python benchmarks/archive.py [--papers N] [--workers 2] [--keep DIR [--reuse]] [--dask]

Makes N small text papers (a committee's agenda with presenters, an action
log with owners, a budget table; each with its own body, date, people and
figures), then times whole ``boardpapers run`` processes, as a user would,
side by side: the first run of the archive; an unchanged re-run; adding one
paper; a run of that one paper alone into an empty folder. Each line gives
wall-clock seconds, CPU seconds (user and system, of the process and its
workers: on a shared machine they vary far less than wall-clock time) and
the process's peak RSS (the largest of the run's processes, as
``/usr/bin/time`` reports it). The goal: adding one paper takes
no more than the unchanged re-run plus the one paper alone plus one second,
and peak RSS does not grow with N. ``--keep DIR --reuse`` starts from the
output an earlier ``--keep DIR`` run left (building 10,000 papers takes a
while). ``--dask`` also runs the archive on a Dask
LocalCluster of 2 workers and compares every table with the local engine's.
Figures, not a test: record them in docs/performance.md with the machine and date.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BODIES = ("Finance Committee", "Health and Wellbeing Board", "Cabinet", "Audit Committee",
          "Quality and Safety Committee", "Joint Committee of CCGs", "People Committee", "Board of Directors")
PLACES = ("Northfield", "Eastbrook", "Westmere", "Southholm", "Kingsford", "Ashby", "Redcliffe", "Harrowgate",
          "Millbank", "Stonebridge", "Oakham", "Fairport")
GIVEN = ("Anna", "Ben", "Clare", "David", "Emma", "Farid", "Grace", "Hugh", "Irene", "James", "Karen", "Liam",
         "Maya", "Noel", "Olive", "Priya", "Rohan", "Sara", "Tom", "Uma")
SURNAMES = ("Ashworth", "Bennett", "Chaudhry", "Dawson", "Ellison", "Fairbairn", "Gough", "Hartley", "Iqbal",
            "Jennings", "Kowalski", "Lindqvist", "Mahmood", "Norris", "Okafor", "Pemberton", "Quinn", "Rahman")
TOPICS = ("Winter capacity plan", "Estates strategy refresh", "Digital records programme", "Workforce report",
          "Month 6 finance report", "Risk register review", "Safeguarding annual report", "Capital programme")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September", "October", "November")


def paper_text(index: int) -> str:
    """One small paper, three pages (form feeds), its own bytes."""
    rng = random.Random(index)
    place = PLACES[index % len(PLACES)]
    body = f"{place} {BODIES[(index // len(PLACES)) % len(BODIES)]}"
    people = [f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(4)]
    year = 2015 + index % 10
    date = f"{1 + index % 27} {MONTHS[index % len(MONTHS)]} {year}"
    agenda = "\n".join(f"{n}\t{rng.choice(TOPICS)}\t{rng.choice(people)}\tFor decision\t"
                       for n in range(1, 6))
    actions = "\n".join(f"{year % 100}-{n:02d}\tCirculate the revised {rng.choice(TOPICS).lower()}\t"
                        f"{rng.choice(people)}\t{1 + n} {MONTHS[(index + n) % len(MONTHS)]} {year}\tOpen\t"
                        for n in range(1, 5))
    budget = "\n".join(f"{line}\t{rng.randint(100, 9000)}\t{rng.randint(100, 9000)}\t"
                       for line in ("Staff", "Premises", "Supplies", "Transport"))
    return (f"# {body}\n\nMeeting held on {date} at 10:00, {place} Town Hall\n\n## Agenda\n\n"
            f"Item\tTitle\tPresenter\tPurpose\t\n{agenda}\n"
            f"\f## Action log\n\nRef\tAction\tOwner\tDue date\tStatus\t\n{actions}\n"
            f"\f## Revenue budget {year}-{(year + 1) % 100:02d} (£000)\n\n"
            f"Line\tBudget {year}-{(year + 1) % 100:02d}\tForecast\t\n{budget}\n")


def make_papers(folder: Path, first: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(first, first + count):
        (folder / f"{index // 1000:03d}" / f"paper-{index:06d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{index // 1000:03d}" / f"paper-{index:06d}.txt").write_text(paper_text(index), encoding="utf-8")


def boardpapers(*args: str) -> tuple[float, float, float]:
    """One whole ``boardpapers`` process: (wall seconds, peak RSS MB of its largest process, CPU seconds)."""
    command = [str(Path(sys.executable).with_name("boardpapers")), *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    process.stderr.close()
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def report(label: str, figures: tuple[float, float, float]) -> tuple[float, float]:
    """Print a process's line; its (wall, CPU) seconds."""
    print(f"{label:52} {figures[0]:8.2f} s {figures[2]:8.2f} s CPU {figures[1]:6.0f} MB   "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    return figures[0], figures[2]


def same_tables(one: Path, other: Path) -> list[str]:
    """The tables whose rows differ between two output folders (order aside)."""
    from pipeline.query import read_table
    from pipeline.schema import SCHEMAS

    differ = []
    for name in SCHEMAS:
        a, b = (read_table(folder, name).drop_columns(["pipeline_version"]) if name == "documents"
                else read_table(folder, name) for folder in (one, other))
        if sorted(map(repr, a.to_pylist())) != sorted(map(repr, b.to_pylist())):
            differ.append(name)
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="also compare a Dask LocalCluster run's tables")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: start from the output folder an earlier run left there (built by the "
                             "same code, or every paper is read again), instead of a first run into an empty one")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="boardpapers-archive-"))
    archive, extra, out = scratch / "archive", scratch / "extra", scratch / "out"
    try:
        if not (args.reuse and args.keep):
            shutil.rmtree(out, ignore_errors=True)
        for folder in (archive / "new", scratch / "alone", scratch / "dask"):  # what an earlier --keep run left
            shutil.rmtree(folder, ignore_errors=True)
        if not archive.is_dir():
            make_papers(archive, 0, args.papers)
        make_papers(extra, args.papers, 1)
        print(f"{args.papers} papers of 3 pages in {archive}; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}, {args.workers} workers", flush=True)
        common = ("--workers", str(args.workers), "--no-ocr")
        report("the output of an earlier run brought up to date" if out.is_dir() else "first run of the archive",
               boardpapers("run", str(archive), "--out", str(out), *common))
        rerun = report("unchanged re-run", boardpapers("run", str(archive), "--out", str(out), *common))
        shutil.copytree(extra, archive / "new")
        added = report("adding one paper", boardpapers("run", str(archive), "--out", str(out), *common))
        alone = report("that paper alone, into an empty folder",
                       boardpapers("run", str(extra), "--out", str(scratch / "alone"), *common))
        for kind, i in (("", 0), (" of CPU", 1)):
            budget = rerun[i] + alone[i] + 1
            print(f"adding one paper: {added[i]:.2f} s{kind}; budget (re-run + alone + 1 s): {budget:.2f} s: "
                  f"{'met' if added[i] <= budget else 'NOT met'}")
        if args.dask:
            report("the archive on a Dask LocalCluster of 2 workers",
                   boardpapers("run", str(archive), "--out", str(scratch / "dask"), "--engine", "dask",
                               "--workers", "2", "--no-ocr"))
            differ = same_tables(out, scratch / "dask")
            print("Dask and local engines: " + ("the same tables" if not differ else f"tables differ: {differ}"))
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
