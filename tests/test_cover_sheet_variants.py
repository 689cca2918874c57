"""Cover-sheet wordings the dev papers do not show (NHS trusts and councils)."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document


def papers(text: str) -> list[dict]:
    return extractor("cover_sheet").extract(text_document(text))["papers"]


TRUST_SHEET = """Report Title:\tWinter Resilience Plan
Meeting Date:\t14 March 2024
Agenda Item:\t7.2
Presented by:\tDr Jane Smith, Medical Director
Responsible Director:\tPaul Green, Chief Operating Officer
Purpose:\tApproval ☐ Assurance ☒ Discussion ☐ Information ☒
Summary of Key Issues:\tThe plan sets out winter capacity.
Recommendation(s):\tThe Board is asked to approve the plan.
Financial Implications:\tThe plan costs £1.2m, funded from reserves.
Risk:\tCapacity may fall short in January.

1. Introduction
The plan follows.
"""


def test_trust_sheet_with_colon_labels_and_boxes_in_one_row():
    [row] = papers(TRUST_SHEET)
    assert row["title"] == "Winter Resilience Plan"
    assert row["meeting_date"] == dt.date(2024, 3, 14)
    assert row["agenda_item"] == "7.2"
    # the responsible director leads the paper when no author is named; the presenter only presents it
    assert row["author"] == "Paul Green, Chief Operating Officer"
    assert row["purpose"] == "assurance;information"
    assert row["executive_summary"] == "The plan sets out winter capacity."
    assert row["recommendations"] == "The Board is asked to approve the plan."
    assert row["financial_implications"] == "The plan costs £1.2m, funded from reserves."
    assert row["risk"] == "Capacity may fall short in January."


def test_ticks_in_their_own_cells_beside_each_option_and_none_as_no():
    text = """Report Title\tWinter Resilience Plan
Meeting Date\t14/03/2024
Report Author\tAmy Lee
Presented by\tJane Smith
Purpose\tApproval\t☐
\tAssurance\t✔
\tDiscussion\t☐
\tInformation\t✓
Executive Summary\tThe plan sets out winter capacity.
Recommendations\tThe Board is asked to approve the plan.
Financial Implications\tNone

## Winter Resilience Plan
"""
    [row] = papers(text)
    assert row["author"] == "Amy Lee"
    assert row["purpose"] == "assurance;information"
    assert row["financial_implications"] == "no"


def test_a_field_labelled_twice_keeps_its_first_value():
    text = TRUST_SHEET.replace("Presented by:", "Author:").replace(
        "Responsible Director:\tPaul Green, Chief Operating Officer", "Prepared by:\tTom Price")
    assert papers(text)[0]["author"] == "Dr Jane Smith, Medical Director"


def test_options_and_their_ticks_written_in_one_line():
    boxes = "Approval ☐ Assurance ☒ Discussion ☐ Information ☒"
    ticked = TRUST_SHEET.replace(boxes, "For Approval Y For Assurance For Information Y")
    assert papers(ticked)[0]["purpose"] == "approval;information"
    unticked = TRUST_SHEET.replace(boxes, "Approval / Assurance / Discussion / Information")
    assert papers(unticked)[0]["purpose"] is None  # offered, none chosen
    stated = TRUST_SHEET.replace(boxes, "For discussion and approval")
    assert papers(stated)[0]["purpose"] == "discussion;approval"


def test_two_label_value_pairs_on_one_text_line_and_labels_that_end_a_value():
    text = """Meeting: Trust Board (Public) Date: 14 March 2024
Report Title: Winter Plan Agenda Item: 7.2
Report Author: Amy Lee, Head of Planning
Executive Lead: Paul Green, Chief Operating Officer
Purpose of Report: ☐ Approval ☒ Assurance ☐ Discussion ☐ Information
Executive Summary:
The plan sets out winter capacity.
Recommendation:
The Board is asked to note the plan.
Link to Strategic Objectives: Objective 2
Risk Management: Capacity may fall short.

