"""A legal document's own facts (title, date, court, dockets, parties), on texts of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.articles import DatedEvent, Party
from reader.core.index import docket_terms
from reader.core.ingest import caption, legal_dates, legal_facts, reading
from reader.core.library import Library
from reader.core.present import render

OPINION = """\
Cite as: 600 U.S. 1 (2031)
Syllabus
SUPREME COURT OF THE UNITED STATES
No. 29-1234
MARGARET ELLWOOD, PETITIONER v. HARBOR LINE SHIPPING CO., ET AL.
ON WRIT OF CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT
Argued October 3, 2030—Decided March 14, 2031
The question in this case is whether a harbour pilot owes a duty of care.
"""

STATE_OPINION = """\
IN THE COURT OF APPEALS OF THE STATE OF OREGON
DANIEL PIKE,
Plaintiff-Appellant,
v.
WESTFIELD ORCHARDS, LLC,
Defendant-Respondent.
Case No. 01-18-00277-CR
Submitted June 2, 2029.
Filed: March 3, 2030
Affirmed.
"""

NOTICE = """\
Return-Path: <clerk@example.uscourts.gov>
Date: Tue, 4 Jun 2030 10:11:12 -0400
From: clerk@example.uscourts.gov
Subject: Activity in Case 1:29-cv-04567-ABC Rowan v. Kestrel Freight LLC Order on Motion
Content-Type: text/html; charset=UTF-8

<html><body><p><strong>U.S. District Court</strong></p>
<p>Eastern District of Nowhere</p>
<p><strong>Notice of Electronic Filing</strong></p>
<p>The following transaction was entered on 6/4/2030 at 10:10 AM EDT and filed on 6/3/2030</p>
<table><tr><td>Case Name:</td><td>Rowan v. Kestrel Freight LLC</td></tr>
<tr><td>Case Number:</td><td>1:29-cv-04567-ABC</td></tr></table>
</body></html>
"""

DOCKET_PAGE = """\
<html><head><title>CM/ECF LIVE - U.S. Bankruptcy Court</title></head><body>
<div>Query</div><div>Reports</div>
<h3>U.S. Bankruptcy Court<br>Western District of Nowhere (Lakeside)<br>
Bankruptcy Petition #: 29-10345-xyz</h3>
<table><tr><td>Date filed:</td><td>02/11/2029</td></tr></table>
<table><tr><td><b>Debtor</b></td></tr><tr><td>Quillon Bakery Supplies, Inc.</td></tr></table>
</body></html>
"""

NEWS = """\
Pilot's lawyers say appeal will be heard in spring

By A. Writer
March 15, 2031

