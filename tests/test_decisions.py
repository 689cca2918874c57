"""decisions: per minuted item, what was asked and what was resolved, one test per layout."""
from __future__ import annotations

from extractors.decisions import CueWords
from tests.conftest import extractor, text_document


def rows(text: str) -> list[dict]:
    return extractor("decisions").extract(text_document(text))["decisions"]


def by_number(found: list[dict]) -> dict[str, dict]:
    return {r["item_number"]: r for r in found}


def test_danish_indstilling_and_beslutning_blocks():
    found = by_number(rows("""Referat

1. Velkomst (kl. 12.30) v. Mette Skovgaard
Beslutning:
Mødet startede med en kort præsentationsrunde.

2. Godkendelse af dagsordenen (kl. 12.35) v. Mette Skovgaard
Indstilling:
At styregruppen:
• Godkender dagsordenen.
Beslutning:
Dagsordenen blev godkendt.
1. En liste i referatet
2. Med punkter der ikke er nye sager

3. Eventuelt
Beslutning:
Der var ikke noget til eventuelt.
"""))
    assert sorted(found) == ["1", "2", "3"]
    assert found["1"]["title"] == "Velkomst"
    assert found["1"]["recommendation"] is None
    assert found["2"]["recommendation"] == "At styregruppen: Godkender dagsordenen."
    assert found["2"]["decision"].startswith("Dagsordenen blev godkendt.")
    assert found["3"]["title"] == "Eventuelt"


def test_committee_decision_heading_ends_at_boilerplate():
    found = by_number(rows("""Referat

## 1. Meddelelser
Udvalgets beslutning den 04.12.2012 Punkt 1
Taget til efterretning
Følgende deltog ikke i behandlingen af punktet:
Per Hansen

## 2. Bygningsvedligeholdelse 2013
Indstilling
Center for Ejendomme indstiller, at
A) Arbejderne godkendes.
Udvalgets beslutning den 04.12.2012 Punkt 2
Indstillingen godkendt
"""))
    assert found["1"]["decision"] == "Taget til efterretning"
    assert found["2"]["recommendation"] == "Center for Ejendomme indstiller, at A) Arbejderne godkendes."
    assert found["2"]["decision"] == "Indstillingen godkendt"


def test_cue_words_let_through_the_texts_a_pattern_may_open():
    words = CueWords([[{"LOWER": {"IN": ["motion", "moved"]}}, {"LOWER": "by"}],
                      [{"ORTH": "RESOLVED"}], [{"LOWER": {"REGEX": "beslutning$"}}]])
    assert words.in_text("Motion by Smith") and words.in_text("“Resolved that")
    assert words.in_text("Byrådsbeslutning den 3. maj")
    assert not words.in_text("The budget was noted")
    # a first token it cannot read may be any token: every text passes
    assert CueWords([[{"LOWER": "motion", "OP": "?"}, {"LOWER": "by"}]]).in_text("The budget was noted")
    assert CueWords([[{"LOWER": {"REGEX": "^res(olved)?"}}]]).in_text("The budget was noted")


def test_resolved_paragraph_ends_at_the_next_numbered_paragraph():
    found = by_number(rows("""MINUTES of a meeting of the Cabinet

## 86. Minutes of the Meeting held on 9th January 2025 (Item 3)
RESOLVED that the minutes were a correct record.

## 88. Revenue Budget Monitoring
1. Mr Oakford introduced the report.
2. RESOLVED that Cabinet agree to:
A) Note the forecast overspend.
b) Agree the capital budget changes.
3. Members thanked officers.
"""))
    assert found["86"]["title"] == "Minutes of the Meeting held on 9th January 2025"
    assert found["86"]["decision"] == "RESOLVED that the minutes were a correct record."
    assert found["88"]["decision"] == ("RESOLVED that Cabinet agree to: A) Note the forecast overspend. "
                                       "b) Agree the capital budget changes.")


def test_narrative_minutes_read_asking_and_agreeing_sentences():
    found = by_number(rows("""Board meeting minutes

## 1. Fixed Asset Review
The Chair of the Finance Committee asked the Board to accept the proposal to write off all assets.
The effect would be a lower surplus.
The Board agreed unanimously with this review.

## 2. Opening Hours
The Chair asked the Board to review the proposal to amend opening hours.
This proposal will deliver 7-day opening.
The Board agreed unanimously to accept this proposal.
"""))
    assert found["1"]["recommendation"] == ("The Chair of the Finance Committee asked the Board to accept the "
                                            "proposal to write off all assets.")
    assert found["1"]["decision"] == "The Board agreed unanimously with this review."
    assert found["2"]["decision"] == "The Board agreed unanimously to accept this proposal."


