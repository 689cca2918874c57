"""budget_lines: financial tables into tidy rows, one test per layout."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.budget_grid import period_in, table_grids
from pipeline.analyse import analysis_of
from pipeline.find import find_segments
from pipeline.load import load
from pipeline.numbers import parse_figure
from pipeline.units import unit_in
from tests.conftest import extractor, text_document
from tests.test_load_text import spaced_sub_column_plan


def lines(doc) -> list[dict]:
    return extractor("budget").extract(doc)["budget_lines"]


def figures_in_their_cells(doc, found: list[dict], lang: str | None = None) -> None:
    """Every line names a cell of the ``tables`` output (``table_id``, ``row``, ``col``) that holds its figure."""
    cells = {(c["table_id"], c["row"], c["col"]): c["text"] for c in extractor("tables").extract(doc)["tables"]}
    assert found and all(r["table_id"] is not None for r in found)
    for row in found:
        assert parse_figure(cells[row["table_id"], row["row"], row["col"]], lang).value == row["value"], row


def cell(found: list[dict], row: str, column: str) -> dict:
    hits = [r for r in found if r["row_label"] == row and r["column_label"] == column]
    assert len(hits) == 1, (row, column, found)
    return hits[0]


def page_with_text(path, wide: bool = False, size: int = 9):
    """A test's PDF page (A4, landscape when ``wide``) and a function that sets text on it at
    (x, y from the top), right-aligned at x (figures) or from x, in ``size`` points."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    pagesize = landscape(A4) if wide else A4
    pdf = canvas.Canvas(str(path), pagesize=pagesize)

    def text(x, y, words, font="Helvetica", right=True):
        pdf.setFont(font, size)
        (pdf.drawRightString if right else pdf.drawString)(x, pagesize[1] - y, words)

    return pdf, text


@pytest.mark.parametrize("printed, value", [
    ("(100)", -100.0), ("-836.6", -836.6), ("1,429,506.8", 1429506.8), ("(258) ⁵", -258.0),
    ("750,000", 750000.0), ("+0.4", 0.4), ("0.0", 0.0), ("TBD", None), ("-", None), ("84.", None), ("(a)", None),
])
def test_printed_figures(printed, value):
    figure = parse_figure(printed, "en")
    assert (figure.value if figure else None) == value


def test_danish_figures_group_with_dots():
    assert parse_figure("1.370.000 kr.", "da").value == 1370000.0
    assert parse_figure("2,59", "da").value == 2.59


def test_unit_in_column_header_negatives_blanks_and_totals():
    found = lines(text_document("""Indicative Budgets

Regulation and standards\t2023/24 £'000\t2022/23 £'000
Net operating expenditure\t4,687\t4,725
Capital expenditure\t50\t50
Subtotal\t\t4,775
Reserves refunded\t(100)\t(216)
DHSC funding\t\t-
Total funding requirement\t4,637\t4,559
"""))
    assert len(found) == 9  # the blank and "-" cells are not lines
    reserves = cell(found, "Reserves refunded", "2023/24")
    assert reserves["value"] == -100 and reserves["unit"] == "£'000" and reserves["value_gbp"] == -100000
    assert reserves["table_title"] == "Indicative Budgets" and reserves["period"] == "2023/24"
    assert cell(found, "Subtotal", "2022/23")["is_total"] is True
    assert cell(found, "Total funding requirement", "2022/23")["is_total"] is True
    assert cell(found, "Capital expenditure", "2022/23")["is_total"] is False


def test_stacked_header_of_a_text_table():
    found = lines(text_document("""Revenue plan

\t2024-25\t\t\t2025-26\t\t
\tCore\tExternal\tTotal\tCore\tExternal\tTotal
\t£m\t£m\t£m\t£m\t£m\t£m
Pay\t10.8\t0.5\t11.3\t21.8\t0.6\t22.4
"""))
    pay = cell(found, "Pay", "2025-26 External")
    assert pay["value"] == 0.6 and pay["unit"] == "£m" and pay["value_gbp"] == pytest.approx(600000)
    assert pay["period"] == "2025-26"
    assert {r["column_label"] for r in found} == {"2024-25 Core", "2024-25 External", "2024-25 Total",
                                                  "2025-26 Core", "2025-26 External", "2025-26 Total"}


def test_footnote_marks_tbd_and_rows_continued_after_a_footnote():
    doc = text_document("""Income and expenditure

The table below sets out our budget and forecasts for the following years.

\t2022/23\t2023/24\t2024/25
Operating costs\t519\t664\tTBD
Operating income\t(578) ⁵\t(671)\t750,000

⁵ In 2022/23 the programme received a subsidy.

Net operating costs/(income)\t(59)\t(7)\tTBD
""")
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert cell(found, "Operating income", "2022/23")["value"] == -578
    assert cell(found, "Operating income", "2024/25")["value"] == 750000
    net = cell(found, "Net operating costs/(income)", "2023/24")
    assert net["value"] == -7 and net["is_total"] is True and net["unit"] is None
    assert net["table_title"] == "Income and expenditure"
    assert not [r for r in found if r["row_label"] == "Operating costs" and r["column_label"] == "2024/25"]