The Supreme Court of the United States ruled on Thursday that pilots owe a duty of care.
"""


def _read(tmp_path: Path, name: str, text: str) -> reading.Article:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return reading.load_article(path)


def test_opinion_gets_its_caption_decision_date_court_and_docket(tmp_path: Path) -> None:
    article = _read(tmp_path, "opinion.txt", OPINION)
    assert article.title == "MARGARET ELLWOOD v. HARBOR LINE SHIPPING CO., ET AL."
    assert article.published == "2031-03-14"
    assert article.court == "Supreme Court of the United States"
    assert article.dockets == ("29-1234",)
    assert article.parties == (
        Party("MARGARET ELLWOOD", "first", "petitioner"),
        Party("HARBOR LINE SHIPPING CO., ET AL.", "second"),
    )
    assert DatedEvent("argued", "2030-10-03") in article.events


def test_caption_over_three_lines_and_filed_date(tmp_path: Path) -> None:
    article = _read(tmp_path, "state.txt", STATE_OPINION)
    assert article.title == "DANIEL PIKE v. WESTFIELD ORCHARDS, LLC"
    assert article.published == "2030-03-03"
    assert article.court == "Court of Appeals of the State of Oregon"
    assert article.dockets == ("01-18-00277-CR",)
    assert [e.kind for e in article.events] == ["submitted", "filed"]


def test_court_email_is_titled_by_its_subject_and_dated_by_its_date_header(
    tmp_path: Path,
) -> None:
    article = _read(tmp_path, "notice.txt", NOTICE)
    assert article.title == "Rowan v. Kestrel Freight LLC Order on Motion"
    assert article.published == "2030-06-04"
    assert article.court == "U.S. District Court, Eastern District of Nowhere"
    assert article.dockets == ("1:29-cv-04567-ABC",)
    assert [p.name for p in article.parties] == ["Rowan", "Kestrel Freight LLC"]
    assert DatedEvent("filed", "2030-06-03") in article.events


def test_bankruptcy_docket_page_is_titled_by_its_debtor(tmp_path: Path) -> None:
    article = _read(tmp_path, "docket.html", DOCKET_PAGE)
    assert article.title == "In re Quillon Bakery Supplies, Inc."
    assert article.published == "2029-02-11"
    assert article.court == "U.S. Bankruptcy Court, Western District of Nowhere (Lakeside)"
    assert article.dockets == ("29-10345-xyz",)


def test_news_article_naming_a_court_is_left_as_it_was(tmp_path: Path) -> None:
    article = _read(tmp_path, "news.txt", NEWS)
    assert article.title == "Pilot's lawyers say appeal will be heard in spring"
    assert article.published == "2031-03-15"
    assert (article.court, article.dockets, article.parties, article.events) == (None, (), (), ())
    assert legal_facts.read("txt", NEWS) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fisher v. University of Texas at Austin", ("Fisher", "University of Texas at Austin")),
        ("Jane Roe, Petitioner v. John Doe, Respondent", ("Jane Roe", "John Doe")),
        ("In re Lakeside Mills LLC", ("Lakeside Mills LLC",)),
        ("Smith vs. Jones et al.", ("Smith", "Jones et al.")),
    ],
)
def test_caption_sides(text: str, expected: tuple[str, ...]) -> None:
    found = caption.parse_caption(text)
    assert found is not None
    assert tuple(p.name for p in found[1]) == expected


@pytest.mark.parametrize("text", ["The court said v. little", "Notice of hearing", "v. Jones"])
def test_not_a_caption(text: str) -> None:
    assert caption.parse_caption(text) is None


@pytest.mark.parametrize(
    ("line", "following", "expected"),
    [
        ("Decided November 7, 1997", "", ("decided", "1997-11-07")),
        ("Filed: March 3, 2015", "", ("filed", "2015-03-03")),
        ("Date filed:", "01/19/2018", ("filed", "2018-01-19")),
        ("Entered on docket June 5, 2020", "", ("entered", "2020-06-05")),
        ("Date of decision: 2 May 2019", "", ("decided", "2019-05-02")),
        ("Dated: April 1, 2022", "", ("dated", "2022-04-01")),
        ("Argued and Submitted February 9, 2021", "", ("argued", "2021-02-09")),
    ],
)
def test_labelled_dates(line: str, following: str, expected: tuple[str, str]) -> None:
    assert legal_dates.find_events([line, following]) == [DatedEvent(*expected)]


def test_a_filed_sentence_in_prose_is_not_a_label() -> None:
    assert legal_dates.find_events(["Filed suits were dismissed on appeal in 2019."]) == []


def test_docket_index_terms_keep_the_number_whole_and_without_initials() -> None:
    assert docket_terms.index_terms(["1:29-cv-04567-ABC", "21-1397"]) == (
        "1:29-cv-04567-abc,1:29-cv-04567,21-1397"
    )
    assert docket_terms.split_dockets("Rowan 21-1397 docket:1:29-cv-04567") == (
        "Rowan",
        ["21-1397", "1:29-cv-04567"],
    )


def test_header_shows_court_docket_and_parties(tmp_path: Path) -> None:
    article = _read(tmp_path, "opinion.txt", OPINION)
    header = render.to_html(article, [])
    assert "Supreme Court of the United States" in header
    assert "No. 29-1234" in header
    assert "Parties: MARGARET ELLWOOD v. HARBOR LINE SHIPPING CO., ET AL." in header


def test_docket_number_typed_alone_and_court_field_find_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "opinion.txt").write_text(OPINION, "utf-8")
    (folder / "state.txt").write_text(STATE_OPINION, "utf-8")
    (folder / "notice.txt").write_text(NOTICE, "utf-8")
    # Both numbers of "29-1234" in a text that is not that case: the split words would match.
    (folder / "other.txt").write_text("Other matter\n\nIn 29 days, 1234 people wrote.", "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))

    def names(query: str) -> list[str]:
        return sorted(hit.path.name for hit in library.search(query).hits)

    assert names("29-1234") == ["opinion.txt"]
    assert names("01-18-00277-CR") == ["state.txt"]
    assert names("1:29-cv-04567") == ["notice.txt"]
    assert names("docket:1:29-cv-04567-abc") == ["notice.txt"]
    assert names("court:oregon") == ["state.txt"]
    assert names('court:"district court"') == ["notice.txt"]
    assert names("Kestrel") == ["notice.txt"]
    stored = library.article(library.search("29-1234").hits[0].article_id)
    assert stored.court == "Supreme Court of the United States"
    assert stored.parties[1] == Party("HARBOR LINE SHIPPING CO., ET AL.", "second")


def test_an_email_whose_subject_names_no_case_is_titled_by_the_case_it_names(
    tmp_path: Path,
) -> None:
    from tests.documents import eml_bytes

    text = (
        'A new docket entry, "Petition DENIED." has been added for Dana Morgan, Petitioner v. '
        "Harlow Mills Company of Lowell. You have been signed up to receive email "
        "notifications for No. 30-412."
    )
    path = tmp_path / "notice.eml"
    path.write_bytes(
        eml_bytes("Court Electronic Filing System", "Mon, 10 Nov 2031 16:16:39 +0000", text)
    )
    article = reading.load_article(path)
    assert article.title == "Dana Morgan v. Harlow Mills Company of Lowell"
    assert article.published == "2031-11-10"


def test_an_email_about_many_cases_keeps_its_subject(tmp_path: Path) -> None:
    from tests.documents import eml_bytes

    text = "Case Name:\nRowan v. Kestrel Freight LLC\nCase Name:\nIn re Dana Morgan\n"
    path = tmp_path / "multi.eml"
    path.write_bytes(
        eml_bytes('Multiple Cases "Close case"', "Fri, 20 Sep 2030 11:53:36 -0500", text)
    )
    assert reading.load_article(path).title == 'Multiple Cases "Close case"'


ASP_DOCKET = """\
<html><head><title>Search - Supreme Court of Nowhere</title></head><body>
<div class="menu"><ul>
<li><a href="/opinions">Opinions of the Court</a></li><li><a href="/audio">Argument Audio</a></li>
<li><a href="/calendar">Calendars and Lists</a></li><li><a href="/visit">Visitor Guidelines</a></li>
</ul></div>
<div id="MainContent"><form method="post" action="./docket.aspx" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" value="x">
<table><tr><td>No. 30-412</td></tr><tr><td>Title:</td></tr>
<tr><td>Dana Morgan, Petitioner</td></tr><tr><td>v.</td></tr><tr><td>Harlow Mills</td></tr>
<tr><td>Docketed:</td></tr><tr><td>July 26, 2030</td></tr>
<tr><td>Jul 26 2030</td><td>Petition for a writ of certiorari filed.</td></tr>
<tr><td>Sep 30 2030</td><td>Petition DENIED.</td></tr></table>
<div id="alerttemplate" style="display:none;"><div>{1}</div><a href="#">##LOC[OK]##</a></div>
<span style="visibility:hidden;">Search term too short</span>
</form></div>
<form action="/search"><input name="q"><button>Search</button> Search tips</form>
</body></html>
"""

CMECF_DOCKET = """\
<html><head><title>CM/ECF LIVE - U.S. Bankruptcy Court</title></head><body>
<div id="cmecfMainContent"><ul><li><a href="/cgi-bin/iquery.pl">Query</a></li>
<li><a href="/cgi-bin/DisplayMenu.pl?Reports">Reports</a></li>
<li><a href="/cgi-bin/DisplayMenu.pl?Utilities">Utilities</a></li>
<li><a href="/cgi-bin/login.pl?logout">Logout</a></li></ul>
<h3>U.S. Bankruptcy Court<br>Western District of Nowhere (Lakeside)<br>
Bankruptcy Petition #: 29-10345-xyz</h3>
<table><tr><td>Date filed:</td><td>02/11/2029</td></tr></table>
<table><tr><td><b>Debtor</b></td></tr><tr><td>Quillon Bakery Supplies, Inc.</td></tr></table>
<table><tr><td>02/11/2029</td><td><a href="/doc1/1">1</a></td>
<td>Chapter 11 Voluntary Petition filed by Quillon Bakery Supplies, Inc.</td></tr></table>
</div></body></html>
"""


def test_a_docket_page_held_in_one_form_keeps_its_docket_and_not_its_menus(
    tmp_path: Path,
) -> None:
    article = _read(tmp_path, "30-412.htm", ASP_DOCKET)
    assert article.title == "Dana Morgan v. Harlow Mills"
    assert article.published == "2030-07-26"
    assert "Petition DENIED." in article.body  # the docket's entries are its text
    assert "Argument Audio" not in article.body  # the site's menu is not
    assert "Search tips" not in article.body  # nor its search box
    assert "##LOC" not in article.body  # nor what the page does not show
    assert "too short" not in article.body


def test_a_cm_ecf_docket_body_opens_with_the_court_not_the_cm_ecf_menu(tmp_path: Path) -> None:
    article = _read(tmp_path, "docket.html", CMECF_DOCKET)
    assert article.title == "In re Quillon Bakery Supplies, Inc."
    assert article.body.startswith("## U.S. Bankruptcy Court")
    assert "Logout" not in article.body
    assert "Chapter 11 Voluntary Petition" in article.body


def test_a_table_of_linked_case_names_is_the_page_s_text_not_a_menu(tmp_path: Path) -> None:
    rows = "".join(
        f'<tr><td><a href="/o/{n}">{name}</a></td><td><a href="/o/{n}.pdf">2031-MP-0{n}</a></td>'
        "</tr>"
        for n, name in enumerate(["Commonwealth v. Rios", "Camacho v. Albia", "In re Takasi"], 1)
    )
    page = f"<html><body><h1>Supreme Court 2031</h1><p>Opinions of the year.</p><table>{rows}"
    page += "</table></body></html>"
    body = _read(tmp_path, "opinions-2031.html", page).body
    assert "Camacho v. Albia" in body
    assert "In re Takasi" in body


SITE_MARKED_DOCKET = """<html><head><title>Search - Court</title></head><body><form>
<div class="noindex"><a href="/tips">SEARCH TIPS</a> <a href="/adv">ADVANCED SEARCH</a></div>
<div id="sitemappath"><span><a href="/">Home</a> &gt; Search Results</span></div>
<table><tr><td>No. 31-2208</td></tr><tr><td>Title:</td><td>Orla Fenwick, Petitioner v.
Bram Tesdale</td></tr>
<tr><td>~~Date~~~~~~&nbsp;</td><td>~~~~~~~Proceedings and Orders~~~~~~~~~</td></tr>
<tr><td>Jan 10 2031</td><td>Petition for a writ of certiorari filed.</td></tr>
<tr><td>********************************************************</td></tr>
<tr><td>~~Name~~~~~~~~</td></tr><tr><td>Hollis Grange</td></tr></table>
<nav role="navigation"><p>Opinions</p></nav>
<div role="contentinfo"><p>Contact Us | Site Map | Help</p></div>
<div class="footer2 noindex"><a href="/op">Opinions</a>
<a href="/rules">Filing &amp; Rules</a></div>
</form></body></html>
"""


def test_what_a_page_marks_as_not_its_content_and_drawn_lines_are_left_out(
    tmp_path: Path,
) -> None:
    body = _read(tmp_path, "31-2208.htm", SITE_MARKED_DOCKET).body
    for furniture in ("SEARCH TIPS", "Search Results", "Filing & Rules", "Contact Us", "~~", "**"):
        assert furniture not in body, furniture
    for kept in ("No. 31-2208", "Proceedings and Orders", "Petition for a writ", "Hollis Grange"):
        assert kept in body, kept
    assert "\n\nDate\n\n" in body  # the tilded column heading keeps its word
