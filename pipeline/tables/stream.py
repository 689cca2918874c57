"""Tables set with whitespace only (no ruling lines): the "stream" finder.

Rows come from text lines (words sharing a baseline band). A line looks like a
table row when it breaks into several chunks at wide gaps, or when it is mostly
numbers. A run of such lines, close together, is a table region. Its columns are
the vertical "rivers" of whitespace that no word of the region's rows crosses
(a few long labels may cross one); every phrase is then placed in the column it
overlaps most.
"""
from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from itertools import pairwise, takewhile
from operator import attrgetter, itemgetter

import numpy as np

from pipeline.model import BBox, Table
from pipeline.textutil import clean
from pipeline.units import CURRENCY, is_unit_mark

# Gaps and distances are in font sizes (em) of the line.
PHRASE_GAP = 0.45  # words closer than this are one phrase (an ordinary space is ~0.25 em)
CHUNK_GAP = 1.0  # a gap this wide separates two cells in a single line
RIVER_MIN = 0.2  # narrowest whitespace column that separates table columns
ROW_GAP = 3.0  # tabular lines further apart than this (font sizes) do not share a table
LONG_CHUNK_WORDS = 5  # a chunk of this many words is running text
TEXT_ROW_SHORT_CELLS = 2  # ... unless a line holds this many short chunks beside them (a text table's row)
TEXT_ROW_CELLS = 3  # a line under a cell of words in a row of this many cells may be its sentence, wrapped
NARROW_PROSE_WORDS = 6  # ... and so is a chunk of this many words without a figure in a page column
BODY_SIZE_SLACK = 1.05  # ... set no larger than this share of the page's usual size
MAX_WORDS_PER_CELL = 4.0  # tables hold short cells; more on average is prose in columns
FIGURE_WORDS = 2  # ... but long labels may stand beside figures of this many words (the median)
MIN_ROWS = 3  # two lines with gaps in the same places are as often justified prose or a form
SIZE_CHANGE = 0.15  # a line whose size differs this much from the table's usual size leaves it
MAX_SHORT_LINES = 4  # non-tabular lines in a row that a table may hold (section and wrapped labels)
SHORT_LINE = 0.4  # ... each no wider than this share of the table
MAX_LABEL_LINES = 8  # ... or this many lines of labels wrapped in a narrow first column, under labelled rows
BODY_FIGURES = 0.6  # share of figures after the label that marks the first row of the body
INDENT = 0.5  # font sizes: a row's label set this far right of a label above is indented under it
CAPTION_WORDS = 4  # a phrase this long running across columns above the body is a caption
ALIGNED = 0.5  # a heading within this many font sizes of its column's edge or centre lines up with it
SAME_EDGE = 0.2  # ... within this many, headings of neighbouring columns line up on the same edge
NOTE_LINES = 6  # lines of a note or section labels that may stand between a header and its body
MAX_HEADINGS_ABOVE = 2  # lines above a table's first row that may head groups of its columns
HEADING_GAP = 1.0  # ... each at most this far (font sizes) above the next
HEADER_LEADING = 0.7  # header lines closer than this (font sizes) stack into one heading
HEADER_OVERLAP = 0.3  # a heading reaching this far (font sizes) down into a later header line shares its row
BROKEN_TAIL = 3  # longest end of a word that a narrow heading cell breaks onto a line of its own
WRAP_PITCH = 0.8  # lines closer than this share of the usual row pitch are one wrapped row
GUTTER_MIN = 6.0  # points: narrowest gap between two columns of page text
GUTTER_CROSSING = 0.06  # share of the page's text height that may cross a gutter (headings)
GUTTER_PROSE_LINES = 3  # lines of running text each side needs to be a column of the page
MIDDLE_SLACK = 0.1  # a gutter this share of the text's width off its middle may part columns of one width
LEVEL_SLACK = 1.0  # points: lines this close in their bottoms are level (rows of one table)
FULL_LINE = 4.0  # a line of a text column ends (or starts) this many font sizes from its gutter at most
MARK_CHARS = 2  # longest raised mark after a word
MARK_SIZE = 0.85  # ... set at most this share of the word's size
MARK_GAP = 0.3  # ... at most this far (font sizes) after it
SIGN_GAP = 3.0  # a currency sign stands at most this far (font sizes) before its figure
MONO_PITCH = 0.02  # words whose characters are this share within one advance are set in a monospaced font
MONO_ADVANCE = 0.55  # ... an advance of this many font sizes at least
MONO_GRID = 0.05  # ... whose words a space apart stand one advance apart, within this share of it
MONO_SPACE = 1.5  # ... where words this many advances apart (one space and a little) are one phrase
STACK_GAP = 2.0  # a space between lines this many times the region's usual one may part stacked tables
STACK_EDGE = 2.0  # ... whose bodies' edges differ by more than this many font sizes
FRAME_RULES = 3  # rules of one extent that frame a table set booktabs style
FRAME_SLACK = 2.0  # points: rules this close in their ends have one extent
STRAY_ROWS = 6  # a table of this many rows or more ...
STRAY_SHARE = 0.25  # ... holds marks of a margin note left of its labels on fewer than this share of them
STRAY_CHARS = 2  # ... each this many characters at most

# a figure, with its spread ("86.5±1.3", as scientific tables give a mean and its deviation)
_NUMBER = re.compile(r"^[(\[]?[-–—+±$£€*<>≤≥~]*\.?\d[\d,.:/–-]*(±\d[\d,.]*)?[%*)\]a-z]{0,3}$", re.I)
# years and ranges open at one end ("2003–04", "$15,000–") head columns rather than fill them
_YEAR = re.compile(r"^(19|20)\d\d([–/-]\d{2,4})?$")
_OPEN_RANGE = re.compile(r"^.*\d.*[–-]$")
# numbering and bullets that open list items: "2.", "2.1", "(a)", "iv.", "•"
_LIST_MARKER = re.compile(r"^(\(?\d{1,3}(\.\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivxlc]{1,5}[.)]|[•·▪◦‣●■□➢*–-])$", re.I)
_TYPED_RULE = re.compile(r"[-–—_=.…·]{5,}")
_TYPED_RULE_CHARS = re.compile(r"[-–—_=.…·|„\s]")
# a caption opening a table ("Table 3:", "Figure 2.1", "Tabel 4."): it ends a table above it,
# so tables stacked under their captions stay apart
_CAPTION_WORDS = ("Table", "Tabel", "Tabelle", "Tableau", "Tabla", "Tabell", "Figure", "Fig.", "Exhibit", "Chart")
_CAPTION = re.compile(rf"^({'|'.join(map(re.escape, _CAPTION_WORDS))})\s+[A-Z]?\d+(\.\d+)*[:.]?(\s|$)")
_UNIT_WRAPPING = re.compile(r"^\(?(in\s+)?|\)$", re.I)  # "(in thousands)" says "thousands"
_MARK = re.compile(r"^[*†‡§¶]+$")  # footnote and significance marks after a figure
_THOUSANDS = re.compile(r"^\d{3}([.,]\d+)?$")
# an amount as a financial table prints it, with a thousands or decimal mark ("1,315,610.6", "(35.0)")
_AMOUNT = re.compile(r"^[(\[]?[-–−]?[£$€]?\d{1,3}(,\d{3})*(\.\d+)?\)?$")
_MARKED = re.compile(r"[.,]\d")
_FILLER = re.compile(r"^[-–—.…±]+$|^\(?[xX]\)?$")  # dashes, dots and "(X)" stand in for numbers; "±" joins two


Spans = dict[tuple[int, int], tuple[int, int]]  # (row, col) -> (row_span, col_span), as Table.spans


# Phrases and lines are not changed once text_lines has made them: their derived
# properties are computed once (the finders ask for them many times).
@dataclass
class Phrase:
    words: list[dict]
    x0: float
    x1: float
    top: float
    bottom: float

    @classmethod
    def of(cls, word: dict) -> "Phrase":
        return cls([word], word["x0"], word["x1"], word["top"], word["bottom"])

    @cached_property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @cached_property
    def numeric(self) -> bool:
        # a currency may stand apart from its figure ("$ 12,500.00" in a US resolution, "240.000 kr.")
        return (all(_NUMBER.match(w["text"]) or _FILLER.match(w["text"]) or _MARK.match(w["text"])
                    or CURRENCY.fullmatch(w["text"]) for w in self.words)
                and not all(_MARK.match(w["text"]) or CURRENCY.fullmatch(w["text"]) for w in self.words))

    @property
    def figure(self) -> bool:
        """A value of the table body (a number that is not a year or a heading range)."""
        return self.numeric and not (_YEAR.match(self.text) or _OPEN_RANGE.match(self.text))


@dataclass
class TextLine:
    phrases: list[Phrase]
    size: float
    chunks: list[list[Phrase]] = field(default_factory=list)
    pitch: float = 0.0  # the advance of a character, when the line is set in a monospaced font

    @cached_property
    def top(self) -> float:
        return min(p.top for p in self.phrases)

    @cached_property
    def bottom(self) -> float:
        return max(p.bottom for p in self.phrases)

    @property
    def x0(self) -> float:
        return self.phrases[0].x0

    @property
    def x1(self) -> float:
        return self.phrases[-1].x1

    @cached_property
    def rule(self) -> bool:
        """A line drawn with characters (dashes, dots, underscores): its size means nothing."""
        text = "".join(p.text for p in self.phrases)
        return bool(_TYPED_RULE.search(text)) and len(_TYPED_RULE_CHARS.sub("", text)) <= 3

    @cached_property
    def tabular(self) -> bool:
        """Does the line look like a row of a table (rather than running text)? A run of figures
        alone is no running text: a text rendering sets figure columns a few spaces apart, closer
        than a chunk's gap ("-34,545.8   -10,640.0   -45,185.8 ...")."""
        long_chunks = sum(sum(len(p.words) for p in c) >= LONG_CHUNK_WORDS and not all(p.numeric for p in c)
                          for c in self.chunks)
        # two wordy cells among short ones are a text table's row (a risk register: a risk, two
        # ratings, a mitigation; a tracker: an action and its update between a ref, a lead, a due
        # date and a status); prose in columns has no short cells
        if long_chunks >= 2 and len(self.chunks) - long_chunks < TEXT_ROW_SHORT_CELLS:
            return False
        if len(self.chunks) >= 2:
            return True
        numbers = sum(p.numeric for p in self.phrases)
        return numbers >= 2 and numbers * 2 >= len(self.phrases)


