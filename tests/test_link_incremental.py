"""Linking an archive that grows: adding, changing and removing papers gives the tables a
run from scratch gives, on a small archive generated here."""
from __future__ import annotations

import contextlib
import random
import shutil
import sqlite3

from pipeline.link import LinkStore, link_papers, save_state
from pipeline.manifest import Manifest
from pipeline.normalise import normalise, to_arrow
from pipeline.query import read_table
from pipeline.run import DocumentRow, paper_link_inputs, write_run
from pipeline.schema import SCHEMAS
from pipeline.write import stage_paper

# made-up people, printed as committee papers print them: in full, with titles, by initials
PEOPLE = ("Roger Harwick", "Cllr R. Harwick", "RG", "Mr Roger Harwick", "Ruth Allen", "Dr Ruth Allen", "Allen",
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
    write_run([DocumentRow(None, p[0]) for p in papers], entries, out, manifest, processed)
    manifest.compact(set(), set())


def rows_of(out) -> dict[str, list[str]]:
    return {name: sorted(map(repr, read_table(out, name).to_pylist())) for name in SCHEMAS}


def test_an_archive_linked_paper_by_paper_is_linked_as_from_scratch(tmp_path):
    archive = [paper(i) for i in range(20)]
    write(tmp_path / "grown", archive, {p[0]["document_id"] for p in archive})
    steps = [
        ("add papers", archive + [paper(i) for i in range(20, 24)]),
        ("add a paper naming only known people and bodies", None),
        ("remove it", None),
        ("add a paper naming another R. Harwick", None),
        ("change a paper", None),
        ("remove papers", None),
    ]
    current = archive
    for step, papers in steps:
        if step == "add papers":
            added = papers[len(current):]
        elif step == "add a paper naming only known people and bodies":  # another paper of one of them
            document, rows = paper(5)
            rows["meetings"][0]["meeting_date"] = "2023-12-01"  # before all: first in its action histories
            rows["actions"][0]["action"] = "Commission an external review"
            like = ({**document, "document_id": "d900", "source_path": "d900.txt"},
                    {t: [{**r, "document_id": "d900"} for r in rs] for t, rs in rows.items()})
            papers, added = current + [like], [like]
        elif step == "remove it":
            papers, added = current[:-1], []
        elif step == "add a paper naming another R. Harwick":
            document, rows = paper(24)
            rows["agenda_items"][0]["presenter"] = "Richard Harwick"
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
    assert "Roger Harwick" in people and "Richard Harwick" in people


def test_a_paper_naming_known_people_and_bodies_links_again_only_what_it_shares(tmp_path, monkeypatch):
    def inputs(ref: str, day: int) -> dict:
        return {"meetings": {"body": ["Finance Committee"], "page": [1], "meeting_date": [f"2024-01-{day:02d}"]},
                "agenda_items": {"presenter": ["Roger Harwick"]},
                "actions": {"owner_name": [None], "owner": ["Cllr R. Harwick"], "ref": [ref], "page": [2],
                            "action": ["Send the minutes to members"]}}

    def linked_after_first(papers: list, fresh: set[str]):
        """A run from the first run's state (each its own copy: a run changes the state it is given)."""
        shutil.copyfile(state, tmp_path / "copy.sqlite")
        linked = link_papers([(d, o) for d, _, o, _ in papers], papers, LinkStore.open(tmp_path / "copy.sqlite", "c"),
                             fresh)
        linked.state.close()
        return linked

    state = tmp_path / "links.sqlite"
    papers = [(f"d{i}", "s", "Northfield Council", inputs(str(i), i + 1)) for i in range(5)]
    first = link_papers([(d, o) for d, _, o, _ in papers], papers, LinkStore.create(state, "c"))
    save_state(first.state)
    assert set(first.ids) == {"d0", "d1", "d2", "d3", "d4"}
    # the other papers are counted in a pass over the store; a paper's whole row is read only to link it again
    looked: list[str] = []
    read = LinkStore.paper
    monkeypatch.setattr(LinkStore, "paper", lambda store, document_id: looked.append(document_id) or
                        read(store, document_id))
    alone = papers + [("d5", "s", "Northfield Council", inputs("9", 20))]
    assert set(linked_after_first(alone, {"d5"}).ids) == {"d5"} and looked == []
    sharing = papers + [("d6", "s", "Northfield Council", inputs("1", 21))]  # ref 1 is d1's action, again
    linked = linked_after_first(sharing, {"d6"})
    assert set(linked.ids) == {"d1", "d6"} and looked == ["d1"]
    assert linked.ids["d1"]["actions"]["action_id"] == linked.ids["d6"]["actions"]["action_id"]


def test_a_lost_or_damaged_linking_state_links_afresh_and_says_so(tmp_path, caplog):
    archive = [paper(i) for i in range(12)]
    grown = archive + [paper(12)]
    write(tmp_path / "scratch", grown, {p[0]["document_id"] for p in grown})
    state = tmp_path / "grown" / ".boardpapers" / "links.sqlite"
    for damage in ("missing", "not a database", "a row of another shape", "action rows of another shape"):
        out = tmp_path / "grown"
        write(out, archive, {p[0]["document_id"] for p in archive})
        (out / ".boardpapers" / "links.pickle").write_bytes(b"\x80\x04not to be unpickled")  # an older version's
        caplog.clear()
        if damage == "missing":
            state.unlink()
        elif damage == "not a database":
            state.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
        else:  # the action rows are read only while linking, for the papers linked again
            with sqlite3.connect(state) as db:
                db.execute("UPDATE papers SET links = '[1, 2]'" if damage == "a row of another shape"
                           else "UPDATE papers SET rows = '[1]'")
            sqlite3.connect(state).close()
        write(out, grown, {grown[-1][0]["document_id"]})
        assert rows_of(out) == rows_of(tmp_path / "scratch"), damage
        said = [r.getMessage() for r in caplog.records if "linking state" in r.getMessage()]
        assert len(said) == (0 if damage == "missing" else 1), damage
        assert all(s.startswith(f"the linking state {state} cannot be read") and s.endswith(
            "every paper is linked afresh") for s in said)
        assert not (out / ".boardpapers" / "links.pickle").exists()
        # the state written afresh is read by the next run: one paper per row
        store = LinkStore.open(state, "c")
        assert store is not None and set(store.document_ids()) == {p[0]["document_id"] for p in grown}
        store.close()
        shutil.rmtree(out)


def test_the_linking_state_keeps_each_paper_as_a_row_and_updates_only_those_linked_again(tmp_path):
    archive = [paper(i) for i in range(12)]
    out = tmp_path / "out"
    write(out, archive, {p[0]["document_id"] for p in archive})
    state = out / ".boardpapers" / "links.sqlite"

    def rows() -> dict[str, str]:
        with contextlib.closing(sqlite3.connect(state)) as db:
            return dict(db.execute("SELECT document_id, links FROM papers"))

    before = rows()
    assert set(before) == {p[0]["document_id"] for p in archive}
    assert LinkStore.open(state, "another pipeline") is None
    write(out, archive[1:], set())  # a paper removed: its row goes, the papers it shared nothing with keep theirs
    after = rows()
    assert set(after) == set(before) - {archive[0][0]["document_id"]}
    assert any(after[d] == before[d] for d in after)
