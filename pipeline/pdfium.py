"""The cheap first read of a PDF: pypdfium2 characters into words, page by page.

Every page of every PDF is read here (about 50x faster than pdfminer); only
the pages that hold drawn geometry or column-aligned text go on to the table
finder, which groups these same chars as pdfplumber would and runs
pdfplumber's grid finder on the page's ``drawing``. Words come out the way
pdfplumber's ``extract_words`` makes them (same boxes: top = bottom - font
size, same 3 pt tolerances, same font names), so the page model does not
depend on which reader saw the page.
"""
from __future__ import annotations

import ctypes
import itertools
import operator
import struct
import threading
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.container import Container

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
HYPHEN_MARKS = "\x02\ufffe"  # pdfium's codes for a hyphen that ends a line (per char, in page text)


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
    font = raw.FPDFTextObj_GetFont(text_object)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    name = cache.get(key)
    if name is None:
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
        if self.a == 1 and self.d == 1:  # an unrotated page, most of them
            return left + self.e, self.height - top - self.f, right + self.e, self.height - bottom - self.f
        xs = (self.a * left + self.c * bottom, self.a * right + self.c * top)
        ys = (self.b * left + self.d * bottom, self.b * right + self.d * top)
        return (min(xs) + self.e, self.height - (max(ys) + self.f),
                max(xs) + self.e, self.height - (min(ys) + self.f))

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) of a user-space point."""
        return (self.a * x + self.c * y + self.e, self.height - (self.b * x + self.d * y + self.f))

    def upright(self, m: raw.FS_MATRIX) -> bool:
        """pdfminer's test on the char's matrix as displayed."""
        a, b = m.a * self.a + m.b * self.c, m.a * self.b + m.b * self.d
        c, d = m.c * self.a + m.d * self.c, m.c * self.b + m.d * self.d
        return a * d > 0 and b * c <= 0


# Per-char calls, declared with their result type only: ctypes then converts no argument
# by declared types (the text page goes as the pointer it is, the rect as its address, the
# index as a C int, ctypes' default for a Python int), which takes a third off each call.
# FPDFText_GetTextObject's result is a plain address, a dict key without a cast per char.
# They keep the GIL (PYFUNCTYPE): these calls are short and run under PDFIUM_LOCK anyway,
# and releasing and taking it back around each call costs more than the call.
_text_object_address = ctypes.cast(raw.FPDFText_GetTextObject, ctypes.PYFUNCTYPE(ctypes.c_void_p))
_loose_char_box = ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.PYFUNCTYPE(ctypes.c_int))
_unicode_map_error = ctypes.cast(raw.FPDFText_HasUnicodeMapError, ctypes.PYFUNCTYPE(ctypes.c_int))
_is_generated = ctypes.cast(raw.FPDFText_IsGenerated, ctypes.PYFUNCTYPE(ctypes.c_int))


_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom


def _char_texts(codes: list[int]) -> list[str]:
    """pdfium's per-char codes as text, one entry per char index. pdfium counts in UTF-16
    units: a char outside the Basic Multilingual Plane (mathematical letters, emoji) is two
    chars, its surrogate halves; the pair is joined into the char at the first index and the
    second becomes "" (no char). A half without its partner, or a code past Unicode, is U+FFFD."""
    texts = []
    pending_high = False  # texts[-1] is a high surrogate waiting for its low half
    for code in codes:
        if pending_high and 0xDC00 <= code <= 0xDFFF:
            texts[-1] = chr(0x10000 + ((ord(texts[-1]) - 0xD800) << 10) + code - 0xDC00)
            texts.append("")
            pending_high = False
            continue
        if pending_high:
            texts[-1] = "\ufffd"
        pending_high = 0xD800 <= code <= 0xDBFF
        texts.append(chr(code) if pending_high or code < 0xD800 or 0xDFFF < code < 0x110000 else "\ufffd")
    if pending_high:
        texts[-1] = "\ufffd"
    return texts


def _page_text(handle, count: int) -> str | list[str]:
    """All chars' text, one entry per char index (see ``_char_texts``), in one call when the
    page's UTF-16 text holds no surrogate (almost every page)."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = buffer.raw[: 2 * max(written - 1, 0)]
    text = units.decode("utf-16-le", "replace")
    if len(text) == count:  # no pair of surrogates (a lone half decodes to U+FFFD)
        return text
    if len(units) == 2 * count:
        return _char_texts(list(struct.unpack(f"<{count}H", units)))
    return _char_texts([raw.FPDFText_GetUnicode(handle, i) for i in range(count)])


