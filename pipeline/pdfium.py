"""The cheap first read of a PDF: pypdfium2 characters into words, page by page.

Every page of every PDF is read here (about 50x faster than pdfminer); only
the pages that hold drawn geometry or column-aligned text go on to pdfplumber
for the table finder. Words come out the way pdfplumber's ``extract_words``
makes them (same boxes: top = bottom - font size, same 3 pt tolerances, same
font names), so the page model does not depend on which reader saw the page.
"""
from __future__ import annotations

import ctypes
import itertools
import threading
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from pipeline.model import BBox, Word

# pdfplumber's extract_words defaults: chars further apart start a new word / line.
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
# A glyph painted again within this distance (fake bold) is one glyph.
DUPLICATE_TOLERANCE = 1.0
# Drawn paths at least this long (points) can be underlines or table rulings.
MIN_PATH_LENGTH = 3.0
# pdfium is not thread-safe: one document is read at a time per process.
PDFIUM_LOCK = threading.Lock()

PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
HYPHEN_MARK = 0x02  # pdfium's code for a hyphen that ends a line


class PdfiumOpenError(Exception):
    def __init__(self, message: str, encrypted: bool = False):
        super().__init__(message)
        self.encrypted = encrypted


@dataclass
class CheapPage:
    """What the cheap read knows about one page."""

    width: float
    height: float
    words: list[Word]
    paths: list[BBox] = field(default_factory=list)  # bounds of drawn lines, rects and shapes
    images: int = 0
    problems: list[str] = field(default_factory=list)


def open_document(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        encrypted = getattr(exc, "err_code", None) == PASSWORD_ERROR
        raise PdfiumOpenError(str(exc), encrypted=encrypted) from exc


def _font_name(text_object, cache: dict[int, str]) -> str:
    key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
    name = cache.get(key)
    if name is None:
        font = raw.FPDFTextObj_GetFont(text_object)
        size = raw.FPDFFont_GetBaseFontName(font, None, 0) if font else 0
        name = ""
        if size:
            buffer = ctypes.create_string_buffer(size)
            raw.FPDFFont_GetBaseFontName(font, buffer, size)
            name = buffer.value.decode("utf-8", "replace")
        cache[key] = name
    return name


@dataclass(frozen=True)
class PageSpace:
    """PDF user space to pdfplumber's page space: the page's /Rotate applied
    (pdfminer's rotation matrices), then y flipped so ``top`` runs downward."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float
    height: float  # of the page as displayed

    @classmethod
    def of(cls, page: pdfium.PdfPage) -> "PageSpace":
        x0, y0, x1, y1 = page.get_mediabox()
        turns = raw.FPDFPage_GetRotation(page.raw) % 4
        if turns == 1:
            return cls(0, -1, 1, 0, -y0, x1, x1 - x0)
        if turns == 2:
            return cls(-1, 0, 0, -1, x1, y1, y1 - y0)
        if turns == 3:
            return cls(0, 1, -1, 0, y1, -x0, x1 - x0)
        return cls(1, 0, 0, 1, -x0, -y0, y1 - y0)

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of a user-space rectangle."""
        xs = (self.a * left + self.c * bottom, self.a * right + self.c * top)
        ys = (self.b * left + self.d * bottom, self.b * right + self.d * top)
        return (min(xs) + self.e, self.height - (max(ys) + self.f),
                max(xs) + self.e, self.height - (min(ys) + self.f))

    def upright(self, m: raw.FS_MATRIX) -> bool:
        """pdfminer's test on the char's matrix as displayed."""
        a, b = m.a * self.a + m.b * self.c, m.a * self.b + m.b * self.d
        c, d = m.c * self.a + m.d * self.c, m.c * self.b + m.d * self.d
        return a * d > 0 and b * c <= 0


def _chars(textpage, space: PageSpace) -> tuple[list[tuple], int]:
    """(text, x0, top, x1, bottom, fontname, size, upright) per char in drawing order; and how many lack Unicode.

    Whitespace comes out as " " placed at the end of the char before it.
    pdfium also infers spaces; one counts only between two text objects (where
    it stands in for a real space glyph that ended the first), not inside one
    (where it splits words set letter by letter, as OCR text layers are; a
    real gap there still splits the word, as pdfplumber's tolerance does).
    """
    handle = textpage.raw
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    fonts: dict[int, str] = {}
    chars, unmapped = [], 0
    inferred = False  # chars[-1] is a space pdfium inferred
    last_object = None  # text object of the last char
    for i in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, i)
        text = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if code == HYPHEN_MARK:
            text = "-"
        elif code < 0x20 and not text.isspace():
            continue  # control codes some fonts map glyphs to
        if text.isspace():
            # a word break where it was drawn (or inferred: pdfium sometimes replaces
            # a real space glyph by a generated one); its own box can be anywhere
            if chars and not chars[-1][0].isspace():
                last = chars[-1]
                chars.append((" ", last[3], last[2], last[3], last[4], last[5], last[6], last[7]))
                inferred = raw.FPDFText_IsGenerated(handle, i) == 1
            continue
        if raw.FPDFText_HasUnicodeMapError(handle, i):
            unmapped += 1
        raw.FPDFText_GetLooseCharBox(handle, i, rect)
        raw.FPDFText_GetMatrix(handle, i, matrix)
        scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5 or 1.0
        size = raw.FPDFText_GetFontSize(handle, i) * scale
        x0, top, x1, bottom = space.box(rect.left, rect.bottom, rect.right, rect.top)
        upright = space.upright(matrix)
        if upright:
            top = bottom - size  # pdfminer's box: the font size above the descent
        text_object = raw.FPDFText_GetTextObject(handle, i)
        object_address = ctypes.cast(text_object, ctypes.c_void_p).value
        fontname = _font_name(text_object, fonts)
        if inferred and object_address == last_object:
            chars.pop()
        inferred, last_object = False, object_address
        chars.append((text, x0, top, x1, bottom, fontname, size, upright))
    return chars, unmapped


