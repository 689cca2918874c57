"""Minutes into decisions: per minuted item, what the meeting was asked to do
(recommendation) and what it resolved (decision).

A short list of layout readers (``READERS``), tried in turn: a committee
system's pages of minuted items, minutes whose items are headings (numbered,
bold or set apart by the layout of a paper without fonts, or over their
"(Item 3)" reference), minutes kept as an outline of votes, and an agenda's
recommendations (``agenda_recommendations.py``, the decision null).

Under a minuted item, three layouts, tried in this order:
- labelled blocks: a label line ("Indstilling", "Recommendation:", "Beslutning:",
  "Udvalgets beslutning den ... Punkt 6") opens a block that runs to the next
  label, a boilerplate line, a bold heading or the next item; a case taken up
  again gives its last dated decision ("Beslutning i Udvalget ... den 03-03-2026");
- inline paragraphs: a paragraph that starts "RESOLVED that ..." or "It was moved ...";
- sentences: in narrative minutes, the sentences that ask the board ("asked the
  Board to accept ...") and those that resolve ("The Board agreed ...").

Cues are spaCy Matcher patterns in ``vocab/decisions.toml``, matched on blank
per-language pipelines (no model downloads); sentences come from spaCy's sentencizer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from extractors.agenda_recommendations import agenda_recommendations
from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.extractor import Extractor, Rows
from pipeline.headings import item_reference, minutes_heading
from pipeline.model import Document, Line
from pipeline.textutil import clean
from pipeline.web_pages import minuted_page_items

# Cues that open a block of the item's text (the first three letters say which: rec or dec).
OPENERS = ("rec_opener", "rec_label", "rec_heading", "rec_named", "dec_label", "dec_heading", "dec_named",
           "rec_inline", "dec_inline")
# The cues each reading matches (a Matcher's time grows with its patterns: one Matcher each):
# the lines of an item's body, the sentences of narrative minutes, the lines of an outline of votes.
LINE_CUES = (*OPENERS, "stop")
SENTENCE_CUES = ("rec_sentence", "dec_sentence")
VOTE_CUES = ("dec_line",)
# Cues a body line holds anywhere (the others open the line): in a short line that is not a
# sentence, and (named) before a colon: "Nämndens beslut:".
HEADING_CUES = ("rec_heading", "dec_heading")
NAMED_CUES = ("rec_named", "dec_named")
LINE_START_CUES = tuple(k for k in LINE_CUES if k not in HEADING_CUES + NAMED_CUES)
# The decision cues of a case's history, one per meeting that took it up: the last is this meeting's.
HISTORY_CUES = ("dec_heading", "dec_named")
# A rule typed as a line of underscores ends a block, as Nordic minutes close each decision.
_RULE = re.compile(r"^_{3,}$")
# Token attributes that hold the token's text (lower-cased or as written).
_LITERAL_ATTRIBUTES = ("LOWER", "ORTH", "TEXT")
# A REGEX that is a word, maybe anchored: a token it finds holds the word.
_WORD_REGEX = re.compile(r"\^?(?P<word>\w+)\$?")
# A decision cue that may open a later sentence of a line.
DEC_INLINE = ("dec_inline",)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# What separates the parts of a vote line ("APPROVED – 2018 budget – B. Munro (motion)").
_CLAUSE_BREAK = re.compile(r"\s+[–—-]\s+|:\s+")
# The motion itself after its mover and seconder: "Motion by A, seconded by B, to approve the agenda".
_MOTION_CLAUSE = re.compile(r",\s+to\s+\w")
# A numbered line set this many points further in than a block's first line is an item of its list.
LIST_INDENT = 6
# A decision block of at most this many words is the outcome of a vote ("Motion carried.").
MAX_OUTCOME_WORDS = 3
# A bold line shorter than this inside a bold-headed item is a section heading: it ends a block.
MAX_SECTION_HEADING = 60
# A paper that does not call itself minutes gives rows only when this many items record a decision.
MIN_DECIDED_ITEMS = 2
# A label or decision heading is a short line, not a sentence of the text.
MAX_LABEL_TOKENS = 14
# An opening decision sentence's cue stands within this many tokens of its start ("The Trust Board agreed").
MAX_SUBJECT_OPENING = 2
# Decision sentences this close (in sentences) belong to one passage.
SENTENCE_GAP = 1
# A styled title wraps onto the next line when the gap is below this many line heights.
TITLE_WRAP_GAP = 0.5
# An unnumbered heading runs over at most this many lines before its reference "(Item 3)".
MAX_TITLE_LINES = 3


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_vocab("decisions")


@lru_cache(maxsize=1)
def _patterns() -> dict:
    items = _vocab()["items"]
    return {
        "trailers": [re.compile(p, re.I) for p in items["title_trailers"]],
        "debris": re.compile(items["line_debris"]),
        "paragraph": re.compile(items["paragraph_number"]),
    }


@cache
def _nlp(lang: str):
    """A blank spaCy pipeline with a sentencizer (built once per language)."""
    import spacy  # slow to import: only when minutes are read

    try:
        nlp = spacy.blank(lang)
    except ImportError:
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def _pipeline(lang: str, kinds: tuple[str, ...]):
    """The language's pipeline and a Matcher for these cue kinds, with every language's patterns."""
    from spacy.matcher import Matcher

    nlp = _nlp(lang)
    matcher = Matcher(nlp.vocab)
    for kind, patterns in _cues(kinds):
        matcher.add(kind, patterns)
    return nlp, matcher


def _cues(kinds: tuple[str, ...]) -> list[tuple[str, list[list[dict]]]]:
    """The patterns of these cue kinds, language by language (the words do not clash)."""
    return [(kind, cues[kind]) for section, cues in _vocab().items() if section != "items"
            for kind in kinds if cues.get(kind)]


class CueWords:
    """The words a text holds when a token of it may open a cue of some kinds.

    Most lines hold no cue, and spaCy (tokenizer and Matcher) costs far more than
    a regular expression, so spaCy reads only the lines that hold one of these words.
    A token is a piece of its text, so a first token that is a word (a string or
    ``IN`` of LOWER, ORTH or TEXT) or holds one (a REGEX that is a word, maybe
    anchored: "beslutning$") puts that word in the text; compared case-folded, as
    case folding maps a piece of a text as it maps the whole. A first token tested
    any other way (another attribute, an operator, a richer REGEX) may be anything:
    then every text may hold a cue.
    """

    def __init__(self, patterns: list[list[dict]]):
        words: set[str] = set()
        self.any_text = False
        for pattern in patterns:
            first = pattern[0]
            self.any_text |= not first  # an empty spec matches any token
            for attr, test in first.items():
                literal = attr in _LITERAL_ATTRIBUTES
                if literal and isinstance(test, str):
                    words.add(test)
                elif literal and isinstance(test, dict) and set(test) == {"IN"}:
                    words.update(test["IN"])
                elif literal and isinstance(test, dict) and set(test) == {"REGEX"} \
                        and (word := _WORD_REGEX.fullmatch(test["REGEX"])):
                    words.add(word["word"])
                else:
                    self.any_text = True
        self.words = re.compile("|".join(re.escape(w.casefold()) for w in sorted(words))) if words else None

    def in_text(self, text: str) -> bool:
        return self.any_text or bool(self.words and self.words.search(text.casefold()))


@cache
def _cue_words(kinds: tuple[str, ...]) -> CueWords:
    """The words that may open a cue of these kinds, in any language's patterns."""
    return CueWords([pattern for _, patterns in _cues(kinds) for pattern in patterns])