def _size(word: dict) -> float:
    return float(word.get("size") or (word["bottom"] - word["top"]) or 1.0)


_TOP_X0, _X0, _LINE_TOP = itemgetter("top", "x0"), itemgetter("x0"), attrgetter("top")


def _raised_marks(words: list[dict]) -> tuple[list[dict], list[tuple[dict, dict]]]:
    """The words but marks raised after a word ("84.2" and a smaller "†" set high: a footnote
    or significance mark), and each mark with the word it follows. Set high and small, a mark
    in a tightly set table reaches into the row above."""
    by_end = sorted(words, key=itemgetter("x1"))
    ends = [w["x1"] for w in by_end]
    marks = []
    for mark in words:
        if len(mark["text"]) > MARK_CHARS:
            continue
        size = _size(mark)
        lo, hi = bisect_left(ends, mark["x0"] - MARK_GAP * size), bisect_right(ends, mark["x0"] + 1)
        base = next((w for w in by_end[lo:hi] if w is not mark and size <= MARK_SIZE * _size(w)
                     and w["top"] < mark["bottom"] < w["bottom"] - 0.15 * _size(w)), None)
        if base is not None:
            marks.append((mark, base))
    if not marks:
        return words, []
    raised = {id(mark) for mark, _ in marks}
    return [w for w in words if id(w) not in raised], marks


def text_lines(words: list[dict]) -> list[TextLine]:
    """Words into lines, top to bottom; a word joins a line it overlaps vertically by half, a
    raised mark the line of the word it follows."""
    words, marks = _raised_marks(words)
    bands: list[list[dict]] = []
    extents: list[list[float]] = []  # [top, bottom] of each band's words
    for word in sorted(words, key=_TOP_X0):
        word_top, word_bottom = word["top"], word["bottom"]
        height = word_bottom - word_top
        # the last three bands, latest first (conditional expressions: cheaper than min/max calls)
        count = len(bands)
        for index in range(count - 1, count - 4 if count > 3 else -1, -1):
            extent = extents[index]
            top, bottom = extent
            overlap = (bottom if bottom < word_bottom else word_bottom) - (word_top if word_top > top else top)  # noqa: FURB136
            if overlap >= 0.5 * (height if height < bottom - top else bottom - top):  # noqa: FURB136
                bands[index].append(word)
                if word_top < top:
                    extent[0] = word_top
                if word_bottom > bottom:
                    extent[1] = word_bottom
                break
        else:
            bands.append([word])
            extents.append([word_top, word_bottom])
    if marks:
        band_of = {id(w): band for band in bands for w in band}
        for mark, base in marks:
            band_of[id(base)].append(mark)
    lines = []
    for band in bands:
        band.sort(key=_X0)
        size = statistics.median([_size(w) for w in band])
        pitch = _monospaced(band)
        joined = MONO_SPACE * pitch if pitch else PHRASE_GAP * size
        phrases = [Phrase.of(band[0])]
        for word in band[1:]:
            last = phrases[-1]
            gap = word["x0"] - last.x1
            # two figures a space apart are two cells, unless the second is a group of
            # thousands ("100 000"); so are a figure and a capitalised word a wide space apart
            # (a layout-text rendering sets a figure one space, 0.29 em, before the label of
            # the column after it: "1,315,610.6 Revised Base")
            # ... and a currency sign set at the left of a figure's cell ("$    12,500.00") is part of it
            if gap < joined and not (
                    gap > 0.2 * size and _NUMBER.match(last.words[-1]["text"])
                    and (_NUMBER.match(word["text"]) and not _THOUSANDS.match(word["text"])
                         or word["text"][:1].isupper() and (gap > 0.3 * size or _amount(last.words[-1]["text"])))) \
                    or (len(last.words) == 1 and CURRENCY.fullmatch(last.words[0]["text"]) and gap < SIGN_GAP * size
                        and _NUMBER.match(word["text"])):
                last.words.append(word)
                if word["x1"] > last.x1:  # noqa: PLR1730 (as above: no max call)
                    last.x1 = word["x1"]
                if word["top"] < last.top:  # noqa: PLR1730
                    last.top = word["top"]
                if word["bottom"] > last.bottom:  # noqa: PLR1730
                    last.bottom = word["bottom"]
            else:
                phrases.append(Phrase.of(word))
        lines.append(_line(phrases, size, pitch))
    lines.sort(key=_LINE_TOP)
    return lines


def _line(phrases: list[Phrase], size: float, pitch: float = 0.0) -> TextLine:
    """A line of ``phrases``, cut into chunks at wide gaps."""
    line = TextLine(phrases, size, pitch=pitch)
    line.chunks = [[phrases[0]]]
    for prev, phrase in zip(phrases, phrases[1:]):
        if phrase.x0 - prev.x1 >= CHUNK_GAP * size:
            line.chunks.append([phrase])
        else:
            line.chunks[-1].append(phrase)
    return line


def _monospaced(band: list[dict]) -> float:
    """The advance of a line's characters when it is set in a monospaced font (Courier: a
    typewritten or plain-text report, a listing), else 0. Its space is an advance wide, 0.6 em,
    wider than ``PHRASE_GAP``: the words of a heading ("Year to date") would each be a phrase,
    and stand in the columns under them. Monospaced: two different words or more of three
    characters or more with a letter, each as wide per character as the others, and wide, as
    monospaced fonts are (Courier 0.6 em; a proportional font's words run 0.4 to 0.5 em a
    character, and one word twice is as wide twice), with the words a space apart exactly an
    advance apart (a proportional line's two words may be as wide per character by chance)."""
    pitches = list({w["text"]: (w["x1"] - w["x0"]) / len(w["text"]) for w in band
                    if len(w["text"]) >= 3 and any(ch.isalpha() for ch in w["text"])}.values())
    if len(pitches) < 2:
        return 0.0
    middle = statistics.median(pitches)
    if middle < MONO_ADVANCE * _size(band[0]) or any(abs(p - middle) > MONO_PITCH * middle for p in pitches):
        return 0.0
    # words a space apart stand exactly an advance apart, on the font's grid
    spaces = [b["x0"] - a["x1"] for a, b in pairwise(band) if b["x0"] - a["x1"] < MONO_SPACE * middle]
    return middle if spaces and all(abs(gap - middle) <= MONO_GRID * middle for gap in spaces) else 0.0


def _amount(text: str) -> bool:
    """A figure with a thousands or decimal mark ("1,315,610.6"), not a count or a year."""
    return bool(_AMOUNT.match(text)) and bool(_MARKED.search(text))


def _regions(lines: list[TextLine]) -> list[list[TextLine]]:
    """Runs of tabular lines, close together; a few short lines between them (section labels,
    wrapped labels, the half of a header row set lower, a line of units under a line of years:
    "$ thousands" under "2013  2012" in a US comptroller's statistical tables) stay in."""
    regions: list[list[TextLine]] = []
    run: list[TextLine] = []
    pending: list[TextLine] = []  # non-tabular lines that join only if a tabular one follows
    for line in lines:
        if _CAPTION.match(line.phrases[0].text):
            if run:
                regions.append(_with_label_end(run, pending))
            run, pending = [], []
            continue
        last = (pending or run)[-1] if (pending or run) else None
        gap = line.top - last.bottom if last else 0.0
        size = max(line.size, last.size) if last else line.size
        # a heading set larger or smaller than the table's text is not a row of it
        sizes = [l.size for l in run if not l.rule]
        usual = statistics.median(sizes) if sizes else line.size
        near = run and gap <= ROW_GAP * size and (
            line.rule or abs(line.size - usual) <= SIZE_CHANGE * usual)
        if line.tabular:
            if near and _sentences_go_on(pending, run, line):
                run.extend(pending)
                run.append(line)
            else:
                if run:
                    regions.append(_with_label_end(run, pending))
                run = [line]
            pending = []
        # a line reaching up beside the last in a run of headings (headings of different
        # heights centred in their cells) is a header row's other half, however wide
        elif near and len(pending) < MAX_SHORT_LINES and (
                _short(line, run) or _in_label_column(line, run) or _under_words(line, run[-1])
                or gap < 0 and _headings(run + pending + [line]) or _units_only(line)) or (
                near and len(pending) < MAX_LABEL_LINES and _in_label_column(line, run)
                and any(_figures_row(l) and _wordy(l.phrases[0]) for l in run)):
            pending.append(line)
        else:
            if run:
                regions.append(_with_label_end(run, pending))
            run, pending = [], []
    if run:
        regions.append(_with_label_end(run, pending))
    return regions


def _units_only(line: TextLine) -> bool:
    """Does the line say only units ("$ thousands", "(in thousands)", "£000s  £000s")?"""
    return all(is_unit_mark(_UNIT_WRAPPING.sub("", p.text)) for p in line.phrases)


def _sentences_go_on(pending: list[TextLine], run: list[TextLine], line: TextLine) -> bool:
    """Do the lines between a run and its next row that start a sentence in a cell of words (a
    text table's cell whose other cells are set level with its last or middle line: see
    ``_under_words``) go on into that row, in lower case, where they stand? A note under a
    table starts where a cell of its last row starts, and goes on elsewhere."""
    opened = [p for p in pending if _under_words(p, run[-1]) and not p.phrases[0].text[:1].islower()
              and not (_short(p, run) or _in_label_column(p, run))]
    return all(any(abs(chunk[0].x0 - p.x0) <= ALIGNED * line.size and chunk[0].text[:1].islower()
                   for chunk in line.chunks[1:]) for p in opened)


def _with_label_end(run: list[TextLine], pending: list[TextLine]) -> list[TextLine]:
    """A run of a table's lines as it ends, with the lines after its last row that carry that
    row's label on (in lower case, in the label column: see ``_in_label_column``)."""
    end = list(takewhile(lambda line: line.phrases[0].text[:1].islower() and (
        _in_label_column(line, run) or _under_words(line, run[-1])), pending))
    return run + end


def _under_words(line: TextLine, row: TextLine) -> bool:
    """Is a line of one chunk set under a cell of words right of the row's label, starting where
    it starts, in a row of three cells or more (a sentence wrapped in a text table's cell; a
    numbered note's lines, "(1)" and its text, are no row of cells)?"""
    return len(line.chunks) == 1 and len(row.chunks) >= TEXT_ROW_CELLS and any(
        not phrase.numeric and abs(line.x0 - phrase.x0) <= ALIGNED * line.size for chunk in row.chunks[1:]
        for phrase in chunk[:1])


