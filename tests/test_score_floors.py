"""CI guard: the dev corpus scored against ../shared/gold with the project's own scorer
(pipeline/evaluate.py) may not fall more than TOLERANCE below the floors recorded in
tests/score_floors.json, per table and overall, for all papers and for each form of
input. Raise the floors as scores rise (``python scripts/score_by_form.py`` prints them)."""
from __future__ import annotations

import json

import pytest

from pipeline.evaluate import Evaluation, evaluate, evaluate_by_form
from tests.conftest import CORPUS, FORMS, GOLD, REPO

FLOORS = REPO / "tests" / "score_floors.json"
TOLERANCE = 0.02


def falls(result: Evaluation, floors: dict[str, float]) -> list[str]:
    """Every table (or ``overall``) scoring more than TOLERANCE below its floor."""
    scores = {table: result.scored[table].f1 if table in result.scored else 0.0 for table in floors}
    scores["overall"] = result.overall
    return [f"{table} {scores[table]:.3f} < floor {floor:.3f}" for table, floor in floors.items()
            if scores[table] < floor - TOLERANCE]


def test_every_form_of_input_has_floors():
    assert set(json.loads(FLOORS.read_text("utf-8"))) == {"all", *FORMS}


def test_a_fall_beyond_the_tolerance_is_caught_and_one_within_it_is_not(tmp_path):
    from tests.test_evaluate import write_gold, write_output

    write_output(tmp_path / "out", documents=[{"document_id": "a" * 16, "source_path": "agenda.txt"}],
                 agenda_items=[{"document_id": "a" * 16, "item_number": "1", "title": "Welcome", "page": 1}])
    write_gold(tmp_path / "gold", {"source": "agenda.txt", "agenda_items": [
        {"item_number": "1", "title": "Welcome"}, {"item_number": "2", "title": "Minutes of the last meeting"}]})
    result = evaluate(tmp_path / "out", tmp_path / "gold")  # precision 1, recall 0.5: F1 0.667
    assert falls(result, {"agenda_items": 0.68, "overall": 0.68}) == []
    assert falls(result, {"agenda_items": 0.70}) == ["agenda_items 0.667 < floor 0.700"]
    assert falls(result, {"meetings": 0.5}) == ["meetings 0.000 < floor 0.500"]


@pytest.mark.corpus
@pytest.mark.parametrize("form", ["all", *FORMS])
def test_scores_hold_their_floors(corpus_out, form):
    floors = json.loads(FLOORS.read_text("utf-8"))[form]
    if form == "all":
        result = evaluate(corpus_out, GOLD)
    else:
        result = evaluate_by_form(corpus_out, GOLD, [CORPUS / form])[form]
    assert not result.unmatched_gold, f"gold papers not in the run: {result.unmatched_gold}"
    assert falls(result, floors) == []