def _chars(textpage, space: PageSpace) -> tuple[list[tuple], int, int]:
    """(text, x0, top, x1, bottom, fontname, size, upright, inferred) per char in drawing
    order; how many of them are not spaces, and how many of those lack a Unicode mapping.

    pdfium also infers spaces and line ends (``inferred``, placed at the end of
    the char before). An inferred space counts only between two text objects
    (where it stands in for a real space glyph that ended the first), not inside
    one (where it splits words set letter by letter, as OCR text layers are; a
    real gap there still splits the word, as pdfplumber's tolerance does).
    """
    handle = textpage.raw
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    rect_pointer = ctypes.c_void_p(ctypes.addressof(rect))
    # the loop runs once per char: module lookups bound once here
    is_generated, get_box, map_error = _is_generated, _loose_char_box, _unicode_map_error
    object_address, box, read_rect = _text_object_address, space.box, _RECT.unpack_from
    unrotated = space.a == 1 and space.d == 1
    shift_x, shift_y, height = space.e, space.f, space.height
    fonts: dict[int, str] = {}
    styles: dict[int, tuple[str, float, bool]] = {}  # text object -> (fontname, size, upright)
    chars, drawn, unmapped = [], 0, 0
    inferred = False  # chars[-1] is a space pdfium inferred
    last_object = None  # text object of the last char; fontname, size and upright are its style
    count = raw.FPDFText_CountChars(handle)
    for i, text in enumerate(_page_text(handle, count)):
        if text < " " or text == "\ufffe":  # rare: one test per char for the others
            if not text:  # the second half of a char outside the BMP, joined to the first
                continue
            if text in HYPHEN_MARKS:
                text = "-"
            elif not text.isspace():
                continue  # control codes some fonts map glyphs to
        space_char = text.isspace()
        if space_char and is_generated(handle, i) == 1:
            # an inferred break (a line end, or a space in place of a real space glyph):
            # placed at the end of the char before it, its own box can be anywhere
            if chars and not chars[-1][0].isspace():
                last = chars[-1]
                chars.append((" ", last[3], last[2], last[3], last[4], last[5], last[6], last[7], True))
                inferred = True
            continue
        address = object_address(handle, i)
        if address != last_object:
            style = styles.get(address)
            if style is None:  # every char of a text object has its matrix, font and size
                text_object = raw.FPDFText_GetTextObject(handle, i)
                raw.FPDFText_GetMatrix(handle, i, matrix)
                scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5 or 1.0
                style = styles[address] = (_font_name(text_object, fonts),
                                           raw.FPDFText_GetFontSize(handle, i) * scale, space.upright(matrix))
            fontname, size, upright = style
        elif inferred:  # a space pdfium inferred inside one text object
            chars.pop()
        if not space_char:
            drawn += 1
            unmapped += map_error(handle, i)  # 1 when pdfium found no mapping
        get_box(handle, i, rect_pointer)
        left, top, right, bottom = read_rect(rect)
        if unrotated:  # PageSpace.box
            x0, top, x1, bottom = left + shift_x, height - top - shift_y, right + shift_x, height - bottom - shift_y
        else:
            x0, top, x1, bottom = box(left, bottom, right, top)
        if upright:
            top = bottom - size  # pdfminer's box: the font size above the descent
        inferred, last_object = False, address
        chars.append((text, x0, top, x1, bottom, fontname, size, upright, False))
    return chars, drawn, unmapped


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


def _word_chars(chars: list[tuple], run_key, dedupe: bool) -> list[list[tuple]]:
    """Chars into words (each a list of its chars) the way pdfplumber's WordExtractor
    groups them (text flow off).

    Runs of chars drawn one after another with the same ``run_key`` are taken
    apart; in each run, upright chars cluster into lines by ``top`` and read left
    to right, rotated chars cluster into columns by ``x0`` and read top to
    bottom. A word ends at a space or at a gap wider than the tolerance. With
    ``dedupe``, a char painted twice at (almost) the same place (fake bold) is
    kept once.
    """
    words: list[list[tuple]] = []
    for _, run in itertools.groupby(chars, key=run_key):
        run = list(run)
        if run[0][7]:
            _words_along(run, 2, 1, dedupe, words)
        else:
            _words_along(run, 1, 2, dedupe, words)
    return words


