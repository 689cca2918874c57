"""Dates and clock times as papers print them: "Thursday, 30th January, 2025",
"tirsdag den 4. december 2012", "4. Dezember 2012", "4 décembre 2012",
"1pm – 3pm", "(kl. 12.40)", "11.15am – 12.45pm", "14 Uhr".

Dates go through ``dateparser`` (multilingual, well kept), in the paper's
language and its date order (``Analysis.locale``): "12/08/2020" is 12 August
in a paper that writes dates day first, 8 December in one that writes them
month first. Clock times are a small closed grammar, so a regular expression
reads them into ``HH:MM``.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache

import dateparser
from dateparser.data.languages_info import language_order
from dateparser.search import search_dates

from pipeline.textutil import clean

# Languages dateparser always tries, in this order; a paper's own language is added to them.
DATE_LANGUAGES = ("en", "da")
# py3langid's codes that dateparser spells otherwise
_DATEPARSER_CODE = {"no": "nb"}
DATE_SETTINGS = {
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# "6 <sup>th</sup>" renders as "6 th": glue the ordinal back to its number.
_ORDINAL = re.compile(r"\b(\d{1,2})\s+(st|nd|rd|th)\b", re.I)
# French "1er octobre 2021", "1 er octobre" (its superscript set apart): the first of the month
_FRENCH_FIRST = re.compile(r"\b(1)\s?(?:er|re)\b(?=\s+[^\W\d_]{3,})")
# "4. desember 2012": the day's full stop puts dateparser off in some languages
_DAY_STOP = re.compile(r"(?<![\d.])(\d{1,2})\.(?=\s+[^\W\d_]{3,})")
# A date has a four-digit year; without one dateparser reads "1 - 10" as a date.
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_ISO_DATE = re.compile(r"(19|20)\d\d-\d\d-\d\d\b")

_MERIDIEM = r"(?P<mer>[ap])\.?\s?m\b\.?"
# 1pm, 6.30 pm, 11.15am, 1:30 p.m.
_TIME_12 = rf"(?P<h12>1[0-2]|0?[1-9])(?:[.:](?P<m12>[0-5]\d))?\s?{_MERIDIEM}"
# 13:00 (a colon is unambiguous); 12.40 only after a clock word (kl., at, time)
_TIME_24 = r"(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)"
_TIME_CUED = r"(?:\bkl\.?|\bat|\bfrom|\bclock|\btime:?)\s*(?P<hc>[01]?\d|2[0-3])[.:](?P<mc>[0-5]\d)(?![\d.])(?!\s?[ap]\.?\s?m\b)"
# "12 noon", "midday"; "1400 hrs"
_NOON = r"(?P<noon>\b(?:12(?:[.:]00)?\s*)?(?:noon|midday)\b)"
_TIME_HRS = r"(?P<hh>[01]\d|2[0-3])[.:]?(?P<mh>[0-5]\d)\s?(?:hrs|h)\b"  # not "2025 hours"
# "14 Uhr", "14.30 Uhr" (German), "17.00 uur" (Dutch), "20 heures" (French)
_TIME_UHR = r"(?P<hu>[01]?\d|2[0-3])(?:[.:](?P<mu>[0-5]\d))?\s?(?:Uhr|uur|heures?)\b"
# French and Québec clock times: "16h00", "16 h 30", "9h"
_TIME_FR = r"(?P<hf>[01]?\d|2[0-3])(?:h|\sh\s(?=\d))(?P<mf>[0-5]\d)?(?!\w)"
_TIME = re.compile(rf"(?<![\d.:])(?:{_TIME_12}|{_TIME_HRS}|{_TIME_UHR}|{_TIME_24}|{_TIME_FR})|{_TIME_CUED}|{_NOON}", re.I)
# the words between the two ends of a span: "2pm - 4pm", "de 19h40 à 21h50", "van 19.30 tot 22.00 uur", "14 bis 16 Uhr"
_SPAN_WORDS = r"-|–|—|til|to|until|à|a|tot|bis"
_BARE_END = re.compile(rf"\s*(?:{_SPAN_WORDS})\s*(?P<h>[01]?\d|2[0-3])[.:h](?P<m>[0-5]\d)(?![\d.])")
_RANGE_GAP = re.compile(rf"^\s*(?:{_SPAN_WORDS})\s*$", re.I)
# a span whose start is a bare figure, its clock word after the end: "van 19.30 tot 22.00 uur", "14 bis 16 Uhr"
_BARE_START = re.compile(r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?:(?:[.:](?P<m>[0-5]\d))?\s*(?:tot|bis)|[.:](?P<m2>[0-5]\d)\s*[-–])\s*$", re.I)


def tidy_ordinals(text: str) -> str:
    return _FRENCH_FIRST.sub(r"\1", _ORDINAL.sub(r"\1\2", text))


# "November 4th, 2019": a paper that writes the month first writes 12/08/2020 month first too
_MONTH_FIRST = re.compile(r"\b[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?, (?:19|20)\d\d\b")


def date_order(text: str) -> str:
    """``MDY`` for a paper that writes its dates month first, else ``DMY``."""
    return "MDY" if _MONTH_FIRST.search(tidy_ordinals(text)) else "DMY"


@lru_cache(maxsize=64)
def date_languages(language: str | None) -> tuple[str, ...]:
    """The languages dateparser reads a paper's dates in: ``DATE_LANGUAGES`` and the paper's own."""
    code = _DATEPARSER_CODE.get(language or "", language)
    return DATE_LANGUAGES + ((code,) if code in language_order and code not in DATE_LANGUAGES else ())


# extractors ask about the same header lines again and again, and dateparser is slow
@lru_cache(maxsize=1024)
def find_date(text: str, order: str = "DMY", language: str | None = None) -> tuple[dt.date, str] | None:
    """The first full date (day, month, year) in ``text`` and the words that
    gave it (as they stand in ``tidy_ordinals(text)``); ``order`` reads
    numeric dates ("12/08/2020"), ``language`` is the paper's."""
    text = tidy_ordinals(text)
    if not _YEAR.search(text):
        return None
    # clock times put dateparser off ("Tuesday 5 March 2019 at 2.00pm" finds nothing): blank them
    masked = _DAY_STOP.sub(r"\1 ", text)  # the same length: a place in one is a place in the other
    for _, start, end in find_times(text):
        masked = masked[:start] + " " * (end - start) + masked[end:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's own deprecation noise
        found = search_dates(masked, languages=list(date_languages(language)), settings={**DATE_SETTINGS, "DATE_ORDER": order})
    for words, value in found or []:
        # dateparser folds spaces and takes in words after the date ("... 2019 at in the"):
        # the date's words run up to its year
        years = list(_YEAR.finditer(words))
        if not years or value.year != int(years[-1].group()):
            continue  # "February 28, 2020 1311 S. Maybrook Dr" misread: not its year
        iso = _ISO_DATE.match(words)  # "2024-03-05": the year comes first
        words = iso.group() if iso else words[:years[-1].end()]
        if _YEAR.fullmatch(words.strip()):
            continue  # "2024 and 6 April": a year alone, the rest misread around it
        match = re.search(r"\s+".join(map(re.escape, words.split())), masked)
        if match:
            return value.date(), text[match.start():match.end()]
    # words after a date put dateparser off ("2020 1311 S. Maybrook"): the text up to its first year
    first_year = _YEAR.search(text)
    if first_year.end() < len(text.rstrip()):
        return find_date(text[:first_year.end()], order, language)
    return None


# A date as a form prints it, in a field of its own.
_DATE_PARTS = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th|\.)?[\s\-]+[^\W\d_]{3,9}\.?,?[\s\-]+(?:\d{4}|\d{2})\b"  # 6th July 2017, 31-Mar-24, 4. Dezember 2012
    r"|\b[^\W\d_]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"  # July 6, 2017
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 06/07/2017
    r"|\b\d{4}-\d{2}-\d{2}\b")
