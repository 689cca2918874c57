"""Agenda items, one small paper per layout."""
from __future__ import annotations

from conftest import extractor, text_document
from pipeline.find import find_segments
from pipeline.model import BBox, Document, Line, Page, Word
from pipeline.query import read_table


def items(doc: Document) -> list[dict]:
    return extractor("agenda").extract(doc)["agenda_items"]


def pdf_document(rows: list[tuple[float, str, bool]]) -> Document:
    """A one-page PDF-like paper: (indent, text, bold) per line, 14 pt apart."""
    lines = []
    for i, (x, text, bold) in enumerate(rows):
        top = 100 + 14 * i
        words, left = [], x
        for word in text.split():
            words.append(Word(word, BBox(left, top, left + 6 * len(word), top + 12)))
            left += 6 * len(word) + (14 if word.endswith(".") and len(words) == 1 else 4)
        lines.append(Line(text=text, words=words, bbox=BBox(x, top, left, top + 12), bold=bold))
    doc = Document("1" * 16, "fixture.pdf", "1" * 64, "pdf", pages=[Page(1, lines)])
    doc.segments = find_segments(doc)
    return doc


def test_agenda_table_with_sections_durations_and_vocabulary():
    doc = text_document(
        "Joint Committee\n\n## Agenda\n"
        "Timings\tItem\tItem\tOwner\tAction\tFormat\n"
        "Standing Items\t\t\t\t\t\n"
        "5 mins\t101\tWelcome\tAnn Lee\tInformation\tVerbal\n"
        "\t102\tApologies\tAnn Lee\tTo note\tPaper\n"
        "For Discuss\tion\t\t\t\t\n"
        "40 mins\t103\tPrimary Care\tBo Ray\tFor Decision\tPresentation\n"
        "Formal meeting closed – continue with\tQuestions from the\tPublic\t\t\t\n"
        "15 mins\t\t\tAll\tDiscussion\tVerbal\n")
    rows = items(doc)
    assert [r["item_number"] for r in rows] == ["101", "102", "103", None]
    assert rows[0] == {**rows[0], "title": "Welcome", "presenter": "Ann Lee", "purpose": "information",
                       "format": "verbal", "duration_minutes": 5, "section": "Standing Items"}
    assert rows[1]["purpose"] == "noting" and rows[1]["duration_minutes"] is None
    assert rows[2]["section"] == "For Discussion" and rows[2]["purpose"] == "decision"
    assert rows[3]["title"] == "Questions from the Public" and rows[3]["duration_minutes"] == 15


def test_numbered_front_sheet_with_page_ranges():
    doc = text_document(
        "A G E N D A\tPART I\tPages\n"
        "5.\tPROPOSAL FOR A PARTNERSHIP AGREEMENT\t1 - 10\n"
        "\tTo consider a report of the Executive Member.\t\n"
        "6.\tBUDGET MONITORING (Pages 11 - 16)\t\n")
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["page_range"]) for r in rows] == [
        ("5", "PROPOSAL FOR A PARTNERSHIP AGREEMENT", "1-10"), ("6", "BUDGET MONITORING", "11-16")]


def test_danish_minutes_items_with_times_and_presenters_skip_lists_inside_items():
    doc = text_document(
        "Dagsorden\n"
        "1. Velkomst (kl. 12.30) v. Mette Skovgaard\n"
        "Beslutning:\nMødet startede.\n"
        "2. Ledelse over sektorgrænser (kl. 12.40) v.\n"
        "Birthe Vinding og Mads Dall\n"
        "Der blev identificeret 3 temaer:\n"
        "1. Horisontal uvidenhed\n2. En bredere forankring\n"
        "3. Status på forløbsprogrammer (kl. 14.25)\n"
        "v. Inge Bank\n")
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["start_time"], r["presenter"]) for r in rows] == [
        ("1", "Velkomst", "12:30", "Mette Skovgaard"),
        ("2", "Ledelse over sektorgrænser", "12:40", "Birthe Vinding og Mads Dall"),
        ("3", "Status på forløbsprogrammer", "14:25", "Inge Bank")]


def test_english_minute_numbers_with_wrapped_bold_headings_and_section():
    doc = pdf_document([
        (71, "MINUTES of a meeting of the Cabinet", False),
        (230, "UNRESTRICTED ITEMS", True),
        (71, "84. Apologies", True),
        (71, "(Item 1)", False),
        (107, "1. Mr Harwick provided an update on the following:", False),
        (107, "2. Mr Love provided an update.", False),
        (71, "85. 24/00115 - Integrated Care Strategy", True),
        (71, "Delivery Plan", True),
        (71, "(Item 2)", False),
    ])
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["section"]) for r in rows] == [
        ("84", "Apologies", "UNRESTRICTED ITEMS"),
        ("85", "24/00115 - Integrated Care Strategy Delivery Plan", "UNRESTRICTED ITEMS")]


