"""Unbreakable runs: every bad input gives a documents row with a clear error, and the run goes on."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zlib

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader

from pipeline.engines import LocalEngine
from pipeline.load import LoadError
from pipeline.load.inflation import check_inflation
from pipeline.ocr import ocr_available
from pipeline.query import read_table
from pipeline.run import discover, run
from tests.test_load_pdf import HEIGHT, make_pdf, text_page

GOOD = make_pdf(text_page("Agenda", "1. Apologies for absence", "2. Minutes of the last meeting"))


def raw_pdf(content: bytes, resources: bytes = b"", filters: bytes = b"") -> bytes:
    """A one-page PDF written by hand, for what reportlab will not make."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
               + resources + b" >> >>",
               b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream"]
    if resources:
        names = b" ".join(b"/g%d" % i for i in range(32, 127))
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                       b"/Differences [32 " + names + b"] >> >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def documents(out):
    return read_table(out, "documents").to_pandas().set_index("source_path")


def test_an_encrypted_pdf_is_failed_as_encrypted(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "locked.pdf").write_bytes(make_pdf(text_page("Secret minutes"), encrypt="password"))
    (tmp_path / "in" / "good.pdf").write_bytes(GOOD)
    run(discover([tmp_path / "in"]), tmp_path / "out")
    docs = documents(tmp_path / "out")
    assert docs.loc["locked.pdf", "status"] == "failed"
    assert docs.loc["locked.pdf", "error"].startswith("encrypted PDF")
    assert docs.loc["good.pdf", "status"] == "ok"


def test_an_image_only_scan_says_it_has_no_text_layer(tmp_path):
    image = Image.new("RGB", (200, 100), "white")

    def draw(c):
        c.drawImage(ImageReader(image), 72, HEIGHT - 300, 400, 200)

    (tmp_path / "scan.pdf").write_bytes(make_pdf(draw, draw))
    run(discover([tmp_path / "scan.pdf"]), tmp_path / "out")
    row = documents(tmp_path / "out").iloc[0]
    assert row["n_pages"] == 2
    assert row["status"] == "partial"  # readable, only without text: never failed
    assert "no text layer on any of 2 pages" in row["error"]
    if not ocr_available():
        assert "OCR is not installed" in row["error"]


def test_garbled_font_encoding_is_partial_with_the_pages_named(tmp_path):
    content = b"BT /F1 12 Tf 72 700 Td (Budget estimates 2013-14) Tj ET"
    (tmp_path / "garbled.pdf").write_bytes(raw_pdf(content, resources=b"/Font << /F1 5 0 R >>"))
    run(discover([tmp_path / "garbled.pdf"]), tmp_path / "out")
    row = documents(tmp_path / "out").iloc[0]
    assert row["status"] in ("partial", "failed")
    assert "text may be garbled on page 1" in row["error"]


def test_a_font_whose_codes_map_to_the_wrong_letters_is_partial(tmp_path):
    # a legacy-encoded Devanagari font read as Latin-1 letters and symbols
    (tmp_path / "legacy.pdf").write_bytes(make_pdf(text_page(
        "N^Ln l 1112 HM 1213 HM", "dncP=Lq fgl^lgq @lG$R=l", "cel`T qLq ZdebG^ mlPn=q", "1,00,000 1,00,000")))
    run(discover([tmp_path / "legacy.pdf"]), tmp_path / "out")
    row = documents(tmp_path / "out").iloc[0]
    assert row["status"] == "partial"
    assert "text may be garbled on page 1" in row["error"]


def bomb_stream(megabytes: int, layers: int = 1) -> bytes:
    """Spaces that inflate to ``megabytes``, Flate-compressed ``layers`` times over."""
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(b" " * 2**20) for _ in range(megabytes)) + compressor.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    return data


def test_a_decompression_bomb_is_recognised_before_it_inflates_and_the_run_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    bomb = bomb_stream(1024)  # 1 MB that inflates to 1 GB
    (tmp_path / "in" / "bomb.pdf").write_bytes(raw_pdf(bomb, filters=b"/Filter /FlateDecode"))
    (tmp_path / "in" / "good.pdf").write_bytes(GOOD)
    summary = run(discover([tmp_path / "in"]), tmp_path / "out", workers=2)  # the default memory limit
    docs = documents(tmp_path / "out")
    assert docs.loc["bomb.pdf", "status"] == "failed"
    assert docs.loc["bomb.pdf", "error"].startswith("decompression bomb: a stream inflates to more than 256 MB")
    assert docs.loc["good.pdf", "status"] == "ok"
    assert 0 < summary.peak_worker_mb < 1024


