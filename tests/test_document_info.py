"""doc_type and organisation of a paper."""
from __future__ import annotations

from conftest import extractor, text_document


def info(text: str) -> dict:
    return extractor("document_info").extract(text_document(text))["documents"][0]


def test_the_kind_named_first_on_the_title_page_wins():
    row = info("Standards Authority\nBusiness Plan 2023/24\n"
               "We will implement our revised engagement strategy and plans this year.\n")
    assert row["doc_type"] == "business_plan"
    assert info("Sefton\nHealth and Wellbeing\nStrategy\n2020-2025\nContents\n")["doc_type"] == "strategy"


def test_organisation_is_the_body_named_most_not_a_kind_of_meeting():
    row = info("TRAFFORD COUNCIL\nAGENDA FOR EXECUTIVE\nReport to: Full Council\n"
               "Trafford Council will sign the agreement with Pennine Care.\n"
               "The Council and Trafford Council officers agreed.\n")
    assert row["organisation"] == "Trafford Council"
    assert info("Minutes\nThe meeting started at noon and the chair welcomed everybody.\n")["organisation"] is None
