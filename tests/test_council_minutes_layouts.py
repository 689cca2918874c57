"""English council minutes: bold numbered minute headings with the agenda item
under them ("(Item 4)"), paragraphs numbered "(1)" or "1)", a motion moved and
seconded, votes, and what was RESOLVED (with its list). Wording made up in the
style of the class; lines placed as a PDF places them."""
from __future__ import annotations

from test_us_agenda_layouts import line, paper, rows

# (indent, text, bold) per line, set 14 pt apart from the top of the page down
MINUTES = [
    (230, "SHIRE COUNTY COUNCIL", True), (250, "COUNTY COUNCIL", True),
    (90, "MINUTES of a meeting of the County Council held in the Council Chamber, Shire Hall,", False),
    (90, "Oldtown on Thursday, 12 March 2026.", False),
    (90, "PRESENT: Mr A Brown (Chairman), Mrs C Dale, Mr E Fox", False),
    (54, "401. Apologies for Absence", True), (90, "(Item 1)", False),
    (90, "(1) Apologies were received from Mr G Hill.", False),
    (90, "(2) Mrs J King sent apologies for lateness.", False),
    (54, "402. Minutes of the meeting held on 5 February 2026", True), (90, "(Item 2)", False),
    (90, "RESOLVED that the minutes of the meeting held on 5 February 2026 be approved.", False),
    (54, "403. Chairman's Announcements", True), (90, "(Item 3)", False),
    (90, "(1) The Chairman welcomed the new Members.", False),
    (90, "(2) The Chairman noted the retirement of the Clerk.", False),
    (54, "404. Treasury Strategy", True), (90, "(Item 4)", False),
    (90, "(1) The Director of Finance introduced the strategy and answered questions on it.", False),
    (90, "(2) Mr Fox proposed, and Mrs Dale seconded the motion that:", False),
    (118, "“County Council is asked to approve the Treasury Strategy for 2026-27.”", False),
    (90, "(3) The Chairman put the motion to the vote and the voting was as follows:", False),
    (90, "For (40)", False), (90, "Against (2)", False), (440, "Motion carried.", False),
    (90, "(4) RESOLVED that the County Council:", False),
    (118, "(1) approves the Treasury Strategy for 2026-27; and", False),
    (118, "(2) notes the prudential indicators.", False),
    (90, "(5) Members thanked the finance team for their work.", False),
]


def council_minutes():
    return paper([line(x, 60 + 20 * k, text, bold=bold) for k, (x, text, bold) in enumerate(MINUTES)])


def test_minute_headings_are_the_items_not_the_numbered_paragraphs_under_them():
    # the last minute's paragraphs, (1) to (5), outnumber the headings and sit under none but it
    found = rows("agenda", "agenda_items", council_minutes())
    assert [(r["item_number"], r["title"]) for r in found] == [
        ("401", "Apologies for Absence"), ("402", "Minutes of the meeting held on 5 February 2026"),
        ("403", "Chairman's Announcements"), ("404", "Treasury Strategy")]


def test_motion_seconded_is_the_recommendation_and_resolved_with_its_list_the_decision():
    found = {r["item_number"]: r for r in rows("decisions", "decisions", council_minutes())}
    assert set(found) == {"402", "404"}
    treasury = found["404"]
    assert treasury["recommendation"] == "County Council is asked to approve the Treasury Strategy for 2026-27."
    # the vote's outcome ("Motion carried.") is not what was resolved; the resolution's own list is
    assert treasury["decision"] == ("RESOLVED that the County Council: approves the Treasury Strategy for 2026-27; "
                                    "and notes the prudential indicators.")
