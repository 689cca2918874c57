"""Normalising rows: the Arrow table written for a paper and the frame linking reads agree."""
import datetime as dt

from pipeline.normalise import normalise, normalised_table, to_arrow


def test_duplicate_rows_go_and_unnumbered_items_take_their_place():
    rows = [{"document_id": "d1", "sequence": 1, "title": "Welcome  and apologies", "page": 1},
            {"document_id": "d1", "sequence": 1, "title": "Welcome and apologies", "page": 1},
            {"document_id": "d1", "title": "Any other business", "page": 2}]
    table = normalised_table("agenda_items", rows)
    assert table.column("title").to_pylist() == ["Welcome and apologies", "Any other business"]
    assert table.column("sequence").to_pylist() == [1, 2]


def test_values_are_coerced_to_the_schema():
    rows = [{"document_id": "d1", "ref": 12, "due_date": dt.datetime(2025, 3, 1, 9, 30), "page": "3",
             "status": "OPEN", "action": "Circulate the <b>revised</b> plan"},
            {"document_id": "d1", "ref": "A-2", "due_date": "2025-04-02", "page": None, "status": "Pending"}]
    table = normalised_table("actions", rows)
    assert table.column("ref").to_pylist() == ["12", "A-2"]
    assert table.column("due_date").to_pylist() == [dt.date(2025, 3, 1), dt.date(2025, 4, 2)]
    assert table.column("page").to_pylist() == [3, None]
    assert table.column("status").to_pylist() == ["open", "Pending"]
    assert table.column("action").to_pylist()[0] == "Circulate the revised plan"


def test_the_table_is_the_frame_as_arrow():
    rows = [{"document_id": "d1", "row_label": "Staff", "value": 1200, "page": 2, "row": 1},
            {"document_id": "d1", "row_label": "Premises", "value": 10.5, "page": 2, "row": 2},
            {"document_id": "d1", "row_label": "Supplies", "page": 3, "is_total": 0}]
    table = normalised_table("budget_lines", rows)
    assert table.column("value").to_pylist() == [1200.0, 10.5, None]
    assert table.column("row").to_pylist() == [1, 2, None]
    assert table.column("is_total").to_pylist() == [None, None, False]
    assert table.equals(to_arrow("budget_lines", normalise("budget_lines", rows)))
