"""What a paper is: its doc_type, language and issuing organisation (fields of its ``documents`` row)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.vocab import load_vocab
from pipeline.analyse import analysis_of
from pipeline.extractor import Extractor, Rows
from pipeline.find import headed
from pipeline.meeting_header import meeting_addressed
from pipeline.model import Document
from pipeline.textutil import fold

# A paper "has minutes" when at least this many lines record decisions.
MIN_DECISION_LINES = 2
# Where the issuing body is looked for, and the weight of its name in the title lines.
ORGANISATION_PAGES = 10
TITLE_LINES = 6
MAX_TITLE_WORDS = 14
TITLE_BONUS = 3
MAX_NAME_WORDS = 9
# A name said once in running text or a table row ("... funded by the Department for Education")
# is a body the paper mentions, not the one that issued it.
MIN_ORGANISATION_COUNT = 2
# The front page and a page's header and footer lines are where a publisher prints its name: a
# name there (outside a grid of figures) counts for two ("8. 24/00115 - Northshire County Council ...").
PLACED_WEIGHT = 2
GRID_CELLS = 3


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = load_vocab("document_types")
    # "Westbury Council", "NORTHSHIRE COUNTY COUNCIL", never "reduced council"
    suffixes = "|".join(f"{re.escape(w.title())}|{re.escape(w.upper())}" for w in data["organisation"]["suffixes"])
    connectors = "|".join(re.escape(w) for w in data["organisation"]["connectors"])
    word = r"[A-ZÆØÅ][\w'’-]*"
    return {
        "title": {k: [re.compile(p) for p in v] for k, v in data["title_cues"].items()},
        "decision": [re.compile(p, re.M) for p in data["decision_cues"]["patterns"]],
        "record": [re.compile(p, re.M) for p in data["record_cues"]["patterns"]],
        "organisation": re.compile(
            # "Northshire District Councils" are several bodies, not "Northshire District"
            rf"\b{word}(?:\s+(?:(?:{connectors})\s+)?{word})*\s+(?:{suffixes})\b(?!\s+(?:{suffixes})s\b)"
            rf"(?:\s+(?:for|of)\s+{word}(?:\s+(?:(?:{connectors})\s+)?{word})*)?"),
        "generic": {fold(w) for w in data["organisation"]["generic"]},
        "joiners": {fold(w) for w in data["organisation"]["joiners"]},
        "articles": {fold(w) for w in data["organisation"]["articles"]},
        "organisation_end": re.compile(rf"^(?:{suffixes})$"),
        "kind_words": {fold(w) for w in data["organisation"]["kinds"] + data["organisation"]["suffixes"]},
        "units": {fold(w) for w in data["organisation"]["units"]},
    }


def title_lines(doc: Document) -> list[str]:
    """The lines a paper's title can be on: the first of page 1, short, not
    the rows of a form or a table ("Strategy/Policy | KCC adoption ...")."""
    lines = doc.pages[0].lines[:TITLE_LINES] if doc.pages else []
    return [line.text for line in lines
            if len([c for c in line.cells or [] if c]) < 2 and len(line.text.split()) <= MAX_TITLE_WORDS]


def classify(doc: Document) -> str:
    vocab = _vocab()
    # "agenda (capital as well as ...)" running on in a sentence opens no agenda
    kinds = {s.kind for s in doc.segments if headed(s) or s.kind not in ("agenda", "minutes")}
    folded = fold(doc.text)
    decision_lines = sum(len(p.findall(folded)) for p in vocab["decision"])
    if "minutes" in kinds or decision_lines >= MIN_DECISION_LINES:
        return "minutes"
    first_page = fold(doc.pages[0].text) if doc.pages else ""
    if "agenda" in kinds and any(p.search(first_page) for p in vocab["record"]):
        return "minutes"
    if "agenda" in kinds:
        return "board_pack" if kinds & {"cover_sheet", "action_log"} else "agenda"
    analysis = analysis_of(doc)
    if analysis.opening is not None:
        return analysis.opening[1]
    if analysis.case_paper:
        return "minutes"  # one item of a meeting with the meeting's decision on it: the minute of that item
    if meeting_addressed(doc):
        return "report"  # a cover "To: Cabinet, 30 January 2025": a report to a meeting, whatever its subject
    title = fold(" ".join(title_lines(doc)))
    # the kind named first in the title: a business plan may mention its strategy later
    named = [(m.start(), doc_type) for doc_type, patterns in vocab["title"].items()
             for p in patterns for m in [p.search(title)] if m]
    if named:
        return min(named)[1]
    if kinds & {"cover_sheet", "financial_table"}:
        return "report"
    return "other"


def _organisation_names(text: str) -> list[str]:
    """The names in a matched run: "Westbury Council and Pennine Care Trust" is two."""
    suffix = _vocab()["organisation_end"]
    parts, current = [], []
    for word in text.split(" "):
        if fold(word) in _vocab()["joiners"] and current and suffix.search(current[-1]):
            parts.append(" ".join(current))
            current = []
            continue
        current.append(word)
    parts.append(" ".join(current))
    return [name for name in map(_organisation_name, parts) if name]


def _organisation_name(text: str) -> str | None:
    """A name without leading generic words ("The", "Chair of"), or None
    when nothing but the suffix word is left ("The Authority")."""
    folded = fold(text)
    for patterns in _vocab()["title"].values():
        for pattern in patterns:  # "... Social Care Business Plan": the name ends before the kind of paper
            match = pattern.search(folded)
            if match:
                text, folded = text[:match.start()], folded[:match.start()]
    words = text.replace("’s ", " ").replace("'s ", " ").split()
    # "ALL Revenue The Council": a name starts again at an article inside it
    articles = [i for i, w in enumerate(words) if i and fold(w) in _vocab()["articles"]]
    if articles:
        words = words[articles[-1]:]
    # "280 GROVE STREET Department of ...": capitals of an address run into the name
    capitals = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
    if 2 <= capitals < len(words):
        words = words[capitals:]
    while words and fold(words[0]) in _vocab()["generic"]:
        words.pop(0)
    return " ".join(words) if 2 <= len(words) <= MAX_NAME_WORDS else None


def _within(short: str, long: str) -> bool:
    """"Health and Wellbeing Board" names the same body as "Sefton Health and
    Wellbeing Board"; "Standards Authority" as "Standards Authority for Health"."""
    return long != short and (long.endswith(" " + short) or long.startswith(short + " for ")
                              or long.startswith(short + " of "))


