"""Golden-file test: what the pipeline extracts from the sample papers in
data/raw is stored in tests/golden/samples.json and compared in full.

After a deliberate change, regenerate and review the diff:

    BOARDPAPERS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_samples.py
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os

from pipeline.query import read_table
from pipeline.schema import SCHEMAS
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "samples.json"
# Content tables, and the paper-level fields of documents; `tables` is covered by test_samples.
TABLES = ("documents", "meetings", "agenda_items", "actions", "papers", "budget_lines", "decisions")
DOCUMENT_FIELDS = ("source_path", "format", "n_pages", "doc_type", "language", "organisation", "status", "error")


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def extracted(out) -> dict:
    """Each table's contract columns, rows keyed by source_path instead of document_id, sorted."""
    docs = read_table(out, "documents").to_pandas()
    path_of = dict(zip(docs["document_id"], docs["source_path"]))
    result = {}
    for table in TABLES:
        columns = DOCUMENT_FIELDS if table == "documents" else [c for c in SCHEMAS[table].names if c != "document_id"]
        rows = []
        for row in read_table(out, table).to_pylist():
            plain = {c: _plain(row.get(c)) for c in columns}
            if table != "documents":
                plain = {"source_path": path_of[row["document_id"]], **plain}
            rows.append(plain)
        result[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return result


def test_sample_papers_give_the_golden_rows(samples_out):
    got = extracted(samples_out)
    if os.environ.get("BOARDPAPERS_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for table in TABLES:
        assert got[table] == want[table], f"{table} differs from {GOLDEN.name}: review, then regenerate"