def test_minutes_with_unnumbered_headings_and_item_references():
    doc = pdf_document([
        (137, "CORPORATE PARENTING PANEL – 10 December 2024", True),
        (83, "MINUTES of the meeting held in the Orchard Room", True),
        (72, "Apologies and Substitutes", True),
        (72, "(Item 1)", False),
        (72, "Apologies were received from Mr Love.", False),
        (72, "Chairman’s Announcements", True),
        (72, "(Item 2)", False),
        (90, "1. The Chair reminded the Panel of the campaign.", False),
        (90, "2. The Chair shared a message.", False),
    ])
    rows = items(doc)
    assert [(r["item_number"], r["title"]) for r in rows] == [
        ("1", "Apologies and Substitutes"), ("2", "Chairman’s Announcements")]


def test_us_outline_with_roman_sections_lettered_and_unnumbered_sub_items():
    doc = pdf_document([
        (286, "AGENDA", False),
        (72, "I. ROLL CALL", False),
        (72, "II. APPROVAL OF THE MINUTES", False),
        (108, "June 25, 2019", False),
        (72, "III. EXECUTIVE OFFICER REPORTS", False),
        (117, "President’s Report", False),
        (117, "Treasurer’s Report", False),
        (72, "IV. COMMITTEE REPORTS", False),
        (99, "A. COMMUNITY AFFAIRS", False),
        (117, "1. Approval of Grants", False),
        (99, "B. MANAGEMENT", False),
        (112, "1. Approval of the Long Term Disability Plan and", False),
        (138, "FMLA Agreement", False),
        (112, "2. Medical Mutual Contract", False),
        (72, "V. ADJOURNMENT", False),
    ])
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["section"]) for r in rows] == [
        ("I", "ROLL CALL", None),
        ("II", "APPROVAL OF THE MINUTES", None),
        ("III", "EXECUTIVE OFFICER REPORTS", None),
        (None, "President’s Report", "EXECUTIVE OFFICER REPORTS"),
        (None, "Treasurer’s Report", "EXECUTIVE OFFICER REPORTS"),
        ("IV", "COMMITTEE REPORTS", None),
        ("A", "COMMUNITY AFFAIRS", "COMMITTEE REPORTS"),
        ("1", "Approval of Grants", "COMMUNITY AFFAIRS"),
        ("B", "MANAGEMENT", "COMMITTEE REPORTS"),
        ("1", "Approval of the Long Term Disability Plan and FMLA Agreement", "MANAGEMENT"),
        ("2", "Medical Mutual Contract", "MANAGEMENT"),
        ("V", "ADJOURNMENT", None)]
    assert [r["sequence"] for r in rows] == list(range(1, 13))


def test_contents_list_of_a_strategy_is_not_an_agenda():
    doc = text_document(
        "Health and Wellbeing Strategy\nContents\n"
        "1. Foreword 1\n2. Introduction 3\n3. Start Well 8\n4. Live Well 9\n")
    assert items(doc) == []


def test_minutes_prefer_item_headings_to_their_contents_list():
    doc = pdf_document([
        (539, "Referat", False),
        (85, "1. Meddelelser 3", False),
        (85, "2. Bygningsvedligeholdelse 4", False),
        (58, "1. Meddelelser", True),
        (85, "Sagsnr.: 2011-29298", False),
        (58, "2. Bygningsvedligeholdelse", True),
        (85, "Indstillingen godkendt", False),
    ])
    doc.pages[0].lines[1].cells = ["1. Meddelelser", "3"]
    doc.pages[0].lines[2].cells = ["2. Bygningsvedligeholdelse", "4"]
    rows = items(doc)
    assert [(r["item_number"], r["title"]) for r in rows] == [("1", "Meddelelser"), ("2", "Bygningsvedligeholdelse")]
    assert all(r["page"] == 1 for r in rows)


def test_a_cancelled_meeting_has_no_agenda():
    doc = text_document("SEX OFFENDER MANAGEMENT BOARD\nAGENDA\nAugust 1, 2019\n"
                        "The meeting is cancelled.\n1. Roll call\n2. Minutes\n")
    assert items(doc) == []