def _words_along(chars: list[tuple], across: int, along: int, dedupe: bool, words: list[list[tuple]]) -> None:
    """Words of chars that read along one axis (index 1: x0, 2: top), in rows across the other."""
    tolerance = Y_TOLERANCE if across == 2 else X_TOLERANCE
    levels = [c[across] for c in chars]
    if max(levels) - min(levels) <= tolerance:  # one row, most runs: no clustering needed
        rows = [chars]
    else:
        row_of = _cluster(levels, tolerance)
        by_row: dict[int, list[tuple]] = {}
        for c, level in zip(chars, levels):
            by_row.setdefault(row_of[level], []).append(c)
        rows = [by_row[index] for index in sorted(by_row)]
    end = along + 2  # x1 after x0, bottom after top
    position = operator.itemgetter(along)
    for row in rows:
        current: list[tuple] = []
        row.sort(key=position)  # stable: a space stays right after the char it follows
        for c in row:
            if c[0].isspace():
                if current:
                    words.append(current)
                    current = []
                continue
            if current:
                last = current[-1]
                if (dedupe and c[0] == last[0] and abs(c[1] - last[1]) <= DUPLICATE_TOLERANCE
                        and abs(c[2] - last[2]) <= DUPLICATE_TOLERANCE):
                    continue
                if (c[along] < last[along] or c[along] > last[end] + X_TOLERANCE
                        or abs(c[across] - last[across]) > Y_TOLERANCE):
                    words.append(current)
                    current = []
            current.append(c)
        if current:
            words.append(current)


_X0, _TOP, _X1, _BOTTOM = (operator.itemgetter(i) for i in range(1, 5))


def _bounds(word: list[tuple]) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) around a word's chars, in the order ``_words_along`` reads them."""
    first = word[0]
    if len(word) == 1:
        return first[1:5]
    # read along x0 (upright) or top (rotated), ascending: the first char has the least
    if first[7]:
        return first[1], min(map(_TOP, word)), max(map(_X1, word)), max(map(_BOTTOM, word))
    return min(map(_X0, word)), first[2], max(map(_X1, word)), max(map(_BOTTOM, word))


def words_from_chars(chars: list[tuple]) -> list[Word]:
    """The page's words: runs of one orientation, font and size taken apart, fake bold read once."""
    words = []
    for word in _word_chars(chars, operator.itemgetter(7, 5, 6), dedupe=True):
        text = "".join([c[0] for c in word])
        if not text.isascii():  # ASCII text is already NFC
            text = unicodedata.normalize("NFC", text)
        words.append(Word(text, BBox(*_bounds(word)), word[0][5], word[0][6]))  # positional: cheaper
    return words


# pdfplumber's extract_words expands these ligatures
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"})
# pdfplumber's runs of chars: by orientation (extract_text), and by size too (extract_words with extra_attrs)
_UPRIGHT, _UPRIGHT_AND_SIZE = operator.itemgetter(7), operator.itemgetter(7, 6)


def _plumber_word_text(word: list[tuple]) -> str:
    text = "".join([c[0] for c in word])
    return text if text.isascii() else text.translate(LIGATURES)


