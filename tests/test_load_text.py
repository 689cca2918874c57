from pipeline.load.text import read_text
from pipeline.model import TEXT_CHAR_WIDTH, TEXT_FONT_SIZE, TEXT_LINE_HEIGHT
from pipeline.textutil import clean


def test_superscript_is_glued_to_its_word():
    assert clean("6 <sup>th</sup> July 2017") == "6th July 2017"
    assert clean("held on 4 <sup>th</sup> March") == "held on 4th March"


def test_list_markup_becomes_spaces_not_glue():
    assert clean("<ul><li>notes the report</li><li>endorses it</li></ul>") == "notes the report endorses it"


def test_tab_rows_form_one_table_with_section_rows_kept():
    text = ("## Agenda\n\nTimings\tItem\tTitle\t\n"
            "Standing Items\t\t\t\n"
            "5 mins\t1\tWelcome\t\n\n"
            "\t2\tApologies\t\n\n\nAfter the table\n")
    (page,) = read_text(text.encode())
    assert [t.rows for t in page.tables] == [[
        ["Timings", "Item", "Title"],
        ["Standing Items", None, None],
        ["5 mins", "1", "Welcome"],
        [None, "2", "Apologies"],
    ]]
    assert page.lines[page.tables[0].first_line].cells[0] == "Timings"
    assert page.lines[0].heading == 2 and page.lines[0].text == "Agenda"


def test_a_footnote_between_rows_stays_in_the_table_and_one_after_it_does_not():
    text = ("Running costs\n\n"
            "\t2021/22\t2022/23\n"
            "Staff costs\t310\t325\n"
            "Grant income\t(120) ¹\t(140)\n\n"
            "¹ Includes a one-off transfer from the reserve fund.\n\n"
            "Net cost\t190\t185\n\n"
            "² The figures for 2022/23 are provisional.\n")
    (page,) = read_text(text.encode())
    (table,) = page.tables
    assert [row[0] for row in table.rows] == [None, "Staff costs", "Grant income",
                                              "¹ Includes a one-off transfer from the reserve fund.", "Net cost"]
    assert table.rows[-1] == ["Net cost", "190", "185"]
    # rows stand for the page's lines from the table's first on: the note's line is its row
    assert [page.lines[table.first_line + r].text for r in (3, 4)] == [
        "¹ Includes a one-off transfer from the reserve fund.", "Net cost 190 185"]
    assert page.lines[-1].text == "² The figures for 2022/23 are provisional."


def test_form_feeds_split_pages_and_bold_markers_go():
    pages = read_text("**Title**\fsecond page".encode())
    assert [p.number for p in pages] == [1, 2]
    assert pages[0].lines[0].text == "Title" and pages[0].lines[0].bold


def test_underlined_choice_is_recorded():
    (page,) = read_text("Financial Implications\t<u>Yes</u>\tNo\tNot Applicable\n".encode())
    assert page.lines[0].underlined == ["Yes"]
    assert page.lines[0].cells == ["Financial Implications", "Yes", "No", "Not Applicable"]


def test_words_stand_on_the_character_grid():
    (page,) = read_text("Title  page\n\n  Net spend      1,250\n".encode())
    assert [line.text for line in page.lines] == ["Title page", "Net spend 1,250"]
    net, spend, figure = page.lines[1].words
    assert (net.bbox.x0, net.bbox.x1) == (2 * TEXT_CHAR_WIDTH, 5 * TEXT_CHAR_WIDTH)
    assert figure.bbox.x0 == 17 * TEXT_CHAR_WIDTH and figure.size == TEXT_FONT_SIZE
    # blank lines keep their place: the third line of the page stands two line heights down
    assert net.bbox.top == 2 * TEXT_LINE_HEIGHT and net.bbox.bottom == net.bbox.top + TEXT_FONT_SIZE
    assert page.lines[1].bbox.x1 == figure.bbox.x1 == page.width
    # a gap as wide as a PDF's between cells (1.5 em) parts the line into cells; two spaces do not
    assert page.lines[1].cells == ["Net spend", "1,250"] and page.lines[0].cells is None
    assert all(line.unstyled for line in page.lines)