def test_us_motion_second_ayes_result():
    found = by_number(rows("""Minutes of the regular meeting of the Board of Trustees

1. Call to Order
The meeting was called to order at 6:00 pm.

2. Approval of the FY2024 Budget
MOTION BY: Trustee Smith SECOND: Trustee Jones
To approve the FY2024 operating budget as presented.
AYES: Smith, Jones, Lee
RESULT: APPROVED

3. Library Hours
It was moved by Trustee Lee, seconded by Trustee Smith, to extend Saturday hours.
Motion carried unanimously.
"""))
    assert sorted(found) == ["2", "3"]
    assert found["2"]["recommendation"] == "To approve the FY2024 operating budget as presented."
    assert found["2"]["decision"] == "APPROVED"
    assert found["3"]["recommendation"].startswith("It was moved by Trustee Lee")
    assert found["3"]["decision"] == "Motion carried unanimously."


def test_report_recommendations_are_not_decisions():
    assert rows("""Report to the Executive

1. Purpose of the report
The report asks the Executive to approve the partnership.

2. Recommendation
Recommendation: that the Executive approves the partnership agreement.

3. Financial implications
None.
""") == []


def test_unnumbered_headings_take_their_number_from_the_item_reference():
    found = by_number(rows("""MINUTES of the meeting of the Corporate Parenting Panel

**Apologies and Substitutes**
(Item 1)
Apologies were received from Dylan Jeffrey.

**Minutes of the meeting held on 29 October 2024**
(Item 3)
RESOLVED that the minutes were a correct record.

**Participation Team Update**
(Item 4)
1. Jo Carpenter presented the report.
2. The Chair shared that she would write to group leaders.
3. RESOLVED that the update be noted.
"""))
    assert sorted(found) == ["3", "4"]
    assert found["3"]["title"] == "Minutes of the meeting held on 29 October 2024"
    assert found["4"]["title"] == "Participation Team Update"
    assert found["4"]["decision"] == "RESOLVED that the update be noted."


def test_single_item_extract_with_a_committee_decision_heading():
    found = rows("""## 6. Prioritering af midler
Sagsnr.: 2012-21786
Indstilling fra Center for Social, Sundhed og Beskæftigelse
A) Prioriteringen af midlerne godkendes.
Beslutning i Sundhedsudvalget den 04.12.2012
Indstillingen godkendt
""")
    assert found == [{"item_number": "6", "title": "Prioritering af midler",
                      "recommendation": "A) Prioriteringen af midlerne godkendes.",
                      "decision": "Indstillingen godkendt", "page": 1}]


def test_narrative_acceptance_and_numbered_paragraphs():
    found = by_number(rows("""Open board meeting minutes

## 1. Minutes of the meeting held 5th May 2015
1.1 The minutes were accepted as a true and accurate record.

## 2. Lone Working Policy
The Chief Executive reported on lone working. The policy was accepted by the Board.
"""))
    assert found["1"]["decision"] == "The minutes were accepted as a true and accurate record."
    assert found["2"]["decision"] == "The policy was accepted by the Board."


def test_agreed_and_it_is_recommended_paragraphs():
    found = by_number(rows("""Minutes of the Finance Committee

## 4. Treasury Management Strategy
It is recommended that the Committee approves the strategy.
Agreed: the strategy was approved.

## 5. Fees and charges
Members discussed the fees.
AGREED that the fees rise by 3%.
"""))
    assert found["4"]["recommendation"] == "It is recommended that the Committee approves the strategy."
    assert found["4"]["decision"] == "Agreed: the strategy was approved."
    assert found["5"]["decision"] == "AGREED that the fees rise by 3%."


def test_resolutions_printed_in_a_budget_book_are_not_minuted_items():
    assert rows("""Municipal Budget of the City for the Calendar Year 2013

1. Revenue Statement
Be it Resolved, that the following statements of revenues shall constitute the budget.

2. Appropriations
Be it Further Resolved, that said budget be published in the journal.
""") == []


