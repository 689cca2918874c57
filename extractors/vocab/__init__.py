"""The built-in extractors' vocabularies (labels, keywords per language) as TOML data."""
from __future__ import annotations

from pipeline.vocab import load_vocab as _load_vocab


def load_vocab(name: str) -> dict:
    """``extractors/vocab/<name>.toml``, parsed."""
    return _load_vocab(name, __name__)
