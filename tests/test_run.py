"""The spine end to end: every table always written, failures recorded, run goes on."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.load import SUFFIXES
from pipeline.run import discover, run
from pipeline.schema import SCHEMAS
from pipeline.query import query, read_table
from tests.conftest import CORPUS, FORMS, needs_corpus


def read(out, table):
    return read_table(out, table)


def test_every_table_is_written_with_its_schema_even_when_empty(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text("Nothing here but a sentence of prose.")
    run(discover([tmp_path / "in"]), tmp_path / "out")
    for name, schema in SCHEMAS.items():
        assert read(tmp_path / "out", name).schema.equals(schema, check_metadata=False), name


def test_broken_papers_are_recorded_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "empty.pdf").write_bytes(b"")
    (src / "text-named.pdf").write_text("this is not a PDF at all")
    (src / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (src / "sub" / "good.txt").write_text("## Agenda\n\n1. Apologies\n")
    (src / "ignored.docx").write_text("not a paper")
    run(discover([src]), tmp_path / "out")
    docs = read(tmp_path / "out", "documents").to_pandas().set_index("source_path")
    assert sorted(docs.index) == ["empty.pdf", "sub/good.txt", "text-named.pdf", "truncated.pdf"]
    assert docs.loc["sub/good.txt", "status"] == "ok"
    assert docs.loc["empty.pdf", "error"] == "empty file (0 bytes)"
    for name in ("text-named.pdf", "truncated.pdf"):
        assert docs.loc[name, "status"] == "failed"
        assert "not a readable PDF" in docs.loc[name, "error"]


def test_same_bytes_twice_is_one_document_id_and_rows_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    table = "A\tB\t\n1\t2\t\n"
    (src / "a.txt").write_text(table)
    (src / "b.txt").write_text(table)
    run(discover([src]), tmp_path / "out")
    docs = read(tmp_path / "out", "documents").to_pylist()
    a, b = sorted(docs, key=lambda d: d["source_path"])
    assert a["document_id"] and b["document_id"] is None and b["duplicate_of"] == a["document_id"]
    assert b["sha256"] == a["sha256"]
    assert len(read(tmp_path / "out", "tables")) == 4
    joined = query(tmp_path / "out", "SELECT count(*) AS n FROM tables JOIN documents USING (document_id)")
    assert joined.to_pylist() == [{"n": 4}]


def test_two_files_of_one_name_in_two_inputs_stay_apart(tmp_path, monkeypatch):
    for folder, body in (("north", "Agenda\n\n1. Apologies\n"), ("south", "Minutes\n\n1. Welcome\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "minutes.txt").write_text(body)
    monkeypatch.chdir(tmp_path)
    run(discover([Path("north"), Path("south"), Path("south/minutes.txt")]), tmp_path / "out")
    docs = read(tmp_path / "out", "documents").to_pylist()
    assert sorted((d["input"], d["source_path"]) for d in docs) == [
        (str(tmp_path / "north"), "minutes.txt"), (str(tmp_path / "south"), "minutes.txt")]
    assert len({d["document_id"] for d in docs}) == 2


def test_a_file_given_by_itself_is_named_from_its_folder(tmp_path, monkeypatch):
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "agenda.txt").write_text("Agenda\n\n1. Apologies\n")
    monkeypatch.chdir(tmp_path / "papers")
    papers = discover([Path("../papers/agenda.txt")])
    assert [(p.input, p.source_path) for p in papers] == [(str(tmp_path / "papers"), "agenda.txt")]


def test_cli_strict_exits_non_zero_on_a_failed_paper(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"")
    runner = CliRunner()
    ok = runner.invoke(app, ["run", str(tmp_path / "bad.pdf"), "--out", str(tmp_path / "o1")])
    assert ok.exit_code == 0, ok.output
    assert "empty file" in ok.output
    strict = runner.invoke(app, ["run", str(tmp_path / "bad.pdf"), "--out", str(tmp_path / "o2"), "--strict"])
    assert strict.exit_code == 1


def test_cli_missing_input_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "input not found" in result.output


def test_extractors_command_lists_the_builtins():
    result = CliRunner().invoke(app, ["extractors"])
    assert result.exit_code == 0
    assert "tables" in result.output and "document_info" in result.output


@pytest.mark.corpus
def test_whole_corpus_gives_one_documents_row_per_paper(corpus_out):
    needs_corpus()
    docs = read(corpus_out, "documents").to_pandas().set_index("source_path")
    assert len(docs) == sum(p.suffix.lower() in SUFFIXES for form in FORMS for p in (CORPUS / form).rglob("*"))
    scan = docs.loc["jersey_city_budget/CY2013BudgetAdopted.pdf"]
    assert scan["status"] == "partial"
    assert "no text layer" in scan["error"]
    assert (docs["n_pages"] > 0).all()


def test_every_file_is_accounted_for_and_a_file_that_is_not_a_paper_is_never_ok(tmp_path):
    import zipfile

    src = tmp_path / "in"
    src.mkdir()
    (src / "agenda.txt").write_text("Agenda\n\n1. Apologies\n")
    with zipfile.ZipFile(src / "report.txt", "w") as docx:  # a Word file saved under a .txt name
        docx.writestr("word/document.xml", "<w:document/>")
    (src / "scan.md").write_bytes(b"\x00\x01\x02 binary \x00")
    for name in ("minutes.docx", "budget.xlsx", "budget2.xlsx", "page.html", ".DS_Store"):
        (src / name).write_text("not read")
    result = CliRunner().invoke(app, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "4 files skipped, not a format read here (.pdf, .txt, .md): 1 .docx, 1 .html, 2 .xlsx" in result.output
    docs = read(tmp_path / "out", "documents").to_pandas().set_index("source_path")
    assert docs.loc["agenda.txt", "status"] == "ok"
    assert docs.loc["report.txt", "status"] == "failed" and "ZIP file" in docs.loc["report.txt", "error"]
    assert docs.loc["scan.md", "status"] == "failed" and "binary content" in docs.loc["scan.md", "error"]


def test_a_table_laid_out_with_spaces_is_read_and_the_paper_is_ok(tmp_path):
    (tmp_path / "in").mkdir()
    # a PDF rendered to text with its columns kept by spaces (pdftotext -layout)
    (tmp_path / "in" / "plan.txt").write_text(
        "Three Year Revenue Plan\n\n"
        "Directorate                  2025-26      2026-27      2027-28\n"
        "                              £000s        £000s        £000s\n"
        "Adult Social Care            712,300      748,100      781,900\n"
        "Children's Services          402,750      415,200      430,050\n"
        "Growth and Environment       188,400      190,100      195,600\n")
    run(discover([tmp_path / "in"]), tmp_path / "out")
    doc = read(tmp_path / "out", "documents").to_pylist()[0]
    # its columns come from the same table finder as a PDF page's: nothing is left unread
    assert (doc["status"], doc["error"]) == ("ok", None)
    lines = read(tmp_path / "out", "budget_lines").to_pylist()
    assert {(r["row_label"], r["column_label"], r["value"]) for r in lines} >= {
        ("Adult Social Care", "2025-26", 712300.0), ("Growth and Environment", "2027-28", 195600.0)}


def test_pandas_reads_dates_as_dates_and_whole_numbers_as_whole_numbers(tmp_path):
    import pandas as pd

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "agenda.txt").write_text("Agenda\n\nMeeting of the Board\n12 March 2024\n\n1. Apologies\n")
    run(discover([tmp_path / "in"]), tmp_path / "out")
    for table, column, kind in (("meetings", "meeting_date", "date32[day][pyarrow]"),
                                ("actions", "due_date", "date32[day][pyarrow]"),
                                ("agenda_items", "page", "Int32"), ("budget_lines", "is_total", "boolean")):
        assert str(pd.read_parquet(tmp_path / "out" / table).dtypes[column]) == kind, (table, column)
    assert pd.api.types.is_datetime64_any_dtype(pd.read_parquet(tmp_path / "out" / "meetings")["meeting_date"]
                                                .astype("datetime64[s]"))


def test_a_table_run_into_the_text_makes_the_paper_partial(tmp_path):
    (tmp_path / "in").mkdir()
    # a web page's rendering of a finance dashboard, its line breaks lost
    figures = " ".join(f"Measure {n} {n * 1000:,} {n * 990:,} {n * 10} G" for n in range(1, 8))
    (tmp_path / "in" / "dashboard.txt").write_text(f"Finance Report\nSummary of Key Measures Target Actual {figures}\n")
    (tmp_path / "in" / "prose.txt").write_text("Finance Report\nThe forecast deficit of £7.35m in 2015/16 is "
                                               "£11.30m below plan, after £2.9m of savings in Q3 and 4 pay awards.\n")
    run(discover([tmp_path / "in"]), tmp_path / "out")
    docs = read(tmp_path / "out", "documents").to_pandas().set_index("source_path")
    assert docs.loc["dashboard.txt", "error"] == "tables run into the text (no line breaks) not read on page 1"
    assert docs.loc["prose.txt", "status"] == "ok"