def test_real_minutes_give_decisions_and_reports_none(corpus_out):
    from pipeline.query import read_table

    docs = read_table(corpus_out, "documents").to_pandas()[["document_id", "source_path"]]
    rows = read_table(corpus_out, "decisions").to_pandas().merge(docs)
    per_paper = rows.groupby("source_path").size()
    assert per_paper["kent_council_assistant/Printed_minutes_30th-Jan-2025_10.00_Cabinet.pdf"] == 6
    assert per_paper["004_5cf2df7d030f5e83.txt"] == 11
    for paper in ("000_d3098f75e341e2ed.txt", "001_851859e06f3a547b.txt",
                  "kent_council_assistant/Public_reports_pack_13th-Mar-2025_15.00_Cabinet.pdf"):
        assert paper not in per_paper


def test_minutes_kept_as_an_outline_of_votes():
    found = rows("""Commission Meeting Minutes
Minutes from Monday, January 29, 2018 – 9:00am
\uf0b7 Perfunctory Business
o Commissioners Present: Anne Smith, Bob Jones
\uf0b7 Meeting called to order at 9:08am – A. Smith (motion), B. Jones (second)
\uf0b7 Minutes from 11/30/17 meeting approved – B. Jones (motion), A. Smith (second)
o In 2017, the district spent $210,783 of its $246,394 budget
\uf0b7 New Business
o APPROVED – Revised 2018 budget – A. Smith (motion), B. Jones (second)
o Holiday decorations were taken down and stored on schedule
""")
    assert [r["title"] for r in found] == ["Minutes from 11/30/17 meeting", "Revised 2018 budget"]
    assert found[1]["decision"] == "APPROVED – Revised 2018 budget – A. Smith (motion), B. Jones (second)"
    assert all(r["item_number"] is None and r["recommendation"] is None for r in found)


def test_norwegian_swedish_and_german_decision_labels():
    found = by_number(rows("""Protokoll

1. Budsjett 2025
Forslag til vedtak:
Styret godkjenner budsjettet.
Vedtak:
Enstemmig vedtatt.

2. Årsredovisning
Beslut:
Styrelsen fastställer årsredovisningen.

3. Haushaltsplan
Beschluss:
Der Haushaltsplan wird genehmigt.
"""))
    assert found["1"]["recommendation"] == "Styret godkjenner budsjettet."
    assert found["1"]["decision"] == "Enstemmig vedtatt."
    assert found["2"]["decision"] == "Styrelsen fastställer årsredovisningen."
    assert found["3"]["decision"] == "Der Haushaltsplan wird genehmigt."


def test_items_numbered_by_minute_references():
    found = rows("""MINUTES OF THE TRUST BOARD
held on 5 March 2024

TB24/031 Chief Executive's Report
The Chief Executive presented the report.
23/24 Capital Programme spend was discussed.
RESOLVED: that the Board noted the report.

TB24/032 Finance Report
RESOLVED: that the Board approved the budget.
""")
    # "23/24 Capital ..." opens a line of the text, not an item: no reference runs on from it
    assert [(r["item_number"], r["title"], r["decision"]) for r in found] == [
        ("TB24/031", "Chief Executive's Report", "RESOLVED: that the Board noted the report."),
        ("TB24/032", "Finance Report", "RESOLVED: that the Board approved the budget.")]


def test_pdf_minutes_with_bold_minute_reference_headings(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.find import find_segments
    from pipeline.load import load

    path = tmp_path / "minutes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    lines = [("Helvetica-Bold", "Minutes of the Integrated Care Board"),
             ("Helvetica", "held on 5 March 2024"),
             ("Helvetica-Bold", "ICB/24/017 Joint Forward Plan"),
             ("Helvetica", "The Director of Strategy presented the plan."),
             ("Helvetica", "RESOLVED: that the Board approved the Joint Forward Plan."),
             ("Helvetica-Bold", "ICB/24/018 Board Assurance Framework"),
             ("Helvetica", "RESOLVED: that the Board noted the framework.")]
    for k, (font, text) in enumerate(lines):
        pdf.setFont(font, 11)
        pdf.drawString(60, 780 - 22 * k, text)
    pdf.save()
    doc = load(path, "minutes.pdf")
    doc.segments = find_segments(doc)
    found = extractor("decisions").extract(doc)["decisions"]
    assert [(r["item_number"], r["title"], r["decision"]) for r in found] == [
        ("ICB/24/017", "Joint Forward Plan", "RESOLVED: that the Board approved the Joint Forward Plan."),
        ("ICB/24/018", "Board Assurance Framework", "RESOLVED: that the Board noted the framework.")]


