"""Minutes as layout text (``pdftotext -layout`` and scrapers): no bold, no font
sizes. A minute's heading is told by its layout instead: its reference under it
("(Item 3)"), blank lines around it, its number in a column of its own. Wording
made up in the style of each class; lines spaced as such renderings space them."""
from __future__ import annotations

from pipeline.analyse import analysis_of
from tests.conftest import extractor, text_document

# English council minutes: hanging minute numbers, the agenda item under each title,
# numbered paragraphs, a motion, and what was RESOLVED (a paragraph set apart, no item)
COUNCIL = """                              SHIRE COUNTY COUNCIL

MINUTES of a meeting of the Cabinet held in the Council Chamber, Shire
Hall, Oldtown on Thursday, 12 March 2026.

PRESENT: Mr A Brown (Chairman), Mrs C Dale, Mr E Fox

                              UNRESTRICTED ITEMS

41.    Apologies
(Item 1)

Apologies were received from Mr G Hill.

42.    Minutes of the Meeting held on 5th February 2026
(Item 2)

RESOLVED that the minutes of the meeting on 5 February 2026 were a correct record.

43.    Cabinet Member Updates
(Item 3)

   1. Mrs Dale, Cabinet Member for Roads and Transport, provided an update on
      the following:

   (a) Resurfacing of the ring road had finished ahead of the programme.

   2. Mr Fox, Cabinet Member for Schools,
      reported that three new schools had opened.

44.    26/00012 - Library Strategy 2026-30 and the consultation on
opening hours
(Item 4)

   1. Mr Fox introduced the strategy.

   2. RESOLVED that Cabinet agree the Library Strategy 2026-30

45.    Treasury Management Strategy
(Item 5)

   1. RESOLVED that Cabinet agree to:
      (a) Adopt the Treasury Management Strategy
      (b) Note the prudential indicators
"""

# Danish committee minutes: a contents list, then each case under its number set in a
# column of its own, lettered points inside it, the recommendation and the committee's decision
DANISH = """INDHOLDSFORTEGNELSE
1. Meddelelser                                                    3
2. Renovering af svømmehallen                                     3

\f                                                  Kultur- og Fritidsudvalget
                                                                     Referat


1.   Meddelelser

     Sagsnr.: 2026-1001

     a.   Møde med idrætsforeningerne

     b.   Konference om frivillighed

     Kultur- og Fritidsudvalgets beslutning den 03.03.2026 Punkt 1
     Taget til efterretning


2.   Renovering af svømmehallen

     Sagsnr.: 2026-1002

     Svømmehallen trænger til nye fliser og et nyt ventilationsanlæg.

     Indstilling
     Center for Ejendomme indstiller, at
     A)   Renoveringen godkendes.

     Kultur- og Fritidsudvalgets beslutning den 03.03.2026 Punkt 2
     Indstillingen godkendt
"""

# Board minutes: numbered headings in a column of their own; under "Decisions" its
# numbered sub-items stand between blank lines, each with what the Board agreed
BOARD = """                        OPEN BOARD MEETING MINUTES

    1.      Welcome and Apologies

            Apologies were received from Ann Berry.


    2.      Decisions

                 1. Opening Hours at Millbrook Library

            The Chair of the Governance Committee asked the Board to accept the
            proposal to open Millbrook Library on Sundays.

            The Board agreed unanimously to accept this proposal.

                 2. Volunteer Policy

            The Chair of the Staffing Committee asked the Board to review and accept the
            updated Volunteer Policy.

            The Board agreed unanimously to adopt this policy.


    3.      Date of next meeting

            The next meeting will be held on 4th June 2026.
"""

# A case taken up again: each meeting's decision under a dated heading of its own (the
# contents list's line, dot leader and page, heads the case as the case's own line does)
CASE_HISTORY = """Referat
Udvalget for Kultur

                              Indholdsfortegnelse
Punkt nr.                                                                   Side


812.   Nyt kulturhus. Placering ......................................................2


812. Nyt kulturhus. Placering
Sagsnr.:                  26/1234

Indstilling
Direktøren indstiller, at udvalget drøfter placeringen af det nye kulturhus.

Beslutning i Udvalget for Kultur den 10-02-2026
Punktet udsættes til næste møde.

Beslutning i Udvalget for Kultur den 03-03-2026
Udvalget anbefaler placeringen ved havnen.
"""


