"""US city, commission and county-board agendas (and a council's front sheet):
mastheads, resolution items, recommendation paragraphs. Wording made up in
the style of each layout class; lines placed as a PDF places them."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document
from pipeline.find import find_segments
from pipeline.model import BBox, Document, Line, Page, Word

HEIGHT = 10


def line(x: float, top: float, text: str, bold: bool = False, cells: list[str] | None = None) -> Line:
    """A line set at ``x``/``top``: each word 6 pt a letter, the number's gap wider (an item's title column)."""
    words, left = [], x
    for word in text.split():
        words.append(Word(word, BBox(left, top, left + 6 * len(word), top + HEIGHT)))
        left += 6 * len(word) + (14 if len(words) == 1 and word[-1] in ".)" else 4)
    return Line(text=text, words=words, bbox=BBox(x, top, left, top + HEIGHT), bold=bold, cells=cells)


def paper(*pages: list[Line]) -> Document:
    doc = Document("2" * 16, "fixture.pdf", "2" * 64, "pdf",
                   pages=[Page(n, list(lines), width=612, height=792) for n, lines in enumerate(pages, 1)])
    doc.segments = find_segments(doc)
    return doc


def rows(name: str, table: str, doc: Document) -> list[dict]:
    return extractor(name).extract(doc)[table]


def masthead() -> list[Line]:
    return [line(220, 80, "City of Lakeford", bold=True),
            line(270, 110, "Civic Center"), line(250, 123, "4410 Harbor View Drive"), line(240, 136, "Lakeford, CA 93010"),
            line(215, 180, "Regular Meeting Agenda", bold=True), line(230, 200, "Monday, March 9, 2026", bold=True),
            line(280, 214, "6:30 PM", bold=True)]


def test_us_masthead_street_address_is_the_venue_not_the_body():
    doc = paper(masthead() + [line(60, 260, "1. CALL TO ORDER", bold=True), line(60, 290, "2. ROLL CALL", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert row == {**row, "meeting_date": dt.date(2026, 3, 9), "start_time": "18:30",
                   "venue": "Civic Center, 4410 Harbor View Drive, Lakeford, CA 93010"}
    assert row["body"] not in ("Civic Center", "Lakeford, CA 93010")


def test_an_agenda_title_names_the_body():
    doc = paper([line(200, 80, "HARBOR DISTRICT PLANNING COMMISSION AGENDA", bold=True),
                 line(230, 100, "Thursday, October 2, 2025", bold=True), line(280, 114, "9:00 AM", bold=True),
                 line(60, 160, "1. Call to Order"), line(60, 180, "2. Minutes of the prior meeting")])
    [row] = rows("meetings", "meetings", doc)
    assert (row["body"], row["meeting_date"], row["start_time"]) == (
        "HARBOR DISTRICT PLANNING COMMISSION", dt.date(2025, 10, 2), "09:00")


def test_front_sheet_date_row_beside_the_contact_column_is_the_header():
    doc = paper([line(270, 180, "AGENDA", bold=True), line(265, 200, "SCRUTINY PANEL", bold=True),
                 line(78, 250, "Wednesday, 8th April, 2026, at 2.00 pm Ask for: Jo Bloggs",
                      cells=["Wednesday, 8th April, 2026, at 2.00 pm", "Ask for:", "Jo Bloggs"]),
                 line(78, 264, "Room 3, Shire Hall, Telephone: 01234 567890"),
                 line(54, 320, "1. Apologies", cells=["1.", "Apologies"]),
                 line(54, 345, "2. Declarations of Interest", cells=["2.", "Declarations of Interest"])])
    [row] = rows("meetings", "meetings", doc)
    assert (row["body"], row["meeting_date"], row["start_time"]) == ("SCRUTINY PANEL", dt.date(2026, 4, 8), "14:00")


def board_pack() -> Document:
    """A county board's agenda: numbered items, the resolutions lettered under
    item 4 over the next page, then the agenda goes on."""
    return paper(
        [line(200, 70, "HILL COUNTY BOARD OF PARKS", bold=True), line(230, 90, "AGENDA – May 6, 2026", bold=True),
         line(75, 120, "1. Call to Order."), line(75, 140, "2. Roll Call."),
         line(75, 160, "3. Approval of the Minutes of the April Meeting."),
         line(75, 180, "4. Approval of Resolutions:"),
         line(80, 200, "REGULAR ACTIONS OF THE BOARD:", bold=True),
         line(75, 220, "A. RESOLUTION (2026-11) Accept the state trails grant to repair footbridges from"),
         line(101, 232, "June 1, 2026 through May 31, 2027. Amount to be received is not to exceed $9,500.00."),
         line(75, 260, "B. RESOLUTION (2026-12) Contract with the following vendors for mowing (ref. enclosed)."),
         line(380, 280, "Amount to be paid"),
         line(130, 300, "Green Acres Ltd $ 12,000.00", cells=["Green Acres Ltd", "$ 12,000.00"]),
         line(130, 314, "Lawn Partners $ 8,250.00", cells=["Lawn Partners", "$ 8,250.00"])],
        [line(75, 80, "C. RESOLUTION (2026-13) Approve the revised picnic shelter fee schedule."),
         line(75, 110, "D. RESOLUTION (2026-14) Renew the insurance policy for park vehicles.")],
        [line(71, 80, "5. RESOLUTION (2026-15) Approval of the Consent Agenda as set forth in the attached"),
         line(97, 92, "schedules:"), line(165, 104, "Schedule A Transfers."), line(165, 116, "Schedule B Vouchers."),
         line(71, 140, "6. Director’s Report –"), line(97, 152, "(1) 2026 spring volunteer day"),
         line(97, 164, "(2) 2025 trail counter results"),
         line(71, 190, "7. Public Comments."), line(71, 210, "8. Motion to adjourn the meeting.")])


def test_resolution_items_are_recommendations_awaiting_a_decision():
    found = rows("decisions", "decisions", board_pack())
    assert [(r["item_number"], r["page"], r["decision"]) for r in found] == [
        ("A", 1, None), ("B", 1, None), ("C", 2, None), ("D", 2, None), ("5", 3, None)]
    first, second, _, _, consent = found
    assert first["title"] == ("RESOLUTION (2026-11) Accept the state trails grant to repair footbridges from "
                              "June 1, 2026 through May 31, 2027")
    assert first["recommendation"].endswith("Amount to be received is not to exceed $9,500.00.")
    assert second["recommendation"].endswith("(ref. enclosed).")  # the vendors' table is not the resolution
    assert consent["title"].endswith("as set forth in the attached schedules")
    assert consent["recommendation"].endswith("schedules: Schedule A Transfers. Schedule B Vouchers.")


def test_an_agenda_goes_on_past_the_pages_of_an_items_own_list():
    found = rows("agenda", "agenda_items", board_pack())
    assert [r["item_number"] for r in found] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert found[5]["title"] == "Director’s Report"  # its "(1)", "(2)" points are neither title nor items


def test_recommendation_paragraph_under_an_item():
    doc = paper([line(200, 60, "CITY COUNCIL AGENDA AND NOTICE", bold=True),
                 line(230, 80, "Tuesday, June 2, 2026 - 7:00 PM", bold=True),
                 line(55, 120, "1. CALL TO ORDER", bold=True), line(55, 150, "2. CONSENT CALENDAR", bold=True),
                 line(55, 170, "2.1 Street Resurfacing Contract Award.", bold=True),
                 line(71, 186, "Recommendation: Award a contract to Valley Paving for the 2026 street"),
                 line(174, 198, "resurfacing program in an amount not to exceed $410,000."),
                 line(97, 214, "Attachment(s): Contract"),
                 line(55, 240, "2.2 Annual Tree Report.", bold=True),
                 line(71, 256, "Recommendation: Receive and file the annual tree report."),
                 line(55, 290, "3. ADJOURNMENT", bold=True)])
    found = rows("decisions", "decisions", doc)
    assert [(r["item_number"], r["title"], r["decision"]) for r in found] == [
        ("2.1", "Street Resurfacing Contract Award", None), ("2.2", "Annual Tree Report", None)]
    assert found[0]["recommendation"] == ("Award a contract to Valley Paving for the 2026 street resurfacing "
                                          "program in an amount not to exceed $410,000.")
    [meeting] = rows("meetings", "meetings", doc)
    assert meeting["body"] == "CITY COUNCIL"


def test_a_numbered_report_paragraph_in_a_masthead_address_is_no_item():
    """A street number opens a line like an item number: in the masthead it is the address."""
    doc = paper(masthead() + [line(60, 260, "1. CALL TO ORDER", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert row["meeting_date"] == dt.date(2026, 3, 9)


def test_masthead_with_the_publishers_address_row_and_the_meetings_venue_below_the_date():
    """A school district's masthead: its own address, website and phone in a row
    on top; the meeting's place (a hall and its street) under the date."""
    doc = paper([line(66, 92, "900 Orchard Blvd., Millbrook, CA 95999 www.millbrook.edu (555) 010-2000",
                      bold=True, cells=["900 Orchard Blvd., Millbrook, CA 95999", "www.millbrook.edu", "(555) 010-2000"]),
                 line(160, 137, "MILLBROOK JOINT COMMUNITY COLLEGE DISTRICT"),
                 line(175, 150, "REGULAR MEETING, BOARD OF TRUSTEES"), line(235, 162, "Tuesday, May 12, 2026"),
                 line(200, 188, "Town of Riverside Council Chambers"), line(210, 198, "12 Mill Street, Riverside, CA, 95998"),
                 line(270, 226, "AGENDA"), line(50, 251, "I. CALL TO ORDER"), line(68, 264, "1. Roll Call"),
                 line(68, 277, "2. Comments from the Public")])
    [row] = rows("meetings", "meetings", doc)
    assert (row["body"], row["meeting_date"], row["venue"]) == (
        "BOARD OF TRUSTEES", dt.date(2026, 5, 12), "Town of Riverside Council Chambers, 12 Mill Street, Riverside, CA, 95998")


