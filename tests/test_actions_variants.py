"""Action-log wordings the dev papers do not show: trackers with Date Raised / Lead / RAG / Comments,
logs without an owner column, and the due dates and statuses they print."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document
from extractors.actions import due_date
from test_actions import _line, _pdf, _with_mark


def actions(text: str) -> list[dict]:
    return extractor("actions").extract(text_document(text))["actions"]


TRACKER = (
    "Attendees: Jane Smith, Paul Green\n\n"
    "Actions Tracker\n\n"
    "Action No.\tDate Raised\tAction\tLead\tDue Date\tStatus\tRAG\tComments\n"
    "1\t12/01/2024\tCirculate the revised budget\tJane Smith\t31/03/2024\tComplete\tGreen\tDone in February\n"
    "2\t12/01/2024\tReview the risk register\tJS\tMarch 2024\tOpen\tAmber\t\n"
    "3\t09/02/2024\tReport back on the audit\tPG\tQ1 2024/25\tOn track\tGreen\t\n"
    "4\t09/02/2024\tUpdate the estates plan\tPG\tTBC\tOverdue\tRed\tDelayed by the survey\n"
    "5\t09/02/2024\tClose the old account\tJS\tend of 2024\tClosed\t\t\n"
)


def test_tracker_with_date_raised_lead_rag_and_comments():
    rows = actions(TRACKER)
    assert [r["ref"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert [r["status"] for r in rows] == ["complete", "open", "on track", "overdue", "closed"]
    # the Due Date column, never Date Raised; a quarter or a year alone stays raw
    assert [(r["due_date_raw"], r["due_date"]) for r in rows] == [
        ("31/03/2024", dt.date(2024, 3, 31)), ("March 2024", dt.date(2024, 3, 1)), ("Q1 2024/25", None),
        ("TBC", None), ("end of 2024", None)]
    assert [r["owner_name"] for r in rows] == ["Jane Smith", "Jane Smith", "Paul Green", "Paul Green", "Jane Smith"]
    assert rows[0]["update"] == "Done in February" and rows[1]["update"] is None


def test_a_rag_rating_stands_for_the_status_when_there_is_no_status_column():
    rows = actions("Action Log\n\nRef\tAction\tOwner\tDue\tRAG\n"
                   "1\tCirculate the paper\tJS\tApril 2024\tGreen\n"
                   "2\tBook the venue\tJS\tMay 2024\tAmber\n")
    assert [r["status"] for r in rows] == ["on track", "Amber"]


def test_log_without_an_owner_column_names_the_owner_first():
    text = ("Attendance:\n"
            "Harry Rayner – MEM (Chair) James Graham – KCC\n"
            "Rosalind Binks – MEM Geoff Hall – KCC\n\n"
            "Actions Points:\n"
            "Ref\tAction\tStatus\n"
            "1\tJG will circulate the slides to all members.\tComplete\n"
            "2\tThe Group to review the strategy in March.\tOpen\n")
    first, second = actions(text)
    assert (first["ref"], first["owner"], first["owner_name"], first["status"]) == (
        "1", "JG", "James Graham", "complete")
    assert first["action"] == "JG will circulate the slides to all members."
    assert second["owner"] is None and second["status"] == "open"


def test_a_table_of_refs_and_titles_is_no_action_log():
    assert actions("Ref\tAction\tPage\n1\tMinutes of the last meeting\t3\n") == []


def test_words_that_are_no_month_give_no_due_date():
    assert due_date("Week 2024", 2024) is None
    assert due_date("Summer 2024", 2024) is None
    assert due_date("by end of June 2024", 2024) == dt.date(2024, 6, 1)


def test_text_minutes_with_action_lines_under_numbered_items():
    text = """Present: Jane Smith (Chair), Paul Green, Amy Lee

