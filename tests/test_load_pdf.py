"""The PDF reader: pypdfium2 words and lines in pdfplumber's shape; tables only where they may be."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.load import pdf as pdf_reader
from pipeline.load.pdf import read_pdf
from pipeline.query import read_table
from pipeline.run import discover, run

HEIGHT = A4[1]


def make_pdf(*pages, rotate: int = 0, **canvas_options) -> bytes:
    """A PDF whose pages are drawn by the given functions (each gets the canvas)."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, **canvas_options)
    for draw in pages:
        if rotate:
            c.setPageRotation(rotate)
        draw(c)
        c.showPage()
    c.save()
    return buffer.getvalue()


def text_page(*lines: str, size: int = 11, font: str = "Helvetica"):
    def draw(c):
        c.setFont(font, size)
        for i, line in enumerate(lines):
            c.drawString(72, HEIGHT - 72 - i * size * 1.6, line)
    return draw


def ruled_table_page(rows: list[list[str]]):
    def draw(c):
        c.setFont("Helvetica", 10)
        top, row_height, col_width = HEIGHT - 100, 20, 120
        for r, row in enumerate(rows):
            for col, text in enumerate(row):
                c.rect(72 + col * col_width, top - (r + 1) * row_height, col_width, row_height)
                c.drawString(76 + col * col_width, top - (r + 1) * row_height + 6, text)
    return draw


def test_words_carry_boxes_fonts_and_sizes_and_wide_gaps_make_cells():
    def draw(c):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, HEIGHT - 72, "Agenda")
        c.setFont("Helvetica", 11)
        c.drawString(72, HEIGHT - 110, "Apologies for absence")
        c.drawString(400, HEIGHT - 110, "Chair")

    page = read_pdf(make_pdf(draw))[0]
    heading, item = page.lines
    assert heading.text == "Agenda" and heading.bold
    word = heading.words[0]
    assert word.fontname.endswith("Helvetica-Bold") and round(word.size) == 14
    assert abs(word.bbox.x0 - 72) < 0.5 and abs(word.bbox.bottom - word.bbox.top - 14) < 0.5
    assert item.cells == ["Apologies for absence", "Chair"] and not item.bold


def test_words_and_boxes_are_the_ones_pdfplumber_gives():
    data = make_pdf(text_page("Minutes of the meeting held on 3 March 2025", "Present: R. Harwick (Chair), J. Smith",
                              "1. Declarations of interest   None were made."))
    ours = [(w.text, w.bbox) for line in read_pdf(data)[0].lines for w in line.words]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        theirs = pdf.pages[0].extract_words()
    assert [t for t, _ in ours] == [w["text"] for w in theirs]
    for (_, box), w in zip(ours, theirs):
        assert max(abs(box.x0 - w["x0"]), abs(box.x1 - w["x1"]), abs(box.top - w["top"]),
                   abs(box.bottom - w["bottom"])) < 0.5


def test_a_rotated_page_has_the_positions_pdfplumber_gives():
    data = make_pdf(text_page("Board meeting", "Item one"), rotate=90)
    ours = sorted((w.text, w.bbox.x0, w.bbox.top) for line in read_pdf(data)[0].lines for w in line.words)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        theirs = sorted((w["text"], w["x0"], w["top"]) for w in pdf.pages[0].extract_words())
    assert [t for t, *_ in ours] == [t for t, *_ in theirs]
    for (_, x0, top), (_, their_x0, their_top) in zip(ours, theirs):
        assert abs(x0 - their_x0) < 1 and abs(top - their_top) < 1


def test_glyphs_painted_twice_for_fake_bold_are_read_once():
    def draw(c):
        c.setFont("Times-Bold", 17)
        for dx in (0, 0.8):
            c.drawString(72 + dx, HEIGHT - 72 - dx, "CHICAGO COMMISSION")

    assert read_pdf(make_pdf(draw))[0].lines[0].text == "CHICAGO COMMISSION"


def test_a_rule_under_words_marks_them_underlined():
    def draw(c):
        c.setFont("Helvetica", 11)
        c.drawString(72, HEIGHT - 100, "Purpose: Decision Information")
        width = c.stringWidth("Decision", "Helvetica", 11)
        start = 72 + c.stringWidth("Purpose: ", "Helvetica", 11)
        c.line(start, HEIGHT - 102, start + width, HEIGHT - 102)

    assert read_pdf(make_pdf(draw))[0].lines[0].underlined == ["Decision"]


