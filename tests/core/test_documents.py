"""PDF, Word, RTF, .doc and e-mail files read into articles, and refused with a reason."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from reader.core import ingest
from reader.core.articles import page_at
from reader.core.errors import ArticleFormatError
from reader.core.ingest import pdf
from reader.core.present import render
from tests.documents import docx_bytes, eml_bytes, pdf_bytes, wpd_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STAMP = "Case 1:24-cv-00101 Document 12 Filed 03/04/24 Page {} of 3"
OPINION = [
    [
        STAMP.format(1),
        "UNITED STATES DISTRICT COURT",
        "DANA MORGAN v. HARLOW MILLS",
        "The court heard the motion of Harlow Mills to dismiss the claim that",
        "Dana Morgan brought after the fire at the mill in Lowell.",
    ],
    [STAMP.format(2), "Harlow Mills says the claim came too late.", "We disagree."],
    [STAMP.format(3), "The motion to dismiss is denied.", "So ordered."],
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_pdf_is_read_page_by_page_without_its_running_stamp(tmp_path: Path) -> None:
    article = ingest.load_article(write(tmp_path, "opinion.pdf", pdf_bytes(OPINION)))
    assert article.format == "pdf"
    assert article.title == "DANA MORGAN v. HARLOW MILLS"  # the caption, not a header line
    assert "\n\nDANA MORGAN v. HARLOW MILLS\n\n" in article.body  # its own paragraph
    assert "Harlow Mills says the claim came too late." in article.body
    assert "Document 12" not in article.body  # the stamp on every page is not text
    assert article.dockets == ("1:24-cv-00101",)  # the legal layer still reads the stamp
    assert len(article.pages) == 3
    second = article.body[article.pages[1] :]
    assert second.startswith("Harlow Mills says")
    assert page_at(article.pages, article.body.index("denied")) == 3
    assert "\u2014 page 2 \u2014" in article.body
    html = render.to_html(article, [])
    assert '<p class="page">\u2014 page 3 \u2014</p>' in html
    assert "PDF, 3 pages" in html
    assert article.ocr_pages == ()


def test_a_running_header_repeated_on_every_page_is_left_out(tmp_path: Path) -> None:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    pages = [
        ["Morgan v. Harlow Mills, Opinion of the Court"]
        + [f"Witness {letters[n * 6 + k - 6]}x said the fire began at night." for k in range(6)]
        + [f"- {n} -"]
        for n in range(1, 5)
    ]
    article = ingest.load_article(write(tmp_path, "opinion.pdf", pdf_bytes(pages)))
    assert "Opinion of the Court" not in article.body
    assert "- 3 -" not in article.body
    assert "Witness Ax said the fire began at night." in article.body
    assert "Witness Xx said the fire began at night." in article.body


def test_a_pdf_page_of_a_few_words_keeps_its_text_layer(tmp_path: Path) -> None:
    article = ingest.load_article(write(tmp_path, "short.pdf", pdf_bytes([["So ordered."]])))
    assert article.body == "So ordered."
    assert article.ocr_pages == ()


def test_a_damaged_or_truncated_pdf_is_refused_with_a_sentence(tmp_path: Path) -> None:
    data = pdf_bytes(OPINION)
    for name, bad in [("cut.pdf", data[:300]), ("noise.pdf", b"%PDF-1.4\n" + b"\x00" * 500)]:
        with pytest.raises(ArticleFormatError, match="not a PDF file that can be read"):
            ingest.load_article(write(tmp_path, name, bad))


def test_a_pdf_of_very_many_pages_is_read_to_the_cap_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 20)
    pages = [[f"Page {n} of the record, about the mill."] for n in range(1, 31)]
    article = ingest.load_article(write(tmp_path, "record.pdf", pdf_bytes(pages)))
    assert len(article.pages) == 20
    assert any("first 20 of its 30 pages" in note for note in article.notes)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf makes the encrypted PDF")
def test_a_password_protected_pdf_is_refused_as_such(tmp_path: Path) -> None:
    import subprocess

    plain = write(tmp_path, "plain.pdf", pdf_bytes(OPINION))
    locked = tmp_path / "locked.pdf"
    subprocess.run(
        ["qpdf", "--encrypt", "secret", "secret", "256", "--", str(plain), str(locked)],
        check=True,
    )
    with pytest.raises(ArticleFormatError, match="password-protected"):
        ingest.load_article(locked)


def test_a_word_document_gives_its_title_heading_and_paragraphs(tmp_path: Path) -> None:
    data = docx_bytes(
        "Order on the motion to dismiss",
        "Order on the Motion to Dismiss",
        ["Harlow Mills asked the court to dismiss the claim.", "1. The motion is denied."],
    )
    article = ingest.load_article(write(tmp_path, "order.docx", data))
    assert article.title == "Order on the motion to dismiss"
    assert article.body.startswith("## Order on the Motion to Dismiss")
    assert "1. The motion is denied." in article.body
    html = render.to_html(article, [])
    assert "1. The motion is denied." in html.replace("&#46;", ".")
    assert "<ol>" not in html  # a numbered line stays a line


def test_a_zip_bomb_named_docx_is_not_unpacked(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    with pytest.raises(ArticleFormatError, match="would unpack to more than 200 MB"):
        ingest.load_article(write(tmp_path, "bomb.docx", out.getvalue()))


def test_an_rtf_document_is_read_as_text(tmp_path: Path) -> None:
    rtf = rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Dana Morgan v. Harlow Mills\par"
    rtf += rb"\pard The motion is denied.\par}"
    article = ingest.load_article(write(tmp_path, "order.rtf", rtf))
    assert article.format == "rtf"
    assert "The motion is denied." in article.body


@pytest.mark.skipif(shutil.which("catdoc") is None, reason="catdoc reads .doc files")
def test_an_old_word_document_is_read_by_catdoc() -> None:
    article = ingest.load_article(FIXTURES / "order.doc")
    assert article.format == "doc"
    assert "Harlow Mills asked the court on March 4, 2024" in article.body


@pytest.mark.skipif(shutil.which("wpd2text") is None, reason="libwpd-tools reads .wpd files")
def test_a_wordperfect_document_is_read_with_its_caption_and_date(tmp_path: Path) -> None:
    data = wpd_bytes(
        [
            "IN THE DISTRICT COURT OF ELDORA COUNTY",
            "PETRA LINDQVIST, Plaintiff, v. HALVORSEN MILLING CO., Defendant.",
            "Case No. 2022-CV-0413",
            "ORDER ON MOTION TO COMPEL",
            "The motion of Petra Lindqvist to compel discovery is granted.",
            "Dated: March 3, 2022",
        ]
    )
    article = ingest.load_article(write(tmp_path, "order.wpd", data))
    assert article.format == "wpd"
    assert article.title == "PETRA LINDQVIST v. HALVORSEN MILLING CO."  # as the caption prints it
    assert article.published == "2022-03-03"
    assert "2022-CV-0413" in article.dockets
    assert "The motion of Petra Lindqvist to compel discovery is granted." in article.body


def test_a_missing_program_is_named_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no catdoc, no wpd2text
    with pytest.raises(ArticleFormatError, match="needs the catdoc program"):
        ingest.load_article(FIXTURES / "order.doc")
    with pytest.raises(ArticleFormatError, match="Debian package libwpd-tools"):
        ingest.load_article(write(tmp_path, "brief.wpd", b"\xffWPC" + b"\0" * 200))


def test_an_email_gives_subject_date_and_message_never_its_headers(tmp_path: Path) -> None:
    data = eml_bytes(
        "Hearing set in Morgan v. Harlow Mills",
        "Tue, 05 Mar 2024 09:30:00 -0500",
        "A hearing on the motion is set for April 2, 2024.\n\nThe clerk.",
    )
    for name in ("notice.eml", "notice.txt"):  # a raw e-mail saved as text is an e-mail too
        article = ingest.load_article(write(tmp_path, name, data))
        assert article.format == "eml"
        assert article.title == "Hearing set in Morgan v. Harlow Mills"
        assert article.published == "2024-03-05"
        assert article.body.startswith("A hearing on the motion is set for April 2, 2024.")
        assert "Message-ID" not in article.body
        assert "noreply@court.example" not in article.body


def test_an_html_only_email_is_made_text(tmp_path: Path) -> None:
    html = "<p>The order <b>was</b> entered.</p><script>alert(1)</script>"
    data = eml_bytes("Order entered", "Wed, 06 Mar 2024 10:00:00 +0000", None, html=html)
    article = ingest.load_article(write(tmp_path, "order.eml", data))
    assert article.body == "The order was entered."


def test_a_file_of_another_kind_is_refused_naming_the_kinds_read(tmp_path: Path) -> None:
    with pytest.raises(ArticleFormatError, match=r"ending in \.xlsx are not read .*PDF, Word"):
        ingest.load_article(write(tmp_path, "fees.xlsx", b"PK\x03\x04"))


# ../shared/legal-docs-dev/files beside the repository (or beside the folder of its worktrees)
LEGAL_DOCS = next(
    (
        folder / "shared" / "legal-docs-dev" / "files"
        for folder in Path(__file__).resolve().parents[2:5]
        if (folder / "shared" / "legal-docs-dev" / "files").is_dir()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "legal-docs-dev" / "files",
)


@pytest.mark.skipif(not LEGAL_DOCS.is_dir(), reason="the real court documents are not here")
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract reads scanned pages")
def test_a_real_scanned_filing_is_read_by_ocr_below_its_stamp() -> None:
    article = ingest.load_article(LEGAL_DOCS / "cou_opinion_pdf_image_based.pdf")
    assert article.ocr_pages == (1,)
    assert "Foreign Intelligence" in article.body
    assert "Text read by OCR (page 1)" in render.to_html(article, [])
    stamped = ingest.load_article(LEGAL_DOCS / "cou_ocr_pdf_test.pdf")
    assert stamped.ocr_pages == (1,)  # its text layer is only the e-filing stamp
    assert stamped.dockets == ("21-1298",)
    assert stamped.published == "2022-08-31"


@pytest.mark.skipif(not LEGAL_DOCS.is_dir(), reason="the real court documents are not here")
def test_every_real_court_document_is_read() -> None:
    refused = []
    for path in sorted(LEGAL_DOCS.iterdir()):
        try:
            ingest.load_article(path)
        except ArticleFormatError as error:
            refused.append(str(error))
    assert refused == []


def test_a_search_hit_in_a_pdf_says_its_page(tmp_path: Path) -> None:
    from reader.core.library import Library

    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "opinion.pdf", pdf_bytes(OPINION))
    library = Library.open(tmp_path / "library", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    (hit,) = library.search("disagree").hits
    assert hit.page == 2
    assert hit.snippet.startswith("p. 2 — ")
    (first,) = library.search("Lowell").hits
    assert first.page == 1


def test_a_word_file_without_a_heading_style_is_titled_by_its_caption_or_heading(
    tmp_path: Path,
) -> None:
    import docx

    def word(paragraphs: list[str]) -> bytes:
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    court = ["UNITED STATES DISTRICT COURT", "DISTRICT OF NOWHERE"]
    order = word([*court, "ORDER ON MOTION TO DISMISS", "The motion of Harlow Mills is denied."])
    assert ingest.load_article(write(tmp_path, "order.docx", order)).title == (
        "ORDER ON MOTION TO DISMISS"
    )
    brief = word([*court, "DANA MORGAN,", "Plaintiff,", "v.", "HARLOW MILLS, INC.,"])
    article = ingest.load_article(write(tmp_path, "brief.docx", brief))
    assert article.title == "DANA MORGAN v. HARLOW MILLS, INC."