def _cluster(values: list[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's cluster_list: sorted values, a new cluster past ``tolerance``."""
    clusters: dict[float, int] = {}
    last, index = None, -1
    for value in sorted(set(values)):
        if last is None or value - last > tolerance:
            index += 1
        clusters[value] = index
        last = value
    return clusters


def words_from_chars(chars: list[tuple]) -> list[Word]:
    """Chars into words the way pdfplumber's extract_words does (text flow off).

    Runs of chars drawn one after another in the same font, size and
    orientation are taken apart; in each run, upright chars cluster into lines
    by ``top`` and read left to right, rotated chars cluster into columns by
    ``x0`` and read top to bottom. A word ends at a space or at a gap wider
    than the tolerance. A char painted twice at (almost) the same place (fake
    bold) is kept once.
    """
    words: list[Word] = []
    for _, run in itertools.groupby(chars, key=lambda c: (c[7], c[5], c[6])):
        run = list(run)
        if run[0][7]:
            _words_along(run, across=2, along=1, words=words)
        else:
            _words_along(run, across=1, along=2, words=words)
    return words


def _words_along(chars: list[tuple], across: int, along: int, words: list[Word]) -> None:
    """Words of chars that read along one axis (index 1: x0, 2: top), in rows across the other."""
    if all(c[0].isspace() for c in chars):
        return
    row_of = _cluster([c[across] for c in chars], Y_TOLERANCE if across == 2 else X_TOLERANCE)
    rows: dict[int, list[tuple]] = {}
    for c in chars:
        rows.setdefault(row_of[c[across]], []).append(c)
    end = along + 2  # x1 after x0, bottom after top
    for index in sorted(rows):
        current: list[tuple] = []
        # stable sort: a space stays right after the char it follows
        for c in sorted(rows[index], key=lambda c: c[along]):
            if c[0].isspace():
                _flush(current, words)
                current = []
                continue
            if current:
                last = current[-1]
                if (c[0] == last[0] and abs(c[1] - last[1]) <= DUPLICATE_TOLERANCE
                        and abs(c[2] - last[2]) <= DUPLICATE_TOLERANCE):
                    continue
                if (c[along] < last[along] or c[along] > last[end] + X_TOLERANCE
                        or abs(c[across] - last[across]) > Y_TOLERANCE):
                    _flush(current, words)
                    current = []
            current.append(c)
        _flush(current, words)


def _flush(chars: list[tuple], words: list[Word]) -> None:
    if not chars:
        return
    words.append(Word(text=unicodedata.normalize("NFC", "".join(c[0] for c in chars)),
                      bbox=BBox(min(c[1] for c in chars), min(c[2] for c in chars),
                                max(c[3] for c in chars), max(c[4] for c in chars)),
                      fontname=chars[0][5], size=chars[0][6]))


def _collect_objects(objects, space: PageSpace, page: CheapPage) -> None:
    """Paths' bounds and the number of images, looking inside form XObjects."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and max(
                    right.value - left.value, top.value - bottom.value) >= MIN_PATH_LENGTH:
                page.paths.append(BBox(*space.box(left.value, bottom.value, right.value, top.value)))
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            page.images += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            n = raw.FPDFFormObj_CountObjects(obj)
            _collect_objects((raw.FPDFFormObj_GetObject(obj, i) for i in range(n)), space, page)


def read_page(document: pdfium.PdfDocument, index: int) -> CheapPage:
    page = document[index]
    try:
        width, height = page.get_size()
        space = PageSpace.of(page)
        textpage = page.get_textpage()
        try:
            chars, unmapped = _chars(textpage, space)
        finally:
            textpage.close()
        result = CheapPage(width=float(width), height=float(height), words=words_from_chars(chars))
        handle = page.raw
        objects = (raw.FPDFPage_GetObject(handle, i) for i in range(raw.FPDFPage_CountObjects(handle)))
        _collect_objects(objects, space, result)
    finally:
        page.close()
    drawn = sum(1 for c in chars if not c[0].isspace())
    if drawn and unmapped / drawn > 0.5:
        result.problems.append(f"text may be garbled: {unmapped} of {drawn} characters have no Unicode mapping")
    return result
