"""The analyse stage: a paper is read once, before any extractor runs, and the
extractors are independent plug-ins over that analysis."""
from __future__ import annotations

import ast

from pipeline.analyse import analysis_of
from pipeline.extractor import RegisteredExtractor, load_extractors
from pipeline.run import Paper, process_paper
from tests.conftest import REPO, text_document


def _extractor_imports(module: str) -> set[str]:
    """The modules of extractors/ that ``module`` (``extractors.x``) imports, directly or through one another."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        tree = ast.parse((REPO / (name.replace(".", "/") + ".py")).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("extractors."):
                found = node.module
                if found != "extractors.vocab" and found not in seen:
                    seen.add(found)
                    todo.append(found)
    return seen


def test_no_two_extractors_share_a_module_of_extractors():
    # what two extractors share lives in pipeline/; a module of extractors/ is one extractor's own
    modules = {r.name: r.module.split(":")[0] for r in load_extractors()}
    owners: dict[str, str] = {}
    for name, module in modules.items():
        for used in _extractor_imports(module):
            assert used not in modules.values(), f"extractor {name} imports the extractor module {used}"
            assert owners.setdefault(used, name) == name, f"{used} is shared by {owners[used]} and {name}"


def test_the_core_analyses_a_paper_before_its_extractors_read_it(tmp_path):
    seen = []

    class Recorder:
        def extract(self, doc):
            seen.append(doc.analysis)
            return {}

    recorder = RegisteredExtractor("recorder", ("tables",), 1, "tests", Recorder())
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes\fPage 2 of 3\nMinutes\fPage 3 of 3\nMinutes\n")
    process_paper(Paper(path, "minutes.txt"), [recorder])
    assert len(seen) == 1 and seen[0] is not None
    assert seen[0].locale.date_order == "DMY"


def test_analysis_reads_the_papers_locale_and_furniture():
    doc = text_document("\f".join(
        f"Protokoll der Sitzung\nDer Ausschuss hat am 4. Dezember 2012 den Haushalt {n} beschlossen und genehmigt."
        for n in ("eins", "zwei", "drei")))
    analysis = analysis_of(doc)
    assert (analysis.locale.language, analysis.locale.decimal, analysis.locale.group) == ("de", ",", ".")
    assert analysis.furniture == {(1, 0), (2, 0), (3, 0)}
    assert analysis_of(doc) is analysis  # read once


def test_each_agenda_reader_names_its_layout_with_an_example():
    from extractors.agenda import READERS

    for read in READERS:
        assert read.__doc__ and '"' in read.__doc__, f"{read.__name__}: say which layout it reads, with an example"


def test_analysis_records_the_numbered_lines_by_page_and_line():
    doc = text_document("Agenda\n1. Welcome and apologies\nThe chair opened the meeting.\n"
                        "BM/24/05 Minutes of the last meeting\fv. Mette Skovgaard\n2.1 Finance report\n")
    numbered = analysis_of(doc).numbered
    assert {key: c.number for key, c in numbered.items()} == {(1, 1): "1", (1, 3): "BM/24/05", (2, 1): "2.1"}


# A committee's minutes in the Nordic pack layout: each page of the minutes' own
# part carries a running header with the item and page number; the reports
# appended after them (most of the pack) carry none.
_PACK_HEADER = "Protokoll {item} § 14.03.2024 Sida {page}"
_OWN_PART = ["{item} § Val av protokolljusterare\nNämnden väljer två ledamöter att justera protokollet.",
             "{item} § Budgetuppföljning\nNämnden godkänner uppföljningen för perioden.",
             "{item} § Anmälningsärenden\nÄrendena antecknas för kännedom."]
_APPENDED = ["Lägesrapport om skolskjutsarna\nRutterna har setts över under våren.",
             "Två nya hållplatser tillkommer\nDe byggs under sommaren.",
             "Kostnader\nKostnaderna ryms inom ramen för året.",
             "Tidtabell\nDen nya tidtabellen gäller från augusti.",
             "Uppföljning\nRapporten följs upp i december."]


def _furniture_texts(doc) -> set[str]:
    return {doc.pages[page - 1].lines[i].text for page, i in analysis_of(doc).furniture}


def test_running_header_over_the_first_part_of_a_text_pack_is_furniture():
    pages = [_PACK_HEADER.format(item=n + 7, page=n + 1) + "\n\n" + body.format(item=n + 7)
             for n, body in enumerate(_OWN_PART)] + _APPENDED
    doc = text_document("\f".join(pages))
    assert _furniture_texts(doc) == {_PACK_HEADER.format(item=n + 7, page=n + 1) for n in range(3)}


def test_running_header_over_the_first_part_of_a_pdf_pack_is_furniture(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.load import load

    path = tmp_path / "pack.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pages = [(_PACK_HEADER.format(item=n + 7, page=n + 1), body.format(item=n + 7)) for n, body in enumerate(_OWN_PART)]
    for header, body in pages + [(None, body) for body in _APPENDED]:
        if header:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(60, height - 40, header)
        pdf.setFont("Helvetica", 11)
        for row, text in enumerate(body.split("\n")):
            pdf.drawString(60, height - 120 - 16 * row, text)
        pdf.showPage()
    pdf.save()
    doc = load(path, "pack.pdf")
    assert _furniture_texts(doc) == {header for header, _ in pages}


def test_a_line_repeated_on_two_pages_or_below_the_margin_is_not_furniture():
    # the same item heading atop two pages in a row, and a repeated line in the
    # body of three: neither is a running header of the part
    two = ["Beslut\n" + body.format(item=7) for body in _OWN_PART[:2]]
    body = ["\n" * 12 + "Förslag:\nNämnden godkänner förslaget.\n" + "\n" * 12] * 3
    doc = text_document("\f".join(two + _APPENDED[:1] + body + _APPENDED))
    assert _furniture_texts(doc) == set()


def test_a_tables_header_repeated_atop_three_pages_is_left_to_the_table():
    # the same on each page (no page or item number changes in it): the table's own header
    header = "Service                      Budget     Forecast"
    pages = [f"{header}\n{service}                      1.2        1.4"
             for service in ("Libraries", "Museums", "Archives")] + _APPENDED
    assert _furniture_texts(text_document("\f".join(pages))) == set()


def test_a_decision_worded_alike_at_one_place_on_two_pages_of_four_is_not_furniture():
    # a Dutch decision list: "De raad besluit unaniem:" happens to stand at the same height on
    # two of its four pages, in the body, as no running header does
    body = "Voorstel over de begroting.\n" * 6
    pages = ["Besluitenlijst\n" + body * 4,
             body + "De raad besluit unaniem:\nde begroting vast te stellen.\n" + body * 3,
             body + "De raad besluit unaniem:\nde rekening vast te stellen.\n" + body * 3,
             "Sluiting.\n" + body * 4]
    assert "De raad besluit unaniem:" not in _furniture_texts(text_document("\f".join(pages)))
