"""Show what the pipeline found on a page of one paper, and draw it over the page image.

For a maintainer asking why a layout fails: the segments the page belongs to,
the tables found on it, and the rows each extractor took from it, each with
the lines it came from; on a PDF, drawn over pdfplumber's page image.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from pipeline.extractor import load_extractors
from pipeline.find import find_segments
from pipeline.load import load
from pipeline.model import BBox, Document, Line, Page, Segment, Table

# Row fields that tell where a row is printed, best first; the row is placed on the line that holds one.
LOCATING_FIELDS = ("title", "action", "row_label", "ref", "item_number", "body", "recommendation",
                   "decision", "meeting_date")
LOCATE_SIMILARITY = 90  # rapidfuzz partial_ratio of a field's value and a line
SEGMENT_COLOURS = {"agenda": "#1f77b4", "cover_sheet": "#ff7f0e", "report": "#7f7f7f",
                   "action_log": "#2ca02c", "financial_table": "#9467bd", "minutes": "#8c564b"}
TABLE_COLOUR, ROW_COLOUR = "#d62728", "#17becf"


@dataclass
class SegmentOnPage:
    segment: Segment
    first_line: int  # 0-based lines of this page the segment covers
    last_line: int
    bbox: BBox | None


@dataclass
class FoundRow:
    extractor: str
    table: str
    row: dict[str, Any]
    line: int | None = None  # 0-based line of the page the row was placed on
    bbox: BBox | None = None


@dataclass
class PageReport:
    document: Document
    page: Page
    segments: list[SegmentOnPage] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    rows: list[FoundRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def union(boxes: list[BBox | None]) -> BBox | None:
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    return BBox(min(b.x0 for b in boxes), min(b.top for b in boxes),
                max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def segments_on(doc: Document, page: Page) -> list[SegmentOnPage]:
    found = []
    for segment in doc.segments:
        lines = [i for p, i, _ in doc.lines_in(segment) if p.number == page.number]
        if lines:
            found.append(SegmentOnPage(segment, lines[0], lines[-1],
                                       union([page.lines[i].bbox for i in lines])))
    return found


def locate(row: dict[str, Any], lines: list[Line]) -> int | None:
    """The line of the page that prints the row's most telling field, if any."""
    for name in LOCATING_FIELDS:
        value = row.get(name)
        if value is None or len(str(value)) < 2:
            continue
        text = str(value)[:60]
        scores = [fuzz.partial_ratio(text, line.text) if len(line.text) >= len(text) else fuzz.ratio(text, line.text)
                  for line in lines]
        best = max(range(len(lines)), key=scores.__getitem__, default=None)
        if best is not None and scores[best] >= LOCATE_SIMILARITY:
            return best
    return None


def extract_all(doc: Document, names: list[str] | None = None) -> tuple[list[FoundRow], list[str]]:
    """Every row of every extractor (or of those named), with the extractor that took it."""
    rows, errors = [], []
    for registered in load_extractors(names):
        try:
            produced = registered.extractor.extract(doc) or {}
        except Exception as exc:  # show the failure beside what the others found
            errors.append(f"extractor {registered.name}: {type(exc).__name__}: {exc}")
            continue
        rows.extend(FoundRow(registered.name, table, row) for table, table_rows in produced.items()
                    for row in table_rows)
    return rows, errors


def inspect_paper(path: Path, pages: list[int] | None = None, extractors: list[str] | None = None) -> list[PageReport]:
    """Load, segment and extract one paper; a report per page asked for (default: every page)."""
    doc = load(path, path.name)
    doc.segments = find_segments(doc)
    rows, errors = extract_all(doc, extractors)
    wanted = pages or [p.number for p in doc.pages]
    missing = [n for n in wanted if not 1 <= n <= doc.n_pages]
    if missing:
        raise ValueError(f"{path.name} has {doc.n_pages} pages; no page {missing[0]}")
    reports = []
    for number in wanted:
        page = doc.pages[number - 1]
        report = PageReport(doc, page, segments_on(doc, page), list(page.tables), errors=errors)
        for found in rows:
            if found.row.get("page") != number or found.table == "tables":  # cells: shown as their tables
                continue
            line = locate(found.row, page.lines)
            report.rows.append(FoundRow(found.extractor, found.table, found.row, line,
                                        page.lines[line].bbox if line is not None else None))
        reports.append(report)
    return reports


