"""The words of a chart's axes, so that no table is read from them.

A chart set in a text column beside a table (office and report software: a bar or line
chart with its value axis on the left, ticks or gridlines running right from each figure)
has tick labels that stand in a column of figures, level with the table's rows: the
stream finder would join them to the table as one more column, or read the chart's own
labels as a table. A chart drawn with curves is told by them (``find_tables``); one drawn
with bars (rects) and straight lines is told by its value axis.
"""
from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from itertools import pairwise

from pipeline.model import BBox

TICK_LEVEL = 0.35  # font sizes: a tick label's middle is this close to its tick or gridline's level
TICK_REACH = 1.5  # ... which starts at most this far right of the label
TICK_ALIGN = 1.0  # points: ticks of one axis start this close to one x
MIN_TICKS = 3  # tick labels that make an axis
AXIS_BREAK = 2.0  # tick labels of one x further apart than this many times their usual spacing are two axes
EVEN_SPACING = 1.2  # an axis's ticks are evenly spaced: widest gap at most this share of the narrowest
AXIS_LABELS = 2.5  # font sizes: the category labels under the lowest tick lie this far below it
LEGEND = 1.5  # font sizes: a legend or the axis's title lies this far above the highest tick
SEGMENT_HEIGHT = 1.0  # points: a drawn line this thin is horizontal

_TICK = re.compile(r"^[-−–+]?[$£€]?\d[\d,.]*(%|[kKmMbB]n?)?$")


def chart_axes(words: list[dict], drawn: dict[str, list[dict]]) -> list[BBox]:
    """The areas of the page's charts that have a value axis: a column of three figures or
    more, evenly spaced, each level with a horizontal tick or gridline that starts just right
    of it, the lines starting at one x. The area runs from the labels to the far end of the
    lines, and from a line above the highest tick (the legend, the axis title) to the
    category labels under the lowest."""
    segments = sorted((o for kind in ("line", "rect") for o in drawn.get(kind, [])
                       if o["bottom"] - o["top"] <= SEGMENT_HEIGHT), key=_middle)
    levels = [_middle(s) for s in segments]
    ticks: list[tuple[float, dict]] = []  # (x the tick starts at, label)
    for word in words:
        if not _TICK.match(word["text"]):
            continue
        size = word["bottom"] - word["top"]
        middle = _middle(word)
        reach = TICK_LEVEL * size
        level = segments[bisect_left(levels, middle - reach):bisect_right(levels, middle + reach)]
        starts = [s["x0"] for s in level if 0 <= s["x0"] - word["x1"] <= TICK_REACH * size]
        if starts:
            ticks.append((min(starts), word))
    areas = []
    for x, labels in _axes(ticks):
        middles = [_middle(w) for w in labels]
        gaps = [b - a for a, b in pairwise(middles)]
        if min(gaps) <= 0 or max(gaps) > EVEN_SPACING * min(gaps):
            continue
        size = max(w["bottom"] - w["top"] for w in labels)
        # the gridlines, or the category axis drawn from the value axis (a tick's length right of it)
        lines = [s for s in segments if -TICK_ALIGN <= s["x0"] - x <= TICK_REACH * size
                 and middles[0] - size <= s["top"] <= middles[-1] + size]
        areas.append(BBox(min(w["x0"] for w in labels), middles[0] - LEGEND * size,
                          max(s["x1"] for s in lines), middles[-1] + AXIS_LABELS * size))
    return areas


def _axes(ticks: list[tuple[float, dict]]) -> list[tuple[float, list[dict]]]:
    """Tick labels grouped by the x their ticks start at, and cut where they are further apart
    than twice their usual spacing (charts stacked in a column, their axes at one x): groups of
    ``MIN_TICKS`` or more."""
    groups: list[tuple[float, list[dict]]] = []
    for x, word in sorted(ticks, key=lambda t: t[0]):
        if groups and x - groups[-1][0] <= TICK_ALIGN:
            groups[-1][1].append(word)
        else:
            groups.append((x, [word]))
    axes = []
    for x, labels in groups:
        labels.sort(key=_middle)
        gaps = [_middle(b) - _middle(a) for a, b in pairwise(labels)]
        usual = statistics.median(gaps) if gaps else 0.0
        run = labels[:1]
        for gap, label in zip(gaps, labels[1:]):
            if gap > AXIS_BREAK * usual:
                axes.append((x, run))
                run = []
            run.append(label)
        axes.append((x, run))
    return [(x, labels) for x, labels in axes if len(labels) >= MIN_TICKS]


def _middle(word: dict) -> float:
    """The height of a word's (or a drawn line's) middle, where a tick or gridline meets its label."""
    return (word["top"] + word["bottom"]) / 2


def in_area(word: dict, areas: list[BBox]) -> bool:
    """The word's middle lies in one of ``areas``."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(a.x0 <= x <= a.x1 and a.top <= y <= a.bottom for a in areas)


def in_chart(bbox: BBox, areas: list[BBox]) -> bool:
    """Half of ``bbox`` or more lies in one of ``areas``: a grid made of a chart's gridlines."""
    size = (bbox.x1 - bbox.x0) * (bbox.bottom - bbox.top)
    return any(max(0.0, min(bbox.x1, a.x1) - max(bbox.x0, a.x0))
               * max(0.0, min(bbox.bottom, a.bottom) - max(bbox.top, a.top)) >= size / 2 for a in areas)
