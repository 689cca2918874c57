"""The analyse stage: what several extractors need to know of a paper, read once
after its segments are found and before any extractor runs, and recorded on
the Document (``doc.analysis``): its locale (language, number marks, date
order), its page furniture, and how it opens (an unheaded agenda or minutes, a
case paper). Extractors read it; none works it out again or asks another."""
from __future__ import annotations

from pipeline.furniture import find_furniture
from pipeline.locale import locale_of
from pipeline.meeting_header import case_paper, opening
from pipeline.model import Analysis, Document


def analyse(doc: Document) -> Analysis:
    """The paper's analysis (its segments must be found first)."""
    furniture, furniture_after_first = find_furniture(doc)
    return Analysis(locale=locale_of(doc), furniture=furniture, furniture_after_first=furniture_after_first,
                    opening=opening(doc), case_paper=case_paper(doc))


def analysis_of(doc: Document) -> Analysis:
    """The analysis the core recorded on the paper; for a paper read outside a run
    (a test, a notebook) it is made now, once, and recorded the same way."""
    if doc.analysis is None:
        doc.analysis = analyse(doc)
    return doc.analysis