def test_staffing_establishment_named_by_its_intro_sentence():
    found = lines(text_document("""2.16 The staffing establishment as budgeted for 2023/24 is:

Posts\t2023/24\t2022/23
Directors\t3\t3
Managers\t7\t6
Total\t10\t9
"""))
    total = cell(found, "Total", "2023/24")
    assert total["table_title"] == "Staffing establishment"
    assert total["unit"] == "count" and total["is_total"] is True and total["value_gbp"] is None


def test_total_found_by_arithmetic_and_dot_leaders_dropped():
    found = lines(text_document("""Capital expenditure\t2023/24 £'000
Information technology ........\t40
Fixtures and fittings ........\t10
Capital expenditure\t50
"""))
    assert cell(found, "Information technology", "2023/24")["is_total"] is False
    assert cell(found, "Capital expenditure", "2023/24")["is_total"] is True


def test_numeric_tables_that_are_not_financial_give_no_lines():
    assert lines(text_document("""Distances to the venue

Route\tMiles\tKm
From the station\t2\t3.2
From the motorway\t12\t19.3
""")) == []
    assert lines(text_document("""Key performance indicators

Indicator\t2022/23\t2023/24
Complaints answered in time\t95%\t97%
Invoices paid in 10 days\t100%\t99%
""")) == []


