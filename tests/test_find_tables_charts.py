"""The table finder beside charts drawn with bars and straight lines (office software's charts
set in a text column next to a table). Small PDFs drawn in the test."""
from __future__ import annotations

from test_find_tables import HEIGHT, _tables

ROWS = [["Depot", "Trips", "Miles"], ["Harbourside", "1,240", "8,115"], ["Millbrook", "986", "6,402"],
        ["Old Quarry", "1,075", "7,330"], ["Westfield", "812", "5,190"], ["Total", "4,113", "27,037"]]


def _table(c, x: float, top: float) -> None:
    c.setFont("Helvetica", 8)
    for i, row in enumerate(ROWS):
        y = HEIGHT - top - 14 * i
        c.drawString(x, y, row[0])
        c.drawRightString(x + 120, y, row[1])
        c.drawRightString(x + 170, y, row[2])


def _bar_chart(c, x: float, top: float, ticks: list[str], gridlines: bool) -> None:
    """A value axis with its figures, level with ticks (or gridlines), bars, a line, month labels."""
    axis, base, step = x + 24, HEIGHT - top - 70, 14
    c.setLineWidth(0.5)
    c.line(axis, base, axis + 150, base)
    c.line(axis, base, axis, base + step * (len(ticks) - 1) + 4)
    c.setFont("Helvetica", 8)
    for k, tick in enumerate(ticks):
        c.drawRightString(axis - 4, base + k * step - 3, tick)
        c.line(axis - 2, base + k * step, axis + (150 if gridlines else 0), base + k * step)
    points = []
    for k, height in enumerate((30, 44, 21, 50, 37)):
        c.rect(axis + 6 + 28 * k, base, 16, height, stroke=0, fill=1)
        points.append((axis + 14 + 28 * k, base + height + 6))
        c.drawCentredString(axis + 14 + 28 * k, base - 10, ["Mar", "Apr", "May", "Jun", "Jul"][k])
    for a, b in zip(points, points[1:]):
        c.line(*a, *b)
    c.drawString(axis + 4, base + step * (len(ticks) - 1) + 6, "Trips per week")


def test_the_value_axis_of_a_bar_chart_beside_a_table_stays_out_of_it():
    # the axis's figures are level with the table's rows, a column of figures to its left
    def draw(c):
        _bar_chart(c, 72, 100, ["0", "10", "20", "30", "40", "50"], gridlines=False)
        _table(c, 300, 100)

    assert [t.rows for t in _tables(draw)] == [ROWS]


def test_a_chart_with_gridlines_is_no_table_of_its_own():
    # figures level with gridlines, the month labels under the axis: rows and columns of a sort
    def draw(c):
        _bar_chart(c, 300, 100, ["0", "250", "500", "750", "1,000", "1,250"], gridlines=True)
        _table(c, 72, 100)

    assert [t.rows for t in _tables(draw)] == [ROWS]


def test_figures_with_rules_under_their_rows_are_a_table_not_an_axis():
    # a table ruled under each row: the rules run under the figures, not level with them
    def draw(c):
        _table(c, 72, 100)
        for i in range(len(ROWS)):
            y = HEIGHT - 100 - 14 * i - 4
            c.line(72, y, 242, y)

    assert [t.rows for t in _tables(draw)] == [ROWS]


def test_a_chart_drawn_on_a_grid_with_figures_on_its_bars_is_no_ruled_table():
    # gridlines both ways make a ruled grid; the figures over the bars fill its cells
    def draw(c):
        axis, base = 120, HEIGHT - 300
        c.setFont("Helvetica", 8)
        for k in range(5):
            c.drawRightString(axis - 4, base + 30 * k - 3, str(20 * k))
            c.line(axis - 2, base + 30 * k, axis + 250, base + 30 * k)
        for k in range(6):
            c.line(axis + 50 * k, base, axis + 50 * k, base + 120)
        for k, value in enumerate((34, 61, 48, 75, 22)):
            c.rect(axis + 50 * k + 15, base, 20, value * 1.5, stroke=0, fill=1)
            c.drawCentredString(axis + 50 * k + 25, base + value * 1.5 + 3, str(value))
            c.drawCentredString(axis + 50 * k + 25, base - 11, f"Week {k + 1}")

    assert _tables(draw) == []


def test_charts_stacked_in_a_column_beside_tables_each_keep_their_axis_out():
    # the two value axes stand at one x, one over the other, each beside a table
    def draw(c):
        for top in (100, 300):
            _bar_chart(c, 72, top, ["0", "20", "40", "60", "80", "100"], gridlines=False)
            _table(c, 300, top)

    assert [t.rows for t in _tables(draw)] == [ROWS, ROWS]
