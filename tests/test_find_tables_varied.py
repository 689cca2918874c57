"""The table finder on layout classes of office and report software (benchmarks/tables_varied.py):
narrow text columns, labels wrapped in their cells. Small PDFs drawn in the test."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from test_find_tables import HEIGHT, _tables

NARROW_PROSE = ("members considered the financial position reported at the close of the second quarter "
                "and questioned officers about delivery of the planned savings; officers explained that "
                "demand for residential placements continued rising, and that forecasts would be revised "
                "before the committee's following meeting").split()


def _column_prose(c, x: float, y: float, lines: int, width: float, size: float = 9.5) -> float:
    """Ragged lines of a narrow text column: 6 to 9 words each, as a two-column newsletter sets them."""
    c.setFont("Helvetica", size)
    start = 0
    for _ in range(lines):
        words = []
        while stringWidth(" ".join(words + [NARROW_PROSE[start % len(NARROW_PROSE)]]), "Helvetica", size) <= width:
            words.append(NARROW_PROSE[start % len(NARROW_PROSE)])
            start += 1
        c.drawString(x, y, " ".join(words))
        y -= size * 1.25
    return y - 6


def _rows(c, data: list[list[str]], x: float, rights: tuple[float, ...], y: float, pitch: float = 11) -> float:
    c.setFont("Helvetica", 8)
    for row in data:
        c.drawString(x, y, row[0])
        for right, text in zip(rights, row[1:]):
            c.drawRightString(right, y, text)
        y -= pitch
    return y



def _tables_in_two_columns(c, left: list[list[str]], right: list[list[str]], top: float,
                           prose_lines: tuple[int, int]) -> None:
    """Two text columns 230 pt wide, each with running text, a table, then running text."""
    for x, data in ((56, left), (308, right)):
        y = _column_prose(c, x, top, prose_lines[0], 230)
        y = _rows(c, data, x, (x + 150, x + 215), y - 6) - 10
        _column_prose(c, x, y, prose_lines[1], 230)

def test_tables_in_narrow_text_columns_of_short_lines_are_separate():
    # columns 230 pt wide in 9.5 pt text: lines of 6 to 9 words, none of them a "long" run
    left = [["Ward", "Cases", "Rate"], ["Abbey", "41", "3.2"], ["Bridge", "17", "1.4"], ["Castle", "29", "2.5"]]
    right = [["Site", "Beds", "Open"], ["General", "412", "398"], ["Community", "96", "90"],
             ["Mental health", "120", "117"]]

    def draw(c):
        _tables_in_two_columns(c, left, right, HEIGHT - 60, (7, 9))

    assert sorted(t.rows for t in _tables(draw)) == sorted([left, right])


def test_a_title_across_narrow_columns_in_a_larger_size_does_not_keep_them_together():
    # the title crosses the gutter; set larger than the body, it is no line of running text,
    # so the gutter between the columns of running text under it still splits the page
    left = [["Area", "2024", "2025"], ["North", "1,204", "1,310"], ["South", "980", "1,022"], ["East", "614", "588"]]
    right = [["Team", "Posts", "Vacant"], ["Finance", "42", "3"], ["Legal", "18", "1"], ["Estates", "27", "4"]]

    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(56, HEIGHT - 50, "Quarterly performance report to the board")
        _tables_in_two_columns(c, left, right, HEIGHT - 80, (6, 8))

    assert sorted(t.rows for t in _tables(draw)) == sorted([left, right])


def test_labels_wrapped_in_a_narrow_table_keep_its_rows_in_one_table():
    # the label column takes most of the table's width, so a label's second line is wide
    # beside the table; the figures are set level with the middle of the label
    def draw(c):
        c.setFont("Helvetica", 8)
        y = HEIGHT - 100
        c.drawString(72, y, "Service")
        c.drawRightString(250, y, "Target")
        c.drawRightString(300, y, "Actual")
        y -= 11
        for lines, values in [(["Grants"], ["(12,376)", "395"]), (["Public health"], ["(18,392)", "220"]),
                              (["Income from fees, charges", "and other contributions"], ["48,081", "26,487"]),
                              (["Delayed transfers of care"], ["3,079", "48,655"]),
                              (["Support services recharged", "to other directorates"], ["(5,482)", "1,770"]),
                              (["Transport"], ["48,999", "6,640"])]:
            for k, line in enumerate(lines):
                c.drawString(72, y - k * 10, line)
            middle = y - (len(lines) - 1) * 5
            for right, text in zip((250, 300), values):
                c.drawRightString(right, middle, text)
            y -= 10 * len(lines) + 3

    (table,) = _tables(draw)
    assert table.rows == [["Service", "Target", "Actual"], ["Grants", "(12,376)", "395"],
                          ["Public health", "(18,392)", "220"],
                          ["Income from fees, charges and other contributions", "48,081", "26,487"],
                          ["Delayed transfers of care", "3,079", "48,655"],
                          ["Support services recharged to other directorates", "(5,482)", "1,770"],
                          ["Transport", "48,999", "6,640"]]


def _caption(c, x: float, y: float, text: str) -> float:
    c.setFont("Helvetica-Bold", 9)
    c.drawString(x, y, text)
    return y - 16


def test_a_column_of_tables_beside_a_column_of_running_text_is_a_column_of_its_own():
    # a two-column page: a table across both columns at the top, then tables only in the left
    # column and running text only in the right; the left tables do not take in the text's lines
    wide = [["Service", "Plan Q1", "Actual Q1", "Plan Q2", "Actual Q2", "Plan Q3", "Actual Q3"],
            ["Adult care", "1,200", "1,150", "1,300", "1,320", "1,250", "1,190"],
            ["Highways", "410", "395", "420", "441", "430", "418"],
            ["Libraries", "88", "91", "86", "84", "90", "93"]]
    first = [["Ward", "Cases", "Rate"], ["Abbey", "41", "3.2"], ["Bridge", "17", "1.4"], ["Castle", "29", "2.5"],
             ["Dale", "33", "2.9"]]
    second = [["Site", "Beds", "Open"], ["General", "412", "398"], ["Community", "96", "90"],
              ["Mental health", "120", "117"]]

    def draw(c):
        y = _caption(c, 56, HEIGHT - 50, "Table 1: Spend by quarter")
        y = _rows(c, wide, 56, (200, 260, 320, 390, 460, 530), y) - 14
        below = _caption(c, 56, y, "Table 2: Cases by ward")
        below = _rows(c, first, 56, (200, 260), below) - 14
        below = _caption(c, 56, below, "Table 3: Beds by site")
        _rows(c, second, 56, (200, 260), below)
        _column_prose(c, 308, y, 16, 230)

    assert sorted(t.rows for t in _tables(draw)) == sorted([wide, first, second])


def test_the_columns_of_a_text_table_off_the_middle_of_the_page_are_not_page_columns():
    # a narrow label column beside cells of sentences wrapped over several lines: the cells'
    # lines look like a narrow text column's, but the gutter between them is far off the middle
    from pipeline.pdfium import open_document, PageReader, plumber_words
    from pipeline.tables.stream import page_columns
    from test_find_tables import _pdf

    def draw(c):
        y = HEIGHT - 80
        c.setFont("Helvetica", 9)
        for label, start in [("Clarity", 0), ("Response range", 9), ("Variability", 19), ("Recall period", 30)]:
            c.drawString(60, y, label)
            for k in range(3):
                c.drawString(190, y - k * 11, " ".join(NARROW_PROSE[start + 3 * k:start + 3 * k + 7]))
            y -= 3 * 11 + 8

    with PageReader(open_document(_pdf(draw)), 0) as reader:
        reader.read()
        words = plumber_words([ch for ch in reader.chars if not ch[8]], by_size=True)
    assert len(page_columns(words)) == 1


def test_a_group_label_right_under_the_header_is_a_row_not_the_stub_headings_second_line():
    # rows set at the font's leading: the group label is as close under the headings as a
    # heading's second line would be; the indented labels under it tell it heads a group
    def draw(c):
        c.setFont("Helvetica", 8)
        y = HEIGHT - 100
        for label, values, indent in [("Description", ["Plan", "Actual"], 0), ("Corporate items", [], 0),
                                      ("Highways", ["20.3", "284.8"], 10), ("Libraries", ["249.3", "162.7"], 10),
                                      ("Capital", [], 0), ("Waste", ["103.9", "135.9"], 10),
                                      ("Housing", ["133.0", "163.4"], 10)]:
            c.drawString(72 + indent, y, label)
            for right, text in zip((250, 310), values):
                c.drawRightString(right, y, text)
            y -= 10

    (table,) = _tables(draw)
    assert table.rows == [["Description", "Plan", "Actual"], ["Corporate items", None, None],
                          ["Highways", "20.3", "284.8"], ["Libraries", "249.3", "162.7"], ["Capital", None, None],
                          ["Waste", "103.9", "135.9"], ["Housing", "133.0", "163.4"]]


def test_tables_in_both_columns_of_a_page_without_running_text_are_separate():
    # a page of tables only, two columns, rows set at different pitches: each column's tables
    # are tables of their own (labels and figures on each side of the middle)
    left = [["Ward", "Cases", "Rate"], ["Abbey", "41", "3.2"], ["Bridge", "17", "1.4"], ["Castle", "29", "2.5"],
            ["Dale", "33", "2.9"], ["Elm", "12", "0.8"]]
    right = [["Site", "Beds", "Open"], ["General", "412", "398"], ["Community", "96", "90"],
             ["Mental health", "120", "117"], ["Hospice", "24", "22"]]

    def draw(c):
        below = _caption(c, 56, HEIGHT - 60, "Table 1: Cases by ward")
        _rows(c, left, 56, (200, 260), below, pitch=11)
        below = _caption(c, 308, HEIGHT - 60, "Table 2: Beds by site")
        _rows(c, right, 308, (460, 530), below - 5, pitch=14)

    assert sorted(t.rows for t in _tables(draw)) == sorted([left, right])


def test_a_wide_table_parted_at_the_middle_of_the_page_by_a_river_stays_whole():
    # running text above and below a wide table whose first figure column ends before the
    # middle of the page and whose others start after it: the river parts no page columns
    data = [["Service area", "Budget", "Actual", "Variance", "Forecast"],
            ["Adult social care", "12,400", "13,100", "700", "13,300"],
            ["Children's services", "8,250", "8,900", "650", "9,000"],
            ["Highways and transport", "4,010", "3,870", "(140)", "3,900"],
            ["Waste collection", "3,200", "3,150", "(50)", "3,100"],
            ["Libraries", "1,100", "1,020", "(80)", "1,000"]]

    def draw(c):
        c.setFont("Helvetica", 9.5)
        y = HEIGHT - 60
        for _ in range(4):
            c.drawString(56, y, " ".join(NARROW_PROSE[:16]))
            y -= 12
        y = _rows(c, data, 56, (250, 380, 450, 530), y - 10) - 10
        c.setFont("Helvetica", 9.5)
        for _ in range(4):
            c.drawString(56, y, " ".join(NARROW_PROSE[5:21]))
            y -= 12

    assert [t.rows for t in _tables(draw)] == [data]



def test_labels_wrapped_over_many_lines_in_a_narrow_first_column_keep_the_table_whole():
    # a first column a word or two wide; each label's figures level with its middle line; five
    # lines stand alone between two rows of figures (two labels' ends and starts, a group label)
    rows = [(["Grants"], 0, ["12.4", "39.5"]),
            (["Support", "services", "recharged", "to other", "directorates"], 2, ["18.3", "22.0"]),
            (["Capital"], None, []),
            (["Income", "from fees,", "charges", "and rents"], 2, ["3.1", "48.6"]),
            (["Transport"], 0, ["49.0", "6.6"]), (["Premises"], 0, ["7.7", "8.2"])]

    def draw(c):
        c.setFont("Helvetica", 8)
        y = HEIGHT - 100
        for x, text in ((72, "Area"), (160, "Plan"), (200, "Actual")):
            (c.drawString if x == 72 else c.drawRightString)(x, y, text)
        for lines, level, values in rows:
            for k, line in enumerate(lines):
                y -= 10
                c.drawString(72, y, line)
                if k == level:
                    for right, text in zip((160, 200), values):
                        c.drawRightString(right, y, text)
            y -= 2

    (table,) = _tables(draw)
    figures = [cell for row in table.rows for cell in row[1:] if cell and cell[0].isdigit()]
    assert figures == [v for _, _, values in rows for v in values]
