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