def _unruled_pdf(path: Path, repeat_header: bool = False) -> None:
    """A two-page PDF: a budget with no ruling lines, stacked header, dot leaders, run on to page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4

    def right(x, y, text, font="Helvetica", size=10):
        pdf.setFont(font, size)
        pdf.drawRightString(x, height - y, text)

    def left(x, y, text, font="Helvetica", size=10):
        pdf.setFont(font, size)
        pdf.drawString(x, height - y, text)

    def header(top):
        right(360, top, "2024-25", "Helvetica-Bold")
        right(480, top, "2025-26", "Helvetica-Bold")
        for x, word in ((320, "Budget"), (380, "Forecast"), (440, "Budget"), (500, "Forecast")):
            right(x, top + 15, word)
        for x in (320, 380, 440, 500):
            right(x, top + 30, "£000s")

    left(60, 60, "Capital Programme Summary", "Helvetica-Bold", 14)
    header(100)
    rows = [("Schools ..........", "1,200", "1,150", "1,300", "(50)"),
            ("Highways ..............................................", "800", "850", "-", "900"),
            ("Parks, recreation and", None, None, None, None),
            ("cultural activities", "100", "90", "110", "105")]
    y = 160
    for label, *figures in rows:
        left(60, y, label)
        for x, figure in zip((320, 380, 440, 500), figures):
            if figure:
                right(x, y, figure)
        y += 14
    pdf.showPage()
    top = 60
    if repeat_header:
        left(400, 30, "DRAFT", "Helvetica-Bold")
        header(60)
        top = 120
    left(60, top, "Waste services")
    for x, figure in zip((320, 380, 440, 500), ("400", "410", "420", "430")):
        right(x, top, figure)
    left(60, top + 16, "Total capital programme", "Helvetica-Bold")
    for x, figure in zip((320, 380, 440, 500), ("2,500", "2,500", "1,830", "1,385")):
        right(x, top + 16, figure, "Helvetica-Bold")
    left(60, top + 60, "The programme is reviewed every quarter by the Cabinet and reported to the full Council.")
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize("repeat_header", [False, True])
def test_unruled_pdf_table_with_stacked_header_running_onto_the_next_page(tmp_path, repeat_header):
    path = tmp_path / "capital.pdf"
    _unruled_pdf(path, repeat_header)
    doc = load(path, "capital.pdf")
    doc.segments = find_segments(doc)
    found = lines(doc)
    schools = cell(found, "Schools", "2025-26 Forecast")
    assert schools["value"] == -50 and schools["unit"] == "£'000" and schools["value_gbp"] == -50000
    assert schools["table_title"] == "Capital Programme Summary" and schools["page"] == 1
    assert not [r for r in found if r["row_label"] == "Highways" and r["column_label"] == "2025-26 Budget"]
    assert cell(found, "Parks, recreation and cultural activities", "2024-25 Forecast")["value"] == 90
    waste = cell(found, "Waste services", "2024-25 Budget")
    assert waste["page"] == 2 and waste["table_title"] == "Capital Programme Summary"
    total = cell(found, "Total capital programme", "2025-26 Forecast")
    assert total["value"] == 1385 and total["is_total"] is True
    assert len(found) == 19


def test_heading_over_some_columns_only_labels_those(tmp_path):
    path = tmp_path / "note.pdf"
    pdf, text = page_with_text(path, size=10)

    text(40, 40, "Note 5 Resources expended", "Helvetica-Bold", right=False)
    for x in (440, 500):
        text(x, 80, "Total", "Helvetica-Bold")
    text(40, 95, "Total resources expended", "Helvetica-Bold", right=False)
    for x, word in ((260, "Staff costs"), (320, "Stock"), (380, "Other"), (440, "2014/15"), (500, "2013/14")):
        text(x, 95, word, "Helvetica-Bold")
    for x in (260, 320, 380, 440, 500):
        text(x, 110, "£1000's", "Helvetica-Bold")
    for y, (label, *figures) in enumerate([("Direct costs", "3,490", "1,027", "383", "4,900", "6,079"),
                                           ("Café", "31", "24", "0", "55", "55")]):
        text(40, 130 + 14 * y, label, right=False)
        for x, figure in zip((260, 320, 380, 440, 500), figures):
            text(x, 130 + 14 * y, figure)
    pdf.showPage()
    pdf.save()
    doc = load(path, "note.pdf")
    found = lines(doc)
    assert {r["column_label"] for r in found} == {"Staff costs", "Stock", "Other", "Total 2014/15", "Total 2013/14"}
    assert cell(found, "Direct costs", "Total 2013/14")["unit"] == "£'000"


def test_ruled_table_cells_keep_their_wrapped_labels(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "ruled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, height - 60, "Funding priorities 2013")
    xs, tops = (60, 330, 450), (90, 110, 150, 170, 190)
    for top in tops:
        pdf.line(xs[0], height - top, xs[-1], height - top)
    for x in xs:
        pdf.line(x, height - tops[0], x, height - tops[-1])
    cells = [(("Area", ), ("Allocated £",)),
             (("Patient education programmes", "Training for the regional pathways"), ("1,370,000",)),
             (("Nurse clinic",), ("200,000",)),
             (("Total",), ("1,570,000",))]
    pdf.setFont("Helvetica", 10)
    for (label, figure), top in zip(cells, tops):
        for n, text in enumerate(label):
            pdf.drawString(64, height - top - 12 - 12 * n, text)
        pdf.drawRightString(446, height - top - 12, figure[0])
    pdf.showPage()
    pdf.save()
    doc = load(path, "ruled.pdf")
    found = lines(doc)
    education = cell(found, "Patient education programmes Training for the regional pathways", "Allocated")
    assert education["value"] == 1370000 and education["unit"] == "£"
    assert cell(found, "Total", "Allocated")["is_total"] is True


def test_ruled_allocation_table_describing_each_line_in_a_paragraph_is_a_budget(tmp_path):
    """A Danish allocation memo: one column of paragraphs saying what each line funds, one of
    amounts. Paragraphs beside amounts in a single text column are labels, not a register."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "allocation.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    paragraph = ("Forløbet omfatter undervisning i kost og motion, samtaler med en sygeplejerske og "
                 "opfølgning efter tre måneder for borgere med en kronisk sygdom i kommunen")
    rows = [("Indsats", "Afsatte midler"), (f"a) Patientskole. {paragraph}", "500.000 kr."),
            (f"b) Træningshold. {paragraph}", "720.000 kr."), (f"c) Sygeplejeklinik. {paragraph}", "150.000 kr.")]
    xs, tops = (60, 400, 520), (90, 110, 190, 270, 350)
    for top in tops:
        pdf.line(xs[0], height - top, xs[-1], height - top)
    for x in xs:
        pdf.line(x, height - tops[0], x, height - tops[-1])
    pdf.setFont("Helvetica", 9)
    for (label, amount), top in zip(rows, tops):
        words, line_no = label.split(), 0
        while words:
            pdf.drawString(64, height - top - 12 - 11 * line_no, " ".join(words[:9]))
            words, line_no = words[9:], line_no + 1
        pdf.drawRightString(516, height - top - 12, amount)
    pdf.showPage()
    pdf.save()
    doc = load(path, "allocation.pdf")
    found = lines(doc)
    assert sorted(r["value"] for r in found) == [150000, 500000, 720000]
    assert all(r["row_label"].endswith("sygdom i kommunen") for r in found)
    figures_in_their_cells(doc, found, "da")


def test_a_variance_percentage_column_does_not_unmake_a_budget():
    found = lines(text_document("""Revenue budget monitoring

Directorate\tBudget £m\tForecast £m\tVariance %
Adult social care\t500.0\t535.4\t7.1
Children's services\t300.8\t295.5\t-1.8
"""))
    assert cell(found, "Adult social care", "Forecast")["value_gbp"] == pytest.approx(535.4e6)
    assert cell(found, "Children's services", "Variance")["unit"] == "%"
    assert cell(found, "Children's services", "Variance")["value_gbp"] is None


def test_signs_and_brackets_set_apart_stay_with_their_figures():
    from extractors.budget_grid import _line_parts
    from pipeline.model import BBox, Line, Word

    def word(text, x0, x1):
        return Word(text, BBox(x0, 0, x1, 10), size=10)

    line = Line(text="Overall Position + 23.3 (521 )",
                words=[word("Overall", 10, 50), word("Position", 53, 95), word("+", 200, 205),
                       word("23.3", 207, 230), word("(521", 300, 325), word(")", 326, 329)])
    parts = _line_parts(line, "en")
    assert [w.text for w in parts.labels] == ["Overall", "Position"]
    assert [parse_figure(w.text).value for w in parts.figures] == [23.3, -521]