def test_notice_and_agenda_of_a_city_council_with_its_date_row():
    doc = paper([line(237, 50, "City of Lakeford", bold=True), line(240, 91, "Notice and Agenda", bold=True),
                 line(263, 116, "City Council", bold=True),
                 line(55, 156, "Tuesday, April 21, 2026 7:00 PM Council Chambers", bold=True,
                      cells=["Tuesday, April 21, 2026", "7:00 PM", "Council Chambers"]),
                 line(55, 200, "1 Call to Order", bold=True), line(55, 230, "2 Roll Call", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert (row["body"], row["meeting_date"], row["start_time"]) == ("City Council", dt.date(2026, 4, 21), "19:00")


def test_planning_agenda_in_parts_numbered_from_one_with_street_address_titles():
    """A planning commission's agenda in parts, each numbering its items from 1, the
    hearings titled by the site's street address."""
    doc = paper([line(230, 80, "LAKEFORD PLANNING COMMISSION", bold=True), line(250, 95, "AGENDA", bold=True),
                 line(235, 110, "Thursday, June 11, 2026", bold=True),
                 line(60, 150, "PART A – PROCEDURAL ITEMS", bold=True),
                 line(60, 170, "1. Call to Order"), line(60, 185, "2. Approval of Minutes of May 14, 2026"),
                 line(60, 215, "PART B – PUBLIC HEARINGS", bold=True),
                 line(60, 235, "1. 1234 Harbour View Drive – Conditional Use Permit"),
                 line(80, 250, "Staff Recommendation: Approve the permit subject to the conditions."),
                 line(60, 270, "2. 88-90 OLD MILL ROAD – Tentative Parcel Map No. 4417"),
                 line(60, 300, "PART C – ADJOURNMENT", bold=True),
                 line(60, 320, "1. Adjourn to July 9, 2026")])
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"], r["section"]) for r in found] == [
        ("1", "Call to Order", "PART A – PROCEDURAL ITEMS"),
        ("2", "Approval of Minutes of May 14, 2026", "PART A – PROCEDURAL ITEMS"),
        ("1", "1234 Harbour View Drive – Conditional Use Permit", "PART B – PUBLIC HEARINGS"),
        ("2", "88-90 OLD MILL ROAD – Tentative Parcel Map No. 4417", "PART B – PUBLIC HEARINGS"),
        ("1", "Adjourn to July 9, 2026", "PART C – ADJOURNMENT")]


def test_a_date_or_a_row_of_figures_under_an_item_is_no_item():
    doc = paper([line(230, 80, "LAKEFORD WATER BOARD", bold=True), line(250, 95, "AGENDA", bold=True),
                 line(235, 110, "Tuesday, June 2, 2026", bold=True),
                 line(60, 150, "1. Call to Order"), line(60, 170, "2. Budget Transfers"),
                 line(60, 185, "3. 12 May 2026 minutes"), line(60, 200, "4. 1,250 3,400 2,100"),
                 line(60, 220, "3. Adjournment")])
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"]) for r in found] == [
        ("1", "Call to Order"), ("2", "Budget Transfers"), ("3", "Adjournment")]


def test_centred_masthead_names_the_body_under_the_date_over_its_members():
    """Legistar and Granicus mastheads: the city and its address on top, the date and
    time, then the meeting's body over its members' names."""
    doc = paper(masthead() + [line(270, 250, "City Council", bold=True), line(282, 270, "Mayor", bold=True),
                              line(270, 283, "Dana Whitfield", bold=True),
                              line(60, 330, "1. CALL TO ORDER", bold=True), line(60, 360, "2. ROLL CALL", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert (row["body"], row["meeting_date"]) == ("City Council", dt.date(2026, 3, 9))


def test_joint_meeting_masthead_names_the_first_body_and_its_time_line():
    """A Granicus masthead of a joint meeting: the council's title wrapped onto a line
    opening with "AND"; the time on a line with the kind of meeting, "P.M." in capitals."""
    doc = paper([line(274, 180, "AGENDA", bold=True), line(130, 200, "LAKEFORD CITY COUNCIL MEETING", bold=True),
                 line(115, 218, "AND HOUSING AUTHORITY REGULAR MEETING", bold=True),
                 line(237, 236, "MARCH 3, 2026", bold=True), line(200, 270, "7:00 P.M. REGULAR MEETING", bold=True),
                 line(60, 320, "1. CALL TO ORDER", bold=True), line(60, 350, "2. ROLL CALL", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert (row["body"], row["meeting_date"], row["start_time"]) == ("LAKEFORD CITY COUNCIL", dt.date(2026, 3, 3), "19:00")


def test_city_council_agenda_as_layout_text_with_lettered_consent_items():
    from conftest import text_document

    doc = text_document(
        "                              CITY OF MAPLE GROVE\n"
        "                            CITY COUNCIL AGENDA\n"
        "                         REGULAR MEETING – 7:00 PM\n"
        "                           Tuesday, May 5, 2026\n\n"
        "1.   CALL TO ORDER\n\n2.   CONSENT CALENDAR\n\n"
        "     A.   Approval of Minutes of the April 21, 2026 Regular Meeting\n"
        "          Recommendation: Approve the minutes.\n\n"
        "     B.   Resolution No. 2026-14 Authorizing the Purchase of Two\n"
        "          Utility Trucks in an Amount Not to Exceed $184,000\n"
        "          Recommendation: Adopt the resolution.\n\n"
        "3.   PUBLIC HEARINGS\n\n"
        "     A.   1450 Orchard Lane – Variance Request for a Rear Yard Setback\n\n"
        "4.   ADJOURNMENT\n")
    [meeting] = rows("meetings", "meetings", doc)
    assert (meeting["body"], meeting["start_time"]) == ("CITY COUNCIL", "19:00")
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"], r["section"]) for r in found] == [
        ("1", "CALL TO ORDER", None), ("2", "CONSENT CALENDAR", None),
        ("A", "Approval of Minutes of the April 21, 2026 Regular Meeting", "CONSENT CALENDAR"),
        ("B", "Resolution No. 2026-14 Authorizing the Purchase of Two Utility Trucks in an Amount Not to Exceed "
              "$184,000", "CONSENT CALENDAR"),
        ("3", "PUBLIC HEARINGS", None),
        ("A", "1450 Orchard Lane – Variance Request for a Rear Yard Setback", "PUBLIC HEARINGS"),
        ("4", "ADJOURNMENT", None)]


def test_county_board_agenda_of_unnumbered_headings_over_decimal_items():
    """A county board's agenda: unnumbered headings, each over items numbered by the
    heading's place ("3.1" under the consent calendar, "4.1" under the regular one)."""
    from conftest import text_document

    doc = text_document(
        "ALDER COUNTY BOARD OF SUPERVISORS\nREGULAR MEETING AGENDA\nTuesday, September 8, 2026 at 9:00 AM\n\n"
        "CALL TO ORDER\n\nPUBLIC COMMENT ON ITEMS NOT ON THE AGENDA\n"
        "Members of the public may speak on any matter within the Board's jurisdiction.\n\n"
        "CONSENT CALENDAR\n\n3.1 ROAD MAINTENANCE AGREEMENT WITH THE CITY OF PINEDALE\n"
        "Recommended Action: Approve the agreement.\n\n3.2 PURCHASE OF TWO PATROL VEHICLES\n\n"
        "REGULAR CALENDAR\n\n4.1 RECOMMENDED BUDGET HEARING\n"
        "Recommended Action: Open the hearing and take public comment.\n\n"
        "4.2 1200 VALLEY ROAD REZONING – APPEAL\n\nADJOURNMENT\n")
    [meeting] = rows("meetings", "meetings", doc)
    assert meeting["body"] == "ALDER COUNTY BOARD OF SUPERVISORS"
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"], r["section"]) for r in found] == [
        ("3.1", "ROAD MAINTENANCE AGREEMENT WITH THE CITY OF PINEDALE", "CONSENT CALENDAR"),
        ("3.2", "PURCHASE OF TWO PATROL VEHICLES", "CONSENT CALENDAR"),
        ("4.1", "RECOMMENDED BUDGET HEARING", "REGULAR CALENDAR"),
        ("4.2", "1200 VALLEY ROAD REZONING – APPEAL", "REGULAR CALENDAR")]


def test_decimal_items_whose_titles_close_with_a_full_stop_are_items():
    """US city agendas close each title with a full stop ("4.1 Approval of Minutes.");
    a numbered sentence of minutes ("1.1 The minutes were accepted as a record.") is none."""
    doc = paper([line(230, 80, "CITY COUNCIL AGENDA", bold=True), line(235, 95, "Tuesday, April 7, 2026", bold=True),
                 line(55, 140, "1. CALL TO ORDER", bold=True), line(55, 170, "2. CONSENT CALENDAR", bold=True),
                 line(55, 190, "2.1 Approval of Minutes.", bold=True),
                 line(72, 205, "Recommendation(s): That Council approve the minutes of March 24, 2026."),
                 line(55, 225, "2.2 1410 West Elm Street-Accept Public Improvements.", bold=True),
                 line(55, 255, "3. ADJOURNMENT", bold=True)])
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"]) for r in found] == [
        ("1", "CALL TO ORDER"), ("2", "CONSENT CALENDAR"), ("2.1", "Approval of Minutes"),
        ("2.2", "1410 West Elm Street-Accept Public Improvements"), ("3", "ADJOURNMENT")]


def test_lettered_sub_items_under_their_sections_number():
    """US agendas set out by Legistar and its peers letter the items under a numbered
    section by the section's number ("3.A", "3.B"); "3. A Vision ..." is item 3."""
    from conftest import text_document

    doc = text_document(
        "CITY OF BIRCHWOOD\nCITY COUNCIL REGULAR MEETING AGENDA\nMonday, June 1, 2026 at 6:00 PM\n\n"
        "1. CALL TO ORDER\n\n2. A Vision for the Riverfront: Presentation\n\n3. CONSENT CALENDAR\n\n"
        "3.A Approval of the Minutes of the May 18, 2026 Regular Meeting\n\n"
        "3.B Award of Contract for Pavement Rehabilitation on Cedar Avenue\n\n"
        "4. ADJOURNMENT\n")
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"]) for r in found] == [
        ("1", "CALL TO ORDER"), ("2", "A Vision for the Riverfront: Presentation"), ("3", "CONSENT CALENDAR"),
        ("3.A", "Approval of the Minutes of the May 18, 2026 Regular Meeting"),
        ("3.B", "Award of Contract for Pavement Rehabilitation on Cedar Avenue"), ("4", "ADJOURNMENT")]


def test_wrapped_title_after_a_file_number_column_joins_its_item():
    """Legistar-style agendas set a file number in a column between the item's number and
    its title; the title's wrapped lines start under the title, not under the file number."""
    def columns(top: float, *cells: tuple[float, str]) -> Line:
        words = []
        for x, text in cells:
            for word in text.split():
                words.append(Word(word, BBox(x, top, x + 6 * len(word), top + HEIGHT)))
                x += 6 * len(word) + 4
        return Line(text=" ".join(w.text for w in words), words=words,
                    bbox=BBox(words[0].bbox.x0, top, words[-1].bbox.x1, top + HEIGHT))

    doc = paper([line(230, 80, "CITY COUNCIL AGENDA", bold=True), line(235, 95, "Tuesday, April 7, 2026", bold=True),
                 line(55, 140, "CONSENT CALENDAR", bold=True),
                 columns(170, (55, "2.A"), (90, "26-0112"), (180, "Approve the Purchase of Street Sweeping")),
                 columns(184, (180, "Equipment for the Public Works Department")),
                 columns(200, (70, "Recommendation:"), (180, "Approve the purchase.")),
                 columns(225, (55, "2.B"), (90, "26-0140"), (180, "Approve the Minutes of March 24, 2026"))])
    found = rows("agenda", "agenda_items", doc)
    assert [(r["item_number"], r["title"]) for r in found] == [
        ("2.A", "26-0112 Approve the Purchase of Street Sweeping Equipment for the Public Works Department"),
        ("2.B", "26-0140 Approve the Minutes of March 24, 2026")]


def test_numbered_items_go_on_after_a_run_lettered_under_an_implied_item():
    """Legistar-style agendas number the consent calendar's items "1.A", "1.B" under its
    unnumbered heading (the calendar is item 1), and the items after it go on from 2."""
    from conftest import text_document

    doc = text_document(
        "CITY OF BIRCHWOOD\nCITY COUNCIL REGULAR MEETING AGENDA\nMonday, June 1, 2026 at 6:00 PM\n\n"
        "CALL TO ORDER\n\nCONSENT CALENDAR\n\n"
        "1.A 26-0201 Approve the Minutes of the May 18, 2026 Regular Meeting\n\n"
        "1.B 26-0214 Award a Contract for Pavement Rehabilitation on Cedar Avenue\n\n"
        "PUBLIC HEARINGS\n\n"
        "2 26-0187 Conduct a Public Hearing on the Downtown Improvement District Assessment\n\n"
        "3 26-0192 Introduce an Ordinance Amending the Sign Code\n\n"
        "ADJOURNMENT\n")
    found = rows("agenda", "agenda_items", doc)
    assert [r["item_number"] for r in found] == ["1.A", "1.B", "2", "3"]
    assert found[2]["title"] == "26-0187 Conduct a Public Hearing on the Downtown Improvement District Assessment"


def special_and_regular_meeting() -> Document:
    """A city council's agenda holding a special meeting (closed session) and the regular
    meeting after it, each under a heading with its time, each numbering its items from 1."""
    return paper(
        masthead() + [
            line(60, 250, "5:30 P.M. SPECIAL COUNCIL MEETING (Closed Session)", bold=True),
            line(60, 270, "1 Call to Order in the Library Room", bold=True),
            line(60, 290, "2 Roll Call", bold=True),
            line(60, 310, "3 Convene to Closed Session", bold=True),
            line(60, 330, "4 Adjourn Special Meeting", bold=True),
            line(60, 360, "6:30 P.M. COUNCIL MEETING", bold=True),
            line(60, 380, "CONSENT CALENDAR", bold=True),
            line(60, 395, "All matters on the consent calendar are considered routine and will be acted"),
            line(60, 408, "upon by one motion. There will be no separate discussion of these items unless"),
            line(60, 421, "a member of the public asks that an item be pulled and heard on its own at the"),
            line(60, 434, "meeting, by a speaker card given to the clerk before the consent calendar."),
            line(60, 454, "1.A Approve the Minutes of February 23, 2026"),
            line(60, 474, "1.B Approve the List of Claims and Bills"),
            line(60, 500, "PUBLIC HEARINGS", bold=True),
            line(60, 520, "2 Adopt a Resolution Levying the Downtown Assessment"),
            line(60, 540, "3 Introduce an Ordinance on Sidewalk Vending")])


def test_a_special_meeting_before_the_regular_meeting_keeps_its_items():
    got = [(r["item_number"], r["title"], r["section"]) for r in rows("agenda", "agenda_items", special_and_regular_meeting())]
    assert got == [
        ("1", "Call to Order in the Library Room", "5:30 P.M. SPECIAL COUNCIL MEETING (Closed Session)"),
        ("2", "Roll Call", "5:30 P.M. SPECIAL COUNCIL MEETING (Closed Session)"),
        ("3", "Convene to Closed Session", "5:30 P.M. SPECIAL COUNCIL MEETING (Closed Session)"),
        ("4", "Adjourn Special Meeting", "5:30 P.M. SPECIAL COUNCIL MEETING (Closed Session)"),
        # the consent calendar's heading reaches its items over the paragraph under it
        ("1.A", "Approve the Minutes of February 23, 2026", "CONSENT CALENDAR"),
        ("1.B", "Approve the List of Claims and Bills", "CONSENT CALENDAR"),
        ("2", "Adopt a Resolution Levying the Downtown Assessment", "PUBLIC HEARINGS"),
        ("3", "Introduce an Ordinance on Sidewalk Vending", "PUBLIC HEARINGS")]


def test_a_special_meeting_before_the_regular_meeting_is_a_meeting_row_of_its_own():
    got = rows("meetings", "meetings", special_and_regular_meeting())
    assert [(r["meeting_date"], r["start_time"]) for r in got] == [(dt.date(2026, 3, 9), "17:30"),
                                                                  (dt.date(2026, 3, 9), "18:30")]
    assert all(r["venue"] == "Civic Center, 4410 Harbor View Drive, Lakeford, CA 93010" for r in got)


def test_study_sessions_under_timed_headings_are_sections_and_their_items_go_on():
    doc = paper(masthead() + [
        line(60, 250, "4:00 P.M.-STUDY SESSION (TO BE HELD IN THE GARDEN ROOM)", bold=True),
        line(60, 270, "1. CALL TO ORDER", bold=True),
        line(60, 290, "2. STUDY SESSION", bold=True),
        line(60, 310, "2.1 Downtown Parking Strategy.", bold=True),
        line(60, 340, "6:30 P.M.-REGULAR SESSION (TO BE HELD IN THE COUNCIL CHAMBERS)", bold=True),
        line(60, 360, "1. CALL TO ORDER/PLEDGE OF ALLEGIANCE", bold=True),
        line(60, 380, "2. ROLL CALL", bold=True),
        line(60, 400, "3. CONSENT CALENDAR", bold=True),
        line(60, 420, "3.1 Approval of Minutes.", bold=True),
        line(60, 440, "3.2 Award of the Street Tree Contract.", bold=True)])
    got = [(r["item_number"], r["title"], r["section"]) for r in rows("agenda", "agenda_items", doc)]
    study, regular = ("4:00 P.M.-STUDY SESSION (TO BE HELD IN THE GARDEN ROOM)",
                      "6:30 P.M.-REGULAR SESSION (TO BE HELD IN THE COUNCIL CHAMBERS)")
    assert got == [("1", "CALL TO ORDER", study), ("2", "STUDY SESSION", study),
                   ("2.1", "Downtown Parking Strategy", "STUDY SESSION"),
                   ("1", "CALL TO ORDER/PLEDGE OF ALLEGIANCE", regular), ("2", "ROLL CALL", regular),
                   ("3", "CONSENT CALENDAR", regular), ("3.1", "Approval of Minutes", "CONSENT CALENDAR"),
                   ("3.2", "Award of the Street Tree Contract", "CONSENT CALENDAR")]
    # sessions of one meeting: one meeting row
    assert len(rows("meetings", "meetings", doc)) == 1


def test_a_notice_numbering_the_ways_to_take_part_does_not_take_the_agendas_numbers():
    doc = paper(masthead() + [
        line(36, 240, "You may take part in this meeting in either of these ways:", bold=True),
        line(36, 255, "1. COMMENT BEFORE THE MEETING by writing to the Commission at"),
        line(72, 268, "commission@lakeford.example by noon on the day of the meeting."),
        line(36, 285, "2. ATTEND THE MEETING IN PERSON", bold=True),
        line(72, 298, "PUBLIC COMMENT: The Commission will hear the public on any item on the agenda."),
        line(36, 330, "1. CALL MEETING TO ORDER"),
        line(36, 345, "2. ROLL CALL"),
        line(58, 360, "• Jane Hollis"),
        line(58, 375, "• Omar Reyes"),
        line(36, 390, "3. PLEDGE OF ALLEGIANCE"),
        line(36, 405, "4. ORAL COMMUNICATIONS FROM THE PUBLIC"),
        line(54, 420, "This is the time where the public may speak on items that are not on the agenda."),
        line(36, 440, "5. ADJOURNMENT")])
    got = [(r["item_number"], r["title"]) for r in rows("agenda", "agenda_items", doc)]
    assert got == [("1", "CALL MEETING TO ORDER"), ("2", "ROLL CALL"), ("3", "PLEDGE OF ALLEGIANCE"),
                   ("4", "ORAL COMMUNICATIONS FROM THE PUBLIC"), ("5", "ADJOURNMENT")]


def test_a_notices_numbered_ways_to_comment_in_a_session_are_no_items():
    doc = paper(masthead() + [
        line(200, 240, "5:00 PM - CLOSED SESSION", bold=True),
        line(54, 260, "1. IN PERSON - Council Chambers, 4410 Harbor View Drive"),
        line(54, 275, "2. VIDEO - https://meet.example.com/j/123456"),
        line(54, 290, "3. PHONE - Toll Free: (800) 555-0199; Meeting ID: 123 456"),
        line(54, 305, "a) 26-0101 CONFERENCE WITH LEGAL COUNSEL", bold=True),
        line(54, 320, "b) 26-0102 CONFERENCE WITH LABOR NEGOTIATORS", bold=True),
        line(200, 350, "6:00 PM - OPEN SESSION", bold=True),
        line(54, 370, "I. CALL TO ORDER", bold=True),
        line(54, 390, "II. ROLL CALL", bold=True),
        line(54, 410, "III. ADJOURNMENT", bold=True)])
    got = [(r["item_number"], r["section"]) for r in rows("agenda", "agenda_items", doc)]
    assert got == [("a", "5:00 PM - CLOSED SESSION"), ("b", "5:00 PM - CLOSED SESSION"),
                   ("I", "6:00 PM - OPEN SESSION"), ("II", "6:00 PM - OPEN SESSION"),
                   ("III", "6:00 PM - OPEN SESSION")]


def test_a_committee_agenda_of_the_boards_numbered_files_keeps_their_order():
    doc = paper(
        [line(200, 70, "Harbor Transit Authority", bold=True), line(230, 90, "Agenda - Final", bold=True),
         line(230, 110, "Thursday, May 14, 2026", bold=True), line(270, 125, "10:00 AM", bold=True),
         line(200, 140, "Operations Committee", bold=True)],
        [line(54, 60, "CONSENT CALENDAR"),
         line(54, 80, "21. SUBJECT: QUARTERLY SAFETY REPORT 2026-0211"),
         line(90, 95, "RECEIVE AND FILE the quarterly safety report."),
         line(54, 115, "29. SUBJECT: FARE MEDIA CONTRACT 2026-0230"),
         line(90, 130, "AWARD a contract for fare media."),
         line(54, 150, "NON-CONSENT"),
         line(54, 170, "24. SUBJECT: BUS STOP AMENITIES FOR THE EAST 2026-0198"),
         line(162, 185, "VALLEY LINE", bold=True),
         line(90, 200, "CONSIDER:"),
         line(108, 215, "A. APPROVE the amenities plan; and"),
         line(108, 230, "B. AUTHORIZE the Chief Executive Officer to sign the agreement."),
         line(54, 250, "22. SUBJECT: ORAL REPORT ON RIDERSHIP 2026-0215"),
         line(90, 265, "RECEIVE oral report.")])
    got = [(r["item_number"], r["title"], r["section"]) for r in rows("agenda", "agenda_items", doc)]
    assert got == [("21", "QUARTERLY SAFETY REPORT", "CONSENT CALENDAR"),
                   ("29", "FARE MEDIA CONTRACT", "CONSENT CALENDAR"),
                   ("24", "BUS STOP AMENITIES FOR THE EAST VALLEY LINE", "NON-CONSENT"),
                   ("22", "ORAL REPORT ON RIDERSHIP", "NON-CONSENT")]


def test_a_later_sub_list_takes_its_own_next_number_not_an_earlier_sub_lists():
    doc = paper([line(250, 60, "AGENDA", bold=True),
                 line(90, 100, "6. Committees", bold=True),
                 line(138, 120, "1. Review of membership", bold=True),
                 line(138, 140, "2. Review terms of reference", bold=True),
                 line(138, 160, "3. Consider new committees", bold=True),
                 line(90, 180, "7. Standing Orders", bold=True),
                 line(90, 200, "8. Review of policies", bold=True),
                 line(138, 220, "1. Complaints procedure", bold=True),
                 line(138, 240, "2. Press and media", bold=True),
                 line(138, 260, "3. Information requests", bold=True),
                 line(138, 280, "4. Whistleblowing", bold=True),
                 line(90, 300, "9. Dates of meetings", bold=True)])
    got = [(r["item_number"], r["section"]) for r in rows("agenda", "agenda_items", doc)]
    assert got[-2:] == [("4", "Review of policies"), ("9", None)]


def test_session_headings_in_a_layout_text_rendering():
    text = "\n".join([
        "                         CITY OF LAKEFORD",
        "                      REGULAR MEETING AGENDA",
        "                        Monday, March 9, 2026",
        "",
        "  4:00 P.M.-STUDY SESSION (TO BE HELD IN THE GARDEN ROOM)",
        "",
        "  1.  CALL TO ORDER",
        "  2.  STUDY SESSION",
        "",
        "  6:30 P.M.-REGULAR SESSION (TO BE HELD IN THE COUNCIL CHAMBERS)",
        "",
        "  1.  CALL TO ORDER",
        "  2.  ROLL CALL",
        "  3.  ADJOURNMENT"])
    got = [(r["item_number"], r["section"][:9]) for r in extractor("agenda").extract(text_document(text))["agenda_items"]]
    assert got == [("1", "4:00 P.M."), ("2", "4:00 P.M."), ("1", "6:30 P.M."), ("2", "6:30 P.M."), ("3", "6:30 P.M.")]


def test_a_mission_statement_under_the_masthead_is_no_venue():
    doc = paper([line(140, 60, "LAKEFORD UNIFIED SCHOOL DISTRICT", bold=True),
                 line(180, 80, "BOARD OF EDUCATION", bold=True), line(260, 95, "AGENDA", bold=True),
                 line(230, 110, "Tuesday, February 10, 2026"),
                 line(98, 120, "The mission of the Lakeford Unified School District is to offer every child a"),
                 line(98, 133, "safe place to learn, and to build skills and curiosity that last a lifetime."),
                 line(72, 170, "1. CALL TO ORDER", bold=True), line(72, 190, "2. APPROVAL OF MINUTES", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert (row["meeting_date"], row["venue"]) == (dt.date(2026, 2, 10), None)


def test_a_public_notice_states_its_meeting_in_the_passive():
    doc = paper([line(80, 60, "HARBOR COUNTY LAND TRUST CORPORATION", bold=True),
                 line(240, 80, "PUBLIC NOTICE", bold=True),
                 line(200, 100, "Notice of Annual Meeting"),
                 line(86, 120, "An annual meeting of the Harbor County Land Trust Corporation board of directors"),
                 line(89, 133, "will be held on Tuesday, April 14, 2026, from 10 a.m. to 12:30 p.m. at the"),
                 line(112, 146, "Grace T. Lowell Building, 210 North Pier Street, Suite 4, Lakeford, Ohio 44100.")])
    [row] = rows("meetings", "meetings", doc)
    assert row == {**row, "meeting_date": dt.date(2026, 4, 14), "start_time": "10:00", "end_time": "12:30",
                   "venue": "Grace T. Lowell Building, 210 North Pier Street, Suite 4, Lakeford, Ohio 44100"}
    assert row["body"].startswith("Harbor County Land Trust Corporation")


def test_timed_parts_of_a_city_agenda_are_sections_and_minutes_approval_is_no_minutes():
    doc = paper(masthead() + [
        line(72, 240, "Closed Session 5:30-6:30 PM"),
        line(72, 255, "1. CONFERENCE WITH LABOR NEGOTIATORS"),
        line(72, 275, "Council Member Announcements 6:30 -6:40 PM")],
        [line(72, 60, "Minutes Approval 6:40 -6:45 PM"),
         line(72, 75, "2. Approval of Action Minutes for the February 23, 2026 Council Meeting"),
         line(72, 95, "Consent Calendar 6:45 -6:50 PM"),
         line(71, 110, "Items will be voted on in one motion unless removed from the calendar."),
         line(72, 125, "3. Approval of a Contract for Street Resurfacing"),
         line(72, 145, "4. Adoption of a Resolution Setting the Winter Closure"),
         line(420, 160, "8:00 - 9:15 PM"),
         line(72, 175, "5. Review of the Climate Action Plan")])
    got = [(r["item_number"], r["section"]) for r in rows("agenda", "agenda_items", doc)]
    assert got == [("1", "Closed Session 5:30-6:30 PM"), ("2", "Minutes Approval 6:40 -6:45 PM"),
                   ("3", "Consent Calendar 6:45 -6:50 PM"), ("4", "Consent Calendar 6:45 -6:50 PM"),
                   ("5", "Consent Calendar 6:45 -6:50 PM")]


def test_a_venue_begun_on_the_date_line_runs_on_into_the_address():
    doc = paper([line(230, 50, "City of Lakeford", bold=True), line(240, 90, "Notice and Agenda", bold=True),
                 line(260, 115, "City Council", bold=True),
                 line(55, 156, "Monday, March 9, 2026 5:30 PM North Conference Room and Council", bold=True),
                 line(390, 169, "Chambers, City Hall, 4410 Harbor View Dr.,", bold=True),
                 line(465, 182, "Lakeford, CA 93010", bold=True),
                 line(55, 245, "1 Call to Order", bold=True), line(55, 275, "2 Roll Call", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert row["venue"] == "North Conference Room and Council Chambers, City Hall, 4410 Harbor View Dr., Lakeford, CA 93010"


def test_the_kind_of_meeting_and_its_sessions_times_are_no_venue_and_give_the_start():
    doc = paper([line(280, 45, "AGENDA", bold=True),
                 line(230, 60, "City Council", bold=True), line(430, 75, "March 9, 2026", bold=True),
                 line(440, 88, "Regular Meeting"), line(430, 101, "Council Chambers"),
                 line(140, 114, "CLOSED SESSION – 5:30 p.m. OPEN SESSION – 6:30 p.m."),
                 line(72, 160, "1. Call to Order"), line(72, 180, "2. Oral Communications")])
    [row] = rows("meetings", "meetings", doc)
    assert (row["venue"], row["start_time"]) == ("Council Chambers", "17:30")


def test_parts_numbered_afresh_in_styles_of_their_own_under_colon_headings():
    """A Granicus city agenda: each part numbers its items afresh, in a style of its own, under a
    heading closed by a colon; each consent item lists its papers' links ("Draft Minutes")."""
    doc = paper(
        [line(270, 60, "AGENDA", bold=True), line(200, 80, "LAKEFORD CITY COUNCIL MEETING", bold=True),
         line(235, 100, "MARCH 9, 2026", bold=True),
         line(71, 140, "CEREMONIAL MATTERS:", bold=True),
         line(105, 160, "1. Presentation to the Outgoing Mayor"),
         line(105, 180, "2. Remarks by Invited Guests"),
         line(71, 210, "CONSENT CALENDAR:", bold=True),
         line(71, 224, "Items listed under the Consent Calendar are routine items and will be approved in"),
         line(71, 238, "one motion. Any member of the Council may pull an item for discussion or clarification"),
         line(71, 252, "and those wishing to speak should refer to the separate cover at lakeford.example/speak"),
         line(105, 272, "A. Motion to Waive Full Reading"),
         line(105, 292, "B. Approval of Minutes"),
         line(132, 306, "Recommendation: Approve the Minutes of February 23, 2026."),
         line(130, 320, "Draft Minutes"),
         line(105, 340, "C. Registers of Demands"),
         line(71, 370, "REGULAR BUSINESS:", bold=True),
         line(71, 384, "This section contains items of general business. Each speaker will be limited to")],
        [line(71, 40, "three minutes to address the City Council on any item in this section."),
         line(105, 70, "1. Consideration of the Park Fence Plan (30 mins)"),
         line(105, 100, "2. Consideration of the Permit Review Report")])
    got = [(r["item_number"], r["title"], r["section"]) for r in rows("agenda", "agenda_items", doc)]
    assert got == [("1", "Presentation to the Outgoing Mayor", "CEREMONIAL MATTERS:"),
                   ("2", "Remarks by Invited Guests", "CEREMONIAL MATTERS:"),
                   ("A", "Motion to Waive Full Reading", "CONSENT CALENDAR:"),
                   ("B", "Approval of Minutes", "CONSENT CALENDAR:"),
                   ("C", "Registers of Demands", "CONSENT CALENDAR:"),
                   ("1", "Consideration of the Park Fence Plan", "REGULAR BUSINESS:"),
                   ("2", "Consideration of the Permit Review Report", "REGULAR BUSINESS:")]


def test_a_session_that_will_begin_at_its_time_gives_the_start():
    doc = paper([line(160, 66, "LAKEFORD UNION HIGH SCHOOL DISTRICT", bold=True),
                 line(185, 82, "Regular Meeting of the Board of Trustees", bold=True),
                 line(270, 170, "AGENDA", bold=True), line(258, 190, "April 16, 2026", bold=True),
                 line(110, 222, "In compliance with the Americans with Disabilities Act, if you need special assistance"),
                 line(218, 320, "Closed Session will begin at 4:30 P.M.", bold=True),
                 line(60, 417, "1. Call to Order/ Roll Call", bold=True),
                 line(60, 445, "2. Pledge of Allegiance", bold=True)])
    [row] = rows("meetings", "meetings", doc)
    assert (row["meeting_date"], row["start_time"]) == (dt.date(2026, 4, 16), "16:30")
