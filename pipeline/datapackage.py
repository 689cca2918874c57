"""A Frictionless ``datapackage.json`` beside the tables, generated from the schemas.

https://specs.frictionlessdata.io/data-package/ : one resource per table, with
its Parquet file(s) (a table written as part files is a multipart resource),
its columns, their types and descriptions.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from pipeline import __version__
from pipeline.schema import DESCRIPTIONS, SCHEMAS
from pipeline.write import replace_atomic

# Keys of documents and the tables built by linking; documents lists a file with the same bytes as
# another (document_id null), so its key is where the file was found.
PRIMARY_KEYS = {"documents": ["input", "source_path"], "people": ["person_id"], "bodies": ["body_id"]}
# Columns unique where not null (documents.document_id: one row per paper).
UNIQUE = {("documents", "document_id")}
# Columns holding exactly one id of another table (the `;`-joined person ids cannot be foreign keys).
FOREIGN_KEYS = {
    **{(table, "document_id"): ("documents", "document_id")
       for table, schema in SCHEMAS.items() if table != "documents" and "document_id" in schema.names},
    ("documents", "organisation_id"): ("bodies", "body_id"),
    ("documents", "duplicate_of"): ("documents", "document_id"),
    ("meetings", "body_id"): ("bodies", "body_id"),
}


def frictionless_type(typ: pa.DataType) -> str:
    if pa.types.is_string(typ) or pa.types.is_large_string(typ):
        return "string"
    if pa.types.is_integer(typ):
        return "integer"
    if pa.types.is_floating(typ):
        return "number"
    if pa.types.is_boolean(typ):
        return "boolean"
    if pa.types.is_date(typ):
        return "date"
    if pa.types.is_timestamp(typ):
        return "datetime"
    return "any"


def table_schema(name: str) -> dict[str, Any]:
    fields = [{"name": f.name, "type": frictionless_type(f.type),
               "description": (f.metadata or {}).get(b"description", b"").decode("utf-8")}
              for f in SCHEMAS[name]]
    for spec in fields:
        if (name, spec["name"]) in UNIQUE:
            spec["constraints"] = {"unique": True}
    schema: dict[str, Any] = {"fields": fields}
    if name in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[name]
    foreign = [{"fields": column, "reference": {"resource": "" if target == name else target, "fields": key}}
               for (table, column), (target, key) in FOREIGN_KEYS.items() if table == name]
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def _part_paths(out: Path, name: str) -> list[str]:
    """:func:`pipeline.query.table_files` of a table, relative to ``out``, in the same order; from
    names, not paths (a table of papers' rows has a part per paper)."""
    if (out / f"{name}.parquet").is_file():
        return [f"{name}.parquet"]
    found = []
    for folder, _, files in os.walk(out / name):
        where = Path(folder).relative_to(out).as_posix()
        found.extend(f"{where}/{f}" for f in files if f.endswith(".parquet") and not f.startswith("."))
    return sorted(found, key=lambda path: path.split("/"))


def _resources(out: Path) -> Iterator[dict[str, Any]]:
    """The data package's resource of each table written under ``out``, one at a time (a table of
    papers' rows lists a part per paper)."""
    for name in SCHEMAS:
        paths = _part_paths(out, name)
        if paths:
            yield {
                "name": name,
                "path": paths[0] if len(paths) == 1 else paths,
                "profile": "tabular-data-resource",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "description": DESCRIPTIONS[name],
                "schema": table_schema(name),
            }


_PACKAGE = {
    "profile": "tabular-data-package",
    "name": "boardpapers",
    "title": "Board papers of public bodies as tables",
    "version": __version__,
}


def descriptor(out: Path) -> dict[str, Any]:
    """The data package of the tables written under ``out``."""
    return {**_PACKAGE, "resources": list(_resources(out))}


def write_datapackage(out: Path) -> Path:
    """Write ``<out>/datapackage.json`` atomically, describing the tables present: the JSON
    ``descriptor(out)`` gives, written a resource at a time (only one table's list of parts is
    held at once)."""
    path = out / "datapackage.json"

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(_PACKAGE, indent=2, ensure_ascii=False)[:-2] + ',\n  "resources": [')
            written = 0
            for resource in _resources(out):  # JSON strings hold no line breaks: each is the layout's
                text = json.dumps(resource, indent=2, ensure_ascii=False).replace("\n", "\n    ")
                handle.write(("," if written else "") + "\n    " + text)
                written += 1
            handle.write("\n  ]\n}\n" if written else "]\n}\n")
    replace_atomic(write, path)
    return path
