"""Cross-paper linking: people, bodies and actions with a history, on frames made here."""
from __future__ import annotations

import datetime as dt

from pipeline.link import PersonName, link, parse_person, same_body, split_names
from pipeline.normalise import normalise, to_arrow
from pipeline.query import read_table
from pipeline.manifest import Manifest
from pipeline.run import DocumentRow, paper_link_inputs, write_run
from pipeline.schema import CONTENT_TABLES
from pipeline.write import stage_paper


def frames_of(**rows):
    """Normalised frames of every table, from the rows given per table."""
    frames = {"documents": normalise("documents", rows.pop("documents", []))}
    frames.update({t: normalise(t, rows.pop(t, [])) for t in CONTENT_TABLES})
    assert not rows, f"unknown tables {list(rows)}"
    return link(frames)


def test_titles_and_initials_parse_into_given_names_and_surname():
    assert parse_person("Cllr R. Harwick") == PersonName("R. Harwick", ("r",), "harwick")
    assert parse_person("Dr Jane A. Smith-Jones OBE") == PersonName("Jane A. Smith-Jones", ("jane", "a"), "smith-jones")
    assert parse_person("RG") == "rg"
    assert parse_person("Chief Executive") is None
    assert parse_person("all members") is None


def test_a_cell_naming_several_people_is_split():
    assert split_names("Ruth Allen and Tom Hughes") == ["Ruth Allen", "Tom Hughes"]
    assert split_names("Birthe Vinding og Karsten Holm") == ["Birthe Vinding", "Karsten Holm"]
    assert split_names("Priya Shah (Director of Finance) / Tom Hughes") == ["Priya Shah", "Tom Hughes"]


def test_one_person_named_differently_across_papers_gets_one_id():
    frames = frames_of(
        agenda_items=[{"document_id": "d1", "title": "Budget", "presenter": "Roger Harwick"},
                      {"document_id": "d2", "title": "Budget", "presenter": "Cllr R. Harwick"},
                      {"document_id": "d2", "title": "Roads", "presenter": "Cllr R. Harwick and Ruth Allen"}],
        papers=[{"document_id": "d3", "title": "Report", "author": "Mr Roger Harwick",
                 "authorised_by": "Dr Priya Shah"}],
    )
    people = frames["people"].set_index("name")
    assert sorted(people.index) == ["Priya Shah", "Roger Harwick", "Ruth Allen"]
    roger = people.loc["Roger Harwick"]
    assert roger["variants"] == "Cllr R. Harwick;Mr Roger Harwick;Roger Harwick"
    assert roger["n_documents"] == 3
    presenters = frames["agenda_items"]["presenter_id"].tolist()
    assert presenters[0] == presenters[1] == roger["person_id"]
    assert presenters[2] == f"{roger['person_id']};{people.loc['Ruth Allen', 'person_id']}"
    assert frames["papers"]["author_id"][0] == roger["person_id"]
    assert frames["papers"]["authorised_by_id"][0] == people.loc["Priya Shah", "person_id"]


def test_an_initial_that_fits_two_people_stays_unresolved():
    frames = frames_of(agenda_items=[
        {"document_id": "d1", "title": "A", "presenter": "Roger Harwick"},
        {"document_id": "d1", "title": "B", "presenter": "Richard Harwick"},
        {"document_id": "d2", "title": "C", "presenter": "R. Harwick"},
    ])
    assert len(frames["people"]) == 2
    assert frames["agenda_items"]["presenter_id"][2] is None


def test_owner_initials_resolve_to_a_person_named_in_the_same_paper_only():
    frames = frames_of(
        agenda_items=[{"document_id": "d1", "title": "Stroke", "presenter": "Tom Hughes"}],
        actions=[{"document_id": "d1", "ref": "1", "action": "Circulate appraisal", "owner": "TH"},
                 {"document_id": "d2", "ref": "1", "action": "Circulate appraisal", "owner": "TH"}],
    )
    tom = frames["people"]["person_id"][0]
    assert frames["actions"]["owner_id"].tolist() == [tom, None]


def test_ids_do_not_depend_on_the_order_papers_are_read_in():
    rows = [{"document_id": "d1", "title": "A", "presenter": "R. Harwick"},
            {"document_id": "d2", "title": "B", "presenter": "Roger Harwick"}]
    forward = frames_of(agenda_items=rows)["people"]
    backward = frames_of(agenda_items=rows[::-1])["people"]
    assert forward.to_dict("records") == backward.to_dict("records")


def test_bodies_named_differently_are_one_body_but_numbered_committees_are_not():
    assert same_body("Joint Committee of CCGs", "Joint Committee of Clinical Commissioning Groups")
    assert same_body("Health & Wellbeing Board", "The Health and Wellbeing Board")
    assert not same_body("Planning Committee A", "Planning Committee B")
    assert not same_body("Cabinet", "Northshire County Council Cabinet")


def test_an_organisation_is_one_body_whatever_legal_form_follows_its_name():
    names = ["Riverside Libraries IPS", "Riverside Libraries Limited", "Riverside Libraries Ltd.",
             "Riverside Libraries"]
    assert all(same_body(a, b) for a in names for b in names)
    assert not same_body("Riverside Libraries Ltd", "Riverside Leisure Ltd")
    frames = frames_of(
        documents=[{"document_id": "d1", "source_path": "a.txt", "status": "ok",
                    "organisation": "Northshire County Council"}],
        meetings=[{"document_id": "d1", "body": "Joint Committee of CCGs"},
                  {"document_id": "d2", "body": "Joint Committee of Clinical Commissioning Groups"},
                  {"document_id": "d3", "body": "Joint Committee of CCGs"}],
    )
    bodies = frames["bodies"].set_index("name")
    assert sorted(bodies.index) == ["Joint Committee of CCGs", "Northshire County Council"]
    assert bodies.loc["Joint Committee of CCGs", "n_documents"] == 3
    assert frames["meetings"]["body_id"].nunique() == 1
    assert frames["documents"]["organisation_id"][0] == bodies.loc["Northshire County Council", "body_id"]