def test_items_headed_item_n_or_numbered_n_point_0():
    for first, second in (("Item 1: Minutes of the previous meeting", "Item 2: Finance Report"),
                          ("Agenda Item 1 – Minutes of the previous meeting", "Agenda Item 2 – Finance Report"),
                          ("1.0 Minutes of the previous meeting", "2.0 Finance Report")):
        found = rows(f"MINUTES OF THE BOARD\nheld on 5 March 2024\n\n{first}\n"
                     "RESOLVED: that the minutes be approved.\n\n"
                     f"{second}\nRESOLVED: that the report be noted.\n")
        assert [(r["item_number"], r["title"]) for r in found] == [
            ("1", "Minutes of the previous meeting"), ("2", "Finance Report")], first
        assert found[1]["decision"] == "RESOLVED: that the report be noted."


def test_a_motion_and_its_result_on_one_line():
    found = by_number(rows("""Minutes of the regular meeting of the Board of Trustees

1. Library Hours
It was moved by Trustee Lee, seconded by Trustee Smith, to extend Saturday hours. Motion carried 5-0.

2. Consent Agenda
Motion by Trustee Smith, second by Trustee Jones, to approve the consent agenda. Motion passed unanimously.
"""))
    assert found["1"]["recommendation"] == "It was moved by Trustee Lee, seconded by Trustee Smith, to extend Saturday hours."
    assert found["1"]["decision"] == "Motion carried 5-0."
    assert found["2"]["decision"] == "Motion passed unanimously."


def test_board_action_label():
    found = by_number(rows("MINUTES OF THE BOARD\nheld on 5 March 2024\n\n1. Budget\nThe budget was presented.\n"
                           "Board Action: Approved 5-0.\n\n2. Policy\nBOARD ACTION:\nAdopted.\n"))
    assert (found["1"]["decision"], found["2"]["decision"]) == ("Approved 5-0.", "Adopted.")


# Swedish-language municipal minutes (Sweden, Finland): each § on its own page under a running
# header, the officer's proposal and the body's decision under their names, a rule closing each;
# a case taken up again prints the earlier body's decision first.
_NORDIC_PAGES = [
    ("12 § Val av protokolljusterare",
     "Tekniska direktörens förslag:\nNämnden utser två protokolljusterare.\n\n"
     "Tekniska nämndens beslut:\nTill protokolljusterare utsågs två ledamöter.\n______"),
    ("13 § Taxor för vatten och avlopp 2025",
     "Beredning: tekniska direktören\nTaxorna höjs med fyra procent.\n\n"
     "Stadsstyrelsens beslut:\nÄrendet remitterades till nämnden.\n______\n\n"
     "Tekniska direktörens förslag:\nNämnden föreslår att taxorna höjs från januari.\n\n"
     "Tekniska nämndens beslut:\nEnligt förslag.\n______"),
]


def _nordic(kind: str, decided: bool) -> str:
    pages = []
    for n, (heading, body) in enumerate(_NORDIC_PAGES, start=1):
        if not decided:  # the agenda leaves this meeting's decision empty
            body = body.rsplit("beslut:", 1)[0] + "beslut:\n"
        pages.append(f"{kind} {heading.split()[0]} § 12.03.2025 Sida\nTekniska nämnden {n}\n\n{heading}\n\n{body}")
    pages.append("Bilaga: Lägesrapport\nVattenverket har setts över under våren.")
    return "\f".join(pages)


def test_swedish_named_proposals_and_decisions():
    found = by_number(rows(_nordic("Protokoll", decided=True)))
    assert sorted(found) == ["12", "13"]
    assert found["12"]["recommendation"] == "Nämnden utser två protokolljusterare."
    assert found["12"]["decision"] == "Till protokolljusterare utsågs två ledamöter."
    assert found["13"]["title"] == "Taxor för vatten och avlopp 2025"
    assert found["13"]["decision"] == "Enligt förslag."  # this meeting's, not the earlier body's


def test_a_nordic_agenda_gives_no_decision_from_its_empty_decision_lines():
    assert rows(_nordic("Föredragningslista", decided=False)) == []


