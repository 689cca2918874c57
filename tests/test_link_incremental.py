"""Linking an archive that grows: adding, changing and removing papers gives the tables a
run from scratch gives, on a small archive generated here."""
from __future__ import annotations

import random

from pipeline.manifest import Manifest
from pipeline.normalise import normalise, to_arrow
from pipeline.query import read_table
from pipeline.run import paper_link_inputs, write_run
from pipeline.schema import SCHEMAS
from pipeline.write import stage_paper

# made-up people, printed as committee papers print them: in full, with titles, by initials
PEOPLE = ("Roger Gough", "Cllr R. Gough", "RG", "Mr Roger Gough", "Ruth Allen", "Dr Ruth Allen", "Allen",
          "Tom Hughes", "T. Hughes", "Priya Shah and Tom Hughes", "Ms P. Shah")
BODIES = ("Joint Committee of CCGs", "Joint Committee of Clinical Commissioning Groups", "Finance Committee",
          "Audit Committee", "Cabinet")
ORGANISATIONS = ("Northfield Council", "Northfield Borough Council", "Eastbrook NHS Trust", None)
ACTIONS = ("Circulate the appraisal", "Circulate the revised appraisal", "Report back on winter capacity",
           "Update the risk register")


def paper(index: int, variant: int = 0) -> tuple[dict, dict[str, list[dict]]]:
    """A paper's documents row and rows: a meeting of a body, an action log, agenda and papers."""
    rng = random.Random(index * 7 + variant)
    document_id = f"d{index:03d}v{variant}"
    document = {"document_id": document_id, "source_path": f"{document_id}.txt", "status": "ok",
                "format": "text", "organisation": rng.choice(ORGANISATIONS)}
    rows = {
        "meetings": [{"document_id": document_id, "body": rng.choice(BODIES), "page": 1,
                      "meeting_date": f"2024-{1 + index % 12:02d}-{1 + index % 27:02d}"}],
        "actions": [{"document_id": document_id, "ref": rng.choice(("24-01", "24-02", "3", None)), "page": 2,
                     "action": rng.choice(ACTIONS), "owner": rng.choice(PEOPLE)} for _ in range(3)],
        "agenda_items": [{"document_id": document_id, "title": "Budget", "presenter": rng.choice(PEOPLE)}
                         for _ in range(2)],
        "papers": [{"document_id": document_id, "title": "Report", "author": rng.choice(PEOPLE),
                    "authorised_by": rng.choice(PEOPLE)}],
    }
    return document, rows


def write(out, papers: list[tuple[dict, dict]], processed: set[str]) -> None:
    """What a run does: the processed papers staged, then the output written from them all."""
    entries = []
    for document, rows in papers:
        d = document["document_id"]
        tables = {t: to_arrow(t, normalise(t, rs)) for t, rs in rows.items()}
        if d in processed:
            stage_paper(out, d, tables, tuple(tables))
        entries.append((d, {"config": "c", "rows": {t: x.num_rows for t, x in tables.items()},
                            "link_inputs": paper_link_inputs(tables)}))
    manifest = Manifest(out)
    write_run([p[0] for p in papers], entries, out, manifest, processed)
    manifest.compact(set(), set())


def rows_of(out) -> dict[str, list[str]]:
    return {name: sorted(map(repr, read_table(out, name).to_pylist())) for name in SCHEMAS}


def test_an_archive_linked_paper_by_paper_is_linked_as_from_scratch(tmp_path):
    archive = [paper(i) for i in range(20)]
    write(tmp_path / "grown", archive, {p[0]["document_id"] for p in archive})
    steps = [
        ("add papers", archive + [paper(i) for i in range(20, 24)]),
        ("add a paper naming another R. Gough", None),
        ("change a paper", None),
        ("remove papers", None),
    ]
    current = archive
    for step, papers in steps:
        if step == "add papers":
            added = papers[len(current):]
        elif step == "add a paper naming another R. Gough":
            document, rows = paper(24)
            rows["agenda_items"][0]["presenter"] = "Richard Gough"
            papers, added = current + [(document, rows)], [(document, rows)]
        elif step == "change a paper":
            papers = current[:3] + [paper(3, variant=1)] + current[4:]
            added = [papers[3]]
        else:
            papers, added = current[5:], []
        write(tmp_path / "grown", papers, {p[0]["document_id"] for p in added})
        write(tmp_path / step, papers, {p[0]["document_id"] for p in papers})
        grown, scratch = rows_of(tmp_path / "grown"), rows_of(tmp_path / step)
        assert grown == scratch, step
        current = papers
    people = read_table(tmp_path / "grown", "people").column("name").to_pylist()
    assert "Roger Gough" in people and "Richard Gough" in people