def test_an_agenda_heading_deep_in_a_strategy_starts_no_agenda():
    pages = ["Our Strategy 2020-2025\nForeword\n"] + ["Text of the strategy.\n"] * 4
    doc = text_document("\f".join(pages + ["Agenda for Change\n1. Pay bands\n2. Terms and conditions\n"]))
    assert items(doc) == []


def test_an_agenda_ends_where_its_numbers_stop_sitting_together():
    doc = text_document("Agenda\n1. Apologies\n2. Minutes of the last meeting\n"
                        "\fReport\nThe budget is set.\n\fMore report text.\n"
                        "\f3. The council will consult on the plan.\n")
    assert [r["title"] for r in items(doc)] == ["Apologies", "Minutes of the last meeting"]


def test_decimal_sub_items_under_their_item_and_prose_paragraphs_are_not_items():
    doc = text_document("Agenda\n1. Welcome\n2. Finance\n2.1 Month 10 position\n2.2 Capital plan\n"
                        "3. Any other business\n")
    assert [(r["item_number"], r["section"]) for r in items(doc)] == [
        ("1", None), ("2", None), ("2.1", "Finance"), ("2.2", "Finance"), ("3", None)]
    doc = text_document("Minutes of the Trustees\n1 Minutes of the meeting held 5 May 2015\n"
                        "1.1 The minutes were accepted as a true and accurate record to be posted.\n"
                        "2. Matters Arising\n2.1 The treasurer reported that the account is open.\n")
    assert [r["item_number"] for r in items(doc)] == ["1", "2"]


def test_items_numbered_by_part_letter():
    doc = text_document("AGENDA\nA1 Introduction\nA2 Apologies and Substitutes\nA3 Minutes\n")
    assert [(r["item_number"], r["title"]) for r in items(doc)] == [
        ("A1", "Introduction"), ("A2", "Apologies and Substitutes"), ("A3", "Minutes")]


def test_times_purposes_and_formats_printed_with_list_items():
    doc = text_document("Agenda\n10:00 1. Welcome and apologies\n"
                        "2. Month 10 finance report (For Decision) (Paper) 10:05 - 10:25\n"
                        "3. Capital programme update (To note)\n")
    rows = items(doc)
    assert [(r["title"], r["start_time"], r["duration_minutes"], r["purpose"], r["format"]) for r in rows] == [
        ("Welcome and apologies", "10:00", None, None, None),
        ("Month 10 finance report", "10:05", 20, "decision", "paper"),
        ("Capital programme update", None, None, "noting", None)]


def test_agenda_table_with_clock_ranges():
    doc = text_document("Agenda\nTime\tItem\tTitle\tLead\n"
                        "10:00-10:05\t1\tWelcome\tAnn Lee\n10:05 – 10:45\t2\tStrategy refresh\tBo Ray\n")
    rows = items(doc)
    assert [(r["start_time"], r["duration_minutes"], r["presenter"]) for r in rows] == [
        ("10:00", 5, "Ann Lee"), ("10:05", 40, "Bo Ray")]


def test_unnumbered_agenda_lines_under_the_heading_up_to_the_first_prose():
    doc = text_document("County Advisory Board\nAGENDA\nMonday, November 4, 2019\n10:30am - 12:00pm\n"
                        "Welcome and Roll Call\nApproval of Minutes\nPublic Comment\nAdjournment\n"
                        "Members of the public may attend in person or by phone.\n")
    assert [r["title"] for r in items(doc)] == ["Welcome and Roll Call", "Approval of Minutes", "Public Comment",
                                                "Adjournment"]
    prose = text_document("AGENDA\nThe board will meet to discuss the budget.\nAll are welcome to attend.\n")
    assert items(prose) == []


def test_real_papers_agendas_counted_and_none_in_the_strategy_or_the_business_plan(corpus_out):
    docs = read_table(corpus_out, "documents").to_pandas()[["document_id", "source_path"]]
    rows = read_table(corpus_out, "agenda_items").to_pandas().merge(docs)
    per_paper = rows.groupby("source_path").size()
    assert "002_51a0252571eaa1a2.txt" not in per_paper and "003_ead4e5072bc465c5.txt" not in per_paper
    assert per_paper["kent_council_assistant/Agenda_frontsheet_30th-Jan-2025_10.00_Cabinet.pdf"] == 9
    assert per_paper["city_scrapers_cle/cuya_community_college_agenda.pdf"] == 26
    # notices with no "Agenda" heading have their items; schedules of meetings have none
    assert per_paper["city_scrapers/il_corrections.pdf"] == 9
    assert per_paper["suffolk_libraries/2016-suffolk-libraries-agm-agenda.pdf"] == 8
    schedules = ("chi_human_relations", "cook_emergency_telephone_schedule", "det_employment_solutions_corp",
                 "cuya_developmental_disabilities")
    assert not [path for path in per_paper.index if any(name in path for name in schedules)]



