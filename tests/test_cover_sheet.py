"""Cover sheets and report front pages into `papers`, one test per layout."""
from __future__ import annotations

import datetime as dt

from conftest import extractor, text_document
from pipeline.fuzzy import FuzzyLabels, Labels
from pipeline.model import BBox, Document, Line, Page, Word


def papers(text: str) -> list[dict]:
    return extractor("cover_sheet").extract(text_document(text))["papers"]


def test_each_cover_sheet_reader_names_its_layout_with_an_example():
    from extractors.cover_sheet import LABEL_READERS, READERS

    for read in READERS + LABEL_READERS:
        assert read.__doc__ and '"' in read.__doc__, f"{read.__name__}: say which layout it reads, with an example"


NHS_SHEET = (
    "Title of Paper\tShared Care Records\t\t\n"
    "Date of Mting\t6 <sup>th</sup> July 2017\tAgenda Item\t17712\t\n"
    "\n"
    "Lead Author Jo Bloggs, Sam Smith\t\t\t\n"
    "Purpose of the Report\tPlease tick as appropriate\t\t\n"
    "\tFor Informa\t\tΧ\t\n"
    "\tFor Discussion\t\t,\t\n"
    "\tFor Decision\t\tX\t\n"
    "Executive Summary\tThis paper sets out the plan for shared records\t\t\n"
    "\tacross the four trusts.\t\t\n"
    "Recommendations\tThe Committee is asked to note the plan.\t\t\n"
    "Next Steps\tA business case will follow.\t\t\n"
    "Financial Implications\t<u>Yes</u>\tNo\tNot Applicable\t\n"
    "Risk Identified\t<u>Y</u> e\t\tNo\t\n"
    "If Yes : Risk\tDelay in supplier contracts.\t\t\n"
    "Report Authorised by:\tJo Blo\tggs\t\n"
    "\n"
    "## Shared Care Records\n"
    "\n"
    "Financial\tThis body text is not part of the sheet.\n"
)


def test_fuzzy_labels_compare_only_variants_near_enough_in_length():
    fuzzy = FuzzyLabels(["report author", "title of paper", "date"])
    assert fuzzy.variants == ["report author", "title of paper"]  # "date" matches only exactly
    assert fuzzy.near(13, 88) == ["report author", "title of paper"]
    assert fuzzy.near(11, 88) == ["report author", "title of paper"]  # 200 * 11 / (11 + 14) is 88 itself
    assert fuzzy.near(10, 88) == []
    assert fuzzy.near(40, 88) == []
    labels = Labels({"title": ["title of paper"], "author": ["report author"]})
    assert labels.whole("Title of Papr") == "title"
    assert labels.whole("Title of the paper the board asked for") is None


def test_nhs_table_sheet_reads_ticks_underlines_and_wrapped_values():
    [row] = papers(NHS_SHEET)
    assert row["title"] == "Shared Care Records"
    assert row["meeting_date"] == dt.date(2017, 7, 6)
    assert row["agenda_item"] == "17712"
    assert row["author"] == "Jo Bloggs, Sam Smith"
    assert row["purpose"] == "information;decision"  # "X" and Greek Chi ticks; "," is no tick
    assert row["executive_summary"] == "This paper sets out the plan for shared records across the four trusts."
    assert row["recommendations"] == "The Committee is asked to note the plan."
    assert row["financial_implications"] == "yes"
    assert row["risk"] == "Delay in supplier contracts."
    assert row["authorised_by"] == "Jo Bloggs"


def test_unmarked_yes_no_and_unticked_purposes_stay_null():
    text = NHS_SHEET.replace("<u>Yes</u>", "Yes").replace("<u>Y</u> e", "Yes No").replace("Χ", "").replace(
        "\tX\t", "\t\t")
    [row] = papers(text)
    assert row["purpose"] is None
    assert row["financial_implications"] is None
    assert row["risk"] == "Delay in supplier contracts."


COUNCIL_FRONT_PAGE = """Report to: Council Executive
Date: 28th October 2013
Report for: Decision
Report of: Executive Member for Children and Families,
and Community Health

Report Title

A Partnership Agreement for Children's Services

Summary

This report proposes a partnership agreement.

It would run until March 2016.

Recommendation

- **Executive approve the agreement.**

Contact person for access to background papers and further information:

Name: Jane Doe, Director
Background Papers: None

Implications:

Financial\tNo financial implications have been identified.
Legal Implications:\tSet out in Section 2.

1.0 Background

1.1 The Summary of the history.
"""