def _short(line: TextLine, run: list[TextLine]) -> bool:
    """A line of one chunk, narrow beside the run (a section label) or within its first
    column, left of every figure (a label wrapped in its cell: a narrow table's labels take
    most of its width)."""
    if len(line.chunks) != 1:
        return False
    x0, x1 = min(l.x0 for l in run), max(l.x1 for l in run)
    values = [l.chunks[1][0].x0 for l in run if l.tabular and len(l.chunks) >= 2
              and any(p.figure for c in l.chunks[1:] for p in c)]
    return (line.x1 - line.x0 <= SHORT_LINE * (x1 - x0)
            or bool(values) and x0 - line.size <= line.x0 and line.x1 < min(values))


def _in_label_column(line: TextLine, run: list[TextLine]) -> bool:
    """Does a line of one chunk end before the cells after the label of every row of a run of
    rows of figures start? A row's label wrapped onto lines as long as the label column is wide
    (a Danish or UK budget's "Patient education (courses, exercise and coordination for people" /
    "with lung disease, diabetes, heart disease and back pain)")."""
    starts = [l.chunks[1][0].x0 for l in run if l.tabular and len(l.chunks) > 1]
    return len(line.chunks) == 1 and bool(starts) and line.x1 < min(starts) and any(map(_figures_row, run))


def _rivers(body: list[TextLine], x0: float, x1: float, size: float, snap: float = 0.0) -> list[tuple[float, float]]:
    """x-intervals inside [x0, x1] that (almost) no phrase of the body lines covers. ``snap``:
    the width of the character cells a text rendering snaps words to, so that a phrase may
    reach half a cell into the next column (a figure column's right edge and the label column
    after it touch: "1,315,610.6 Revised Base" beside "31,721.5  Base Budget Changes")."""
    tolerance = len(body) // 10
    events = []
    for line in body:
        for p in line.phrases:
            events.append((p.x0 + snap / 2, 1))
            events.append((p.x1 - snap / 2, -1))
    events.sort()
    rivers, depth, start = [], 0, x0
    for x, step in events:
        if depth <= tolerance and depth + step > tolerance:  # leaving a river
            if x - start >= RIVER_MIN * size and start > x0:
                rivers.append((start, x))
        elif depth > tolerance and depth + step <= tolerance:  # entering a river
            start = x
        depth += step
    return rivers


def _rows(region: list[TextLine]) -> list[list[TextLine]]:
    """Lines into rows: a line set closer to the one above than the table's usual row pitch
    continues it (a wrapped label or header), unless both hold figures."""
    pitches = [b.top - a.top for a, b in zip(region, region[1:])]
    # the usual pitch of the rows, not counting lone lines set level with the gap between
    # two rows (labels centred over both), which would halve it
    centred = {k for k in range(1, len(region) - 1) if _centred_label(region[k], region[k - 1], region[k + 1])}
    rows_only = [line.top for k, line in enumerate(region) if k not in centred]
    row_pitches = [b - a for a, b in zip(rows_only, rows_only[1:])]
    pitch = statistics.median(row_pitches) if row_pitches else 0.0
    rows = [[region[0]]]
    for gap, line in zip(pitches, region[1:]):
        # two lines of figures are two rows, however tightly set
        if gap < WRAP_PITCH * pitch and not (_figures_row(line) and any(map(_figures_row, rows[-1]))):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _column_of(phrase: Phrase, columns: list[tuple[float, float]]) -> tuple[int, bool]:
    """The column a phrase overlaps most (the nearest when none), and whether it spans several."""
    overlaps = [min(phrase.x1, c1) - max(phrase.x0, c0) for c0, c1 in columns]
    best = overlaps.index(max(overlaps))  # the first of the largest
    if overlaps[best] <= 0:
        centre = (phrase.x0 + phrase.x1) / 2
        best = min(range(len(columns)),
                   key=lambda i: min(abs(centre - columns[i][0]), abs(centre - columns[i][1])))
    return best, sum(o >= 1.0 for o in overlaps) >= 2


@dataclass
class _Block:
    """Header text stacked in one column: one cell however many lines it takes."""
    column: int  # the first column it covers
    spans: bool
    phrases: list[Phrase]
    last_line: int
    width: int = 1  # columns it covers

    def text(self, vocabulary: Callable[[], set[str]]) -> str:
        text = self.phrases[0].text
        widest = max(p.x1 - p.x0 for p in self.phrases)
        for above, phrase in pairwise(self.phrases):
            text += ("" if broken_word(above, phrase, widest, vocabulary) else " ") + phrase.text
        return text


def broken_word(above: Phrase, tail: Phrase, widest: float, vocabulary: Callable[[], set[str]]) -> bool:
    """Is ``tail`` the end of the word ``above``, broken because the word is wider than its
    cell ("Revenu" / "e")? Their texts may be (``may_be_broken``), and the word above filled
    the cell (as wide as ``widest``, its widest line): the tail's first letter would not have
    fitted after it."""
    return (len(tail.words) == 1 and len(above.words) == 1 and may_be_broken(above.text, tail.text, vocabulary)
            and above.x1 - above.x0 + (tail.x1 - tail.x0) / len(tail.text) > widest)


def may_be_broken(line: str, next_line: str, vocabulary: Callable[[], set[str]]) -> bool:
    """Can ``next_line`` be the end of a word that ``line`` begins: a few lower-case letters
    and no word of the page's text (not "of", "in", "à"), under a single word of letters,
    longer than such an end?"""
    return (len(next_line) <= BROKEN_TAIL < len(line) and next_line.isalpha() and next_line.islower()
            and line.isalpha() and line[-1].islower() and next_line not in vocabulary())


def page_vocabulary(lines: list[TextLine]) -> set[str]:
    """The words a page uses among others (in phrases of several words): a stray short
    line is a word of the language when the page also uses it in running text or labels."""
    return {w["text"].strip(".,;:()").lower() for line in lines for p in line.phrases if len(p.words) > 1
            for w in p.words}


def _interleaved(above: Phrase, between: list[TextLine], placed: list[list[tuple[int, bool]]],
                 column: int) -> bool:
    """Do the lines ``between`` a header phrase of a column (``above``) and the next start
    beside it (the lines of headings of another height, set half a line lower) and hold
    nothing in the column?"""
    return all(line.top < above.bottom and all(c != column for c, _ in cells)
               for line, cells in zip(between, placed))


def _wordy(phrase: Phrase) -> bool:
    """Mostly letters (a heading's words, not figures, rules or stray marks: a lone capital
    is as often a misread rule or bar)."""
    text = phrase.text.replace(" ", "")
    return 2 * sum(ch.isalpha() for ch in text) > len(text) and (len(text) > 1 or text.islower())


def _headings(lines: list[TextLine]) -> bool:
    """Lines of headings only: each phrase a few words (no figures, no sentences of notes)."""
    return all(_wordy(p) and len(p.words) <= CAPTION_WORDS for line in lines for p in line.phrases)


def _ruled_group(phrase: Phrase, line: TextLine, columns: list[tuple[float, float]],
                 rules: list[BBox]) -> tuple[int, int] | None:
    """The columns a heading heads when a rule set just under it, under no other heading of
    its ``line``, runs over several columns but not all (booktabs' \\cmidrule under "2024-25"
    over "Budget | Forecast | Variance")."""
    centre = (phrase.x0 + phrase.x1) / 2
    for rule in rules:
        if (phrase.bottom - 1 <= rule.top <= phrase.bottom + 0.8 * line.size and rule.x0 - 1 <= centre <= rule.x1 + 1
                and not any(p is not phrase and rule.x0 <= (p.x0 + p.x1) / 2 <= rule.x1 for p in line.phrases)):
            under = [i for i, (c0, c1) in enumerate(columns) if rule.x0 - 2 <= (c0 + c1) / 2 <= rule.x1 + 2]
            if 2 <= len(under) < len(columns):
                return under[0], under[-1]
    return None


def _header_rows(lines: list[TextLine], columns: list[tuple[float, float]],
                 vocabulary: Callable[[], set[str]], rules: list[BBox] = (),
                 value_columns: frozenset[int] = frozenset(), snap: float = 0.0) -> tuple[list[list[str | None]], Spans]:
    """Header lines into cells: the lines of a column heading stack into one cell, in the row
    of its last line (headings sit on the body; one reaching down into a later line, as
    headings of different heights centred in their cells do, goes in that line's row); a
    heading over several columns (running across them, or over a rule under them: see
    ``_ruled_group``, or centred over a group of value columns: see ``_centred_group``) stays
    in its own row, in the first column it covers, with the number of columns it spans.
    ``value_columns``: the columns of figures in the body; ``snap``: see ``_rivers``."""
    blocks: list[_Block] = []
    lines = [_split_over_columns(line, columns, centred_stays=not snap) for line in lines]
    placed = [[_column_of(phrase, columns) for phrase in line.phrases] for line in lines]
    # lines interleave in a header of words only (above a body whose first rows hold no
    # figures, the "header" is body rows: their lines are not stacked so freely)
    headings = _headings(lines)
    for k, line in enumerate(lines):
        for phrase, (column, spans) in zip(line.phrases, placed[k]):
            ruled = _ruled_group(phrase, line, columns, rules) or _centred_group(
                phrase, line, lines[k + 1:k + 2], columns, value_columns)
            # a heading running over part of its group's columns (a text rendering sets "2027-28"
            # over two of its three) heads the whole group
            covered = _covered_columns(phrase, columns) if spans else None
            group = (ruled if ruled and (not covered or ruled[0] <= covered[0] and covered[1] <= ruled[1])
                     else covered or (column, column))
            if _unit_line(line, value_columns):
                group = (min(value_columns), max(value_columns))
            spans = group[1] > group[0]
            # a heading in the column on the line above, or above lines beside it that hold
            # nothing in the column (headings of different heights, centred in their cells,
            # set lines that interleave)
            above = max((b for b in blocks if b.column == column and b.last_line < k
                         and (b.last_line == k - 1 or headings and _interleaved(
                             b.phrases[-1], lines[b.last_line + 1:k], placed[b.last_line + 1:k], column))
                         and not (spans or b.spans or _YEAR.match(b.phrases[-1].text))
                         and phrase.x0 < max(p.x1 for p in b.phrases)
                         and min(p.x0 for p in b.phrases) < phrase.x1
                         and phrase.top - b.phrases[-1].bottom < HEADER_LEADING * line.size),
                        key=lambda b: b.last_line, default=None)
            if above:
                above.phrases.append(phrase)
                above.last_line = k
            else:
                blocks.append(_Block(group[0] if spans else column, spans, [phrase], k, group[1] - group[0] + 1))
    rows: list[list[list[str]]] = [[[] for _ in columns] for _ in lines]
    widths: dict[tuple[int, int], int] = {}
    tall: set[tuple[int, int]] = set()  # cells of a heading centred over two header rows
    for block in blocks:
        bottom = block.phrases[-1].bottom
        row = max((k for k, line in enumerate(lines[block.last_line + 1:], block.last_line + 1)
                   if headings and line.top < bottom - HEADER_OVERLAP * line.size), default=block.last_line)
        k = block.last_line
        if (len(block.phrases) == 1 and 0 < k < len(lines) - 1 and row == k
                and _centred_label(lines[k], lines[k - 1], lines[k + 1], header=True)):
            row = k - 1
            tall.add((row, block.column))
        rows[row][block.column].append(block.text(vocabulary))
        if block.width > 1:
            widths[row, block.column] = block.width
    kept = [k for k, row in enumerate(rows) if any(row)]
    grid = [[clean(" ".join(c)) for c in rows[k]] for k in kept]
    spans = {(kept.index(k), c): (1, width) for (k, c), width in widths.items()}
    spans.update({(kept.index(k), c): (2, 1) for k, c in tall})
    return grid, valid_spans(grid, spans)


