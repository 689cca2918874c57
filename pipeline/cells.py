"""The cells of a line: runs of its words (PDF), its tab fields (text), with the
x position each starts at; and the bullet that may open a line."""
from __future__ import annotations

import re
from itertools import accumulate

from pipeline.model import Line

# a list bullet at the start of a line, as printed or as an unmapped glyph "(cid:129)"
# a symbol font's bullet reads as a private-use glyph ("\uf0b7"): a bullet too
BULLET = re.compile(r"^\s*(?:[-•·o▪●\uf000-\uf0ff]|\(cid:\d+\))\s+")


def cells_of(line: Line) -> list[str]:
    """The cells of a line: runs of its words (PDF), its tab fields (text), else its whole text."""
    return line.cells if line.cells is not None else [line.text]


def cell_spans(line: Line) -> list[tuple[str, float | None]]:
    """The cells of a line with the x position where each starts (None: text papers)."""
    cells = cells_of(line)
    words = line.words
    if not words:
        return [(c, None) for c in cells]
    # the index of the word each cell starts at (the last cell's words are not counted: nothing follows)
    starts = accumulate((len(c.split()) for c in cells[:-1]), initial=0)
    return [(c, words[i].bbox.x0 if i < len(words) and words[i].bbox else None) for c, i in zip(cells, starts)]
