"""The generic extractor: every table found, cell by cell."""
from __future__ import annotations

from pipeline.extractor import Extractor, Rows
from pipeline.model import Document, table_id_of


class TablesExtractor(Extractor):
    name = "tables"
    produces = ("tables",)

    def extract(self, doc: Document) -> Rows:
        rows = []
        for page in doc.pages:
            for n, table in enumerate(page.tables, start=1):
                table_id = table_id_of(page.number, n)
                covered = table.covered()  # a spanning cell is written once, at its top-left
                for r, cells in enumerate(table.rows):
                    for c, text in enumerate(cells):
                        if (r, c) in covered:
                            continue
                        row_span, col_span = table.spans.get((r, c), (1, 1))
                        rows.append({"table_id": table_id, "page": page.number, "row": r, "col": c,
                                     "row_span": row_span, "col_span": col_span,
                                     "text": text, "method": table.method})
        return {"tables": rows}