def test_norwegian_and_danish_named_decisions():
    found = by_number(rows("Møteprotokoll\n\n1. Budsjett 2025\n\nKommunedirektørens innstilling:\n"
                           "Budsjettet vedtas.\n\nFormannskapets vedtak:\nInnstillingen ble enstemmig vedtatt.\n"))
    assert (found["1"]["recommendation"], found["1"]["decision"]) == (
        "Budsjettet vedtas.", "Innstillingen ble enstemmig vedtatt.")
    found = by_number(rows("Referat\n\n1. Budget 2025\n\nForvaltningens indstilling: At budgettet godkendes.\n\n"
                           "Udvalgets beslutning: Godkendt.\n"))
    assert (found["1"]["recommendation"], found["1"]["decision"]) == ("At budgettet godkendes.", "Godkendt.")


def test_board_minutes_mixing_resolved_paragraphs_and_agreeing_sentences():
    found = by_number(rows("""Minutes of the Board of Directors meeting held in public

BD/26/42 Integrated performance report
The Chief Operating Officer presented the report.
RESOLVED that the integrated performance report be received.

BD/26/43 Board assurance framework
It was agreed that the workforce risk would be rated 16.

BD/26/44 Annual accounts
The Trust Board accepted the recommendation of the Audit Committee.

BD/26/45 Chair's update
The Chair reported on the regional meeting. At that meeting, members agreed to share a winter plan.
"""))
    assert sorted(found) == ["BD/26/42", "BD/26/43", "BD/26/44"]
    assert found["BD/26/43"]["decision"] == "It was agreed that the workforce risk would be rated 16."
    assert found["BD/26/44"]["decision"] == "The Trust Board accepted the recommendation of the Audit Committee."


def test_a_motion_line_naming_mover_and_seconder_carries_the_motion():
    found = by_number(rows("""City Council Meeting Minutes

2. Approval of the Agenda
Motion by Councilmember Ortiz, seconded by Councilmember Hale, to approve the agenda as presented. Motion carried 5-0.

3. Consent Calendar
MOTION BY: Councilmember Hale
To approve the consent calendar.
APPROVED 5-0
"""))
    assert found["2"]["recommendation"] == (
        "Motion by Councilmember Ortiz, seconded by Councilmember Hale, to approve the agenda as presented.")
    assert found["2"]["decision"] == "Motion carried 5-0."
    assert found["3"]["recommendation"] == "To approve the consent calendar."


def test_where_headings_mark_their_numbers_a_bare_number_opens_no_item():
    found = by_number(rows("""Protokoll 4/2026

## 12 § Budgetuppföljning

## 1. Bakgrund

Nämnden har följt upp budgeten.

Nämndens beslut:
Uppföljningen antecknades för kännedom.

## 13 § Övriga ärenden

Nämndens beslut:
Inga övriga ärenden.
"""))
    assert sorted(found) == ["12", "13"]
    assert found["12"]["decision"] == "Uppföljningen antecknades för kännedom."


def test_irish_council_proposed_seconded_and_resolved():
    found = by_number(rows("""Minutes of the Ordinary Meeting of the County Council

1. Disposal of Property

Circulated, report of the Director of Services on the disposal of a site.

Proposed by Councillor Walsh;
Seconded by Councillor Doyle;
And Resolved:
"That the disposal of the site be approved."

2. Correspondence

The correspondence was circulated.
"""))
    assert sorted(found) == ["1"]
    assert (found["1"]["recommendation"], found["1"]["decision"]) == (None, "That the disposal of the site be approved.")


