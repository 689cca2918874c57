"""Find the segments of a pack: where its agenda, cover sheets, action logs,
financial tables and minutes are. Cues are data (``vocab/segments.toml``)."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.model import Document, Line, Position, Segment
from pipeline.textutil import fold
from pipeline.vocab import load_vocab

# A cue is a heading-like line: short, and not a sentence inside prose.
MAX_CUE_LENGTH = 90
# A sentence ends with a word and a full stop (not "... AT 3.00 P.M.", a title's time).
_SENTENCE_END = re.compile(r"[^\W\d_]{2,}\.\s*$")
# A rule typed after a heading ("Föredragningslista ________ 16/2022", as Nordic municipal
# systems print their agendas' title line) is no text: it does not make the heading long.
_TYPED_RULE = re.compile(r"[_=]{4,}")


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, list[re.Pattern]]:
    data = load_vocab("segments")
    return {kind: [re.compile(p) for p in spec["patterns"]] for kind, spec in data.items()}


def cue_kind(line: Line, title: bool = False) -> str | None:
    """The segment kind a line opens, or None. ``title``: the line may be the paper's title
    (no cue stands above it on its first page)."""
    # a table row cues only by its first filled cell, never by a title in its body
    text = line.text if line.cells is None else next((c for c in line.cells if c), "")
    text = _TYPED_RULE.sub(" ", text)
    if text.lstrip()[:1].islower():
        return None  # "minutes. For land-use items, ...": a sentence carried on from the line above
    # a heading may be longer: "Minutes of a meeting of the Cabinet held on ..." set in bold, or
    # the paper's title in a text rendering, where nothing is bold; a title is no sentence
    long_title = title and not _SENTENCE_END.search(text)
    if len(text) > MAX_CUE_LENGTH * (2 if line.heading or line.bold or long_title else 1):
        return None
    return kind_named(text)


def kind_named(text: str, kinds: tuple[str, ...] | None = None) -> str | None:
    """The first of ``kinds`` (default: every kind) whose cue patterns the text
    matches, whether or not it stands as a heading."""
    folded = fold(text).strip(" .*:#")
    patterns = cue_patterns()
    return next((k for k in kinds or tuple(patterns) if any(p.match(folded) for p in patterns[k])), None)


def find_segments(doc: Document) -> list[Segment]:
    """Split the document at cue lines; text before the first cue is a report."""
    segments: list[Segment] = []
    for page, i, line in doc.iter_lines():
        kind = cue_kind(line, title=not segments and page.number == 1)
        if kind is None or (segments and segments[-1].kind == kind):
            continue
        here = Position(page.number, i)
        if segments:
            segments[-1].end = here
        elif (page.number, i) > (1, 0):
            segments.append(Segment("report", Position(1, 0), here))
        segments.append(Segment(kind, here, cue=line.text))
    if not segments and doc.pages:
        segments.append(Segment("report", Position(1, 0)))
    return segments


def starts_heading(text: str) -> bool:
    """Whether a cue line is a heading: "Agenda", "MINUTES of ...", not a
    sentence that runs on from the line above ("agenda (capital as well as ...")."""
    first = next((c for c in text if c.isalpha()), "")
    return not first.islower()


def headed(segment: Segment) -> bool:
    """Whether a segment opens at a heading."""
    return starts_heading(segment.cue)


def segments_of(doc: Document, kind: str) -> list[Segment]:
    """The segments of ``kind`` that open at a heading."""
    return [s for s in doc.segments_of(kind) if headed(s)]
