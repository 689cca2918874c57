"""budget_lines: what the columns mean, so figures add up across papers (pipeline/budget_columns.py)."""
from __future__ import annotations

import pytest

from pipeline.budget_columns import currency, fiscal_year
from pipeline.normalise import normalise
from tests.conftest import extractor, text_document


@pytest.mark.parametrize("period, year", [
    ("2024-25", "2024-25"), ("2024/25", "2024-25"), ("24-25", "2024-25"), ("2024-2025", "2024-25"),
    ("Q3 2023/24", "2023-24"), ("1999/00", "1999-00"), ("2013", "2013"), ("Month 10", None), ("2025-2030", None),
    (None, None),
])
def test_one_spelling_of_the_financial_year(period, year):
    assert fiscal_year(period) == year


@pytest.mark.parametrize("unit, code", [
    ("£'000", "GBP"), ("£m", "GBP"), ("$'000", "USD"), ("€", "EUR"), ("kr.", "DKK"), ("mio. kr.", "DKK"),
    ("%", None), ("count", None), (None, None),
])
def test_currency_beside_the_unit(unit, code):
    assert currency(unit) == code


def budget_frame(text: str):
    doc = text_document(text)
    rows = [{**r, "document_id": doc.document_id} for r in extractor("budget").extract(doc)["budget_lines"]]
    return normalise("budget_lines", rows)


def test_total_columns_are_marked_and_the_leaf_figures_add_up_to_them():
    # a council's medium-term plan: core and external funding, and their total, per year
    frame = budget_frame("""Revenue Plan by Directorate

Directorate\t2025-26 Core £'000\t2025-26 External £'000\t2025-26 Total £'000\t2026/27 Total £'000
Adult Services\t1,000\t200\t1,200\t1,300
Children's Services\t500\t50\t550\t600
""")
    assert set(frame.loc[frame.is_total_column, "column_label"]) == {"2025-26 Total", "2026/27 Total"}
    assert set(frame.fiscal_year) == {"2025-26", "2026-27"}
    assert set(frame.currency) == {"GBP"}
    leaves = frame[~frame.is_total_column & ~frame.is_total.astype(bool)]
    totals = frame[frame.is_total_column & (frame.fiscal_year == "2025-26")]
    assert leaves.value_gbp.sum() == totals.value_gbp.sum() == 1_750_000


def test_a_column_of_references_is_not_money():
    # a savings tracker prints each scheme's reference beside its name
    frame = budget_frame("""Savings Plan 2024/25

Scheme\tRef\tPlan £'000\tForecast £'000
Agency staffing\t11\t700\t650
Estates rationalisation\t12\t300\t310
Procurement\t15\t150\t90
""")
    assert sorted(frame.value) == [90, 150, 300, 310, 650, 700]
    assert set(frame.column_label) == {"Plan", "Forecast"}


def test_unlabelled_row_numbers_are_not_money():
    # the label of the numbering column lost (a header the layout did not give it)
    from pipeline.budget_columns import describe_budget_lines

    rows = [{"document_id": "d", "page": 1, "table_title": "Capital", "row_label": label, "column_label": column,
             "value": value, "unit": "£'000", "_column": index}
            for n, label in enumerate(["Schools", "Roads", "Libraries"], start=1)
            for index, column, value in [(0, None, float(n)), (1, None, 100.0 * n + 7), (2, "2025-26", 10.0 * n)]]
    kept = describe_budget_lines(rows)
    assert [r["value"] for r in kept] == [107.0, 10.0, 207.0, 20.0, 307.0, 30.0]
    assert "_column" not in kept[0]