@dataclass
class Item:
    number: str
    title: str
    page: int
    bold: bool
    lines: list[tuple[int, Line]] = field(default_factory=list)  # (page, line) of the body


@dataclass
class Block:
    kind: str  # "rec" or "dec"
    page: int
    inline: bool  # opened by an inline or a numbered paragraph: ends at the next numbered paragraph
    cue: str  # the cue kind that opened it
    x: float | None = None  # where the line that opened it starts
    parts: list[str] = field(default_factory=list)
    # the number its list takes next, when its opening line introduces one ("De raad besluit unaniem:" / "1. ...")
    list_next: int | None = None

    @property
    def text(self) -> str:
        return (clean(" ".join(self.parts)) or "").strip('"“”')  # a motion quoted as moved


def _tidy(text: str) -> str:
    text = _patterns()["debris"].sub("", text.strip())
    return _patterns()["debris"].sub("", text)


def _title(text: str) -> str:
    for pattern in _patterns()["trailers"]:
        text = pattern.sub("", text)
    return text.strip(" .:-–")


def _heading(line: Line):
    """The line's item heading; a styled one may head a sub-item ("2.1 Capital programme" in
    bold under "2. Finance Report"), as board minutes with an action column number them."""
    text = line.text if not line.cells else " ".join(c for c in line.cells if c)
    return minutes_heading(text, sub_items=bool(line.bold or line.heading))


