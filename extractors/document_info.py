"""What a paper is: its doc_type and language (fields of its ``documents`` row)."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files

import py3langid

from pipeline.extractor import Extractor, Rows
from pipeline.model import Document
from pipeline.textutil import fold

# Enough text to tell a language; more only costs time.
LANGUAGE_SAMPLE = 5000
# A paper "has minutes" when at least this many lines record decisions.
MIN_DECISION_LINES = 2


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = tomllib.loads(files("extractors.vocab").joinpath("document_types.toml").read_text("utf-8"))
    return {
        "title": {k: [re.compile(p) for p in v] for k, v in data["title_cues"].items()},
        "decision": [re.compile(p, re.M) for p in data["decision_cues"]["patterns"]],
    }


def detect_language(text: str) -> str | None:
    sample = text[:LANGUAGE_SAMPLE]
    if len(sample.split()) < 5:
        return None
    code, _ = py3langid.classify(sample)
    return code


def classify(doc: Document) -> str:
    vocab = _vocab()
    kinds = {s.kind for s in doc.segments}
    folded = fold(doc.text)
    decision_lines = sum(len(p.findall(folded)) for p in vocab["decision"])
    if "minutes" in kinds or decision_lines >= MIN_DECISION_LINES:
        return "minutes"
    if "agenda" in kinds:
        return "board_pack" if kinds & {"cover_sheet", "action_log"} else "agenda"
    first_page = fold(doc.pages[0].text) if doc.pages else ""
    for doc_type, patterns in vocab["title"].items():
        if any(p.search(first_page) for p in patterns):
            return doc_type
    if kinds & {"cover_sheet", "financial_table"}:
        return "report"
    return "other"


class DocumentInfoExtractor(Extractor):
    name = "document_info"
    produces = ("documents",)
    order = 10

    def extract(self, doc: Document) -> Rows:
        if not any(p.lines for p in doc.pages):
            return {}
        return {"documents": [{"doc_type": classify(doc), "language": detect_language(doc.text)}]}