1. Introduction
"""
    [row] = papers(text)
    assert (row["title"], row["agenda_item"]) == ("Winter Plan", "7.2")
    assert row["meeting_date"] == dt.date(2024, 3, 14)
    assert row["author"] == "Amy Lee, Head of Planning"  # the report's author before its executive lead
    assert row["recommendations"] == "The Board is asked to note the plan."
    assert row["risk"] == "Capacity may fall short."


def test_a_purpose_written_as_a_sentence_states_only_its_phrases():
    sentence = TRUST_SHEET.replace(
        "Approval ☐ Assurance ☒ Discussion ☐ Information ☒",
        "To seek approval of the winter plan, which follows the decision taken in March.")
    assert papers(sentence)[0]["purpose"] == "approval"


def test_a_risk_answered_yes_or_no_without_text_has_no_risk():
    for answer in ("No", "☒ Yes ☐ No", "None identified"):
        assert papers(TRUST_SHEET.replace("Capacity may fall short in January.", answer))[0]["risk"] is None
    finance = TRUST_SHEET.replace("The plan costs £1.2m, funded from reserves.", "Yes ☒ No ☐")
    assert papers(finance)[0]["financial_implications"] == "yes"


def test_pdf_trust_sheet_with_pairs_side_by_side_end_to_end(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.load import load

    path = tmp_path / "sheet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    rows = [[(50, "Report Title", True), (180, "Winter Resilience Plan", False)],
            [(50, "Meeting Date", True), (180, "14 March 2024", False), (330, "Agenda Item", True),
             (430, "7.2", False)],
            [(50, "Presented by", True), (180, "Jane Smith", False)],
            [(50, "Responsible Director", True), (180, "Paul Green", False)],
            [(50, "Purpose", True), (180, "Approval", False), (260, "X", False), (300, "Assurance", False),
             (400, "Information", False), (480, "X", False)],
            [(50, "Summary of Key Issues", True), (180, "The plan sets out winter capacity.", False)],
            [(50, "Recommendation(s)", True), (180, "The Board is asked to approve the plan.", False)],
            [(50, "1. Introduction", True)]]
    y = 780
    for row in rows:
        for x, text, bold in row:
            pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
            pdf.drawString(x, y, text)
        y -= 18
    pdf.save()
    [row] = extractor("cover_sheet").extract(load(path, "sheet.pdf"))["papers"]
    assert (row["title"], row["meeting_date"], row["agenda_item"]) == (
        "Winter Resilience Plan", dt.date(2024, 3, 14), "7.2")
    assert row["author"] == "Paul Green"
    assert row["purpose"] == "approval;information"
    assert row["executive_summary"] == "The plan sets out winter capacity."
    assert row["recommendations"] == "The Board is asked to approve the plan."


def test_a_title_holding_a_colon_and_a_label_word_stays_whole():
    text = TRUST_SHEET.replace("Report Title:\tWinter Resilience Plan", "Report Title:\tUpdate on Finance: Month 9")
    assert papers(text)[0]["title"] == "Update on Finance: Month 9"


def test_purposes_offered_as_verbs():
    verbs = TRUST_SHEET.replace("Approval ☐ Assurance ☒ Discussion ☐ Information ☒", "Approve ☐ Note ☒ Discuss ☐")
    assert papers(verbs)[0]["purpose"] == "noting"


COUNCIL_REPORT_FRONT = """
                         DISTRICT COUNCIL

Report to:          Cabinet
Date:               17 July 2024
Report of:          Director of Place
Wards affected:     All wards
Key decision:       Yes

                    HEDGEROW AND VERGE MANAGEMENT PLAN

1.  Purpose of report
1.1 This report seeks approval to adopt the verge management plan.

2.  Recommendations
2.1 That Cabinet adopts the verge management plan.

3.  Background
3.1 The plan was drafted last year.
"""


def test_council_report_front_titled_by_a_heading_of_its_own_below_its_labels():
    [row] = papers(COUNCIL_REPORT_FRONT)
    assert row["title"] == "HEDGEROW AND VERGE MANAGEMENT PLAN"
    assert row["meeting_date"] == dt.date(2024, 7, 17)
    assert row["author"] == "Director of Place"
    assert row["recommendations"] == "2.1 That Cabinet adopts the verge management plan."


def test_no_title_from_a_heading_below_a_single_label():
    text = COUNCIL_REPORT_FRONT.replace("Report to:          Cabinet\nDate:               17 July 2024\n", "")
    assert papers(text) == []


def test_an_item_reference_and_report_of_written_without_colons():
    text = """Agenda Item 7

Report of the Director of Adult Social Care

Report to: Health and Wellbeing Board
Date: 3 October 2024
Subject: Community Equipment Service Review
Key decision: No

Summary
This report reviews the community equipment service.

Recommendation(s)
The Board is asked to approve the review.
"""
    [row] = papers(text)
    assert row["agenda_item"] == "7"
    assert row["author"] == "Director of Adult Social Care"  # "Report of the", not "Report to the"
    assert row["title"] == "Community Equipment Service Review"
    assert row["recommendations"] == "The Board is asked to approve the review."


def test_web_transcript_labels_without_colons_open_their_values():
    text = """Report to: Trust Board Date of meeting: 5 June 2024 Agenda item: 9
Report title: Sepsis Screening Annual Report
Executive lead: Maria Costa, Chief Nurse Report author: Tom Hale, Lead Nurse
Purpose: Approval ☐ Assurance ☒ Discussion ☐ Information ☐
Executive summary The annual report sets out screening rates for the year.
Recommendation The Board is asked to receive the report for assurance.
"""
    [row] = papers(text)
    assert row["agenda_item"] == "9"
    assert row["author"] == "Tom Hale, Lead Nurse"
    assert row["purpose"] == "assurance"
    assert row["executive_summary"] == "The annual report sets out screening rates for the year."
    assert row["recommendations"] == "The Board is asked to receive the report for assurance."


def test_a_tick_under_one_of_several_options_sharing_a_layout_cell():
    text = """Report title:        Safer Staffing Review