def _reference(number: str) -> tuple[str, int] | None:
    """A minute reference ("TB24/031") as its stem and running number ("TB24/", 31); None for an item number."""
    match = re.fullmatch(r"(?P<stem>.*/)(?P<running>\d+)", number)
    return (match["stem"], int(match["running"])) if match else None


def _wraps(above: Line, line: Line) -> bool:
    """``line`` continues the styled title line ``above`` (same style, no gap)."""
    if not line.bold or above.bbox is None or line.bbox is None:
        return False
    height = above.bbox.bottom - above.bbox.top
    return 0 <= line.bbox.top - above.bbox.bottom <= TITLE_WRAP_GAP * height


def _referenced(lines: list[tuple[int, Line]], j: int) -> tuple[str, int] | None:
    """An unnumbered styled heading whose item number follows it ("Apologies" / "(Item 1)"):
    the number and how many title lines come before the reference."""
    if not (lines[j][1].bold or lines[j][1].heading) or _heading(lines[j][1]):
        return None
    for k in range(j + 1, min(j + 1 + MAX_TITLE_LINES, len(lines))):
        match = item_reference(lines[k][1].text)
        if match:
            return match["number"], k - j
        if not _wraps(lines[k - 1][1], lines[k][1]):
            return None
    return None


def find_items(doc: Document, skip: frozenset[tuple[int, int]], lang: str) -> list[Item]:
    """The minuted items of a paper, each with the lines of its body.

    Items open at styled headings followed by their reference ("(Item 3)") when
    the paper has those; else, when numbered headings are set in bold (or as
    headings), only those open items, at any depth; in plain text, a numbered
    line opens an item when its layout sets it apart as a heading (the analysis
    reads that: ``Candidate.heading``), or when it carries the next number (lists
    inside an item do not).
    """
    numbered_at = analysis_of(doc).numbered
    kept = [(page.number, i, line) for page, i, line in doc.iter_lines() if (page.number, i) not in skip]
    lines = [(page, line) for page, _, line in kept]
    # numbered lines a paper without fonts sets apart as headings, by their index in
    # ``lines``, with the lines their titles take
    laid_out = {j: cand for j, (page, i, line) in enumerate(kept)
                if (cand := numbered_at.get((page, i))) is not None and cand.heading
                and not (line.bold or line.heading)}
    # where headings carry their reference ("(Item 3)"), a numbered paragraph set apart is none
    if sum(cand.referenced for cand in laid_out.values()) >= MIN_DECIDED_ITEMS:
        laid_out = {j: cand for j, cand in laid_out.items() if cand.referenced}
    referenced = {j: found for j in range(len(lines)) if (found := _referenced(lines, j))}
    references = {parts for _, line in lines if (match := _heading(line)) and (parts := _reference(match.number))}

    def numbered(line: Line):
        """The line's item heading; a minute reference ("24/031") only beside the next or the
        previous one ("24/032"), as a line opening with a year ("23/24 Budget") is no item."""
        match = _heading(line)
        parts = _reference(match.number) if match else None
        if parts and (parts[0], parts[1] + 1) not in references and (parts[0], parts[1] - 1) not in references:
            return None
        return match

    styled = [line for _, line in lines if (line.bold or line.heading) and numbered(line)]
    # where headings mark their numbers ("§ 12", "188 §", "Item 3:"), a bare "3." is a paragraph's
    marked = sum(numbered(line).marked for line in styled) >= MIN_DECIDED_ITEMS
    by_reference = len(referenced) >= MIN_DECIDED_ITEMS
    by_style = by_reference or bool(styled)
    items: list[Item] = []
    current: Item | None = None
    last_number = 0
    extending: Line | None = None  # the last line of a styled title that may wrap
    j = 0
    while j < len(lines):
        page, line = lines[j]
        j += 1
        match = numbered(line)
        if match and marked and not match.marked:
            match = None
        if current and extending and _wraps(extending, line) and not match \
                and _line_cue(line.text, lang)[0] is None:
            current.title += " " + line.text  # a styled title wrapped onto the next line
            extending = line
            continue
        if by_reference and j - 1 in referenced:
            number, n_title = referenced[j - 1]
            title = " ".join(l.text for _, l in lines[j - 1:j - 1 + n_title])
            current = Item(number, title, page, True)
            items.append(current)
            j += n_title  # the title's other lines and the reference
            extending = None
            continue
        opens = False
        if match:
            if by_style:
                opens = bool(line.bold or line.heading)
            elif j - 1 in laid_out:
                opens = True
            elif _reference(match.number):
                opens = True  # in sequence with another reference
            else:
                opens = int(match.number) == last_number + 1 or (not items and int(match.number) <= 1)
        if opens:
            last_number = int(match.number) if match.number.isdigit() else last_number
            title_lines = laid_out[j - 1].title_lines if j - 1 in laid_out and not by_style else 1
            title = " ".join([match.title, *(l.text for _, l in lines[j:j - 1 + title_lines])])
            current = Item(match.number, title, page, by_style)
            items.append(current)
            j += title_lines - 1  # a title a paper without fonts wraps
            extending = line if by_style else None
            continue
        extending = None
        if current is None:
            continue
        if not (current.lines == [] and item_reference(line.text)):
            current.lines.append((page, line))
    for item in items:
        item.title = _title(clean(item.title) or "")
    return items


