"""Shared fixtures. The real papers live in ../shared (beside the repo, as in CI);
tests that need them skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extractor import load_extractors
from pipeline.load.text import read_text
from pipeline.model import Document
from pipeline.run import discover, run

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
SAMPLES = REPO / "data" / "raw"
# the dev corpus, one folder per form of input: PDFs, their layout renderings
# (pdftotext -layout), web transcripts and the seed text renderings
FORMS = ("pdf", "text-layout", "text-web", "text")


def needs_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repo")


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory) -> Path:
    """The whole pipeline run once over the real corpus (every form of input)."""
    needs_corpus()
    out = tmp_path_factory.mktemp("corpus_out")
    run(discover([CORPUS / form for form in FORMS]), out)
    return out


@pytest.fixture(scope="session")
def samples_out(tmp_path_factory) -> Path:
    """The whole pipeline run once over the project's own sample papers."""
    out = tmp_path_factory.mktemp("samples_out")
    run(discover([SAMPLES]), out)
    return out


def text_document(text: str, name: str = "fixture.txt") -> Document:
    """A text paper written in a test, loaded and segmented like a real one."""
    from pipeline.find import find_segments

    doc = Document(document_id="0" * 16, source_path=name, sha256="0" * 64, format="text",
                   pages=read_text(text.encode("utf-8")))
    doc.segments = find_segments(doc)
    return doc


def extractor(name: str):
    """The installed extractor registered under ``name``."""
    return next(r.extractor for r in load_extractors([name]))
