"""The title and date a PDF shows after import: what its first page says it is, never the
court's name, the district, the stamp, a page number or the first words of a paragraph."""

from __future__ import annotations

from pathlib import Path

from reader.core import ingest
from reader.core.ingest import pdf_heading
from tests.documents import pdf_bytes

STAMP = "Case 2:31-cv-00417-ABC Document 58 Filed 06/12/31 Page 3 of 20"


def imported(tmp_path: Path, name: str, pages: list[list[str]]) -> ingest.Article:
    path = tmp_path / name
    path.write_bytes(pdf_bytes(pages))
    return ingest.load_article(path)


def test_a_caption_boxed_on_numbered_pleading_paper_is_the_title(tmp_path: Path) -> None:
    # The margin's line numbers come as lines of their own, the caption box's colons beside
    # the names (a transcript set in one font keeps them on the same line, spaced out).
    page = [
        "Page 1",
        "1",
        "IN THE UNITED STATES DISTRICT COURT",
        "FOR THE DISTRICT OF NOWHERE",
        "2",
        "3",
        "MARGARET OKAFOR, :",
        ":",
        "Plaintiff, :",
        "v. : Civil Action No:",
        ": 2:31-cv-00417-ABC",
        "HALVERSON FREIGHT :",
        "SYSTEMS, LLC, :",
        "BRIGHTWATER :",
        "LOGISTICS, INC., :",
        "Defendants. :",
        "DEPOSITION OF MARGARET OKAFOR, taken at the offices of counsel on a Monday.",
        STAMP,
    ]
    article = imported(tmp_path, "deposition.pdf", [page])
    assert article.title == "MARGARET OKAFOR v. HALVERSON FREIGHT SYSTEMS, LLC, et al."
    assert article.published == "2031-06-12"  # the stamp's filing date
    assert [p.name for p in article.parties[:2]] == [
        "MARGARET OKAFOR",
        "HALVERSON FREIGHT SYSTEMS, LLC, et al.",
    ]


def test_a_transcript_s_line_numbers_and_colon_column_are_not_part_of_its_lines() -> None:
    spaced = ["3   MARGARET OKAFOR,        :", "5   v.                      : Civil Action No:"]
    spaced += ["                            : 2:31-cv-00417-ABC", "12   3. I arrived on the ninth."]
    assert pdf_heading.clean(spaced) == ["MARGARET OKAFOR,", "v.", "3. I arrived on the ninth."]


def test_the_court_and_district_lines_are_not_the_title_the_heading_under_them_is(
    tmp_path: Path,
) -> None:
    page = [
        "UNITED STATES DISTRICT COURT",
        "CENTRAL DISTRICT OF NOWHERE",
        "CIVIL MINUTES - GENERAL",
        "III. DISCUSSION",
        "The plaintiff moves to strike the late disclosure of two witnesses, and the",
        "defendant opposes the motion for the reasons given in its brief of last month.",
        STAMP,
    ]
    article = imported(tmp_path, "minutes.pdf", [page])
    assert article.title == "CIVIL MINUTES - GENERAL"


def test_a_pleading_footer_title_loses_its_page_number_and_keeps_its_second_line(
    tmp_path: Path,
) -> None:
    numbers = [str(n) for n in range(1, 29)]
    first = [*numbers, "4", "DEFENDANT'S MOTION TO COMPEL", "ARBITRATION OF ALL CLAIMS 4"]
    first += ["Case No. 2:31-cv-00417-ABC", "The agreement the plaintiff signed says so."]
    article = imported(tmp_path, "motion.pdf", [[*first, STAMP]])
    # (the PDF's font gives the apostrophe as a closing quote)
    assert article.title == "DEFENDANT\u2019S MOTION TO COMPEL ARBITRATION OF ALL CLAIMS"


