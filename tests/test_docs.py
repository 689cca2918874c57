"""The worked example of docs/extractors.md works as printed."""
from __future__ import annotations

import re

from pipeline.extractor import Extractor, _check
from tests.conftest import REPO, text_document


def test_worked_example_extractor_runs_on_its_layout():
    guide = (REPO / "docs" / "extractors.md").read_text()
    code = re.search(r"```python\n(.*?)```", guide, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, "docs/extractors.md", "exec"), namespace)
    cls = namespace["DecisionNoticeExtractor"]
    _check(cls.name, cls)
    assert issubclass(cls, Extractor)
    doc = text_document("Notices\n\nDECISION 12/2024: The library opens on Sundays.\nOther text\n")
    assert cls().extract(doc) == {"decisions": [
        {"item_number": "12/2024", "decision": "The library opens on Sundays.", "page": 1}]}


def test_worked_example_reader_leaves_out_the_papers_running_header():
    guide = (REPO / "docs" / "extractors.md").read_text()
    namespace: dict = {}
    exec(compile(re.search(r"```python\n(.*?)```", guide, re.S).group(1), "docs/extractors.md", "exec"), namespace)
    # a register printed over three pages, its first notice repeated atop each page as a running header
    doc = text_document("\f".join(f"DECISION 1/2024: Standing orders adopted.\nDECISION {n}/2024: {text}"
                                  for n, text in ((2, "Budget agreed."), (3, "Fees set."), (4, "Park opens."))))
    rows = namespace["DecisionNoticeExtractor"]().extract(doc)["decisions"]
    assert [r["item_number"] for r in rows] == ["2/2024", "3/2024", "4/2024"]


def test_every_toolkit_module_the_guide_names_exists():
    guide = (REPO / "docs" / "extractors.md").read_text()
    modules = set(re.findall(r"`(\w+)\.\w+\(", guide)) - {"doc"}
    assert {"numbers", "dates", "fuzzy", "headings"} <= modules
    for module in modules:
        assert (REPO / "pipeline" / f"{module}.py").exists(), module
