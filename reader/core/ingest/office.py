"""Word (.docx, .doc), WordPerfect (.wpd) and RTF files → paragraphs of text.

.docx is read by python-docx and .rtf by striprtf (both pure Python). The old binary formats
need a program: catdoc for .doc (antiword refused the short documents LibreOffice writes) and
wpd2text (libwpd-tools) for .wpd. Where one is missing,
the file is refused with a sentence saying what to install; everything else still imports.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from striprtf.striprtf import rtf_to_text

from reader.core.ingest import page_text

# A .docx is a zip: one whose parts would unpack to more than this is refused before reading
# (a "zip bomb" of a few KB can unpack to gigabytes).
MAX_UNPACKED = 200 * 1024 * 1024
MAX_ENTRIES = 5_000
PROGRAM_SECONDS = 20.0
_PROGRAMS = {
    ".doc": (
        ("catdoc", "-w"),
        "reading .doc files needs the catdoc program (Debian package catdoc)",
    ),
    ".wpd": (
        ("wpd2text",),
        "reading .wpd files needs the wpd2text program (Debian package libwpd-tools)",
    ),
}


class OfficeRefusedError(Exception):
    """A document that cannot be read, with the reason as a sentence fragment."""


def read_docx(data: bytes) -> tuple[str | None, list[str]]:
    """Return the title (from the document's properties) and the paragraphs of a .docx."""
    _check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises its own and lxml's errors on broken parts
        raise OfficeRefusedError(
            "it is not a Word document that can be read (it may be damaged)"
        ) from error
    title = (document.core_properties.title or "").strip() or None
    return title, list(_docx_paragraphs(document))


def read_rtf(text: str) -> list[str]:
    """Return the paragraphs of an RTF document."""
    if not text.lstrip().startswith("{\\rtf"):
        raise OfficeRefusedError("it is not an RTF document")
    try:
        plain: str = rtf_to_text(text, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, IndexError) as error:
        raise OfficeRefusedError(
            "it is not an RTF document that can be read (it may be damaged)"
        ) from error
    return page_text.blank_line_paragraphs(plain)


def read_with_program(suffix: str, data: bytes) -> list[str]:
    """Return the paragraphs of a .doc or .wpd file, read by its program."""
    (name, *options), hint = _PROGRAMS[suffix]
    program = shutil.which(name)
    if program is None:
        raise OfficeRefusedError(hint)
    # Both programs read a file by name; the bytes go through a private temporary file.
    with tempfile.NamedTemporaryFile(suffix=suffix) as file:
        file.write(data)
        file.flush()
        try:
            done = subprocess.run(
                [program, *options, file.name],
                capture_output=True,
                timeout=PROGRAM_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise OfficeRefusedError(f"the {name} program could not read it") from error
    if done.returncode != 0:
        raise OfficeRefusedError(f"the {name} program could not read it (it may be damaged)")
    return page_text.blank_line_paragraphs(done.stdout.decode("utf-8", "replace"))


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise OfficeRefusedError(
            "it is not a Word document that can be read (it may be damaged)"
        ) from error
    if len(entries) > MAX_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise OfficeRefusedError(
            f"it would unpack to more than {MAX_UNPACKED // 1024 // 1024} MB, "
            "far more than a document needs, so it was not opened"
        )


def _docx_paragraphs(document: Document) -> Iterator[str]:
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = " ".join(block.text.split())
            if text:
                style = (block.style.name if block.style is not None else "") or ""
                yield f"## {text}" if style.startswith(("Heading", "Title")) else text
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                line = " | ".join(dict.fromkeys(cell for cell in cells if cell))
                if line:
                    yield line
