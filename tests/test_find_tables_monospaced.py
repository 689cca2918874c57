"""The table finder on tables set in a monospaced font (Courier: typewritten and plain-text
reports printed to PDF), whose space is 0.6 em wide. Small PDFs drawn in the test."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from test_find_tables import HEIGHT, _tables

ADVANCE = 0.6 * 8  # Courier at 8 pt


def _courier_table(c, headings: list[tuple[str, int, int]], rows: list[list[str]], top: float,
                   width: int = 9) -> None:
    """A stub of 24 characters, then value columns ``width`` characters wide, figures right-aligned;
    ``headings``: (text, first column, last column) centred over the value columns they head."""
    c.setFont("Courier", 8)
    left = 72
    rights = [left + ADVANCE * (24 + width * (k + 1)) for k in range(len(rows[0]) - 1)]
    y = HEIGHT - top
    for text, first, last in headings:
        middle = (rights[first] - ADVANCE * 7 + rights[last]) / 2
        c.drawString(middle - stringWidth(text, "Courier", 8) / 2, y, text)
    for row in rows:
        y -= 10
        c.drawString(left, y, row[0])
        for right, text in zip(rights, row[1:]):
            c.drawRightString(right, y, text)


ROWS = [["Ward", "Target", "Actual", "Target", "Actual"], ["Ashgrove", "42.0", "39.5", "18.2", "20.4"],
        ["Brackenfield", "27.3", "31.0", "11.9", "9.8"], ["Cold Harbour", "55.1", "50.6", "23.4", "26.0"]]


def test_a_heading_of_words_a_space_apart_over_two_columns_spans_them():
    # the words of "Last twelve months", set on the font's grid, each line up with a column under it
    def draw(c):
        _courier_table(c, [("Last twelve months", 0, 1), ("This month", 2, 3)], ROWS, 100)

    (table,) = _tables(draw)
    assert table.rows == [[None, "Last twelve months", None, "This month", None], *ROWS]
    assert table.spans == {(0, 1): (1, 2), (0, 3): (1, 2)}


def test_labels_of_several_words_stay_one_cell_and_figures_a_space_apart_two():
    # columns 6 characters wide: "41" and "3,906" one space apart
    rows = [["Item", "Units", "Cost"], ["Hire of meeting rooms", "12", "1,440"],
            ["Printing of papers", "3", "215"], ["Travel and subsistence", "41", "3,906"]]

    def draw(c):
        _courier_table(c, [], rows, 100, width=6)

    assert [t.rows for t in _tables(draw)] == [rows]


def test_a_word_set_twice_in_a_proportional_font_makes_no_monospaced_line():
    # "Coast" twice is as wide per character twice; the figures 5 pt apart stay two cells
    # ("12 340,500" would read as one figure spaced in thousands)
    rows = [["Area", "Kind", "Sites", "Visits"], ["Coast", "Coast", "12", "340,500"],
            ["Moor", "Upland", "7", "128,250"], ["Vale", "Lowland", "31", "402,125"]]

    def draw(c):
        c.setFont("Times-Roman", 8)
        for i, row in enumerate(rows):
            y = HEIGHT - 100 - 12 * i
            c.drawString(72, y, row[0])
            c.drawString(130, y, row[1])
            c.drawRightString(205, y, row[2])
            c.drawRightString(210 + stringWidth("340,500", "Times-Roman", 8), y, row[3])

    assert [t.rows for t in _tables(draw)] == [rows]
