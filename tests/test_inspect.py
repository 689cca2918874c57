"""`boardpapers inspect`: what the pipeline finds on a page, drawn over the page image."""
from __future__ import annotations

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

import pipeline.inspection
from pipeline.cli import app
from pipeline.extractor import Extractor, RegisteredExtractor
from pipeline.inspection import describe, draw, inspect_paper


class ItemLines(Extractor):
    """Takes every "N. Title" line as an agenda item."""

    name = "item_lines"
    produces = ("agenda_items",)

    def extract(self, doc):
        rows = []
        for page, _, line in doc.iter_lines():
            number, _, title = line.text.partition(". ")
            if number.isdigit() and title:
                rows.append({"item_number": number, "title": title, "page": page.number})
        return {"agenda_items": rows}


class Broken(Extractor):
    name = "broken"
    produces = ("decisions",)

    def extract(self, doc):
        raise RuntimeError("layout not understood")


@pytest.fixture(autouse=True)
def fixture_extractors(monkeypatch):
    registered = [RegisteredExtractor(cls.name, cls.produces, 100, "tests", cls()) for cls in (ItemLines, Broken)]
    monkeypatch.setattr(pipeline.inspection, "load_extractors", lambda names=None: registered)


def agenda_pdf(path):
    """Page 1: a heading, two agenda lines and a ruled 2x2 table; page 2: prose."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, "Agenda")
    c.setFont("Helvetica", 11)
    c.drawString(72, 750, "1. Welcome and Introductions")
    c.drawString(72, 730, "2. Financial Position at Month 10")
    x, y, w, h = 72, 600, 200, 24
    for i in range(3):
        c.line(x, y - i * h, x + 2 * w, y - i * h)
        c.line(x + i * w, y, x + i * w, y - 2 * h)
    for r, (a, b) in enumerate((("Budget", "Forecast"), ("412,500", "418,950"))):
        c.drawString(x + 6, y - r * h - 16, a)
        c.drawString(x + w + 6, y - r * h - 16, b)
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 780, "The meeting closed at 12 noon.")
    c.save()
    return path


def test_a_pdf_page_report_has_segments_tables_and_located_rows(tmp_path):
    report, = inspect_paper(agenda_pdf(tmp_path / "pack.pdf"), [1])
    assert [s.segment.kind for s in report.segments] == ["agenda"]
    assert report.segments[0].bbox.top < 80  # the heading, 62 pt from the top
    assert len(report.tables) == 1 and report.tables[0].rows[1] == ["412,500", "418,950"]
    assert [(r.row["title"], r.line) for r in report.rows] == [
        ("Welcome and Introductions", 1), ("Financial Position at Month 10", 2)]
    assert report.rows[0].bbox.top == pytest.approx(A4[1] - 750 - 11 * 0.9, abs=3)
    assert report.errors == ["extractor broken: RuntimeError: layout not understood"]
    text = "\n".join(describe(report))
    assert "agenda" in text and "item_lines -> agenda_items (line 2)" in text and "412,500" in text


def test_the_page_is_drawn_with_what_was_found(tmp_path):
    report, = inspect_paper(agenda_pdf(tmp_path / "pack.pdf"), [1])
    png = draw(report, tmp_path / "page1.png", resolution=72)
    image = Image.open(png).convert("RGB")
    assert abs(image.size[0] - A4[0]) <= 1 and abs(image.size[1] - A4[1]) <= 1
    # the table's outline is drawn in red at its top-left corner (72, 842 - 600)
    reds = [image.getpixel((x, y)) for x in range(66, 78) for y in range(236, 248)]
    assert any(r > 180 and g < 90 and b < 90 for r, g, b in reds)
    blank = inspect_paper(tmp_path / "pack.pdf", [2])[0]
    assert blank.rows == [] and blank.tables == []


def test_text_papers_are_reported_but_not_drawn(tmp_path):
    paper = tmp_path / "agenda.txt"
    paper.write_text("## Agenda\n\n1. Welcome\n2. Apologies\n")
    report, = inspect_paper(paper)
    assert [r.row["item_number"] for r in report.rows] == ["1", "2"]
    with pytest.raises(ValueError, match="text paper"):
        draw(report, tmp_path / "x.png")


def test_cli_draws_a_page_and_reports_a_missing_page(tmp_path):
    pdf = agenda_pdf(tmp_path / "pack.pdf")
    runner = CliRunner()
    drawn = runner.invoke(app, ["inspect", str(pdf), "--page", "1", "--png", str(tmp_path / "p.png")])
    assert drawn.exit_code == 0, drawn.output
    assert (tmp_path / "p.png").stat().st_size > 1000
    assert "Welcome and Introductions" in drawn.output
    missing = runner.invoke(app, ["inspect", str(pdf), "--page", "3"])
    assert missing.exit_code == 2 and "no page 3" in missing.output


def test_boxes_fall_on_what_they_mark_when_the_media_box_is_not_at_the_origin(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(agenda_pdf(tmp_path / "pack.pdf")))
    for page in pdf:  # the same page, seen through a media box moved 10 pt right and 16 pt up
        left, bottom, right, top = page.get_mediabox()
        page.set_mediabox(left + 10, bottom + 16, right + 10, top + 16)
    pdf.save(str(tmp_path / "moved.pdf"))
    pdf.close()
    report, = inspect_paper(tmp_path / "moved.pdf", [1])
    image = Image.open(draw(report, tmp_path / "moved.png", resolution=72)).convert("RGB")

    def red_near(x, y):
        return any(r > 180 and g < 90 and b < 90 for r, g, b in
                   (image.getpixel((i, j)) for i in range(x - 6, x + 6) for j in range(y - 6, y + 6)))

    # the table's top-left corner: user space (72, 600), 62 px from the left and 842 + 16 - 600 from the top
    assert red_near(62, 258) and not red_near(52, 274)
    # a legend in the top right corner shows each colour drawn: the agenda segment, the table, the rows
    legend = {image.getpixel((x, y)) for x in range(image.size[0] - 200, image.size[0]) for y in range(4, 50)}
    assert {(31, 119, 180), (214, 39, 40), (23, 190, 207)} <= legend
