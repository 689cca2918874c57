"""Every mistake a user can make on the command line ends in one line saying what to do,
with a non-zero exit status (and no traceback)."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import pipeline.extractor
from pipeline import __version__
from pipeline.cli import app
from pipeline.extractor import Extractor, entry_points
from pipeline.normalise import normalise, to_arrow
from pipeline.write import write_whole_table

runner = CliRunner()


def one_line_error(result, *words: str, status: int = 2) -> None:
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    for word in words:
        assert word in lines[0], (word, lines[0])


@pytest.fixture
def out(tmp_path):
    """An output folder with a few actions and budget lines."""
    rows = {"documents": [{"document_id": "d1", "source_path": "a.txt", "status": "ok"}],
            "actions": [{"document_id": "d1", "ref": f"A{n}", "action": f"Action {n}"} for n in range(150)],
            "budget_lines": [{"document_id": "d1", "row_label": "Staff", "value": 1234567.891, "unit": "£"}]}
    for table, table_rows in rows.items():
        write_whole_table(to_arrow(table, normalise(table, table_rows)), tmp_path / "out" / table)
    return tmp_path / "out"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"boardpapers {__version__}"


def test_an_output_folder_that_is_a_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Agenda\n")
    (tmp_path / "taken").write_text("a file")
    one_line_error(runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "taken")]),
                   "is a file, not a folder")
    one_line_error(runner.invoke(app, ["query", "SELECT 1", "--out", str(tmp_path / "taken")]), "is a file")


def test_query_save_into_a_missing_folder(out, tmp_path):
    one_line_error(runner.invoke(app, ["query", "SELECT * FROM actions", "-o", str(out),
                                       "--save", str(tmp_path / "nowhere" / "a.csv")]), "create it first")


def test_query_save_takes_the_format_from_the_suffix(out, tmp_path):
    result = runner.invoke(app, ["query", "SELECT ref FROM actions", "-o", str(out), "--save", str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert len(json.loads((tmp_path / "b.json").read_text())) == 150
    parquet = runner.invoke(app, ["query", "SELECT ref FROM actions", "-o", str(out), "--save", str(tmp_path / "b.parquet")])
    assert parquet.exit_code == 0 and pq.read_table(tmp_path / "b.parquet").num_rows == 150
    one_line_error(runner.invoke(app, ["query", "SELECT 1", "-o", str(out), "--save", str(tmp_path / "b.xyz")]),
                   "b.xyz", "-f")


def test_query_prints_a_limited_number_of_rows_unless_told(out):
    limited = runner.invoke(app, ["query", "SELECT ref FROM actions", "-o", str(out)])
    assert limited.exit_code == 0
    assert "A99" in limited.output and "A100" not in limited.output
    assert "100 of 150 rows shown (--limit 0 for all)" in limited.output
    everything = runner.invoke(app, ["query", "SELECT ref FROM actions", "-o", str(out), "--limit", "0"])
    assert "A149" in everything.output and "150 rows" in everything.output
    assert runner.invoke(app, ["query", "SELECT ref FROM actions", "-o", str(out), "-f", "csv"]).output.count("A1") > 50


def test_query_piped_keeps_every_digit_and_every_column(out):
    sql = "SELECT value, row_label, unit, document_id, page, table_title, column_label, period FROM budget_lines"
    result = runner.invoke(app, ["query", sql, "-o", str(out)])  # CliRunner's stdout is not a terminal
    header, row = result.stdout.splitlines()[:2]
    assert header.split("\t")[:3] == ["value", "row_label", "unit"]
    assert row.split("\t")[:3] == ["1234567.891", "Staff", "£"]


def test_a_plug_in_that_cannot_be_imported_is_named_once(monkeypatch, tmp_path):
    def broken():
        raise ModuleNotFoundError("No module named 'numpyy'")

    plugin = SimpleNamespace(name="minutes_plus", value="minutes_plus.extract:Minutes", load=broken,
                             dist=SimpleNamespace(name="boardpapers-minutes-plus"))
    monkeypatch.setattr(pipeline.extractor, "entry_points",
                        lambda group: [*entry_points(group=group), plugin])
    (tmp_path / "a.txt").write_text("Agenda\n")
    for args in (["extractors"], ["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o")]):
        result = runner.invoke(app, args)
        one_line_error(result, "'minutes_plus'", "minutes_plus.extract:Minutes", "boardpapers-minutes-plus", "numpyy")


def test_a_plug_in_that_writes_an_unknown_table(monkeypatch, tmp_path):
    class Grants(Extractor):
        name = "grants"
        produces = ("grants",)

    plugin = SimpleNamespace(name="grants", value="grants:Grants", load=lambda: Grants,
                             dist=SimpleNamespace(name="boardpapers-grants"))
    monkeypatch.setattr(pipeline.extractor, "entry_points",
                        lambda group: [*entry_points(group=group), plugin])
    one_line_error(runner.invoke(app, ["extractors"]), "'grants'", "boardpapers-grants", "known tables")
    (tmp_path / "a.txt").write_text("Agenda\n")
    one_line_error(runner.invoke(app, ["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o")]), "'grants'")


def test_inspect_page_zero_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Agenda\n\n1. Apologies\n")
    one_line_error(runner.invoke(app, ["inspect", str(tmp_path / "a.txt"), "--page", "0"]), "--page counts from 1")


def test_evaluate_an_empty_gold_folder_and_only_the_papers_present(out, tmp_path):
    (tmp_path / "gold").mkdir()
    one_line_error(runner.invoke(app, ["evaluate", "-g", str(tmp_path / "gold"), "-o", str(out)]), "no gold files")
    (tmp_path / "gold" / "a.txt.json").write_text(json.dumps({"source": "a.txt", "actions": [
        {"ref": "A1", "action": "Action 1"}]}))
    (tmp_path / "gold" / "other.pdf.json").write_text(json.dumps({"source": "other.pdf", "actions": [
        {"ref": "X1", "action": "Not run"}]}))
    everything = json.loads(runner.invoke(app, ["evaluate", "-g", str(tmp_path / "gold"), "-o", str(out),
                                                "--json"]).stdout)
    present = json.loads(runner.invoke(app, ["evaluate", "-g", str(tmp_path / "gold"), "-o", str(out), "--json",
                                             "--present-only"]).stdout)
    assert everything["tables"]["actions"]["gold_rows"] == 2 and present["tables"]["actions"]["gold_rows"] == 1
    assert present["unmatched_gold"] == ["other.pdf"]
    (tmp_path / "gold" / "a.txt.json").unlink()
    one_line_error(runner.invoke(app, ["evaluate", "-g", str(tmp_path / "gold"), "-o", str(out), "--present-only"]),
                   "none of the gold papers")


def test_interrupted_run_says_what_was_kept(tmp_path, monkeypatch):
    import pipeline.cli

    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"p{n}.txt").write_text(f"Agenda {n}\n")

    def interrupted(papers, out, extractor, on_paper=None, **options):
        on_paper(SimpleNamespace(document={"source_path": papers[0].source_path}))
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.cli, "run", interrupted)
    one_line_error(runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "o")]),
                   "interrupted: 1 of 3 papers", "run the same command again", status=130)
