"""OCR for image-only scans, through ocrmypdf (and tesseract) when they are installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

# Seconds OCR may take on one paper (a long scanned pack takes minutes).
OCR_TIMEOUT = 900


def ocr_available() -> bool:
    return bool(shutil.which("ocrmypdf") and shutil.which("tesseract"))


def ocr_pdf(data: bytes) -> bytes | None:
    """The PDF with a text layer added to its pages without one; None when OCR fails."""
    with tempfile.TemporaryDirectory(prefix="boardpapers-ocr-") as folder:
        source, target = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        source.write_bytes(data)
        try:
            subprocess.run(["ocrmypdf", "--skip-text", "--quiet", str(source), str(target)],
                           check=True, timeout=OCR_TIMEOUT, capture_output=True)
        except (OSError, subprocess.SubprocessError):
            return None
        return target.read_bytes() if target.exists() else None
