"""The table finder on small PDFs drawn in the test: ruled, unruled, prose."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.find_tables import find_tables
from pipeline.model import BBox
from pipeline.pdfium import PageReader, open_document, plumber_words
from pipeline.tables.stream import ruled_frames

HEIGHT = A4[1]
PROSE = ("The committee considered the report of the director and noted that the budget for the "
         "coming year had been prepared on the basis of the plan agreed in the spring, with the "
         "changes set out in the appendix and the risks described in section four of the paper.")


def _pdf(draw) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _tables(draw):
    """The tables found on the page from what the loader reads of it: its drawing and its chars."""
    with PageReader(open_document(_pdf(draw)), 0) as reader:
        reader.read()
        return find_tables(reader.drawing(1, 0.0), 1, reader.chars)


def _prose(c, top: float, lines: int = 8) -> None:
    """Justified-looking running text: full lines of ordinary words."""
    words = PROSE.split()
    y = HEIGHT - top
    for i in range(lines):
        line = " ".join(words[(i * 7) % 30:(i * 7) % 30 + 13])
        c.setFont("Helvetica", 10)
        c.drawString(72, y, line)
        y -= 13


UNRULED = [["Service", "2023-24", "2024-25", "Change"],
           ["Adult care", "12,400", "13,100", "700"],
           ["Children", "8,250", "8,900", "650"],
           ["Highways", "4,010", "3,870", "(140)"],
           ["Total", "24,660", "25,870", "1,210"]]


def _unruled(c, top: float = 150) -> None:
    """Columns by whitespace only: text left-aligned, numbers right-aligned."""
    y = HEIGHT - top
    for row in UNRULED:
        c.setFont("Helvetica", 9)
        c.drawString(72, y, row[0])
        for right, text in zip((260, 340, 420), row[1:]):
            c.drawRightString(right, y, text)
        y -= 14


def test_ruled_table_is_found_by_its_lines():
    def draw(c):
        xs, ys = [72, 200, 300, 400], [HEIGHT - 100 - 20 * i for i in range(4)]
        for x in xs:
            c.line(x, ys[0], x, ys[-1])
        for y in ys:
            c.line(xs[0], y, xs[-1], y)
        data = [["Item", "Budget", "Actual"], ["Staff", "100", "90"], ["Estates", "50", "55"]]
        for r, row in enumerate(data):
            for col, text in enumerate(row):
                c.drawString(xs[col] + 4, ys[r] - 14, text)

    tables = _tables(draw)
    assert len(tables) == 1
    assert tables[0].method == "lattice"
    assert tables[0].rows == [["Item", "Budget", "Actual"], ["Staff", "100", "90"], ["Estates", "50", "55"]]


def test_unruled_table_is_found_by_whitespace_columns():
    tables = _tables(_unruled)
    assert len(tables) == 1
    assert tables[0].method == "stream"
    assert tables[0].rows == UNRULED


def test_unruled_table_between_paragraphs_keeps_only_its_rows():
    def draw(c):
        _prose(c, 80, lines=5)
        _unruled(c, top=180)
        _prose(c, 280, lines=5)

    tables = _tables(draw)
    assert [t.rows for t in tables] == [UNRULED]
    assert 150 < tables[0].bbox.top < 180 and tables[0].bbox.bottom < 260


GRANTS = [("Harbour Trust", "12,500.00"), ("Valley Food Bank", "8,240.00"), ("Riverside Youth Centre", "131,075.00"),
          ("Northfield Clinic", "1,204,300.00")]


def test_currency_signs_set_at_the_left_of_their_cells_stay_with_their_figures():
    """A US resolution lists the agencies paid, each amount's "$" at the left of its cell
    and the figure right-aligned, under a heading of the amounts' column only."""
    def draw(c):
        c.setFont("Helvetica", 11)
        c.drawString(400, HEIGHT - 100, "Amount to be paid")
        c.drawString(405, HEIGHT - 113, "not to exceed:")
        for n, (agency, amount) in enumerate(GRANTS):
            y = HEIGHT - 128 - 13 * n
            c.drawString(130, y, agency)
            c.drawString(418, y, "$")
            c.drawRightString(487, y, amount)

    (table,) = _tables(draw)
    assert table.rows == [[None, "Amount to be paid not to exceed:"], ["Harbour Trust", "$ 12,500.00"],
                          ["Valley Food Bank", "$ 8,240.00"], ["Riverside Youth Centre", "$ 131,075.00"],
                          ["Northfield Clinic", "$1,204,300.00"]]  # the widest figure reaches its sign