def test_amounts_with_their_currency_sign_a_space_before_are_a_column_under_its_heading():
    text = ("   B. RESOLUTION Contract with the following agencies (ref. enclosed).\n\n"
            "                                                  Amount to be paid\n"
            "                                                    not to exceed:\n"
            "          Harbour Trust                           $ 12,500.00\n"
            "          Valley Food Bank                        $ 8,240.00\n"
            "          Riverside Youth Centre                  $ 131,075.00\n"
            "          Northfield Clinic                       $1,204,300.00\n")
    (page,) = read_text(text.encode())
    (table,) = page.tables
    assert table.rows == [[None, "Amount to be paid not to exceed:"], ["Harbour Trust", "$ 12,500.00"],
                          ["Valley Food Bank", "$ 8,240.00"], ["Riverside Youth Centre", "$ 131,075.00"],
                          ["Northfield Clinic", "$1,204,300.00"]]


def test_markup_is_not_a_word():
    (page,) = read_text("The <b>Board</b> noted the report &amp; its annex\n".encode())
    assert [w.text for w in page.lines[0].words] == ["The", "Board", "noted", "the", "report", "&", "its", "annex"]


def test_a_table_aligned_with_spaces_comes_from_the_stream_finder():
    text = ("Capital programme monitoring\n\n"
            "                        Budget     Forecast    Variance\n"
            "                         £000s        £000s       £000s\n"
            "Libraries                  640          610         -30\n"
            "Highways                 2,115        2,300         185\n"
            "Waste disposal             980          975          -5\n"
            "Total                    3,735        3,885         150\n\n"
            "The forecast overspend on highways follows the winter repairs.\n")
    (page,) = read_text(text.encode())
    (table,) = page.tables
    assert table.method == "stream"
    assert table.rows[0] == [None, "Budget", "Forecast", "Variance"]
    assert table.rows[2:] == [["Libraries", "640", "610", "-30"], ["Highways", "2,115", "2,300", "185"],
                              ["Waste disposal", "980", "975", "-5"], ["Total", "3,735", "3,885", "150"]]
    assert table.bbox.top == 2 * TEXT_LINE_HEIGHT


def test_numbered_lines_with_times_are_not_a_table():
    # one space after an item's number is a PDF's space, not a gap between columns
    (page,) = read_text("AGENDA\n09:30  1. Welcome and apologies\n09:45  2. Minutes of the last meeting\n"
                        "10:00  3. Finance report\n".encode())
    assert page.tables == []


def test_tab_separated_rows_are_read_once_by_their_cells():
    text = ("Ref\tAction\tOwner\tDue\n1\tCirculate the revised terms\tJS\tMarch\n"
            "2\tReport back on the audit plan\tKL\tApril\n3\tUpdate the risk register\tMP\tMay\n"
            "Next meeting    14 May\n")
    (page,) = read_text(text.encode())
    assert [t.method for t in page.tables] == ["tsv"]
    assert page.lines[0].bbox is None and page.lines[0].cells == ["Ref", "Action", "Owner", "Due"]
    assert page.lines[4].words[-1].bbox.x0 == 19 * TEXT_CHAR_WIDTH


def test_year_headings_over_groups_of_columns_span_them():
    """A layout-text revenue plan: a year centred over each group of sub-columns, sub-column
    headings a space apart, and the prior year's figures left of the labels touching them."""
    text = ("Revenue plan\n\n"
            "          2023-24                                2024-25                     2025-26\n"
            "   Core External    Total                   Core   External    Total   Core   External    Total\n"
            "  £000s    £000s    £000s                  £000s      £000s    £000s  £000s      £000s    £000s\n"
            "  512.5      0.0    512.5 Opening budget   530.0       12.0    542.0  561.0        0.0    561.0\n"
            "   12.5      3.0     15.5 Pay inflation     18.0        1.0     19.0   15.0        0.0     15.0\n"
            "    8.5      0.0      8.5  Contract prices   9.0        0.0      9.0    9.5        0.0      9.5\n"
            "  533.5      3.0    536.5 Net budget       557.0       13.0    570.0  585.5        0.0    585.5\n")
    (page,) = read_text(text.encode())
    (table,) = page.tables
    labels = [row[3] for row in table.rows]
    assert labels[-4:] == ["Opening budget", "Pay inflation", "Contract prices", "Net budget"]
    years = next(r for r, row in enumerate(table.rows) if "2024-25" in row)
    assert {table.rows[years][c]: span for (r, c), span in table.spans.items() if r == years} == {
        "2023-24": (1, 3), "2024-25": (1, 3), "2025-26": (1, 3)}
    assert table.rows[years + 1] == ["Core", "External", "Total", None, "Core", "External", "Total",
                                     "Core", "External", "Total"]