def test_notice_without_agenda_heading_items_with_presenter_after_a_dash():
    doc = pdf_document([
        (200, "Department of Corrections", False), (200, "Advisory Board Meeting", False),
        (200, "Monday, November 4th, 2019", False), (200, "10:30am -12:00pm", False),
        (200, "Logan Correctional Center", False), (140, "*************************", False),
        (72, "Welcome and Roll Call – Phil Whittington", False),
        (72, "Approval of Minutes from August 6, 2019 – Board Members", False),
        (72, "IDOC Reports - Director Jeffreys", False),
        (72, "Education Programs-FY 2019 Annual Report and Advancing Higher Ed in", False),
        (72, "Illinois Prisons- Alyssa Williams-James Pagano", False),
        (72, "Capital Projects – Director’s", False),
        (72, "Document –Nikki Robinson/Alyssa Williams", False)])
    rows = items(doc)
    assert [(r["title"], r["presenter"]) for r in rows] == [
        ("Welcome and Roll Call", "Phil Whittington"),
        ("Approval of Minutes from August 6, 2019", "Board Members"),
        ("IDOC Reports", "Director Jeffreys"),
        ("Education Programs-FY 2019 Annual Report and Advancing Higher Ed in Illinois Prisons",
         "Alyssa Williams-James Pagano"),
        ("Capital Projects – Director’s Document", "Nikki Robinson/Alyssa Williams")]
    assert extractor("document_info").extract(doc)["documents"][0]["doc_type"] == "agenda"


def test_a_dash_inside_numbered_titles_keeps_the_title_whole():
    doc = text_document("AGENDA\n1. Apologies\n2. 24/00108 - Budget Monitoring Report – November 2024-25\n"
                        "3. Governance - Issues For The Board\n")
    assert [(r["title"], r["presenter"]) for r in items(doc)][1:] == [
        ("24/00108 - Budget Monitoring Report – November 2024-25", None), ("Governance - Issues For The Board", None)]


def test_numbered_notice_items_whose_weight_varies_lose_their_description():
    doc = pdf_document([
        (130, "Libraries Ltd Annual General Meeting", True), (190, "Thursday, 29 September 2016", True),
        (108, "1. Chair’s welcome and apologies.", True),
        (108, "2. Annual Report: To receive the report for the year from the Chair", False),
        (108, "3. Appointment of Auditor: To appoint the Auditor", False),
        (108, "4. Closing Remarks", True)])
    assert [(r["item_number"], r["title"]) for r in items(doc)] == [
        ("1", "Chair’s welcome and apologies"), ("2", "Annual Report"), ("3", "Appointment of Auditor"),
        ("4", "Closing Remarks")]


def test_item_word_before_numbers_with_a_colon():
    doc = text_document("Board Meeting\nAgenda\nItem 1: Welcome and apologies\nItem 2: Minutes of the last meeting\n"
                        "Item 3: Finance report (For Decision)\n")
    assert [(r["item_number"], r["title"], r["purpose"]) for r in items(doc)] == [
        ("1", "Welcome and apologies", None), ("2", "Minutes of the last meeting", None),
        ("3", "Finance report", "decision")]


def test_a_meeting_schedule_and_a_mid_sentence_agenda_are_no_agendas():
    schedule = text_document("Board Meeting\n2024 dates\nJanuary 10, 2024\nMarch 14, 2024\nMay 9, 2024\n"
                             "July 11, 2024\nSeptember 12, 2024\nNovember 14, 2024\n")
    assert items(schedule) == [] and extractor("meetings").extract(schedule)["meetings"] == []
    register = text_document("Budget Risk Register\nRisks to the capital programme\n"
                             "agenda (capital as well as LED installation) may slip\n1. Inflation\n2. Demand\n")
    assert items(register) == []
    assert extractor("document_info").extract(register)["documents"][0]["doc_type"] != "agenda"


def test_a_paper_without_text_has_no_agenda():
    doc = Document("2" * 16, "scan.pdf", "2" * 64, "pdf", pages=[Page(1, []), Page(2, [])])
    doc.segments = find_segments(doc)
    assert items(doc) == []