def test_real_papers_budget_lines_only_in_financial_papers(corpus_out):
    from pipeline.query import read_table

    docs = read_table(corpus_out, "documents").to_pandas()[["document_id", "source_path"]]
    rows = read_table(corpus_out, "budget_lines").to_pandas().merge(docs)
    per_paper = rows.groupby("source_path").size()
    for paper in ("000_d3098f75e341e2ed.txt", "002_51a0252571eaa1a2.txt",
                  "kent_council_assistant/Printed_minutes_30th-Jan-2025_10.00_Cabinet.pdf"):
        assert paper not in per_paper
    plan = rows[rows["source_path"] == "kent_council_assistant/Appendix_D_-_3_Year_Revenue_Plan.pdf"]
    assert {"2024-25 Core", "2025-26 External", "2027-28 Total"} <= set(plan["column_label"])
    assert set(plan["unit"]) == {"£'000"}
    # narrow headings broken over lines under "All figures in £m", set across two of them
    monitoring = rows[rows["source_path"].str.endswith("Finance_Monitoring_Report_-_Q3_-_November_2024-25.pdf")]
    labels = set(monitoring[monitoring["page"].isin([11, 37])]["column_label"])
    assert {"Revenue Budget", "Revenue Forecast", "Revenue Variance", "Rephasing Variance"} <= labels
    assert not any(label.startswith(("Revenu ", "Rephasin ")) for label in labels)


def test_section_labels_under_the_header_long_wrapped_labels_notes_and_a_table_resumed_after_a_note(tmp_path):
    path = tmp_path / "savings.pdf"
    pdf, text = page_with_text(path, wide=True, size=9)

    def row(y, label, figures, note=None):
        text(30, y, label, right=False)
        for x, figure in zip((600, 680, 760), figures):
            text(x, y, figure)
        if note:
            text(770, y, note, right=False)

    text(30, 30, "Appendix 2 - Savings", "Helvetica-Bold", right=False)
    for x, word in ((600, "Target"), (680, "Forecast"), (760, "Variance")):
        text(x, 60, word, "Helvetica-Bold")
        text(x, 72, "£000s", "Helvetica-Bold")
    text(30, 86, "Adults", "Helvetica-Bold", right=False)  # two section labels before the first row
    text(30, 98, "Adults Operations", "Helvetica-Bold", right=False)
    row(112, "Reviews of care packages", ("-500.0", "-400.0", "100.0"), "Note 2")
    text(30, 124, "Uplift in client contributions in line with estimated benefit and other personal income uplifts,", right=False)
    text(30, 136, "together with a review of fees and charges across all services, in relation to existing", right=False)
    row(148, "income streams - Older People", ("-6,400.0", "-6,400.0", "0.0"))
    text(30, 170, "* the savings rolled forward will be updated as part of the outturn report,", right=False)
    text(30, 182, "and those updated figures will be used for the savings monitoring process", right=False)
    text(30, 194, "of the next financial year, as agreed by Cabinet in its meeting of January", right=False)
    text(30, 206, "and reported to the Council in February", right=False)
    text(30, 222, "RESERVES", "Helvetica-Bold", right=False)
    row(236, "Drawdowns from Reserves", ("-1,350.5", "-1,350.5", "0.0"))
    pdf.showPage()
    pdf.save()
    doc = load(path, "savings.pdf")
    found = lines(doc)
    figures_in_their_cells(doc, found)
    reviews = cell(found, "Reviews of care packages", "Forecast")
    assert reviews["value"] == -400 and reviews["unit"] == "£'000" and reviews["table_title"] == "Appendix 2 - Savings"
    uplift = [r for r in found if r["row_label"].startswith("Uplift in client contributions")]
    assert len(uplift) == 3 and uplift[0]["row_label"].endswith("existing income streams - Older People")
    resumed = cell(found, "Drawdowns from Reserves", "Target")  # past the note, under the same header
    assert resumed["value_gbp"] == -1350500 and resumed["table_title"] == "Appendix 2 - Savings"
    assert len(found) == 9


def test_a_table_in_a_garbled_font_gives_no_lines():
    found = lines(text_document("""zYI©U ^lalmnlPq= 10 % Zgñfl

N^nLl\t2011-12 £\t2012-13 £
YlIZ`GŸl¨GŸRxY (GŸ@lGŸf¨à)\t1,79,27,47,948\t2,08,78,44,636
`lÁ_ f`GŸl`GŸRxY (GŸ@lGŸf¨à)\t74,34,105\t2,03,49,693
"""))
    assert found == []


@pytest.mark.parametrize("label, period", [
    ("2024-25 Core", "2024-25"), ("FY24", "FY24"), ("Q3 2024/25", "Q3 2024/25"), ("Month 10", "Month 10"),
    ("Forecast", None), ("Note 5/6", None),
])
def test_periods_in_column_labels(label, period):
    assert period_in(label) == period


