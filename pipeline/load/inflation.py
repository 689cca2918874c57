"""Decompression bombs, recognised before the PDF reader inflates them.

A PDF's streams are compressed; a few kilobytes of Flate data can inflate to
gigabytes (a page content stream of a billion spaces), and the reader inflates
a page's content whole to parse it. Before a PDF is opened, every Flate
stream the reader would inflate to read text (page contents, forms, object
and cross-reference streams) is inflated here in small pieces that are
counted and dropped, up to a limit no page's text needs (a stream whose
declared length cannot inflate that far is not inflated); image streams are
not inflated to read text, so their declared size (width x height x
components) is checked instead, against what OCR would render. Memory stays
at a few megabytes.
"""
from __future__ import annotations

import functools
import re
import zlib

from pipeline.load import LoadError

# No page's text needs a content stream this large inflated (a dense 1,000-page
# pack's largest is a few MB); pdfium would hold it whole, and more besides.
MAX_STREAM_MB = 256
# An image larger than this, decoded, is not a scan of a page (an A0 page at
# 600 dpi in colour is 1.4 GB... a board paper's scans are under 100 MB).
MAX_IMAGE_MB = 512
CHUNK = 1 << 20
FIRST_PIECE = 1 << 14

_STREAM = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
# Flate inflates a byte to at most about 1,032: a shorter stream cannot reach the limit.
MAX_FLATE_RATIO = 1032
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NUMBER = {key: re.compile(rb"/" + key + rb"\s+(\d+)") for key in (b"Width", b"Height", b"BitsPerComponent")}


def _dictionary_before(data: bytes, start: int) -> bytes:
    """The stream's dictionary: the text between its ``N 0 obj`` and the ``stream`` keyword."""
    header = data.rfind(b"obj", max(0, start - 4096), start)
    return data[header + 3 if header >= 0 else max(0, start - 4096):start]


def _object_values(data: bytes) -> dict[bytes, bytes]:
    """Object number -> the first bytes of its body, for every ``N G obj`` in the file."""
    bodies: dict[bytes, bytes] = {}
    position = data.find(b"obj")
    while position >= 0:
        if data[position - 3:position] != b"end":
            words = data[max(0, position - 24):position].split()
            if len(words) >= 2 and words[-1].isdigit() and words[-2].isdigit():
                bodies[words[-2]] = data[position + 3:position + 40]
        position = data.find(b"obj", position + 3)
    return bodies


def _length(dictionary: bytes, objects) -> int | None:
    """The stream's declared /Length (direct, or the object it refers to); None when not found."""
    match = _LENGTH.search(dictionary)
    if not match:
        return None
    if not match.group(2):
        return int(match.group(1))
    value = objects().get(match.group(1), b"").split()
    return int(value[0]) if value and value[0].isdigit() else None


def _inflated_size(data: bytes, start: int, layers: int, limit: int) -> int:
    """Bytes the Flate stream at ``start`` inflates to (``layers`` Flate filters in a row),
    counted in pieces; stops just past ``limit``."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    total, position, step = 0, start, FIRST_PIECE
    pending: list = [b""] * layers
    view = memoryview(data)
    while position < len(data) and not decoders[0].eof:
        # small pieces first: most streams are small, and what follows their end is copied
        pending[0] = view[position:position + step]
        position += step
        step = min(2 * step, CHUNK)
        for depth, decoder in enumerate(decoders):
            produced = []
            piece = pending[depth]
            while piece and not decoder.eof:
                try:
                    out = decoder.decompress(piece, CHUNK)
                except zlib.error:
                    return total  # damaged data: the reader stops there too
                piece = decoder.unconsumed_tail
                produced.append(out)
                if depth == layers - 1:
                    total += len(out)
                    if total > limit:
                        return total
                if not out and not piece:
                    break
            if depth + 1 < layers:
                pending[depth + 1] = b"".join(produced)
    return total


def check_inflation(data: bytes, max_stream_mb: float = MAX_STREAM_MB, max_image_mb: float = MAX_IMAGE_MB) -> None:
    """Raise LoadError when a stream would inflate past what any page needs."""
    limit = int(max_stream_mb * 2**20)
    objects = functools.cache(lambda: _object_values(data))  # read only for a /Length by reference
    for match in _STREAM.finditer(data):
        if data[max(0, match.start() - 3):match.start()] == b"end":
            continue
        dictionary = _dictionary_before(data, match.start())
        if b"/Image" in dictionary:
            sizes = {k: int(m.group(1)) for k, m in ((k, p.search(dictionary)) for k, p in _NUMBER.items()) if m}
            components = 1 if b"/DeviceGray" in dictionary or b"/ImageMask" in dictionary else \
                3 if b"/DeviceRGB" in dictionary else 4
            need = sizes.get(b"Width", 0) * sizes.get(b"Height", 0) * components * sizes.get(b"BitsPerComponent", 8) / 8
            if need > max_image_mb * 2**20:
                raise LoadError(f"decompression bomb: an image declares {need / 2**20:,.0f} MB decoded "
                                f"(more than {max_image_mb:,.0f} MB); not read")
            continue
        filters = _FILTERS.search(dictionary)
        if not filters:
            continue
        names = re.findall(rb"/([A-Za-z0-9]+)", filters.group(1))
        layers = 0
        for name in names:  # Flate filters first in the chain: what can be measured here
            if name not in (b"FlateDecode", b"Fl"):
                break
            layers += 1
        if not layers:
            continue
        length = _length(dictionary, objects)
        if layers == 1 and length is not None and length * MAX_FLATE_RATIO <= limit:
            continue  # cannot inflate past the limit: not worth inflating to count
        if _inflated_size(data, match.end(), layers, limit) > limit:
            raise LoadError(f"decompression bomb: a stream inflates to more than {max_stream_mb:,.0f} MB "
                            "(no page's text needs so much); not read")
