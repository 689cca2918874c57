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