def test_council_front_page_with_labels_on_their_own_lines():
    [row] = papers(COUNCIL_FRONT_PAGE)
    assert row["title"] == "A Partnership Agreement for Children's Services"
    assert row["meeting_date"] == dt.date(2013, 10, 28)
    assert row["purpose"] == "decision"
    assert row["author"] == "Executive Member for Children and Families, and Community Health"
    assert row["executive_summary"] == "This report proposes a partnership agreement. It would run until March 2016."
    assert row["recommendations"] == "Executive approve the agreement."
    assert row["financial_implications"] == "No financial implications have been identified."
    assert row["agenda_item"] is None


def test_cabinet_report_from_to_subject_takes_the_date_from_to():
    text = """From:\tDeputy Leader, Pat Jones
To:\tCabinet, 30 January 2025
Subject:\tBudget Monitoring Report – November
Classification:\tUnrestricted
Summary:
The report sets out the monitoring position.
Recommendation(s):
Cabinet is asked to NOTE the forecast.

1. Introduction
"""
    [row] = papers(text)
    assert row["title"] == "Budget Monitoring Report – November"
    assert row["meeting_date"] == dt.date(2025, 1, 30)
    assert row["author"] == "Deputy Leader, Pat Jones"
    assert row["executive_summary"] == "The report sets out the monitoring position."
    assert row["recommendations"] == "Cabinet is asked to NOTE the forecast."


def test_two_sheets_in_one_pack_give_two_rows():
    second = NHS_SHEET.replace("Shared Care Records", "Estates Strategy")
    rows = papers(NHS_SHEET + "\nSome report text.\n\n" + second)
    assert [r["title"] for r in rows] == ["Shared Care Records", "Estates Strategy"]


def test_no_sheet_in_minutes_or_a_strategy():
    minutes = """OPEN BOARD MEETING MINUTES
Title of Meeting\tLibraries Board Meeting
Date\t26th May 2016
Place\tCastle Hill Community Centre
Time\t11.15am
1.\tWelcome and Apologies
"""
    strategy = """# Health and Wellbeing Strategy 2016-2019

Date: March 2016

Summary

Our strategy has four priorities.

Recommendations

We recommend joint commissioning.
"""
    assert papers(minutes) == []
    assert papers(strategy) == []


def test_ticks_written_inside_the_option_cell():
    text = NHS_SHEET.replace("\tFor Informa\t\tΧ\t", "\t☐ For Information\t").replace(
        "\tFor Decision\t\tX\t", "\t☒ For Decision\t")
    [row] = papers(text)
    assert row["purpose"] == "decision"


def _pdf_row(top: float, *cells: tuple[float, str]) -> Line:
    words = []
    for x, text in cells:
        for token in text.split():
            words.append(Word(token, BBox(x, top, x + 6 * len(token), top + 10)))
            x += 6 * len(token) + 3
    texts = [text for _, text in cells]
    return Line(text=" ".join(texts), words=words, bbox=BBox(words[0].bbox.x0, top, words[-1].bbox.x1, top + 10),
                cells=texts if len(texts) > 1 else None)


def test_pdf_label_wrapping_in_its_column_keeps_the_value_beside_it_in_order():
    lines = [
        _pdf_row(100, (50, "Title of Paper"), (200, "Estates Review")),
        _pdf_row(115, (50, "Lead Author"), (200, "Jo Bloggs")),
        _pdf_row(130, (50, "Executive"), (200, "This paper reviews")),
        _pdf_row(145, (50, "Summary"), (200, "the estate.")),
        _pdf_row(160, (200, "It also lists the sites.")),
        _pdf_row(175, (50, "Recommendations"), (200, "Note the review.")),
    ]
    doc = Document(document_id="0" * 16, source_path="cover.pdf", sha256="0" * 64, format="pdf",
                   pages=[Page(number=1, lines=lines, width=600, height=800)])
    [row] = extractor("cover_sheet").extract(doc)["papers"]
    assert row["author"] == "Jo Bloggs"
    assert row["executive_summary"] == "This paper reviews the estate. It also lists the sites."
    assert row["recommendations"] == "Note the review."


