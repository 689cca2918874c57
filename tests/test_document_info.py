"""doc_type and organisation of a paper."""
from __future__ import annotations

from conftest import extractor, text_document


def info(text: str) -> dict:
    return extractor("document_info").extract(text_document(text))["documents"][0]


def test_the_kind_named_first_on_the_title_page_wins():
    row = info("Standards Authority\nBusiness Plan 2023/24\n"
               "We will implement our revised engagement strategy and plans this year.\n")
    assert row["doc_type"] == "business_plan"
    assert info("Sefton\nHealth and Wellbeing\nStrategy\n2020-2025\nContents\n")["doc_type"] == "strategy"


def test_organisation_is_the_body_named_most_not_a_kind_of_meeting():
    row = info("WESTBURY COUNCIL\nAGENDA FOR EXECUTIVE\nReport to: Full Council\n"
               "Westbury Council will sign the agreement with Pennine Care.\n"
               "The Council and Westbury Council officers agreed.\n")
    assert row["organisation"] == "Westbury Council"
    assert info("Minutes\nThe meeting started at noon and the chair welcomed everybody.\n")["organisation"] is None


def test_shorter_forms_count_for_the_full_name_and_the_kind_of_paper_is_cut_off():
    row = info("Professional Standards Authority\nfor Health and Social Care\n"
               "Professional Standards Authority for Health and Social Care Business Plan 2023/24\n"
               "The Authority will publish. The Authority will consult. The Authority reports.\n"
               "Professional Standards Authority copyright 2023. Liverpool City Region and "
               "Professional Standards Authority for Health and Social Care, 157 Buckingham Road. "
               "Liverpool City Region partners.\n")
    assert row["organisation"] == "Professional Standards Authority for Health and Social Care"
    row = info("Sefton\nHealth and Wellbeing\nStrategy\nThe Health and Wellbeing Board met.\n"
               "Sefton Health and Wellbeing Board agreed.\nChair of Sefton Health and Wellbeing Board\n"
               "Liverpool City Region and Liverpool City Region partners.\n")
    assert row["organisation"] == "Sefton Health and Wellbeing Board"


def test_a_report_addressed_to_a_meeting_is_a_report_whatever_its_subject():
    row = info("From:\tRoger Harwick, Leader\nTo:\tCabinet, 30 January 2025\n"
               "Subject:\tIntegrated Care Strategy Delivery Plan\nSummary: the strategy is delivered.\n")
    assert row["doc_type"] == "report"


def test_a_meeting_note_that_opens_with_its_agenda_is_minutes():
    note = "Treasury Group 14 November 2024\nAgenda\n1. Market Update\n2. AOB\n"
    assert info(note)["doc_type"] == "agenda"
    assert info(note + "Attendees:\nAnn Lee – Chair\n")["doc_type"] == "agenda"
    assert info(note + "Present:\nAnn Lee – Chair\nDiscussion Summary:\nThe group noted the update.\n")[
        "doc_type"] == "minutes"


def test_language_of_a_table_of_figures_is_read_from_its_words():
    table = ("Changes in Fund Balances of the Governmental Funds, Ten Year Trend\n"
             "Source: the annual financial report of the city, in thousands of dollars\n") + "\n".join(
        f"{2004 + i}\t$ {1234 + 7 * i},{100 + i}\t({56 + i}.{i})\t{3 * i}%\t4,5{i}0" for i in range(30))
    assert info(table)["language"] == "en"


def test_organisation_restarts_at_an_article_inside_a_run_of_capitals():
    row = info("Budget Risk Register\n" + "risks to the budget\n" * 6 +
               "ALL Revenue The Council may overspend.\nThe Westbury Council reserves cover it.\n"
               "Westbury Council will report in March.\n")
    assert row["organisation"] == "Westbury Council"


def test_organisation_named_first_wins_a_tie_and_address_capitals_are_no_part_of_it():
    row = info("Illinois Department of Corrections\nAdvisory Board Meeting\nMonday, November 4th, 2019\n")
    assert row["organisation"] == "Illinois Department of Corrections"
    assert info("CITY HALL\n280 GROVE STREET Department of Community Affairs\n")["organisation"] == (
        "Department of Community Affairs")


def test_a_case_paper_with_the_meetings_decision_on_its_item_is_minutes():
    paper = ("**8. Evaluering af rygestopkurser**\nSagsnr.: 2010-3082\n**Sammendrag**\nSagen indeholder resultater.\n"
             "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 8\nTaget til efterretning\n")
    assert info(paper)["doc_type"] == "minutes"
    assert info(paper.replace("Punkt 8", "Punkt 9"))["doc_type"] == "other"


def test_a_kind_of_body_is_no_name_and_counts_for_the_full_name_printed_elsewhere():
    running = "The committee met and the members agreed the report.\n" * 8
    page = "COUNTY COUNCIL\nQuestion put by a member of the County Council\n" + running + "Answer given\n"
    assert info(page + "\f" + page)["organisation"] is None
    assert info(page + "\f" + page.replace("a member of the", "the Leader of Northshire"))["organisation"] == (
        "Northshire County Council")
    assert info("NOTICE AND AGENDA OF DISTRICT COUNCIL MEETING\nThe District Council will meet.\n")[
        "organisation"] is None


def test_a_department_of_the_organisation_is_not_the_organisation():
    running = "Spending is on budget this quarter across services.\n" * 8
    report = ("Finance Monitoring Report\n" + running + "\fDeputy Chief Executive’s Department 82.2 79.2\n"
              "Chief Executive's Department underspends.\nGrants to Northshire District Councils to collect tax\n"
              "Work with Northshire District Councils on waste\n")
    assert info(report)["organisation"] is None
    assert info(report + "Illinois Department of Corrections\fIllinois Department of Corrections\n")[
        "organisation"] == "Illinois Department of Corrections"


def test_a_body_named_once_in_running_text_after_the_front_page_is_not_the_publisher():
    front = "Corporate Parenting Panel\nMinutes of the meeting\n" + "The panel noted the update.\n" * 8
    item = "\fItems for decision\n5. Looked after Children’s Integrated Care Board Annual Report\nThe panel noted it.\n"
    assert info(front + item)["organisation"] is None
    grid = "Risk\tCause\tEvent\nHigh Needs\tfunding\tThe Department for Education does not agree\n"  # page 1's footer
    assert info(front + grid)["organisation"] is None
    assert info(front.replace("The panel", "Westbury Council's panel", 1) + item)["organisation"] == (
        "Westbury Council")
