"""Cover sheets copied from a web page or a transcription site, whose labels
and values ran apart.

A cover sheet is a two-column table ("Title of Report | Finance report").
Copied as text from a web page (document-sharing sites' transcriptions of NHS
trust board papers), a run of its label cells can come out as a block of
lines, then their values as a block in the same order:

    Title of Report:
    Status:
    Author:
    Finance report
    Discussion
    Jane Roe, Director of Finance

This module puts each value back beside its label ("Title of Report:
Finance report") so the cover-sheet reader reads the sheet as printed. A
section heading numbered in its own cell comes out the same way ("2." /
"Summary of Key Issues for Discussion"): it becomes the heading it was. A
transcription site heads its page with the paper's first words run together
and cut short ("Date of Board meeting: 12 May 2010 Title of report: Estates");
that line, whose words the lines below print again, goes. Nothing changes
unless such a block, heading or title line is there.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.vocab import load_vocab
from pipeline.fuzzy import Labels
from pipeline.model import Document, Line, Page

# A block of labels: at least this many label lines in a row.
MIN_LABEL_BLOCK = 3
# A label line is short: the label and its colon.
MAX_LABEL_WORDS = 6
_COLON = re.compile(r"\s*[:：]\s*$")
# A section number alone on its line ("2."), and a bracket closing a heading ("(Note, Approve etc.)").
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?$")
_CLOSING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
# A site's title line: this many words at least, printed again within this many lines below it.
MIN_TITLE_WORDS = 4
TITLE_REPEATED_WITHIN = 12


@lru_cache(maxsize=1)
def _labels() -> Labels:
    return Labels(load_vocab("cover_sheet")["fields"])


def _label(line: Line) -> str | None:
    """The field a line names when the line is a bare label ("Status:", "Appendices")."""
    text = line.text.strip()
    if line.cells is not None or not text or len(text.split()) > MAX_LABEL_WORDS:
        return None
    return _labels().whole(_COLON.sub("", text))


def _numbered_heading(number: Line, line: Line) -> Line | None:
    """"2." over "Summary of Key Issues for Discussion": the heading, set as one, when it names a field."""
    if not _SECTION_NUMBER.match(number.text.strip()) or line.cells is not None:
        return None
    text = _CLOSING_BRACKET.sub("", line.text).strip()
    if not text or len(text.split()) > MAX_LABEL_WORDS or (_labels().whole(text) or _labels().prefix(text)) is None:
        return None
    return replace(line, text=text, heading=line.heading or 2)


def _relabelled_page(page: Page) -> tuple[Page, bool]:
    lines = page.lines
    out: list[Line] = []
    changed = False
    k = 0
    while k < len(lines):
        heading = _numbered_heading(lines[k], lines[k + 1]) if k + 1 < len(lines) else None
        if heading is not None:
            out.append(heading)
            changed = True
            k += 2
            continue
        run = k
        while run < len(lines) and _label(lines[run]) is not None:
            run += 1
        n = run - k
        values = lines[run:run + n]
        if n >= MIN_LABEL_BLOCK and len(values) == n and all(_label(v) is None for v in values):
            for label, value in zip(lines[k:run], values):
                text = f"{_COLON.sub('', label.text.strip())}: {value.text.strip()}"
                out.append(replace(label, text=text, words=[*label.words, *value.words]))
            changed = True
            k = run + n
            continue
        out.extend(lines[k:max(run, k + 1)])
        k = max(run, k + 1)
    return (replace(page, lines=out, tables=list(page.tables)) if changed else page), changed


def _site_title(page: Page) -> bool:
    """Whether the page opens with a site's title: its first line's words printed again just below."""
    if page.number != 1 or not page.lines:
        return False
    title = page.lines[0].text.split()
    below = " ".join(line.text for line in page.lines[1:TITLE_REPEATED_WITHIN]).split()
    return len(title) >= MIN_TITLE_WORDS and any(
        below[k:k + len(title)] == title for k in range(len(below) - len(title) + 1))


def relabelled(doc: Document) -> Document | None:
    """The paper with its label blocks put back beside their values and a site's
    title line gone, or None when it has neither."""
    pages = []
    for page in doc.pages:
        titled = _site_title(page)
        page, changed = _relabelled_page(replace(page, lines=page.lines[1:]) if titled else page)
        pages.append((page, changed or titled))
    if not any(changed for _, changed in pages):
        return None
    return replace(doc, pages=[page for page, _ in pages], analysis=None)  # its lines moved: analysed again