def decisions(text: str) -> dict[str, dict]:
    return {r["item_number"]: r for r in extractor("decisions").extract(text_document(text))["decisions"]}


def agenda(text: str) -> list[dict]:
    return extractor("agenda").extract(text_document(text))["agenda_items"]


def test_council_minutes_headings_with_their_reference_hold_the_decisions():
    found = decisions(COUNCIL)
    assert set(found) == {"42", "44", "45"}  # numbered paragraphs ("2. RESOLVED ...") are no items
    assert found["42"]["decision"].startswith("RESOLVED that the minutes of the meeting on 5 February")
    assert found["44"]["title"] == "26/00012 - Library Strategy 2026-30 and the consultation on opening hours"
    assert found["44"]["decision"] == "RESOLVED that Cabinet agree the Library Strategy 2026-30"
    assert "(b) Note the prudential indicators" in found["45"]["decision"]


def test_council_minutes_headings_are_the_agenda_items_with_their_section():
    items = agenda(COUNCIL)
    assert [(i["item_number"], i["title"]) for i in items] == [
        ("41", "Apologies"), ("42", "Minutes of the Meeting held on 5th February 2026"),
        ("43", "Cabinet Member Updates"),
        ("44", "26/00012 - Library Strategy 2026-30 and the consultation on opening hours"),
        ("45", "Treasury Management Strategy")]
    assert {i["section"] for i in items} == {"UNRESTRICTED ITEMS"}


def test_a_point_of_running_text_is_no_heading():
    doc = text_document(COUNCIL)
    numbered = analysis_of(doc).numbered.values()
    headings = {c.title for c in numbered if c.heading}
    assert "Mrs Dale, Cabinet Member for Roads and Transport, provided an update on" not in headings
    assert "Mr Fox, Cabinet Member for Schools," not in headings
    assert {c.number for c in numbered if c.referenced} == {"41", "42", "43", "44", "45"}


def test_danish_minutes_items_stand_in_their_number_column_after_the_contents():
    found = decisions(DANISH)
    assert {n: r["decision"] for n, r in found.items()} == {"1": "Taget til efterretning",
                                                            "2": "Indstillingen godkendt"}
    assert found["2"]["recommendation"].startswith("Center for Ejendomme indstiller, at A) Renoveringen")
    # the lettered points of "Meddelelser" are its text, not sub-items
    assert [(i["item_number"], i["title"]) for i in agenda(DANISH)] == [
        ("1", "Meddelelser"), ("2", "Renovering af svømmehallen")]


def test_board_minutes_sub_items_between_blank_lines_each_record_a_decision():
    found = decisions(BOARD)
    assert found["1"]["title"] == "Opening Hours at Millbrook Library"
    assert found["1"]["decision"] == "The Board agreed unanimously to accept this proposal."
    assert found["2"]["decision"] == "The Board agreed unanimously to adopt this policy."
    items = agenda(BOARD)
    assert [(i["item_number"], i["section"]) for i in items] == [
        ("1", None), ("2", None), ("1", "Decisions"), ("2", "Decisions"), ("3", None)]


def test_a_case_taken_up_again_gives_the_last_meetings_decision():
    found = decisions(CASE_HISTORY)
    assert found["812"]["title"] == "Nyt kulturhus. Placering"
    assert found["812"]["decision"] == "Udvalget anbefaler placeringen ved havnen."
    assert found["812"]["recommendation"].startswith("Direktøren indstiller, at udvalget drøfter")


def test_minutes_of_one_case_take_their_item_from_the_contents_list():
    assert [(i["item_number"], i["title"], i["page_range"], i["page"]) for i in agenda(CASE_HISTORY)] == [
        ("812", "Nyt kulturhus. Placering", "2", 1)]
