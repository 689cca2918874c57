"""Garbled text: words from a font whose codes map to the wrong characters
("dncP=Lq", "@lG$R=l", "N^nLl", "zcc`T"). One check, for the page reader (a
page's text may be garbled) and for extractors (a table whose labels are
debris is not read)."""
from __future__ import annotations

import re
from collections.abc import Iterable

# A letter beside a symbol no language puts inside a word, or a lone accent or copyright sign.
_ODD_WORD = re.compile(r"[^\W\d_][\^@=`$©¨{}|~\\<>\[\]]+[^\W\d_]"
                       r"|\w[\^`{}@=§©¨ª¤¥|~]|[\^`{}@=§©¨ª¤¥|~]\w|[\^`¨©]")
_LETTER = re.compile(r"[^\W\d_]")


def odd_words(words: Iterable[str]) -> tuple[int, int]:
    """How many of the words with a letter look garbled, and how many words have a letter."""
    lettered = [w for w in words if _LETTER.search(w)]
    return sum(1 for w in lettered if _ODD_WORD.search(w)), len(lettered)


def is_garbled(words: Iterable[str], share: float, at_least: int = 1) -> bool:
    """Whether more than ``share`` of the words (and at least ``at_least`` of them) look garbled."""
    odd, lettered = odd_words(words)
    return odd >= at_least and odd > share * lettered