def _bold_minutes_pdf(path, rows: list[tuple[bool, str, str | None]]) -> None:
    """A PDF of minutes: bold item headings, text, and an action column at the right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for bold, text, action in rows:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        pdf.drawString(60 if bold or not text[:1].isdigit() else 80, y, text)
        if action:
            pdf.setFont("Helvetica", 10)
            pdf.drawString(500, y, action)
        y -= 16
    pdf.save()


def test_board_minutes_with_bold_sub_item_headings_and_a_list_of_decisions(tmp_path):
    from pipeline.find import find_segments
    from pipeline.load import load

    path = tmp_path / "board.pdf"
    _bold_minutes_pdf(path, [
        (True, "Minutes of the Trust Board meeting held in public", None),
        (True, "2. Finance Report", None),
        (True, "2.1 Capital programme", None),
        (False, "It was agreed that the scheme would be reprofiled.", "DoF"),
        (True, "2.2 Charitable funds", None),
        (False, "The Board accepted the annual report of the charitable funds.", None),
        (True, "3. Estates Strategy", None),
        (False, "The Board made the following decisions:", None),
        (False, "1. the refurbishment of Ward 7 would proceed;", None),
        (False, "2. the car park contract would be retendered.", "DoE")])
    doc = load(path, "board.pdf")
    doc.segments = find_segments(doc)
    found = by_number(extractor("decisions").extract(doc)["decisions"])
    assert sorted(found) == ["2.1", "2.2", "3"]
    assert (found["2.1"]["title"], found["2.1"]["decision"]) == (
        "Capital programme", "It was agreed that the scheme would be reprofiled.")
    assert found["3"]["decision"] == ("The Board made the following decisions: the refurbishment of Ward 7 "
                                      "would proceed; the car park contract would be retendered.")


def test_french_council_deliberations():
    """A French council's procès-verbal: the body "après en avoir délibéré" over the dashes of what
    it resolved, with its vote; a Québec committee's "IL EST RÉSOLU" over the resolution."""
    found = by_number(rows("""PROCÈS-VERBAL
Séance du conseil municipal du 14 mars 2024

1. Tarifs de la cantine scolaire
Madame l'adjointe présente les nouveaux tarifs.
Le Conseil municipal, après en avoir délibéré, avec 18 voix pour et 2 abstentions :
- fixe le prix du repas à 3,20 € ;
- autorise le Maire à signer la convention.

2. Vente d'un terrain communal
Vu l'avis du domaine ;
IL EST RÉSOLU À L'UNANIMITÉ
D'APPROUVER la vente du terrain au prix de 12 000 $.

3. Questions diverses
Aucune question.
"""))
    assert sorted(found) == ["1", "2"]
    assert found["1"]["decision"] == ("Le Conseil municipal, après en avoir délibéré, avec 18 voix pour et "
                                      "2 abstentions : fixe le prix du repas à 3,20 € ; autorise le Maire à "
                                      "signer la convention.")
    assert found["2"]["decision"] == "IL EST RÉSOLU À L'UNANIMITÉ D'APPROUVER la vente du terrain au prix de 12 000 $."


def test_dutch_decision_list_with_a_numbered_decision_and_the_vote():
    """A Dutch council's besluitenlijst: "De raad besluit unaniem:" over the numbered points it
    resolved; how the parties voted closes the decision."""
    found = by_number(rows("""Besluitenlijst raadsvergadering 12 maart 2024

1. Opening.
De voorzitter opent de vergadering.

2. Voorstel tot vaststelling van de verordening parkeren.
De raad besluit unaniem:
1. De verordening parkeren vast te stellen.
2. Het college op te dragen de verordening bekend te maken.

3. Motie over de bibliotheek.
De raad besluit in meerderheid:
de motie aan te nemen.
Tegen de motie stemden de fracties van A en B.
"""))
    assert sorted(found) == ["2", "3"]
    assert found["2"]["decision"] == ("De raad besluit unaniem: De verordening parkeren vast te stellen. "
                                      "Het college op te dragen de verordening bekend te maken.")
    assert found["3"]["decision"] == "De raad besluit in meerderheid: de motie aan te nemen."


def test_german_committee_decisions():
    """A German committee's Niederschrift: "Beschlussvorschlag:" and "Beschluss:" labels, or the
    committee "beschließt" in a paragraph of its own."""
    found = by_number(rows("""Niederschrift über die Sitzung des Bauausschusses am 4. März 2024

1. Sanierung der Grundschule
Beschlussvorschlag:
Der Ausschuss stimmt der Sanierung zu.
Beschluss:
Der Sanierung wird einstimmig zugestimmt.

2. Bebauungsplan Mühlweg
Die Verwaltung erläutert den Entwurf.
Der Ausschuss beschließt mehrheitlich, den Entwurf auszulegen.
"""))
    assert (found["1"]["recommendation"], found["1"]["decision"]) == (
        "Der Ausschuss stimmt der Sanierung zu.", "Der Sanierung wird einstimmig zugestimmt.")
    assert found["2"]["decision"] == "Der Ausschuss beschließt mehrheitlich, den Entwurf auszulegen."


