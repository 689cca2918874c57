"""The table finder on text tables set without rules among running text (a risk register, an
action log: short cells beside cells of sentences wrapped in them). Small PDFs drawn in the test."""
from __future__ import annotations

from test_find_tables import HEIGHT, _prose, _tables

REGISTER = [["Hazard", "Chance", "Effect", "Response"],
            ["Storm damage to the pier", "Low", "Severe",
             ["Inspect the decking after each gale and", "keep a repair fund in reserve"]],
            ["Ferry timetable cut", "High", "Minor", ["Publish the revised times at every stop"]],
            ["Volunteer numbers fall", "Medium", "Moderate",
             ["Run an open day each spring and thank", "volunteers in the newsletter"]]]


def _register(c, top: float, rows=REGISTER) -> float:
    """Columns by whitespace only; the last cell's sentence wraps within its cell."""
    y = HEIGHT - top
    c.setFont("Helvetica", 8)
    for row in rows:
        for x, text in zip((72, 210, 265, 325), row[:3]):
            c.drawString(x, y, text)
        for k, line in enumerate([row[3]] if isinstance(row[3], str) else row[3]):
            c.drawString(325, y - 10 * k, line)
        y -= 10 * (len(row[3]) if isinstance(row[3], list) else 1) + 4
    return HEIGHT - y


def test_a_text_table_between_paragraphs_is_found_with_its_wrapped_sentences_joined():
    def draw(c):
        _prose(c, 80, lines=6)
        end = _register(c, 170)
        _prose(c, end + 20, lines=6)

    (table,) = _tables(draw)
    assert table.rows == [row[:3] + [row[3] if isinstance(row[3], str) else " ".join(row[3])] for row in REGISTER]


def test_two_runs_of_prose_side_by_side_with_a_word_between_are_not_a_table():
    # a margin note between two columns of text is one short chunk, not a row's short cells
    def draw(c):
        words = ("the trust agreed to review the ferry contract and to report back on the cost of "
                 "repairs to the pier before the summer season begins").split()
        y = HEIGHT - 80
        for i in range(20):
            c.setFont("Helvetica", 9)
            c.drawString(60, y, " ".join(words[i % 10:i % 10 + 7]))
            if i % 4 == 0:
                c.drawString(268, y, "Note")
            c.drawString(310, y, " ".join(words[(i + 5) % 10:(i + 5) % 10 + 7]))
            y -= 12

    assert _tables(draw) == []


def test_a_text_tables_cells_set_level_with_the_last_line_of_its_sentence_stay_one_row():
    # the other cells of a row sit level with the last line of the response (Word's "bottom")
    def draw(c):
        _prose(c, 80, lines=6)
        y = HEIGHT - 170
        c.setFont("Helvetica", 8)
        for x, text in zip((72, 210, 265, 325), REGISTER[0]):
            c.drawString(x, y, text)
        for row in REGISTER[1:]:
            lines = [row[3]] if isinstance(row[3], str) else row[3]
            for k, line in enumerate(lines):
                c.drawString(325, y - 14 - 10 * k, line)
            y -= 14 + 10 * (len(lines) - 1)
            for x, text in zip((72, 210, 265), row[:3]):
                c.drawString(x, y, text)
        _prose(c, HEIGHT - y + 30, lines=6)

    (table,) = _tables(draw)
    assert table.rows == [row[:3] + [row[3] if isinstance(row[3], str) else " ".join(row[3])] for row in REGISTER]



def test_a_sentence_goes_on_into_the_next_row_only_from_its_start_and_not_past_its_end():
    from pipeline.tables.stream import join_continued_labels

    opened = [["Ferry timetable cut", "High", "Publish the revised times at every stop and on the"],
              [None, None, "Explain the changes to the parish council in writing"],
              ["Volunteer numbers fall", "Low", "website before the summer season starts"]]
    ended = [["-", "agrees that the lease runs for three years from the", None],
             [None, "1 April 2026;", None],
             ["-", "asks the clerk to write to the tenant and the land agent", None]]
    assert join_continued_labels(opened, text_cells=True)[0] == [
        opened[0], ["Volunteer numbers fall", "Low",
                    "Explain the changes to the parish council in writing website before the summer season starts"]]
    # an item's last line, ended, is no start of the next item's sentence
    assert join_continued_labels(ended, text_cells=True)[0] == ended