def test_row_labels_wrapped_onto_long_lines_stay_in_their_rows():
    """A Danish committee's allocation: each initiative described at length, its label wrapped
    onto lines nearly as wide as the label column, beside one column of amounts."""
    def draw(c):
        c.setFont("Helvetica", 10)
        c.drawString(72, HEIGHT - 100, "Initiative")
        c.drawRightString(500, HEIGHT - 100, "Funds set aside")
        c.drawRightString(500, HEIGHT - 112, "in 2014")
        rows = [("Patient education (courses, exercise and coordination for people", "1.150.000 kr."),
                ("with lung disease, diabetes, heart disease and back pain)", None),
                ("Nurse clinic (longer opening hours, six hours a week)", "240.000 kr."),
                ("Training of the staff (rehabilitation approach and long-term", "310.000 kr."),
                ("conditions)", None),
                ("Early detection (new tools for the home care teams)", "90.000 kr.")]
        for n, (text, amount) in enumerate(rows):
            y = HEIGHT - 130 - 13 * n
            c.drawString(72, y, text)
            if amount:
                c.drawRightString(500, y, amount)
        c.drawString(72, HEIGHT - 230, "The council funds the initiatives from the grant agreed for the year.")

    (table,) = _tables(draw)
    assert table.rows[-4:] == [
        ["Patient education (courses, exercise and coordination for people with lung disease, diabetes, "
         "heart disease and back pain)", "1.150.000 kr."],
        ["Nurse clinic (longer opening hours, six hours a week)", "240.000 kr."],
        ["Training of the staff (rehabilitation approach and long-term conditions)", "310.000 kr."],
        ["Early detection (new tools for the home care teams)", "90.000 kr."]]


def test_a_row_resumed_past_a_note_is_the_table_going_on_and_a_running_footer_is_not():
    def draw(c):
        _unruled(c, top=150)
        y = HEIGHT - 240
        for line in ("* the figures for the current year are provisional and will be updated when the",
                     "accounts are closed, and the updated figures will be reported to the committee"):
            c.setFont("Helvetica", 9)
            c.drawString(72, y, line)
            y -= 12
        c.drawString(72, HEIGHT - 290, "Libraries")
        for right, text in zip((260, 340, 420), ("2,150", "2,230", "80")):
            c.drawRightString(right, HEIGHT - 290, text)
        c.drawString(72, HEIGHT - 800, "Quarterly finance report")
        c.drawRightString(420, HEIGHT - 800, "12")

    tables = _tables(draw)
    assert [t.rows for t in tables] == [UNRULED, [["Libraries", "2,150", "2,230", "80"]]]


def test_page_of_prose_has_no_table():
    assert _tables(lambda c: _prose(c, 80, lines=30)) == []


def test_two_columns_of_prose_are_not_a_table():
    def draw(c):
        words = PROSE.split()
        y = HEIGHT - 80
        for i in range(25):
            c.setFont("Helvetica", 9)
            c.drawString(60, y, " ".join(words[i % 20:i % 20 + 7]))
            c.drawString(310, y, " ".join(words[(i + 5) % 20:(i + 5) % 20 + 7]))
            y -= 12

    assert _tables(draw) == []


@pytest.mark.parametrize("gap", [5, 30])
def test_number_columns_close_together_are_split_by_alignment(gap):
    """Right-aligned figures a little over a space apart still make separate columns."""
    def draw(c):
        y = HEIGHT - 100
        for label, values in [("North", ["2,753,438", "2,799,250", "2,815,544"]),
                              ("South", ["485,670", "503,528", "521,015"]),
                              ("East", ["34,573", "35,515", "36,222"])]:
            c.setFont("Helvetica", 9)
            c.drawString(72, y, label)
            right = 190
            for value in values:
                c.drawRightString(right, y, value)
                right += 40 + gap
            y -= 12

    (table,) = _tables(draw)
    assert [row[0] for row in table.rows] == ["North", "South", "East"]
    assert table.rows[1] == ["South", "485,670", "503,528", "521,015"]


def test_table_ruled_only_in_its_header_is_split_by_whitespace():
    """A box with the header cells ruled but no rules between body rows or columns: the
    lattice grid puts the whole body in one cell per column, so whitespace decides."""
    def draw(c):
        top, bottom = HEIGHT - 140, HEIGHT - 150 - 14 * len(UNRULED)
        c.rect(66, bottom, 360, top - bottom)
        c.line(66, HEIGHT - 154, 426, HEIGHT - 154)
        for x in (200, 280, 360):
            c.line(x, top, x, bottom)
        _unruled(c, top=150)

    tables = _tables(draw)
    assert [t.rows for t in tables] == [UNRULED]
    assert tables[0].method == "stream"


def test_double_rules_make_one_grid_without_slivers():
    """Double rules between columns give the line finder narrow empty columns; they are
    folded away, and header rules offset from the body rules still share columns."""
    data = [["Pollutant", "To air", "To water"], ["Methane", "100 000", "-"], ["Arsenic", "20", "5"]]

    def draw(c):
        ys = [HEIGHT - 100 - 20 * r for r in range(4)]
        for y in ys:
            c.line(72, y, 420, y)
        for x in (72, 250, 255, 335, 340, 420):
            c.line(x, ys[1], x, ys[-1])
        for x in (72, 254, 259, 334, 339, 420):  # header rules a little off the body ones
            c.line(x, ys[0], x, ys[1])
        for r, row in enumerate(data):
            for x, text in zip((76, 262, 345), row):
                c.drawString(x, ys[r] - 14, text)

    tables = _tables(draw)
    assert len(tables) == 1 and tables[0].method == "lattice"
    assert tables[0].rows == data


