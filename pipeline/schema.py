"""The output tables: explicit pyarrow schemas, the contract with our users.

Each column carries its description as field metadata, so the data dictionary
and ``datapackage.json`` are generated from here and never drift.
"""
from __future__ import annotations

import json

import pyarrow as pa

S, I32, F64, B, D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()

_COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "documents": [
        ("document_id", S, "Stable id of the paper: first 16 hex digits of its SHA-256 (same bytes, same id). "
                            "Unique: null on a duplicate (see `duplicate_of`) and on a file that could not be read."),
        ("source_path", S, "The file's path relative to `input`, the folder it was found under (`/`-separated)."),
        ("input", S, "Absolute path of the input folder the file was found under; for a file given "
                     "by itself, its folder. With `source_path`, the key of the row."),
        ("sha256", S, "Full SHA-256 hex digest of the file's bytes."),
        ("format", S, "`pdf` or `text`."),
        ("n_pages", I32, "Number of pages (text papers: form-feed separated pages, else 1)."),
        ("doc_type", S, "`agenda`, `minutes`, `board_pack`, `report`, `strategy`, `business_plan`, `other`."),
        ("language", S, "ISO 639-1 code of the main language (`en`, `da`, ...)."),
        ("organisation", S, "The body that issued the paper, when stated."),
        ("status", S, "`ok`, `partial` (some stage failed), `failed` (nothing extracted)."),
        ("error", S, "Why, when status is not `ok`."),
        ("duplicate_of", S, "On a file with the same bytes as an earlier one: the `document_id` of that paper, "
                            "whose rows it shares (they are not repeated)."),
        ("pipeline_version", S, "Version of boardpapers that wrote the row."),
        ("organisation_id", S, "`bodies.body_id` of the organisation, when stated."),
    ],
    "meetings": [
        ("document_id", S, "The paper the meeting was found in."),
        ("body", S, "Board or committee name, e.g. \"Joint Committee of CCGs\"."),
        ("meeting_date", D, "Date of the meeting."),
        ("start_time", S, "Start time, `HH:MM` (24 h)."),
        ("end_time", S, "End time, `HH:MM` (24 h)."),
        ("venue", S, "Where the meeting is held."),
        ("page", I32, "1-based page where the meeting header was found."),
        ("body_id", S, "`bodies.body_id`: the same body however each paper names it."),
    ],
    "agenda_items": [
        ("document_id", S, "The paper the agenda was found in."),
        ("sequence", I32, "1, 2, 3 ... in agenda order."),
        ("item_number", S, "As printed, trailing dot removed: `17707`, `5`, `3.2`."),
        ("title", S, "Title of the item."),
        ("presenter", S, "Owner / lead / presenter name(s) as printed."),
        ("purpose", S, "`information`, `discussion`, `decision`, `approval`, `assurance`, `noting`, or null."),
        ("format", S, "`verbal`, `paper`, `presentation`, or null."),
        ("duration_minutes", I32, "Time allotted to the item, in minutes."),
        ("start_time", S, "`HH:MM` when the agenda gives a time per item."),
        ("section", S, "Heading the item sits under, e.g. \"Standing Items\"."),
        ("page_range", S, "Pages of the pack the item's papers occupy, e.g. `1-10`."),
        ("page", I32, "1-based page where the item was found."),
        ("presenter_id", S, "`;`-joined `people.person_id` of the presenters that could be resolved."),
    ],
    "actions": [
        ("document_id", S, "The paper the action log was found in."),
        ("ref", S, "Action reference as printed, e.g. `17-03-08`."),
        ("action", S, "Subject and description of the action."),
        ("owner", S, "As printed (initials or names)."),
        ("owner_name", S, "Full name when the pack lets it be resolved (initials matched to a name elsewhere in the pack)."),
        ("due_date_raw", S, "Due date as printed, e.g. `Aug-17`."),
        ("due_date", D, "Due date; first day of the month when only month and year are given; null when ambiguous."),
        ("status", S, "`open`, `closed`, `complete`, `overdue`, `on track`, or as printed when none fits."),
        ("update", S, "Progress update."),
        ("page", I32, "1-based page where the action was found."),
        ("action_id", S, "Same id for the same action in the action logs of several meetings (same body, same ref, "
                         "similar text): its rows ordered by `meeting_date` are its history."),
        ("meeting_date", D, "Date of the meeting whose action log lists the row (from the paper's meetings row)."),
        ("owner_id", S, "`;`-joined `people.person_id` of the owners that could be resolved."),
    ],
    "papers": [
        ("document_id", S, "The paper the cover sheet was found in."),
        ("title", S, "Title of the report."),
        ("meeting_date", D, "Date of the meeting the report goes to."),
        ("agenda_item", S, "Agenda item number the report belongs to."),
        ("author", S, "Lead author / report of / contact."),
        ("purpose", S, "`;`-joined lower-case list of the ticked or stated purposes: `information;discussion`."),
        ("executive_summary", S, "Executive summary / summary."),
        ("recommendations", S, "What the meeting is asked to do."),
        ("financial_implications", S, "`yes`, `no`, `not applicable`, or the stated text."),
        ("risk", S, "Risk text when one is identified."),
        ("authorised_by", S, "Who authorised the report."),
        ("page", I32, "1-based page of the cover sheet."),
        ("author_id", S, "`;`-joined `people.person_id` of the authors that could be resolved."),
        ("authorised_by_id", S, "`;`-joined `people.person_id` of who authorised the report, when resolved."),
    ],
    "budget_lines": [
        ("document_id", S, "The paper the financial table was found in."),
        ("table_title", S, "Caption or heading of the table."),
        ("row_label", S, "Label of the row."),
        ("column_label", S, "Label of the column, stacked headers joined, e.g. `2025-26 Core`."),
        ("period", S, "Financial year or period the column stands for, as printed, e.g. `2023/24`, `Q3 23-24`."),
        ("fiscal_year", S, "The financial year of `period` in one spelling, `2023-24` (`2023/24`, `23-24`, "
                           "`2023-2024` alike); a single year as printed, `2013`; null when the period names "
                           "no year. Group and compare years by this column, not by `period`."),
        ("value", F64, "As printed; parenthesised numbers are negative: `(100)` is -100."),
        ("unit", S, "`£'000`, `£`, `£m`, `£bn`, `$'000`, `$`, `€`, `kr.`, `count`, `%`, or null."),
        ("currency", S, "ISO 4217 code of the unit's currency: `GBP` (£), `USD` ($), `EUR` (€), `DKK` (kr.); "
                        "null when the unit is not money (`count`, `%`) or not stated."),
        ("value_gbp", F64, "Value in pounds where the unit is a currency (`£'000` x 1000)."),
        ("is_total", B, "Row is a total / subtotal (by its label, or by being the sum of the rows above it)."),
        ("is_total_column", B, "Column is a total / subtotal of other columns (\"2025-26 Total\" beside "
                               "\"Core\" and \"External\"). Sum leaf figures only: neither `is_total` nor "
                               "`is_total_column`, one `currency` (`value_gbp`), one `fiscal_year`. Columns that "
                               "only number the rows (\"ROW REF\", \"No.\") are not money and give no lines."),
        ("page", I32, "1-based page where the cell was found."),
        ("table_id", S, "`tables.table_id` of the table the figure was read from, when known (with `page`, "
                        "`row`, `col`: its cell in `tables`)."),
        ("row", I32, "0-based row of the figure's cell in `tables`, when known."),
        ("col", I32, "0-based column of the figure's cell in `tables`, when known."),
    ],
    "decisions": [
        ("document_id", S, "The minutes the decision was found in."),
        ("item_number", S, "Minute or item number as printed."),
        ("title", S, "Title of the minuted item."),
        ("recommendation", S, "What the meeting was asked to do (\"Recommendation\", \"Indstilling\", ...)."),
        ("decision", S, "What it resolved (\"Resolved\", \"Decision\", \"Beslutning\", ...)."),
        ("page", I32, "1-based page where the item was found."),
    ],
    "tables": [
        ("document_id", S, "The paper the table was found in."),
        ("table_id", S, "Unique within the document, e.g. `p3t1` (page 3, table 1)."),
        ("page", I32, "1-based page of the table."),
        ("row", I32, "0-based row of the cell."),
        ("col", I32, "0-based column of the cell."),
        ("row_span", I32, "Rows the cell covers (1 unless it spans rows, e.g. a label over several rows of figures)."),
        ("col_span", I32, "Columns the cell covers (1 unless it spans columns, e.g. a heading over sub-columns)."),
        ("text", S, "Text of the cell; null for an empty cell."),
        ("method", S, "How the table was found: `tsv` (text paper), `lattice` (ruling lines), `stream` (text alignment)."),
    ],
    "people": [
        ("person_id", S, "Stable id of a person: a hash of the fullest form of the name."),
        ("name", S, "The fullest form of the name found, without titles (\"Roger Harwick\")."),
        ("variants", S, "`;`-joined forms the papers print (\"Cllr R. Harwick;Roger Harwick\")."),
        ("n_documents", I32, "Number of papers that name the person."),
    ],
    "bodies": [
        ("body_id", S, "Stable id of a board, committee or organisation: a hash of its name."),
        ("name", S, "The name most papers use (the longest on a tie)."),
        ("variants", S, "`;`-joined forms the papers print."),
        ("organisation_id", S, "`body_id` of the organisation a board or committee belongs to, when stated."),
        ("n_documents", I32, "Number of papers that name the body."),
    ],
}