def _unit_line(line: TextLine, value_columns: frozenset[int]) -> bool:
    """A unit alone on a line above the headings ("£m", "£000s" over a UK council's savings
    tables): the unit of every value column, when they stand side by side."""
    return (len(line.phrases) == 1 and is_unit_mark(line.phrases[0].text) and bool(value_columns)
            and max(value_columns) - min(value_columns) + 1 == len(value_columns))


def _split_over_columns(line: TextLine, columns: list[tuple[float, float]], centred_stays: bool) -> TextLine:
    """A header line whose phrases run over several columns, each word lined up with the column
    it stands over, as that many phrases: headings of neighbouring columns set close ("2024-25"
    and "against original" 3 points apart, over two columns; a text rendering sets them a space
    apart: "Core External") are not one heading. On a PDF page (``centred_stays``) the parts must
    line up on the same edge of their columns, closely: a heading centred over its columns
    ("Fused aluminum oxide" over 2009 | 2010) may line up with them loosely by chance, and in a
    monospaced font (``TextLine.pitch``) its words, set on the font's grid of advances, line up
    with them exactly: there, words a space apart are one heading ("Year to date")."""
    if centred_stays and line.pitch:
        return line
    phrases: list[Phrase] = []
    for phrase in line.phrases:
        if len(phrase.words) == 1:  # stands over one column
            phrases.append(phrase)
            continue
        by_column: dict[int, list[dict]] = {}
        for word in phrase.words:
            by_column.setdefault(_column_of(Phrase.of(word), columns)[0], []).append(word)
        parts = [Phrase(words, words[0]["x0"], words[-1]["x1"], min(w["top"] for w in words),
                        max(w["bottom"] for w in words)) for _, words in sorted(by_column.items())]
        placed = list(zip(parts, sorted(by_column)))
        if len(parts) > 1 and all(_lined_up(part, c, columns, line.size) for part, c in placed) and not (
                centred_stays and not _same_edge(placed, columns, line.size)):
            phrases.extend(parts)
        else:
            phrases.append(phrase)
    if not centred_stays:
        headings = {p.text for p in phrases if len(p.words) == 1}
        taken = {_column_of(p, columns)[0] for p in phrases}
        phrases = [part for phrase in phrases for part in _repeated_headings(phrase, columns, headings, taken)]
    return line if len(phrases) == len(line.phrases) else TextLine(phrases, line.size, pitch=line.pitch)


def _repeated_headings(phrase: Phrase, columns: list[tuple[float, float]], headings: set[str],
                       taken: set[int]) -> list[Phrase]:
    """A text rendering's sub-column headings set a space apart under one of several spanning
    headings ("Core External" under "2027-28", as under each year of a UK council's revenue
    plan), each word a heading the line sets apart elsewhere (``headings``: under the other
    years), the words over columns of their own, one after another, that no other phrase of the
    line heads (``taken``): one phrase per word, standing in its column (a word may reach
    further over the column before it than over its own)."""
    words = phrase.words
    first = _column_of(phrase, columns)[0]
    targets = range(first, first + len(words))
    if (len(words) < 2 or not all(w["text"] in headings for w in words) or targets[-1] >= len(columns)
            or any(c in taken for c in targets[1:])
            or not all(min(w["x1"], columns[c][1]) > max(w["x0"], columns[c][0]) for w, c in zip(words, targets))):
        return [phrase]
    return [Phrase([w], max(w["x0"], columns[c][0]), min(w["x1"], columns[c][1]), w["top"], w["bottom"])
            for w, c in zip(words, targets)]


def _same_edge(placed: list[tuple[Phrase, int]], columns: list[tuple[float, float]], size: float) -> bool:
    """Do the parts all end at their columns' right edges, or all start at their left edges?"""
    tolerance = SAME_EDGE * size
    return (all(abs(p.x1 - columns[c][1]) <= tolerance for p, c in placed)
            or all(abs(p.x0 - columns[c][0]) <= tolerance for p, c in placed))


def _lined_up(phrase: Phrase, column: int, columns: list[tuple[float, float]], size: float) -> bool:
    """Does a heading line up with its column (left, right or centred, within half a font size)
    and stay clear of the other columns (it may be wider than its figures)?"""
    tolerance = ALIGNED * size
    c0, c1 = columns[column]
    clear = all(min(phrase.x1, o1) <= max(phrase.x0, o0) for k, (o0, o1) in enumerate(columns) if k != column)
    return clear and min(abs(phrase.x0 - c0), abs(phrase.x1 - c1), abs((phrase.x0 + phrase.x1 - c0 - c1) / 2)) <= tolerance


def _centred_group(phrase: Phrase, line: TextLine, below: list[TextLine], columns: list[tuple[float, float]],
                   value_columns: frozenset[int]) -> tuple[int, int] | None:
    """The value columns a short heading is centred over, when its line heads groups of them
    ("2024-25" over Core, External, Total; "2025-26" over the next three): each value column
    goes to the heading of the line nearest to it, and a heading heads its group when it
    stands over the group's middle (within half a column's pitch). A line of one heading is
    as often the first line of a column's heading stacked over several lines: not a group's,
    unless it heads them all (``_over_all_values``); so is a heading going on in lower case on the line ``below`` ("Schools" / "in original sample")."""
    if len(phrase.words) > CAPTION_WORDS or not value_columns:
        return None
    centre = (phrase.x0 + phrase.x1) / 2
    values = sorted(value_columns)
    over_values = [p for p in line.phrases if _column_of(p, columns)[0] in value_columns]
    if any(p.x0 < h.x1 and h.x0 < p.x1 and p.text[:1].islower() for h in over_values for line_below in below
           for p in line_below.phrases):
        return None
    headings = [(p.x0 + p.x1) / 2 for p in over_values]
    pitch = (columns[values[-1]][1] - columns[values[0]][0]) / len(values)
    if headings == [centre] and _over_all_values(phrase, below, columns, values, pitch):
        return values[0], values[-1]
    if not 2 <= len(headings) < len(values) or centre not in headings:
        return None
    groups = {h: [c for c in values if min(headings, key=lambda x: abs(x - sum(columns[c]) / 2)) == h]
              for h in headings}
    # every heading of the line heads a group, or the line is no line of group headings
    if not all(len(group) >= 2 and group == list(range(group[0], group[-1] + 1))
               and abs((columns[group[0]][0] + columns[group[-1]][1]) / 2 - h) <= pitch / 2
               for h, group in groups.items()):
        return None
    return groups[centre][0], groups[centre][-1]


def _over_all_values(phrase: Phrase, below: list[TextLine], columns: list[tuple[float, float]],
                     values: list[int], pitch: float) -> bool:
    """Is a lone heading centred over all the value columns, across the gap between two of them,
    with a year over each on the line below ("Fiscal Year" over "2013  2012  2011  2010" in a
    US comptroller's trend tables)?"""
    middle = (columns[values[0]][0] + columns[values[-1]][1]) / 2
    over = [c for c, (x0, x1) in enumerate(columns) if phrase.x0 < x1 and x0 < phrase.x1]
    years = {_column_of(p, columns)[0] for p in below[0].phrases if _YEAR.match(p.text)} if below else set()
    return (len(values) >= 2 and len(over) >= 2 and abs((phrase.x0 + phrase.x1) / 2 - middle) <= pitch / 2
            and set(values) <= years)


def _covered_columns(phrase: Phrase, columns: list[tuple[float, float]]) -> tuple[int, int]:
    """The first and last columns a phrase running across columns overlaps."""
    covered = [i for i, (c0, c1) in enumerate(columns) if min(phrase.x1, c1) - max(phrase.x0, c0) >= 1.0]
    return covered[0], covered[-1]


def _figures_row(line: TextLine) -> bool:
    """Is this a row of the body: mostly figures after its label?"""
    values = line.phrases[1:] if len(line.phrases) > 1 else line.phrases
    return line.tabular and sum(p.figure for p in values) >= BODY_FIGURES * len(values)


def _body_start(region: list[TextLine]) -> int:
    """Index of the first row of the body (0 when no row is mostly figures). A label on a line
    of its own just above that row, under the line of column headings, with the row's label
    indented under it, heads the first group of rows ("Expenditure" over "Staff costs"): it is
    a row of the body, not the second line of the stub's heading."""
    first = next((i for i, line in enumerate(region) if _figures_row(line)), 0)
    if first >= 2:
        label, row, headings = region[first - 1], region[first], region[first - 2]
        if (len(label.phrases) == 1 and len(headings.phrases) >= 2 and len(row.phrases) >= 2
                and row.x0 >= label.x0 + INDENT * row.size and label.x1 < row.phrases[1].x0):
            return first - 1
    return first


