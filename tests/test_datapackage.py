"""datapackage.json: written beside the tables, describing what is there."""
from __future__ import annotations

import json

import pyarrow.parquet as pq

from pipeline.datapackage import write_datapackage
from pipeline.normalise import normalise, to_arrow
from pipeline.run import discover, run
from pipeline.schema import SCHEMAS


def test_a_run_writes_a_package_with_every_table_and_its_columns(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text("A\tB\t\n1\t2\t\n")
    run(discover([tmp_path / "in"]), tmp_path / "out")
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(SCHEMAS)
    for name, resource in resources.items():
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        columns = pq.read_schema(tmp_path / "out" / paths[0]).names
        assert [f["name"] for f in resource["schema"]["fields"]] == columns, name
        assert all(f["description"] for f in resource["schema"]["fields"]), name
    types = {f["name"]: f["type"] for f in resources["budget_lines"]["schema"]["fields"]}
    assert [types[c] for c in ("value", "page", "is_total", "period")] == ["number", "integer", "boolean", "string"]
    meetings = resources["meetings"]["schema"]
    assert meetings["foreignKeys"] == [
        {"fields": "document_id", "reference": {"resource": "documents", "fields": "document_id"}},
        {"fields": "body_id", "reference": {"resource": "bodies", "fields": "body_id"}}]
    assert resources["people"]["schema"]["primaryKey"] == ["person_id"]
    documents = resources["documents"]["schema"]
    assert documents["primaryKey"] == ["input", "source_path"]
    assert next(f for f in documents["fields"] if f["name"] == "document_id")["constraints"] == {"unique": True}


def test_every_row_of_a_paper_refers_to_its_documents_row():
    from pipeline.datapackage import table_schema

    for name in SCHEMAS:
        if name != "documents" and "document_id" in SCHEMAS[name].names:
            assert {"fields": "document_id", "reference": {"resource": "documents", "fields": "document_id"}} \
                in table_schema(name)["foreignKeys"], name


def test_a_table_of_part_files_is_a_multipart_resource(tmp_path):
    (tmp_path / "actions").mkdir()
    for i in range(2):
        frame = normalise("actions", [{"document_id": f"d{i}", "ref": "1"}])
        pq.write_table(to_arrow("actions", frame), tmp_path / "actions" / f"part-{i}.parquet")
    package = json.loads(write_datapackage(tmp_path).read_text())
    assert [r["name"] for r in package["resources"]] == ["actions"]
    assert package["resources"][0]["path"] == ["actions/part-0.parquet", "actions/part-1.parquet"]


def test_the_package_is_written_a_table_at_a_time_as_its_descriptor(tmp_path):
    from pipeline.datapackage import descriptor

    assert json.loads(write_datapackage(tmp_path).read_text()) == descriptor(tmp_path) and \
        descriptor(tmp_path)["resources"] == []
    for table in ("actions", "people"):
        (tmp_path / table).mkdir()
        for i in range(2 if table == "actions" else 1):
            pq.write_table(to_arrow(table, normalise(table, [])), tmp_path / table / f"part-{i}.parquet")
    written = write_datapackage(tmp_path).read_text()
    assert written == json.dumps(descriptor(tmp_path), indent=2, ensure_ascii=False) + "\n"
    assert [r["name"] for r in json.loads(written)["resources"]] == ["actions", "people"]