def test_numbered_paragraphs_are_not_a_table():
    """Paragraph numbers set off from their text make two columns, but a list is not a table."""
    def draw(c):
        y = HEIGHT - 100
        for number, text in [("2.", "Introduction"), ("2.1", "The board agreed the plan in the spring."),
                             ("2.2", "The changes are set out in the appendix."),
                             ("3.", "Financial implications"), ("3.1", "There are no new costs.")]:
            c.setFont("Helvetica", 10)
            c.drawString(72, y, number)
            c.drawString(110, y, text)
            y -= 16

    assert _tables(draw) == []


def test_blank_line_between_sections_keeps_one_table():
    """A table whose sections are set apart by a blank line is still one table."""
    def draw(c):
        _unruled(c, top=150)
        y = HEIGHT - 150 - 14 * len(UNRULED) - 14  # one blank line
        for label, values in [("Reserves", ["1,000", "900", "(100)"]), ("Grants", ["250", "300", "50"])]:
            c.setFont("Helvetica", 9)
            c.drawString(72, y, label)
            for right, text in zip((260, 340, 420), values):
                c.drawRightString(right, y, text)
            y -= 14

    (table,) = _tables(draw)
    assert table.rows[:5] == UNRULED
    assert table.rows[5:] == [["Reserves", "1,000", "900", "(100)"], ["Grants", "250", "300", "50"]]


def test_headings_on_several_lines_are_one_cell_and_a_heading_over_columns_its_own_row():
    def draw(c):
        c.setFont("Helvetica", 9)
        c.drawCentredString(300, HEIGHT - 100, "Amount borrowed")  # over the last two columns
        y = HEIGHT - 112
        for texts in [("", "Percent", "Less than", "$10,000"), ("Characteristic", "who borrowed", "$10,000", "or more")]:
            c.drawString(72, y, texts[0])
            for right, text in zip((220, 290, 350), texts[1:]):
                c.drawRightString(right, y, text)
            y -= 10
        y -= 6
        for row in [("Total", "44.8", "23.2", "19.4"), ("Public", "44.4", "25.5", "18.1"), ("Private", "45.9", "20.3", "21.8")]:
            c.drawString(72, y, row[0])
            for right, text in zip((220, 290, 350), row[1:]):
                c.drawRightString(right, y, text)
            y -= 14

    (table,) = _tables(draw)
    assert table.rows == [
        [None, None, "Amount borrowed", None],
        ["Characteristic", "Percent who borrowed", "Less than $10,000", "$10,000 or more"],
        ["Total", "44.8", "23.2", "19.4"], ["Public", "44.4", "25.5", "18.1"], ["Private", "45.9", "20.3", "21.8"]]
    assert table.spans == {(0, 2): (1, 2)}  # written once, over both columns it heads


def test_grid_ruling_only_the_figure_columns_gives_way_to_the_whole_table():
    """Rules drawn around the figures only, with the row labels outside them: the whole
    table, labels included, is found by whitespace."""
    def draw(c):
        top = HEIGHT - 150 + 11
        ys = [top - 14 * i for i in range(len(UNRULED) + 1)]
        for y in ys:
            c.line(200, y, 426, y)
        for x in (200, 266, 346, 426):
            c.line(x, ys[0], x, ys[-1])
        _unruled(c, top=150)

    tables = _tables(draw)
    assert [t.rows for t in tables] == [UNRULED]


def test_two_lines_with_gaps_in_the_same_places_are_not_a_table():
    """A two-line form (label, wide gap, value) lines up like a table, but two rows are too
    few to tell it from justified text or a form."""
    def draw(c):
        c.setFont("Helvetica", 10)
        for i, (label, value, extra) in enumerate([("Decision No:", "24/00115", "Page 1"),
                                                   ("Classification:", "Unrestricted", "Open")]):
            c.drawString(72, HEIGHT - 100 - 14 * i, label)
            c.drawString(220, HEIGHT - 100 - 14 * i, value)
            c.drawString(400, HEIGHT - 100 - 14 * i, extra)

    assert _tables(draw) == []


def test_caption_set_off_by_a_tab_is_not_a_row():
    def draw(c):
        c.setFont("Helvetica", 9)
        c.drawString(72, HEIGHT - 136, "Table 4:")
        c.drawString(130, HEIGHT - 136, "Spending by service and year, in thousands of pounds")
        _unruled(c, top=150)

    tables = _tables(draw)
    assert [t.rows for t in tables] == [UNRULED]


def test_label_going_on_in_lower_case_on_the_next_row_joins_the_label():
    def draw(c):
        c.setFont("Helvetica", 9)
        y = HEIGHT - 100
        for label, values in [("Data sets", ["47", "272"]), ("Applications and mashups", ["0", "237"]),
                              ("developed by the public", []), ("Downloads", ["0", "652"]),
                              ("Regions", []), ("North", ["3", "8"])]:
            c.drawString(72, y, label)
            for right, text in zip((300, 380), values):
                c.drawRightString(right, y, text)
            y -= 14

    (table,) = _tables(draw)
    assert table.rows == [["Data sets", "47", "272"], ["Applications and mashups developed by the public", "0", "237"],
                          ["Downloads", "0", "652"], ["Regions", None, None], ["North", "3", "8"]]