def _grid(region: list[TextLine], vocabulary: Callable[[], set[str]], rules: list[BBox] = (),
          header_rule: float | None = None, snap: float = 0.0
          ) -> tuple[list[list[str | None]], list[tuple[float, float]], Spans]:
    """The region's cells, columns and spans. ``header_rule``: where a rule under the header
    runs across the table (booktabs' \\midrule), when known: the body starts under it.
    ``snap``: see ``_rivers``."""
    region = _without_stray_marks(region)
    # header lines often span several columns: the columns come from the body
    first_figures = _body_start(region)
    if header_rule is not None:
        first_figures = next((i for i, line in enumerate(region) if line.top >= header_rule), first_figures)
    body = [line for line in region[first_figures:] if line.tabular]
    size = statistics.median(line.size for line in body)
    x0 = min(line.x0 for line in body)
    x1 = max(line.x1 for line in body)
    columns = _columns(_rivers(body, x0, x1, size, snap), x0, x1)
    # labels on lines of their own left of every row (a group label centred over its rows)
    # are a column of their own
    outside = [p for line in region[first_figures:] if not line.tabular for p in line.phrases
               if p.x1 < x0 - RIVER_MIN * size]
    if outside:
        columns.insert(0, (min(p.x0 for p in outside), max(p.x1 for p in outside)))
    body_rows = []
    rows = _rows(region[first_figures:])
    between: Spans = {}  # labels set level with the gap between two rows span both
    for i, lines in enumerate(rows):
        cells: list[list[str]] = [[] for _ in columns]
        for line in lines:
            for phrase in line.phrases:
                column = _column_of(phrase, columns)[0]
                cells[column].append(phrase.text)
                if line is not lines[0] and i + 1 < len(rows) and _centred_label(line, lines[0], rows[i + 1][0]):
                    between[i, column] = (2, 1)
        body_rows.append([clean(" ".join(c)) for c in cells])
    values = frozenset(c for c in range(len(columns)) if 2 * sum(bool(r[c]) and _NUMBER.match(r[c]) is not None
                                                                for r in body_rows) > sum(bool(r[c]) for r in body_rows))
    header, spans = _header_rows(region[:first_figures], columns, vocabulary, rules, values, snap)
    between = _group_labels(body_rows, between)
    body_rows, between = join_continued_labels(body_rows, valid_spans(body_rows, between), text_cells=True)
    spans.update({(len(header) + r, c): span for (r, c), span in between.items()})
    return header + body_rows, columns, spans