def test_an_action_in_the_logs_of_several_meetings_is_one_action_with_a_history():
    meetings = [{"document_id": d, "body": "Joint Committee", "meeting_date": date}
                for d, date in (("jan", "2024-01-11"), ("mar", "2024-03-14"))]
    meetings.append({"document_id": "other", "body": "Audit Committee", "meeting_date": "2024-03-01"})
    actions = [
        {"document_id": "mar", "ref": "24-01-03", "action": "Stroke pathway options appraisal to be circulated",
         "status": "Closed"},
        {"document_id": "jan", "ref": "24-01-03", "action": "Stroke pathway options appraisal to be circulated",
         "status": "Open"},
        # two entries of one log sharing a ref are two actions
        {"document_id": "jan", "ref": "24-01-03", "action": "Winter plan to the board", "status": "Open"},
        # the same ref of another body is another action
        {"document_id": "other", "ref": "24-01-03", "action": "Stroke pathway options appraisal to be circulated"},
    ]
    linked = frames_of(meetings=meetings, actions=actions)["actions"]
    ids = linked["action_id"].tolist()
    assert ids[0] == ids[1]
    assert len(set(ids)) == 3
    assert linked["meeting_date"].tolist()[:2] == [dt.date(2024, 3, 14), dt.date(2024, 1, 11)]
    history = linked[linked["action_id"] == ids[0]].sort_values("meeting_date")
    assert history["status"].tolist() == ["open", "closed"]


def test_without_a_known_body_refs_link_only_within_their_paper():
    actions = [{"document_id": d, "ref": "1", "action": "Send the minutes"} for d in ("d1", "d2")]
    assert frames_of(actions=actions)["actions"]["action_id"].nunique() == 2


def test_a_committee_name_is_one_body_per_organisation():
    documents = [{"document_id": d, "source_path": f"{d}.txt", "status": "ok", "organisation": org}
                 for d, org in (("k1", "Northshire County Council"), ("k2", "Northshire County Council"),
                                ("n1", "Northshire Council"), ("x1", None))]
    meetings = [{"document_id": d, "body": "Cabinet"} for d in ("k1", "k2", "n1", "x1")]
    frames = frames_of(documents=documents, meetings=meetings)
    bodies = frames["bodies"]
    cabinets = bodies[bodies["name"] == "Cabinet"]
    assert len(cabinets) == 2
    kent = bodies.set_index("name").loc["Northshire County Council", "body_id"]
    ids = frames["meetings"]["body_id"].tolist()
    assert ids[0] == ids[1] != ids[2]
    assert ids[3] in (ids[0], ids[2])  # a paper that names no organisation joins the body most papers name
    assert cabinets.set_index("body_id").loc[ids[0], "organisation_id"] == kent
    assert cabinets.set_index("body_id").loc[ids[0], "n_documents"] == 3


def test_a_run_writes_the_linked_tables_and_ids(tmp_path):
    documents = [{"document_id": d, "source_path": f"{d}.txt", "status": "ok", "format": "text"}
                 for d in ("jan", "mar")]
    rows = {
        "meetings": [{"document_id": d, "body": body, "meeting_date": date} for d, body, date in (
            ("jan", "Joint Committee of CCGs", "2024-01-11"),
            ("mar", "Joint Committee of Clinical Commissioning Groups", "2024-03-14"))],
        "actions": [{"document_id": d, "ref": "24-01-03", "action": "Circulate the appraisal", "owner": owner}
                    for d, owner in (("jan", "Cllr R. Harwick"), ("mar", "Roger Harwick"))],
    }
    papers = []
    for d in ("jan", "mar"):  # each paper staged, as a run's workers stage them
        tables = {t: to_arrow(t, normalise(t, [r for r in rs if r["document_id"] == d])) for t, rs in rows.items()}
        stage_paper(tmp_path, d, tables, tuple(tables))
        papers.append((d, {"rows": {t: x.num_rows for t, x in tables.items()}, "link_inputs": paper_link_inputs(tables)}))
    write_run([DocumentRow(None, d) for d in documents], papers, tmp_path, Manifest(tmp_path), {"jan", "mar"})
    actions = read_table(tmp_path, "actions").to_pylist()
    assert actions[0]["action_id"] == actions[1]["action_id"]
    assert actions[0]["owner_id"] == actions[1]["owner_id"]
    assert [a["meeting_date"] for a in actions] == [dt.date(2024, 1, 11), dt.date(2024, 3, 14)]
    assert read_table(tmp_path, "people").column("name").to_pylist() == ["Roger Harwick"]
    assert read_table(tmp_path, "bodies").num_rows == 1


def test_papers_without_an_organisation_still_link_their_actions():
    documents = [{"document_id": "d1", "source_path": "a.pdf", "status": "ok", "organisation": "Some Council"},
                 {"document_id": "d2", "source_path": "b.pdf", "status": "ok"}]
    actions = [{"document_id": d, "ref": "1", "action": "Send the minutes"} for d in ("d1", "d2")]
    assert frames_of(documents=documents, actions=actions)["actions"]["action_id"].nunique() == 2
