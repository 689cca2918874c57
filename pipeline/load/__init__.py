"""Readers: one per input format, each turning a file into the page model."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.model import Document

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md"}
SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES


class LoadError(Exception):
    """The file cannot be read as a paper; the message says why, for `documents.error`."""


def file_identity(data: bytes) -> tuple[str, str]:
    """(document_id, sha256) of a file's bytes: same bytes, same id."""
    digest = hashlib.sha256(data).hexdigest()
    return digest[:16], digest


def input_format(path: Path) -> str:
    return "pdf" if os.path.splitext(path)[1].lower() in PDF_SUFFIXES else "text"


def load(path: Path, source_path: str, data: bytes | None = None) -> Document:
    """Read one paper into the page model (raises LoadError when it cannot)."""
    if data is None:
        data = path.read_bytes()
    document_id, sha256 = file_identity(data)
    doc = Document(document_id=document_id, source_path=source_path, sha256=sha256,
                   format=input_format(path), path=str(path))
    if not data:
        raise LoadError("empty file (0 bytes)")
    if doc.format == "pdf":
        from pipeline.load.pdf import read_pdf

        doc.pages = read_pdf(data)
    else:
        from pipeline.load.text import read_text

        doc.pages = read_text(data)
    return doc
