import pytest

from pipeline.extractor import Extractor, RegistryError, _check, load_extractors


def test_builtins_load_through_entry_points_in_order():
    loaded = load_extractors()
    assert [r.order for r in loaded] == sorted(r.order for r in loaded)
    assert {"tables", "document_info"} <= {r.name for r in loaded}


def test_unknown_name_is_a_clear_error():
    with pytest.raises(RegistryError, match="unknown extractor"):
        load_extractors(["no_such_extractor"])


def test_an_extractor_must_declare_known_tables():
    class Bad(Extractor):
        name = "bad"
        produces = ("agenda",)

    with pytest.raises(RegistryError, match="known tables"):
        _check("bad", Bad)