def plumber_words(chars: list[tuple], by_size: bool = False) -> list[dict]:
    """pdfplumber's ``extract_words(chars)`` (``extra_attrs=["size"]`` when ``by_size``) on
    chars as the reader gives them: word dicts with text, box, upright and size."""
    words = []
    for word in _word_chars(chars, _UPRIGHT_AND_SIZE if by_size else _UPRIGHT, dedupe=False):
        x0, top, x1, bottom = _bounds(word)
        words.append({"text": _plumber_word_text(word), "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                      "upright": word[0][7], "size": word[0][6]})
    return words


def plumber_text(chars: list[tuple]) -> str:
    """pdfplumber's ``extract_text(chars)``: words in lines clustered by ``top``, a space
    between words and a line break between lines."""
    words = _word_chars(chars, _UPRIGHT, dedupe=False)
    tops = [min(map(_TOP, word)) for word in words]
    line_of = _cluster(tops, Y_TOLERANCE)
    lines: dict[int, list[str]] = {}
    for word, top in zip(words, tops):
        lines.setdefault(line_of[top], []).append(_plumber_word_text(word))
    return "\n".join(" ".join(lines[index]) for index in sorted(lines))


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


def _subpaths(obj) -> list[tuple[str, list[tuple[float, float]]]]:
    """A path object's subpaths as pdfminer's shapes ("ml", "mlllh", "mc"...) and points (user space)."""
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    pending_curve = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append(("m", [point]))
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            pending_curve += 1
            if pending_curve == 3:  # pdfium gives a curve's two control points and its end as three segments
                pending_curve = 0
                shape, points = subpaths[-1]
                subpaths[-1] = (shape + "c", points + [point])
        else:
            shape, points = subpaths[-1]
            subpaths[-1] = (shape + "l", points + [point])
        if raw.FPDFPathSegment_GetClose(segment):
            shape, points = subpaths[-1]
            subpaths[-1] = (shape + "h", points + [points[0]])
    return subpaths


def _plumber_path(shape: str, points: list[tuple[float, float]], space: PageSpace, base: dict) -> dict | None:
    """One subpath as pdfplumber's line, rect or curve dict (pdfminer's classification)."""
    if shape[:1] != "m" or len(points) < 2:
        return None
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-2] + points[-1:]
    kind = "curve"
    if shape in ("ml", "mlh"):
        kind, points = "line", points[:2]
    elif shape in ("mlllh", "mllll") and len(points) == 5:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        if points[0] == points[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                       or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            kind = "rect"
    pts = [space.point(px, py) for px, py in points]
    xs, tops = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    return {**base, "object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": base["doctop"] + top, "y0": space.height - bottom, "y1": space.height - top,
            "width": x1 - x0, "height": bottom - top, "pts": pts, "path": [(c, p) for c, p in zip(shape, pts)]}


class Drawing(Container):
    """What pdfplumber's grid finder (``TableFinder``) reads of a page: its lines, rects
    and curves (``objects``, pdfplumber's dicts), here made from pdfium's read, so
    pdfplumber never opens the file."""

    def __init__(self, objects: dict[str, list[dict]]):
        self.drawn = objects

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self.drawn


class PageReader:
    """One page open in pdfium: its cheap read (``chars`` kept for the table
    finder), and on demand its ``drawing`` as pdfplumber would parse it (so
    pdfplumber's grid finder runs on the page without pdfminer reading it)."""

    def __init__(self, document: pdfium.PdfDocument, index: int):
        self.page = document[index]
        self.space = PageSpace.of(self.page)
        self.chars: list[tuple] = []

    def __enter__(self) -> "PageReader":
        return self

    def __exit__(self, *exc) -> None:
        self.page.close()

    def read(self) -> CheapPage:
        # the size of the space the chars are placed in (the MediaBox, turned), as
        # pdfplumber has it; get_size() gives the CropBox, which may be smaller
        x0, y0, x1, y1 = self.page.get_mediabox()
        width, height = x1 - x0, y1 - y0
        if raw.FPDFPage_GetRotation(self.page.raw) % 2:
            width, height = height, width
        textpage = self.page.get_textpage()
        try:
            self.chars, drawn, unmapped = _chars(textpage, self.space)
        finally:
            textpage.close()
        result = CheapPage(width=float(width), height=float(height), words=words_from_chars(self.chars))
        _collect_objects(self._objects(self.page.raw), self.space, result)
        if drawn and unmapped / drawn > 0.5:
            result.problems.append(f"text may be garbled: {unmapped} of {drawn} characters have no Unicode mapping")
        return result

    @staticmethod
    def _objects(handle):
        return (raw.FPDFPage_GetObject(handle, i) for i in range(raw.FPDFPage_CountObjects(handle)))

    def drawing(self, page_number: int, initial_doctop: float) -> Drawing:
        """The page's drawn lines, rects and curves as pdfplumber would parse them."""
        objects: dict[str, list[dict]] = {}
        base = {"page_number": page_number, "mcid": None, "tag": None, "stroking_color": None,
                "non_stroking_color": None, "doctop": initial_doctop}
        self._add_paths(self._objects(self.page.raw), base, objects)
        return Drawing(objects)

    def _add_paths(self, handles, base: dict, objects: dict[str, list[dict]]) -> None:
        fill_mode, stroke, width = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
        for obj in handles:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                n = raw.FPDFFormObj_CountObjects(obj)
                self._add_paths((raw.FPDFFormObj_GetObject(obj, i) for i in range(n)), base, objects)
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
                continue
            if fill_mode.value == raw.FPDF_FILLMODE_NONE and not stroke.value:
                continue  # a path ended without painting (a clip), which pdfminer does not report
            raw.FPDFPageObj_GetStrokeWidth(obj, width)
            painted = {**base, "stroke": bool(stroke.value), "fill": fill_mode.value != raw.FPDF_FILLMODE_NONE,
                       "evenodd": fill_mode.value == raw.FPDF_FILLMODE_ALTERNATE, "linewidth": width.value,
                       "dash": None}
            for shape, points in _subpaths(obj):
                made = _plumber_path(shape, points, self.space, painted)
                if made:
                    objects.setdefault(made["object_type"], []).append(made)