def test_trust_board_minutes_state_what_the_board_did_to_each_paper():
    """A charity or trust board's narrative minutes: "was reviewed and adopted by the Board",
    "accepted as a true and accurate account", "all Board members were in agreement"."""
    found = by_number(rows("""BOARD MEETING MINUTES

1. Minutes of the previous meeting
The minutes of the last meeting were accepted as a true and accurate account of discussions.

2. Volunteer policy
The volunteer policy was reviewed, signed and adopted by the Board.

3. Opening hours
The Treasurer proposed to extend the Saturday hours and all Board members were in agreement.

4. Chief Executive's report
The Chief Executive described the new mobile library.
"""))
    assert sorted(found) == ["1", "2", "3"]
    assert found["2"]["decision"] == "The volunteer policy was reviewed, signed and adopted by the Board."
    assert found["3"]["decision"].endswith("all Board members were in agreement.")


def test_a_question_noted_by_the_board_is_no_decision():
    found = by_number(rows("Minutes of the Board\n\n1. Questions from the public\n"
                           "A question on parking was noted by the Board.\n\n2. Budget\nThe budget was approved.\n"))
    assert sorted(found) == ["2"]


def test_german_council_information_system_pages():
    """A council information system's minuted item: the outcome in a line of its own, the
    vote's tally, then "Beschluss:" over what the committee resolved."""
    found = by_number(rows("""Niederschrift über die öffentliche Sitzung des Bau- und Umweltausschusses

3. Neubau des Feuerwehrhauses
Beschluss: einstimmig beschlossen
Abstimmung: Ja: 9, Nein: 0
Beschluss:
Der Bau- und Umweltausschuss billigt die Entwurfsplanung des Feuerwehrhauses.

4. Bauantrag Lindenweg 3
Der Bauausschuss billigt den Bauantrag.
"""))
    assert found["3"]["decision"] == "Der Bau- und Umweltausschuss billigt die Entwurfsplanung des Feuerwehrhauses."
    assert found["4"]["decision"] == "Der Bauausschuss billigt den Bauantrag."


def test_the_outcome_of_a_motion_in_its_own_sentence_or_line():
    found = by_number(rows("""Minutes of the Parish Council

1. Ordinance on parking
Moved by Ortiz, seconded by Lee, to table the ordinance. The motion failed 2-3.

2. Village hall lease
Proposed by Cllr Hart, seconded by Cllr Bell, that the lease be renewed for five years.
Carried unanimously.

3. Footpaths
Carried forward from the last meeting: the stile on Mill Lane.
"""))
    assert found["1"]["decision"] == "The motion failed 2-3."
    assert found["2"]["decision"] == "Carried unanimously."
    assert "3" not in found


def test_french_municipal_minutes_numbered_by_levels_with_hyphens():
    """A French commune's minutes: bold headings numbered by levels ("1-1 : ..."), the decision
    a sentence of the narrative ("... à l'unanimité, le Conseil Municipal décide de ...")."""
    found = by_number(rows("""**Réunion du Conseil Municipal du 4 avril 2024**

**1 – FINANCES**

**1-1 : Subventions**

**1-1-1 : Subventions aux associations**
Madame le Maire présente les demandes reçues. Après délibération et à l'unanimité, le Conseil Municipal décide d'attribuer 300 € au club de football.

**1-2 : Tarifs de la salle des fêtes**
Le Conseil Municipal valide les nouveaux tarifs de location.

**2- INFORMATIONS DIVERSES**
Le prochain conseil aura lieu en mai.
"""))
    assert sorted(found) == ["1-1-1", "1-2"]
    assert found["1-1-1"]["title"] == "Subventions aux associations"
    assert found["1-1-1"]["decision"] == ("Après délibération et à l'unanimité, le Conseil Municipal décide "
                                          "d'attribuer 300 € au club de football.")


def test_a_numbered_list_of_what_the_board_did():
    found = by_number(rows("""MINUTES OF THE TRUST BOARD

1. Annual plan
The Director of Strategy presented the plan.
The Board:
1. approved the annual plan for 2026/27;
2. noted the risks to delivery.

2. Chief Executive's report
The Chief Executive described the winter pressures.
"""))
    assert sorted(found) == ["1"]
    assert found["1"]["decision"] == "The Board: approved the annual plan for 2026/27; noted the risks to delivery."