_DATE_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                  "REQUIRE_PARTS": ["day", "month", "year"]}


def parse_date(text: str | None, order: str = "DMY", language: str | None = None) -> dt.date | None:
    """The first full date (day, month, year) written in a form's field; ``order``
    reads numeric dates ("12/08/2020"), ``language`` (the paper's) month names."""
    if not text:
        return None
    # "13 th March 2025": a superscript ordinal set apart from its day
    for match in _DATE_PARTS.finditer(tidy_ordinals(clean(text) or "")):
        parsed = _parse_date_words(_DAY_STOP.sub(r"\1 ", match.group(0)), order, language)
        if parsed:
            return parsed
    return None


# due dates and deadlines recur from row to row and paper to paper, and dateparser is slow
@lru_cache(maxsize=4096)
def _parse_date_words(words: str, order: str, language: str | None) -> dt.date | None:
    parsed = dateparser.parse(words, languages=_form_languages(language), settings={**_DATE_SETTINGS, "DATE_ORDER": order})
    return parsed.date() if parsed else None


def _form_languages(language: str | None) -> list[str] | None:
    """The paper's date languages; any that dateparser knows when the paper's is not known."""
    return list(date_languages(language)) if language else None


def parse_month(month: str, year: int) -> dt.date | None:
    """First day of a month written as a word ("Apr", "April") in a year."""
    parsed = dateparser.parse(f"1 {month} {year}", settings=_DATE_SETTINGS)
    # a word that is no month ("Week 2024") makes dateparser read a relative date: not this one
    return parsed.date() if parsed and (parsed.year, parsed.day) == (year, 1) else None


