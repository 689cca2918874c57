"""`boardpapers query`: SQL over the output tables, in both output layouts."""
from __future__ import annotations

import io
import json

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.normalise import normalise, to_arrow
from pipeline.query import query, read_table, table_names
from pipeline.schema import SCHEMAS


def actions_table(rows):
    return to_arrow("actions", normalise("actions", rows))


def write_output(out, layout):
    """Documents and actions in one of the two layouts the pipeline may write."""
    out.mkdir()
    docs = to_arrow("documents", normalise("documents", [
        {"document_id": "d1", "source_path": "a.txt", "status": "ok"},
        {"document_id": "d2", "source_path": "b.txt", "status": "ok"}]))
    parts = [actions_table([{"document_id": "d1", "ref": "1", "status": "Open", "owner": "RA"},
                            {"document_id": "d1", "ref": "2", "status": "Closed", "owner": "RA"}]),
             actions_table([{"document_id": "d2", "ref": "1", "status": "Open", "owner": "TH"}])]
    if layout == "file":
        pq.write_table(docs, out / "documents.parquet")
        pq.write_table(pa.concat_tables(parts), out / "actions.parquet")
    else:  # a folder of part files per table, one part per paper
        (out / "documents").mkdir()
        pq.write_table(docs, out / "documents" / "part-0.parquet")
        (out / "actions").mkdir()
        for i, part in enumerate(parts):
            pq.write_table(part, out / "actions" / f"part-{i}.parquet")


def test_sql_joins_tables_whichever_layout_they_are_written_in(tmp_path):
    sql = ("SELECT d.source_path, count(*) AS n FROM actions a JOIN documents d USING (document_id) "
           "WHERE a.status = 'open' GROUP BY 1 ORDER BY 1")
    for layout in ("file", "folder"):
        write_output(tmp_path / layout, layout)
        assert query(tmp_path / layout, sql).to_pylist() == [{"source_path": "a.txt", "n": 1},
                                                            {"source_path": "b.txt", "n": 1}]
        assert read_table(tmp_path / layout, "actions").num_rows == 3


def test_the_runs_bookkeeping_folders_are_not_tables(tmp_path):
    write_output(tmp_path / "out", "folder")
    (tmp_path / "out" / "_staging" / "d1").mkdir(parents=True)
    pq.write_table(actions_table([{"document_id": "d1", "ref": "9"}]), tmp_path / "out" / "_staging" / "d1" / "x.parquet")
    assert table_names(tmp_path / "out") == list(SCHEMAS)


def test_a_table_not_written_reads_empty_with_its_schema(tmp_path):
    write_output(tmp_path / "out", "file")
    assert query(tmp_path / "out", "SELECT count(*) AS n FROM budget_lines").to_pylist() == [{"n": 0}]
    assert read_table(tmp_path / "out", "people").schema.equals(SCHEMAS["people"])


def test_cli_prints_a_table_and_writes_csv_json_and_parquet(tmp_path):
    write_output(tmp_path / "out", "folder")
    runner = CliRunner()
    sql = "SELECT ref, owner FROM actions ORDER BY document_id, ref"
    printed = runner.invoke(app, ["query", sql, "--out", str(tmp_path / "out")])
    assert printed.exit_code == 0, printed.output
    assert "TH" in printed.output and "3 rows" in printed.output
    as_csv = runner.invoke(app, ["query", sql, "-o", str(tmp_path / "out"), "--format", "csv"])
    assert pacsv.read_csv(io.BytesIO(as_csv.stdout.encode())).to_pylist()[2] == {"ref": 1, "owner": "TH"}
    as_json = runner.invoke(app, ["query", sql, "-o", str(tmp_path / "out"), "-f", "json"])
    assert json.loads(as_json.stdout)[0] == {"ref": "1", "owner": "RA"}
    saved = runner.invoke(app, ["query", sql, "-o", str(tmp_path / "out"), "-f", "parquet",
                                "--save", str(tmp_path / "r.parquet")])
    assert saved.exit_code == 0, saved.output
    assert pq.read_table(tmp_path / "r.parquet").num_rows == 3


def test_cli_reports_bad_sql_and_parquet_without_a_file(tmp_path):
    write_output(tmp_path / "out", "file")
    runner = CliRunner()
    bad = runner.invoke(app, ["query", "SELEC ref FROM actions", "-o", str(tmp_path / "out")])
    assert bad.exit_code == 2 and "syntax error" in bad.output
    no_file = runner.invoke(app, ["query", "SELECT 1", "-o", str(tmp_path / "out"), "-f", "parquet"])
    assert no_file.exit_code == 2 and "--save" in no_file.output