def test_agenda_table_with_clock_times_item_words_and_other_header_wordings():
    doc = text_document(
        "Board Meeting\nAgenda\n"
        "Start\tItem no\tDescription\tLed by\tPurpose\tFormat\n"
        "10:00\tItem 1:\tWelcome and apologies\tJane Roe\tFor Awareness\tVerbal update\n"
        "10:05\tItem 2:\tQuality report\tSam Poe\tTo seek assurance\tEnclosure\n"
        "10:40\tItem 3:\tBudget 2024/25\tSam Poe\tFor Ratification\tPaper\n")
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["presenter"], r["purpose"], r["format"], r["start_time"])
            for r in rows] == [
        ("1", "Welcome and apologies", "Jane Roe", "information", "verbal", "10:00"),
        ("2", "Quality report", "Sam Poe", "assurance", "paper", "10:05"),
        ("3", "Budget 2024/25", "Sam Poe", "approval", "paper", "10:40")]


def test_notice_header_date_time_and_place_are_not_items():
    for place in ("Town Hall, Main Street", "123 Main Street"):
        doc = text_document(f"Board of Directors Meeting\nTuesday, March 5, 2024, 6:30 p.m.\n{place}\n"
                            "Call to Order\nRoll Call\nPublic Comment\nAdjournment\n")
        assert [r["title"] for r in items(doc)] == ["Call to Order", "Roll Call", "Public Comment", "Adjournment"]


def test_durations_and_purposes_after_numbered_titles():
    doc = text_document("Finance Committee\nAgenda\n1. Welcome (5 mins)\n"
                        "2. Minutes of the last meeting (10 minutes) - For Approval\n3. Plan – Verbal\n"
                        "4. Budget 2024 - 25, 2:05 p.m.\n")
    assert [(r["title"], r["purpose"], r["format"], r["duration_minutes"], r["start_time"]) for r in items(doc)] == [
        ("Welcome", None, None, 5, None), ("Minutes of the last meeting", "approval", None, 10, None),
        ("Plan", None, "verbal", None, None), ("Budget 2024 - 25", None, None, None, "14:05")]


def test_minute_numbers_by_year_and_bracketed_letters_under_an_item():
    doc = text_document("Minutes\nCabinet\n24/84 Apologies\nNone were received.\n24/85 Declarations of Interest\n"
                        "None.\n24/86 Budget\nAgreed.\n")
    assert [(r["item_number"], r["title"]) for r in items(doc)] == [
        ("24/84", "Apologies"), ("24/85", "Declarations of Interest"), ("24/86", "Budget")]
    doc = pdf_document([(50, "Agenda", True), (50, "1. Apologies", False), (50, "2. Reports", False),
                        (70, "(a) Finance report", False), (70, "(b) Audit report", False), (50, "3. Close", False)])
    assert [(r["item_number"], r["section"]) for r in items(doc)] == [
        ("1", None), ("2", None), ("a", "Reports"), ("b", "Reports"), ("3", None)]


def test_numbered_items_with_presenter_purpose_and_format_in_unruled_columns():
    rows = [["Agenda"], ["1.", "Welcome and apologies", "Jane Roe", "For noting", "Verbal"],
            ["2.", "Quality and Safety Report", "Sam Poe", "For Assurance", "Paper", "10 mins"],
            ["3.", "Any Other Business", "Chair"]]
    doc = pdf_document([(50, " ".join(cells), False) for cells in rows])
    for line, cells in zip(doc.pages[0].lines[1:], rows[1:]):
        line.cells = cells  # columns told apart by their gaps, with no rules: no table
    assert [(r["title"], r["presenter"], r["purpose"], r["format"], r["duration_minutes"]) for r in items(doc)] == [
        ("Welcome and apologies", "Jane Roe", "noting", "verbal", None),
        ("Quality and Safety Report", "Sam Poe", "assurance", "paper", 10),
        ("Any Other Business", "Chair", None, None, None)]


def test_purpose_and_format_of_combined_cells():
    from extractors.agenda_items import vocab_value

    assert vocab_value("purpose", "For Decision/Approval") == "decision"
    assert vocab_value("purpose", "Information & Discussion") == "information"
    assert vocab_value("format", "Verbal/Paper") == "verbal"
    assert vocab_value("purpose", "Budget and Finance") is None


def test_a_numbered_paragraph_after_a_bold_item_does_not_continue_the_items():
    doc = pdf_document([(50, "MINUTES", True), (50, "1. Apologies", True),
                        (50, "2. The Chair noted that apologies had been received from two members today.", False),
                        (50, "2. Declarations of Interest", True), (50, "3. Budget", True)])
    assert [(r["item_number"], r["title"]) for r in items(doc)] == [
        ("1", "Apologies"), ("2", "Declarations of Interest"), ("3", "Budget")]