def test_values_level_with_the_middle_of_a_wrapped_label_join_it():
    def draw(c):
        c.setFont("Helvetica", 9)
        y = HEIGHT - 100
        for label, values in [("Median income", ["$49,497", "$51,295"]), ("Between-state", []),
                              ("inequality (Gini", ["0.0628", "0.0636"]), ("index)", []),
                              ("Mortality", ["7108.3", "6960.6"])]:
            c.drawString(72, y, label)
            for right, text in zip((300, 380), values):
                c.drawRightString(right, y, text)
            y -= 12

    (table,) = _tables(draw)
    assert table.rows == [["Median income", "$49,497", "$51,295"],
                          ["Between-state inequality (Gini index)", "0.0628", "0.0636"],
                          ["Mortality", "7108.3", "6960.6"]]


def test_axis_labels_of_a_chart_are_not_a_table():
    """Tick labels of two charts side by side line up in rows and columns; the curves the
    charts are drawn with tell them from a table."""
    def draw(c):
        c.setFont("Helvetica", 8)
        for left in (72, 320):
            for i, tick in enumerate(["450", "400", "350", "300", "250", "200"]):
                c.drawRightString(left + 20, HEIGHT - 100 - 20 * i, tick)
            for i in range(12):  # the plotted series
                x, y = left + 30 + 15 * i, HEIGHT - 200 + (i % 3) * 20
                c.bezier(x, y, x + 5, y + 10, x + 10, y - 10, x + 15, y + 5)
            for i, month in enumerate(["Jan-08", "Jul-08", "Jan-09"]):
                c.drawString(left + 30 + 60 * i, HEIGHT - 222, month)

    assert _tables(draw) == []


def test_heading_in_a_larger_size_right_after_a_table_is_not_a_row():
    def draw(c):
        _unruled(c, top=150)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, HEIGHT - 150 - 14 * len(UNRULED) - 10, "3.3")
        c.drawString(110, HEIGHT - 150 - 14 * len(UNRULED) - 10, "Measuring financial literacy")

    tables = _tables(draw)
    assert [t.rows for t in tables] == [UNRULED]


def _narrow_headings(c, headings: list[list[str]], rights: tuple[float, ...], top: float = 100) -> float:
    """Headings right-aligned in narrow columns, each centred in the header row (a heading
    of fewer lines sits half a line lower, so the lines of the columns interleave); the
    baseline of the header's last line is returned."""
    pitch = 10.5
    most = max(len(lines) for lines in headings)
    c.setFont("Helvetica-Bold", 9)
    for right, lines in zip(rights, headings):
        y = HEIGHT - top - (most - len(lines)) * pitch / 2
        for text in lines:
            c.drawRightString(right, y, text)
            y -= pitch
    return HEIGHT - top - (most - 1) * pitch


def _figures(c, y: float, rows: list[list[str]], rights: tuple[float, ...]) -> None:
    c.setFont("Helvetica", 9)
    for row in rows:
        y -= 16
        c.drawString(72, y, row[0])
        for right, text in zip(rights, row[1:]):
            c.drawRightString(right, y, text)


def test_words_broken_in_narrow_heading_cells_are_joined_and_stacked():
    """A word wider than its cell breaks mid-word ("Revenu" / "e"); headings of three and
    four lines, centred, interleave: each column's lines are one heading, the word whole."""
    rights = (300, 350, 400)
    body = [["Education", "125.6", "120.6", "-5.0"], ["Children's services", "300.8", "295.5", "-5.3"],
            ["Total", "430.7", "420.8", "-9.9"]]

    def draw(c):
        y = _narrow_headings(c, [["Revenu", "e", "Budget"], ["Revenu", "e", "Forecas", "t"],
                                 ["Revenu", "e", "Varianc", "e"]], rights)
        _figures(c, y, body, rights)

    (table,) = _tables(draw)
    assert table.rows == [[None, "Revenue Budget", "Revenue Forecast", "Revenue Variance"]] + body


def test_short_words_on_lines_of_their_own_in_a_heading_stay_words():
    """"of" alone on a line is a word the page uses elsewhere; "in" under "Posts" is not the
    end of a word that filled the cell (the cell holds the wider "establishment")."""
    rights = (300, 380)
    body = [["Cost of care", "12", "40"], ["Cost of staff", "8", "31"], ["Total", "20", "71"]]

    def draw(c):
        y = _narrow_headings(c, [["Number", "of", "posts"], ["Posts", "in", "establishment"]], rights)
        _figures(c, y, body, rights)

    (table,) = _tables(draw)
    assert table.rows == [[None, "Number of posts", "Posts in establishment"]] + body


