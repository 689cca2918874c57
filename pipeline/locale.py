"""A paper's language and locale: which language it is written in (py3langid),
how it writes figures (decimal and thousands marks, from Babel's locale data)
and in which order it writes a numeric date."""
from __future__ import annotations

import re
from functools import lru_cache

import babel
import py3langid

from pipeline.dates import date_order
from pipeline.model import Document, Locale

# Enough text to tell a language; more only costs time.
LANGUAGE_SAMPLE = 5000
# Words of letters: figures and codes of a table say nothing of its language
# (a page of numbers reads as Volapük otherwise).
_WORD = re.compile(r"[^\W\d_]{2,}")
# Babel's group marks that a printed page shows as a space (no-break, narrow no-break)
_SPACES = {"\u00a0", "\u202f", "\u2009"}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text`` (from its first letters), or None."""
    return _language_of_sample(text[:LANGUAGE_SAMPLE])


@lru_cache(maxsize=16)
def _language_of_sample(sample: str) -> str | None:
    words = _WORD.findall(sample)
    if len(words) < 5:
        return None
    code, _ = py3langid.classify(" ".join(words))
    return code if len(code) == 2 else None  # "zxx": no language (a garbled font)


@lru_cache(maxsize=64)
def number_marks(language: str | None) -> tuple[str, str]:
    """(decimal mark, thousands mark) of a language as Babel knows them; English's
    for a language it does not know. A space-like mark is a plain space."""
    try:
        symbols = babel.Locale.parse(language or "en").number_symbols["latn"]
    except (babel.UnknownLocaleError, ValueError, KeyError):
        symbols = babel.Locale.parse("en").number_symbols["latn"]
    decimal, group = symbols["decimal"], symbols["group"]
    return decimal, " " if group in _SPACES else group


def locale_of(doc: Document) -> Locale:
    """The paper's locale: language of its text, that language's number marks, and
    its date order as its first page writes dates (see ``dates.date_order``)."""
    language = detect_language(doc.text) if doc.pages else None
    decimal, group = number_marks(language)
    order = date_order(doc.pages[0].text) if doc.pages else "DMY"
    return Locale(language, decimal, group, order)
