"""Incremental runs into one output folder, and the output layout (a Parquet dataset per table)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import duckdb
import pandas as pd
import pyarrow.dataset as ds

from pipeline.query import read_table
from pipeline.run import discover, run
from pipeline.schema import SCHEMAS

TABLE_A = "Item\tCost\t\nStaff\t100\t\n"
TABLE_B = "Line\tAmount\t\nPremises\t40\t\nTravel\t5\t\n"


def cells(out):
    frame = read_table(out, "tables").to_pandas()
    return sorted(zip(frame["document_id"], frame["text"]))


def test_an_unchanged_rerun_processes_nothing_and_keeps_the_tables(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (src / "b.txt").write_text(TABLE_B)
    first = run(discover([src]), out, ["tables"])
    before = cells(out)
    again = run(discover([src]), out, ["tables"])
    assert (first.processed, again.processed) == (2, 0)
    assert cells(out) == before and len(before) == 10
    assert again.rows["tables"] == 10 and again.statuses["ok"] == 2


def test_changed_new_and_removed_papers(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (src / "b.txt").write_text(TABLE_B)
    (src / "gone.txt").write_text("Name\tRole\t\nAnn\tChair\t\n")
    run(discover([src]), out, ["tables"])
    (src / "a.txt").write_text(TABLE_A.replace("100", "150"))
    (src / "gone.txt").unlink()
    (src / "new.txt").write_text("Ref\tOwner\t\n17-01\tRG\t\n")
    summary = run(discover([src]), out, ["tables"])
    assert summary.processed == 2  # a.txt changed, new.txt added; b.txt as it was
    texts = [text for _, text in cells(out)]
    assert "150" in texts and "100" not in texts
    assert "RG" in texts and "Ann" not in texts
    assert sorted(read_table(out, "documents").column("source_path").to_pylist()) == ["a.txt", "b.txt", "new.txt"]
    assert len(list((out / ".boardpapers" / "staging" / "tables").iterdir())) == 3
    assert len(list((out / "tables").glob("*.parquet"))) == 3  # a part per paper


def test_other_extractors_reprocess_every_paper(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    run(discover([src]), out, ["tables"])
    assert run(discover([src]), out, ["tables", "document_info"]).processed == 1


def test_a_deleted_staged_part_is_rebuilt(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    run(discover([src]), out, ["tables"])
    for part in (out / ".boardpapers" / "staging" / "tables").iterdir():
        part.unlink()
    assert run(discover([src]), out, ["tables"]).processed == 1
    assert len(cells(out)) == 4


def test_every_table_is_a_folder_of_parts_read_alike_by_pandas_pyarrow_and_duckdb(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (src / "b.txt").write_text(TABLE_B)
    run(discover([src]), out, ["tables"])
    for name, schema in SCHEMAS.items():
        folder = out / name
        assert not (out / f"{name}.parquet").exists()
        arrow = ds.dataset(folder, format="parquet").to_table()
        assert arrow.schema.equals(schema, check_metadata=False), name
        frame = pd.read_parquet(folder)
        count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/*.parquet')").fetchall()[0][0]
        assert len(frame) == arrow.num_rows == count, name
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/tables/*.parquet')").fetchall()[0][0] == 10


def test_an_old_single_file_table_is_replaced_by_the_folder(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (out / "tables.parquet").write_bytes(b"stale")
    run(discover([src]), out, ["tables"])
    assert not (out / "tables.parquet").exists()
    assert read_table(out, "tables").num_rows == 4


def test_a_run_of_some_extractors_keeps_the_rows_the_others_found(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("# Minutes of the Finance Committee\n\n" + TABLE_A)
    run(discover([src]), out, ["tables", "document_info"])
    doc_type = read_table(out, "documents").column("doc_type").to_pylist()
    assert len(cells(out)) == 4 and doc_type != [None]
    again = run(discover([src]), out, ["document_info"])
    assert again.processed == 1  # another set of extractors: the paper is read again
    assert len(cells(out)) == 4 and again.rows["tables"] == 4
    assert run(discover([src]), out, ["tables"]).processed == 1
    assert read_table(out, "documents").column("doc_type").to_pylist() == doc_type


def test_globbing_the_whole_output_reads_every_row_once(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (src / "b.txt").write_text(TABLE_B)
    summary = run(discover([src]), out, ["tables"])
    (src / "c.txt").write_text(TABLE_A.replace("100", "7"))
    summary = run(discover([src]), out, ["tables"])  # staged rows of three papers, some reused
    everything = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', union_by_name=true)")
    assert everything.fetchall()[0][0] == sum(summary.rows.values()) == 14 + 3
    tables = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/tables/**/*.parquet')").fetchall()[0][0]
    assert tables == summary.rows["tables"] == 14


def test_output_files_follow_the_umask(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    previous = os.umask(0o027)
    try:
        run(discover([src]), out, ["tables"])
    finally:
        os.umask(previous)
    modes = {p.relative_to(out).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    assert modes and all(mode == 0o640 for mode in modes.values()), modes


def test_a_run_with_nothing_to_do_imports_nothing_processing_needs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    run(discover([src]), out, ["tables"])
    script = ("import sys; from pathlib import Path; from pipeline.run import discover, run; "
              f"s = run(discover([Path({str(src)!r})]), Path({str(out)!r}), ['tables']); "
              "heavy = ('pyarrow', 'pandas', 'duckdb', 'spacy', 'extractors.tables', 'pipeline.link'); "
              "print(s.processed, s.rows['tables'], sorted(m for m in heavy if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "4", "[]"]


def test_adding_and_removing_papers_appends_to_the_journal_until_it_is_mostly_stale(tmp_path, monkeypatch):
    from pipeline import manifest as manifest_module
    from pipeline.manifest import Manifest

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text(TABLE_A.replace("Staff", f"Staff {name}"))
    run(discover([src]), out, ["tables"])
    journal = out / ".boardpapers" / "manifest.jsonl"
    first = journal.read_bytes()
    (src / "d.txt").write_text(TABLE_B)
    (src / "a.txt").unlink()
    summary = run(discover([src]), out, ["tables"])
    assert summary.processed == 1
    assert journal.read_bytes().startswith(first)  # earlier lines untouched: appended to
    kept = Manifest(out)
    assert len(kept.papers) == 3 and set(kept.files) == {f"{src.as_posix()}/{n}.txt" for n in "bcd"}
    assert {t: dict(e["link_inputs"]) for t, e in kept.papers.items()} == \
        {t: dict(e["link_inputs"]) for t, e in Manifest(out).papers.items()}
    assert sorted(d for d, _ in cells(out)) == sorted(e["document"]["document_id"] for e in kept.papers.values()
                                                      for _ in range(e["rows"]["tables"]))
    # once the journal holds more than twice what is still present, it is rewritten with that only
    monkeypatch.setattr(manifest_module, "REWRITE_BYTES", 0)
    (src / "b.txt").unlink()
    run(discover([src]), out, ["tables"])
    lines = journal.read_text().splitlines()
    assert len(lines) == 3 and '"files"' in lines[0]
    assert len(Manifest(out).papers) == 2
    assert run(discover([src]), out, ["tables"]).processed == 0


def test_documents_is_a_part_per_paper_and_adding_one_writes_only_its_own(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (src / "b.txt").write_text(TABLE_B)
    (src / "copy-of-b.txt").write_text(TABLE_B)
    (src / "empty.txt").write_text("")
    run(discover([src]), out, ["tables"])
    parts = {p.name: p.stat().st_ino for p in (out / "documents").glob("*.parquet")}
    ids = read_table(out, "documents").column("document_id").to_pylist()
    # a part per paper (the empty file too: it failed); the copy (no id of its own) in another
    assert set(parts) == {f"{d}.parquet" for d in ids if d} | {"without-id.parquet"} and len(parts) == 4
    (src / "c.txt").write_text("Name\tRole\t\nAnn\tChair\t\n")
    (src / "empty.txt").unlink()
    run(discover([src]), out, ["tables"])
    after = {p.name: p.stat().st_ino for p in (out / "documents").glob("*.parquet")}
    assert len(set(after) - set(parts)) == 1 and len(set(parts) - set(after)) == 1  # c.txt's; empty.txt's gone
    assert all(after[n] == parts[n] for n in after if n in parts and n != "without-id.parquet")
    documents = read_table(out, "documents").to_pandas()
    assert sorted(documents["source_path"]) == ["a.txt", "b.txt", "c.txt", "copy-of-b.txt"]
    copy = documents.set_index("source_path").loc["copy-of-b.txt"]
    assert pd.isna(copy["document_id"]) and copy["duplicate_of"] == documents.set_index("source_path").loc[
        "b.txt", "document_id"]
    # one table to every reader
    glob = (out / "documents" / "*.parquet").as_posix()
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall() == [(4,)]
    assert len(pd.read_parquet(out / "documents")) == len(ds.dataset(out / "documents").to_table()) == 4
    # a file moved: its row says where it is now, and its part alone is written again
    (src / "a.txt").rename(src / "moved-a.txt")
    run(discover([src]), out, ["tables"])
    moved = {p.name: p.stat().st_ino for p in (out / "documents").glob("*.parquet")}
    assert sum(moved[n] != after[n] for n in after if n in moved and n != "without-id.parquet") == 1
    assert "moved-a.txt" in read_table(out, "documents").column("source_path").to_pylist()


def test_the_manifest_reads_a_papers_documents_row_from_its_journal_line(tmp_path):
    from pipeline.manifest import Manifest

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TABLE_A)
    (src / "b.txt").write_text(TABLE_B)
    run(discover([src]), out, ["tables"])
    manifest = Manifest(out)
    for sha, entry in manifest.papers.items():
        document = entry["document"]  # read from the line, not held
        assert document["sha256"] == sha and document["document_id"] == entry.document_id
        assert set(entry["rows"]) == {"tables"} and entry.status == document["status"] == "ok"
        assert "ocr" not in entry and not hasattr(entry, "__dict__")
    # the journal rewritten: the entries point into the new file
    manifest.compact(set(list(manifest.papers)[:1]), set())
    kept, = Manifest(out).papers.values()
    assert kept["document"]["sha256"] in manifest.papers and dict(kept["link_inputs"]) == {}
