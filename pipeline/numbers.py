"""Figures as papers print them, read in the paper's locale: "(100)", "£1.2m",
"1.370.000 kr.", "1.370" (German: 1370), "1 370" (Swedish: 1370), "12,5 %".

The decimal and thousands marks of a language come from Babel's locale data
(``pipeline.locale.number_marks``); where a figure's own marks settle it
("1,370.5", "1.370.000") they win over the language's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.locale import number_marks

_NUMBER = re.compile(
    r"^(?P<open>[(])?\s*(?P<sign>[-–−+])?\s*(?P<cur>[£$€])?\s*(?P<sign2>[-–−+])?\s*"
    r"(?P<num>\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(?P<scale>%|m|bn|k)?\s*(?P<close>[)])?"
    r"\s*(?P<unit>kr\.?|dkk|€)?\s*(?P<note>[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡]+|\(\w\))?$", re.I)
# a space (or a no-break space) between groups of three digits: "1 370 000"
_SPACED_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str | None  # a unit printed with the figure: "%", "£", "kr."


# a table's figures are read word by word, then again as its cells: each text is parsed once
@lru_cache(maxsize=1 << 14)
def parse_figure(text: str, lang: str | None = None) -> Figure | None:
    """A printed figure as a number, read with the marks of the paper's language
    ``lang``: "(100)" is -100, "1.370.000 kr." (Danish) is 1370000, "1.370" is
    1370 in German and 1.37 in English, "1 370" is 1370 in Swedish."""
    decimal, group = number_marks(lang)
    text = text.strip()
    if group == " ":  # "1 370": the thousands go apart by a space (a no-break one in print)
        text = _SPACED_THOUSANDS.sub("", text)
    match = _NUMBER.match(text)
    if not match or bool(match["open"]) != bool(match["close"]):
        return None
    value = read_number(match["num"], decimal)
    if match["open"] or (match["sign"] or match["sign2"] or "+") != "+":
        value = -value
    unit = match["cur"] or match["unit"] or (match["scale"] if match["scale"] == "%" else None)
    if match["scale"] and match["scale"].lower() in ("m", "bn", "k") and match["cur"]:
        unit = match["cur"] + match["scale"].lower()
    return Figure(value, unit)


def read_number(num: str, decimal: str = ".") -> float:
    """Digits with decimal and thousands marks ("1,370.5", "1.370,5") as a number.
    Both marks used: the last is the decimal one. One mark used more than once
    groups thousands. One mark used once is a decimal mark when it is the
    paper's ``decimal`` or is not followed by exactly three digits."""
    seps = re.findall(r"[,.]", num)
    if not seps:
        return float(num)
    if len(set(seps)) == 2:
        decimal = seps[-1]
    elif len(seps) > 1:
        decimal = None
    else:
        sep = seps[0]
        tail = num.rsplit(sep, 1)[1]
        decimal = sep if (sep == decimal or len(tail) != 3) else None
    group = {",", "."} - {decimal}
    for g in group:
        num = num.replace(g, "")
    return float(num.replace(decimal, ".") if decimal else num)
