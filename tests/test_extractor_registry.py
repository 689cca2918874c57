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


def test_every_method_of_the_extractor_interface_is_documented_in_the_guide():
    from tests.conftest import REPO

    guide = (REPO / "docs" / "extractors.md").read_text()
    hooks = [name for name, value in vars(Extractor).items() if callable(value) and not name.startswith("_")]
    assert set(hooks) == {"prepare", "extract"}
    assert all(f"{hook}(" in guide or f"`{hook}`" in guide for hook in hooks)
