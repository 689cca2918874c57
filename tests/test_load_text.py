from pipeline.load.text import read_text
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


def test_form_feeds_split_pages_and_bold_markers_go():
    pages = read_text("**Title**\fsecond page".encode())
    assert [p.number for p in pages] == [1, 2]
    assert pages[0].lines[0].text == "Title" and pages[0].lines[0].bold


def test_underlined_choice_is_recorded():
    (page,) = read_text("Financial Implications\t<u>Yes</u>\tNo\tNot Applicable\n".encode())
    assert page.lines[0].underlined == ["Yes"]
    assert page.lines[0].cells == ["Financial Implications", "Yes", "No", "Not Applicable"]
