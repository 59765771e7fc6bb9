"""Text from a scanned page, through the Tesseract OCR program (Debian's tesseract-ocr).

Tesseract runs as a separate program, with the English model its package installs: nothing is
downloaded, and a machine without it still imports every PDF page that has a text layer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass

INSTALL_HINT = "reading scanned pages needs the tesseract program (Debian package tesseract-ocr)"
# 300 dpi is what Tesseract is trained for; it read the 3 scans of legal-docs-dev at about
# 1 s a page on one core (docs/PERFORMANCE.md, bench/bench_pdf.py).
DPI = 300
PAGE_SECONDS = 30.0


@dataclass(frozen=True)
class GrayImage:
    """An 8-bit grayscale picture of a page, rows packed without padding."""

    width: int
    height: int
    pixels: bytes


class OcrUnavailableError(Exception):
    """The OCR program is not installed or did not run."""


def available() -> bool:
    """Whether the OCR program can be run on this machine."""
    return shutil.which("tesseract") is not None


def read_page(image: GrayImage) -> str:
    """Return the text Tesseract reads on `image`; raise OcrUnavailableError if it cannot run."""
    program = shutil.which("tesseract")
    if program is None:
        raise OcrUnavailableError(INSTALL_HINT)
    header = b"P5 %d %d 255\n" % (image.width, image.height)
    try:
        done = subprocess.run(
            [program, "stdin", "stdout", "-l", "eng", "--dpi", str(DPI), "--psm", "3"],
            input=header + image.pixels,
            capture_output=True,
            timeout=PAGE_SECONDS,
            # One thread: the import's entity workers already use the other cores.
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise OcrUnavailableError(f"the OCR program did not finish ({error})") from error
    if done.returncode != 0:
        raise OcrUnavailableError("the OCR program could not read the page")
    return done.stdout.decode("utf-8", "replace")
