"""Meetings: the body, date, times and venue of the meeting a paper belongs to,
as its header block states it (the layouts read are described in
``pipeline/meeting_header.py``, which the agenda and document_info extractors share)."""
from __future__ import annotations

from extractors.meetings_web import action_log_meeting, cover_meeting, minuted_page_meeting
from pipeline.analyse import analysis_of
from pipeline.extractor import Extractor, Rows
from pipeline.find import segments_of
from pipeline.meeting_header import meeting_addressed, meeting_from_header, vocab
from pipeline.model import Document
from pipeline.web_pages import stated_meeting


class MeetingsExtractor(Extractor):
    name = "meetings"
    produces = ("meetings",)

    def extract(self, doc: Document) -> Rows:
        if not doc.pages or not doc.pages[0].lines:
            return {"meetings": []}
        analysis = analysis_of(doc)
        if segments_of(doc, "agenda") or segments_of(doc, "minutes") or analysis.opening:
            meeting = minuted_page_meeting(doc) or meeting_from_header(doc, analysis.locale)
        else:
            case = analysis.case_paper
            meeting = meeting_addressed(doc) or (case[1] if case else None)
        meeting = meeting or stated_meeting(doc) or cover_meeting(doc) or action_log_meeting(doc)
        if meeting and meeting.get("body"):
            meeting["body"] = vocab()["body_tail"].sub("", meeting["body"]) or meeting["body"]
        return {"meetings": [meeting] if meeting else []}
