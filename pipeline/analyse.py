"""The analyse stage: what several extractors need to know of a paper, read once
after its segments are found and before any extractor runs, and recorded on
the Document (``doc.analysis``): its locale (language, number marks, date
order), its page furniture, and how it opens (an unheaded agenda or minutes, a
case paper), its numbered lines and each text page's body margin. Extractors
read it; none works it out again or asks another."""
from __future__ import annotations

from pipeline.dates import find_date
from pipeline.furniture import body_margins, find_furniture
from pipeline.headings import numbered_lines
from pipeline.locale import detect_language, locale_of
from pipeline.meeting_header import case_paper, opening
from pipeline.model import Analysis, Document


def prepare_analysis() -> None:
    """Load the language model and the date parser's data once, in the run's main
    process, so worker processes forked from it start ready."""
    detect_language("the language model loads on its first use, which this is")
    find_date("Thursday, 30th January, 2025")


def analyse(doc: Document) -> Analysis:
    """The paper's analysis (its segments must be found first)."""
    furniture, furniture_after_first = find_furniture(doc)
    margins = body_margins(doc, furniture)
    numbered = numbered_lines(doc.pages, margins)
    return Analysis(locale=locale_of(doc), furniture=furniture, furniture_after_first=furniture_after_first,
                    opening=opening(doc), case_paper=case_paper(doc, numbered), numbered=numbered, margins=margins)


def analysis_of(doc: Document) -> Analysis:
    """The analysis the core recorded on the paper; for a paper read outside a run
    (a test, a notebook) it is made now, once, and recorded the same way."""
    if doc.analysis is None:
        doc.analysis = analyse(doc)
    return doc.analysis