def _placed(*words: tuple[int, str]) -> str:
    """A layout-text line with each word starting at the given character."""
    line = ""
    for at, word in words:
        line += " " * (at - len(line)) + word
    return line + "\n"


def spaced_sub_column_plan() -> str:
    """A layout-text plan with sub-columns under each year: under the last year the rendering
    sets "Base Capital" a space apart, "Capital" reaching further over the Base figures than
    over its own, and the year over two of its three columns."""
    line = "{:>7}{:>9}{:>9} {:<18}{:>11}{:>10}{:>12}\n".format
    rows = [("412.5", "0.0", "412.5", "Opening budget", "1,605,168.4", "0.0", "1,605,168.4"),
            ("12.5", "3.0", "15.5", "Mowing contract", "22,979.6", "-14,200.0", "8,779.6"),
            ("8.5", "0.0", "8.5", "Tree surgery", "3,249.5", "-1,898.1", "1,351.4"),
            ("433.5", "3.0", "436.5", "Net budget", "1,631,397.7", "-16,098.1", "1,615,299.6")]
    return ("Grounds maintenance plan\n\n"
            + _placed((9, "2030-31"), (53, "2031-32"))
            + _placed((3, "Base"), (9, "Capital"), (20, "Total"), (45, "Base Capital"), (72, "Total"))
            + line("£000s", "£000s", "£000s", "", "£000s", "£000s", "£000s")
            + "".join(line(*row) for row in rows))


def test_sub_column_headings_set_a_space_apart_stay_apart():
    (page,) = read_text(spaced_sub_column_plan().encode())
    (table,) = page.tables
    assert table.rows[1] == ["Base", "Capital", "Total", None, "Base", "Capital", "Total"]
    assert table.rows[3][4:] == ["1,605,168.4", "0.0", "1,605,168.4"]
    assert {table.rows[0][c]: span for (r, c), span in table.spans.items() if r == 0} == {
        "2030-31": (1, 3), "2031-32": (1, 3)}


def test_header_set_apart_from_its_rows_by_a_note_heads_them():
    """A plan running on to a page under its header, then a note carried from the page before
    and a section label, then its rows (figure columns a few spaces apart, labels of five
    words or more): the header heads the rows, the note is no row."""
    line = "{:<36}{:>11}{:>11}{:>11}{:>11}{:>11}{:>11}\n".format
    text = (line("", "", "2030-31", "", "", "2031-32", "")
            + line("", "Base", "Capital", "Total", "Base", "Capital", "Total")
            + line("", "£000s", "£000s", "£000s", "£000s", "£000s", "£000s")
            + "* the reserve figures carried forward will be\n"
            + "restated once the accounts for the year are\n"
            + "closed, and the revised figures will be used for\n"
            + "monitoring\n\n"
            + "RESERVES\n"
            + line("Transfers to the repairs reserve", "-21,204.5", "-11,045.0", "-32,249.5",
                   "-21,310.0", "-11,145.0", "-32,455.0")
            + line("Release of earlier year provisions", "-10,980.0", "-10,212.5", "-21,192.5",
                   "-11,020.0", "-10,230.0", "-21,250.0")
            + line("Net movement in reserves", "-32,184.5", "-21,257.5", "-53,442.0",
                   "-32,330.0", "-21,375.0", "-53,705.0"))
    (page,) = read_text(text.encode())
    (table,) = page.tables
    assert table.rows[1] == [None, "Base", "Capital", "Total", "Base", "Capital", "Total"]
    assert [row[0] for row in table.rows[3:]] == [
        "Transfers to the repairs reserve", "Release of earlier year provisions", "Net movement in reserves"]
