"""The sample papers in data/raw are the output of scripts/make_samples.py, and
the pipeline reads every one of them cleanly."""
from __future__ import annotations

import subprocess
import sys

from pipeline.query import read_table
from tests.conftest import REPO, SAMPLES


def test_committed_samples_are_what_the_script_writes(tmp_path):
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_samples.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(SAMPLES) for p in SAMPLES.rglob("*") if p.is_file())
    assert made == committed
    for rel in made:
        assert (tmp_path / rel).read_bytes() == (SAMPLES / rel).read_bytes(), f"{rel} is stale: run scripts/make_samples.py"


def test_every_sample_paper_is_read_ok_as_pdf_and_as_text(samples_out):
    docs = read_table(samples_out, "documents").to_pandas()
    assert sorted(docs["format"].value_counts().items()) == [("pdf", 3), ("text", 3)]
    assert (docs["status"] == "ok").all(), docs[["source_path", "error"]]


def test_pdf_and_text_renderings_give_the_same_tables(samples_out):
    docs = read_table(samples_out, "documents").to_pandas()
    tables = read_table(samples_out, "tables").to_pandas()
    stem = docs["source_path"].str.extract(r"/([^/]+)\.\w+$")[0]
    for name in stem.unique():
        grids = []
        for doc_id in docs.loc[stem == name, "document_id"]:
            cells = tables[tables["document_id"] == doc_id]
            grids.append(sorted(zip(cells["row"], cells["col"], cells["text"].fillna(""))))
        assert grids[0] == grids[1], name
