"""Meetings from header blocks, one small paper per layout."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document
from pipeline.dates import find_date, time_span


def meetings(text: str) -> list[dict]:
    return extractor("meetings").extract(text_document(text))["meetings"]


def test_bare_header_lines_body_date_times_and_labelled_venue():
    [row] = meetings("### Joint Committee of CCGs\n6 <sup>th</sup> July 2017 1pm – 3pm\n"
                     "Venue: Banqueting Suite, Brackley, PR25 1DH\n## Agenda\n")
    assert row == {**row, "body": "Joint Committee of CCGs", "meeting_date": dt.date(2017, 7, 6),
                   "start_time": "13:00", "end_time": "15:00", "venue": "Banqueting Suite, Brackley, PR25 1DH"}


def test_labelled_header_with_body_in_agenda_title_and_postcode_line():
    [row] = meetings("AGENDA PAPERS FOR EXECUTIVE\nDate: Monday, 28 October 2013\nTime: 6.30 pm\n"
                     "Place: Committee Rooms 2 and 3, Town Hall, Eastham\nM32 0TH\nA G E N D A\n")
    assert row == {**row, "body": "EXECUTIVE", "meeting_date": dt.date(2013, 10, 28), "start_time": "18:30",
                   "venue": "Committee Rooms 2 and 3, Town Hall, Eastham M32 0TH"}


def test_minutes_sentence_names_body_venue_and_date():
    [row] = meetings("KENT COUNTY COUNCIL\nCABINET\nMINUTES of a meeting of the Cabinet held in the Council\n"
                     "Chamber, Guild House, Farnmouth on Thursday, 30 January 2025.\nPRESENT: Mr R Harwick\n")
    assert (row["body"], row["venue"], row["meeting_date"]) == (
        "Cabinet", "Council Chamber, Guild House, Farnmouth", dt.date(2025, 1, 30))


def test_body_before_the_date_and_venue_in_a_sentence_without_a_date():
    [row] = meetings("**CORPORATE PARENTING PANEL – 10 <sup>th</sup> December 2024**\n"
                     "**MINUTES of the meeting held in the Orchard Room, Guild House, County**\n"
                     "**Hall, Farnmouth.**\nPRESENT: Alma Pennick (Chair)\n")
    assert (row["body"], row["meeting_date"], row["venue"]) == (
        "CORPORATE PARENTING PANEL", dt.date(2024, 12, 10), "Orchard Room, Guild House, County Hall, Farnmouth")


def test_danish_header_with_weekday_date_clock_and_venue_line():
    [row] = meetings("Referat\nSundheds- og Forebyggelsesudvalget\ntirsdag den 4. december 2012, kl. 13:00\n"
                     "i Mødecenter C, Lokale 32 på Rådhuset\nTilstede\nJens Bakmark\n")
    assert row == {**row, "body": "Sundheds- og Forebyggelsesudvalget", "meeting_date": dt.date(2012, 12, 4),
                   "start_time": "13:00", "venue": "Mødecenter C, Lokale 32 på Rådhuset"}


def test_us_agenda_header_skips_the_organisation_line_and_reads_the_venue_after_the_date():
    [row] = meetings("Regular Meeting of the Board of Trustees\nCuyahoga Community College District\n"
                     "Thursday, September 26, 2019\nJerry Sue Thornton Center – Ford Room\n1:30 p.m.\nAGENDA\n")
    assert row == {**row, "body": "Board of Trustees", "meeting_date": dt.date(2019, 9, 26),
                   "start_time": "13:30", "venue": "Jerry Sue Thornton Center – Ford Room"}


def test_a_sentence_after_the_date_is_not_a_venue():
    [row] = meetings("SEX OFFENDER MANAGEMENT BOARD\nAGENDA\nAugust 1, 2019\n10:30am-12:30pm\n"
                     "The meeting is cancelled.\n")
    assert (row["body"], row["start_time"], row["end_time"], row["venue"]) == (
        "SEX OFFENDER MANAGEMENT BOARD", "10:30", "12:30", None)


def test_report_cover_addressed_to_a_meeting_and_strategy_without_one():
    [row] = meetings("From:\tCabinet Member for Finance\nTo:\tCabinet, 30 January 2025\nSubject:\tBudget\n")
    assert (row["body"], row["meeting_date"]) == ("Cabinet", dt.date(2025, 1, 30))
    # a superscript ordinal comes out of a PDF a space after its day
    [row] = meetings("From:\tLeader of the Council\nTo:\tCounty Council 12 th June 2025\nSubject:\tGovernance\n")
    assert (row["body"], row["meeting_date"]) == ("County Council", dt.date(2025, 6, 12))
    assert meetings("Health and Wellbeing Strategy 2020-2025\nContents\nForeword 1\n") == []


def test_times_and_dates_as_printed():
    assert time_span("Time 11.15am – 12.45pm") == ("11:15", "12:45")
    assert time_span("Dato: 04.12.2012") == (None, None)
    assert time_span("(kl. 12.40) v. Tove") == ("12:40", None)
    assert time_span("Tid: kl. 13.00-15.30") == ("13:00", "15:30")
    assert find_date("26 th May 2016")[0] == dt.date(2016, 5, 26)
    assert find_date("Pages 1 - 10") is None


def test_minutes_title_sentence_with_date_time_and_venue_after_it():
    [row] = meetings("Minutes of the Audit Committee meeting held on Tuesday 5 March 2019\n"
                     "at 2.00pm in the Boardroom, Trust HQ\nPresent: A Smith (Chair)\n")
    assert row == {**row, "body": "Audit Committee", "meeting_date": dt.date(2019, 3, 5), "start_time": "14:00",
                   "venue": "Boardroom, Trust HQ"}


def test_a_notice_sentence_outweighs_the_date_it_was_published_on():
    [row] = meetings("Thursday, December 3, 2020\nPUBLIC NOTICE OF SPECIAL MEETING\n"
                     "The Finance Authority will hold a special meeting of the Conduit Committee Members of the\n"
                     "Authority in the\n"
                     "Chicago Office, 160 North LaSalle Street on Tuesday, December 8, 2020 at 9:00\n"
                     "a.m.\nAGENDA:\n1. Call to Order\n2. Adjournment\n")
    assert row == {**row, "body": "Conduit Committee", "venue": "Chicago Office, 160 North LaSalle Street",
                   "meeting_date": dt.date(2020, 12, 8), "start_time": "09:00"}


def test_notice_title_date_time_and_an_address_over_lines():
    from test_agenda import pdf_document

    doc = pdf_document([(130, "Libraries Ltd Annual General Meeting", True),
                        (190, "Thursday, 29th September 2016, 6.30pm", True),
                        (250, "The Cookhouse", False), (250, "Suffolk Food Hall", False),
                        (250, "Ipswich, Suffolk IP9 2AB", False)])
    [row] = extractor("meetings").extract(doc)["meetings"]
    assert row == {**row, "body": "Libraries Ltd Annual General Meeting", "meeting_date": dt.date(2016, 9, 29),
                   "start_time": "18:30", "venue": "The Cookhouse, Suffolk Food Hall, Ipswich, Suffolk IP9 2AB"}


def test_date_and_time_variants():
    for text in ("Tuesday 5 March 2024", "05/03/2024", "March 5, 2024", "2024-03-05", "Tirsdag den 5. marts 2024",
                 "5th March, 2024"):
        assert find_date(text)[0] == dt.date(2024, 3, 5), text
    assert find_date("Date: 2024-03-05 Time: 14:00")[1] == "2024-03-05"
    assert time_span("6:30 p.m. - 8:00 p.m.") == ("18:30", "20:00")
    assert time_span("at 2pm") == ("14:00", None)
    assert time_span("14:00 – 16:30") == ("14:00", "16:30")
    assert time_span("from 14.00 to 16.30") == ("14:00", "16:30")
    assert time_span("Budget 2025.26") == (None, None)


def test_labelled_header_with_other_label_wordings():
    [row] = meetings("AGENDA\nMeeting:\tFinance Committee\nDate of meeting:\tWednesday 6th March 2024\n"
                     "Start time:\t2pm\nLocation:\tBoardroom, Trust HQ\n1. Apologies\n2. Minutes\n")
    assert row == {**row, "body": "Finance Committee", "meeting_date": dt.date(2024, 3, 6), "start_time": "14:00",
                   "venue": "Boardroom, Trust HQ"}


def test_a_notice_of_meeting_line_is_no_body():
    [row] = meetings("Finance Committee\nNOTICE OF MEETING\nWednesday 6 March 2024 at 2pm\nBoardroom, Trust HQ\n"
                     "1. Apologies\n2. Minutes\n")
    assert row == {**row, "body": "Finance Committee", "meeting_date": dt.date(2024, 3, 6), "start_time": "14:00",
                   "venue": "Boardroom, Trust HQ"}


def test_minutes_whose_title_sentence_is_too_long_for_a_heading():
    doc = text_document("MINUTES of the meeting of the Finance Committee held on Tuesday 5 March 2024 at 2pm in the "
                        "Boardroom\nPresent: Ann Lee (Chair)\n1. Apologies\nApologies were received from Bo Ray.\n"
                        "2. Minutes of the previous meeting\nThe minutes were approved.\n")
    [row] = extractor("meetings").extract(doc)["meetings"]
    assert row == {**row, "body": "Finance Committee", "meeting_date": dt.date(2024, 3, 5), "start_time": "14:00",
                   "venue": "Boardroom"}
    assert [r["title"] for r in extractor("agenda").extract(doc)["agenda_items"]] == [
        "Apologies", "Minutes of the previous meeting"]
    assert extractor("document_info").extract(doc)["documents"][0]["doc_type"] == "minutes"


def test_us_minutes_and_danish_minutes_with_labelled_header():
    [row] = meetings("Minutes of the Regular Meeting of the Board of Trustees\nMarch 5, 2024, 6:30 p.m.\n"
                     "City Hall, Room 201\nPresent: Ann Lee\nI. Call to Order\nII. Adjournment\n")
    assert row == {**row, "body": "Board of Trustees", "meeting_date": dt.date(2024, 3, 5), "start_time": "18:30",
                   "venue": "City Hall, Room 201"}
    [row] = meetings("Referat\nSundhedsudvalget\nMødedato: 5. marts 2024 kl. 14.00\nSted: Rådhuset, mødelokale 2\n"
                     "Punkt 1. Godkendelse af dagsorden\nGodkendt.\n")
    assert row == {**row, "body": "Sundhedsudvalget", "meeting_date": dt.date(2024, 3, 5), "start_time": "14:00",
                   "venue": "Rådhuset, mødelokale 2"}


def test_labelled_times_without_a_colon_or_am_pm():
    [row] = meetings("Dagsorden\nUdvalg: Sundhedsudvalget\nDato: 05.03.2024\nTidspunkt: 14.00-16.00\nSted: Rådhuset\n"
                     "1. Godkendelse af dagsorden\n2. Budget\n")
    assert row == {**row, "body": "Sundhedsudvalget", "meeting_date": dt.date(2024, 3, 5), "start_time": "14:00",
                   "end_time": "16:00", "venue": "Rådhuset"}


def test_numeric_dates_read_in_the_order_the_paper_writes_dates():
    [row] = meetings("Agenda\nMeeting: Finance Committee\nDate: 12/08/2020\n1. Apologies\n2. Minutes\n")
    assert row["meeting_date"] == dt.date(2020, 8, 12)
    [row] = meetings("Agenda\nMeeting: Finance Committee\nDate: 12/08/2020\n"
                     "1. Approval of the minutes of November 4, 2020\n2. Budget\n")
    assert row["meeting_date"] == dt.date(2020, 12, 8)


def test_date_and_time_under_one_label():
    [row] = meetings("AGENDA\nName of meeting:\tAudit Committee\nDate and time:\tTuesday 5 March 2024, 2.30pm\n"
                     "Meeting venue:\tBoardroom, Trust HQ\n1. Apologies\n2. Minutes\n")
    assert row == {**row, "body": "Audit Committee", "meeting_date": dt.date(2024, 3, 5), "start_time": "14:30",
                   "venue": "Boardroom, Trust HQ"}


def test_noon_and_hours_clock_times():
    assert time_span("10am – 12 noon") == ("10:00", "12:00")
    assert time_span("at 1400 hrs") == ("14:00", None)
    assert time_span("2025 hours of volunteering") == (None, None)


def test_a_date_followed_by_a_street_number():
    assert find_date("Friday, February 28, 2020 1311 S. Maybrook Dr")[0] == dt.date(2020, 2, 28)
    assert find_date("Minutes of 5 March 2024 and 6 April 2024")[0] == dt.date(2024, 3, 5)


def test_a_council_that_meets_itself_and_when_where_labels():
    [row] = meetings("Parish Council\nAgenda\nWhen: Tuesday 5 March 2024, 7.30pm\nWhere: Village Hall, Main Road\n"
                     "1. Apologies\n2. Minutes\n")
    assert row == {**row, "body": "Parish Council", "meeting_date": dt.date(2024, 3, 5), "start_time": "19:30",
                   "venue": "Village Hall, Main Road"}


CASE_PAPER = ("**8. Evaluering af rygestopkurser**\nSagsnr.: 2010-3082\n**Sammendrag**\nSagen indeholder resultater.\n"
              "**Indstilling**\nCenter for Sundhed indstiller, at\nA) Evalueringen tages til efterretning.\n"
              "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt {number}\nTaget til efterretning\n")


def test_a_case_paper_names_its_meeting_in_the_decision_on_its_item():
    [row] = meetings(CASE_PAPER.format(number=8))
    assert (row["body"], row["meeting_date"]) == ("Sundheds- og Forebyggelsesudvalget", dt.date(2012, 12, 4))
    # a decision on another item is no decision on this paper's item
    assert meetings(CASE_PAPER.format(number=9)) == []


def test_whether_the_board_sits_in_public_is_not_part_of_its_name():
    for title, body in (("Meeting of the Board of Directors held in public", "Board of Directors"),
                        ("Board of Directors Meeting in Public", "Board of Directors Meeting"),
                        ("Meeting of the Integrated Care Board (Part 1)", "Integrated Care Board")):
        [row] = meetings(f"{title}\nDate: Thursday 5 September 2024\nTime: 9.30am – 12.30pm\n"
                         "Location: MS Teams\nAgenda\n")
        assert row == {**row, "body": body, "meeting_date": dt.date(2024, 9, 5), "start_time": "09:30",
                       "end_time": "12:30", "venue": "MS Teams"}


def test_danish_kind_of_meeting_under_the_council_is_not_its_name():
    [row] = meetings("Dagsorden\nByrådet\nOrdinært møde\nTorsdag den 12. september 2024 kl. 17.00\nByrådssalen\n"
                     "1. Godkendelse af dagsorden\n2. Budget 2025\n")
    assert row == {**row, "body": "Byrådet", "meeting_date": dt.date(2024, 9, 12), "start_time": "17:00",
                   "venue": "Byrådssalen"}


def test_danish_masthead_with_a_kind_of_meeting_line_and_a_postcode_town():
    # Danish municipal minutes: the body's full name over "Ekstraordinært <short name>", the
    # venue's lines down to its postcode and town, a row each
    [row] = meetings("Referat\nUdvalget for teknik og miljø (TMU)\nEkstraordinært TMU\nMandag den 3. marts 2014\n"
                     "Kl. 14:00\nSkovbo Forsamlingshus\nEgevej 12\nLille Skovby\n7100 Vejle\n\n"
                     "Medlemmer\nAnne Holm (A)\n")
    assert row == {**row, "body": "Udvalget for teknik og miljø (TMU)", "meeting_date": dt.date(2014, 3, 3),
                   "start_time": "14:00", "venue": "Skovbo Forsamlingshus, Egevej 12, Lille Skovby, 7100 Vejle"}


def test_a_text_venue_ends_at_the_blank_row_and_a_paragraph_is_no_venue_line():
    [row] = meetings("Referat\nUdvalget for teknik og miljø\nMandag den 3. marts 2014\nSkovbo Forsamlingshus\n\n"
                     "Egevej 12\n")
    assert row["venue"] == "Skovbo Forsamlingshus"
    [row] = meetings("AGENDA\nBoard of Trustees\nThursday, May 7, 2020\nCommunity Room\n"
                     "The meeting is open to the public and "
                     "members of the public may speak on any item on the agenda when the chair invites them to\n")
    assert row["venue"] == "Community Room"


def test_every_meetings_reader_names_its_layout_with_an_example():
    from extractors.meetings import READERS

    for read in READERS:
        assert read.__doc__ and '"' in read.__doc__, read.__name__


def test_nordic_block_labelled_without_colons_in_two_cells():
    # Swedish-language municipal minutes (Finland, Sweden): the paper's kind and number, then a
    # block of label and value cells with no colons, the attendance list below it
    [row] = meetings("Protokoll 4/2024\nOrgan\tByggnadsnämnden\nSammanträdestid\t12.3.2024 kl. 17.00 – 18.45\n"
                     "Sammanträdesplats\tKommunhuset, sessionssalen\nBeslutande\nAndersson Kim, ordförande\n")
    assert row == {**row, "body": "Byggnadsnämnden", "meeting_date": dt.date(2024, 3, 12), "start_time": "17:00",
                   "end_time": "18:45", "venue": "Kommunhuset, sessionssalen"}


def test_a_notice_sentence_broken_over_lines_names_the_body_on_its_own_line():
    # US notices of meeting: "Notice is hereby given that the / BODY / will hold a special meeting"
    [row] = meetings("NOTICE OF MEETING\nNotice is hereby given that the\nHARBOR ADVISORY BOARD\n"
                     "will hold a special meeting\nTuesday, March 5, 2024\n6:30 pm\n100 Main Street, Room 2\n"
                     "MEETING AGENDA\n1. Call to order\n")
    assert row == {**row, "body": "HARBOR ADVISORY BOARD", "meeting_date": dt.date(2024, 3, 5), "start_time": "18:30"}
