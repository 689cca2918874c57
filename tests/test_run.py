"""The spine end to end: every table always written, failures recorded, run goes on."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.load import SUFFIXES
from pipeline.run import discover, run
from pipeline.schema import SCHEMAS
from pipeline.query import read_table
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
    docs = read(tmp_path / "out", "documents").to_pandas()
    assert docs["document_id"].nunique() == 1
    assert docs.set_index("source_path").loc["b.txt", "duplicate_of"] == "a.txt"
    assert len(read(tmp_path / "out", "tables")) == 4


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
