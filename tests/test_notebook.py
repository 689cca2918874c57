"""The analysis notebook runs top to bottom on the processed sample papers."""
from __future__ import annotations

import re

import nbformat
from nbclient import NotebookClient

from pipeline.query import read_table
from tests.conftest import REPO

NOTEBOOK = REPO / "notebooks" / "analysis.ipynb"


def test_the_analysis_notebook_executes_and_draws_its_three_plots(samples_out, monkeypatch):
    monkeypatch.setenv("BOARDPAPERS_OUT", str(samples_out))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs"
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 3
    text = "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    # the samples print one budget twice (a PDF and its text rendering): its leaf lines count once
    assert re.search(r"2024-25\s+Budget\s+975\.3", text), text
    assert re.search(r"(\d+) of \1 columns add up to their printed total", text)
    counts = next(o["data"]["text/plain"] for o in outputs if "agenda_items" in o.get("data", {}).get("text/plain", ""))
    assert re.search(rf"agenda_items\s+{read_table(samples_out, 'agenda_items').num_rows}\n", counts)


def test_with_nothing_processed_the_notebook_runs_the_pipeline_on_the_samples(tmp_path, monkeypatch):
    out = tmp_path / "empty"
    monkeypatch.setenv("BOARDPAPERS_OUT", str(out))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells = notebook.cells[:2]  # the set-up cell only
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    assert "processed" in notebook.cells[1].outputs[0]["text"]
    assert read_table(out, "documents").num_rows > 0