def test_an_official_form_is_titled_by_its_name_not_its_instructions(tmp_path: Path) -> None:
    page = [
        "Fill in this information to identify your case:",
        "Debtor 1 Rosa Delgado",
        "United States Bankruptcy Court for the: District of Nowhere",
        "Official Form 106I MM / DD/ YYYY",
        "Be as complete and accurate as possible. If two married people are filing together,",
        "Official Form 106I Schedule I: Your Income page 1",
        "Case 31-10442 Doc 1 Filed 02/03/31 Entered 02/03/31 10:11:12 Desc Main",
    ]
    article = imported(tmp_path, "schedule.pdf", [page])
    assert article.title == "Schedule I: Your Income"
    assert article.published == "2031-02-03"


def test_a_printed_web_page_is_titled_and_dated_by_its_print_header(tmp_path: Path) -> None:
    page = [
        "3/4/2031 Berth Rules | Port of Nowhere",
        "https://port.example/berth-rules 1/3",
        "Berth Rules",
        "A vessel must report its arrival to the harbour master one day ahead of time.",
    ]
    article = imported(tmp_path, "exhibit-7.pdf", [page])
    assert article.title == "Berth Rules | Port of Nowhere"
    assert article.published == "2031-03-04"


def test_a_printed_e_mail_is_titled_by_its_subject_as_an_e_mail_is(tmp_path: Path) -> None:
    page = [
        "From: Ilse Varga",
        "To: Tomas Reyes",
        "Subject: RE: Night shift staffing at the Eastgate facility",
        "Sent: Wednesday, March 22, 2031 3:01 PM",
        "Tomas, we have only two officers on the night shift and we need at least four.",
        STAMP,
    ]
    assert imported(tmp_path, "exhibit-9.pdf", [page]).title == (
        "Night shift staffing at the Eastgate facility"  # without "RE:", like an e-mail's
    )


def test_an_ocr_read_case_title_label_gives_the_caption(tmp_path: Path) -> None:
    page = [
        "UNITED STATES DISTRICT COURT",
        "CENTRAL DISTRICT OF NOWHERE",
        "CASE NO.: 2:31-CV-00417-ABC",
        "CASE TITLE: ROWE; ET AL. v. KESTREL: ET AL.",
        "JURY NOTE NO. 3",
        "The jury has reached a unanimous verdict on every count put to it.",
    ]
    assert imported(tmp_path, "jury-note.pdf", [page]).title == "ROWE, ET AL. v. KESTREL, ET AL."


def test_a_page_cut_from_the_middle_of_a_filing_has_no_title_of_its_own(
    tmp_path: Path,
) -> None:
    page = [
        "8",
        "although the receiver says the fees were reasonable, the estate cannot pay them,",
        "and the unsecured creditors will receive nothing if the court approves them now.",
        "B. The Receiver's Lien Is Improper",
        STAMP,
    ]
    article = imported(tmp_path, "fee-objection-p8.pdf", [page])
    assert article.title == "fee-objection-p8"  # the file's name, not a sentence
    assert article.published == "2031-06-12"


def test_a_page_of_one_stray_word_is_not_titled_by_it(tmp_path: Path) -> None:
    article = imported(tmp_path, "scan-fragment.pdf", [[STAMP, "UNITED"]])
    assert article.title == "scan-fragment"


def test_a_short_first_line_in_sentence_case_over_the_text_is_its_headline(
    tmp_path: Path,
) -> None:
    page = [
        "Court rules for the acequia in the water case",
        "The state supreme court ruled on Monday that the acequia keeps the water rights it",
        "has held since the land grant, ending a dispute that began when the county sold them.",
    ]
    assert imported(tmp_path, "news.pdf", [page]).title == (
        "Court rules for the acequia in the water case"
    )


def test_a_case_number_or_a_dated_line_over_the_text_is_no_title(tmp_path: Path) -> None:
    for first in ("No. 31-0417", "Filed: March 3, 2031"):
        page = [
            first,
            "The question in this appeal is whether the harbour pilot owed the owner of the",
            "vessel a duty of care when she brought it to its berth in a storm.",
        ]
        assert imported(tmp_path, "opinion.pdf", [page]).title == "opinion"