@pytest.mark.parametrize("printed, unit", [
    ("£k", "£'000"), ("£'000s", "£'000"), ("£ thousands", "£'000"), ("(£m)", "£m"), ("$000", "$'000"), ("£'s", "£"),
])
def test_units_as_printed(printed, unit):
    assert unit_in(printed)[0].name == unit


def test_currency_signs_before_figures_and_a_margin_note_set_sideways(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "trend.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(150, height - 40, "Changes in Fund Balances")
    for x, year in ((400, "2013"), (480, "2012")):
        pdf.drawRightString(x, height - 70, year)
    pdf.setFont("Helvetica", 10)
    pdf.drawRightString(480, height - 82, "(in thousands)")
    rows = [("Real estate taxes ..........", "$", "18,969,610", "$", "18,157,722"),
            ("Sales and use taxes ........", "", "7,032,259", "", "6,512,107"),
            ("Total revenues ...............", "$", "26,001,869", "$", "24,669,829")]
    for n, (label, sign1, first, sign2, second) in enumerate(rows):
        y = height - 100 - 14 * n
        pdf.drawString(150, y, label)
        pdf.drawString(330, y, sign1)
        pdf.drawRightString(400, y, first)
        pdf.drawString(420, y, sign2)
        pdf.drawRightString(480, y, second)
    pdf.saveState()  # a margin note running up the page, across the rows
    pdf.translate(60, height - 135)
    pdf.rotate(90)
    pdf.drawString(0, 0, "Fax:      Tel:")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    doc = load(path, "trend.pdf")
    found = lines(doc)
    figures_in_their_cells(doc, found)
    taxes = cell(found, "Real estate taxes", "2012")
    assert taxes["value"] == 18157722 and taxes["unit"] == "$'000" and taxes["period"] == "2012"
    assert cell(found, "Total revenues", "2013")["is_total"] is True
    assert len(found) == 6


def test_figure_set_lower_in_its_cell_and_a_commentary_column_right_of_the_figures(tmp_path):
    path = tmp_path / "monitoring.pdf"
    pdf, text = page_with_text(path, wide=True, size=9)

    text(30, 30, "Adult Social Care", "Helvetica-Bold", right=False)
    text(30, 44, "All figures in £m", right=False)
    for x, word in ((330, "Budget"), (400, "Forecast"), (470, "Variance")):
        text(x, 60, word, "Helvetica-Bold")
    text(30, 76, "Operations", right=False)
    for x, figure in ((330, "524.7"), (400, "588.4"), (470, "+63.7")):
        text(x, 76, figure)
    text(500, 76, "Pressure from client activity", right=False)
    text(30, 90, "Directorate Budgets", right=False)
    for x, figure in ((330, "39.3"), (470, "-29.3")):
        text(x, 90, figure)
    text(400, 100, "10.0")
    text(30, 116, "Total", "Helvetica-Bold", right=False)
    for x, figure in ((330, "564.0"), (400, "598.4"), (470, "+34.4")):
        text(x, 116, figure, "Helvetica-Bold")
    pdf.showPage()
    pdf.save()
    doc = load(path, "monitoring.pdf")
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert cell(found, "Directorate Budgets", "Forecast")["value"] == 10.0
    operations = cell(found, "Operations", "Variance")  # the commentary is not part of the label
    assert operations["value"] == 63.7 and operations["unit"] == "£m" and operations["value_gbp"] == 63700000
    assert cell(found, "Total", "Budget")["is_total"] is True
    assert len(found) == 9


def test_form_fill_marks_read_by_ocr_are_not_labels():
    found = lines(text_document("""Miscellaneous Revenues

Revenue\tCY 2013 Budget $\txxxxxxxxxxxxxxxx\ti
| ------ Body Armor Replacement Fund\t70,815\t70,815\t70,815
I I I Interest on Investments j [ j\t228,019\t294,640\t252,475
"""))
    assert {r["column_label"] for r in found} == {"CY 2013 Budget", None}
    assert cell(found, "Body Armor Replacement Fund", "CY 2013 Budget")["value"] == 70815
    assert cell(found, "Interest on Investments", "CY 2013 Budget")["value"] == 228019  # a rule read as "I I I"
    assert len(found) == 6


def test_header_left_at_the_foot_of_the_page_before_its_rows(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "allocation.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, height - 60, "Allocation of funds")
    pdf.setFont("Helvetica", 10)
    for n in range(4):
        pdf.drawString(60, height - 90 - 14 * n, "The allocation below was discussed across the services and agreed.")
    pdf.drawString(60, height - 780, "Initiative")
    pdf.drawRightString(500, height - 780, "Funds allocated")
    pdf.drawRightString(500, height - 792, "in 2013")
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    for n, (label, figure) in enumerate([("Patient education", "1.370.000 kr."), ("Nurse clinic", "1.200.000 kr."),
                                         ("I alt", "2.570.000 kr.")]):
        pdf.drawString(60, height - 60 - 14 * n, label)
        pdf.drawRightString(500, height - 60 - 14 * n, figure)
    pdf.showPage()
    pdf.save()
    doc = load(path, "allocation.pdf")
    found = lines(doc)
    figures_in_their_cells(doc, found, "da")
    clinic = cell(found, "Nurse clinic", "Funds allocated in 2013")
    assert clinic["value"] == 1200000 and clinic["period"] == "2013" and clinic["page"] == 2
    assert cell(found, "I alt", "Funds allocated in 2013")["is_total"] is True


@pytest.mark.parametrize("label, total", [
    ("Net Expenditure", True), ("Grand Total", True), ("Sub-total", True), ("I alt", True),
    ("Staffing Total", True), ("Total funding requirement", True), ("Networking costs", False),
])
def test_total_rows_by_their_label(label, total):
    found = lines(text_document(f"""Revenue budget

Service\t2024-25 £'000\t2025-26 £'000
Libraries\t400\t410
{label}\t1,000\t1,100
"""))
    assert cell(found, label, "2025-26")["is_total"] is total


def test_a_total_found_by_arithmetic_beside_a_percentage_column():
    found = lines(text_document("""Revenue Budget Forecast

Directorate\tBudget £m\tForecast £m\tVariance
Adults\t586.1\t621.6\t+6.0%
Children\t430.6\t420.8\t-2.3%
Directorates Position\t1,016.7\t1,042.4\t+2.5%
"""))
    assert cell(found, "Directorates Position", "Budget")["is_total"] is True
    assert cell(found, "Adults", "Budget")["is_total"] is False


def test_stray_marks_left_of_the_labels_are_not_a_column(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "strays.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(150, height - 40, "Expenditures")
    for x, year in ((400, "2013"), (480, "2012")):
        pdf.drawRightString(x, height - 60, year)
    pdf.setFont("Helvetica", 10)
    pdf.drawRightString(480, height - 72, "$ thousands")
    for n, label in enumerate(["Police", "Fire", "Sanitation", "Parks", "Libraries", "Health"]):
        y = height - 90 - 14 * n
        if n == 1:
            pdf.drawString(60, y, str(n))  # a letter of a margin note level with the row
        pdf.drawString(150, y, label)
        pdf.drawRightString(400, y, f"{(n + 1) * 1000:,}")
        pdf.drawRightString(480, y, f"{(n + 1) * 900:,}")
    pdf.showPage()
    pdf.save()
    found = lines(load(path, "strays.pdf"))
    assert {r["column_label"] for r in found} == {"2013", "2012"}
    assert cell(found, "Fire", "2013")["value"] == 2000 and cell(found, "Fire", "2013")["unit"] == "$'000"
    assert len(found) == 12


def test_header_repeated_at_the_top_of_every_page_still_heads_the_first(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    for page in range(3):
        pdf.setFont("Helvetica-Bold", 10)
        for x, year in ((400, "2024-25"), (480, "2025-26")):
            pdf.drawRightString(x, height - 50, year)
            pdf.drawRightString(x, height - 62, "£000s")
        pdf.setFont("Helvetica", 10)
        for n in range(20):
            y = height - 80 - 14 * n
            pdf.drawString(60, y, f"Service {'ABC'[page]}{chr(97 + n)}")  # labels differ beyond their digits
            pdf.drawRightString(400, y, f"{100 + n:,}.0")
            pdf.drawRightString(480, y, f"{110 + n:,}.0")
        pdf.showPage()
    pdf.save()
    found = lines(load(path, "plan.pdf"))
    first = cell(found, "Service Aa", "2025-26")
    assert first["value"] == 110 and first["unit"] == "£'000" and first["page"] == 1
    assert cell(found, "Service Ce", "2024-25")["page"] == 3
    assert len(found) == 120


def test_furniture_is_found_for_each_paper():
    # the analysis records each paper's own furniture; the next paper has its own
    sources = ("rents", "grants", "fees")
    headed = text_document("\f".join(f"Finance Report\nIncome from {s}" for s in sources))
    plain = text_document("\f".join(f"Income from {s}" for s in sources))
    assert analysis_of(headed).furniture == {(1, 0), (2, 0), (3, 0)}
    assert analysis_of(headed).furniture_after_first == {(2, 0), (3, 0)}
    assert analysis_of(plain).furniture == set() and analysis_of(plain).furniture_after_first == set()


@pytest.mark.parametrize("unit_line", [False, True])
def test_narrow_headings_set_half_a_line_apart_with_words_broken_over_lines(tmp_path, unit_line):
    path = tmp_path / "directorate.pdf"
    pdf, text = page_with_text(path, wide=True, size=9)

    # each heading is centred in its cell, so the three-line one sits half a line lower
    # than its four-line neighbours; the cells are too narrow for "Revenue" or "Forecast"
    if unit_line:  # set across two columns' headings: no cell's width
        text(480, 84, "All figures in £m")
    for n, part in enumerate(["Revenu", "e", "Budget"]):
        text(360, 106 + 12.6 * n, part, "Helvetica-Bold")
    for x, last in ((420, ("Forecas", "t")), (480, ("Varianc", "e"))):
        for n, part in enumerate(["Revenu", "e", *last]):
            text(x, 100 + 12.6 * n, part, "Helvetica-Bold")
    rows = [("Highways & Transportation", "72.9", "78.1", "+5.2"), ("Growth & Communities", "31.3", "29.9", "-1.4"),
            ("Total", "104.2", "108.0", "+3.8")]
    for n, (label, *figures) in enumerate(rows):
        text(300, 165 + 18 * n, label)
        for x, figure in zip((360, 420, 480), figures):
            text(x, 165 + 18 * n, figure)
    text(72, 240, "The directorate is forecast to overspend by £3.8m on its budget, mainly on transport.", right=False)
    pdf.showPage()
    pdf.save()
    found = lines(load(path, "directorate.pdf"))
    assert {r["column_label"] for r in found} == {"Revenue Budget", "Revenue Forecast", "Revenue Variance"}
    assert cell(found, "Highways & Transportation", "Revenue Forecast")["value"] == 78.1
    assert not any("Revenu " in (r["table_title"] or "") for r in found)
    assert {r["unit"] for r in found} == ({"£m"} if unit_line else {None})


def test_heading_straddling_two_columns_heads_them_all(tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = tmp_path / "trend.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    height = landscape(A4)[1]
    columns = (400, 460, 520, 580)  # right edges of the figures
    pdf.setFont("Times-Bold", 11)
    pdf.drawString(300, height - 50, "Changes in Fund Balances")
    # "Fiscal Year", centred over the table, falls half over the second and half over the third column
    pdf.setFont("Times-Bold", 9)
    pdf.drawCentredString(475, height - 80, "Fiscal Year")
    for x, year in zip(columns, ("2013", "2012", "2011", "2010")):
        pdf.drawRightString(x - 10, height - 92, year)
    pdf.setFont("Times-Roman", 9)
    pdf.drawString(200, height - 110, "Revenues:")
    for n, label in enumerate(["Real estate taxes", "Sales and use taxes", "Personal income tax"]):
        y = height - 124 - 12 * n
        pdf.drawString(210, y, label)
        for m, x in enumerate(columns):
            pdf.drawRightString(x, y, f"{(n + 2) * 1_000_000 + m * 12_345:,}")
    pdf.showPage()
    pdf.save()
    doc = load(path, "trend.pdf")
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert {r["column_label"] for r in found} == {f"Fiscal Year {y}" for y in ("2013", "2012", "2011", "2010")}
    assert cell(found, "Sales and use taxes", "Fiscal Year 2011")["value"] == 3_024_690


def test_unit_line_above_a_header_set_apart_from_its_rows_by_a_section_heading(tmp_path):
    """A service statement: "£m" alone on a line over the value columns, a gap, the header, then
    a section heading set larger before the rows: the unit and the header are the table's."""
    path = tmp_path / "statement.pdf"
    pdf, text = page_with_text(path, wide=True, size=11)
    text(72, 40, "Annex 3 - Service Statement", right=False)
    text(480, 70, "£m")
    text(400, 86, "Approved")
    text(72, 100, "Department, Section & Service", right=False)
    for x, heading in ((400, "Budget"), (480, "Outturn"), (560, "Difference")):
        text(x, 100, heading)
    pdf.setFont("Helvetica", 14)
    pdf.drawString(72, landscape_height(pdf) - 134, "Parks & Open Spaces")
    rows = [("Grounds Maintenance", "12.4", "13.1", "0.7"), ("Cemeteries & Crematoria", "3.2", "2.9", "-0.3"),
            ("Tree Management", "1.8", "1.8", "0.0"), ("Allotments", "0.4", "0.5", "0.1")]
    for n, (label, *figures) in enumerate(rows):
        text(72, 160 + 14 * n, label, right=False)
        for x, figure in zip((400, 480, 560), figures):
            text(x, 160 + 14 * n, figure)
    pdf.showPage()
    pdf.save()
    doc = load(path, "statement.pdf")
    (grid,) = table_grids(doc.pages[0], "en")  # the core's table reads it all
    assert grid.columns == [["£m", "Approved Budget"], ["£m", "Outturn"], ["£m", "Difference"]]
    assert len(grid.rows) == len(rows)
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert {r["column_label"] for r in found} == {"Approved Budget", "Outturn", "Difference"}
    assert {r["unit"] for r in found} == {"£m"}
    assert cell(found, "Cemeteries & Crematoria", "Outturn")["value"] == 2.9


def landscape_height(pdf) -> float:
    return pdf._pagesize[1]


def test_sub_column_headings_a_space_apart_in_layout_text_label_their_own_figures():
    doc = text_document(spaced_sub_column_plan())
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert cell(found, "Mowing contract", "2031-32 Capital")["value"] == -14_200.0
    assert cell(found, "Mowing contract", "2031-32 Base")["value"] == 22_979.6
    assert not any("Base Capital" in r["column_label"] for r in found)


def test_headings_of_neighbouring_columns_set_close_stay_apart(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "savings.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 8)
    # "against original" ends over its column and starts a few points after "2024-25" ends
    second = 300 + 3.5 + stringWidth("against original", "Helvetica-Bold", 8)
    pdf.drawRightString(second, height - 68, "Forecast")
    pdf.drawRightString(300, height - 80, "2024-25")
    pdf.drawRightString(second, height - 80, "against original")
    pdf.drawRightString(300, height - 92, "Savings Target")
    pdf.drawRightString(second, height - 92, "saving")
    pdf.setFont("Helvetica", 8)
    for n, (label, target, forecast) in enumerate([("Enablement", "-3,500.0", "-2,644.5"),
                                                    ("Front door", "-407.9", "0.0"), ("Reviews", "-656.8", "-1,105.6")]):
        pdf.drawString(40, height - 110 - 12 * n, label)
        pdf.drawRightString(300, height - 110 - 12 * n, target)
        pdf.drawRightString(second, height - 110 - 12 * n, forecast)
    pdf.showPage()
    pdf.save()
    doc = load(path, "savings.pdf")
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert {r["column_label"] for r in found} == {"2024-25 Savings Target", "Forecast against original saving"}


CAPITAL_LAYOUT = """Capital programme summary

                                    Total    2025-26    2026-27    2027-28
                                     Cost     Year 1     Year 2     Year 3
                                    £000s      £000s      £000s      £000s
School expansions                  12,400      4,100      5,300      3,000
Highway resurfacing                 8,750      2,900      2,950      2,900
Library refurbishment               1,200        600        400        200
Total capital programme            22,350      7,600      8,650      6,100
"""

REVENUE_LAYOUT = """Directorate budget monitoring

                                         2023-24                          2024-25
                              Budget  Forecast  Variance      Budget  Forecast  Variance
                               £000s     £000s     £000s       £000s     £000s     £000s
Care packages                  5,210     5,480       270       5,600     5,750       150
Day services                   1,140     1,090       -50       1,180     1,200        20
Transport                        620       655        35         640       660        20
Net expenditure                6,970     7,225       255       7,420     7,610       190
"""


def test_budget_lines_point_to_their_cells_in_the_tables_output():
    doc = text_document(CAPITAL_LAYOUT)
    found = lines(doc)
    figures_in_their_cells(doc, found)
    cells = {(c["table_id"], c["row"], c["col"]): c["text"] for c in extractor("tables").extract(doc)["tables"]}
    school = cell(found, "School expansions", "2026-27 Year 2")
    assert cells[school["table_id"], school["row"], school["col"]] == "5,300"


RESERVES_LAYOUT = """Reserves monitoring

All figures in £m
                          Opening   Forecast  Projected
Reserve                   Balance   Movement    Balance   Details of key movements
General Fund                -43.0        7.1      -35.9   Contribution towards a balance of five to ten per cent of the budget
Vehicles and Equipment      -22.6        1.5      -21.1   Drawdowns to replace vehicles and plant at the end of their useful life
Smoothing                  -148.7       11.4     -137.3   Includes the drawdown budgeted to support this year's budget
"""


def test_row_labels_stand_left_of_the_figures_and_commentary_right_of_them_is_no_label():
    doc = text_document(RESERVES_LAYOUT)
    (grid,) = table_grids(doc.pages[0], "en")  # the core's table read as a budget
    assert [row.label for row in grid.rows] == ["General Fund", "Vehicles and Equipment", "Smoothing"]
    found = lines(doc)
    figures_in_their_cells(doc, found)
    assert {r["row_label"] for r in found} == {"General Fund", "Vehicles and Equipment", "Smoothing"}


def test_a_year_row_above_numbered_years_keeps_the_year():
    """Capital programmes print the financial year above "Year 1", "Year 2", ..."""
    found = lines(text_document(CAPITAL_LAYOUT))
    library = cell(found, "Library refurbishment", "2027-28 Year 3")
    assert library["period"] == "2027-28" and library["value"] == 200 and library["unit"] == "£'000"
    assert cell(found, "Library refurbishment", "Total Cost")["period"] is None


def test_a_year_spanning_sub_columns_goes_into_each_label_and_period():
    found = lines(text_document(REVENUE_LAYOUT))
    transport = cell(found, "Transport", "2024-25 Forecast")
    assert transport["value"] == 660 and transport["period"] == "2024-25"
    assert cell(found, "Day services", "2023-24 Variance")["value"] == -50
    assert {r["column_label"] for r in found} == {f"{year} {part}" for year in ("2023-24", "2024-25")
                                                  for part in ("Budget", "Forecast", "Variance")}


def test_rate_column_of_a_money_table_is_a_share_not_money():
    """Treasury reports list deposits with their principal and interest rate side by side,
    under one currency caption: the rate column keeps its label and is no money."""
    found = lines(text_document("""Deposits held at 30 September (£)

Counterparty\tPrincipal Amount\tInterest Rate
Northfield Building Society\t2,000,000\t4.85
Eastbrook Money Market Fund\t1,500,000\t5.02
"""))
    rate = cell(found, "Northfield Building Society", "Interest Rate")
    assert rate["unit"] == "%" and rate["value"] == 4.85 and rate["value_gbp"] is None
    principal = cell(found, "Eastbrook Money Market Fund", "Principal Amount")
    assert principal["unit"] == "£" and principal["value_gbp"] == 1500000
