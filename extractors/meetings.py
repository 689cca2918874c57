"""Meetings: the body, date, times and venue of the meeting a paper belongs to.

A short list of layout readers, tried in turn: the first that finds a meeting
gives the paper's row; a pack of several meetings, each under a heading with its
time, gives a row each (``session_meetings``). The header block of agendas and minutes is read by
``pipeline/meeting_header.py`` (shared with the agenda and document_info
extractors); web transcripts' layouts by ``meetings_web.py`` and
``pipeline/web_pages.py``. A new layout is a new reader here, with its test.
"""
from __future__ import annotations

from extractors.meetings_web import action_log_meeting, cover_meeting, minuted_page_meeting, papers_meeting
from pipeline.analyse import analysis_of
from pipeline.extractor import Extractor, Rows
from pipeline.find import segments_of
from pipeline.meeting_header import meeting_addressed, meeting_from_header, public_notice, session_meetings, vocab
from pipeline.model import Analysis, Document
from pipeline.web_pages import stated_meeting

Meeting = dict


def _agenda_or_minutes(doc: Document, analysis: Analysis) -> bool:
    """An agenda or minutes (headed as one, or opening as one): its header block states its meeting."""
    return bool(segments_of(doc, "agenda") or segments_of(doc, "minutes") or analysis.opening)


def committee_page(doc: Document, analysis: Analysis) -> Meeting | None:
    """A committee system's "Agenda and minutes" page copied from the web:
    "Venue: Committee Room 1", a date above its first item, the body its chair
    welcomes members to ("The Chair welcomed all to the Audit Committee meeting")."""
    return minuted_page_meeting(doc) if _agenda_or_minutes(doc, analysis) else None


def header_block(doc: Document, analysis: Analysis) -> Meeting | None:
    """An agenda's or minutes' header block, in any of its layouts: labelled
    ("Date: 4 May 2022"), a sentence ("MINUTES of a meeting of the Cabinet held
    in ... on Thursday, 30 January 2025"), or bare lines around the date, centred
    or not ("Regular Meeting of the Board of Trustees" / "Thursday, May 7, 2020"
    / "Community Room" / "1:30 p.m.")."""
    return meeting_from_header(doc, analysis.locale) if _agenda_or_minutes(doc, analysis) else None


def notice_sentence(doc: Document, analysis: Analysis) -> Meeting | None:
    """A public notice with no agenda heading that states its meeting in a sentence: "A regular
    meeting of the Land Bank board of directors will be held on Friday, March 29, 2019, from 9
    a.m. to 1:00 p.m. at the Pry Building, 1180 Main Street, Akron, Ohio 44301." (US boards)."""
    return None if _agenda_or_minutes(doc, analysis) else public_notice(doc)


def addressed_report(doc: Document, analysis: Analysis) -> Meeting | None:
    """A report whose cover addresses its meeting: "To: Cabinet, 30 January 2025"."""
    return None if _agenda_or_minutes(doc, analysis) else meeting_addressed(doc)


def case_paper(doc: Document, analysis: Analysis) -> Meeting | None:
    """A case paper (one item printed as its own paper) that states the
    meeting's decision on it: "Planudvalgets beslutning den 03.03.2014 Punkt 4"."""
    if _agenda_or_minutes(doc, analysis) or analysis.case_paper is None:
        return None
    return analysis.case_paper[1]


def meeting_sentence(doc: Document, analysis: Analysis) -> Meeting | None:
    """A web page that states its meeting in a sentence: "A meeting of the Board
    of Directors was held at 2pm on Monday 3rd May 2021 in the Boardroom"."""
    return stated_meeting(doc)


def cover_sheet(doc: Document, analysis: Analysis) -> Meeting | None:
    """A report's cover sheet copied from the web: "Date of Meeting: 4 May 2022"
    under the body's name ("Public Trust Board Agenda item: 7")."""
    return cover_meeting(doc)


def action_log_title(doc: Document, analysis: Analysis) -> Meeting | None:
    """An action log titled for its meeting: "Board Action Tracker for the meeting on 04.05.2022"."""
    return action_log_meeting(doc)


def papers_for_the_meeting(doc: Document, analysis: Analysis) -> Meeting | None:
    """A web agenda page whose header was lost, naming its body only where it
    offers "the full Board Papers for this meeting": the body, no date."""
    return papers_meeting(doc)


# The layouts of a paper's meeting, tried in turn: the first that finds one wins.
READERS = (committee_page, header_block, addressed_report, case_paper, meeting_sentence, notice_sentence, cover_sheet,
           action_log_title, papers_for_the_meeting)


class MeetingsExtractor(Extractor):
    name = "meetings"
    produces = ("meetings",)

    def extract(self, doc: Document) -> Rows:
        if not doc.pages or not doc.pages[0].lines:
            return {"meetings": []}
        analysis = analysis_of(doc)
        meeting = next(filter(None, (read(doc, analysis) for read in READERS)), None)
        if meeting and meeting.get("body"):
            meeting["body"] = vocab()["body_tail"].sub("", meeting["body"]) or meeting["body"]
        if not meeting:
            return {"meetings": []}
        # a pack of several meetings (a special meeting before the regular one): a row each
        return {"meetings": session_meetings(doc, meeting) or [meeting]}
