"""Units of figures as printed ("£'000", "$m", "%", "FTE"): one vocabulary
(``vocab/units.toml``) for every reader of financial tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.vocab import load_vocab

CURRENCY = re.compile(r"[£$€]|kr\.")


@dataclass(frozen=True)
class Unit:
    name: str
    scale_gbp: float | None
    is_scale: bool = False  # a scale with no currency: "'000"
    names_column: bool = False  # the words stating it are the column's label too ("Posts", "Interest Rate")

    @property
    def is_currency(self) -> bool:
        return bool(CURRENCY.search(self.name))


@lru_cache(maxsize=1)
def _units() -> list[tuple[re.Pattern, Unit]]:
    return [(re.compile(u["pattern"], re.I),
             Unit(u["unit"], u.get("scale_gbp"), u.get("scale", False), u.get("names_column", False)))
            for u in load_vocab("units")["units"]]


def unit_in(text: str | None) -> tuple[Unit, re.Match] | None:
    """The first unit stated in a text, and where."""
    if not text:
        return None
    for pattern, unit in _units():
        match = pattern.search(text)
        if match:
            return unit, match
    return None


def unit_named(name: str | None) -> Unit | None:
    return next((u for _, u in _units() if u.name == name), None) if name else None


def is_unit_mark(token: str) -> bool:
    """Is the token a unit and nothing else ("£000", "£m", "%"), not a figure or a word?"""
    found = unit_in(token)
    return found is not None and found[1].group().strip() == token.strip()