def test_a_bomb_compressed_twice_over_is_recognised_as_well(tmp_path):
    bomb = bomb_stream(300, layers=2)
    (tmp_path / "bomb.pdf").write_bytes(raw_pdf(bomb, filters=b"/Filter [/FlateDecode /FlateDecode]"))
    run(discover([tmp_path / "bomb.pdf"]), tmp_path / "out", workers=1)
    assert documents(tmp_path / "out").iloc[0]["error"].startswith("decompression bomb")


def test_a_stream_as_large_as_a_page_can_need_is_read(tmp_path):
    content = b"BT /F1 12 Tf 72 700 Td (Budget estimates 2013-14) Tj ET\n" + b" " * (64 * 2**20)
    (tmp_path / "big.pdf").write_bytes(raw_pdf(zlib.compress(content, 9), resources=b"/Font << /F1 5 0 R >>",
                                               filters=b"/Filter /FlateDecode"))
    run(discover([tmp_path / "big.pdf"]), tmp_path / "out", workers=1)
    assert "decompression bomb" not in (documents(tmp_path / "out").iloc[0]["error"] or "")


def test_the_memory_limit_still_stops_a_paper_that_grows_past_it(tmp_path):
    # a bomb under the stream limit, with a memory limit under what inflating it takes
    bomb = bomb_stream(200)
    (tmp_path / "bomb.pdf").write_bytes(raw_pdf(bomb, filters=b"/Filter /FlateDecode"))
    run(discover([tmp_path / "bomb.pdf"]), tmp_path / "out", workers=1, memory_limit_mb=150)
    row = documents(tmp_path / "out").iloc[0]
    assert row["status"] == "failed" and "used more than 150 MB of memory" in row["error"]


def hang_on_one(task):
    if task == 1:
        time.sleep(60)  # a stage that never returns
    return task


def test_a_paper_that_hangs_is_stopped_at_the_timeout_and_the_pool_goes_on():
    results, failures = {}, {}
    started = time.monotonic()
    # the clock starts when a task is sent, so worker start-up on a loaded machine counts: leave room
    LocalEngine(workers=1, timeout=10).run([0, 1, 2], hang_on_one, results.__setitem__, failures.__setitem__)
    assert time.monotonic() - started < 50
    assert results == {0: 0, 2: 2}
    assert failures == {1: "timed out after 10 s"}


def test_a_thousand_page_pack_is_read_in_bounded_memory(tmp_path):
    pages = [text_page(f"Page {n} of the pack", "A line of minutes about the budget and the plan.")
             for n in range(1, 1001)]
    (tmp_path / "pack.pdf").write_bytes(make_pdf(*pages))
    summary = run(discover([tmp_path / "pack.pdf"]), tmp_path / "out", workers=1)
    row = documents(tmp_path / "out").iloc[0]
    assert (row["status"], row["n_pages"]) == ("ok", 1000)
    assert 0 < summary.peak_worker_mb < 1024


def test_a_run_killed_halfway_then_rerun_has_every_paper_exactly_once(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(12):
        lines = [f"Board minutes {n}", "Item 1. Budget", "Item 2. Risks"] * 10
        (src / f"paper{n:02d}.pdf").write_bytes(make_pdf(*[text_page(*lines)] * 20))
    command = [sys.executable, "-c", "from pipeline.cli import main; main()", "run", str(src), "--out", str(out),
               "--workers", "1", "-e", "tables"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    journal = out / ".boardpapers" / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and len(journal.read_text().splitlines()) >= 3:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(journal.read_text().splitlines())
    assert 3 <= finished < 12, "the run was not killed halfway"

    summary = run(discover([src]), out, ["tables"])
    assert summary.processed <= 12 - 3
    docs = read_table(out, "documents").to_pandas()
    assert sorted(docs["source_path"]) == [f"paper{n:02d}.pdf" for n in range(12)]
    assert (docs["status"] == "ok").all()


def test_an_image_declaring_more_pixels_than_any_scan_is_a_bomb():
    image = (b"6 0 obj\n<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceRGB "
             b"/BitsPerComponent 8 /Length 4 /Filter /FlateDecode >>\nstream\nxxxx\nendstream\nendobj\n")
    with pytest.raises(LoadError, match="decompression bomb: an image declares 10,300 MB decoded"):
        check_inflation(GOOD + image)
    check_inflation(GOOD + image.replace(b"60000", b"6000"))  # a 600 dpi A3 scan: read