def test_only_pages_that_may_hold_a_table_go_to_the_table_finder(monkeypatch):
    seen = []
    real = pdf_reader.find_tables

    def spy(drawing, number, chars):
        seen.append(number)
        return real(drawing, number, chars)

    monkeypatch.setattr(pdf_reader, "find_tables", spy)
    rows = [["Budget line", "2024-25", "2025-26"], ["Staff", "100", "120"], ["Premises", "40", "45"]]
    pages = read_pdf(make_pdf(text_page("A page of prose.", "Another line of prose."), ruled_table_page(rows),
                              text_page("More prose.")))
    assert seen == [2]
    assert [t.rows for t in pages[1].tables] == [rows]
    assert [len(p.lines) for p in pages] == [2, 3, 1]


def test_blank_pages_are_pages_without_lines():
    pages = read_pdf(make_pdf(text_page("First"), lambda c: None, text_page("Third")))
    assert [len(p.lines) for p in pages] == [1, 0, 1]
    assert not any(p.problems for p in pages)


def test_the_table_finder_gets_the_objects_pdfplumber_would_parse():
    from pdfplumber.table import TableFinder

    from pipeline.pdfium import PageReader, open_document

    rows = [["Item", "Owner", "Due"], ["Appraisal", "RG", "Aug-17"], ["Risk register", "JS", "Sep-17"]]
    data = make_pdf(ruled_table_page(rows))
    with pdfplumber.open(io.BytesIO(data)) as pdf, PageReader(open_document(data), 0) as reader:
        reader.read()
        ours = reader.drawing(1, 0.0).objects
        theirs = pdf.pages[0].objects
        assert sorted(ours) == ["rect"] and sorted(theirs) == ["char", "rect"]
        for mine, real in zip(ours["rect"], theirs["rect"]):
            assert all(abs(mine[k] - real[k]) < 0.5 for k in ("x0", "x1", "top", "bottom"))
        assert [r["fill"] for r in ours["rect"]] == [r["fill"] for r in theirs["rect"]]
        # pdfplumber's grid finder reads the drawing as it reads its own page
        (grid,) = TableFinder(reader.drawing(1, 0.0)).tables
        (real_grid,) = pdf.pages[0].find_tables()
        assert [[round(v) for v in cell] for cell in grid.cells] == [
            [round(v) for v in cell] for cell in real_grid.cells]
        # the chars it takes its text from: pdfplumber's, with pdfium's inferred spaces marked
        drawn = [c for c in reader.chars if not c[8]]
        assert "".join(c[0] for c in drawn) == "".join(c["text"] for c in theirs["char"])
        for mine, real in zip(drawn, theirs["char"]):
            assert all(abs(m - real[k]) < 0.5 for m, k in zip(mine[1:5], ("x0", "top", "x1", "bottom")))


def test_the_table_finder_groups_the_readers_chars_into_the_words_and_text_pdfplumber_gives():
    from pdfplumber.utils import extract_text

    from pipeline.pdfium import PageReader, open_document, plumber_text, plumber_words

    def draw(c):
        c.setFont("Helvetica-Bold", 10)  # a change of font inside a word does not split it
        c.drawString(72, HEIGHT - 100, "Bold")
        c.setFont("Helvetica", 10)
        c.drawString(72 + c.stringWidth("Bold", "Helvetica-Bold", 10), HEIGHT - 100, "face and text")
        c.setFont("Helvetica", 14)  # a change of size does, for the page's words
        c.drawString(72, HEIGHT - 130, "Large")
        c.setFont("Helvetica", 8)
        c.drawString(72 + c.stringWidth("Large", "Helvetica", 14), HEIGHT - 130, "small")
        c.drawString(72, HEIGHT - 140, "Second  line")
        c.saveState()
        c.translate(300, 300)
        c.rotate(90)
        c.drawString(0, 0, "Side label")
        c.restoreState()

    data = make_pdf(draw)
    with pdfplumber.open(io.BytesIO(data)) as pdf, PageReader(open_document(data), 0) as reader:
        reader.read()
        drawn = [c for c in reader.chars if not c[8]]
        page = pdf.pages[0]
        # (rotated text is left out: pdfminer sizes its chars differently, and the finder reads upright words)
        ours = [w for w in plumber_words(drawn, by_size=True) if w["upright"]]
        theirs = [w for w in page.extract_words(extra_attrs=["size"]) if w["upright"]]
        assert [(w["text"], round(w["size"])) for w in ours] == [(w["text"], round(w["size"])) for w in theirs]
        assert [w["text"] for w in ours][:4] == ["Boldface", "and", "text", "Large"]
        for mine, real in zip(ours, theirs):
            assert all(abs(mine[k] - real[k]) < 0.5 for k in ("x0", "x1", "top", "bottom"))
        text = plumber_text([c for c in drawn if c[7]])
        assert text == extract_text([c for c in page.chars if c["upright"]])
        assert text.splitlines()[:2] == ["Boldface and text", "Large"]


