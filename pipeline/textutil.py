"""Small text helpers shared by the loaders, extractors and normaliser."""
from __future__ import annotations

import html
import re
import unicodedata

_SUP = re.compile(r"\s*<sup>\s*(.*?)\s*</sup>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def strip_markup(text: str) -> str:
    """Remove HTML debris (``<sup>``, ``<u>``, ``<ul><li>``) and entities.

    A superscript is glued to the word before it ("6 <sup>th</sup>" -> "6th"),
    other tags become spaces so words on either side stay apart.
    """
    text = _SUP.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    return html.unescape(text)


def clean(text: str | None) -> str | None:
    """Whitespace-normalised text without markup; ``None`` for empty values."""
    if text is None:
        return None
    text = str(text)
    if "<" in text or "&" in text:  # only these start markup or an entity
        text = strip_markup(text)
    # str.split() splits at what the regex \s matches (no-break spaces too), several times faster
    return " ".join(unicodedata.normalize("NFC", text).split()) or None


class _DropCombining(dict):
    """A ``str.translate`` table that drops combining marks, filled in as characters come up."""

    def __missing__(self, codepoint: int) -> int | None:
        kept = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = kept
        return kept


_DROP_COMBINING = _DropCombining()


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching labels and keywords."""
    text = unicodedata.normalize("NFKD", text.casefold())
    # ASCII holds no combining marks; a table drops them from the rest (a loop per character is slow)
    return text if text.isascii() else text.translate(_DROP_COMBINING)
