"""Web transcripts of papers (text as a web page shows it), one made-up paper per layout class."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document

from pipeline.load.text import read_text


def rows(name: str, table: str, text: str) -> list[dict]:
    return extractor(name).extract(text_document(text))[table]


# A trust website's agenda page: the meeting as a sentence, numbered items with the
# format column run into the title, description lines and sections under them.
STATED_AGENDA = """Board of Directors June 2023

A meeting of the Board of Directors will be held at 2pm on Tuesday 6th June 2023 via Zoom.

  1. Welcome and Apologies
  2. Minutes of the Last Meeting Enclosure
    To approve the minutes of the meeting held on 4th April 2023
  3. Chief Executive's Update Verbal
    Items for Decision:
  4. Annual Plan 2023/24 Enclosure
    To agree the annual plan presented by the
    Director of Strategy
    Items for Information:
  5. Patient Experience Report Presentation
    To receive a report, presented by the Head of Patient Experience
  6. Any Other Business
"""


def test_stated_meeting_sentence_gives_body_date_time_and_venue():
    [row] = rows("meetings", "meetings", STATED_AGENDA)
    assert row == {**row, "body": "Board of Directors", "meeting_date": dt.date(2023, 6, 6),
                   "start_time": "14:00", "venue": "Zoom"}


def test_agenda_under_a_meeting_sentence_reads_formats_sections_purposes_and_presenters():
    items = rows("agenda", "agenda_items", STATED_AGENDA)
    assert [i["title"] for i in items] == ["Welcome and Apologies", "Minutes of the Last Meeting",
                                           "Chief Executive's Update", "Annual Plan 2023/24",
                                           "Patient Experience Report", "Any Other Business"]
    minutes, update, plan, report = items[1:5]
    assert (minutes["format"], minutes["purpose"], minutes["section"]) == ("paper", "approval", None)
    assert (update["format"], update["purpose"]) == ("verbal", None)
    assert (plan["purpose"], plan["presenter"], plan["section"]) == ("decision", "Director of Strategy",
                                                                      "Items for Decision:")
    assert (report["format"], report["purpose"], report["presenter"]) == ("presentation", "information",
                                                                          "Head of Patient Experience")


def test_a_title_ending_in_report_keeps_it_when_no_format_column_is_there():
    items = rows("agenda", "agenda_items", "A meeting of the Finance Committee was held on 3 May 2022.\n"
                 "1. Quality Report\n2. Annual Report\n3. Workforce Report\n")
    assert [i["title"] for i in items] == ["Quality Report", "Annual Report", "Workforce Report"]
    assert all(i["format"] is None for i in items)


# A trust website's agenda table copied out: each number cell on a line of its own.
ITEM_LINES = """Board meeting in public
Item 1
Opening remarks and apologies (Verbal)
Item 2
Register of Interests Led by the Chair (Verbal)
To note any interests members hold in the business of the meeting
Item 3
Previous Minutes Led by the Chair
a. To approve the minutes of the meeting held on 2 March 2024 as a true record. (Paper 01)
Item 4
Risk Register Led by Head of Governance
To review the corporate risks
"""


def test_item_numbers_on_lines_of_their_own_join_their_titles():
    items = rows("agenda", "agenda_items", ITEM_LINES)
    assert [(i["item_number"], i["title"], i["presenter"]) for i in items] == [
        ("1", "Opening remarks and apologies", None), ("2", "Register of Interests", "Chair"),
        ("3", "Previous Minutes", "Chair"), ("4", "Risk Register", "Head of Governance")]
    assert items[0]["format"] == "verbal"
    assert (items[2]["purpose"], items[2]["format"]) == ("approval", "paper")


def test_bare_numbered_section_lines_of_a_report_are_not_an_agenda():
    text = ("Report to the Audit Committee\n1.\nIntroduction\nThe report sets out the year's audit work.\n"
            "2.\nBackground\nThe plan was agreed last year.\n3.\nRecommendations\nThe committee is asked to note.\n")
    assert rows("agenda", "agenda_items", text) == []


# A committee system's "Agenda and minutes" page: minute numbers in their own cell.
MINUTED_PAGE = """Agenda and minutes
Venue: Council Chamber, Civic Offices. View directions
Items
No. Item
12/23
Apologies for Absence
Minutes:
Apologies were received from Councillor Grey.
13/23
Minutes of the Previous Meeting pdf icon PDF 120 KB
Sam Field, Chair
Minutes:
The minutes of the meeting held on 1 June 2023 were approved as a correct record.
14/23
Parking Charges Review pdf icon PDF 300 KB
Minutes:
The Committee considered the report on parking charges.
RESOLVED
that the revised charges be adopted from 1 April.
"""


def test_committee_page_items_titles_without_debris_and_presenter_line():
    items = rows("agenda", "agenda_items", MINUTED_PAGE)
    assert [(i["item_number"], i["title"], i["presenter"]) for i in items] == [
        ("12/23", "Apologies for Absence", None), ("13/23", "Minutes of the Previous Meeting", "Sam Field, Chair"),
        ("14/23", "Parking Charges Review", None)]


def test_committee_page_decisions_per_item():
    found = {r["item_number"]: r for r in rows("decisions", "decisions", MINUTED_PAGE)}
    assert set(found) == {"13/23", "14/23"}
    assert "approved as a correct record" in found["13/23"]["decision"]
    assert found["14/23"]["decision"].startswith("RESOLVED that the revised charges be adopted")
    assert found["14/23"]["title"] == "Parking Charges Review"


# A cover sheet whose label cells and value cells came out as two blocks.
COVER = """Trust Board Agenda item: 7 Date of Meeting:
Date of Meeting:
9 March 2022
Title of Report:
Author:
Board Sponsor:
Workforce update
Sam Lee, Head of HR
Alex Kay, Director of People
Summary
Staff turnover fell in the quarter and vacancies are being filled.
Recommendations
The Board is asked to note the update.
"""


def test_cover_sheet_label_block_and_value_block_pair_in_order():
    [row] = rows("cover_sheet", "papers", COVER)
    assert row == {**row, "title": "Workforce update", "author": "Sam Lee, Head of HR",
                   "authorised_by": "Alex Kay, Director of People"}


def test_cover_sheet_meeting_row_from_its_date_label_and_opening_line():
    [row] = rows("meetings", "meetings", COVER)
    assert (row["body"], row["meeting_date"]) == ("Trust Board", dt.date(2022, 3, 9))
    [named] = rows("meetings", "meetings", "Date of Finance Committee meeting: 4 July 2019\nTitle of report: Budget\n")
    assert (named["body"], named["meeting_date"]) == ("Finance Committee", dt.date(2019, 7, 4))


def test_cover_sheet_section_numbered_in_its_own_cell_is_a_heading():
    text = COVER.replace("Summary\n", "1.\nSummary of Key Points for Assurance\n").replace(
        "Recommendations\n", "2.\nRecommendations (Note, Agree etc.)\n")
    [row] = rows("cover_sheet", "papers", text)
    assert row["executive_summary"] == "Staff turnover fell in the quarter and vacancies are being filled."
    assert row["recommendations"] == "The Board is asked to note the update."


def test_cover_sheet_label_run_into_a_heading_gives_its_value():
    [row] = rows("cover_sheet", "papers", COVER)
    assert row["agenda_item"] == "7"


# A transcription site's page: its title is the paper's first words run together and cut short.
TRANSCRIBED = """Date of Board meeting: 3rd March 2011 Title of report: Estates