def _without_stray_marks(region: list[TextLine]) -> list[TextLine]:
    """The region without the marks of a margin note left of the row labels: one or two
    characters, not a word ("NO" heads a column of item numbers), before the label of a row of
    figures, on fewer than a quarter of the rows of a table of six rows or more (a digit or a
    sign of a note running down a scanned or annotated statistical table's margin)."""
    rows = [line for line in region if line.tabular]
    starts = sorted(p.x0 for line in rows for p in line.phrases[:2] if _wordy(p))
    if len(rows) < STRAY_ROWS or 2 * len(starts) < len(rows):
        return region  # rows labelled in words, mostly
    label_start = starts[len(starts) // 2]
    marked = [line for line in region if line.phrases[0].x1 < label_start and len(line.phrases[0].text) <= STRAY_CHARS
              and len(line.phrases) > 1 and _wordy(line.phrases[1]) and line.phrases[1].x0 >= label_start - 1
              and not _wordy(line.phrases[0]) and _figures_row(line)]
    if not marked or len(marked) >= STRAY_SHARE * len(rows):
        return region
    kept = []
    for line in region:
        if line in marked:
            chunks = [[p for p in chunk if p is not line.phrases[0]] for chunk in line.chunks]
            line = TextLine(line.phrases[1:], line.size, [chunk for chunk in chunks if chunk])
        kept.append(line)
    return kept


def _group_labels(rows: list[list[str | None]], between: Spans) -> Spans:
    """Spans of labels in a first column that labels groups of rows (``\\multirow``), each
    centred over its group: level with its middle row, or with the gap between its two middle
    rows (in ``between``). The groups must follow each other from the first row to the last,
    each label in the middle of its own; the label then moves to its group's first row.
    (Labels set on the first row of their group fail that test and stay.) ``rows`` change in
    place; returns ``between`` with the spans of the groups."""
    labelled = [i for i, row in enumerate(rows) if row[0]]
    if len(rows[0]) < 3 or not labelled or len(labelled) == len(rows) or not all(row[1] for row in rows):
        return between
    groups, start = [], 0
    for i in labelled:
        span = 2 * (i - start) + 1 + ((i, 0) in between)
        if span < 1:
            return between
        groups.append((i, start, span))
        start += span
    if start != len(rows) or all(span < 3 for _, _, span in groups):
        return between
    kept = {key: span for key, span in between.items() if key[1] != 0}
    for i, first, span in groups:
        if first != i:
            rows[first][0], rows[i][0] = rows[i][0], None
        if span > 1:
            kept[first, 0] = (span, 1)
    return kept


def _centred_label(line: TextLine, row: TextLine, next_row: TextLine, header: bool = False) -> bool:
    """Is ``line`` a label centred over two rows (starting with lines ``row`` and ``next_row``):
    a lone phrase left of both rows, level with the gap between them? (A wrapped label
    starts where the labels start.) In a ``header``, the rows above and below may hold a
    single heading (the stub's heading centred beside a heading over sub-columns and the
    sub-columns' headings, booktabs' \\multirow)."""
    middle, first, second = ((l.top + l.bottom) / 2 for l in (line, row, next_row))
    return (len(line.phrases) == 1 and not line.tabular and (header or row.tabular and next_row.tabular)
            and line.x1 < min(row.x0, next_row.x0) and abs(middle - (first + second) / 2) < 0.25 * (second - first))


def join_continued_labels(rows: list[list[str | None]], spans: Spans | None = None, text_cells: bool = False
                          ) -> tuple[list[list[str | None]], Spans]:
    """Rows of a label wrapped over several lines, joined: a label going on in lower case
    continues the label above ("Applications and mashups" / "developed by the public")
    when one of the two rows has no values, and a row of values without a label belongs
    to a label alone on the row above (values level with the middle of a wrapped label).
    With ``text_cells`` (unruled rows, each line a row), a sentence wrapped in a cell right of
    the labels goes on the same way (see ``_continued_text``), in a column of sentences (a cell
    of several words: stacked headings, "b/fwd" over "c/fwd", stay apart); a ruled grid's rows are rows.
    ``spans`` (of cells in ``rows``) are moved to the joined rows."""
    joined: list[list[str | None]] = []
    row_of: list[int] = []  # the joined row each row went to
    # columns of sentences: a line of one in a cell of its own runs to several words
    sentences = {c for row in rows for c, text in enumerate(row) if text and len(text.split()) >= LONG_CHUNK_WORDS}
    for row in rows:
        above = joined[-1] if joined else None
        if (above and above[0] and row[0] and row[0][:1].islower()
                and not (any(row[1:]) and any(above[1:]))):
            joined[-1] = [f"{above[0]} {row[0]}"] + (row[1:] if any(row[1:]) else above[1:])
        elif above and above[0] and not any(above[1:]) and not row[0] and any(row[1:]):
            joined[-1] = [above[0]] + row[1:]
        elif text_cells and above and (column := _continued_text(above, row)) and column in sentences:
            fuller = above if sum(map(bool, above)) >= sum(map(bool, row)) else row
            joined[-1] = fuller[:column] + [f"{above[column]} {row[column]}"] + fuller[column + 1:]
        else:
            joined.append(row)
        row_of.append(len(joined) - 1)
    moved: Spans = {}
    for (r, c), (n_rows, n_cols) in (spans or {}).items():
        start, end = row_of[r], row_of[min(r + n_rows, len(rows)) - 1]
        moved.setdefault((start, c), (end - start + 1, n_cols))
    return joined, valid_spans(joined, moved)


def _continued_text(above: list[str | None], row: list[str | None]) -> int:
    """The column of a text table (a risk register's mitigations, an action log's updates) whose
    sentence, wrapped in its cell, goes on from ``above`` into ``row``: in lower case, after
    words (not a figure), right of the labels, one of the two rows holding nothing else. When
    that is ``above`` (the row's other cells set level with the sentence's middle or last
    line), its sentence starts there, with a capital, and does not end there (";" or "." ends
    an item of a list set in rows). 0 when there is none."""
    filled = [[c for c, text in enumerate(cells) if text] for cells in (above, row)]
    column = next((cells[0] for cells in filled if len(cells) == 1), 0)
    text, over = row[column], above[column]
    if not (column and text and text[:1].islower() and over and not _NUMBER.match(over.split()[-1])):
        return 0
    if len(filled[1]) > 1 and not (over[:1].isupper() and over.rstrip()[-1] not in ".;:"):
        return 0
    return column


def valid_spans(rows: list[list[str | None]], spans: Spans) -> Spans:
    """The spans that cover more than one position, inside the grid, over empty positions only
    (a span is never allowed to hide a cell's text)."""
    kept: Spans = {}
    taken: set[tuple[int, int]] = set()
    for (r, c), (n_rows, n_cols) in sorted(spans.items()):
        covered = {(r + dr, c + dc) for dr in range(n_rows) for dc in range(n_cols)} - {(r, c)}
        if (covered and r + n_rows <= len(rows) and c + n_cols <= len(rows[r]) and (r, c) not in taken
                and not covered & taken and all(rows[i][j] is None for i, j in covered)):
            kept[r, c] = (n_rows, n_cols)
            taken |= covered | {(r, c)}
    return kept


def _plausible(rows: list[list[str | None]]) -> bool:
    """Enough of a grid, short cells, and not a numbered or bulleted list."""
    if len(rows[0]) < 2 or len(rows) < MIN_ROWS:
        return False
    markers = [row[0] for row in rows if row[0]]
    if len(rows[0]) == 2 and all(_LIST_MARKER.match(m) for m in markers):
        return False
    full_rows = sum(sum(c is not None for c in row) >= 2 for row in rows)
    if full_rows < 2:
        return False
    filled = [c for row in rows for c in row if c]
    words = sum(len(c.split()) for c in filled)
    return words / len(filled) <= MAX_WORDS_PER_CELL or _labels_of_figures(rows)


def _labels_of_figures(rows: list[list[str | None]]) -> bool:
    """Long row labels beside columns of figures only (a budget that describes each line it
    funds): most cells right of the labels hold a figure, mostly in a few words ("240.000 kr.")."""
    rest = [c for row in rows for c in row[1:] if c]
    figures = [c for c in rest if any(ch.isdigit() for ch in c)]
    return 2 * len(figures) > len(rest) and statistics.median(len(c.split()) for c in figures) <= FIGURE_WORDS


def page_columns(words: list[dict], lines: list[TextLine] | None = None) -> list[tuple[list[dict], list[TextLine]]]:
    """Split the words of a page set in several columns of running text at the gutters; each
    column with its text lines (``lines``: those of ``words``, when already made).

    A gutter is a vertical strip that (almost) no word crosses, with running text on both
    sides; a table's own whitespace columns have no running text beside them, so a page
    holding one large table is not split. A page whose columns are crossed by things set
    across them (a wide table or figure, a title) is cut into bands first: the bands
    where the gutter runs are split, the rest stay whole.
    """
    if lines is None:
        lines = text_lines(words)
    if len(words) < 20:
        return [(words, lines)]
    left, right = int(min(w["x0"] for w in words)), int(max(w["x1"] for w in words)) + 1
    height = max(w["bottom"] for w in words) - min(w["top"] for w in words)
    # the size of running text: of lines with a run of words without a figure, in any column
    body = statistics.median([line.size for line in lines if any(
        _running(TextLine(chunk, line.size, [chunk]), math.inf) for chunk in line.chunks)] or [0.0])
    for g0, g1 in _gutters(_cover(words, left, right), GUTTER_CROSSING * height, left):
        middle = (g0 + g1) / 2
        sides = ([w for w in words if (w["x0"] + w["x1"]) / 2 < middle],
                 [w for w in words if (w["x0"] + w["x1"]) / 2 >= middle])
        # a side's lines are made when a test reads them: most gutters (a table's own
        # whitespace) fail on the first side
        side_lines = [cache(partial(text_lines, side)) for side in sides]
        if all(sum(map(_prose, lines_())) >= GUTTER_PROSE_LINES for lines_ in side_lines) or (
                _middle(g0, g1, left, right)
                and _columns_at_middle(lines, [lines_() for lines_ in side_lines], body, g0, g1)):
            return page_columns(sides[0], side_lines[0]()) + page_columns(sides[1], side_lines[1]())
    # no gutter runs the page's height: one may run between the columns of running text
    # only, with things set across them (a wide table, a title) above or below
    running = [[chunk for chunk in line.chunks if _running(TextLine(chunk, line.size, [chunk]), body)]
               or line.chunks * _prose(line) for line in lines]  # of each line, its chunks of running text
    if not any(running):
        return [(words, lines)]
    prose = [w for chunks in running for chunk in chunks for p in chunk for w in p.words]
    prose_height = sum(line.bottom - line.top for line, chunks in zip(lines, running) if chunks)
    candidates = [(g, False) for g in _gutters(_cover(prose, left, right), GUTTER_CROSSING * prose_height, left)]
    for (g0, g1), one_sided in candidates + [(g, True) for g in _middle_gutters(lines, left, right)]:
        bands = _bands(lines, g0, g1, body, _middle(g0, g1, left, right), one_sided)
        if len(bands) > 1:
            return [piece for band in bands for piece in page_columns(band)]
    return [(words, lines)]


def _columns_at_middle(lines: list[TextLine], side_lines: list[list[TextLine]], body: float,
                       g0: float, g1: float) -> bool:
    """Does a gutter (``g0`` to ``g1``) at the middle of the text part columns of the page
    (``lines``, and each side's ``side_lines``): running text on both sides, or, with no
    row of a wide table parted by it, text beside something else or a table each side?"""
    # lines of a narrow column count apart, and not those of a line set across the gutter
    # (a note under a wide table, cut in two by the sides)
    across = {id(w) for line in lines if any(p.x0 < g1 - 1 and p.x1 > g0 + 1 for p in line.phrases)
              for p in line.phrases for w in p.words}
    own = [[line for line in lines_ if id(line.phrases[0].words[0]) not in across] for lines_ in side_lines]
    return (all(sum(_running(line, body) for line in mine) >= GUTTER_PROSE_LINES for mine in own)
            or not any(_parted_row(line, g0, g1) for line in lines)
            and (_text_beside(own, body, g0, g1) or _tables_beside(side_lines)))


def _middle(g0: float, g1: float, left: float, right: float) -> bool:
    """Is the gutter at the middle of the text? The columns of a page have one width (the
    columns of a text table, as narrow as theirs, are of any width)."""
    return abs((g0 + g1) / 2 - (left + right) / 2) <= MIDDLE_SLACK * (right - left)


def _parted_row(line: TextLine, g0: float, g1: float) -> bool:
    """Is the line a row of a wide table parted by the gutter (``g0`` to ``g1``): figures on
    the left, and on the right no label of its own first (a row of a second table beside the
    first starts with its label; a wide table's right part with a figure or a mark)?"""
    left = [p for p in line.phrases if p.x1 <= g0 + 1]
    right = [p for p in line.phrases if p.x0 >= g1 - 1]
    return any(p.figure for p in left) and bool(right) and not _wordy(right[0])


def _text_beside(sides: list[list[TextLine]], body: float, g0: float, g1: float) -> bool:
    """Is one side of the gutter (``g0`` to ``g1``) a column of running text and the other
    something else (tables, a figure's labels) not level with it? The column holds a paragraph:
    lines of running text one after another, each of one chunk reaching the gutter (a text
    table's cells have cells beside them, notes under a table stop short). A table's label
    column beside its figures is level with them; a label wrapped onto lines as long as its
    column is wide, its first or last line (or the short one after) level with its row's figures (a UK council's
    savings appendix, describing each saving in a sentence), is no paragraph."""
    for k, (text, other) in enumerate((sides, sides[::-1])):
        full = [_running(line, body) and len(line.chunks) == 1
                and (g0 - line.x1 if k == 0 else line.x0 - g1) <= FULL_LINE * line.size for line in text]
        rows = [o for o in other if _figures_row(o)]
        paragraph = 0
        for run in _runs(full):
            ends = text[run[0]:run[0] + 1] + text[run[-1]:run[-1] + 2]  # the label's last line may be short
            if not any(abs(end.bottom - row.bottom) <= LEVEL_SLACK for end in ends for row in rows):
                paragraph = max(paragraph, len(run))
        running = [line for line, is_full in zip(text, full) if is_full]
        level = sum(any(abs(line.bottom - o.bottom) <= LEVEL_SLACK for o in other) for line in running)
        if paragraph >= GUTTER_PROSE_LINES and len(other) >= GUTTER_PROSE_LINES and level < 0.5 * len(running):
            return True
    return False


def _runs(flags: list[bool]) -> list[list[int]]:
    """The indices of each run of true flags."""
    runs: list[list[int]] = []
    for i, flag in enumerate(flags):
        if flag and runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        elif flag:
            runs.append([i])
    return runs


def _tables_beside(sides: list[list[TextLine]]) -> bool:
    """Is each side of the gutter a table of its own: rows with a label and figures after it?
    (A table parted by a river has labels on one side only, or figures only on one.)"""
    return all(sum(_wordy(line.phrases[0]) and any(p.figure for p in line.phrases[1:]) for line in lines)
               >= MIN_ROWS for lines in sides)


def _middle_gutters(lines: list[TextLine], left: int, right: int) -> list[tuple[int, int]]:
    """A gutter at the middle of the text among the lines that leave the middle free: the gutter
    of a two-column page whose columns are crossed by things set across them, with running
    text in one column only (tables in the other)."""
    middle = (left + right) / 2
    free = [w for line in lines if not any(p.x0 < middle < p.x1 for p in line.phrases)
            for p in line.phrases for w in p.words]
    if not free:
        return []
    return [g for g in _gutters(_cover(free, left, right), 0.0, left) if _middle(*g, left, right)]


def _cover(words: list[dict], left: int, right: int) -> list[float]:
    """For each point from ``left`` to ``right``, the heights of the words over it, summed."""
    # each word's height added to every point it spans; np.add.at adds in the words'
    # order, so the sums are those of a loop over the words
    starts = np.array([int(w["x0"]) - left for w in words])
    spans = (np.array([int(w["x1"]) - left + 1 for w in words]) - starts).clip(min=0)
    offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
    cover_array = np.zeros(right - left + 1)
    np.add.at(cover_array, np.repeat(starts, spans) + offsets,
              np.repeat([w["bottom"] - w["top"] for w in words], spans))
    return cover_array.tolist()


def _gutters(cover: list[float], most: float, left: int) -> list[tuple[int, int]]:
    """Strips at least GUTTER_MIN wide, in the middle 60 % of the text, that words cover to
    at most ``most`` (heights summed), widest first."""
    gutters, start = [], None
    for x, c in enumerate(cover + [most + 1]):
        if c <= most:
            start = x if start is None else start
        elif start is not None:
            if x - start >= GUTTER_MIN and start > 0.2 * len(cover) and x < 0.8 * len(cover):
                gutters.append((start + left, x + left))
            start = None
    return sorted(gutters, key=lambda g: g[0] - g[1])


def _bands(lines: list[TextLine], g0: float, g1: float, body: float, middle_gutter: bool,
           one_sided: bool) -> list[list[dict]]:
    """The words of a page's ``lines`` cut at a gutter (``g0`` to ``g1``) that runs only part of
    the page's height: runs of lines that do not cross it, with running text on both sides,
    become a left and a right column; the lines between (set across the columns) stay
    together. A single band when the gutter splits no run. A gutter at the middle of the page
    (``middle_gutter``) also parts narrow columns of running text; one found among the lines
    that leave the middle free (``one_sided``) parts a column of running text from one of
    tables, or two columns of tables, and the rows of a table parted by it are lines across it."""
    middle = (g0 + g1) / 2
    crosses = [any(p.x0 < g1 - 1 and p.x1 > g0 + 1 for p in line.phrases) for line in lines]
    if one_sided:  # rows of a wide table parted by the gutter: lines of figures on both sides, one after another
        parted = [_parted_row(line, g0, g1) for line in lines]
        k = 0
        while k < len(lines):
            end = k
            while end < len(lines) and parted[end]:
                end += 1
            if end - k >= MIN_ROWS:
                crosses[k:end] = [True] * (end - k)
            k = max(end, k + 1)
    pieces: list[list[dict]] = []
    whole: list[dict] = []  # lines set across the gutter, gathered until a split run ends them
    split: list[int] = []  # the pieces of the run just split, left and right
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and crosses[end] == crosses[k]:
            end += 1
        run = [w for line in lines[k:end] for p in line.phrases for w in p.words]
        sides = ([w for w in run if (w["x0"] + w["x1"]) / 2 < middle],
                 [w for w in run if (w["x0"] + w["x1"]) / 2 >= middle])
        # a run set across the gutter stays whole: its sides' lines are not needed
        side_lines = [] if crosses[k] else [text_lines(side) for side in sides]
        if not crosses[k] and one_sided and split and not all(sides):
            pieces[split[0 if sides[0] else 1]].extend(run)  # the end of a column longer than the other
        elif not crosses[k] and (all(sum(map(_prose, lines_)) >= GUTTER_PROSE_LINES for lines_ in side_lines)
                               or middle_gutter and all(sum(_running(line, body) for line in lines_)
                                                        >= GUTTER_PROSE_LINES for lines_ in side_lines)
                               or one_sided and (_text_beside(side_lines, body, g0, g1)
                                                 or _tables_beside(side_lines))):
            if whole:
                pieces.append(whole)
                whole = []
            split = [len(pieces), len(pieces) + 1]
            pieces.extend(sides)
        else:
            split = []
            whole.extend(run)
        k = end
    if whole:
        pieces.append(whole)
    return pieces


def _prose(line: TextLine) -> bool:
    """A line of running text: a run of many words without a wide gap."""
    return any(sum(len(p.words) for p in chunk) >= 2 * LONG_CHUNK_WORDS for chunk in line.chunks)


def _running(line: TextLine, body: float) -> bool:
    """A line of a page's column of running text: a line of prose, or in a narrow column
    (6 to 9 words to a line), a line of one chunk of NARROW_PROSE_WORDS words or more with no
    figure, set no larger than the page's body text (a title is larger; a text table's cells
    have cells beside them)."""
    return _prose(line) or len(line.chunks) == 1 and line.size <= BODY_SIZE_SLACK * body and (
        sum(len(p.words) for p in line.phrases) >= NARROW_PROSE_WORDS
        and not any(_NUMBER.match(w["text"]) for p in line.phrases for w in p.words))


def _caption_lines(region: list[TextLine], columns: list[tuple[float, float]]) -> int:
    """How many lines at the top of a region are its caption: above the body, down to the
    last line with a phrase of several words running across columns."""
    return max((i + 1 for i, line in enumerate(region[:_body_start(region)])
                if any(len(p.words) >= CAPTION_WORDS and _column_of(p, columns)[1]
                       for p in line.phrases)), default=0)


def _over_values(line: TextLine, columns: list[tuple[float, float]]) -> bool:
    """A heading of a few words over the one value column of a two-column table, starting where
    it starts, however far right it runs (an amount's column in a US resolution: "Amount to be
    received" over "$32,300.00")."""
    return (len(line.phrases) == 1 and len(line.phrases[0].words) < LONG_CHUNK_WORDS
            and abs(line.x0 - columns[1][0]) <= ALIGNED * line.size and len(columns) == 2)


def _headings_above(lines: list[TextLine], region: list[TextLine],
                    columns: list[tuple[float, float]]) -> list[TextLine]:
    """Short lines just above a region that sit over its value columns only: headings over
    groups of columns ("Amount borrowed"), not the table's title."""
    above: list[TextLine] = []
    # (a region cut from tables side by side has lines of its own: found by their phrases)
    first_phrase = region[0].phrases[0]
    index = next(i for i, line in enumerate(lines) if any(p is first_phrase for p in line.phrases))
    for line in reversed(lines[max(0, index - MAX_HEADINGS_ABOVE):index]):
        first = (above or region)[0]
        if (first.top - line.bottom > HEADING_GAP * line.size or len(line.chunks) != 1
                or line.size > 1.1 * first.size or line.x0 <= columns[0][1]
                or not (_short(line, region) and line.x1 <= columns[-1][1] + line.size
                        or _over_values(line, columns))):
            break
        above.insert(0, line)
    return above


def ruled_frames(rules: list[BBox], words: list[dict]) -> list[tuple[BBox, float]]:
    """The boxes of tables set booktabs style, each with the top of its second rule (the one
    under the header): three horizontal rules or more of the same
    extent, one over another (a top rule, a rule under the header, a bottom rule), with
    nothing just above the top one but a caption or text running wider than the rules.
    A frame holds one table and nothing else; tables side by side or stacked have frames of
    their own. (A rule under a header and two under a total, as board papers rule theirs,
    have a row of headings just above them: no frame.)"""
    stacks: dict[tuple[int, int], list[BBox]] = {}
    for rule in _joined(rules):
        key = next((k for k in stacks if abs(k[0] - rule.x0) <= FRAME_SLACK and abs(k[1] - rule.x1) <= FRAME_SLACK),
                   (round(rule.x0), round(rule.x1)))
        stacks.setdefault(key, []).append(rule)
    frames = []
    for stack in stacks.values():
        stack = [r for i, r in enumerate(stack) if i == 0 or r.top - stack[i - 1].bottom > FRAME_SLACK]  # double rules
        # tables of one width stacked: a frame ends at a rule with nothing under it down to the
        # next, or with a caption or text running wider than the rules
        pieces = [[stack[0]]]
        for above, below in pairwise(stack):
            x0, x1 = min(above.x0, below.x0), max(above.x1, below.x1)
            between = [w for w in words if above.bottom <= (w["top"] + w["bottom"]) / 2 <= below.top
                       and w["x1"] > x0 and w["x0"] < x1]
            if (not between or any(w["x0"] < x0 - FRAME_SLACK or w["x1"] > x1 + FRAME_SLACK for w in between)
                    or _captioned(between)):
                pieces.append([])
            pieces[-1].append(below)
        frames.extend(_frame(piece, words) for piece in pieces if len(piece) >= FRAME_RULES)
    frames = [frame for frame in frames if frame]
    # text in another frame (tables side by side) is not beside a table's rules
    return [(frame, rule) for frame, rule in frames
            if not _labels_beside(frame, [w for w in words if not any(
                _in_frame(w, other) for other, _ in frames if other is not frame)])]


def _captioned(words: list[dict]) -> bool:
    """Does a line of the words open with a caption (``_CAPTION``)? Its first word is one of
    ``_CAPTION_WORDS``: without one, the words need not be read into lines."""
    return (any(w["text"] in _CAPTION_WORDS for w in words)
            and any(_CAPTION.match(line.phrases[0].text) for line in text_lines(words)))


def _joined(rules: list[BBox]) -> list[BBox]:
    """Rules drawn in pieces (a segment under each cell), joined where they meet; top to bottom."""
    levels: list[list[BBox]] = []  # rules at one height
    for rule in sorted(rules, key=attrgetter("top")):
        if levels and rule.top - levels[-1][0].top <= 1:
            levels[-1].append(rule)
        else:
            levels.append([rule])
    joined: list[BBox] = []
    for level in levels:
        start = len(joined)
        for rule in sorted(level, key=attrgetter("x0")):
            last = joined[-1] if len(joined) > start else None
            if last and rule.x0 <= last.x1 + FRAME_SLACK:
                joined[-1] = BBox(last.x0, min(last.top, rule.top), max(last.x1, rule.x1),
                                  max(last.bottom, rule.bottom))
            else:
                joined.append(rule)
    return joined


def _frame(stack: list[BBox], words: list[dict]) -> tuple[BBox, float] | None:
    """The box of the rules of one table (``stack``) and the top of its rule under the header,
    unless the rules frame no table: no heading (words) above the second rule (the gridlines
    of a chart frame its figures), rows of figures above it (the second rule is the one over
    a total: a UK council's service statement sets its header in a shaded band, which draws
    no rule), text running across their ends, or a row of the table (two chunks or more,
    within the rules' extent, no caption) just above the top rule."""
    frame = BBox(min(r.x0 for r in stack), stack[0].top, max(r.x1 for r in stack), stack[-1].bottom)
    inside = [w for w in words if _in_frame(w, frame)]
    header = [w for w in inside if (w["top"] + w["bottom"]) / 2 < stack[1].top]
    if not any(_wordy(Phrase.of(w)) for w in header) or sum(map(_figures_row, text_lines(header))) >= 2 or any(
            frame.top <= w["bottom"] and w["top"] <= frame.bottom
            and (w["x0"] < end - FRAME_SLACK < w["x1"] or w["x0"] < end + FRAME_SLACK < w["x1"])
            for w in words for end in (frame.x0, frame.x1)):
        return None
    size = statistics.median(_size(w) for w in inside)
    above = [w for w in words if frame.top - 1.5 * size <= w["bottom"] <= frame.top
             and w["x1"] > frame.x0 and w["x0"] < frame.x1]
    line = text_lines(above)[-1] if above else None
    if (line and len(line.chunks) >= 2 and not _CAPTION.match(line.phrases[0].text)
            and line.x0 >= frame.x0 - 1 and line.x1 <= frame.x1 + 1):
        return None
    return frame, stack[1].top


def _with_total_below(frame: BBox, words: list[dict]) -> BBox:
    """The frame reaching down over a row of figures set just under its last rule, within its
    width (a UK council's monitoring report rules between the rows of a table and sets its
    total row under the last rule)."""
    below = text_lines([w for w in words if (w["top"] + w["bottom"]) / 2 > frame.bottom])
    line = below[0] if below else None
    if (line is None or line.top - frame.bottom > line.bottom - line.top or not _figures_row(line)
            or line.x0 < frame.x0 - FRAME_SLACK or line.x1 > frame.x1 + FRAME_SLACK):
        return frame
    return BBox(frame.x0, frame.top, frame.x1, line.bottom)


def _labels_beside(frame: BBox, words: list[dict]) -> bool:
    """Do the rules frame only part of a table: short text just beside them, level with the
    lines inside, on at least half of those lines (labels left of rules set under figure
    columns only)? Running text beside (the other column of a page) does not count."""
    rows = text_lines([w for w in words if _in_frame(w, frame)])
    level = [w for w in words if frame.top <= (w["top"] + w["bottom"]) / 2 <= frame.bottom]
    near = 0.5 * (frame.x1 - frame.x0)
    sides = ([w for w in level if frame.x0 - near <= w["x1"] and w["x1"] < frame.x0 - FRAME_SLACK],
             [w for w in level if w["x0"] <= frame.x1 + near and w["x0"] > frame.x1 + FRAME_SLACK])
    beside = {i for side in sides for line in text_lines(side) if not _prose(line)
              for i, row in enumerate(rows) if abs(row.bottom - line.bottom) <= FRAME_SLACK}
    return len(beside) >= 0.5 * len(rows)


def _in_frame(word: dict, frame: BBox) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return frame.x0 - FRAME_SLACK <= x <= frame.x1 + FRAME_SLACK and frame.top <= y <= frame.bottom


def stream_tables(number: int, words: list[dict], skip: list[BBox] = (), rules: list[BBox] = (),
                  snap: float = 0.0) -> list[Table]:
    """Unruled tables among ``words`` (pdfplumber word dicts), leaving out those in ``skip``.
    ``rules``: the page's horizontal rules, when known (they tell which columns a heading
    heads, and frame tables set booktabs style). ``snap``: the character width of a text
    rendering whose words stand on a grid of character cells (0 for a PDF page)."""
    words = [w for w in words
             if not any(b.x0 - 1 <= w["x0"] and w["x1"] <= b.x1 + 1 and b.top - 1 <= w["top"]
                        and w["bottom"] <= b.bottom + 1 for b in skip)]
    tables = []
    framed: list[tuple[BBox, float, list[TextLine]]] = []
    for frame, header_rule in ruled_frames(rules, words):
        frame = _with_total_below(frame, words)
        inside = [w for w in words if _in_frame(w, frame)]
        framed.append((frame, header_rule, text_lines(inside)))
    # read only for a heading that needs it
    vocabulary = cache(lambda: page_vocabulary(text_lines(words)))
    taken: set[int] = set()
    for frame, header_rule, lines in framed:
        # a frame's body is under its header rule: a frame with no rows there holds no table
        if sum(line.tabular for line in lines if header_rule is None or line.top >= header_rule) < 2:
            continue
        rows, _, spans = _grid(lines, vocabulary, rules, header_rule, snap=snap)
        if _plausible(rows):
            tables.append(Table(rows=rows, page=number, bbox=frame, method="stream", spans=spans))
            taken.update(id(w) for line in lines for p in line.phrases for w in p.words)
    words = [w for w in words if id(w) not in taken]
    for _, lines in page_columns(words):
        found: list[tuple[float, float]] = []  # the columns of the last table found in this column of the page
        regions = _under_their_headers(lines, _regions(lines))
        while regions:
            region = regions.pop(0)
            if sum(line.tabular for line in region) < 2:
                rows = _resumed(region, found)
                if rows:
                    bbox = BBox(min(l.x0 for l in region), region[0].top, max(l.x1 for l in region), region[-1].bottom)
                    tables.append(Table(rows=rows, page=number, bbox=bbox, method="stream"))
                continue
            parts = _side_by_side(region) or _stacked(region)
            if parts:
                regions[:0] = parts
                continue
            rows, columns, spans = _grid(region, vocabulary, rules, snap=snap)
            caption = _caption_lines(region, columns)
            if caption:
                region = region[caption:]
                if sum(line.tabular for line in region) < 2:
                    continue
                rows, columns, spans = _grid(region, vocabulary, rules, snap=snap)
            above = _headings_above(lines, region, columns) if not caption else []
            if above:
                region = above + region
                rows, columns, spans = _grid(region, vocabulary, rules, snap=snap)
            if not _plausible(rows):
                continue
            bbox = BBox(min(l.x0 for l in region), region[0].top, max(l.x1 for l in region),
                        region[-1].bottom)
            tables.append(Table(rows=rows, page=number, bbox=bbox, method="stream", spans=spans))
            found = columns
    return tables


def _side_by_side(region: list[TextLine]) -> list[list[TextLine]] | None:
    """The region cut in two when it holds two tables side by side, their rows level (two small
    tables set in one band of a report, a gap between them): at a strip at least a chunk's gap
    wide that no line crosses, each side holds rows with a label and a figure after it (as
    ``_tables_beside`` asks of the sides of a page's gutter, here at any gap of the region), and
    at most half the rows of figures on the right side start with a figure (the rest, rows of a
    label wrapped over lines, its figures level with its last line). None when no strip parts it,
    or when the right side's headings repeat the left's (a long table set on in further columns)."""
    size = statistics.median(line.size for line in region)
    spans = sorted((p.x0, p.x1) for line in region for p in line.phrases)
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= CHUNK_GAP * size:
            sides = [[_line(kept, line.size, line.pitch) for line in region
                      if (kept := [p for p in line.phrases if (p.x1 <= reach) == left])] for left in (True, False)]
            # (a table's own figure columns parted: the right side's rows start with a figure)
            figures_first = sum(line.phrases[0].figure for line in sides[1])
            if all(sum(_wordy(line.phrases[0]) and any(p.figure for p in line.phrases[1:]) for line in side)
                   >= MIN_ROWS for side in sides) and 2 * figures_first <= sum(map(_figures_row, sides[1])):
                # a long table continued beside itself, under its headings repeated, is one table
                heading = Counter(_header_text(sides[0]).split())
                return None if heading and not heading - Counter(_header_text(sides[1]).split()) else sides
        reach = max(reach, x1)
    return None


def _stacked(region: list[TextLine]) -> list[list[TextLine]] | None:
    """The region cut in two when it holds two tables stacked with only a gap between them (no
    caption: a report sets a second small table under the first): a gap of twice the region's
    usual space between lines or more, under it a line of headings (two or more, no figure),
    and above and below it rows of figures (two or more each) whose columns differ: in number,
    in the table's left or right edge (more than two font sizes), or in where they stand or
    part (a column or a river above and the one below it in the same place do not overlap).
    A table's sections set a blank line apart keep its columns. None when no gap parts it."""
    spaces = [b.top - a.bottom for a, b in pairwise(region)]
    usual = statistics.median(spaces) if spaces else 0.0
    for k, space in enumerate(spaces, 1):
        line = region[k]
        if space < STACK_GAP * max(usual, 1.0) or len(line.phrases) < 2 or any(p.figure for p in line.phrases):
            continue
        parts = region[:k], region[k:]
        bodies = [[l for l in part if _figures_row(l)] for part in parts]
        if any(len(body) < 2 for body in bodies):
            continue
        size = statistics.median(l.size for l in region)
        edges = [(min(l.x0 for l in body), max(l.x1 for l in body)) for body in bodies]
        rivers = [_rivers(body, x0, x1, size) for body, (x0, x1) in zip(bodies, edges)]
        columns = [_columns(r, x0, x1) for r, (x0, x1) in zip(rivers, edges)]
        if (len(rivers[0]) != len(rivers[1]) or any(abs(a - b) > STACK_EDGE * size for a, b in zip(*edges))
                or any(min(a1, b1) < max(a0, b0) for pair in (rivers, columns) for (a0, a1), (b0, b1) in zip(*pair))):
            return list(parts)
    return None


def _columns(rivers: list[tuple[float, float]], x0: float, x1: float) -> list[tuple[float, float]]:
    """The columns between ``rivers`` from ``x0`` to ``x1``."""
    bounds = [x0] + [x for river in rivers for x in river] + [x1]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _header_text(lines: list[TextLine]) -> str:
    """The words of the lines above the first row of figures (in any order: a heading's lines
    may interleave with its neighbours')."""
    return " ".join(p.text for line in takewhile(lambda line: not _figures_row(line), lines) for p in line.phrases)


def _header_only(region: list[TextLine]) -> bool:
    """Lines of column headings and nothing else: no figure but units ("£000s") and years, no
    heading going on in lower case or running on (lines of a commentary column are no
    headings), one line at least with several headings side by side."""
    phrases = [p for line in region for p in line.phrases]
    return (any(len(line.phrases) >= 2 for line in region)
            and not any(p.figure and not is_unit_mark(p.text) or len(p.words) >= 2 * LONG_CHUNK_WORDS
                        or p.text[:1].islower() for p in phrases))


def _under_their_headers(lines: list[TextLine], regions: list[list[TextLine]]) -> list[list[TextLine]]:
    """Regions, each header set apart from its body by a note or a section label (a UK council's
    revenue plan runs on to a second page under its header, then a footnote of the page before,
    then the rows) joined to the body under it: a region of headings only (``_header_only``),
    the next region a few lines of text below (no more than ``NOTE_LINES``, none a row of a
    table), the body at least as wide as the header. The lines between stay out."""
    joined: list[list[TextLine]] = []
    for region in regions:
        header = joined[-1] if joined else None
        if header and _header_only(header) and not _header_only(region):
            start, end = lines.index(header[-1]) + 1, lines.index(region[0])
            between = lines[start:end]
            if (len(between) <= NOTE_LINES and not any(line.tabular for line in between)
                    and min(l.x0 for l in region) - region[0].size <= min(l.x0 for l in header)
                    and max(l.x1 for l in header) <= max(l.x1 for l in region) + region[0].size):
                joined[-1] = header + region
                continue
        joined.append(region)
    return joined


def _resumed(region: list[TextLine], columns: list[tuple[float, float]]) -> list[list[str | None]] | None:
    """The cells of a row of figures standing in the ``columns`` of the table above it, past a
    note or a section label (a savings table resumed under "RESERVES" after its footnote):
    the table going on, though one row is no table on its own. The row's label stands in the
    first column and each of its figures (two or more: a running footer's page number is no
    row) in a column of its own."""
    line = region[-1]
    if not columns or len(region) > 1 or not _figures_row(line) or line.phrases[0].numeric \
            or sum(p.figure for p in line.phrases[1:]) < 2:
        return None
    placed = [_column_of(phrase, columns)[0] for phrase in line.phrases]
    if placed[0] != 0 or placed != sorted(set(placed)) or any(min(p.x1, columns[c][1]) <= max(p.x0, columns[c][0])
                                            for p, c in zip(line.phrases, placed)):
        return None
    cells: list[str | None] = [None] * len(columns)
    for phrase, c in zip(line.phrases, placed):
        cells[c] = phrase.text
    return [cells]
