"""pipeline/pdfium.py hands pdfplumber's TableFinder a page of its own making
(``Drawing``: pdfplumber's object dicts without pdfminer). That leans on
pdfplumber internals, so the pin in pyproject.toml holds only while this test
passes: the finder must see on our page the grid pdfplumber sees on its own."""
from __future__ import annotations

import io

import pdfplumber
from pdfplumber.table import TableFinder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.pdfium import PageReader, open_document

# A ruled grid of three rows and three columns, drawn as separate lines and as rectangles.
COLUMNS = (72, 200, 320, 440)
ROWS = (100, 130, 160, 190)


def _ruled_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    height = A4[1]
    for x in COLUMNS:
        pdf.line(x, height - ROWS[0], x, height - ROWS[-1])
    for y in ROWS:
        pdf.line(COLUMNS[0], height - y, COLUMNS[-1], height - y)
    pdf.rect(COLUMNS[0], height - 400, 200, 60)  # a box of its own: one cell, no table
    for r, y in enumerate(ROWS[:-1]):
        for c, x in enumerate(COLUMNS[:-1]):
            pdf.drawString(x + 4, height - y - 18, f"cell {r}{c}")
    pdf.save()
    return buffer.getvalue()


def test_table_finder_reads_the_drawing_made_from_pdfium_as_it_reads_pdfplumbers_page():
    data = _ruled_pdf()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        expected = [(t.bbox, [tuple(c) for c in t.cells]) for t in pdf.pages[0].find_tables()]
    with PageReader(open_document(data), 0) as reader:
        reader.read()
        found = TableFinder(reader.drawing(1, 0.0)).tables
    ours = [(t.bbox, [tuple(c) for c in t.cells]) for t in found]
    assert len(ours) == 1 and len(ours[0][1]) == 9  # the 3 x 3 grid
    assert [b for b, _ in ours] == [b for b, _ in expected]
    assert ours[0][1] == expected[0][1]
