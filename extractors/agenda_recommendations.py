"""Agenda recommendations: what an agenda (not minutes) asks its meeting to
decide, one row of ``decisions`` per item that states it, the decision null
(the meeting has not met yet).

Two layout classes of US agendas, words in ``vocab/agenda.toml``
``[recommendation]``:
- resolution items: an item whose title is the resolution put to the board
  ("A. RESOLUTION (2019-12) Authorize the Commissioner to ... Amount not to
  exceed $5,000.00."), as county boards of health and school boards print
  their action items; its paragraph is the recommendation, the paragraph's
  first sentence the title;
- recommendation paragraphs: a labelled paragraph under an item
  ("Recommendation: Approve the contract ...", "Staff Recommendation:",
  "RECOMMENDED ACTION:"), as Legistar and Granicus agendas of city councils
  and planning commissions print them; the item's title is the title.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.find import headed
from pipeline.headings import Candidate, candidate
from pipeline.model import Document, Line, Page
from pipeline.textutil import clean, fold

Lines = list[tuple[Page, int, Line]]
# Points two lines may differ in indent and still be "the same column".
INDENT_TOLERANCE = 6
# An item's title wraps over at most this many lines.
MAX_TITLE_LINES = 4
# A paragraph's lines sit at most this many line heights apart.
MAX_PARAGRAPH_GAP = 1.0
# The end of a resolution's first sentence: "... 2020. Amount to be ...", "... schedules: Schedule A".
_SENTENCE_END = re.compile(r"[.:](?=\s+[A-Z]|\s*$)")
# "Fiscal Impact:", "Attachments:": a label that opens the next paragraph of an item.
_NEXT_LABEL = re.compile(r"^[A-Z][\w ()/&'’-]{1,40}:(?:\s|$)")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("agenda")["recommendation"]
    labels = "|".join(re.escape(label) for label in sorted(data["labels"], key=len, reverse=True))
    return {"label": re.compile(rf"^(?:{labels})\s*(?::\s*(?P<rest>.*)|$)"),
            "in_title": re.compile(rf"\s+(?:{labels})\s*:.*$", re.I),
            "resolution": re.compile(data["resolution"], re.I)}


def _gap_ok(above: Line, line: Line) -> bool:
    if above.bbox is None or line.bbox is None:
        return True
    height = above.bbox.bottom - above.bbox.top
    return line.bbox.top >= above.bbox.top and line.bbox.top - above.bbox.bottom <= MAX_PARAGRAPH_GAP * height


def _resolution_paragraph(cand: Candidate, lines: Lines, end: int) -> str:
    """The resolution's paragraph: its title's wrapped lines, and a list that a
    line ending in a colon introduces ("... the attached schedules:" /
    "Schedule A ..."); not a table of amounts set out after the sentence."""
    parts, listing = [cand.title], False
    above = cand.line
    for _, _, line in lines[cand.index + 1:end]:
        if line.bold and not cand.line.bold:
            break  # a section heading
        if line.bbox is not None and cand.title_x is not None:
            wrapped = abs(line.bbox.x0 - cand.title_x) <= INDENT_TOLERANCE and not listing
            listing = (listing or above.text.rstrip().endswith(":")) and line.bbox.x0 > cand.title_x + INDENT_TOLERANCE
            if not (wrapped or listing):
                break
        elif above.text.rstrip().endswith("."):
            break  # text without positions: the paragraph ends with its sentence
        parts.append(line.text)
        above = line
    return clean(" ".join(parts)) or ""


def _labelled_paragraph(lines: Lines, start: int, end: int) -> tuple[str, int] | None:
    """The first labelled recommendation between ``start`` and ``end``: its text and page."""
    for k in range(start, end):
        page, _, line = lines[k]
        match = _vocab()["label"].match(fold(line.text).strip())
        if not match:
            continue
        rest = line.text[len(line.text) - len(match["rest"]):] if match["rest"] else ""
        parts, above = [rest] if rest else [], line
        for _, _, below in lines[k + 1:end]:
            if (_NEXT_LABEL.match(below.text) or (below.bold and not line.bold) or not _gap_ok(above, below)
                    or (below.bbox and line.bbox and below.bbox.x0 < line.bbox.x0 - INDENT_TOLERANCE)):
                break
            parts.append(below.text)
            above = below
        text = clean(" ".join(parts))
        return (text, page.number) if text else None
    return None


def _agenda_lines(doc: Document) -> Lines:
    """The agenda's lines, page furniture left out: its headed agenda segments
    and the segments a numbered line opens after them (an item's "2.2 Capital
    plan" cues a table, not the agenda's end); or, with no agenda heading, the
    paper from where it opens as an agenda. None when the paper opens as minutes."""
    skip = analysis_of(doc).furniture
    first = next((s for s in doc.segments if s.kind in ("agenda", "minutes") and headed(s)), None)
    lines: Lines = []
    if first is not None and first.kind == "agenda":
        in_agenda = False
        for segment in doc.segments:
            page = doc.pages[segment.start.page - 1]
            opener = page.lines[segment.start.line]
            in_agenda = ((segment.kind == "agenda" and headed(segment))
                         or (in_agenda and candidate(segment.start.line, page, opener) is not None))
            if in_agenda:
                lines.extend(doc.lines_in(segment))
    elif first is None and (opened := analysis_of(doc).opening) and opened[1] == "agenda":
        lines = [(page, i, line) for page, i, line in doc.iter_lines() if (page.number, i) >= (1, opened[0])]
    return [(page, i, line) for page, i, line in lines if (page.number, i) not in skip]


def _title(cand: Candidate, lines: Lines, end: int) -> str:
    """An item's title with the lines it wraps onto (set at its title's
    column), up to a label line; a label run on into the title (Legistar sets
    no gap before "Recommendation:") is cut off."""
    parts, above = [cand.title], cand.line
    for _, _, line in lines[cand.index + 1:min(end, cand.index + MAX_TITLE_LINES)]:
        if (_NEXT_LABEL.match(line.text) or _vocab()["label"].match(fold(line.text).strip())
                or line.bbox is None or cand.title_x is None or not _gap_ok(above, line)
                or abs(line.bbox.x0 - cand.title_x) > INDENT_TOLERANCE):
            break
        parts.append(line.text)
        above = line
    return _vocab()["in_title"].sub("", clean(" ".join(parts)) or "").strip(" :.,-–—")


def agenda_recommendations(doc: Document) -> list[dict]:
    """The recommendations of an agenda's items, in order; none for minutes."""
    lines = _agenda_lines(doc)
    cands = [c for c in (candidate(k, page, line) for k, (page, _, line) in enumerate(lines)) if c]
    rows = []
    for n, cand in enumerate(cands):
        end = cands[n + 1].index if n + 1 < len(cands) else len(lines)
        if _vocab()["resolution"].match(cand.title):
            paragraph = _resolution_paragraph(cand, lines, end)
            title = _SENTENCE_END.split(paragraph, maxsplit=1)[0]
            rows.append({"item_number": cand.number, "title": title, "recommendation": paragraph,
                         "decision": None, "page": cand.page.number})
            continue
        found = _labelled_paragraph(lines, cand.index + 1, end)
        if found:
            rows.append({"item_number": cand.number, "title": _title(cand, lines, end), "recommendation": found[0],
                         "decision": None, "page": cand.page.number})
    return rows
