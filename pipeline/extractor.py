"""The extractor plug-in interface and its registry.

An extractor reads a :class:`~pipeline.model.Document` and returns rows for one
or more output tables. Extractors are found through the entry-point group
``boardpapers.extractors``; the built-in ones register the same way, so the
core has no privileged path. See ``docs/extractors.md``.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, ClassVar

from pipeline.model import Document

ENTRY_POINT_GROUP = "boardpapers.extractors"

Rows = dict[str, list[dict[str, Any]]]


class Extractor:
    """Base class of extractors.

    Subclasses set ``name`` (unique), ``produces`` (the output tables they
    write rows to; ``documents`` means fields of the paper's own row, such as
    ``doc_type``), optionally ``order`` (lower runs first, default 100), and
    implement :meth:`extract`. Every row should carry ``page`` (1-based).
    """

    name: ClassVar[str]
    produces: ClassVar[tuple[str, ...]]
    order: ClassVar[int] = 100

    def prepare(self) -> None:
        """Load what every paper needs (models, language data) once, before any is read.

        The core calls it in the run's main process, so worker processes forked
        from it start ready instead of each paying for it again.
        """

    def extract(self, doc: Document) -> Rows:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class RegisteredExtractor:
    name: str
    produces: tuple[str, ...]
    order: int
    module: str
    extractor: Extractor


class RegistryError(Exception):
    pass


def _plugin(ep) -> str:
    """How a user finds a plug-in: its entry point and the package that registers it."""
    dist = getattr(ep, "dist", None)
    package = f", package {dist.name}" if dist is not None else ""
    return f"extractor plug-in {ep.name!r} ({ep.value}{package})"


def _load(ep) -> type:
    """The class an entry point names; a plug-in that cannot be imported is a RegistryError
    saying which, and what to do (once, without the traceback of its import)."""
    try:
        return ep.load()
    except Exception as exc:
        raise RegistryError(f"{_plugin(ep)} cannot be imported ({type(exc).__name__}: {exc}); "
                            "fix or reinstall that package, or uninstall it") from None


def _check(name: str, cls: type, plugin: str | None = None) -> None:
    """``cls`` is an extractor producing tables of the output (``plugin``: how the error names it)."""
    from pipeline.schema import SCHEMAS  # pyarrow: not for a run that only compares extractor_modules

    plugin = plugin or f"extractor {name!r}"
    if not (isinstance(cls, type) and issubclass(cls, Extractor)):
        raise RegistryError(f"{plugin}: {cls!r} is not a subclass of pipeline.extractor.Extractor")
    produces = getattr(cls, "produces", None)
    unknown = [t for t in produces or () if t not in SCHEMAS]
    if not produces or unknown:
        raise RegistryError(f"{plugin} produces {', '.join(map(repr, unknown)) or 'nothing'}, "
                            f"not a table of the output; known tables: {', '.join(SCHEMAS)}")


def extractor_modules(names: list[str] | None = None) -> list[str]:
    """The ``module:Class`` of each installed extractor (or of ``names``), read from the entry
    points without importing anything (an unknown name is an error)."""
    found = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    missing = sorted(set(names or ()) - set(found))
    if missing:
        raise RegistryError(f"unknown extractor(s) {missing}; installed: {sorted(found)}")
    return [found[n] for n in names] if names else list(found.values())


def load_extractors(names: list[str] | None = None) -> list[RegisteredExtractor]:
    """The installed extractors in run order (``order``, then name).

    ``names`` keeps only those (an unknown name is an error).
    """
    found: dict[str, RegisteredExtractor] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        cls = _load(ep)
        _check(ep.name, cls, _plugin(ep))
        if ep.name in found:
            raise RegistryError(f"two extractors are registered as {ep.name!r}")
        found[ep.name] = RegisteredExtractor(ep.name, tuple(cls.produces), cls.order, ep.value, cls())
    if not found:
        raise RegistryError(
            f"no extractors are registered under {ENTRY_POINT_GROUP!r}: install the project "
            "(pip install -e .) so its entry points exist")
    if names:
        missing = sorted(set(names) - set(found))
        if missing:
            raise RegistryError(f"unknown extractor(s) {missing}; installed: {sorted(found)}")
        found = {n: found[n] for n in names}
    return sorted(found.values(), key=lambda r: (r.order, r.name))
