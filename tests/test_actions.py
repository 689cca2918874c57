"""Action logs into `actions`, one test per layout."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document
from extractors.actions import due_date
from pipeline.model import BBox, Document, Line, Page, Word


def actions(doc: Document) -> list[dict]:
    return extractor("actions").extract(doc)["actions"]


MATRIX = (
    "Lead Author\tAndrew Bennett\n\n\n"
    "#### Joint Committee Action Matrix\n\n"
    "Ref\tSubject\tOwner\tUpdate\tStatus\tDate to Board If Applicable\tComplete\n"
    "\tEvaluation Criteria\t\t\t\t\t\n"
    "17-01-09\tCriteria to be assessed at the March 2017 meeting.\tGR\t\t\tApr-17\t\n"
    "\tDiagnostics paper update to be presented\t\t\t\t\t\n"
    "17-03-07\tto the Committee in August 2017\tDH\t\tOpen\tAug-17\t\n"
    "\t\t\tTo circulate the draft\t\t\t\n"
    "17-03-09\tCare Systems\tAB\tdescription\t\tMay-01\t\n"
    "17-03-09\tLocal Plan Presentation\tPK\tCirculate the link\t\tMay-01\tX\n"
)


def test_each_action_reader_names_its_layout_with_an_example():
    from extractors.actions import READERS

    for read in READERS:
        assert read.__doc__ and '"' in read.__doc__, f"{read.__name__}: say which layout it reads, with an example"


# A tracker set out with spaces (a web page's or pdftotext's text): the paper an action came
# from in its own column, one column for a status or a comment, month headings between rows.
ALIGNED_TRACKER = (
    "COUNTY HEALTH TRUST BOARD ACTION LIST\n"
    " NO      PAPER            ACTION                                          LEAD     TARGET      STATUS/\n"
    "                                                                                   DATE        COMMENT\n"
    " June 2023\n"
    " 06.01   Estates          A survey of the ward kitchens to be carried     PT       Sept        Survey booked\n"
    "         strategy         out before the winter                                                for August\n"
    " 06.02   Workforce        Exit interview themes to come to the Board      KL       12.9.23     Not yet due\n"
    " May 2023\n"
    " 05.04   Quality          Falls figures to be added to the dashboard      PT/KL    10 Oct      Complete\n"
)


def test_space_aligned_tracker_reads_its_paper_and_status_or_comment_columns():
    rows = actions(text_document(ALIGNED_TRACKER))
    assert [(r["ref"], r["owner"], r["due_date_raw"], r["status"], r["update"]) for r in rows] == [
        ("06.01", "PT", "Sept", None, "Survey booked for August"),
        ("06.02", "KL", "12.9.23", "Not yet due", None),
        ("05.04", "PT/KL", "10 Oct", "complete", None)]
    assert rows[0]["action"] == "Estates strategy: A survey of the ward kitchens to be carried out before the winter"
    assert rows[1]["due_date"] == dt.date(2023, 9, 12)


def test_an_agenda_naming_its_papers_and_leads_is_no_action_log():
    agenda = ("Board Agenda\n\nItem\tSubject\tPaper\tLead\n1\tWelcome and apologies\tVerbal\tChair\n"
              "2\tFinance report\tB1\tDirector of Finance\n")
    assert actions(text_document(agenda)) == []


def test_matrix_joins_wrapped_rows_and_keeps_repeated_refs():
    rows = actions(text_document(MATRIX))
    assert [(r["ref"], r["action"]) for r in rows] == [
        ("17-01-09", "Evaluation Criteria: Criteria to be assessed at the March 2017 meeting."),
        ("17-03-07", "Diagnostics paper update to be presented to the Committee in August 2017"),
        ("17-03-09", "Care Systems"),
        ("17-03-09", "Local Plan Presentation"),
    ]
    first, second, third, fourth = rows
    assert (first["due_date_raw"], first["due_date"]) == ("Apr-17", dt.date(2017, 4, 1))
    assert second["status"] == "open"
    assert third["update"] == "To circulate the draft description"
    assert (third["due_date_raw"], third["due_date"]) == ("May-01", None)  # May 2001? 1 May? not guessed
    assert third["owner"] == "AB" and third["owner_name"] == "Andrew Bennett"
    assert first["owner_name"] is None  # nobody in the pack has the initials GR
    assert fourth["status"] == "complete"


def test_due_dates():
    assert due_date("Apr-17", 2017) == dt.date(2017, 4, 1)
    assert due_date("Sept 2018", 2017) == dt.date(2018, 9, 1)
    assert due_date("31/03/2018", 2017) == dt.date(2018, 3, 31)
    assert due_date("May-01", 2017) is None
    assert due_date("End of March 2018", 2017) == dt.date(2018, 3, 1)
    assert due_date("Ongoing", 2017) is None
    assert due_date("Q2 2017", 2017) is None


def test_agenda_with_an_action_column_is_not_an_action_log():
    agenda = ("## Agenda\n\nTimings\tItem\tTitle\tOwner\tAction\tFormat\n"
              "5 mins\t17701\tWelcome\tPhil Watson\tInformation\tVerbal\n"
              "\t17705\tAction Matrix Review\tPhil Watson\tInformation\tPaper\n")
    assert actions(text_document(agenda)) == []


def test_minutes_with_inline_action_lines():
    minutes = """Present; Sheila Freeman (SF), Alison Hopkins (AHop), Mike Stephens (MS)

