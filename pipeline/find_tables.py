"""Find tables on a PDF page and return them as cell grids.

Ruled tables come from the lattice finder; the rest of the page is then searched
for tables set with whitespace alone (the stream finder). See docs/icdar.md.
"""
from __future__ import annotations

from pipeline.model import BBox, Table
from pipeline.tables.lattice import lattice_tables
from pipeline.tables.stream import stream_tables


def find_tables(page, number: int) -> list[Table]:
    """Tables on a pdfplumber ``page`` (1-based ``number``), top to bottom."""
    # rotated text (side labels, watermarks) has no place in a row of a table
    words = [w for w in page.extract_words(extra_attrs=["size"]) if w.get("upright", True)]
    ruled = lattice_tables(page, number, words)
    curves = [BBox(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.curves]
    found = ruled + stream_tables(number, words, skip=[t.bbox for t in ruled], curves=curves)
    return sorted(found, key=lambda t: (t.bbox.top, t.bbox.x0))
