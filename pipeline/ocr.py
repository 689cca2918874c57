"""OCR for image-only scans, through ocrmypdf (and tesseract) when they are installed.

ocrmypdf >= 17 rasterises pages with pypdfium2, so tesseract is the only
program it needs; the output is a plain PDF (no PDF/A, no optimising: only its
text layer is read). Nothing is downloaded: tesseract reads in the language
packs installed on the machine.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.engines import die_with_parent

# Seconds OCR may take on one paper: under the run's per-paper timeout (600 s by
# default), so a long scan ends with OCR's own error and the paper's text-less
# row instead of its worker being killed. About 1 page/s on two cores: ~400 pages.
OCR_TIMEOUT = 480
# tesseract's pack for orientation and script detection, not a language
_NOT_LANGUAGES = {"osd", "equ"}
# ocrmypdf's per-page messages ("   2 [tesseract] ..."): warnings, not why it failed
_PAGE_MESSAGE = re.compile(r"^\s*\d+\s")


class OCRError(Exception):
    """OCR did not give a PDF; the message says why, briefly."""


def ocr_available() -> bool:
    return bool(shutil.which("ocrmypdf") and shutil.which("tesseract"))


@functools.cache
def ocr_languages() -> str:
    """The installed tesseract language packs as ocrmypdf's ``-l`` value ("eng+dan"), English first."""
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "eng"
    # the list goes to stdout (tesseract 5) or stderr (4), after a header line ending in ':'
    lines = (listed.stdout or listed.stderr).splitlines()
    packs = sorted({x.strip() for x in lines[1:] if x.strip()} - _NOT_LANGUAGES,
                   key=lambda x: (x != "eng", x))
    return "+".join(packs) or "eng"


# OCR setups of a machine without OCR, and of a run told not to OCR (``--no-ocr``).
OCR_MISSING = "none"
OCR_OFF = "off"


def ocr_setup() -> str:
    """What OCR this machine has ("tesseract, eng+dan", or OCR_MISSING): a scan read with
    one setup is read again by a run with another."""
    return f"tesseract, {ocr_languages()}" if ocr_available() else OCR_MISSING


def ocr_pdf(data: bytes) -> bytes:
    """The PDF with a text layer added to its pages without one (raises OCRError)."""
    with tempfile.TemporaryDirectory(prefix="boardpapers-ocr-") as folder:
        source, target = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        source.write_bytes(data)
        command = ["ocrmypdf", "--skip-text", "--output-type", "pdf", "--optimize", "0", "--quiet",
                   "--invalidate-digital-signatures", "-l", ocr_languages(), str(source), str(target)]
        try:
            # its own session, so a timeout stops tesseract too; it dies with a killed worker
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                       start_new_session=True, preexec_fn=die_with_parent)
        except OSError as exc:
            raise OCRError(f"cannot start ocrmypdf: {exc.strerror or exc}") from exc
        try:
            _, stderr = process.communicate(timeout=OCR_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise OCRError(f"timed out after {OCR_TIMEOUT} s") from None
        if process.returncode != 0 or not target.exists():
            raise OCRError(f"ocrmypdf exit {process.returncode}: {_why(stderr.decode('utf-8', 'replace'))}")
        return target.read_bytes()


def _why(stderr: str) -> str:
    """The first line of ocrmypdf's messages that is not about one page, shortened."""
    lines = [x.strip() for x in stderr.splitlines() if x.strip() and not _PAGE_MESSAGE.match(x)]
    return (lines[0][:200] if lines else "no message")