**1\tMinutes of the last meeting**
1.1\tThe minutes were accepted as a true record to be posted
on the website.
**ACTION:AHop**
**2\tMatters Arising**
2.1\tThe quote for blinds was accepted.
2.2\tAlison and Sheila agreed to attend the Community Forum.
**ACTION: AHop/SF**
"""
    rows = actions(text_document(minutes))
    # each action carries the number of the paragraph it closes ("2.2" of item 2)
    assert [(r["ref"], r["action"], r["owner"], r["owner_name"]) for r in rows] == [
        ("1.1", "The minutes were accepted as a true record to be posted on the website.", "AHop",
         "Alison Hopkins"),
        ("2.2", "Alison and Sheila agreed to attend the Community Forum.", "AHop/SF",
         "Alison Hopkins/Sheila Freeman"),
    ]


def test_text_minutes_with_an_action_column():
    minutes = ("Attendees\tTony Brown (Chair), Alison Wheeler (Chief Executive)\n"
               "\tAction\n"
               "3.\tMinutes of the previous meeting\n"
               "The Chair will write to the Director.\tTB\n"
               "Nothing else was raised.\n")
    [row] = actions(text_document(minutes))
    assert (row["ref"], row["action"], row["owner"], row["owner_name"]) == (
        "3", "The Chair will write to the Director.", "TB", "Tony Brown")


def _line(x: float, top: float, text: str, bold: bool = False) -> Line:
    words, left = [], x
    for token in text.split():
        width = 5.0 * len(token)
        words.append(Word(token, BBox(left, top, left + width, top + 10), "Arial-BoldMT" if bold else "Arial"))
        left += width + 3
    return Line(text=text, words=words, bbox=BBox(x, top, left - 3, top + 10), bold=bold)


def _pdf(lines: list[Line]) -> Document:
    page = Page(number=1, lines=lines, width=600, height=800)
    return Document(document_id="0" * 16, source_path="minutes.pdf", sha256="0" * 64, format="pdf", pages=[page])


def _with_mark(line: Line, mark: str) -> Line:
    word = Word(mark, BBox(524, line.bbox.top, 540, line.bbox.bottom), "Arial-BoldMT")
    return Line(text=f"{line.text} {mark}", words=line.words + [word],
                bbox=BBox(line.bbox.x0, line.bbox.top, 540, line.bbox.bottom))


def test_pdf_minutes_owner_column_takes_the_sentence_beside_the_initials():
    lines = [
        _line(70, 50, "Invited Peter Baker (Head of IT), Dan Hill (Community Lead)"),
        _line(524, 80, "Action"),
        _line(85, 100, "6. Management Reports", bold=True),
        _line(117, 120, "Chubb reviewed the alarms. The Head of IT will check all"),
        _line(117, 132, "phone lines to see if they tally up."),
        _with_mark(_line(117, 150, "The audit is taking place in May. This year the"), "PB"),
        _line(117, 162, "auditors use new software."),
        _line(117, 190, "The forms were completed and the Community Lead"),
        _line(524, 196, "DH", bold=True),
        _line(117, 202, "will forward them to the Commissioner."),
    ]
    rows = actions(_pdf(lines))
    assert [(r["ref"], r["action"], r["owner"], r["owner_name"]) for r in rows] == [
        # the sentence at the mark names neither Peter Baker nor his role; the one before does
        ("6", "The Head of IT will check all phone lines to see if they tally up.", "PB", "Peter Baker"),
        ("6", "The forms were completed and the Community Lead will forward them to the Commissioner.", "DH",
         "Dan Hill"),
    ]


def test_pdf_owner_column_refs_follow_items_not_their_set_in_sub_items():
    """Trust board minutes with an Action column: item numbers wander a few points ("5." set
    out beyond "10."), sub-items numbered on their own ("1. Fixed Asset Review") are set well in
    and keep their item's number, a sub-item printing its item's number ("7.2") gives its own."""
    lines = [
        _line(70, 50, "Attendees Tony Brown (Chair), Alison Wheeler (Chief Executive)"),
        _line(524, 80, "Action"),
        _line(87, 100, "4. Minutes of the last meeting", bold=True),
        _with_mark(_line(121, 112, "The Chair will sign the minutes."), "TB"),
        _line(73, 130, "5. Decisions", bold=True),
        _line(121, 142, "1. Fixed Asset Review", bold=True),
        _with_mark(_line(121, 154, "The Chief Executive will write off the assets."), "AW"),
        _line(84, 180, "7. Reports", bold=True),
        _line(121, 192, "7.2 Finance", bold=True),
        _with_mark(_line(121, 204, "The Chair will review the accounts."), "TB"),
        _line(84, 230, "10. Any other business", bold=True),
        _with_mark(_line(121, 242, "The Chief Executive will book the venue."), "AW"),
    ]
    assert [r["ref"] for r in actions(_pdf(lines))] == ["4", "5", "7.2", "10"]


def test_pdf_minutes_kept_as_numbered_points_beside_an_action_column():
    """A working group's minutes: numbered points with bullets set in, no item headings, the
    owners' initials in the Action column: each action takes its point's number."""
    lines = [
        _line(90, 40, "Present: Kate Kay (KK), Jon Neely (JN), Alan Cole (AC)"),
        _line(90, 80, "Points discussed", bold=True),
        _line(524, 80, "Action", bold=True),
        _line(90, 100, "1. KK presented an outline schedule for the plan."),
        _line(108, 112, "• It was agreed to ask the district council for maps."),
        _line(90, 130, "2. AC reviewed plans from other parishes."),
        _with_mark(_line(108, 142, "• AC to circulate three of them to the group"), "AC"),
        _line(90, 160, "3. The group will set up a website."),
        _with_mark(_line(108, 172, "• JN to register the domain"), "JN"),
    ]
    rows = actions(_pdf(lines))
    assert [(r["ref"], r["action"], r["owner"]) for r in rows] == [
        ("2", "AC to circulate three of them to the group", "AC"), ("3", "JN to register the domain", "JN")]


def test_minutes_set_as_a_table_with_an_action_column_of_initials():
    minutes = ("Present: Tony Brown (Chair), Alison Wheeler (Chief Executive)\n\n"
               "Item\tDiscussion\tAction\n"
               "3.\tMinutes of the previous meeting were agreed.\t\n"
               "\tThe Chair will write to the Director.\tTB\n"
               "\tThe Chief Executive will chase the contract.\tAW\n"
               "4.\tThe budget was approved.\t\n")
    rows = actions(text_document(minutes))
    assert [(r["ref"], r["action"], r["owner"], r["owner_name"]) for r in rows] == [
        ("3", "The Chair will write to the Director.", "TB", "Tony Brown"),
        ("3", "The Chief Executive will chase the contract.", "AW", "Alison Wheeler"),
    ]


def test_action_lines_that_name_the_owner_and_the_task():
    minutes = ("Present: Jane Bold, Sam Green\n\n"
               "**4.\tBudget**\n"
               "The budget was discussed at length.\n"
               "Action: JB to circulate the revised figures by Friday.\n"
               "Action: see the budget paper for details.\n")
    [row] = actions(text_document(minutes))
    assert (row["ref"], row["action"], row["owner"], row["owner_name"]) == (
        "4", "JB to circulate the revised figures by Friday.", "JB", "Jane Bold")


def test_owner_initials_resolve_over_a_list_of_one_person_per_line():
    minutes = ("Present:\nCllr A Smith (Chair)\nBeth Jones (Clerk)\nCarl Ashworth\n\n"
               "1.\tMinutes\n"
               "The minutes were signed.\n"
               "ACTION: BJ/AS\n")
    [row] = actions(text_document(minutes))
    assert row["owner_name"] == "Beth Jones/A Smith"


def test_listed_people_come_before_names_seen_only_in_the_text():
    minutes = ("Present: Peter Baker (Head of IT), Ann Lee\n\n"
               "**2.\tPensions**\n"
               "Project Brief (PB) agreed in March.\n"
               "ACTION: PB\n")
    [row] = actions(text_document(minutes))
    assert row["owner_name"] == "Peter Baker"


# Minutes set out with spaces (pdftotext -layout): the owner's initials in the Action column on a
# line of their own, halfway between two lines of the sentence they own.
MARK_BETWEEN_LINES = (
    "Minutes of the Trust Board\n\n"
    "Item   Minute                                                                      Action\n\n"
    "1.     Finance report\n"
    "       The treasurer reported that the year end closed on time and the audit\n"
    "       begins on 4th June. The final accounts and the audit letter are due soon\n"
    "                                                                                   JS\n"
    "       and the treasurer will send them to members when they arrive.\n\n"
    "2.     Estates\n"
    "       The roof repairs are complete.\n"
)


def test_a_mark_between_two_lines_owns_the_sentence_running_over_both():
    [row] = actions(text_document(MARK_BETWEEN_LINES))
    assert (row["ref"], row["owner"]) == ("1", "JS")
    assert row["action"] == ("The final accounts and the audit letter are due soon and the treasurer "
                             "will send them to members when they arrive.")


def test_a_pack_with_minuted_actions_and_an_action_log_gives_both_once():
    pack = ("Minutes of the Library Board\n\n"
            "3.1 The board reviewed the opening hours of the branch libraries.\n"
            "ACTION: KP\n\n"
            "Action Log\n\n"
            "Ref\tAction\tOwner\tDue\tStatus\n"
            "12/01\tCirculate the volunteer policy\tMB\tMay-24\tOpen\n"
            "12/02\tBook the annual review venue\tKP\tJun-24\tComplete\n")
    rows = actions(text_document(pack))
    assert [(r["ref"], r["owner"]) for r in rows] == [("12/01", "MB"), ("12/02", "KP"), (None, "KP")]
    assert rows[2]["action"] == "The board reviewed the opening hours of the branch libraries."