def describe(report: PageReport) -> list[str]:
    """The report as plain text lines."""
    doc, page = report.document, report.page
    out = [f"{doc.source_path} ({doc.format}, {doc.n_pages} pages): page {page.number}, {len(page.lines)} lines"]
    out += [f"  problem: {p}" for p in page.problems]
    out += [f"  error: {e}" for e in report.errors]
    out.append("segments:")
    for s in report.segments:
        out.append(f"  {s.segment.kind:16} lines {s.first_line}-{s.last_line}  cue {s.segment.cue[:60]!r}")
    out.append("tables:")
    for i, t in enumerate(report.tables, start=1):
        where = f" at {_box(t.bbox)}" if t.bbox else ""
        out.append(f"  p{page.number}t{i} {t.method} {t.n_rows}x{t.n_cols}{where}")
        out += [f"    | {' | '.join(c or '' for c in r)[:100]}" for r in t.rows[:3]]
    out.append("rows:")
    for found in report.rows:
        fields = {k: v for k, v in found.row.items()
                  if v is not None and k not in ("document_id", "page") and not k.startswith("_")}
        shown = ", ".join(f"{k}={str(v)[:40]!r}" if isinstance(v, str) else f"{k}={v}" for k, v in fields.items())
        where = f"line {found.line}" if found.line is not None else "line ?"
        out.append(f"  {found.extractor} -> {found.table} ({where}): {shown}")
    return out


def _box(b: BBox) -> str:
    return f"({b.x0:.0f}, {b.top:.0f}, {b.x1:.0f}, {b.bottom:.0f})"


def draw(report: PageReport, png: Path, resolution: int = 100) -> Path:
    """The page image with segments, tables and rows drawn over it, and a legend (PDF papers only)."""
    import pdfplumber

    doc = report.document
    if doc.format != "pdf" or doc.path is None:
        raise ValueError(f"{doc.source_path} is a text paper: page images need a PDF")
    with pdfplumber.open(doc.path) as pdf:
        page = pdf.pages[report.page.number - 1]
        image = page.to_image(resolution=resolution)
        # the page model measures from the media box's corner; pdfplumber from the PDF's origin
        shift = (float(page.mediabox[0]), float(page.mediabox[1]))
        labels: list[tuple[BBox, str, str]] = []
        legend: dict[str, str] = {}
        for s in report.segments:
            if s.bbox:
                colour = SEGMENT_COLOURS.get(s.segment.kind, "#000000")
                image.draw_rect(_rect(s.bbox, 4, shift), fill=_tint(colour, 30), stroke=colour, stroke_width=2)
                labels.append((s.bbox, s.segment.kind, colour))
                legend[f"segment: {s.segment.kind}"] = colour
        for i, t in enumerate(report.tables, start=1):
            if t.bbox:
                image.draw_rect(_rect(t.bbox, 2, shift), fill=(0, 0, 0, 0), stroke=TABLE_COLOUR, stroke_width=2)
                labels.append((t.bbox, f"p{report.page.number}t{i} {t.method}", TABLE_COLOUR))
                legend["table (tables)"] = TABLE_COLOUR
        for found in report.rows:
            if found.bbox:
                image.draw_rect(_rect(found.bbox, 1, shift), fill=(0, 0, 0, 0), stroke=ROW_COLOUR, stroke_width=1)
                legend["row an extractor took"] = ROW_COLOUR
        for bbox, text, colour in labels:
            x = (bbox.x0 + shift[0] - image.bbox[0]) * image.scale
            y = max((bbox.top + shift[1] - image.bbox[1]) * image.scale - 12, 0)
            image.draw.text((x, y), text, fill=colour)
        _draw_legend(image, legend)
        image.save(str(png), format="PNG")
    return png


LEGEND_LINE = 12  # pixels a line of the legend takes


def _draw_legend(image, legend: dict[str, str]) -> None:
    """What each colour stands for, in a white box at the top right of the image."""
    if not legend:
        return
    width = max(len(text) for text in legend) * 6 + 24
    x0 = image.annotated.size[0] - width - 4
    image.draw.rectangle((x0, 4, x0 + width, 8 + LEGEND_LINE * len(legend)), fill=(255, 255, 255, 255),
                         outline=(0, 0, 0, 255))
    for n, (text, colour) in enumerate(legend.items()):
        y = 6 + n * LEGEND_LINE
        image.draw.rectangle((x0 + 4, y + 2, x0 + 12, y + 10), fill=colour)
        image.draw.text((x0 + 16, y), text, fill=(0, 0, 0, 255))


def _rect(b: BBox, margin: float, shift: tuple[float, float]) -> tuple[float, float, float, float]:
    dx, dy = shift
    return b.x0 + dx - margin, b.top + dy - margin, b.x1 + dx + margin, b.bottom + dy + margin


def _tint(colour: str, alpha: int) -> tuple[int, int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), alpha