def test_a_page_cropped_smaller_than_its_mediabox_keeps_pdfplumbers_size_and_coordinates():
    # a page trimmed on the left by its CropBox (seen in a US fiscal report): words lie right of x=216
    def draw(c):
        c.setCropBox((216, 0, A4[0], A4[1]))
        text_page("Fiscal Year 2013 statistical tables")(c)
        c.setFont("Helvetica", 11)
        c.drawString(A4[0] - 120, 100, "right margin")

    data = make_pdf(draw)
    (page,) = read_pdf(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert (page.width, page.height) == pytest.approx((pdf.pages[0].width, pdf.pages[0].height), abs=0.01)
    assert all(0 <= w.bbox.x0 and w.bbox.x1 <= page.width for line in page.lines for w in line.words)


def _page_in_dejavu_sans(monkeypatch, draw) -> bytes:
    """A PDF drawn in DejaVu Sans (bundled with matplotlib, a dev dependency), whose ToUnicode
    map writes a char outside the BMP as its UTF-16 surrogate pair, as the PDF spec says and
    producers do (reportlab writes the bare code point, which readers take as 16 bits)."""
    matplotlib = pytest.importorskip("matplotlib")
    from reportlab.pdfbase import pdfmetrics, ttfonts

    tounicode = ttfonts.makeToUnicodeCMap

    def spec_tounicode(name, subset):
        return re.sub(r"<([0-9A-F]{5,6})>", lambda m: "<" + chr(int(m[1], 16)).encode("utf-16-be").hex().upper() + ">",
                      tounicode(name, subset))

    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", spec_tounicode)
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdfmetrics.registerFont(ttfonts.TTFont("DejaVuSans", str(font)))
    return make_pdf(draw)


def test_chars_outside_the_bmp_are_read_whole_and_their_rows_are_written(monkeypatch, tmp_path):
    # mathematical letters (U+1D538, U+1D552) in running text and in the cells of a table
    def draw(c):
        c.setFont("DejaVuSans", 10)
        c.drawString(72, HEIGHT - 72, "The index \U0001d538 rose while \U0001d552 fell.")
        for i, (label, first, second) in enumerate([("Measure", "2024", "2025"), ("Index \U0001d538", "12", "14"),
                                                    ("Rate \U0001d552", "3.1", "2.9"), ("Total", "15", "17")]):
            y = HEIGHT - 120 - i * 14
            c.drawString(72, y, label)
            c.drawRightString(260, y, first)
            c.drawRightString(340, y, second)

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "maths.pdf").write_bytes(_page_in_dejavu_sans(monkeypatch, draw))
    pages = read_pdf((tmp_path / "in" / "maths.pdf").read_bytes())
    assert pages[0].lines[0].text == "The index \U0001d538 rose while \U0001d552 fell."
    run(discover([tmp_path / "in"]), tmp_path / "out")
    assert read_table(tmp_path / "out", "documents").column("status").to_pylist() == ["ok"]
    cells = read_table(tmp_path / "out", "tables").column("text").to_pylist()
    assert "Index \U0001d538" in cells and "Rate \U0001d552" in cells


def test_emoji_combining_marks_and_right_to_left_words_are_read_and_their_rows_written(monkeypatch, tmp_path):
    # an emoji outside the BMP, letters with combining marks, Hebrew and Arabic words, in
    # running text and in the cells of a table: the paper is written, every char kept
    labels = ["Satisfaction \U0001f600", "Cafe\u0301 and kiosk", "\u05e9\u05e0\u05d4 budget",
              "\u0645\u064a\u0632\u0627\u0646\u064a\u0629 total"]

    def draw(c):
        c.setFont("DejaVuSans", 10)
        c.drawString(72, HEIGHT - 72, "Ratings \u2600 rose \U0001f600 while costs fell.")
        for i, (label, first, second) in enumerate([("Measure", "2024", "2025")] + [
                (label, str(10 + i), str(20 + i)) for i, label in enumerate(labels)]):
            y = HEIGHT - 120 - i * 14
            c.drawString(72, y, label)
            c.drawRightString(300, y, first)
            c.drawRightString(380, y, second)

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chars.pdf").write_bytes(_page_in_dejavu_sans(monkeypatch, draw))
    run(discover([tmp_path / "in"]), tmp_path / "out")
    assert read_table(tmp_path / "out", "documents").column("status").to_pylist() == ["ok"]
    cells = {unicodedata.normalize("NFC", t) for t in read_table(tmp_path / "out", "tables").column("text").to_pylist()
             if t}
    assert {unicodedata.normalize("NFC", label) for label in labels} <= cells


def test_a_surrogate_half_without_its_partner_is_a_replacement_char():
    from pipeline.pdfium import _char_texts

    assert _char_texts([0x41, 0xD835, 0xDD38, 0xD835, 0x42, 0xDD38, 0xD835]) == [
        "A", "\U0001d538", "", "\ufffd", "B", "\ufffd", "\ufffd"]
