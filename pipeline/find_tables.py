"""Find tables on a PDF page and return them as cell grids.

Ruled tables come from the lattice finder; the rest of the page is then searched
for tables set with whitespace alone (the stream finder). See docs/icdar.md.
"""
from __future__ import annotations

from pipeline.model import BBox, Table
from pipeline.pdfium import Drawing, plumber_words
from pipeline.tables.charts import chart_axes, in_area, in_chart
from pipeline.tables.lattice import lattice_tables
from pipeline.tables.stream import stream_tables

# A table's area holding this many curves is a chart: the labels of its axes and legend line
# up like a table, and its gridlines make a ruled grid.
CHART_CURVES = 10
# A horizontal rule: a line or a rect this thin (points), at least this long.
RULE_HEIGHT = 2.0
MIN_RULE_WIDTH = 10.0


def find_tables(drawing: Drawing, number: int, chars: list[tuple]) -> list[Table]:
    """Tables on a page (1-based ``number``), top to bottom: grids from its ``drawing``
    (lines, rects and curves), text from the reader's ``chars`` (``PageReader.chars``),
    grouped as pdfplumber would group its own."""
    drawn = [c for c in chars if not c[8]]  # pdfminer knows only the spaces drawn, not pdfium's inferred ones
    # rotated text (side labels, watermarks) has no place in a row of a table
    words = [w for w in plumber_words(drawn, by_size=True) if w["upright"]]
    # a chart's axis labels line up in rows and columns beside a table's
    charts = chart_axes(words, drawing.objects)
    words = [w for w in words if not in_area(w, charts)]
    curves = [BBox(c["x0"], c["top"], c["x1"], c["bottom"]) for c in drawing.curves]
    ruled = [t for t in lattice_tables(drawing, number, words, drawn)
             if not _chart(t.bbox, curves) and not in_chart(t.bbox, charts)]
    rules = [BBox(o["x0"], o["top"], o["x1"], o["bottom"]) for kind in ("line", "rect")
             for o in drawing.objects.get(kind, []) if o["bottom"] - o["top"] <= RULE_HEIGHT
             and o["x1"] - o["x0"] >= MIN_RULE_WIDTH]
    unruled = stream_tables(number, words, skip=[t.bbox for t in ruled], rules=rules)
    found = ruled + [t for t in unruled if not _chart(t.bbox, curves) and not in_chart(t.bbox, charts)]
    return sorted(found, key=lambda t: (t.bbox.top, t.bbox.x0))


def _chart(bbox: BBox, curves: list[BBox]) -> bool:
    return sum(bbox.x0 - 2 <= c.x0 and c.x1 <= bbox.x1 + 2 and bbox.top - 2 <= c.top
               and c.bottom <= bbox.bottom + 2 for c in curves) >= CHART_CURVES
