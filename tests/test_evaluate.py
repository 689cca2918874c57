"""`boardpapers evaluate`: the project's own scorer for gold files."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import agreement, evaluate, is_correct, pair
from pipeline.normalise import normalise, to_arrow
from pipeline.schema import CONTENT_TABLES
from tests.conftest import GOLD, SHARED

LONG = ("The Committee is asked to note the financial position at month ten and the actions "
        "taken to recover the forecast overspend.")


def write_output(out, **rows):
    out.mkdir()
    for table in ("documents", *CONTENT_TABLES):
        pq.write_table(to_arrow(table, normalise(table, rows.get(table, []))), out / f"{table}.parquet")


def write_gold(folder, *papers):
    folder.mkdir()
    for paper in papers:
        (folder / f"{paper['source']}.json").write_text(json.dumps(paper))


def test_fields_agree_by_their_kind():
    assert is_correct("title", "Apologies for Absence.", "apologies for  absence")
    assert not is_correct("title", "Apologies", "Declarations of interest")
    assert is_correct("recommendations", LONG, LONG.replace("ten", "10") + " More words follow here.")
    assert is_correct("meeting_date", "2024-03-14", dt.date(2024, 3, 14))
    assert not is_correct("meeting_date", "2024-03-14", dt.date(2024, 3, 15))
    assert is_correct("value", -1200.0, -1201) and not is_correct("value", -1200.0, -1300)
    assert is_correct("is_total", True, True) and not is_correct("is_total", False, True)
    assert is_correct("presenter", None, None) and not is_correct("presenter", None, "Ruth Allen")
    assert agreement("purpose", "information;discussion", "discussion;decision") == pytest.approx(1 / 3)


def test_rows_pair_on_their_keys_best_first():
    gold = [{"item_number": "1", "title": "Welcome"}, {"item_number": "2", "title": "Apologies"}]
    predicted = [{"item_number": "2", "title": "Apologies"}, {"item_number": "9", "title": "Budget"},
                 {"item_number": "1", "title": "Welcome and introductions"}]
    assert pair(("item_number", "title"), gold, predicted) == {1: 0, 0: 2}


def test_scores_per_table_with_misses_and_extras(tmp_path):
    write_output(tmp_path / "out",
                 documents=[{"document_id": "d1", "source_path": "text/a.txt", "status": "ok", "doc_type": "agenda"}],
                 agenda_items=[{"document_id": "d1", "item_number": "1", "title": "Welcome", "presenter": "Ruth Allen"},
                               {"document_id": "d1", "item_number": "2", "title": "Apologies", "presenter": "Tom"},
                               {"document_id": "d1", "item_number": "3", "title": "Contents page"}],
                 decisions=[{"document_id": "d1", "title": "Budget"}])
    write_gold(tmp_path / "gold", {
        "source": "a.txt", "documents": {"doc_type": "agenda", "language": "en"},
        "agenda_items": [{"item_number": "1", "title": "Welcome", "presenter": "Ruth Allen"},
                         {"item_number": "2", "title": "Apologies", "presenter": "Tom Hughes"},
                         {"item_number": "4", "title": "Any other business"}],
        "decisions": [],  # none in the paper: the predicted one is a false positive
    })
    result = evaluate(tmp_path / "out", tmp_path / "gold")
    agenda = result.tables["agenda_items"]
    assert (agenda.gold_rows, agenda.predicted_rows, agenda.paired) == (3, 3, 2)
    assert (agenda.correct_fields, agenda.gold_fields) == (5, 8)
    assert agenda.f1 == pytest.approx(2 * (2 / 3) * (5 / 8) / (2 / 3 + 5 / 8))
    assert result.tables["decisions"].f1 == 0.0
    assert set(result.scored) == {"agenda_items", "decisions"}  # meetings etc. have no rows: not scored
    assert result.overall == pytest.approx(agenda.f1 / 2)
    assert [str(m) for m in result.misses] == [
        "a.txt documents[0].language: want 'en' got None",
        "a.txt agenda_items[1].presenter: want 'Tom Hughes' got 'Tom'",
        "a.txt agenda_items[2].item_number: want '4' got <no row>",
        "a.txt agenda_items[2].title: want 'Any other business' got <no row>",
    ]
    assert [e.row["title"] for e in result.extras] == ["Contents page", "Budget"]
    assert (result.document_fields.correct_fields, result.document_fields.gold_fields) == (1, 2)


def test_only_the_annotated_pages_of_a_financial_paper_are_scored(tmp_path):
    lines = [{"document_id": "d1", "table_title": "Revenue", "row_label": "Staff", "column_label": "2024/25",
              "value": v, "page": p} for v, p in ((100.0, 3), (200.0, 9))]
    write_output(tmp_path / "out", documents=[{"document_id": "d1", "source_path": "b.pdf", "status": "ok"}],
                 budget_lines=lines)
    write_gold(tmp_path / "gold", {"source": "b.pdf", "budget_pages": [3], "budget_lines": [
        {"table_title": "Revenue", "row_label": "Staff", "column_label": "2024/25", "value": 100}]})
    score = evaluate(tmp_path / "out", tmp_path / "gold").tables["budget_lines"]
    assert (score.predicted_rows, score.paired, score.f1) == (1, 1, 1.0)


def test_cli_prints_scores_and_json(tmp_path):
    write_output(tmp_path / "out", documents=[{"document_id": "d1", "source_path": "a.txt", "status": "ok"}],
                 meetings=[{"document_id": "d1", "body": "Cabinet", "meeting_date": "2025-01-30"}])
    write_gold(tmp_path / "gold", {"source": "a.txt", "meetings": [{"body": "Cabinet", "meeting_date": "2025-01-30"}]},
               {"source": "missing.pdf", "meetings": []})
    runner = CliRunner()
    printed = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--out", str(tmp_path / "out")])
    assert printed.exit_code == 0, printed.output
    assert "overall 1.000" in printed.output and "not in the output: missing.pdf" in printed.output
    as_json = runner.invoke(app, ["evaluate", "-g", str(tmp_path / "gold"), "-o", str(tmp_path / "out"), "--json"])
    assert json.loads(as_json.stdout)["tables"]["meetings"]["score"] == 1.0


def reference_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not beside the repo")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_agrees(out, gold):
    reference = reference_scorer().score(out, gold, detail=True)
    ours = evaluate(out, gold).as_dict()
    assert ours["tables"] == reference["tables"]
    assert ours["overall"] == pytest.approx(reference["overall"], abs=0.002)
    # The reference prints a null as pandas holds it (None or nan by the column's dtype); ours always as None.
    reference_misses = [re.sub(r" got nan$", " got None", m.replace("got '<no row>'", "got <no row>"))
                        for m in reference["misses"]]
    assert [m for m in ours["misses"] if " documents[" not in m] == reference_misses


def test_agrees_with_the_reference_scorer_on_tricky_rows(tmp_path):
    write_output(tmp_path / "out",
                 documents=[{"document_id": "d1", "source_path": "x/a.txt", "status": "ok"}],
                 actions=[{"document_id": "d1", "ref": "7", "action": "Send the minutes", "status": "Open"},
                          {"document_id": "d1", "ref": "7", "action": "Send the minutes", "status": "Closed"},
                          {"document_id": "d1", "ref": "8", "action": LONG[:70], "due_date": "2024-04-01"}],
                 papers=[{"document_id": "d1", "title": "Finance", "purpose": "information;decision",
                          "recommendations": LONG.upper()}])
    write_gold(tmp_path / "gold", {"source": "a.txt",
               "actions": [{"ref": "7", "action": "Send the minutes", "status": "open"},
                           {"ref": "8", "action": LONG, "due_date": "2024-04-01", "owner": None}],
               "papers": [{"title": "Finance", "purpose": "information", "recommendations": LONG}]})
    assert_agrees(tmp_path / "out", tmp_path / "gold")


@pytest.mark.corpus
def test_agrees_with_the_reference_scorer_on_the_corpus(corpus_out):
    assert_agrees(corpus_out, GOLD)
