"""docs/data-dictionary.md is generated from the schemas and never stale."""
from __future__ import annotations

from pipeline.dictionary import DICTIONARY, main, render
from pipeline.schema import SCHEMAS


def test_the_data_dictionary_is_up_to_date_with_the_schemas():
    assert DICTIONARY.read_text("utf-8") == render(), "run: python -m pipeline.dictionary"


def test_every_table_and_column_is_described():
    text = render()
    for name, schema in SCHEMAS.items():
        assert f"\n## {name}\n" in text
        for field in schema:
            assert (field.metadata or {}).get(b"description"), f"{name}.{field.name} has no description"
            assert f"| `{field.name}` | " in text


def test_check_mode_fails_on_a_stale_file(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "data-dictionary.md"
    stale.write_text(render().replace("| `venue` |", "| `place` |"))
    monkeypatch.setattr("pipeline.dictionary.DICTIONARY", stale)
    assert main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert main([]) == 0 and main(["--check"]) == 0