# The pandas dtype each column reads as (pandas honours the `pandas` schema metadata it writes
# itself): dates as dates and whole numbers and flags with nulls as such, never `object` or float.
_PANDAS_DTYPES = {D: "date32[day][pyarrow]", I32: "Int32", B: "boolean"}


def _pandas_metadata(cols: list[tuple[str, pa.DataType, str]]) -> bytes:
    columns = [{"name": col, "field_name": col, "pandas_type": str(typ), "numpy_type": _PANDAS_DTYPES[typ],
                "metadata": None} for col, typ, _ in cols if typ in _PANDAS_DTYPES]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": columns}).encode()


SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(col, typ, metadata={"description": desc}) for col, typ, desc in cols],
                    metadata={"pandas": _pandas_metadata(cols)})
    for name, cols in _COLUMNS.items()
}
TABLE_NAMES: tuple[str, ...] = tuple(SCHEMAS)
# Tables built across papers by pipeline/link.py, not by extractors.
LINKED_TABLES: tuple[str, ...] = ("people", "bodies")
# Tables whose rows come from extractors (documents is written by the core).
CONTENT_TABLES: tuple[str, ...] = tuple(t for t in TABLE_NAMES if t != "documents" and t not in LINKED_TABLES)

DESCRIPTIONS: dict[str, str] = {
    "documents": "One row per input file, with its status.",
    "meetings": "One row per meeting a paper belongs to.",
    "agenda_items": "One row per item on an agenda, in order.",
    "actions": "One row per entry of an action log / action matrix.",
    "papers": "One row per report cover sheet / report front page.",
    "budget_lines": "One row per numeric cell of a financial table, in tidy form.",
    "decisions": "One row per minuted item that states a recommendation or a decision.",
    "tables": "Every table the pipeline found, cell by cell.",
    "people": "One row per person named in the papers (owners, presenters, authors), across papers.",
    "bodies": "One row per board, committee or organisation named in the papers, across papers.",
}


def column_names(table: str) -> list[str]:
    return SCHEMAS[table].names