def _hhmm(match: re.Match) -> str:
    if match["h12"]:
        hour = int(match["h12"]) % 12 + (12 if match["mer"].lower() == "p" else 0)
        return f"{hour:02d}:{match['m12'] or '00'}"
    if match["h24"]:
        return f"{int(match['h24']):02d}:{match['m24']}"
    if match["hh"]:
        return f"{match['hh']}:{match['mh']}"
    if match["noon"]:
        return "12:00"
    if match["hu"]:
        return f"{int(match['hu']):02d}:{match['mu'] or '00'}"
    if match["hf"]:
        return f"{int(match['hf']):02d}:{match['mf'] or '00'}"
    return f"{int(match['hc']):02d}:{match['mc']}"


def find_times(text: str) -> list[tuple[str, int, int]]:
    """Clock times in ``text`` as (``HH:MM``, start, end) in order."""
    return [(_hhmm(m), m.start(), m.end()) for m in _TIME.finditer(text)]


def without_times(text: str) -> tuple[list[tuple[str, int, int]], str]:
    """The clock times in ``text`` (``find_times``) and the text without them."""
    times = find_times(text)
    rest = text
    for _, start, end in reversed(times):
        rest = rest[:start] + rest[end:]
    return times, rest


def is_time_only(text: str) -> bool:
    """A line that gives a time and nothing else: "10:30am-12:30pm", "1:30 p.m."."""
    times, rest = without_times(text)
    return bool(times) and not re.search(r"[^\W\d_]{3,}", rest)


def time_span(text: str) -> tuple[str | None, str | None]:
    """Start and end time: "1pm – 3pm" gives both, "at 10.00 am" only a start."""
    times = find_times(text)
    if not times:
        return None, None
    start = times[0]
    bare_start = _BARE_START.search(text[:start[1]])
    if bare_start:
        return f"{int(bare_start['h']):02d}:{bare_start['m'] or bare_start['m2'] or '00'}", start[0]
    for nxt in times[1:2]:
        if _RANGE_GAP.match(text[start[2]:nxt[1]]):
            return start[0], nxt[0]
    # "kl. 13.00-15.00": the clock word covers both ends
    bare_end = _BARE_END.match(text, start[2])
    if bare_end:
        return start[0], f"{int(bare_end['h']):02d}:{bare_end['m']}"
    return start[0], None


def labelled_time_span(text: str) -> tuple[str | None, str | None]:
    """The times under a "Time" / "Tidspunkt" label: there "14.00" is a clock
    even without a colon or am/pm."""
    return time_span(f"time {text}")


def minutes_between(start: str | None, end: str | None) -> int | None:
    """Minutes from ``HH:MM`` to ``HH:MM`` ("10:00" to "10:15" is 15), None without both."""
    if not start or not end:
        return None
    (h1, m1), (h2, m2) = (map(int, t.split(":")) for t in (start, end))
    minutes = (h2 * 60 + m2) - (h1 * 60 + m1)
    return minutes if minutes > 0 else None
