"""Tables drawn with ruling lines, from pdfplumber's line-intersection finder."""
from __future__ import annotations

from pipeline.model import BBox, Table
from pipeline.textutil import clean


def lattice_tables(page, number: int) -> list[Table]:
    tables = []
    for found in page.find_tables():
        rows = [[clean(c) for c in row] for row in found.extract()]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        if not any(c for row in rows for c in row):
            continue
        x0, top, x1, bottom = found.bbox
        tables.append(Table(rows=rows, page=number, bbox=BBox(x0, top, x1, bottom), method="lattice"))
    return tables
