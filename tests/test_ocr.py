"""Image-only scans: read by OCR (ocrmypdf and tesseract) when installed, else a clear `partial` row."""
from __future__ import annotations

import io
import os
import stat
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader

import pipeline.ocr
import pipeline.run
from pipeline.ocr import OCRError, ocr_available, ocr_languages, ocr_pdf
from pipeline.load import load
from pipeline.run import Paper, discover, process_paper, run
from pipeline.query import read_table
from tests.test_load_pdf import make_pdf, text_page

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="OCR is not installed (ocrmypdf and tesseract)")

AGENDA = text_page("CABINET", "Agenda for the meeting on Thursday, 30 January 2025 at 10.00 am",
                   "1. Apologies for absence", "2. Declarations of interest",
                   "3. Revenue budget monitoring report", size=14)
MINUTES = text_page("Minutes of the Finance Committee", "Present: Councillor Roger Harwick (Chair)", size=14)


def page_images(pdf: bytes, dpi: int = 200) -> list[Image.Image]:
    """Each page of ``pdf`` as a bitmap, as a scanner gives it."""
    document = pdfium.PdfDocument(pdf)
    return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]


def scan_of(pdf: bytes, dpi: int = 200) -> bytes:
    """An image-only PDF of the pages of ``pdf``: no text layer at all."""
    first, *rest = page_images(pdf, dpi)
    out = io.BytesIO()
    first.save(out, "PDF", save_all=True, append_images=rest, resolution=dpi)
    return out.getvalue()


def documents_row(out: Path, source_path: str = "scan.pdf"):
    """The documents row of one file (a part per paper: the table is in no order of its own)."""
    documents = read_table(out, "documents").to_pandas()
    return documents[documents["source_path"] == source_path].iloc[0]


def process(data: bytes, name: str = "scan.pdf"):
    return process_paper(Paper(Path(name), name), [], data).document


