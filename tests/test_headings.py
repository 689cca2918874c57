"""One grammar of item numbers: agenda lists, agenda tables and minuted items
read "5.1", "Item 4:", "24/85", "BM/24/05", "ICB 24/07" alike."""
from __future__ import annotations

import pytest

from extractors.decisions import _heading
from pipeline.headings import candidate, item_number, minutes_heading
from pipeline.model import Line, Page


@pytest.mark.parametrize("printed, number", [
    ("24/85 Apologies for absence", "24/85"), ("BM/24/05 Chief Executive's report", "BM/24/05"),
    ("TB24/101 Quality account", "TB24/101"), ("ICB 24/07 Finance report", "ICB 24/07"),
])
def test_a_minute_number_heads_an_agenda_line_and_a_minuted_item_alike(printed, number):
    line = Line(printed)
    found = candidate(0, Page(1, [line]), line)
    assert found is not None and found.number == number
    assert _heading(line).number == number


@pytest.mark.parametrize("printed", ["2024/25 Revenue budget", "1/2 of the members voted"])
def test_a_year_or_a_fraction_is_no_minute_number(printed):
    assert _heading(Line(printed)) is None


@pytest.mark.parametrize("cell, number", [("4.", "4"), ("3.2", "3.2"), ("Item 4:", "4"), ("BM/24/05", "BM/24/05"),
                                          ("IV", "IV"), ("TB.24.101", "TB.24.101"), ("24/85", "24/85"),
                                          ("(b)", "b"), ("A1", "A1")])
def test_an_agenda_tables_number_cell(cell, number):
    assert item_number(cell)["num"] == number


def test_a_boards_reference_is_a_number_in_a_cell_but_not_in_running_text():
    assert item_number("ICB 24-07")["num"] == "ICB 24-07"
    line = Line("NHS 111 Service review")
    assert candidate(0, Page(1, [line]), line) is None


def test_a_presenter_line_is_no_item():
    line = Line("v. Mette Skovgaard")
    assert candidate(0, Page(1, [line]), line) is None


def test_a_starred_item_reads_its_title_without_the_star():
    # US planning agendas star the items that carry an environmental finding
    line = Line("ITEM 4: *1200 ELM STREET – PROJECT NO. 123456")
    found = candidate(0, Page(1, [line]), line)
    assert (found.number, found.title) == ("4", "1200 ELM STREET – PROJECT NO. 123456")


@pytest.mark.parametrize("printed, number, title", [
    ("212 § Val av protokolljusterare", "212", "Val av protokolljusterare"),  # Swedish-language minutes
    ("§ 14 Budgetopfølgning 2. kvartal", "14", "Budgetopfølgning 2. kvartal"),  # Danish, German minutes
])
def test_a_section_sign_before_or_after_the_number_marks_an_item(printed, number, title):
    line = Line(printed)
    found = candidate(0, Page(1, [line]), line)
    assert (found.number, found.title) == (number, title)
    assert item_number("§ 14")["num"] == "14"


@pytest.mark.parametrize("printed, number, title", [
    ("§ 12 Budget 2025", "12", "Budget 2025"),  # Nordic and German minutes
    ("188 § Val av protokolljusterare", "188", "Val av protokolljusterare"),  # Swedish-language minutes
    ("3.0 Finance report", "3", "Finance report"),  # its paragraphs are 3.1, 3.2
    ("Agenda Item 3 – Finance report", "3", "Finance report"),
    ("Minute 24/031 – Quality account", "24/031", "Quality account"),
])
def test_a_minutes_heading_is_read_by_the_one_grammar(printed, number, title):
    heading = minutes_heading(printed)
    assert (heading.number, heading.title) == (number, title)


@pytest.mark.parametrize("printed", ["2025 Budget setting", "3) The Board noted the report", "5.1 Sub-heading",
                                     "A. Apologies", "3. the board noted"])
def test_a_year_a_paragraph_or_a_sub_heading_is_no_minutes_item(printed):
    assert minutes_heading(printed) is None


def test_a_styled_minutes_heading_may_head_a_sub_item():
    assert minutes_heading("2.1 Capital programme", sub_items=True).number == "2.1"
    assert minutes_heading("2.1 Capital programme") is None


def test_a_styled_heading_numbered_by_levels_with_hyphens():
    from pipeline.headings import minutes_heading
    assert minutes_heading("1-1-2 : Subvention au CCAS", sub_items=True).number == "1-1-2"
    assert minutes_heading("2- RAPPORT DES DÉCISIONS", sub_items=True).number == "2"
    # only a styled heading: in running text "1-1 : ..." is a score, and "2024-25 Budget" a year
    assert minutes_heading("1-1 : Subventions") is None
    assert minutes_heading("2024-25 Budget", sub_items=True) is None