def test_word_broken_in_a_narrow_ruled_cell_is_joined():
    """A ruled cell too narrow for its heading breaks the word ("Timescal" / "e")."""
    def draw(c):
        xs, ys = [72, 250, 296, 420], [HEIGHT - 100, HEIGHT - 126, HEIGHT - 146, HEIGHT - 166]
        for x in xs:
            c.line(x, ys[0], x, ys[-1])
        for y in ys:
            c.line(xs[0], y, xs[-1], y)
        c.setFont("Helvetica", 9)
        for x, lines in zip(xs, [["Action"], ["Timescal", "e"], ["Lead"]]):
            for i, text in enumerate(lines):
                c.drawString(x + 4, ys[0] - 10 - 10 * i, text)
        for r, row in enumerate([["Review services", "2026", "DPH"], ["Agree the plan", "2025", "ICB"]], 1):
            for x, text in zip(xs, row):
                c.drawString(x + 4, ys[r] - 13, text)

    (table,) = _tables(draw)
    assert table.method == "lattice"
    assert table.rows == [["Action", "Timescale", "Lead"], ["Review services", "2026", "DPH"],
                          ["Agree the plan", "2025", "ICB"]]


def test_ruled_cells_spanning_columns_and_rows_keep_their_spans_and_the_columns_under_them():
    def draw(c):
        left, widths, top, pitch = 72, [110, 70, 70, 70], HEIGHT - 100, 18
        xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
        ys = [top - pitch * i for i in range(5)]
        c.line(xs[0], ys[0], xs[-1], ys[0])
        c.line(xs[1], ys[1], xs[-1], ys[1])  # under the heading over the three sub-columns only
        for y in ys[2:]:
            c.line(xs[0] if y != ys[3] else xs[1], y, xs[-1], y)  # the label spans the two body rows
        for i, x in enumerate(xs):
            c.line(x, ys[0] if i in (0, 1, 4) else ys[1], x, ys[-1])
        c.setFont("Helvetica", 9)
        c.drawCentredString((xs[1] + xs[4]) / 2, ys[0] - 13, "2024-25")
        for x, text in zip(xs[1:], ["Budget", "Forecast", "Variance"]):
            c.drawString(x + 4, ys[1] - 13, text)
        c.drawString(xs[0] + 4, ys[2] - pitch - 4, "Adult care")  # centred over its two rows
        for y, row in zip(ys[2:4], [["120", "118", "2"], ["64", "70", "(6)"]]):
            for x, text in zip(xs[1:], row):
                c.drawString(x + 4, y - 13, text)

    (table,) = _tables(draw)
    assert table.method == "lattice"
    assert table.rows == [[None, "2024-25", None, None], [None, "Budget", "Forecast", "Variance"],
                          ["Adult care", "120", "118", "2"], [None, "64", "70", "(6)"]]
    assert table.spans == {(0, 1): (1, 3), (2, 0): (2, 1)}


def test_tables_stacked_under_their_captions_are_separate_tables():
    def draw(c):
        y = HEIGHT - 100
        for caption, rows in [("Table 1: Spending by service", UNRULED[:3]), ("Table 2: Income by source", UNRULED[2:])]:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(72, y, caption)
            y -= 14
            c.setFont("Helvetica", 9)
            for row in rows:
                c.drawString(72, y, row[0])
                for right, text in zip((260, 340, 420), row[1:]):
                    c.drawRightString(right, y, text)
                y -= 12

    assert [t.rows for t in _tables(draw)] == [UNRULED[:3], UNRULED[2:]]


def test_a_spanning_cell_is_written_once_with_its_spans():
    from pipeline.model import Document, Page, Table
    from tests.conftest import extractor

    table = Table(rows=[[None, "2024-25", None], ["Service", "Budget", "Forecast"], ["Care", "120", "118"]],
                  page=1, method="stream", spans={(0, 1): (1, 2)})
    doc = Document("0" * 16, "p.pdf", "0" * 64, "pdf", pages=[Page(1, tables=[table])])
    cells = {(r["row"], r["col"]): (r["text"], r["row_span"], r["col_span"])
             for r in extractor("tables").extract(doc)["tables"]}
    assert cells[0, 1] == ("2024-25", 1, 2) and (0, 2) not in cells
    assert cells[1, 2] == ("Forecast", 1, 1) and cells[0, 0] == (None, 1, 1)


def test_tables_side_by_side_in_two_columns_under_a_table_across_both_are_separate():
    wide = [["Service", "Plan Q1", "Actual Q1", "Plan Q2", "Actual Q2", "Plan Q3", "Actual Q3"],
            ["Adult care", "1,200", "1,150", "1,300", "1,320", "1,250", "1,190"],
            ["Highways", "410", "395", "420", "441", "430", "418"],
            ["Libraries", "88", "91", "86", "84", "90", "93"]]
    left = [["Ward", "Cases", "Rate"], ["Abbey", "41", "3.2"], ["Bridge", "17", "1.4"], ["Castle", "29", "2.5"]]
    right = [["Site", "Beds", "Open"], ["General", "412", "398"], ["Community", "96", "90"], ["Mental health", "120", "117"]]

    def rows(c, data, x, rights, y):
        for row in data:
            c.drawString(x, y, row[0])
            for r, text in zip(rights, row[1:]):
                c.drawRightString(r, y, text)
            y -= 12
        return y

    def column_prose(c, x, y, lines):
        words = PROSE.split()
        for i in range(lines):
            c.drawString(x, y, " ".join(words[(i * 5) % 25:(i * 5) % 25 + 11]))
            y -= 12
        return y - 8

    def draw(c):
        c.setFont("Helvetica", 8)
        # a value column set over the gutter of the columns below, as a wide table is
        y = rows(c, wide, 60, (190, 250, 305, 380, 450, 510), HEIGHT - 60) - 20
        for x, data in ((60, left), (310, right)):
            below = column_prose(c, x, y, 6)
            below = rows(c, data, x, (x + 150, x + 210), below - 6)
            column_prose(c, x, below - 14, 6)

    assert sorted(t.rows for t in _tables(draw)) == sorted([wide, left, right])