def test_options_with_boxes_in_one_row_and_ticks_on_the_row_below():
    boxes_in_row = NHS_SHEET.replace(
        "\tFor Informa\t\tΧ\t\n\tFor Discussion\t\t,\t\n\tFor Decision\t\tX\t\n",
        "\tApproval ☐ Discussion ☒ Assurance ☐\t\n")
    assert papers(boxes_in_row)[0]["purpose"] == "discussion"
    ticks_below = NHS_SHEET.replace(
        "\tFor Informa\t\tΧ\t\n\tFor Discussion\t\t,\t\n\tFor Decision\t\tX\t\n",
        "\tFor Approval\tFor Assurance\tFor Information\t\n\t\tX\t\t\n")
    assert papers(ticks_below)[0]["purpose"] == "assurance"


def test_the_reports_own_summary_heading_after_the_sheet_is_not_part_of_it():
    text = COUNCIL_FRONT_PAGE.replace("1.0 Background\n", "## Summary\n\nThe body repeats the summary at length.\n")
    [row] = papers(text)
    assert row["executive_summary"] == "This report proposes a partnership agreement. It would run until March 2016."


def test_pdf_cover_sheet_end_to_end(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.load import load

    path = tmp_path / "cover.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    rows = [("Title of Paper", "Estates Strategy Refresh"), ("Date of Meeting", "12 March 2019"),
            ("Lead Author", "Jane Smith"), ("Purpose of the Report", "Please tick as appropriate"),
            ("", "For Information"), ("", "For Discussion     X"),
            ("Executive", "This paper refreshes the estates strategy for the"), ("Summary", "next five years."),
            ("Recommendations", "The Board is asked to discuss the strategy."), ("1. Introduction", "")]
    y = 780
    for label, value in rows:
        pdf.setFont("Helvetica-Bold", 10)
        pdf.drawString(60, y, label)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(200, y, value)
        y -= 16
    pdf.save()
    [row] = extractor("cover_sheet").extract(load(path, "cover.pdf"))["papers"]
    assert (row["title"], row["meeting_date"], row["author"], row["purpose"]) == (
        "Estates Strategy Refresh", dt.date(2019, 3, 12), "Jane Smith", "discussion")
    assert row["executive_summary"] == "This paper refreshes the estates strategy for the next five years."
    assert row["recommendations"] == "The Board is asked to discuss the strategy."


def test_label_value_pairs_side_by_side_on_one_line():
    text = ("Report to: Cabinet\tDate: 12 July 2022\n"
            "Report of: Director of Finance\tItem No: 9\n"
            "Title: Budget Monitoring\n"
            "Purpose of report: For decision\n"
            "Recommendations: Cabinet approves the budget.\n")
    [row] = papers(text)
    assert (row["title"], row["meeting_date"], row["author"], row["agenda_item"], row["purpose"]) == (
        "Budget Monitoring", dt.date(2022, 7, 12), "Director of Finance", "9", "decision")


def test_an_agenda_table_headed_item_does_not_swallow_the_sheet_after_it():
    agenda = "Item\tTitle\tLead\tPurpose\n" + "".join(f"{n}\tPaper {n}\tChair\tInformation\n" for n in range(1, 15))
    [row] = papers(agenda + "\n\n" + NHS_SHEET)
    assert row["title"] == "Shared Care Records"
    assert row["agenda_item"] == "17712"


def test_a_date_atop_the_agenda_is_not_the_start_of_the_next_sheet():
    front = "Date: Monday, 1 April 2013\nTime: 6.30 pm\n" + "".join(f"Agenda line {n}\n" for n in range(20))
    [row] = papers(front + COUNCIL_FRONT_PAGE)
    assert row["meeting_date"] == dt.date(2013, 10, 28)
    assert row["author"] == "Executive Member for Children and Families, and Community Health"


def test_risk_written_beside_risk_identified():
    text = NHS_SHEET.replace("Risk Identified\t<u>Y</u> e\t\tNo\t\nIf Yes : Risk\tDelay in supplier contracts.\t\t\n",
                             "Risk Identified\tStaff may not be released for training.\t\n")
    assert papers(text)[0]["risk"] == "Staff may not be released for training."


def test_a_table_ruled_under_every_option_marks_none_of_them():
    text = NHS_SHEET.replace("\tFor Informa\t\tΧ\t\n\tFor Discussion\t\t,\t\n\tFor Decision\t\tX\t\n",
                             "\t<u>For Information</u>\t\n\t<u>For Discussion</u>\t\n\t<u>For Decision</u>\t\n")
    assert papers(text)[0]["purpose"] is None
