"""Pages like a scientific paper's for the table finder: generate them, run the finder, score them.

The held-out set of issue 14 sets real tables from scientific papers into one-page PDFs:
one or two text columns of justified text, booktabs rules (top, mid and bottom rules, a
``\\cmidrule`` under a heading over sub-columns, no vertical lines), several tables to a
page. ``tables_generated.py`` makes board-paper tables; this makes that class, as LaTeX
sets it:

- tables centred in their text column, or across both columns (``table*``) at the top or
  foot of a two-column page, beside or between paragraphs of the other column;
- two or three tables side by side (minipages) on one-column pages;
- tables stacked under or over their captions ("Table 3: ..." above or below, by page),
  or with only a gap between them;
- multi-level headings ("Dev" over "P | R | F1", with a ``\\cmidrule`` under it), a stub
  heading centred over the header rows (``\\multirow``), row labels centred over several
  rows, section rows across the whole table ("Unsupervised methods");
- cells of words and of figures ("84.2", "84.2±0.3", ".912", "12.5M", "2e-5", "–"),
  best figures in bold, text columns ("Dataset | Domain | #Train");
- rows set tightly (``\\arraystretch`` below 1) and columns close (``\\tabcolsep`` 3 pt);
- the table's own font as the text's (Times), a size smaller or the same.

Ground truth in the ICDAR 2013 structure format goes beside each PDF, as in
``tables_generated.py``, whose scorer run this reuses. File-name prefix = split: ``one-``
and ``two-`` (text columns). Tune on one seed, report on another never looked at.

    python benchmarks/tables_scientific.py --seed 11 --pages 60    # tune on this
    python benchmarks/tables_scientific.py --seed 12 --pages 60    # report this
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from tables_generated import Cell, Table, main, write_ground_truth

WIDTH, HEIGHT = letter
FONT, BOLD, ITALIC = "Times-Roman", "Times-Bold", "Times-Italic"
BODY_SIZE = 10.0
BODY_LEADING = 12.0
ONE_COLUMN = (90.0, 432.0)  # left margin, text width (article class)
TWO_COLUMN = (54.0, 504.0, 18.0)  # left margin, text width, column gap (conference classes)

WORDS = ("we evaluate the proposed model on several benchmark datasets and compare it with strong "
         "baselines from prior work results show consistent gains across tasks while the number of "
         "parameters remains small training uses the same settings for every method and each run is "
         "repeated with different random seeds to estimate variance the ablation removes one component "
         "at a time to measure its contribution to the final score in all settings").split()
METHODS = ["BERT-base", "BERT-large", "RoBERTa", "XLNet", "ALBERT", "DistilBERT", "ELECTRA", "T5-small",
           "GPT-2", "LSTM", "BiLSTM-CRF", "CNN", "Transformer", "Logistic regression", "SVM", "Random forest",
           "Naive Bayes", "k-NN", "ResNet-50", "ViT-B/16", "Ours", "Ours (full)", "Ours w/o attention",
           "Ours w/o pretraining", "Baseline", "Oracle", "Majority class", "Human"]
DATASETS = ["SST-2", "MNLI", "QNLI", "CoNLL-2003", "SQuAD", "IMDb", "AG News", "Yelp", "CIFAR-10",
            "ImageNet", "MS COCO", "WikiText-103", "PubMed", "Reddit"]
DOMAINS = ["Sentiment", "Inference", "News", "Reviews", "Vision", "Biomedical", "Web text", "QA"]
METRICS = [["P", "R", "F1"], ["Acc", "F1"], ["EM", "F1"], ["BLEU", "ROUGE-L"], ["MAE", "RMSE"],
           ["Top-1", "Top-5"], ["Acc.", "AUC"], ["P@1", "P@5", "MRR"]]
GROUPS = ["Dev", "Test", "In-domain", "Out-of-domain", "Zero-shot", "Few-shot", "English", "German",
          "Validation", "Train", "Clean", "Noisy", "Small", "Large"]
FAMILIES = ["Neural", "Linear", "Ensemble", "Pretrained", "Classical", "Proposed"]
SECTIONS = ["Supervised methods", "Unsupervised methods", "Our models", "Previous work", "Ablations"]
STUBS = ["Model", "Method", "System", "Approach"]
MARKS = "*†‡"
MARK_SIZE = 0.7  # of the cell's size, raised
PARAMETERS = [("Learning rate", "2e-5"), ("Batch size", "32"), ("Epochs", "10"), ("Optimizer", "Adam"),
              ("Dropout", "0.1"), ("Warm-up steps", "1,000"), ("Hidden size", "768"), ("Layers", "12"),
              ("Weight decay", "0.01"), ("Max length", "512"), ("Heads", "8"), ("Seed", "42")]


@dataclass
class Spec:
    """A table before layout: cells on a grid, the rules under rows, a font and spacing."""
    cells: list[tuple[str, int, int, int, int, str]] = field(default_factory=list)  # text, rows, cols, font
    n_cols: int = 0
    align: list[str] = field(default_factory=list)  # "l", "c" or "r" per column
    midrules: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # rule under row: col ranges
    header_rows: int = 1

    def add(self, text: str, row: int, col: int, end_row: int | None = None, end_col: int | None = None,
            font: str = FONT) -> None:
        self.cells.append((text, row, col, row if end_row is None else end_row,
                           col if end_col is None else end_col, font))

    @property
    def n_rows(self) -> int:
        return max(c[3] for c in self.cells) + 1


def _figure(rng: random.Random, kind: str) -> str:
    if kind == "score":
        return f"{rng.uniform(20, 99):.1f}"
    if kind == "score2":
        return f"{rng.uniform(0.2, 0.99):.2f}"
    if kind == "pm":
        return f"{rng.uniform(20, 99):.1f}±{rng.uniform(0.1, 3):.1f}"
    if kind == "short":
        return f".{rng.randint(100, 999)}"
    if kind == "count":
        return f"{rng.randint(100, 400000):,}"
    if kind == "params":
        return f"{rng.uniform(1, 900):.1f}M"
    return f"{rng.uniform(0.5, 40):.2f}"


def _results(rng: random.Random) -> Spec:
    """Methods against metrics, maybe under group headings, maybe grouped rows."""
    spec = Spec()
    groups = rng.choice([0, 0, 2, 2, 3])
    metrics = rng.choice(METRICS)
    kind = rng.choice(["score", "score", "score2", "pm", "short", "other"])
    marked = rng.random() < 0.3  # significance marks raised after some figures ("84.2†")
    family_rows = rng.random() < 0.35  # a first column of labels centred over several rows
    sections = not family_rows and rng.random() < 0.3  # rows across the table: "Our models"
    lead = 2 if family_rows else 1  # label columns
    columns = ([(g, m) for g in rng.sample(GROUPS, groups) for m in metrics] if groups
               else [(None, m) for m in rng.sample(sorted(set(sum(METRICS, []))), rng.randint(2, 5))])
    spec.n_cols = lead + len(columns)
    spec.align = ["l"] * lead + [rng.choice("ccr")] * len(columns)
    stub = rng.choice(STUBS)
    header = 2 if groups else 1
    spec.header_rows = header
    if header == 2 and rng.random() < 0.5:
        spec.add(stub, 0, lead - 1, 1, lead - 1)  # \multirow{2}{*}{Model}
    else:
        spec.add(stub, header - 1, lead - 1)
    if family_rows:
        spec.add(rng.choice(["Type", "Family", "Group"]), header - 1, 0)
    if groups:
        ranges = []
        for g in range(groups):
            first = lead + g * len(metrics)
            spec.add(columns[g * len(metrics)][0], 0, first, 0, first + len(metrics) - 1)
            ranges.append((first, first + len(metrics) - 1))
        spec.midrules[0] = ranges
    for i, (_, metric) in enumerate(columns):
        spec.add(metric, header - 1, lead + i)
    row = header
    methods = rng.sample(METHODS, min(len(METHODS), rng.randint(3, 10)))
    k = 0
    while k < len(methods):
        span = 1
        if family_rows:
            span = min(rng.randint(2, 4), len(methods) - k)
            spec.add(rng.choice(FAMILIES), row, 0, row + span - 1, 0)
        elif sections and (k == 0 or rng.random() < 0.3) and len(methods) - k >= 2:
            spec.add(rng.choice(SECTIONS), row, 0, row, spec.n_cols - 1, ITALIC)
            if k:  # the header's rule is over the first
                spec.midrules[row - 1] = [(0, spec.n_cols - 1)]
            row += 1
        for method in methods[k:k + span]:
            spec.add(method, row, lead - 1)
            for i in range(len(columns)):
                if rng.random() < 0.04:
                    spec.add("–", row, lead + i)
                else:
                    mark = rng.choice(MARKS) if marked and rng.random() < 0.15 else ""
                    spec.add(_figure(rng, kind) + mark, row, lead + i, font=BOLD if rng.random() < 0.12 else FONT)
            row += 1
        k += span
    return spec


def _datasets(rng: random.Random) -> Spec:
    """A table of words and counts: "Dataset | Domain | #Train | #Test"."""
    spec = Spec()
    heads = ["Dataset", "Domain"] + rng.sample(["#Train", "#Dev", "#Test", "Classes", "Avg. length", "Vocab",
                                                "Train\nexamples", "Avg.\nlength", "Vocab.\nsize"], rng.randint(2, 4))
    spec.n_cols = len(heads)
    spec.align = ["l", "l"] + ["r"] * (len(heads) - 2)
    for i, head in enumerate(heads):
        spec.add(head, 0, i)
    for r, name in enumerate(rng.sample(DATASETS, rng.randint(3, 8)), start=1):
        spec.add(name, r, 0)
        spec.add(rng.choice(DOMAINS), r, 1)
        for i in range(2, len(heads)):
            spec.add(_figure(rng, "count") if rng.random() < 0.7 else str(rng.randint(2, 120)), r, i)
    return spec


def _parameters(rng: random.Random) -> Spec:
    """Two columns, name and value: hyperparameters."""
    spec = Spec(n_cols=2, align=["l", rng.choice("lc")])
    spec.add("Hyperparameter", 0, 0)
    spec.add("Value", 0, 1)
    for r, (name, value) in enumerate(rng.sample(PARAMETERS, rng.randint(3, 8)), start=1):
        spec.add(name, r, 0)
        spec.add(value, r, 1)
    return spec


@dataclass
class Layout:
    spec: Spec
    size: float
    sep: float  # \tabcolsep
    pitch: float  # baseline to baseline of two rows
    widths: list[float]

    @property
    def width(self) -> float:
        return sum(self.widths)

    def height(self) -> float:
        rules = 2 + len(self.spec.midrules) + 1
        lines = sum(text.count("\n") for text, *_ in self.spec.cells)
        return (self.spec.n_rows + lines) * self.pitch + rules * 0.6 * self.size


def _layout(spec: Spec, rng: random.Random, size: float, most: float) -> Layout | None:
    for sep in (rng.choice([6.0, 6.0, 5.0, 4.0, 3.0]), 3.0):
        widths = [0.0] * spec.n_cols
        for text, _, col, _, end_col, font in spec.cells:
            if col == end_col:
                widths[col] = max(widths[col], _width(text, font, size) + 2 * sep)
        for text, _, col, _, end_col, font in spec.cells:
            need = _width(text, font, size) + 2 * sep - sum(widths[col:end_col + 1])
            if col != end_col and need > 0:
                widths[end_col] += need  # LaTeX widens the last column a \multicolumn covers
        if sum(widths) <= most:
            return Layout(spec, size, sep, size * 1.2 * rng.choice([0.85, 0.9, 1.0, 1.0, 1.1, 1.2]), widths)
    return None


def _width(text: str, font: str, size: float) -> float:
    """Of the widest line of a cell, a raised mark at its end set smaller."""
    if text[-1] in MARKS:
        return stringWidth(text[:-1], font, size) + stringWidth(text[-1], font, MARK_SIZE * size)
    return max(stringWidth(line, font, size) for line in text.split("\n"))


def _text(c: canvas.Canvas, x: float, y: float, text: str, font: str, size: float, pitch: float) -> None:
    """A cell's text from ``x``: its lines upwards from the last on ``y``, a mark raised."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        c.setFont(font, size)
        if line[-1] in MARKS:
            c.drawString(x, y, line[:-1])
            c.setFont(font, MARK_SIZE * size)
            c.drawString(x + stringWidth(line[:-1], font, size), y + 0.4 * size, line[-1])
        else:
            c.drawString(x + (_width(text, font, size) - stringWidth(line, font, size)) / 2 if len(lines) > 1 else x,
                         y + (len(lines) - 1 - k) * 0.95 * pitch, line)


