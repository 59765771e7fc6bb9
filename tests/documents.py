"""Small documents of our own, written by the tests: PDFs (one text line list per page),
Word files through python-docx and e-mails through the standard library."""

from __future__ import annotations

import email.message
import io
import zlib
from collections.abc import Sequence

import docx
import pypdfium2 as pdfium


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    *,
    media_box: tuple[int, int] = (612, 792),
    sizes: dict[int, int] | None = None,
) -> bytes:
    """A valid PDF whose pages hold `pages`' lines in Helvetica, as a text layer; `sizes`
    sets the type size of lines of the first page by their index (11 points otherwise)."""
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    font = 3 + 2 * count
    for number, lines in enumerate(pages):
        content = ["BT /F1 11 Tf 72 720 Td 14 TL"]
        for index, line in enumerate(lines):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            size = (sizes or {}).get(index) if number == 0 else None
            if size:
                content.append(f"/F1 {size} Tf ({escaped}) Tj T* /F1 11 Tf")
            else:
                content.append(f"({escaped}) Tj T*")
        content.append("ET")
        stream = "\n".join(content).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {media_box[0]} {media_box[1]}] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> "
            f"/Contents {4 + 2 * number} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _pdf_file(objects)


def scanned_pdf_bytes(pages: Sequence[Sequence[str]], *, dpi: int = 200) -> bytes:
    """A PDF of pictures only, as a scanner makes: each page is `pages`' lines in 16-point
    type drawn to a grayscale image, with no text layer."""
    text = pdfium.PdfDocument(pdf_bytes(pages, sizes=dict.fromkeys(range(40), 16)))
    pictures = []
    for number in range(len(text)):
        bitmap = text[number].render(scale=dpi / 72, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        raw = bytes(bitmap.buffer)
        rows = b"".join(raw[row * stride : row * stride + width] for row in range(height))
        pictures.append((width, height, zlib.compress(rows)))
    text.close()
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(len(pictures)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pictures)} >>".encode())
    for number, (width, height, packed) in enumerate(pictures):
        page, content, image = 3 + 3 * number, 4 + 3 * number, 5 + 3 * number
        assert len(objects) == page - 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /XObject << /Im1 {image} 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        draw = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
            f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
            f"/Length {len(packed)} >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    return _pdf_file(objects)


def _pdf_file(objects: Sequence[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % index + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def wpd_bytes(paragraphs: Sequence[str]) -> bytes:
    """A WordPerfect 5.1 document of `paragraphs`: the 16-byte prefix (magic, where the text
    starts, product 1, file type 10 = document, version 0.1, not encrypted), then the text in
    single-byte characters with a hard return (0x0A) after each paragraph."""
    prefix = b"\xffWPC" + (16).to_bytes(4, "little") + bytes([1, 10, 0, 1]) + b"\0\0\0\0"
    return prefix + b"".join(p.encode("ascii") + b"\x0a\x0a" for p in paragraphs)


def docx_bytes(title: str, heading: str, paragraphs: Sequence[str]) -> bytes:
    """A Word document with a title property, a heading and paragraphs."""
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def eml_bytes(subject: str, date: str, text: str | None, html: str | None = None) -> bytes:
    """An e-mail with a plain-text part and/or an HTML part."""
    message = email.message.EmailMessage()
    message["From"] = "Clerk of Court <noreply@court.example>"
    message["To"] = "reader@example.com"
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = "<1@court.example>"
    if text is not None:
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    return message.as_bytes()
