"""The table finder on tables set booktabs style, as scientific papers set them (rules above,
under the header and below; no vertical lines): PDFs drawn in the test, with made-up tables."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4

from test_find_tables import _tables

HEIGHT = A4[1]
SIZE = 9.0


def _booktabs(c, x: float, top: float, rows: list[list[str]], widths: list[float], pitch: float = 11.0,
              header: int = 1, group_rows: dict[int, tuple[str, int]] | None = None) -> float:
    """A table from ``x``, its top rule ``top`` points below the page's top; the first cell of a
    row left-aligned, the others right-aligned in columns ``widths`` wide. ``group_rows``: row ->
    (label, rows), a label centred over that many rows in a column of its own left of ``x``.
    Returns the page-top distance of its bottom rule."""
    y = HEIGHT - top
    right = x + sum(widths)
    c.setLineWidth(0.8)
    c.line(x, y, right, y)
    y -= pitch
    baselines = []
    for r, row in enumerate(rows):
        c.setFont("Times-Roman", SIZE)
        c.drawString(x + 3, y, row[0])
        for i, text in enumerate(row[1:], start=1):
            c.drawRightString(x + sum(widths[:i + 1]) - 3, y, text)
        baselines.append(y)
        if r == header - 1:
            c.setLineWidth(0.5)
            c.line(x, y - 3.5, right, y - 3.5)
            y -= 6
        y -= pitch
    for r, (label, span) in (group_rows or {}).items():
        c.drawString(x - 50, (baselines[r] + baselines[r + span - 1]) / 2, label)
    c.setLineWidth(0.8)
    c.line(x - (50 if group_rows else 0), baselines[-1] - 3.5, right, baselines[-1] - 3.5)
    return HEIGHT - baselines[-1] + 3.5


RESULTS = [["Model", "Acc", "F1"], ["Baseline", "71.2", "68.0"], ["Ours", "74.9", "72.3"], ["Oracle", "80.1", "79.5"]]
DATASETS = [["Dataset", "Train", "Test"], ["Reviews", "8,544", "2,210"], ["News", "120,000", "7,600"],
            ["Forums", "3,310", "1,000"], ["Letters", "560", "140"]]


def test_booktabs_tables_side_by_side_are_separate_tables():
    def draw(c):
        _booktabs(c, 80, 120, RESULTS, [70, 40, 40])
        _booktabs(c, 300, 120, DATASETS, [70, 50, 45], pitch=10.0)

    tables = _tables(draw)
    assert [t.rows for t in sorted(tables, key=lambda t: t.bbox.x0)] == [RESULTS, DATASETS]


def test_booktabs_tables_of_one_width_stacked_with_a_gap_are_separate_tables():
    def draw(c):
        bottom = _booktabs(c, 100, 120, RESULTS, [80, 50, 50])
        _booktabs(c, 100, bottom + 14, [["Model", "P", "R"], ["Small", "61.0", "58.2"], ["Large", "66.4", "63.9"],
                                        ["Tuned", "70.3", "69.1"]], [80, 50, 50])

    tables = _tables(draw)
    assert [t.rows[0] for t in tables] == [["Model", "Acc", "F1"], ["Model", "P", "R"]]
    assert [len(t.rows) for t in tables] == [4, 4]


def test_booktabs_table_beside_prose_keeps_its_header_row_over_rows_of_words():
    prose = ("the models were trained on the same data with the settings listed in the table and each "
             "run was repeated three times with different seeds so that the variance of every score "
             "could be reported next to its mean in the results that follow below").split()
    rows = [["Setting", "Value"], ["Optimizer", "Adam"], ["Schedule", "Linear"], ["Batch size", "32"],
            ["Epochs", "10"]]

    def draw(c):
        _booktabs(c, 70, 130, rows, [80, 50], pitch=9.5)  # rows set tightly
        c.setFont("Times-Roman", 10)
        for n in range(14):  # the other column's running text, level with the table
            c.drawString(310, HEIGHT - 100 - 12 * n, " ".join(prose[(n * 5) % 20:(n * 5) % 20 + 9]))

    tables = _tables(draw)
    assert [t.rows for t in tables] == [rows]


def test_label_centred_over_three_rows_spans_them():
    rows = [["Model", "Acc", "F1"], ["Small", "61.0", "58.2"], ["Base", "66.4", "63.9"], ["Large", "70.3", "69.1"],
            ["Linear", "55.0", "52.4"], ["Kernel", "57.9", "55.0"]]

    def draw(c):
        _booktabs(c, 150, 120, rows, [60, 45, 45], group_rows={1: ("Neural", 3), 4: ("Classical", 2)})

    (table,) = _tables(draw)
    assert [row[0] for row in table.rows] == [None, "Neural", None, None, "Classical", None]
    assert table.spans == {(1, 0): (3, 1), (4, 0): (2, 1)}


def test_figures_with_their_spread_under_a_heading_keep_their_columns():
    def draw(c):
        x, widths = 120, [70, 55, 55]
        c.setFont("Times-Roman", SIZE)
        c.drawCentredString(x + 70 + 55, HEIGHT - 120 + 6 - 11, "Test")
        c.setLineWidth(0.3)
        c.line(x + 73, HEIGHT - 120 + 6 - 14, x + 177, HEIGHT - 120 + 6 - 14)  # \cmidrule under "Test"
        _booktabs(c, x, 120 + 11, [["Model", "Acc", "F1"], ["Small", "61.0±0.4", "58.2±1.1"],
                                   ["Large", "70.3±0.2", "69.1±0.9"], ["Tuned", "72.8±0.3", "70.5±0.6"]], widths)
        c.setLineWidth(0.8)
        c.line(x, HEIGHT - 120 + 6, x + sum(widths), HEIGHT - 120 + 6)  # the top rule, over "Test"

    (table,) = _tables(draw)
    assert table.rows[0] == [None, "Test", None]
    assert table.spans == {(0, 1): (1, 2)}
    assert table.rows[2] == ["Small", "61.0±0.4", "58.2±1.1"]


def test_marks_raised_after_figures_in_tight_rows_stay_in_their_row():
    rows = [["Model", "Acc", "F1"], ["Small", "61.0", "58.2"], ["Base", "66.4", "63.9"], ["Large", "70.3", "69.1"]]

    def draw(c):
        _booktabs(c, 150, 120, rows, [60, 45, 45], pitch=9.0)
        for baseline, x in ((HEIGHT - 120 - 9.0 - 6 - 9.0 * r, 150 + 105 - 3) for r in (1, 2)):
            c.setFont("Times-Roman", 0.7 * SIZE)  # "†" raised after the row's first figure
            c.drawString(x, baseline + 0.4 * SIZE, "†")

    (table,) = _tables(draw)
    assert [row[1] for row in table.rows] == ["Acc", "61.0 †", "66.4 †", "70.3"]


def test_stub_heading_centred_over_two_header_rows_spans_them_and_section_rows_stay_rows():
    def draw(c):
        x, widths, top = 150, [80, 45, 45], HEIGHT - 120
        c.setLineWidth(0.8)
        c.line(x, top, x + sum(widths), top)
        c.setFont("Times-Roman", SIZE)
        c.drawCentredString(x + 80 + 45, top - 11, "Test")
        c.setLineWidth(0.3)
        c.line(x + 83, top - 14, x + 167, top - 14)
        c.drawString(x + 3, top - 11 - 6.5, "Model")  # \multirow{2}{*}{Model}
        c.drawRightString(x + 122, top - 24, "Acc")
        c.drawRightString(x + 167, top - 24, "F1")
        c.setLineWidth(0.5)
        c.line(x, top - 27.5, x + sum(widths), top - 27.5)
        y = top - 40
        for label, figures in (("Earlier work", None), ("Baseline", ("61.0", "58.2")), ("Tuned", ("66.4", "63.9")),
                               ("Our models", None), ("Small", ("70.3", "69.1")), ("Large", ("72.0", "70.8"))):
            c.drawString(x + 3, y, label)
            for right, text in zip((x + 122, x + 167), figures or ()):
                c.drawRightString(right, y, text)
            y -= 11
        c.setLineWidth(0.8)
        c.line(x, y + 7.5, x + sum(widths), y + 7.5)

    (table,) = _tables(draw)
    assert table.rows[:3] == [["Model", "Test", None], [None, "Acc", "F1"], ["Earlier work", None, None]]
    assert table.spans == {(0, 0): (2, 1), (0, 1): (1, 2)}  # sections in one cell, as ICDAR 2013 has them
    assert [row[0] for row in table.rows[2:]] == ["Earlier work", "Baseline", "Tuned", "Our models", "Small", "Large"]


def test_rules_framing_figures_above_their_middle_rule_are_no_frame_and_no_error():
    # Council decision records rule off a block of figures with a rule under its last figure
    # row and only a note below it: three rules of one width, but no table body under the
    # middle one. The page's tables are still searched (it once raised on an empty body).
    rows = [["Funding", "2024-25", "2025-26"], ["Fees", "1,200", "1,300"], ["Grants", "800", "900"],
            ["Figures subject to final approval", "", ""]]

    def draw(c):
        _booktabs(c, 80, 120, rows, [150, 60, 60], header=3)

    tables = _tables(draw)
    assert any(["Fees", "1,200", "1,300"] in t.rows for t in tables)