def _rule(c: canvas.Canvas, x0: float, x1: float, y: float, width: float) -> None:
    """A rule as TeX draws one: a filled box ``width`` high, not a stroked line."""
    c.rect(x0, y - width / 2, x1 - x0, width, stroke=0, fill=1)


class Page:
    """One page of a paper being set: text columns filled top to bottom."""

    def __init__(self, path: Path, columns: int, rng: random.Random):
        self.c = canvas.Canvas(str(path), pagesize=letter)
        self.rng = rng
        if columns == 1:
            left, width = ONE_COLUMN
            self.lefts, self.column_width, self.text_width = [left], width, width
        else:
            left, width, gap = TWO_COLUMN
            self.column_width = (width - gap) / 2
            self.lefts = [left, left + self.column_width + gap]
            self.text_width = width
        self.top, self.bottom = HEIGHT - 72, 72
        self.tables: list[Table] = []
        self.number = rng.randint(1, 5)
        self.caption_above = rng.random() < 0.5  # a paper's style: captions over or under tables

    def justified(self, x: float, y: float, width: float, words: list[str], last: bool, font: str = FONT,
                  size: float = BODY_SIZE) -> None:
        self.c.setFont(font, size)
        if last or len(words) == 1:
            self.c.drawString(x, y, " ".join(words))
            return
        ink = sum(stringWidth(w, font, size) for w in words)
        space = (width - ink) / (len(words) - 1)
        for w in words:
            self.c.drawString(x, y, w)
            x += stringWidth(w, font, size) + space

    def paragraph(self, x: float, y: float, width: float, lines: int, font: str = FONT,
                  size: float = BODY_SIZE, leading: float = BODY_LEADING) -> float:
        """Justified lines of running text; returns the baseline below the paragraph."""
        for n in range(lines):
            words, indent = [], size if n == 0 else 0.0
            while True:
                word = self.rng.choice(WORDS)
                if stringWidth(" ".join(words + [word]), font, size) > width - indent:
                    break
                words.append(word)
            self.justified(x + indent, y, width - indent, words, n == lines - 1, font, size)
            y -= leading
        return y

    def caption(self, x: float, y: float, width: float) -> float:
        """"Table N: ..." over one or two lines, centred when it fits on one."""
        self.number += 1
        size = BODY_SIZE * self.rng.choice([0.9, 1.0])
        words = [f"Table {self.number}:"] + [self.rng.choice(WORDS) for _ in range(self.rng.randint(4, 22))]
        lines, line = [], []
        for word in words:
            if line and stringWidth(" ".join(line + [word]), FONT, size) > width:
                lines.append(line)
                line = []
            line.append(word)
        lines.append(line)
        self.c.setFont(FONT, size)
        if len(lines) == 1:
            self.c.drawCentredString(x + width / 2, y, " ".join(lines[0]))
            return y - size * 1.2
        for n, words in enumerate(lines):
            self.justified(x, y, width, words, n == len(lines) - 1, FONT, size)
            y -= size * 1.2
        return y

    def draw(self, layout: Layout, x: float, y: float) -> float:
        """The table with its top rule at ``y``, from ``x``; returns the y of its bottom rule."""
        c, spec, size, pitch = self.c, layout.spec, layout.size, layout.pitch
        lefts = [x + sum(layout.widths[:i]) for i in range(spec.n_cols)]
        rule_space = 0.6 * size
        _rule(c, x, x + layout.width, y, 0.8)
        baselines = []
        base = y - rule_space - 0.75 * size
        for r in range(spec.n_rows):
            lines = max(text.count("\n") + 1 for text, row, *_ in spec.cells if row == r)
            base -= (lines - 1) * 0.95 * pitch  # a heading on two lines
            baselines.append(base)
            base -= pitch
            if r == spec.header_rows - 1 or r in spec.midrules:
                rule_y = baselines[-1] - 0.35 * size
                if r == spec.header_rows - 1 or spec.midrules[r] == [(0, spec.n_cols - 1)]:
                    _rule(c, x, x + layout.width, rule_y, 0.5)
                else:
                    for c0, c1 in spec.midrules[r]:
                        _rule(c, lefts[c0] + (layout.sep if c0 else 0),
                              lefts[c1] + layout.widths[c1] - (layout.sep if c1 < spec.n_cols - 1 else 0), rule_y, 0.3)
                base -= rule_space
        table = Table()
        for text, row, col, end_row, end_col, font in spec.cells:
            x0, x1 = lefts[col], lefts[end_col] + layout.widths[end_col]
            y_text = (baselines[row] + baselines[end_row]) / 2
            align = "c" if col != end_col and end_col - col + 1 < spec.n_cols else spec.align[col]
            if col != end_col and end_col - col + 1 == spec.n_cols:
                align = "l"
            width = _width(text, font, size)
            left = {"l": x0 + layout.sep, "r": x1 - layout.sep - width}.get(align, (x0 + x1 - width) / 2)
            _text(c, left, y_text, text, font, size, pitch)
            table.cells.append(Cell(text.replace("\n", " "), row, col, end_row, end_col))
        bottom = baselines[-1] - 0.35 * size
        _rule(c, x, x + layout.width, bottom, 0.8)
        self.tables.append(table)
        return bottom

    def make(self, width: float) -> Layout | None:
        rng = self.rng
        maker = rng.choices([_results, _datasets, _parameters], weights=[6, 2, 1])[0]
        size = BODY_SIZE * rng.choice([0.8, 0.9, 0.9, 1.0])
        for _ in range(6):
            layout = _layout(maker(rng), rng, size, width)
            if layout:
                return layout
        return None

    def float_(self, x: float, y: float, width: float, count: int = 1) -> float | None:
        """``count`` tables side by side in a float ``width`` wide at ``y``, each centred in its
        share with its caption; returns the y below, None when it does not fit."""
        share = width / count
        layouts = [self.make(share - (12 if count > 1 else 0)) for _ in range(count)]
        if not all(layouts):
            return None
        caption_height = 2 * BODY_LEADING + 6
        need = max(l.height() for l in layouts) + caption_height + 12
        if y - need < self.bottom:
            return None
        lowest = y
        for i, layout in enumerate(layouts):
            left = x + i * share
            table_x = left + (share - layout.width) / 2
            caption_width = min(share - 6, max(layout.width, 0.8 * share) if count > 1 else share)
            caption_x = left + (share - caption_width) / 2
            top = y - 8
            if self.caption_above:
                top = self.caption(caption_x, top, caption_width) - 4
            end = self.draw(layout, table_x, top)
            if not self.caption_above:
                end = self.caption(caption_x, end - BODY_LEADING, caption_width)
            lowest = min(lowest, end)
        return lowest - 14

    def wrapped(self, x: float, y: float) -> float | None:
        """A narrow table at one side of the text column with its caption, the running text
        set beside it in the rest of the width (``wraptable``); returns the y below."""
        share = 0.45 * self.column_width
        layout = self.make(share - 12)
        if layout is None or y - layout.height() - 2 * BODY_LEADING - 30 < self.bottom:
            return None
        left = self.rng.random() < 0.5
        box_x = x if left else x + self.column_width - share
        end = self.draw(layout, box_x + (share - layout.width) / 2, y - 4)
        end = self.caption(box_x, end - BODY_LEADING, share)
        text_x = x + share + 10 if left else x
        lines = int((y - end) // BODY_LEADING) + 1
        below = self.paragraph(text_x, y - BODY_SIZE, self.column_width - share - 10, lines)
        return min(below, end) - 10

    def fill(self) -> None:
        rng = self.rng
        top = self.top
        if len(self.lefts) == 2 and rng.random() < 0.5:  # table* across both columns at the top
            below = self.float_(self.lefts[0], top, self.text_width)
            top = below if below is not None else top
        for x in self.lefts:
            y = top
            while y > self.bottom + 40:
                if rng.random() < 0.4:
                    y = self.paragraph(x, y, self.column_width, rng.randint(2, 9)) - 4
                    continue
                count = 1 if len(self.lefts) == 2 or rng.random() < 0.7 else rng.choice([2, 2, 3])
                if len(self.lefts) == 1 and rng.random() < 0.2:
                    below = self.wrapped(x, y)
                else:
                    below = self.float_(x, y, self.column_width, count)
                y = below if below is not None else self.paragraph(x, y, self.column_width, 2) - 4
        self.c.setFont(FONT, BODY_SIZE)
        self.c.drawCentredString(WIDTH / 2, 40, str(rng.randint(2, 12)))
        self.c.showPage()
        self.c.save()


if __name__ == "__main__":
    sys.exit(main(page_maker=Page, doc=__doc__))