Date of meeting:     2 May 2024
Report author:       Kim Park, Deputy Chief Nurse
Purpose:             Approval     Assurance     Discussion     Information
                                  X
Executive summary:   The review finds staffing levels safe on all wards.

1. Introduction
"""
    [row] = papers(text)
    assert row["purpose"] == "assurance"


def test_us_staff_report_to_from_date_subject():
    text = """                         CITY OF MAPLEFORD
                           STAFF REPORT

TO:            Honorable Mayor and Members of the City Council
FROM:          Dana Ortiz, Director of Public Works
DATE:          March 4, 2024
SUBJECT:       Award of Contract for the Oak Avenue Resurfacing Project

RECOMMENDATION:
Staff recommends that the City Council award the contract to the lowest bidder.

BACKGROUND:
The project is in the capital program.
"""
    [row] = papers(text)
    assert row["title"] == "Award of Contract for the Oak Avenue Resurfacing Project"
    assert row["meeting_date"] == dt.date(2024, 3, 4)
    assert row["author"] == "Dana Ortiz, Director of Public Works"
    assert row["recommendations"] == "Staff recommends that the City Council award the contract to the lowest bidder."


def test_an_annual_reports_headings_and_sentences_make_no_sheet():
    text = """Report of the Trustees for the year ending 31 March 2024

## Chair's introduction

The trustees present their report. The Board of Trustees meets quarterly.

Board
approved by the Trustees, for matters including finance and staffing.

## Risk management
The trustees keep a risk register.
"""
    assert papers(text) == []


def test_a_pack_of_reports_each_stamped_with_its_item_gives_one_row_each_with_its_page():
    front = """Agenda Item {item}

Report of the Director of {director}

Report to: Health and Wellbeing Board
Date: 3 October 2024
Subject: {title}

Summary
This report sets out the {title}.

1. Background
The background follows.
"""
    pack = (front.format(item=7, director="Adult Social Care", title="Carers Plan") + "\f"
            + front.format(item=8, director="Public Health", title="Smoking Cessation Review"))
    rows = papers(pack)
    assert [(r["agenda_item"], r["author"], r["title"], r["page"]) for r in rows] == [
        ("7", "Director of Adult Social Care", "Carers Plan", 1),
        ("8", "Director of Public Health", "Smoking Cessation Review", 2)]


def test_an_assessment_forms_officers_over_its_section_headings_make_no_sheet():
    text = """Responsible Officer:   Sam Reed
Responsible Director:  Alex Moss

                    Aims and Objectives

The service aims to support residents at home.
"""
    assert papers(text) == []


def test_an_agendas_next_item_in_capitals_below_a_recommendation_is_no_title():
    text = """Report to: City Council
Date: 6 December 2022
Report of: City Manager
Recommendation: Adopt Resolution No. 2022-41, A RESOLUTION OF THE CITY
COUNCIL APPROVING THE WARRANT REGISTER
Recommendation: Receive and file the treasurer's report.

                    CONSIDERATION OF THE PARKS MASTER PLAN

Future agenda items are listed below.
"""
    assert papers(text) == []


def test_a_wrapped_value_opening_with_a_one_word_label_and_a_dash_is_no_label():
    text = """From:\tPat Jones, Cabinet Member for Highways
To:\tCabinet - 30 January 2025
Subject:\tWinter Gritting Routes
Past Pathway of report:\tEnvironment Cabinet Committee – 14 January
Committee – 16 January 2025
Summary: The report sets out the gritting routes.
Recommendation(s): Cabinet is asked to agree the routes.

1. Introduction
"""
    [row] = papers(text)
    assert (row["title"], row["meeting_date"]) == ("Winter Gritting Routes", dt.date(2025, 1, 30))
    assert row["author"] == "Pat Jones, Cabinet Member for Highways"


def test_sbar_sheet_situation_is_the_summary_and_its_background_and_assessment_end_it():
    text = """Report title: Discharge Lounge Pilot
Meeting date: 9 January 2025
Report author: Ravi Shah, Head of Patient Flow
Situation
The pilot moved patients to the lounge before noon.
Background
The lounge opened in 2023.
Assessment
Discharges before noon rose by a fifth.
Recommendation
The Committee is asked to note the results.
"""
    [row] = papers(text)
    assert row["executive_summary"] == "The pilot moved patients to the lounge before noon."
    assert row["recommendations"] == "The Committee is asked to note the results."


def test_a_purpose_asked_as_a_question_is_its_answer():
    text = """Council
Report title: Review of Regional Branches
Report author: Nia Jones, Head of Membership
For decision, discussion or information: Discussion
1. Summary
The review proposes fewer, larger branches.
"""
    [row] = papers(text)
    assert row["purpose"] == "discussion"
    assert row["executive_summary"] == "The review proposes fewer, larger branches."
