"""The built-in extractors. Each registers under the entry-point group
``boardpapers.extractors`` in pyproject.toml, exactly as a third-party one would."""