def test_a_notice_whose_items_name_many_dates_is_still_an_agenda():
    doc = text_document("Finance Committee Meeting\nTuesday 5 March 2024, 2pm\n"
                        "1. Minutes of 6 February 2024\n2. Minutes of 9 January 2024\n3. Report of 1 March 2024\n"
                        "4. Budget to 31 March 2025\n5. Plan for 1 April 2024\n")
    assert [r["item_number"] for r in items(doc)] == ["1", "2", "3", "4", "5"]


def test_unnumbered_items_with_their_times():
    doc = text_document("City Council\nAGENDA\nCall to Order – 6:30 p.m.\nPublic Comment – 6:35 p.m.\n"
                        "Adjournment – 8:00 p.m.\n")
    assert [(r["title"], r["start_time"]) for r in items(doc)] == [
        ("Call to Order", "18:30"), ("Public Comment", "18:35"), ("Adjournment", "20:00")]


def test_a_case_paper_is_its_one_item_when_it_states_the_decision_on_it():
    rows = [(58, "6. Prioritering af midler til kronisk syge borgere og", True),
            (85, "hverdagsrehabilitering for ældre", True), (85, "Sagsnr.: 2012-21786", False),
            (85, "Sammendrag", True), (85, "Kommunen modtager 2,59 mio. kr. årligt fra 2013.", False),
            (85, "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 6", False),
            (85, "Indstillingen godkendt", False)]
    assert [(r["item_number"], r["title"]) for r in items(pdf_document(rows))] == [
        ("6", "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre")]
    # without the meeting's decision on item 6 it is a report that opens with a numbered heading
    assert items(pdf_document(rows[:-2])) == []


def test_bulleted_minutes_items_are_their_section_headings():
    rows = [(240, "Commission Meeting Minutes", True), (90, "\uf0b7 Perfunctory Business", False),
            (126, "o Commissioners Present: Ann Lee, Bo Ray", False),
            (90, "\uf0b7 Meeting called to order at 9:08am", False),
            (90, "\uf0b7 2017/18 Financials approved – B. Munro (motion)", False),
            (126, "o In 2017, the SSA spent $210,783 of its budget", False), (90, "\uf0b7 Updates", False),
            (126, "o Holiday decorations were taken down", False), (90, "\uf0b7 New Business", False),
            (126, "o APPROVED – 2018 Meetings Calendar", False), (90, "\uf0b7 Meeting adjourned at 11:25am", False)]
    assert [r["title"] for r in items(pdf_document(rows))] == ["Perfunctory Business", "Updates", "New Business"]
    # bullets with no section bullets indented under them are minuted lines, not headings
    assert items(pdf_document([row for row in rows if row[0] != 126])) == []


def test_agenda_table_numbered_by_board_references():
    doc = text_document(
        "Board of Directors Meeting in Public\nAgenda\n"
        "Ref\tItem\tPresenter\tPurpose\tFormat\tTime\n"
        "BM/24/05\tWelcome and apologies\tChair\tInformation\tVerbal\t10:00\n"
        "BM/24/06\tDeclarations of interest\tChair\tNoting\tVerbal\t10:05\n"
        "TB.24.107\tPatient story\tChief Nurse\tAssurance\tPresentation\t10:10\n")
    assert [(r["item_number"], r["title"], r["purpose"]) for r in items(doc)] == [
        ("BM/24/05", "Welcome and apologies", "information"), ("BM/24/06", "Declarations of interest", "noting"),
        ("TB.24.107", "Patient story", "assurance")]


def test_numbered_items_with_times_at_the_left_presenter_after_a_dash_and_purpose_in_brackets():
    doc = text_document(
        "AGENDA\n09:30  1. Welcome and apologies – Chair (Information)\n"
        "09:35  2. Declarations of interest – Chair (Noting)\n"
        "09:50  3. Chief Executive's report – Jane Smith, Chief Executive (Assurance)\n"
        "10:20  4. Finance - Month 5 Report (Decision)\n")
    assert [(r["item_number"], r["title"], r["presenter"], r["purpose"], r["start_time"]) for r in items(doc)] == [
        ("1", "Welcome and apologies", "Chair", "information", "09:30"),
        ("2", "Declarations of interest", "Chair", "noting", "09:35"),
        ("3", "Chief Executive's report", "Jane Smith, Chief Executive", "assurance", "09:50"),
        ("4", "Finance - Month 5 Report", None, "decision", "10:20")]


