"""The table finder on two small tables set side by side in one band of a report page (their
rows level, a gap between them) or stacked with only a gap. Small PDFs drawn in the test."""
from __future__ import annotations

from test_find_tables import HEIGHT, _prose, _tables

DEPOTS = [["Depot", "Vans", "Drivers"], ["Northgate", "14", "212"], ["Riverside", "9", "140"],
          ["Hilltop", "6", "71"], ["Total", "29", "423"]]
GRADES = [["Grade", "Posts", "Vacant"], ["Band 3", "88", "6"], ["Band 5", "120", "11"],
          ["Band 7", "64", "2"], ["All grades", "272", "19"]]


def _beside(c, tables: list[list[list[str]]], lefts: tuple[float, ...], top: float) -> None:
    """Tables of a label and two figures (right-aligned 100 and 140 pt after the label), rows level."""
    c.setFont("Helvetica", 8)
    for rows, left in zip(tables, lefts):
        for i, row in enumerate(rows):
            y = HEIGHT - top - 11 * i
            c.drawString(left, y, row[0])
            c.drawRightString(left + 100, y, row[1])
            c.drawRightString(left + 140, y, row[2])


def test_two_tables_side_by_side_among_running_text_are_two_tables():
    # 30 pt between them, and not at the middle of the page: no gutter of the page's columns
    def draw(c):
        _prose(c, 60, lines=5)
        _beside(c, [DEPOTS, GRADES], (72, 242), 160)
        _prose(c, 240, lines=5)

    assert [t.rows for t in _tables(draw)] == [DEPOTS, GRADES]


def test_a_long_table_set_on_beside_itself_under_its_headings_stays_one_table():
    # the headings repeated over the second run of rows: one table in two columns of rows
    first = [["Ward", "Voters", "Turnout"], ["Abbey", "4,210", "612"], ["Bridge", "3,877", "540"],
             ["Castle", "5,102", "801"], ["Dale", "2,964", "433"]]
    second = [["Ward", "Voters", "Turnout"], ["Elm", "3,315", "498"], ["Forge", "4,640", "702"],
              ["Green", "3,098", "455"], ["Heath", "4,411", "690"]]

    def draw(c):
        _prose(c, 60, lines=5)
        _beside(c, [first, second], (72, 242), 160)
        _prose(c, 240, lines=5)

    (table,) = _tables(draw)
    assert table.rows == [a + b for a, b in zip(first, second)]


def test_two_tables_stacked_with_only_a_gap_and_other_columns_are_two_tables():
    # no caption between them: the second, narrower and with one column more, starts under a gap
    sites = [["Site", "Beds", "Open", "Staffed"], ["Lakeside", "40", "38", "35"], ["Moorview", "24", "24", "22"],
             ["Parkhill", "31", "29", "30"]]

    def draw(c):
        _prose(c, 60, lines=5)
        _beside(c, [DEPOTS], (72,), 160)
        c.setFont("Helvetica", 8)
        for i, row in enumerate(sites):
            y = HEIGHT - 230 - 11 * i
            c.drawString(90, y, row[0])
            for k, text in enumerate(row[1:]):
                c.drawRightString(180 + 40 * k, y, text)
        _prose(c, 290, lines=5)

    assert [t.rows for t in _tables(draw)] == [DEPOTS, sites]


def test_two_tables_of_one_width_stacked_with_a_gap_part_where_their_columns_part():
    # as many columns and as wide, but the second's figure columns stand elsewhere
    fees = [["Service", "Fee", "Users"], ["Allotments", "35", "410"], ["Pest control", "60", "95"],
            ["Room hire", "22", "1,310"]]

    def draw(c):
        _prose(c, 60, lines=5)
        _beside(c, [DEPOTS], (72,), 160)
        c.setFont("Helvetica", 8)
        for i, row in enumerate(fees):
            y = HEIGHT - 230 - 11 * i
            c.drawString(72, y, row[0])
            c.drawRightString(142, y, row[1])
            c.drawRightString(212, y, row[2])
        _prose(c, 290, lines=5)

    assert [t.rows for t in _tables(draw)] == [DEPOTS, fees]
