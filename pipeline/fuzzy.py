"""Fuzzy matching of labels against a vocabulary (rapidfuzz), with one policy:
text is folded (``label_key``: lower case, no accents, no punctuation); a key
shorter than ``EXACT_BELOW`` characters must match exactly ("time" is not
"title"); a longer one matches the variant with the best ``fuzz.ratio`` of at
least ``LABEL_SCORE``. Form labels, column headers, purposes, statuses and
formats all match this way."""
from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from pipeline.textutil import clean, fold

# Label matching: a whole label must score at least this (rapidfuzz ratio, 0-100);
# labels this short or shorter must match exactly ("time" is not "title").
LABEL_SCORE = 88
EXACT_BELOW = 8
_LABEL_NOISE = re.compile(r"\(s\)|[*:#•·\-–—.?]+")
_SPACE = re.compile(r"\s+")


# every extractor asks about the same lines, many times over: their keys are kept
@lru_cache(maxsize=1 << 14)
def label_key(text: str) -> str:
    """A label folded for matching: lower case, no accents, no punctuation."""
    return _SPACE.sub(" ", _LABEL_NOISE.sub(" ", fold(clean(text) or ""))).strip()


class FuzzyLabels:
    """Label variants long enough to match fuzzily, and for each length of a key the
    variants near enough in length to score at all: fuzz.ratio is at most
    200 * shorter / (sum of the lengths), so most keys need few comparisons or none."""

    def __init__(self, variants: Iterable[str]):
        self.variants = [v for v in variants if len(v) >= EXACT_BELOW]
        self._near: dict[tuple[int, float], list[str]] = {}

    def near(self, length: int, score: float) -> list[str]:
        """The variants that may score ``score`` against a key this long, in their order
        (of equal scores the first wins, as when all are compared)."""
        if (length, score) not in self._near:
            # the margin keeps a variant whose bound is the score itself, whatever the rounding
            self._near[(length, score)] = [v for v in self.variants
                                           if 200 * min(length, len(v)) / (length + len(v)) >= score - 1e-6]
        return self._near[(length, score)]


@dataclass(frozen=True)
class LabelMatch:
    field: str
    label: str  # the vocabulary variant matched
    rest: str  # text after the label, when the label opens a longer text


class Labels:
    """A vocabulary of labels, ``{field: [variant, ...]}``, matched fuzzily."""

    def __init__(self, fields: dict[str, list[str]]):
        self.field_of = {label_key(v): f for f, vs in fields.items() for v in vs}
        # short labels match exactly ("time" is not "title"); longer ones fuzzily
        self.fuzzy = FuzzyLabels(self.field_of)
        # by number of words, for labels that open a longer text
        by_words: dict[int, list[str]] = {}
        for variant in self.field_of:
            by_words.setdefault(len(variant.split(" ")), []).append(variant)
        self.exact_by_words = {n: set(vs) for n, vs in by_words.items()}
        self.fuzzy_by_words = {n: FuzzyLabels(vs) for n, vs in by_words.items()}

    @staticmethod
    def _best(key: str, exact: Container[str], fuzzy: FuzzyLabels, score: float) -> str | None:
        if key in exact:
            return key
        near = fuzzy.near(len(key), score) if len(key) >= EXACT_BELOW else []
        # compared as given (no processor), as the bound on lengths assumes
        match = process.extractOne(key, near, scorer=fuzz.ratio, processor=None, score_cutoff=score) if near else None
        return match[0] if match else None

    def whole(self, text: str, score: float = LABEL_SCORE) -> str | None:
        """The field whose label the whole text is (best fuzzy score), or None."""
        key = label_key(text)
        if not key or len(key) > 80:
            return None
        variant = self._best(key, self.field_of, self.fuzzy, score)
        return self.field_of[variant] if variant else None

    def prefix(self, text: str, score: float = LABEL_SCORE) -> LabelMatch | None:
        """The label the text opens with (its first words, fuzzily), and the rest."""
        words = (clean(text) or "").split(" ")
        # longest labels first, so "report authorised by" wins over "authorised by"
        for n in sorted(self.exact_by_words, reverse=True):
            if len(words) <= n:
                continue
            variant = self._best(label_key(" ".join(words[:n])), self.exact_by_words[n],
                                 self.fuzzy_by_words[n], score)
            if variant:
                return LabelMatch(self.field_of[variant], variant, " ".join(words[n:]).lstrip(" :-–"))
        return None