def test_numbered_items_with_their_presenters_in_closing_brackets():
    doc = text_document("AGENDA\n1. Welcome and apologies (Chair)\n2. Quality report (Chief Nurse) (For Assurance)\n"
                        "3. Finance report (Director of Finance)\n4. Any other business\n")
    assert [(r["title"], r["presenter"], r["purpose"]) for r in items(doc)] == [
        ("Welcome and apologies", "Chair", None), ("Quality report", "Chief Nurse", "assurance"),
        ("Finance report", "Director of Finance", None), ("Any other business", None, None)]


def test_numbered_items_by_the_boards_minute_references():
    for a, b, c in (("BM/24/05", "BM/24/06", "BM/24/07"), ("TB24/107", "TB24/108", "TB24/109")):
        doc = text_document(f"AGENDA\n{a} Welcome and apologies\n{b} Declarations of interest\n{c} Quality report\n")
        assert [(r["item_number"], r["title"]) for r in items(doc)] == [
            (a, "Welcome and apologies"), (b, "Declarations of interest"), (c, "Quality report")]


def test_parts_of_an_agenda_set_in_plain_type_are_its_sections():
    doc = text_document("AGENDA\nPart A – Items for decision\n1. Welcome and apologies\n2. Budget 2025/26\n"
                        "Part B – Items for information\n3. Quality report\n4. Any other business\n")
    assert [(r["item_number"], r["section"]) for r in items(doc)] == [
        ("1", "Part A – Items for decision"), ("2", "Part A – Items for decision"),
        ("3", "Part B – Items for information"), ("4", "Part B – Items for information")]


def test_a_text_front_sheet_sections_are_its_centred_capital_lines():
    # a council front sheet rendered as text (no bold): the section heading is the centred line in capitals;
    # a line in capitals at the left margin is no section
    doc = text_document(
        "                               AGENDA\n\n"
        "                            LICENSING PANEL\n\n"
        "   Monday, 2nd June, 2025, at 2.00 pm         Ask for:       Ann Other\n"
        "   Town Hall, High Street                     Telephone:     01234 567890\n\n"
        "                             OPEN BUSINESS\n"
        "             (These items will be taken in public, as a rule)\n\n"
        "1.     Apologies\n\n2.     Minutes of the last meeting (Pages 1 - 6)\n\n"
        "                           CLOSED BUSINESS\n\n"
        "3.     Review of a Premises Licence (Pages 7 - 20)\n\n"
        "NOTE FOR MEMBERS\n"
        "4.     Any other business\n")
    assert [(r["item_number"], r["section"]) for r in items(doc)] == [
        ("1", "OPEN BUSINESS"), ("2", "OPEN BUSINESS"), ("3", "CLOSED BUSINESS"), ("4", "CLOSED BUSINESS")]


def test_a_text_rendering_whose_pages_shift_keeps_one_run_of_items():
    # pdftotext -layout sets each page from its leftmost character: a running header set further left
    # than the items moves page 2's items three columns right. Numbers are set flush right ("9." over
    # "10."). A schedule's "A." list after the last item is the schedule's "1.", not the last item's.
    header = "Springfield Board of Health          - AGENDA -          May 6, 2020\n\n"
    page1 = ("                 SPRINGFIELD BOARD OF HEALTH\n\n                    AGENDA – May 6, 2020\n\n"
             + "".join(f" {n}. Routine item number {n}\n\n" for n in range(1, 10))
             + "10. Approval of Resolutions:\n\n")
    page2 = (header + "    A. RESOLUTION (2020-01) Accept a grant for school health services.\n\n"
             "    B. RESOLUTION (2020-02) Renew a contract for life insurance cover.\n\n"
             "   11. Health Commissioner's Report\n\n   12. Motion to adjourn the meeting\n")
    page3 = (header + "                         SCHEDULE A\n\n1. Establish Budgets\n\n"
             "    A. Establish a budget for a child obesity grant.\n\n"
             "    B. Establish a budget for a beach monitoring grant.\n")
    doc = text_document(page1 + "\f" + page2 + "\f" + page3)
    assert [r["item_number"] for r in items(doc)] == [str(n) for n in range(1, 13)]