def _kind_of_body(key: str) -> bool:
    """"County Council": a kind of body, naming none without its place."""
    return all(word in _vocab()["kind_words"] for word in key.split())


def _unit(key: str) -> bool:
    """"Deputy Chief Executive Department": a part of an organisation, not one."""
    return key.split()[-1] in _vocab()["units"]


def organisation(doc: Document) -> str | None:
    """The body named most often, a shorter form of a name counting for it; a
    name in the first lines counts extra, and on the front page or in a page's
    header or footer more than in running text. A kind of body ("County
    Council") counts for the full name printed elsewhere ("Northshire County
    Council") and is no answer by itself; nor is a department, nor a body
    named only once in running text."""
    pattern = _vocab()["organisation"]
    counts: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for page in doc.pages[:ORGANISATION_PAGES]:
        for i, line in enumerate(page.lines):
            furniture = i in (0, len(page.lines) - 1)  # a page's header or footer line
            grid = len([c for c in line.cells or [] if c]) >= GRID_CELLS
            weight = (1 + TITLE_BONUS if page.number == 1 and i < TITLE_LINES
                      else PLACED_WEIGHT if (furniture or page.number == 1) and not grid else 1)
            for name in (n for match in pattern.finditer(line.text) for n in _organisation_names(match.group())):
                key = fold(name)
                counts[key] += weight
                mentions[key] += 1
                spelled.setdefault(key, name.title() if name.isupper() else name)
    if not counts:
        return None
    # a longer form collects its shorter forms only when it is a name in its own right, said twice;
    # a kind of body ("COUNTY COUNCIL" atop each page) always counts for the full name it ends
    totals = {key: n + sum(m for other, m in counts.items()
                           if _within(other, key) and (mentions[key] > 1 or _kind_of_body(other)))
              for key, n in counts.items() if not _kind_of_body(key) and not _unit(key)}
    if not totals:
        return None
    # most mentions; of equals, the one named first (a letterhead above the meeting's title)
    first = {key: k for k, key in enumerate(spelled)}
    best = min(totals, key=lambda key: (-totals[key], first[key]))
    return spelled[best] if totals[best] >= MIN_ORGANISATION_COUNT else None


class DocumentInfoExtractor(Extractor):
    name = "document_info"
    produces = ("documents",)
    order = 10

    def extract(self, doc: Document) -> Rows:
        if not any(p.lines for p in doc.pages):
            return {}
        return {"documents": [{"doc_type": classify(doc), "language": analysis_of(doc).locale.language,
                               "organisation": organisation(doc)}]}
