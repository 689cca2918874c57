"""Segments of a pack: cue lines open them, in order, and prose does not."""
from pipeline.find import find_segments
from tests.conftest import text_document


def kinds(text: str) -> list[tuple[str, int]]:
    return [(s.kind, s.start.line) for s in find_segments(text_document(text))]


def test_a_pack_splits_at_its_cue_lines():
    text = ("### **Joint Committee**\n\n## **Agenda**\n\n1. Apologies\n\n"
            "#### **Committee Meeting Action Matrix**\n\nRef\tSubject\tOwner\t\n1\tA thing\tAB\t\n\n\n"
            "Title of Paper\tBudget\t\nDate of Meeting\t6 July 2017\t\n")
    assert kinds(text) == [("report", 0), ("agenda", 1), ("action_log", 3), ("cover_sheet", 6)]


def test_letter_spaced_and_danish_cues():
    assert kinds("A G E N D A\n1. Item") == [("agenda", 0)]
    assert kinds("Dagsorden\n1. Velkomst") == [("agenda", 0)]
    assert kinds("Åbent referat\nfra mødet") == [("minutes", 0)]


def test_a_sentence_that_mentions_an_agenda_is_no_cue():
    prose = "The agenda for the next meeting will be circulated with the papers in good time for members to read."
    assert kinds(prose) == [("report", 0)]


def test_a_sentence_carried_onto_a_line_that_opens_with_a_cue_word_is_no_cue():
    # a notice's paragraph wrapped so that a line opens "minutes." or "agenda ..." mid-sentence
    text = ("Agenda\n1. Call to Order\nSpeakers are limited to a maximum of three\n"
            "minutes. Applicants may speak for a further five minutes at the end.\n2. Public Hearings\n"
            "Copies of any\nagenda related writings are available at the City Clerk's office.\n")
    assert kinds(text) == [("agenda", 0)]


def test_a_table_row_cues_only_by_its_first_filled_cell():
    assert kinds("\t17705\tAction Matrix Review\tPhil\t\n") == [("report", 0)]


def test_a_long_bold_minutes_heading_opens_minutes():
    heading = "**Minutes of a meeting of the Cabinet held in the Council Chamber on Thursday, 30th January 2025**"
    assert kinds(f"{heading}\n84. Apologies") == [("minutes", 0)]


def test_a_long_minutes_title_of_a_text_rendering_opens_minutes():
    # a layout rendering or web transcript has no bold: the paper's title may still be long
    title = "MINUTES of a meeting of the Licensing Committee held at the Civic Offices on Tuesday, 3 March 2026"
    assert kinds(f"Borough of Eastmere\n{title}\n12. Apologies") == [("report", 0), ("minutes", 1)]
    # below the first cue, a long line is no heading
    assert kinds(f"Minutes\n{title}\n12. Apologies") == [("minutes", 0)]


def test_a_long_title_ending_in_its_time_is_no_sentence():
    title = "MINUTES OF PROCEEDINGS AT MEETING OF EASTMERE COUNTY COUNCIL HELD ON MONDAY, 2ND MARCH, 2026, AT 3.00 P.M."
    assert kinds(f"{title}\n1. Adoption of Minutes") == [("minutes", 0)]
    sentence = "Minutes of the meeting of the Planning Committee held on Tuesday, 3 March 2026 were approved as read."
    assert kinds(f"{sentence}\n1. Adoption of Minutes") == [("report", 0)]


def test_a_rule_typed_after_a_title_does_not_make_it_prose():
    from pipeline.find import cue_kind
    from pipeline.model import Line

    # Nordic municipal agendas type the title line's rule in underscores: "Föredragningslista ____ 7/2024"
    assert cue_kind(Line(text="Föredragningslista " + "_" * 90 + " 7/2024")) == "agenda"
    assert cue_kind(Line(text="The agenda " + "." * 90 + " 3")) is None


def test_french_dutch_and_german_minutes_cues():
    assert kinds("PROCÈS-VERBAL\nSéance du conseil") == [("minutes", 0)]
    assert kinds("Compte rendu de la séance du conseil municipal\n1. Ouverture") == [("minutes", 0)]
    assert kinds("Besluitenlijst raadsvergadering 12 maart 2024\n1. Opening") == [("minutes", 0)]
    assert kinds("Niederschrift über die Sitzung des Bauausschusses\n1. Eröffnung") == [("minutes", 0)]
