"""Turn a file's bytes into text: BOMs, UTF-8, UTF-16, cp1252; binary files refused."""

from __future__ import annotations

import codecs
import re

# Signatures of formats people may save with a .txt/.md/.html name by mistake.
_MAGIC = (
    (b"%PDF", "it is a PDF file"),
    (b"PK\x03\x04", "it is a compressed file (ZIP, Word or similar)"),
    (b"\x89PNG", "it is a PNG image"),
    (b"\xff\xd8\xff", "it is a JPEG image"),
    (b"GIF8", "it is a GIF image"),
    (b"\xd0\xcf\x11\xe0", "it is an old Microsoft Office file"),
    (b"\x7fELF", "it is a program, not text"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Control characters no text file holds (all below 32 but tab, line feed, vertical tab, form
# feed and carriage return); found by a regular expression, not a loop over each character.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


class NotTextError(ValueError):
    """The bytes are not text in any encoding we read; the message says why."""


def decode(data: bytes) -> str:
    """Return the text in `data`, with line ends made "\\n"; raise NotTextError for binary data."""
    for signature, reason in _MAGIC:
        if data.startswith(signature):
            raise NotTextError(reason)
    text = _decode(data)
    if "\x00" in text:
        raise NotTextError("it contains binary data (NUL bytes), so it is not a text file")
    controls = len(_CONTROLS.findall(text, 0, 65536))
    if controls > 0.01 * min(len(text), 65536) + 8:
        raise NotTextError("it contains binary data, so it is not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise NotTextError(f"its {encoding.upper()} text is damaged") from error
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise NotTextError("it contains binary data (NUL bytes), so it is not a text file")
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as error:
            raise NotTextError("its UTF-16 text is damaged") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so the text still reads.
        return data.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" if `data` looks like mostly-ASCII UTF-16 saved without a BOM.

    Such text has a NUL in every other byte (the high byte of each ASCII character), and
    almost none in the other half; binary data has NULs scattered in both.
    """
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= 0.6 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None