def test_a_transcript_s_caption_and_court_are_read_from_its_spaced_out_lines() -> None:
    from reader.core.ingest import legal_facts

    text = "\n".join(
        [
            "                     **CONFIDENTIAL**",
            " 1       IN THE UNITED STATES DISTRICT COURT",
            "             FOR THE DISTRICT OF NOWHERE",
            " 3   MARGARET OKAFOR,        :",
            " 4          Plaintiff,       :",
            " 5   v.                      : Civil Action No:",
            "                             : 2:31-cv-00417-ABC",
            " 6   HALVERSON FREIGHT       :",
            "     SYSTEMS, LLC,           :",
            " 7          Defendant.       :",
            STAMP,
        ]
    )
    facts = legal_facts.read("pdf", text)
    assert facts is not None
    assert facts.title == "MARGARET OKAFOR v. HALVERSON FREIGHT SYSTEMS, LLC"
    assert facts.court == "United States District Court for the District of Nowhere"
    assert [(p.name, p.role) for p in facts.parties[:2]] == [
        ("MARGARET OKAFOR", "plaintiff"),
        ("HALVERSON FREIGHT SYSTEMS, LLC", "defendant"),
    ]


def test_a_transcript_body_reads_without_its_margin_numbers_and_colons() -> None:
    from reader.core.ingest import page_text

    lines = [
        " 1       IN THE UNITED STATES DISTRICT COURT",
        " 3   MARGARET OKAFOR,        :",
        " 4          Plaintiff,       :",
        " 5   v.                      : Civil Action No:",
        " 6   HALVERSON FREIGHT       :",
        " 7   SYSTEMS, LLC,           :",
        " 8          Defendant.       :",
        " 9        Q.   Where were you on the night of the fire at the warehouse?",
        "10        A.   At home.",
    ]
    body = "\n".join(page_text.paragraphs(lines, set()))
    assert "MARGARET OKAFOR," in body
    assert "Q. Where were you on the night of the fire" in " ".join(body.split())
    assert ":" not in body.replace("Q.", "")  # no colon column is left
    assert not any(line[:1].isdigit() for line in body.splitlines())
    # A list that merely starts with numbers keeps them.
    listed = ["1   Transcript order form", "2   Acknowledgment", "Filed with the clerk."]
    assert page_text.paragraphs(listed, set())[0].startswith("1")


def test_a_report_is_dated_by_its_electronic_signature_not_a_date_it_mentions(
    tmp_path: Path,
) -> None:
    page = [
        "Financial Disclosure Report",
        "Filer's Information: Ann Lee, Report Year: 2030",
        "The land was bought on January 1, 2029 and the loan was signed on March 3, 2029.",
        "/s/ Ann Lee [electronically signed on 05/15/2031 by Ann Lee in JEFS]",
    ]
    article = imported(tmp_path, "disclosure.pdf", [page])
    assert article.title == "Financial Disclosure Report"
    assert article.published == "2031-05-15"
    prose = imported(tmp_path, "letter.pdf", [page[:3]])
    assert prose.published is None  # a date in a sentence is no document's date


def test_the_lines_in_large_type_at_the_top_are_the_title(tmp_path: Path) -> None:
    page = [
        "Annual Report 2031",
        "Judiciary Branch Personnel",
        "Financial Disclosure Report",
        "Filer's Information: Ann Lee",
        "I certify that all information provided is accurate, true and complete to the best",
        "of my knowledge and belief, and that the gifts reported comply with the rules.",
    ]
    path = tmp_path / "disclosure.pdf"
    path.write_bytes(pdf_bytes([page], sizes={1: 18, 2: 18, 3: 14}))
    assert ingest.load_article(path).title == (
        "Judiciary Branch Personnel Financial Disclosure Report"
    )