def test_tight_rows_stay_apart_and_a_label_centred_over_two_rows_spans_them():
    body = [("Staff", "120", "118"), ("Drugs", "64", "70"), ("Premises", "31", "29"), ("Transport", "12", "15"),
            ("Estates", "40", "44"), ("Grants", "8", "9")]

    def draw(c):
        c.setFont("Helvetica", 9)
        y = HEIGHT - 100
        c.drawString(140, y, "Line")
        for right, text in zip((300, 360), ("Plan", "Actual")):
            c.drawRightString(right, y, text)
        y -= 14
        for i, row in enumerate(body):
            if i % 2 == 0:  # a group label level with the gap between its two rows
                c.drawString(72, y - 5, ["North", "South", "East"][i // 2])
            c.drawString(140, y, row[0])
            for right, text in zip((300, 360), row[1:]):
                c.drawRightString(right, y, text)
            y -= 10  # rows set tightly: barely more than the font size apart

    (table,) = _tables(draw)
    assert table.rows == [[None, "Line", "Plan", "Actual"],
                          ["North", "Staff", "120", "118"], [None, "Drugs", "64", "70"],
                          ["South", "Premises", "31", "29"], [None, "Transport", "12", "15"],
                          ["East", "Estates", "40", "44"], [None, "Grants", "8", "9"]]
    assert table.spans == {(1, 0): (2, 1), (3, 0): (2, 1), (5, 0): (2, 1)}


def test_booktabs_heading_centred_over_its_rule_spans_the_sub_columns_under_it():
    rights = (220, 280, 340, 400, 460, 520)

    def draw(c):
        c.setFont("Helvetica", 9)
        y = HEIGHT - 100
        c.line(72, y + 12, 525, y + 12)  # top rule
        for (first, last), heading in (((0, 2), "2024-25"), ((3, 5), "2025-26")):
            x0, x1 = rights[first] - 45, rights[last]
            c.drawCentredString((x0 + x1) / 2, y, heading)  # narrower than the three columns it heads
            c.line(x0 + 2, y - 4, x1 - 2, y - 4)  # \cmidrule under it
        y -= 14
        c.drawString(72, y, "Service")
        for right, text in zip(rights, ["Budget", "Forecast", "Variance"] * 2):
            c.drawRightString(right, y, text)
        c.line(72, y - 4, 525, y - 4)  # midrule
        for label, values in [("Adult care", "120 118 2 125 121 4"), ("Highways", "64 70 (6) 66 65 1"),
                              ("Libraries", "31 29 2 30 31 (1)")]:
            y -= 13
            c.drawString(72, y, label)
            for right, text in zip(rights, values.split()):
                c.drawRightString(right, y, text)
        c.line(72, y - 5, 525, y - 5)  # bottom rule

    (table,) = _tables(draw)
    assert table.rows[:2] == [[None, "2024-25", None, None, "2025-26", None, None],
                              ["Service", "Budget", "Forecast", "Variance", "Budget", "Forecast", "Variance"]]
    assert table.spans == {(0, 1): (1, 3), (0, 4): (1, 3)}


def _wide_tables(draw):
    """``_tables`` for a landscape A4 page."""
    from reportlab.lib.pagesizes import landscape

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=landscape(A4))
    draw(c, landscape(A4)[1])
    c.showPage()
    c.save()
    with PageReader(open_document(buffer.getvalue()), 0) as reader:
        reader.read()
        return find_tables(reader.drawing(1, 0.0), 1, reader.chars)


def _wrapped(text: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = [""]
    for word in text.split():
        trial = f"{lines[-1]} {word}".strip()
        if stringWidth(trial, "Helvetica", size) > width and lines[-1]:
            lines.append(word)
        else:
            lines[-1] = trial
    return lines


def test_labels_wrapped_in_their_cell_beside_a_row_of_figures_are_no_column_of_running_text():
    """A savings appendix: each saving described in a sentence or three, its figures level with
    the last line; the labels and the figures are one table, not a column of text beside one."""
    savings = [
        ("Review of mobile library routes", "-120.0 -80.0 40.0"),
        ("Shared back office with the neighbouring borough for payroll, pensions and invoice processing, "
         "with the staff transferring under the agreement signed in the spring and the systems merged "
         "over the year, so that both councils pay one supplier once for the same work", "-450.0 -450.0 0.0"),
        ("Lower energy use in the depots", "-60.0 -65.0 -5.0"),
        ("Charging for garden waste collections at the rate the cabinet agreed, with concessions for "
         "households receiving council tax support and a review of the rounds to take account of the "
         "expected take up in the first year of the scheme across the district", "-300.0 -210.0 90.0"),
        ("Fewer printed committee papers", "-15.0 -15.0 0.0"),
        ("Income from renting the former museum stores to a charity for archive storage, after the "
         "building works are finished and the lease is signed, with the rent reviewed every three years "
         "in line with the market and the costs of the building met by the tenant", "-90.0 -45.0 45.0"),
        ("Street lighting dimmed after midnight", "-75.0 -75.0 0.0"),
    ]

    def draw(c, height):
        c.setFont("Helvetica", 8)
        y = 80
        c.drawString(30, height - y, "Saving")
        for right, heading in zip((560, 680, 800), ("Target", "Forecast", "Variance")):
            c.drawRightString(right, height - y, heading)
        for label, figures in savings:
            lines = _wrapped(label, 330, 8)
            for line in lines:
                y += 11
                c.drawString(30, height - y, line)
            for right, figure in zip((560, 680, 800), figures.split()):
                c.drawRightString(right, height - y, figure)
            y += 4

    (table,) = _wide_tables(draw)
    rows = {row[0].split()[0] + " " + row[-1]: row for row in table.rows if row[0] and row[-1]}
    assert table.rows[0] == ["Saving", "Target", "Forecast", "Variance"]
    assert rows["Street 0.0"] == ["Street lighting dimmed after midnight", "-75.0", "-75.0", "0.0"]
    assert rows["Charging 90.0"][1:] == ["-300.0", "-210.0", "90.0"]


def test_rules_over_totals_under_a_header_in_a_shaded_band_frame_no_table():
    """A service statement: the header set in a grey band (no rule under it), a rule over the
    table's top and each group's total between two rules. The rule under the first total is not
    the rule under a header: the rows above it stay rows."""
    def draw(c):
        c.setFillGray(0.75)
        c.rect(72, HEIGHT - 112, 468, 30, stroke=0, fill=1)
        c.setFillGray(0)
        c.setLineWidth(0.8)
        c.line(72, HEIGHT - 82, 540, HEIGHT - 82)  # a rule over the band
        c.setFont("Helvetica", 9)
        c.drawRightString(300, HEIGHT - 105, "Service")
        for right, heading in zip((390, 460, 520), ("Budget", "Forecast", "Variance")):
            c.drawRightString(right, HEIGHT - 105, heading)
        y = 130
        for group in (["Library services 4.1 4.3 0.2", "Museums 1.2 1.1 -0.1", "Archives 0.8 0.8 0.0",
                       "Culture Total 6.1 6.2 0.1"],
                      ["Parks 2.5 2.7 0.2", "Cemeteries 0.9 0.8 -0.1", "Open Spaces Total 3.4 3.5 0.1"]):
            for n, row in enumerate(group):
                *label, budget, forecast, variance = row.split()
                if n == len(group) - 1:
                    c.line(72, HEIGHT - y + 11, 540, HEIGHT - y + 11)
                    c.line(72, HEIGHT - y - 4, 540, HEIGHT - y - 4)
                c.drawRightString(300, HEIGHT - y, " ".join(label))
                for right, figure in zip((390, 460, 520), (budget, forecast, variance)):
                    c.drawRightString(right, HEIGHT - y, figure)
                y += 16
            y += 10

    with PageReader(open_document(_pdf(draw)), 0) as reader:
        reader.read()
        drawn = reader.drawing(1, 0.0).objects
        words = plumber_words([c for c in reader.chars if not c[8]], by_size=True)
    rules = [BBox(o["x0"], o["top"], o["x1"], o["bottom"]) for o in drawn.get("line", [])]
    assert len(rules) == 5 and ruled_frames(rules, words) == []
    (table,) = _tables(draw)
    assert ["Library services", "4.1", "4.3", "0.2"] in table.rows
    assert ["Museums", "1.2", "1.1", "-0.1"] in table.rows
    assert ["Open Spaces Total", "3.4", "3.5", "0.1"] in table.rows


def test_a_grid_ruled_around_its_column_groups_only_is_read_row_by_row():
    """A budget summary boxed in three: last year's figures | labels | this year's, ruled around
    the groups and under the header only. Each group's cell holds a stack of figures level with
    the other's (one blank where a grant is new): one row per line, read without the rules."""
    grants = [("Revenue support grant", "11,806.0", "15,680.3"), ("Social care grant", "117,046.1", "137,143.6"),
              ("New homes bonus", "2,058.5", "1,926.7"), ("Prevention grant", "", "6,759.8"),
              ("Services grant", "1,311.9", "0.0"), ("Rates compensation", "51,080.2", "50,978.6"),
              ("Total funding", "183,302.7", "212,489.0")]

    def draw(c):
        top, bottom = HEIGHT - 90, HEIGHT - 120 - 14 * len(grants)
        c.rect(60, bottom, 470, top - bottom)
        for x in (150, 420):
            c.line(x, top, x, bottom)
        c.line(60, HEIGHT - 112, 530, HEIGHT - 112)
        c.setFont("Helvetica", 9)
        c.drawRightString(145, HEIGHT - 105, "2024-25")
        c.drawString(155, HEIGHT - 105, "Funding")
        c.drawRightString(525, HEIGHT - 105, "2025-26")
        for n, (label, before, after) in enumerate(grants):
            y = HEIGHT - 126 - 14 * n
            c.drawRightString(145, y, before)
            c.drawString(155, y, label)
            c.drawRightString(525, y, after)

    (table,) = _tables(draw)
    assert table.method == "stream"
    assert ["51,080.2", "Rates compensation", "50,978.6"] in table.rows
    assert ["183,302.7", "Total funding", "212,489.0"] in table.rows


def test_a_total_row_under_the_last_rule_of_a_table_ruled_between_its_rows_is_its_last_row():
    """A monitoring report's table: a rule between every two rows, the total set just under the
    last rule, then a sentence of commentary."""
    def draw(c):
        c.line(100, HEIGHT - 88, 455, HEIGHT - 88)  # over the header
        c.setFont("Helvetica", 9)
        c.drawRightString(380, HEIGHT - 100, "Budget")
        c.drawRightString(450, HEIGHT - 100, "Forecast")
        rows = [("Legal services", "8.4", "8.1"), ("Finance", "14.1", "13.8"), ("Procurement", "3.1", "3.0")]
        for n, (label, budget, forecast) in enumerate(rows):
            y = HEIGHT - 120 - 18 * n
            c.line(100, y + 13, 455, y + 13)
            c.drawRightString(300, y, label)
            c.drawRightString(380, y, budget)
            c.drawRightString(450, y, forecast)
        c.line(100, HEIGHT - 120 - 18 * len(rows) + 13, 455, HEIGHT - 120 - 18 * len(rows) + 13)
        c.setFont("Helvetica-Bold", 9)
        y = HEIGHT - 120 - 18 * len(rows)
        for x, text in ((300, "Total"), (380, "25.6"), (450, "24.9")):
            c.drawRightString(x, y, text)
        c.setFont("Helvetica", 9)
        c.drawString(100, y - 40, "The department expects to spend less than its budget by the end of the year.")

    (table,) = _tables(draw)
    assert table.rows[-1] == ["Total", "25.6", "24.9"]
    assert ["Finance", "14.1", "13.8"] in table.rows


def _trend_table(c, heading: str | None, units: str, mark: bool, rights=(340, 400, 460, 520)) -> None:
    """A statistical trend table: years over the figure columns (right edges ``rights``), a
    line of units under them, optionally a heading over the years and a digit of a margin
    note level with one row."""
    c.setFont("Helvetica", 9)
    if heading:
        c.drawCentredString((rights[0] - 22 + rights[-1]) / 2, HEIGHT - 68, heading)
    for right, year in zip(rights, ("2013", "2012", "2011", "2010")):
        c.drawRightString(right, HEIGHT - 80, year)
    c.drawRightString(rights[-1], HEIGHT - 92, units)
    for n, label in enumerate(["Police", "Fire", "Sanitation", "Parks", "Libraries", "Health"]):
        y = HEIGHT - 110 - 13 * n
        if mark and n == 1:
            c.drawString(40, y, "3")
        c.drawString(120, y, label)
        for m, right in enumerate(rights):
            c.drawRightString(right, y, f"{(n + 1) * 1000 + m * 10:,}")


def test_a_line_of_units_under_the_years_stays_in_the_header():
    (table,) = _tables(lambda c: _trend_table(c, None, "(in thousands)", False, rights=(400, 480)))
    assert table.rows[0] == [None, "2013", "2012"]
    assert "(in thousands)" in table.rows[1]
    assert table.rows[2][0] == "Police"


def test_a_digit_of_a_margin_note_left_of_the_labels_is_no_column():
    (table,) = _tables(lambda c: _trend_table(c, None, "$ thousands", True))
    assert len(table.rows[0]) == 5
    assert ["Fire", "2,000", "2,010", "2,020", "2,030"] in table.rows


def test_a_lone_heading_centred_over_all_the_year_columns_spans_them():
    (table,) = _tables(lambda c: _trend_table(c, "Fiscal Years", "$ thousands", False))
    assert table.rows[0][1] == "Fiscal Years" and table.spans[0, 1] == (1, 4)
    assert table.rows[1] == [None, "2013", "2012", "2011", "2010"]


def test_a_short_heading_over_item_numbers_is_no_margin_mark():
    def draw(c):
        c.setFont("Helvetica", 9)
        for x, heading in ((72, "NO"), (120, "Item")):
            c.drawString(x, HEIGHT - 100, heading)
        for right, heading in ((340, "Budget"), (420, "Actual")):
            c.drawRightString(right, HEIGHT - 100, heading)
        for n, item in enumerate(["Staff", "Estates", "Travel", "Training", "Printing", "Catering"]):
            y = HEIGHT - 116 - 13 * n
            c.drawString(72, y, f"{n + 1}.1")
            c.drawString(120, y, item)
            c.drawRightString(340, y, f"{(n + 1) * 100}")
            c.drawRightString(420, y, f"{(n + 1) * 90}")

    (table,) = _tables(draw)
    assert table.rows[0] == ["NO", "Item", "Budget", "Actual"]
    assert ["2.1", "Estates", "200", "180"] in table.rows