@needs_ocr
def test_a_scanned_agenda_is_read_by_ocr(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(scan_of(make_pdf(AGENDA)))
    run(discover([tmp_path / "scan.pdf"]), tmp_path / "out", ["agenda", "meetings"])
    row = documents_row(tmp_path / "out")
    assert row["status"] == "partial"
    assert row["error"] == ("no text layer on any of 1 pages (image-only scan): "
                            f"text read by OCR (tesseract, {ocr_languages()})")
    items = read_table(tmp_path / "out", "agenda_items").to_pandas()
    assert any("Apologies for absence" in title for title in items["title"])
    meetings = read_table(tmp_path / "out", "meetings").to_pandas()
    assert str(meetings["meeting_date"].iloc[0]) == "2025-01-30"


@needs_ocr
def test_ocr_reads_the_scanned_page_of_a_paper_and_keeps_the_text_of_the_others():
    scanned = page_images(make_pdf(MINUTES))[0]

    def scanned_page(c):
        c.drawImage(ImageReader(scanned), 0, 0, *A4)

    data = make_pdf(text_page("Agenda", "1. Apologies for absence"), scanned_page)
    doc = load(Path("mixed.pdf"), "mixed.pdf", data)
    note = pipeline.run._read_by_ocr(doc, data, "no text layer on 1 of 2 pages (image-only): page 2",
                                     pipeline.ocr.ocr_setup())
    assert note.endswith("text read by OCR (tesseract, %s)" % ocr_languages())
    assert [line.text for line in doc.pages[0].lines] == ["Agenda", "1. Apologies for absence"]
    assert "Minutes of the Finance Committee" in [line.text for line in doc.pages[1].lines]


@needs_ocr
def test_a_scan_with_nothing_on_it_says_ocr_found_no_text():
    blank = Image.new("L", (800, 1100), "white")
    out = io.BytesIO()
    blank.save(out, "PDF", save_all=True, append_images=[blank], resolution=100)
    document = process(out.getvalue())
    assert document["status"] == "partial"
    assert document["error"].endswith(f"OCR (tesseract, {ocr_languages()}) found no text on pages 1-2")


def test_without_ocr_a_scan_is_partial_and_says_ocr_is_not_installed(monkeypatch):
    monkeypatch.setattr(pipeline.run, "ocr_setup", lambda: "none")
    document = process(scan_of(make_pdf(AGENDA, MINUTES), dpi=50))
    assert document["status"] == "partial"
    assert document["n_pages"] == 2
    assert document["error"] == ("no text layer on any of 2 pages (image-only scan) "
                                 "(OCR is not installed: ocrmypdf and tesseract)")


def test_when_ocr_fails_the_scan_is_partial_and_says_why(monkeypatch):
    def fail(data):
        raise OCRError("ocrmypdf exit 3: OCR engine does not have language data for: dan")

    monkeypatch.setattr(pipeline.run, "ocr_setup", lambda: "tesseract, dan")
    monkeypatch.setattr(pipeline.run, "ocr_pdf", fail)
    document = process(scan_of(make_pdf(AGENDA), dpi=50))
    assert document["status"] == "partial"
    assert document["error"] == ("no text layer on any of 1 pages (image-only scan) (OCR failed: "
                                 "ocrmypdf exit 3: OCR engine does not have language data for: dan)")


def fake_program(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


@pytest.fixture
def fake_path(tmp_path, monkeypatch) -> Path:
    """A PATH of only the programs a test writes (and the shell's own)."""
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}/bin{os.pathsep}/usr/bin")
    monkeypatch.setattr(pipeline.ocr, "ocr_languages", lambda: "eng")
    return tmp_path


def test_ocr_failure_is_told_by_ocrmypdfs_first_message_not_its_page_warnings(fake_path):
    fake_program(fake_path, "ocrmypdf", "echo '   2 [tesseract] lots of diacritics' >&2\n"
                                        "echo 'Input file is not a valid PDF' >&2\n"
                                        "echo 'Traceback details' >&2\nexit 2\n")
    with pytest.raises(OCRError, match=r"^ocrmypdf exit 2: Input file is not a valid PDF$"):
        ocr_pdf(b"%PDF-1.4")


def test_ocr_that_runs_too_long_is_stopped_with_its_helpers(fake_path, monkeypatch):
    monkeypatch.setattr(pipeline.ocr, "OCR_TIMEOUT", 1)
    marker = fake_path / "helper-finished"
    # a helper process (as tesseract is to ocrmypdf) that would outlive a kill of ocrmypdf alone
    fake_program(fake_path, "ocrmypdf", f"(sleep 2; touch {marker}) &\nsleep 30\n")
    with pytest.raises(OCRError, match=r"^timed out after 1 s$"):
        ocr_pdf(b"%PDF-1.4")
    time.sleep(2.5)
    assert not marker.exists()


def test_ocr_reads_in_every_installed_language_pack_english_first(fake_path):
    fake_program(fake_path, "tesseract", "echo 'List of available languages in \"/usr/share/tessdata/\" (5):'\n"
                                         "printf 'deu\\neng\\nosd\\ndan\\nequ\\n'\n")
    assert ocr_languages.__wrapped__() == "eng+dan+deu"  # uncached: the fake tesseract


def test_a_scan_is_read_again_when_the_ocr_setup_changes_and_only_it(tmp_path):
    # the setup is the parent's (workers may come from a fork server started before any
    # monkeypatch): a run with OCR off, then one with this machine's OCR, installed or not
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "scan.pdf").write_bytes(scan_of(make_pdf(AGENDA), dpi=50))
    (tmp_path / "papers" / "text.pdf").write_bytes(make_pdf(MINUTES))
    papers, out = discover([tmp_path / "papers"]), tmp_path / "out"
    assert run(papers, out, ["meetings"], workers=1, ocr=False).processed == 2
    assert documents_row(out)["error"].endswith("(OCR is off: the run was told not to OCR scans)")
    assert run(papers, out, ["meetings"], workers=1, ocr=False).processed == 0
    assert run(papers, out, ["meetings"], workers=1).processed == 1
    assert "OCR is off" not in documents_row(out)["error"]
    assert run(papers, out, ["meetings"], workers=1).processed == 0