@lru_cache(maxsize=4096)  # a line is asked again: by _pieces, then by _blocks, and by each layout reader tried
def _line_cue(text: str, lang: str) -> tuple[str | None, str]:
    """What a body line opens (a cue kind or None) and the text it carries."""
    cue_text = re.sub(r"\((s)\)", r"\1", text)  # "Recommendation(s)" is a label too
    # spaCy reads only a line whose first word may open a cue, or one that may hold a heading
    # cue (which counts in a short line that is not a sentence; each word gives a token or more)
    sentence = text.rstrip().endswith(".")
    words = cue_text.split()
    named = cue_text.partition(":")[0] if ":" in cue_text else ""
    if not (words and _cue_words(LINE_START_CUES).in_text(words[0])) and \
            (sentence or len(words) > MAX_LABEL_TOKENS or not _cue_words(HEADING_CUES).in_text(cue_text)) and \
            (len(named.split()) > MAX_LABEL_TOKENS or not _cue_words(NAMED_CUES).in_text(named)):
        return None, text
    nlp, matcher = _pipeline(lang, LINE_CUES)
    tokens = nlp.make_doc(cue_text)
    heading = len(tokens) <= MAX_LABEL_TOKENS and not sentence
    found = sorted(((nlp.vocab.strings[k], s, e) for k, s, e in matcher(tokens)), key=lambda m: (m[1], -m[2]))
    for kind, start, end in found:
        if start != 0 and kind not in HEADING_CUES + NAMED_CUES:
            continue
        if kind in ("rec_label", "dec_label"):
            rest = tokens[end:].text.strip()
            if not rest or rest.startswith(":"):
                return kind, rest.lstrip(": ")
        elif kind in HEADING_CUES and heading:
            return kind, ""
        elif kind in NAMED_CUES and end <= MAX_LABEL_TOKENS:
            # with no name before it, the label stands alone: "Beslutning:" is a label
            return kind.replace("named", "label") if start == 0 else kind, tokens[end:].text.strip()
        elif kind == "rec_opener":
            # "MOTION BY: Smith" names the mover; "Motion by A, seconded by B, to approve ..." is the motion
            return kind, text if _MOTION_CLAUSE.search(text) else ""
        elif kind in ("rec_inline", "dec_inline", "stop"):
            return kind, text
    return None, text


