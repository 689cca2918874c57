"""Figures and dates read in the paper's locale: English, Danish, German,
Swedish, Norwegian, French and Dutch papers (wording made up in the style of
each country's board papers)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.analyse import analysis_of
from pipeline.dates import find_date, parse_date, time_span
from pipeline.locale import number_marks
from pipeline.numbers import parse_figure
from tests.conftest import text_document


@pytest.mark.parametrize("language, printed, value", [
    ("en", "1,370", 1370), ("en", "1.370", 1.37), ("en", "£1,370.50", 1370.5), ("en", "(2,500)", -2500),
    ("da", "1.370", 1370), ("da", "1.370,5", 1370.5), ("da", "1.370.000 kr.", 1370000),
    ("de", "1.370", 1370), ("de", "1.370,25 €", 1370.25), ("de", "-3,5", -3.5),
    ("sv", "1 370", 1370), ("sv", "1 370 000", 1370000), ("sv", "12,5 %", 12.5),
    ("no", "1 370", 1370), ("no", "3,75", 3.75),
    ("fr", "1 370", 1370), ("fr", "1\u202f370,5", 1370.5),
    ("nl", "1.370", 1370), ("nl", "€ 1.234,56", 1234.56),
])
def test_figures_read_with_the_marks_of_the_papers_language(language, printed, value):
    assert parse_figure(printed, language).value == pytest.approx(value)


def test_the_figures_own_marks_win_over_the_language():
    assert parse_figure("1,370.5", "de").value == pytest.approx(1370.5)  # an English table in a German paper
    assert parse_figure("1 370", "en") is None  # two figures in an English cell, not one


def test_number_marks_come_from_the_locale_data():
    assert number_marks("de") == (",", ".") and number_marks("sv") == (",", " ") and number_marks("en") == (".", ",")
    assert number_marks(None) == (".", ",") and number_marks("xx") == (".", ",")


@pytest.mark.parametrize("language, line", [
    ("en", "Meeting of the Board held on Tuesday 4 December 2012"),
    ("da", "Mødet afholdes tirsdag den 4. december 2012"),
    ("de", "Sitzung des Ausschusses am 4. Dezember 2012 um 14 Uhr"),
    ("sv", "Sammanträde tisdagen den 4 december 2012"),
    ("no", "Møte i styret 4. desember 2012"),
    ("fr", "Séance du conseil du 4 décembre 2012"),
    ("nl", "Vergadering van de raad op 4 december 2012"),
])
def test_a_meetings_date_reads_in_the_papers_language(language, line):
    assert find_date(line, "DMY", language)[0] == dt.date(2012, 12, 4)


@pytest.mark.parametrize("language, field", [
    ("de", "4. Dezember 2012"), ("fr", "4 décembre 2012"), ("no", "4. desember 2012"), ("en", "4th December 2012"),
    ("en", "Scrutiny Committee 4 th December 2012"),  # a superscript ordinal set apart in the text layer
])
def test_a_forms_date_field_reads_in_the_papers_language(language, field):
    assert parse_date(field, "DMY", language) == dt.date(2012, 12, 4)


def test_a_numeric_date_is_read_in_the_papers_date_order():
    assert parse_date("12/08/2020", "DMY") == dt.date(2020, 8, 12)
    assert parse_date("12/08/2020", "MDY") == dt.date(2020, 12, 8)


def test_a_paper_that_writes_its_dates_month_first_reads_its_action_log_so():
    doc = text_document("Action Log\nBoard meeting of November 4th, 2019\n"
                        "Ref\tAction\tOwner\tDue\n1\tReview the fleet policy\tJ. Doe\t12/08/2020\n")
    locale = analysis_of(doc).locale
    assert (locale.language, locale.date_order) == ("en", "MDY")
    assert parse_date("12/08/2020", locale.date_order, locale.language) == dt.date(2020, 12, 8)


def test_a_clock_time_in_uhr():
    assert time_span("Beginn 14 Uhr, Ende 16.30 Uhr") == ("14:00", None)
    assert time_span("14.00 Uhr – 16.30 Uhr") == ("14:00", "16:30")


@pytest.mark.parametrize("line, span", [
    ("Séance publique tenue le 20 juin, à 16h00 à la salle du conseil", ("16:00", None)),
    ("La séance débute de 19h40 à 21h50", ("19:40", "21:50")),
    ("Les conseillers se sont réunis à 20 heures", ("20:00", None)),
    ("Raadsvergadering 29 juni 2015 aanvang 17.00 uur", ("17:00", None)),
    ("Vergadering van 19.30 tot 22.00 uur", ("19:30", "22:00")),
    ("Sitzung von 14 bis 16 Uhr", ("14:00", "16:00")),
    ("Section 5 h of the report", (None, None)),  # a clause's letter after a figure is no hour
])
def test_clock_times_of_french_dutch_and_german_minutes(line, span):
    assert time_span(line) == span


def test_the_first_of_a_month_in_french():
    assert find_date("Séance du 1er octobre 2021", "DMY", "fr")[0] == dt.date(2021, 10, 1)
    assert find_date("N° DP 2021-327 du 1 er octobre 2021", "DMY", "fr")[0] == dt.date(2021, 10, 1)


def test_one_garbled_text_check_for_pages_and_tables():
    from pipeline.garbled import is_garbled, odd_words

    debris = "N^nLl zcc`T dncP=Lq @lG$R=l Revenue".split()
    assert odd_words(debris) == (4, 5)
    assert is_garbled(debris, share=0.25, at_least=4) and not is_garbled(debris, share=0.25, at_least=5)
    assert not is_garbled("Net revenue budget 2024/25 (£'000) – Adults & Children".split(), share=0.2)