def test_a_recommendation_paragraph_under_an_item_is_not_its_titles_next_line():
    # US planning commission agendas: "Recommendation:" / "Attachment(s):" paragraphs set at the title's indent
    text = ("PLANNING COMMISSION AGENDA\nMay 12, 2021\n\n1.   CALL TO ORDER\n\n2.   CONSENT CALENDAR\n\n"
            "     2.1   Annual Report on the General Plan\n"
            "           Recommendation: Receive and file the report.\n"
            "     2.2   Conditional Use Permit for 45 Oak Avenue and its\n"
            "           parking lot\n"
            "           Attachment(s): Staff Report\n\n3.   ADJOURNMENT\n")
    expected = ["CALL TO ORDER", "CONSENT CALENDAR", "Annual Report on the General Plan",
                "Conditional Use Permit for 45 Oak Avenue and its parking lot", "ADJOURNMENT"]
    assert [r["title"] for r in items(text_document(text))] == expected
    pdf = pdf_document([(50, "PLANNING COMMISSION AGENDA", True), (50, "May 12, 2021", False),
                        (50, "1. CALL TO ORDER", True), (50, "2. CONSENT CALENDAR", True),
                        (70, "2.1 Annual Report on the General Plan", False),
                        (92, "Recommendation: Receive and file the report.", False),
                        (70, "2.2 Conditional Use Permit for 45 Oak Avenue and its", False),
                        (92, "parking lot", False), (92, "Attachment(s): Staff Report", False),
                        (50, "3. ADJOURNMENT", True)])
    assert [r["title"] for r in items(pdf)] == expected


def test_a_capital_heading_inside_an_items_description_is_no_section_of_the_next_item():
    # US planning commission dockets: "STAFF RECOMMENDATION" set in under an item's description
    doc = pdf_document([(50, "Agenda", True), (50, "PUBLIC HEARINGS", True),
                        (50, "ITEM 1: OAK AVENUE HOMES – PROJECT NO. 1234", True),
                        (90, "A permit to build four homes on a vacant lot.", False),
                        (90, "STAFF RECOMMENDATION", True), (90, "Approve the project.", False),
                        (50, "ITEM 2: RIVER PARK MASTER PLAN – WORKSHOP", True),
                        (90, "A workshop on the draft master plan.", False)])
    assert [(r["item_number"], r["section"]) for r in items(doc)] == [
        ("1", "PUBLIC HEARINGS"), ("2", "PUBLIC HEARINGS")]


def test_nordic_agenda_whose_title_line_runs_into_a_typed_rule_reads_its_contents_list():
    # a Swedish-language municipal agenda: title, a rule typed in underscores and the agenda's number
    # on one line, the meeting's labels, then its items with dot leaders and pages
    doc = text_document(
        "Föredragningslista " + "_" * 80 + " 7/2024\n"
        "Organ Tekniska nämnden\nSammanträdestid 12.03.2024 kl. 18:00\n\n"
        "Ärenden som skall behandlas                                         Sida\n"
        "Mötesuppgifter ........................................................ 1\n"
        "41 § Sammanträdets laglighet ........................................... 2\n"
        "42 § Val av protokolljusterare ......................................... 3\n"
        "- Bil. Karta över området .............................................. 4\n"
        "43 § Gatubelysning i centrum ........................................... 5\n"
        "\f41 §\nSammanträdets laglighet\nOrdföranden öppnar mötet.\n")
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["page_range"]) for r in rows] == [
        ("41", "Sammanträdets laglighet", "2"), ("42", "Val av protokolljusterare", "3"),
        ("43", "Gatubelysning i centrum", "5")]


def test_pack_without_an_agenda_heading_reads_its_contents_list_of_items():
    doc = text_document(
        "Finance and Resources Committee\nTuesday 4 June 2024 at 10.00 am\nCommittee Room 2, Town Hall\n\n"
        "Contents\n"
        "1. Apologies for absence .............................................. 3\n"
        "2. Minutes of the previous meeting ...................................... 4\n"
        "3. Treasury management outturn .......................................... 9\n"
        "\f1. Apologies for absence\nApologies were received.\n")
    rows = items(doc)
    assert [(r["item_number"], r["title"], r["page_range"]) for r in rows] == [
        ("1", "Apologies for absence", "3"), ("2", "Minutes of the previous meeting", "4"),
        ("3", "Treasury management outturn", "9")]


def test_contents_list_of_a_report_that_names_no_meeting_gives_no_items():
    doc = text_document(
        "Capital Strategy 2024-29\nPublished March 2024\n\nTable of Contents\n"
        "1. Introduction ......................................................... 3\n"
        "2. Capital expenditure .................................................. 5\n"
        "3. Treasury management ................................................. 9\n")
    assert items(doc) == []