def _blocks(item: Item, lang: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    paragraph = _patterns()["paragraph"]
    for page, line in item.lines:
        if _RULE.match(line.text.strip()):
            current = None
            continue
        paragraph_number = paragraph.match(line.text)
        numbered = bool(paragraph_number)
        for n, text in enumerate(_pieces(paragraph.sub("", _tidy(line.text)), lang)):
            kind, rest = _line_cue(text, lang)
            if kind == "stop":
                current = None
                continue
            if kind in OPENERS:
                # a block opened in a numbered paragraph ("(2) ... seconded the motion that:") ends with it
                current = Block(kind[:3], page, inline=kind.endswith("_inline") or (numbered and n == 0), cue=kind,
                                x=line.bbox.x0 if line.bbox else None)
                blocks.append(current)
                if rest:
                    current.parts.append(rest)
                if text.rstrip().endswith(":"):
                    current.list_next = 1
                continue
            if current is None:
                continue
            # a block ends at the next numbered paragraph (inline ones) or at a bold heading
            # (a list the block's paragraph introduces, set further in or numbered from 1 on, is part of
            # it: "RESOLVED that: (1) ...", "De raad besluit unaniem:" / "1. ..." / "2. ...")
            listed = current.x is not None and line.bbox is not None and line.bbox.x0 > current.x + LIST_INDENT
            if n == 0 and numbered and current.list_next is not None \
                    and _list_number(paragraph_number.group(0)) == current.list_next:
                listed = True
                current.list_next += 1
            if n == 0 and ((current.inline and numbered and not listed)
                           or (line.bold and (not item.bold or len(line.text) < MAX_SECTION_HEADING))):
                current = None
                continue
            current.parts.append(text)
    # an empty decision of a case's history stays: this meeting's, in an agenda, is not yet taken
    return [b for b in blocks if b.text or b.cue in HISTORY_CUES]


def _list_number(mark: str) -> int | None:
    """The count a paragraph's number gives in a list: 2 for "2.", "(2)", "2)"; None for "2.1"."""
    match = re.fullmatch(r"\(?(\d{1,2})[.)]?", mark.strip())
    return int(match[1]) if match else None


def _pieces(text: str, lang: str) -> list[str]:
    """A line that moves a motion, cut before each of its later sentences that is a decision
    ("Motion by A, seconded by B, to approve the agenda. Motion carried 5-0."): that sentence
    opens a block of its own. (A decision sentence inside narrative text stays text.)"""
    if not _cue_words(DEC_INLINE).in_text(text) or not (_line_cue(text, lang)[0] or "").startswith("rec"):
        return [text]
    pieces = [""]
    for sentence in _SENTENCE_BREAK.split(text):
        if pieces[-1] and _line_cue(sentence, lang)[0] == "dec_inline":
            pieces.append(sentence)
        else:
            pieces[-1] = f"{pieces[-1]} {sentence}" if pieces[-1] else sentence
    return pieces


def _sentences(item: Item, lang: str, opening: bool) -> tuple[str | None, int | None, str | None, int | None]:
    """Recommendation and decision sentences of a narrative item (text, page each). ``opening``:
    a decision counts only in a sentence it opens ("It was agreed ...", "The Board accepted ..."),
    not one that reports another meeting ("At that meeting, Members agreed ..."), and the item
    gives nothing without one."""
    nlp, matcher = _pipeline(lang, SENTENCE_CUES)
    text, starts = "", []
    for page, line in item.lines:
        starts.append((len(text), page))
        text += _patterns()["paragraph"].sub("", _tidy(line.text)) + " "
    doc = nlp(text)
    matches = matcher(doc)  # once for the item: a sentence holds the matches that lie within it
    rec, dec = [], []
    for n, sent in enumerate(doc.sents):
        kinds = {nlp.vocab.strings[k] for k, start, end in matches if sent.start <= start and end <= sent.end
                 and not (opening and start > sent.start + MAX_SUBJECT_OPENING)}
        page = max((p for offset, p in starts if offset <= sent.start_char), default=item.page)
        if "rec_sentence" in kinds:
            rec.append((n, sent.text, page))
        if "dec_sentence" in kinds:
            dec.append((n, sent.text, page))
    if dec:
        sents = list(doc.sents)
        passage, last = [], None
        for n, _, _ in dec:
            if last is not None and n - last <= SENTENCE_GAP + 1:
                passage.extend(s.text for s in sents[last + 1:n + 1])
            else:
                passage.append(sents[n].text)
            last = n
        dec_text = clean(" ".join(passage))
    else:
        dec_text = None
        if opening:
            return None, None, None, None
    return (clean(" ".join(t for _, t, _ in rec)) if rec else None, rec[0][2] if rec else None,
            dec_text, dec[0][2] if dec else None)


def _vote_lines(doc: Document, skip: frozenset[tuple[int, int]], lang: str) -> list[dict]:
    """Minutes kept as an outline of votes: each line that records one is a decision,
    named by the words before the vote ("2017/18 Financials approved – ...") or the
    clause after it ("APPROVED – Revised 2018 budget – ...")."""
    nlp, matcher = _pipeline(lang, VOTE_CUES)
    rows = []
    for page, i, line in doc.iter_lines():
        if (page.number, i) in skip:
            continue
        text = _tidy(line.text)
        if not _cue_words(VOTE_CUES).in_text(text):
            continue
        tokens = nlp.make_doc(text)
        found = [(s, e) for _, s, e in matcher(tokens)]
        if not found:
            continue
        start, end = min(found)
        if start > 0:
            title = tokens[:start].text
        else:
            title = _CLAUSE_BREAK.split(tokens[end:].text.strip(), maxsplit=1)[0]
        rows.append({"item_number": None, "title": clean(title.strip(" .:-–—")), "recommendation": None,
                     "decision": clean(text), "page": page.number})
    return rows


def _resolutions(blocks) -> list[Block]:
    """An item's decision blocks without the bare outcomes of its votes
    ("Motion carried.", "Amendment lost.") when it records what was resolved."""
    blocks = list(blocks)
    stated = [b for b in blocks if len(b.text.split()) > MAX_OUTCOME_WORDS]
    return stated or blocks


def _this_meetings(blocks: list[Block]) -> list[Block]:
    """A case's decision history, each meeting's decision under a heading of its own
    ("Beslutning i Udvalget for kultur den 10-04-2013", then "... den 24-04-2013"), as Danish
    committee systems print a case taken up again: the last is this meeting's."""
    headed = [b for b in blocks if b.cue in HISTORY_CUES]
    return [b for b in ([headed[-1]] if len(headed) > 1 else blocks) if b.text]


def _item_rows(doc: Document, items: list[Item], paged: bool) -> list[dict]:
    """The rows of minuted items: each item's labelled or inline blocks, else (in minutes) its
    sentences."""
    lang = analysis_of(doc).locale.language or "en"
    history = [_blocks(item, lang) for item in items]
    blocks_of = [[b for b in blocks if b.text] for blocks in history]
    # a paper is minutes when it says so or records a decision under a minutes-only
    # heading ("Udvalgets beslutning den ..."); in any other paper only labelled
    # blocks count ("Be it resolved" in a budget book is not a minuted item), and no named
    # decision: an agenda prints "Nämndens beslut:" with nothing under it, this meeting's to take
    is_minutes = _calls_itself_minutes(doc) or any(b.cue == "dec_heading" for blocks in blocks_of for b in blocks)
    if not is_minutes:
        blocks_of = [[b for b in blocks if not b.inline and b.cue != "dec_named"] for blocks in blocks_of]
        history = [[b for b in blocks if b.cue != "dec_named"] for blocks in history]
    # narrative sentences ("The Board agreed ...") are read in minutes' items that record no
    # decision in a labelled or inline form (board minutes mix "RESOLVED that" and "It was agreed");
    # beside such items, only sentences that open with their decision (a committee system's pages
    # are read as narrative minutes, item by item)
    opening = any(blocks_of) and not paged
    rows = []
    for item, blocks, past in zip(items, blocks_of, history):
        if blocks:
            recs = [b for b in blocks if b.kind == "rec"]
            decs = _resolutions(_this_meetings([b for b in past if b.kind == "dec" and (b.text or not b.inline)]))
            rec = " ".join(b.text for b in recs) or None
            dec = " ".join(b.text for b in decs) or None
            page = (decs or blocks)[0].page  # where the item's decision is recorded
        elif is_minutes:
            rec, rec_page, dec, dec_page = _sentences(item, lang, opening)
            page = min((p for p in (rec_page, dec_page) if p), default=item.page)
        else:
            continue
        if rec or dec:
            rows.append({"item_number": item.number, "title": item.title, "recommendation": rec,
                         "decision": dec, "page": page})
    # a paper that calls itself minutes needs one decision; any other, two
    if sum(1 for r in rows if r["decision"]) < (1 if is_minutes else MIN_DECIDED_ITEMS):
        return []
    return rows


def _calls_itself_minutes(doc: Document) -> bool:
    return any(s.kind == "minutes" for s in doc.segments)


def minuted_pages(doc: Document) -> list[dict]:
    """A committee system's web pages, each item's minutes marked ("Minutes:" under
    "5. Budget 2026/27"): each item is read as narrative minutes."""
    items = [Item(m.number, m.title, m.page, False, m.minuted) for m in minuted_page_items(doc)]
    return _item_rows(doc, items, paged=True) if items else []


def minuted_items(doc: Document) -> list[dict]:
    """Minutes (or a case paper) whose items are headings, numbered ("84. Apologies",
    "24/031 Budget", bold, or set apart in a paper without fonts) or unnumbered over
    their reference ("Apologies" / "(Item 1)"), each with what it was asked and resolved:
    labelled blocks ("Indstilling" / "Beslutning"), inline paragraphs ("RESOLVED that
    ..."), or sentences ("The Board agreed ...")."""
    analysis = analysis_of(doc)
    items = find_items(doc, analysis.furniture, analysis.locale.language or "en")
    return _item_rows(doc, items, paged=False) if items else []


def vote_outline(doc: Document) -> list[dict]:
    """Minutes with no items to read, kept as an outline of votes: "2026/27 budget
    approved – A. Brown (motion), C. Dale (second)", "APPROVED – Fees for 2026"."""
    analysis = analysis_of(doc)
    lang = analysis.locale.language or "en"
    if not _calls_itself_minutes(doc) or find_items(doc, analysis.furniture, lang):
        return []
    rows = _vote_lines(doc, analysis.furniture, lang)
    return rows if any(r["decision"] for r in rows) else []


# The layouts of minuted decisions, and of an agenda's recommendations (the decision null:
# the meeting has not met), tried in turn: the first that gives rows wins.
READERS = (minuted_pages, minuted_items, vote_outline, agenda_recommendations)


def decisions(doc: Document) -> list[dict]:
    return next(filter(None, (read(doc) for read in READERS)), [])


class DecisionsExtractor(Extractor):
    name = "decisions"
    produces = ("decisions",)

    def prepare(self) -> None:
        for kinds in (LINE_CUES, SENTENCE_CUES, VOTE_CUES):
            _pipeline("en", kinds)  # imports spaCy, the slow part

    def extract(self, doc: Document) -> Rows:
        return {"decisions": decisions(doc)}