Board: Summary Report
Date of Board meeting:
3rd March 2011
Title of report:
Estates strategy 2011/12
Title of director:
Director of Estates
Paper number:
ES0311
√ For approval
For discussion
For information
Purpose of the report:
This paper sets out the estates strategy for the coming year.
Action required:
The Board is asked to approve the estates strategy and its first year plan.
"""


def test_transcribed_cover_sheet_reads_past_the_sites_title_line():
    [row] = rows("cover_sheet", "papers", TRANSCRIBED)
    assert (row["title"], row["meeting_date"], row["author"]) == (
        "Estates strategy 2011/12", dt.date(2011, 3, 3), "Director of Estates")
    # the tick list has no label: the ticked option is the purpose
    assert row["purpose"] == "approval"
    # "Action required" written as a sentence is the recommendation
    assert row["recommendations"] == "The Board is asked to approve the estates strategy and its first year plan."


def test_action_required_as_a_phrase_is_the_purpose():
    text = TRANSCRIBED.replace("√ For approval\nFor discussion\nFor information\n", "").replace(
        "The Board is asked to approve the estates strategy and its first year plan.", "For decision")
    [row] = rows("cover_sheet", "papers", text)
    assert (row["purpose"], row["recommendations"]) == ("decision", None)


def test_committee_page_meeting_from_venue_line_and_chairs_welcome():
    page = MINUTED_PAGE.replace("Apologies were received", "The Chair welcomed all to the Licensing Committee "
                                "meeting. Apologies were received")
    [row] = rows("meetings", "meetings", page)
    assert (row["body"], row["meeting_date"], row["venue"]) == ("Licensing Committee", None,
                                                                "Council Chamber, Civic Offices")


def test_committee_page_agenda_with_bare_numbers_under_its_items_header():
    page = ("Agenda\nVenue: Town Hall\nItems\nNo. Item\n1.\nDeclarations of Interest\n"
            "To receive any declarations.\n2.\nHousing Strategy pdf icon PDF 210 KB\n3.\nBudget Monitoring\n")
    items = rows("agenda", "agenda_items", page)
    assert [(i["item_number"], i["title"]) for i in items] == [
        ("1", "Declarations of Interest"), ("2", "Housing Strategy"), ("3", "Budget Monitoring")]


def test_action_log_title_names_its_meeting():
    text = ("Action Log\nIn Public Finance Committee Action Log for the meeting on 12.09.2024\n"
            "Ref Action Lead Due Date Status\n")
    [row] = rows("meetings", "meetings", text)
    assert (row["body"], row["meeting_date"]) == ("Finance Committee", dt.date(2024, 9, 12))


# A finance dashboard's table run into one paragraph by a transcription site.
FLATTENED = ("Example Health Board Finance Report Period: April - June 2024 Key Financial Indicators "
             "In Month Full Year Plan Actual Variance RAG Plan Actual Variance RAG Measure £000 £000 £000 "
             "rating £000 £000 £000 rating Pay costs within budget 1,200 1,150 50 G 4,800 4,700 100 G "
             "Non pay costs within 300 320 -20 A 1,200 1,260 -60 A budget Agency spend 90 110 -20 R 360 400 "
             "-40 R Note – figures are unaudited.")


def test_flattened_financial_table_is_read_as_rows_and_grouped_columns():
    lines = rows("budget", "budget_lines", FLATTENED)
    assert len(lines) == 18
    by_cell = {(r["row_label"], r["column_label"]): r for r in lines}
    assert by_cell[("Pay costs within budget", "In Month Plan")]["value"] == 1200
    assert by_cell[("Non pay costs within budget", "Full Year Variance")]["value"] == -60  # label wrapped past its figures
    assert by_cell[("Agency spend", "Full Year Actual")]["unit"] == "£'000"
    assert {r["table_title"] for r in lines} == {"Key Financial Indicators"}


def test_a_flattened_table_set_out_again_is_a_table_of_the_page_not_a_problem():
    # the loader sets it out, so the tables output holds it and the paper is not partial
    (page,) = read_text(FLATTENED.encode())
    (table,) = page.tables
    assert table.method == "tsv" and ["Agency spend", "90", "110", "-20", "R", "360", "400", "-40", "R"] in table.rows
    assert page.problems == []


def test_prose_with_figures_is_no_flattened_table():
    prose = ("The trust spent 1,200 2,300 on agency staff in the year against a plan of 1,000 and the board "
             "noted that 300 400 500 posts remain vacant in the services, with 20 30 40 more at risk "
             "next year; the finance committee will report again in June on the plan for 2025.")
    assert rows("budget", "budget_lines", prose) == []


# An action tracker page copied out: each row's cells run into a line.
TRACKER = """Action Tracker
Board Action Log for the meeting on 14.11.2024
Ref Source Action Lead Due Date Status
12.3 Board, 11.09.2024, BD24/12, Staff Survey DoP to circulate the survey themes DoP 14.11.2024 Circulated in October C
14.1 Board, 11.09.2024, BD24/14, Estates Plan Report the backlog costs to the committee DoE
Update to follow at next meeting O
Proposed for Closure
15.2 Board, 11.09.2024, BD24/15, Finance Report Add agency spend to the report DoF 14.11.2024 Added from month 6
"""


def test_action_rows_run_into_lines_read_by_their_typed_cells():
    actions = rows("actions", "actions", TRACKER)
    assert [(a["ref"], a["owner"], a["due_date_raw"], a["status"]) for a in actions] == [
        ("12.3", "DoP", "14.11.2024", "closed"), ("14.1", "DoE", None, "open"),
        ("15.2", "DoF", "14.11.2024", "Proposed for Closure")]
    first = actions[0]
    assert first["action"].endswith("Staff Survey DoP to circulate the survey themes")
    assert first["update"] == "Circulated in October"
    assert first["due_date"] == dt.date(2024, 11, 14)
    assert actions[1]["update"] == "Update to follow at next meeting"


def test_a_status_cell_on_its_own_line_is_the_status_of_the_row_above_it():
    text = ("Action Tracker\nRef Source Action Lead Due Date Status\n"
            "3.1 Board, 02.05.2024, BD24/03, Quality Report Share the audit findings DoN 04.07.2024 Shared in June\n"
            "Proposed for Closure\n"
            "3.4 Board, 02.05.2024, BD24/03, Quality Report Add the falls data DoN 04.07.2024 In hand O\n")
    actions = rows("actions", "actions", text)
    assert [(a["ref"], a["status"], a["update"]) for a in actions] == [
        ("3.1", "Proposed for Closure", "Shared in June"), ("3.4", "open", "In hand")]


def test_numbered_lines_without_an_action_log_header_are_no_actions():
    text = "Finance Report\n1.1 The budget was set in March DoF 14.11.2024 noted\n1.2 Capital spend is on plan\n"
    assert rows("actions", "actions", text) == []


def test_a_web_agenda_without_its_header_names_its_body_where_it_offers_the_papers():
    doc = text_document("For a copy of the full Council of Governors Papers for this meeting, please email the "
                        "Trust Secretary.\nMembership\n| Dr A Person | Chair |\nItem 1\nWelcome and apologies\n"
                        "Item 2\nDeclarations of Interest\n")
    [row] = extractor("meetings").extract(doc)["meetings"]
    assert (row["body"], row["meeting_date"]) == ("Council of Governors", None)


def test_web_tracker_rows_by_minute_number_under_meeting_headings():
    text = ("Trust Board Action Log\nRef Action Lead Due date Status\n"
            "Board meeting 6 June 2024\n"
            "TB/24/41 Circulate the winter plan to members DoS 30/07/2024 Complete\n"
            "TB/24/43 Bring the ward staffing review to the Board DoN 12/09/2024 Not yet due\n"
            "Board meeting 1 August 2024\n"
            "2024/08/02 Share the audit findings with the committee DoF 10/10/2024 Shared with the committee in September\n")
    actions = rows("actions", "actions", text)
    # a dated line with a row under it heads the rows; a row's trailing status in the log's words is its status
    assert [(a["ref"], a["owner"], a["due_date_raw"], a["status"], a["update"]) for a in actions] == [
        ("TB/24/41", "DoS", "30/07/2024", "complete", None),
        ("TB/24/43", "DoN", "12/09/2024", "Not yet due", None),
        ("2024/08/02", "DoF", "10/10/2024", None, "Shared with the committee in September")]
    assert actions[1]["action"] == "Bring the ward staffing review to the Board"
