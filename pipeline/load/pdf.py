"""PDF papers: pdfplumber pages into the page model (words, lines, tables)."""
from __future__ import annotations

import io
import statistics

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from pipeline.find_tables import find_tables
from pipeline.load import LoadError
from pipeline.model import BBox, Line, Page, Word
from pipeline.textutil import clean

# Words closer than this many line heights stay on one line.
LINE_TOLERANCE = 0.5
# A horizontal gap wider than this many font sizes splits a line into cells,
# the way a text rendering separates table columns with tabs.
CELL_GAP = 1.5


def _words(page) -> list[Word]:
    raw = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    return [Word(text=w["text"], bbox=BBox(w["x0"], w["top"], w["x1"], w["bottom"]),
                 fontname=w.get("fontname"), size=w.get("size")) for w in raw]


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines in reading order (top to bottom, left to right)."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bbox.top, w.bbox.x0)):
        if rows:
            last = rows[-1]
            height = max(last[0].bbox.bottom - last[0].bbox.top, 1.0)
            if abs(word.bbox.top - last[0].bbox.top) <= LINE_TOLERANCE * height:
                last.append(word)
                continue
        rows.append([word])
    return [_make_line(sorted(row, key=lambda w: w.bbox.x0)) for row in rows]


def _make_line(words: list[Word]) -> Line:
    size = statistics.median(w.size or (w.bbox.bottom - w.bbox.top) for w in words)
    chunks: list[list[Word]] = [[words[0]]]
    for prev, word in zip(words, words[1:]):
        if word.bbox.x0 - prev.bbox.x1 > CELL_GAP * size:
            chunks.append([word])
        else:
            chunks[-1].append(word)
    cells = [" ".join(w.text for w in chunk) for chunk in chunks] if len(chunks) > 1 else None
    bbox = BBox(min(w.bbox.x0 for w in words), min(w.bbox.top for w in words),
                max(w.bbox.x1 for w in words), max(w.bbox.bottom for w in words))
    return Line(text=clean(" ".join(w.text for w in words)) or "", words=words, bbox=bbox,
                bold=all(w.bold for w in words), cells=cells)


def read_page(page, number: int) -> Page:
    words = _words(page)
    result = Page(number=number, lines=group_lines(words), width=float(page.width),
                  height=float(page.height))
    if not words and page.images:
        result.problems.append("no text layer (image-only page)")
    result.tables = find_tables(page, number)
    return result


def read_pdf(data: bytes) -> list[Page]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LoadError(f"encrypted PDF: cannot be read without a password ({type(exc).__name__})") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise LoadError(f"not a readable PDF: {exc or type(exc).__name__}") from exc
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise LoadError(f"not a readable PDF: {type(exc).__name__}: {exc}") from exc
    pages = []
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(read_page(page, number))
            page.close()  # drop pdfplumber's per-page caches: bounded memory on long packs
    return pages
