"""Vocabularies kept as data: TOML files beside the code that reads them."""
from __future__ import annotations

from importlib.resources import files

import tomllib


def load_vocab(name: str, package: str = __name__) -> dict:
    """``<name>.toml`` of a vocabulary package (default: this one), parsed.

    Callers cache what they build from it; a fresh dict each call keeps one
    caller's changes from leaking into another's.
    """
    return tomllib.loads(files(package).joinpath(f"{name}.toml").read_text("utf-8"))