1. Minutes of the last meeting
1.1 The minutes were agreed.
2. Finance report
2.1 The finance team will circulate the updated figures.
ACTION – PG
2.2 Amy will book the venue for March.
Action: Amy Lee
3. Estates
Action: JS to write to the council by 31 March 2024.
"""
    rows = actions(text)
    # an action closing a numbered paragraph takes the paragraph's number; one under the item, the item's
    assert [(r["ref"], r["owner"], r["owner_name"]) for r in rows] == [
        ("2.1", "PG", "Paul Green"), ("2.2", "Amy Lee", "Amy Lee"), ("3", "JS", "Jane Smith")]
    assert rows[0]["action"] == "The finance team will circulate the updated figures."
    assert rows[1]["action"] == "Amy will book the venue for March."


def test_a_form_heading_after_a_dash_is_no_action_line():
    assert actions("Equality form\n\nMitigating Actions for Age\nActions – Age\nResponsible Officer\n") == []


def test_a_header_wrapped_over_two_rows():
    rows = actions("Action Log\n\n"
                   "Action\tAction\tLead\tDue\tStatus\n"
                   "No.\tDescription\t\tDate\t\n"
                   "A1\tRefresh the risk register\tJS\t30/06/2024\tOpen\n")
    assert [(r["ref"], r["action"], r["owner"], r["due_date"], r["status"]) for r in rows] == [
        ("A1", "Refresh the risk register", "JS", dt.date(2024, 6, 30), "open")]


def test_a_status_cell_that_goes_on_after_its_status():
    rows = actions("Ref\tAction\tOwner\tStatus\n"
                   "1\tCirculate the paper\tJS\tClosed – see item 5\n"
                   "2\tBook the venue\tJS\tProposed for closure\n")
    assert [r["status"] for r in rows] == ["closed", "Proposed for closure"]


def test_pdf_minutes_with_an_action_column_of_names():
    lines = [
        _line(70, 50, "Present: Jane Smith (Chair), Paul Green (Director of Finance)"),
        _line(500, 80, "Action"),
        _line(85, 100, "4. Finance Report", bold=True),
        _with_mark(_line(117, 120, "The forecast will be refreshed for the next meeting."), "Paul Green"),
        _line(117, 140, "The board noted the report."),
        # a column heading that is no one the pack names
        _with_mark(_line(117, 160, "The measures are listed by outcome."), "Shared Outcome"),
    ]
    [row] = extractor("actions").extract(_pdf(lines))["actions"]
    assert (row["ref"], row["owner"], row["owner_name"]) == ("4", "Paul Green", "Paul Green")
    assert row["action"] == "The forecast will be refreshed for the next meeting."


def test_day_month_year_due_dates_with_dashes_and_short_years():
    assert due_date("31-Mar-24", 2024) == dt.date(2024, 3, 31)
    assert due_date("31 Mar 24", 2024) == dt.date(2024, 3, 31)
    assert due_date("12 items 24", 2024) is None


def test_an_agenda_whose_action_column_holds_purposes_is_no_action_log():
    assert actions("Agenda\n\nNo\tAgenda Item\tLead\tAction Required\n"
                   "1\tWelcome and apologies\tChair\tFor information\n"
                   "2\tFinance report\tPaul Green\tFor approval\n") == []


def test_pdf_ruled_action_tracker_end_to_end(tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from pipeline.load import load

    path = tmp_path / "tracker.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(40, 540, "Action Log")
    xs = [40, 100, 360, 460, 560, 660, 800]
    header = ["Action No.", "Action", "Lead", "Due Date", "Status", "Comments"]
    rows = [header,
            ["A1", "Refresh the risk register|and circulate it", "JS", "31/03/2024", "Complete", "Circulated"],
            ["A2", "Report on the audit findings", "PG", "Q1 2024/25", "On track", ""],
            ["A3", "Review the estates plan", "PG", "May 2024", "Overdue", "Survey delayed"]]
    top, height = 520, 30
    for r, row in enumerate(rows):
        pdf.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
        for c, cell in enumerate(row):
            for k, part in enumerate(cell.split("|")):
                pdf.drawString(xs[c] + 4, top - r * height - 11 - 10 * k, part)
    for r in range(len(rows) + 1):
        pdf.line(xs[0], top - r * height, xs[-1], top - r * height)
    for x in xs:
        pdf.line(x, top, x, top - len(rows) * height)
    pdf.save()
    doc = load(path, "tracker.pdf")
    got = extractor("actions").extract(doc)["actions"]
    assert [(r["ref"], r["action"], r["owner"], r["due_date"], r["status"]) for r in got] == [
        ("A1", "Refresh the risk register and circulate it", "JS", dt.date(2024, 3, 31), "complete"),
        ("A2", "Report on the audit findings", "PG", None, "on track"),
        ("A3", "Review the estates plan", "PG", dt.date(2024, 5, 1), "overdue"),
    ]
    assert got[1]["due_date_raw"] == "Q1 2024/25" and got[2]["update"] == "Survey delayed"


def test_an_owner_written_as_a_role_resolves_to_the_one_person_holding_it():
    rows = actions("Present: Jane Smith (Chair), Paul Green (Director of Finance)\n\n"
                   "Ref\tAction\tOwner\tDue\n"
                   "1\tRefresh the forecast\tDirector of Finance\tMay 2024\n"
                   "2\tWrite to the council\tChair\tJune 2024\n"
                   "3\tBook the venue\tHead of Estates\tJune 2024\n")
    assert [r["owner_name"] for r in rows] == ["Paul Green", "Jane Smith", None]


def test_action_lines_that_say_there_is_no_action():
    text = ("1. Minutes\n1.1 The minutes were agreed.\nAction: None\n"
            "2. Finance\n2.1 The report was noted.\nActions: Nil\n"
            "3. Risk\n3.1 Risks were reviewed.\nAction: N/A\n"
            "4. Estates\n4.1 PG will revise the plan.\nAction: PG\n")
    assert [(r["ref"], r["owner"]) for r in actions(text)] == [("4.1", "PG")]


def test_action_line_after_a_dash_names_the_owner_and_the_task():
    [row] = actions("MINUTES OF THE BOARD\n\n1. Performance report\nThe Board discussed the report.\n"
                    "ACTION – JB to circulate the revised trajectory to members.\n")
    assert (row["ref"], row["owner"], row["action"]) == (
        "1", "JB", "JB to circulate the revised trajectory to members.")


def test_a_blue_brag_rating_means_complete():
    rows = actions("Action Log\n\nRef\tAction\tOwner\tDue\tBRAG\n"
                   "1\tCirculate the paper\tJS\tApril 2024\tBlue\n"
                   "2\tBook the venue\tJS\tMay 2024\tGreen\n")
    assert [r["status"] for r in rows] == ["complete", "on track"]


def test_a_minute_column_gives_the_ref_and_status_wordings_of_nhs_logs():
    rows = actions("ACTIONS ARISING\n\nMinute\tAction\tAction by\tDate\tStatus\n"
                   "24/031\tCirculate the paper\tJB/AS\tSept 24\tAction complete\n"
                   "24/032\tBook the venue\tJB\tOct 24\tNot due\n"
                   "24/033\tReview the plan\tAS\tNov 24\tNot yet started\n")
    # "Not due" is open but not yet asked for: none of the schema's statuses fits, kept as printed
    assert [(r["ref"], r["status"]) for r in rows] == [
        ("24/031", "complete"), ("24/032", "Not due"), ("24/033", "open")]


def test_action_lines_take_their_ref_from_item_n_and_minute_reference_headings():
    for first, second, refs in (("24/031 Performance Report", "24/032 Estates", ["24/031", "24/032"]),
                                ("Item 1: Performance Report", "Item 2: Estates", ["1", "2"]),
                                ("1.0 Performance Report", "2.0 Estates", ["1", "2"])):
        rows = actions(f"MINUTES OF THE BOARD\n\n{first}\nThe Board discussed the report.\n"
                       f"ACTION: JB to circulate the revised trajectory.\n\n{second}\n"
                       "The Board noted the update.\nAction: AS/CD\n")
        assert [(r["ref"], r["owner"]) for r in rows] == [(refs[0], "JB"), (refs[1], "AS/CD")], first


# A CCG's tracker set out with spaces (a pdftotext -layout rendering): rows with two wordy
# cells (the action and its update), grouped under the meetings they came from, cells wrapped.
GROUPED_TRACKER = (
    "GOVERNING BODY ACTION TRACKER\n\n"
    "Item   Action                                             Responsible   Timescale     Status        Update\n"
    "Meeting held on 14 January 2025\n"
    "4.2    Share the primary care access data with the        AB/CD         February      Not yet due   To be shared at the\n"
    "       Governing Body                                                                               next seminar\n"
    "6.1    Update the conflicts of interest register          EF            31/03/25      Complete      Done\n"
    "Meeting held on 11 February 2025\n"
    "3.4    Provide an update on the CHC backlog               GH            March         Ongoing       Backlog reduced by\n"
    "                                                                                                    a third\n"
    "Closed actions\n"
    "1.9    Agree the date of the annual meeting               EF            Dec-24                      Agreed in December\n"
)


def test_tracker_grouped_under_meeting_headings_with_wrapped_cells():
    rows = actions(GROUPED_TRACKER)
    assert [(r["ref"], r["owner"], r["due_date_raw"], r["status"]) for r in rows] == [
        ("4.2", "AB/CD", "February", "Not yet due"), ("6.1", "EF", "31/03/25", "complete"),
        ("3.4", "GH", "March", "open"), ("1.9", "EF", "Dec-24", "closed")]
    # a cell wrapped over two lines is one text, not a subject and its description
    assert rows[0]["action"] == "Share the primary care access data with the Governing Body"
    assert [r["update"] for r in rows] == [
        "To be shared at the next seminar", "Done", "Backlog reduced by a third", "Agreed in December"]


def test_a_meeting_column_of_dates_and_rag_letters():
    rows = actions("Action Log\n\n"
                   "No.   Meeting      Action                                    By whom   Due      RAG\n"
                   "1     12.03.24     Bring the agency spend review             JT        May-24   G\n"
                   "2     09.04.24     Refresh the capital programme             MK        Jun-24   B\n")
    assert [(r["ref"], r["action"], r["status"]) for r in rows] == [
        ("1", "Bring the agency spend review", "on track"), ("2", "Refresh the capital programme", "complete")]


def test_a_transcript_cut_short_mid_row_leaves_that_row_out():
    text = ("BOARD ACTION LIST\n"
            " NO     ACTION                                        LEAD     TARGET      STATUS\n"
            " 2.01   Falls figures to be added to the dashboard    PT       Oct         Not yet due\n"
            " 2.02   Exit interview themes to come to the Board    KL       Nov         Not yet due\n"
            " 2.03   A business case would be   ")
    assert [r["ref"] for r in actions(text)] == ["2.01", "2.02"]
    # the same row with its lead is a row
    whole = text.rstrip() + "                      KL\n"
    assert [r["ref"] for r in actions(whole)] == ["2.01", "2.02", "2.03"]


def test_text_minutes_with_an_action_column_keep_item_headings_out_of_the_action():
    # a friends' group's minutes set out with spaces: numbered item headings, the owner's
    # initials at the right under "Action"
    text = ("Friends of Ashby Library\nMinutes of the committee meeting\n\n"
            "Present: Ann Hart (Chair), Tom Pike (Treasurer), Lena Shaw (Secretary)\n\n"
            "                                                                          Action\n"
            "1. Apologies\n"
            "   None were received.\n"
            "2. Book sale\n"
            "   The treasurer will bank the takings this week.                         TP\n"
            "3. Newsletter\n"
            "   The secretary will send the spring issue to members.                   LS\n")
    rows = actions(text)
    assert [(r["ref"], r["owner_name"], r["action"]) for r in rows] == [
        ("2", "Tom Pike", "The treasurer will bank the takings this week."),
        ("3", "Lena Shaw", "The secretary will send the spring issue to members.")]


def test_a_progress_column_without_a_status_column_states_the_status_or_comments():
    rows = actions("Action Log\n\n"
                   "Date raised\tMinute ref\tAction required\tBy whom\tDeadline\tProgress\n"
                   "Meeting of 12 March 2024\t\t\t\t\t\n"
                   "12/03/24\tQC/24/05\tAudit the discharge letters\tSO\tQ1 2024/25\tAudit under way\n"
                   "12/03/24\tQC/24/06\tReport the falls data by ward\tPM\tMay-24\tComplete\n"
                   "Closed actions\t\t\t\t\t\n"
                   "09/01/24\tQC/24/01\tRefresh the terms of reference\tJH\t31/03/24\tApproved in March\n")
    # a heading in the Date raised column heads the rows under it; the ref is the minute's number
    assert [(r["ref"], r["status"], r["update"]) for r in rows] == [
        ("QC/24/05", None, "Audit under way"), ("QC/24/06", "complete", None),
        ("QC/24/01", "closed", "Approved in March")]
