"""Engines: one worker, several, or a Dask cluster give the same tables; a dying worker fails one paper only."""
from __future__ import annotations

import os
import signal

from pipeline.engines import LocalEngine
from pipeline.query import read_table
from pipeline.run import discover, run
from pipeline.schema import TABLE_NAMES
from tests.test_load_pdf import make_pdf, ruled_table_page, text_page


def papers(folder):
    folder.mkdir()
    for n in range(4):
        rows = [["Budget line", "2024-25"], [f"Staff {n}", str(100 + n)], ["Premises", "40"]]
        (folder / f"paper{n}.pdf").write_bytes(make_pdf(text_page(f"Finance report {n}"), ruled_table_page(rows)))
    (folder / "note.txt").write_text("Ref\tOwner\t\n17-01\tRG\t\n")
    (folder / "empty.pdf").write_bytes(b"")
    return discover([folder])


def contents(out):
    """Every table's rows, order-free (parts may come in any order)."""
    return {name: sorted(map(repr, read_table(out, name).to_pylist())) for name in TABLE_NAMES}


def test_one_worker_two_workers_and_a_dask_cluster_give_the_same_tables(tmp_path):
    given = papers(tmp_path / "in")
    run(given, tmp_path / "one", workers=1)
    run(given, tmp_path / "two", workers=2)
    run(given, tmp_path / "dask", engine="dask", workers=1)
    expected = contents(tmp_path / "one")
    assert len(expected["tables"]) == 4 * 6 + 4
    assert contents(tmp_path / "two") == expected
    assert contents(tmp_path / "dask") == expected


def crash_on_two(task):
    if task == 2:
        os.kill(os.getpid(), signal.SIGSEGV)
    return task * 10


def test_a_worker_that_dies_fails_its_task_and_the_pool_goes_on():
    results, failures = {}, {}
    LocalEngine(workers=2, timeout=60).run(range(5), crash_on_two, results.__setitem__, failures.__setitem__)
    assert results == {0: 0, 1: 10, 3: 30, 4: 40}
    assert failures == {2: "the worker process died (SIGSEGV)"}
