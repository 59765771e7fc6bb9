"""Parties with their roles, counsel, judges and opinion authors; on texts of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.articles import Party
from reader.core.entities import extraction, party_roles
from reader.core.ingest import caption, opinion_roles, reading
from reader.core.library import Library
from reader.core.mentions import DATE, ORG, PERSON, PLACE, Mention
from tests.cli.test_cli import legal_reader

# A CM/ECF-like docket page: the party table's rows as the court's system writes them, the
# role in bold italics, the party in bold, then "represented by" and the counsel, each in
# bold with the firm on the next line. The names and firms are made up.
DOCKET = """\
<html><head><title>CM/ECF LIVE - U.S. Bankruptcy Court</title></head><body>
<div>Query</div><div>Reports</div><div>Utilities</div><div>Logout</div>
<center><b>U.S. Bankruptcy Court<br>District of Nowhere (Lakeside)<br>
Bankruptcy Petition #: 29-10345</b></center>
<table><tr><td><i>Assigned to:</i> Judge Rosalind Q. Abernathy<br>Chapter 11<br>Voluntary</td>
<td>Date filed: 02/11/2029</td></tr></table>
<table width="100%" border=0><tr><tr><td valign=top width="50%"><i><b>Debtor</b></i>
<br><b>Quillon Bakery Supplies, Inc.</b><br>12 Mill Road<br>Lakeside, NW 12345
<br>Tax ID / EIN: 00-0000000<br><i><b>dba</b></i><br><b>Quillon Breads</b><br><br></td>
<td valign=top align=right>represented by</td>
<td valign=top width="40%"><b>Tamsin R. Okafor</b><br>Okafor &amp; Vance LLP<br>1 Harbor Plaza
<br>Lakeside, NW 12345<br>(555) 010-2000<br>Email: tokafor@example.com<br><br>
<b>Pieter Lindqvist</b><br>(See above for address)<br><br></td></tr>
<tr><td valign=top width="50%"><i><b>U.S. Trustee</b></i><br><b>Office of the Trustee Nowhere</b>
<br>3 Court Street<br>Lakeside, NW 12345</td>
<td valign=top align=right>represented by</td>
<td valign=top><b>Marisol Ebbing</b><br>Department of Justice Trustee Program<br>3 Court Street
<br>Email: mebbing@example.gov</td></tr></table>
<p>Quillon Bakery Supplies, Inc. filed for relief. Tamsin R. Okafor of Okafor &amp; Vance LLP
appeared. Marisol Ebbing objected.</p>
</body></html>
"""

# A caption with the sides' roles, and an adversary docket's role rows above the parties.
CAPTION = """\
IN THE COURT OF APPEALS OF THE STATE OF NOWHERE
JANE DOE,
Plaintiff-Appellant,
v.
ACME FREIGHT CORP.,
Defendant-Appellee.
Case No. 01-29-00123-CV
Filed: March 3, 2030
Jane Doe sued Acme Freight Corp. over a late delivery.
"""

OPINION = """\
SUPREME COURT OF THE UNITED STATES
No. 29-1234
MARGARET ELLWOOD, PETITIONER v. HARBOR LINE SHIPPING CO., ET AL.
Decided March 14, 2031
JUSTICE OKONKWO delivered the opinion of the Court.
The question is whether a harbour pilot owes a duty of care. Okonkwo wrote for five.
FARRINGDON, J., filed a dissenting opinion, in which LUCE, J., joined.
JUSTICE PEMBERTON, concurring in the judgment.
"""


def _article(tmp_path: Path, name: str, text: str) -> reading.Article:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return reading.load_article(path)


def _parts(parties: tuple[Party, ...]) -> dict[str, str]:
    return {p.name: p.describe() for p in parties}


def test_docket_party_table_gives_each_party_its_role_and_counsel_their_firm(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, "docket.html", DOCKET)
    parts = _parts(article.parties)
    assert parts["Quillon Bakery Supplies, Inc."] == "debtor"
    assert (
        parts["Tamsin R. Okafor"]
        == "attorney for Quillon Bakery Supplies, Inc. (Okafor & Vance LLP)"
    )
    # "(See above for address)" is no firm; "dba Quillon Breads" is another name, no party
    assert parts["Pieter Lindqvist"] == "attorney for Quillon Bakery Supplies, Inc."
    assert "Quillon Breads" not in parts
    assert parts["Office of the Trustee Nowhere"] == "u.s. trustee"
    assert parts["Marisol Ebbing"] == (
        "attorney for Office of the Trustee Nowhere (Department of Justice Trustee Program)"
    )
    assert parts["Rosalind Q. Abernathy"] == "judge"
    debtor = next(p for p in article.parties if p.role == "debtor")
    assert debtor.side == "first"  # a debtor stands where a plaintiff does
    # No address, phone or e-mail line became a party or a firm
    assert not any("Lakeside" in p.name or "@" in (p.firm or "") for p in article.parties)


def test_caption_gives_two_parties_with_the_roles_it_states(tmp_path: Path) -> None:
    article = _article(tmp_path, "appeal.txt", CAPTION)
    assert article.parties[:2] == (
        Party("JANE DOE", "first", "plaintiff-appellant"),
        Party("ACME FREIGHT CORP.", "second", "defendant-appellee"),
    )
    # A caption that states no roles gives the sides only
    plain = caption.parse_caption("Rowan v. Kestrel Freight LLC")
    assert plain is not None
    assert [p.describe() for p in plain[1]] == ["party (first named)", "party (second named)"]


def test_opinion_author_dissent_and_concurrence(tmp_path: Path) -> None:
    article = _article(tmp_path, "opinion.txt", OPINION)
    parts = _parts(article.parties)
    assert parts["Okonkwo"] == "opinion author"
    assert parts["Farringdon"] == "dissenting"
    assert parts["Pemberton"] == "concurring"
    assert "Luce" not in parts  # joining a dissent is not writing it
    assert parts["MARGARET ELLWOOD"] == "petitioner"
    # The state courts' form
    assert opinion_roles.read(["Chief Justice Marlow delivered the opinion of the Court."]) == (
        Party("Marlow", "", "opinion author"),
    )
    assert opinion_roles.read(["The Court delivered its judgment; the opinion follows."]) == ()


def test_structure_fixes_the_labels_of_counsel_and_firms(tmp_path: Path) -> None:
    article = _article(tmp_path, "docket.html", DOCKET)
    found = [m for m in reading_mentions(article) if m.label in (PERSON, ORG, PLACE, DATE)]
    labels = {m.text: m.label for m in found}
    assert labels["Tamsin R. Okafor"] == PERSON
    assert labels["Marisol Ebbing"] == PERSON
    assert labels["Okafor & Vance LLP"] == ORG
    # One firm is one name: none of its pieces is a person or a place of its own
    assert not {"Okafor", "Vance"} & set(labels)
    assert party_roles.roles_of("Marisol Ebbing", article.parties) == [
        "attorney for Office of the Trustee Nowhere (Department of Justice Trustee Program)"
    ]


def reading_mentions(article: reading.Article) -> list[Mention]:
    raw = extraction.extract_article(article.body, extraction.anchor(article))
    return party_roles.apply(article, raw)


def test_cli_entities_shows_the_roles(tmp_path: Path) -> None:
    path = tmp_path / "docket.html"
    path.write_text(DOCKET, "utf-8")
    text = legal_reader(tmp_path / "home", "entities", str(path))
    assert text.returncode == 0, text.stderr
    assert "Parties and counsel:" in text.stdout
    assert "  Quillon Bakery Supplies, Inc. — debtor" in text.stdout
    assert "  Rosalind Q. Abernathy — judge" in text.stdout
    assert "Marisol Ebbing — attorney for Office of the Trustee Nowhere" in text.stdout
    listed = json.loads(legal_reader(tmp_path / "home", "entities", str(path), "--json").stdout)
    roles = {m["text"]: m.get("roles") for m in listed if m["label"] in (PERSON, ORG)}
    assert roles["Tamsin R. Okafor"] == [
        "attorney for Quillon Bakery Supplies, Inc. (Okafor & Vance LLP)"
    ]
    assert roles["Quillon Bakery Supplies, Inc."] == ["debtor"]


def test_roles_are_stored_with_the_article_and_counted_for_narrow_by(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "docket.html").write_text(DOCKET, "utf-8")
    (folder / "appeal.txt").write_text(CAPTION, "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    result = library.search("Quillon", facets=True)
    stored = library.article(result.hits[0].article_id)
    assert Party("Rosalind Q. Abernathy", "", "judge") in stored.parties
    assert result.roles["quillon bakery supplies inc."] == ("debtor",)
    assert result.roles["marisol ebbing"] == ("attorney",)
    people = dict(result.facets["person"])
    assert "Marisol Ebbing" in people
    appeal = library.search("Acme", facets=True)
    assert appeal.roles["jane doe"] == ("plaintiff-appellant",)


@pytest.mark.parametrize(
    "row",
    [
        ["A", "first"],
        ["A", "", "judge"],
        ["A", "", "attorney", "B", "F"],
        ["A", "first", "debtor", None, None, "PERSON"],
    ],
)
def test_parties_stored_before_roles_still_read(row: list[str]) -> None:
    from reader.core.index import document

    party = document.party_from_row(row)
    assert document.party_row(party) == row


def _legal_docs() -> Path | None:
    """../shared/legal-docs-dev/files beside the repository (or beside its worktrees)."""
    for folder in Path(__file__).resolve().parents:
        found = folder / "shared" / "legal-docs-dev" / "files"
        if found.is_dir():
            return found
    return None


LEGAL_DOCS = _legal_docs()


@pytest.mark.skipif(LEGAL_DOCS is None, reason="the real court documents are not here")
def test_real_bankruptcy_docket_gives_parties_counsel_firms_and_judge() -> None:
    assert LEGAL_DOCS is not None
    article = reading.load_article(LEGAL_DOCS / "jur_canb.html")
    parts = _parts(article.parties)
    assert parts["Plant Insulation Company"] == "debtor"
    assert parts["Thomas E. Carlson"] == "judge"
    assert parts["Michaeline H. Correa"] == "attorney for Plant Insulation Company (Jones Day)"
    assert parts["Official Committee Of Unsecured Creditors"] == "creditor committee"
    assert parts["Peter Van N. Lockwood"].endswith("(Caplin, Drysdale and Chartered)")
    adversary = reading.load_article(LEGAL_DOCS / "jur_ohnb.html")  # roles in rows of their own
    assert _parts(adversary.parties) == {
        "Frank Paul Toplovich": "plaintiff",
        "Huntington National Bank": "defendant",
        "Robert M Whittington, Jr": "attorney for Frank Paul Toplovich",
        "MARILYN SHEA-STONUM": "judge",
    }


@pytest.mark.skipif(LEGAL_DOCS is None, reason="the real court documents are not here")
def test_real_supreme_court_orders_give_opinion_authors_and_concurrences() -> None:
    assert LEGAL_DOCS is not None
    article = reading.load_article(LEGAL_DOCS / "jur_tex_example_2.html")
    parts = _parts(article.parties)
    assert parts["Busby"] == parts["Blacklock"] == parts["Devine"] == "opinion author"
    assert parts["Sullivan"] == parts["Hawkins"] == "concurring"


SUPREME_COURT_DOCKET = """\
<html><body><table>
<tr><td>No. 29A101</td></tr>
<tr><td>Title:</td><td>Nadia Ferrante, Applicant v. Harbor Line Shipping Co.</td></tr>
<tr><td>Docketed:</td><td>March 2, 2030</td></tr>
</table><table>
<tr><td>Attorneys for Applicant:</td></tr>
<tr><td>Oskar Pellinen<br>Pellinen &amp; Roe LLP<br>(202) 555-0101<br>1 K Street, NW<br>
Washington, DC 20006<br>Party name: Nadia Ferrante</td></tr>
<tr><td>Attorneys for Respondent:</td></tr>
<tr><td>Ines Valcourt<br>Counsel of Record<br>(202) 555-0199<br>
Party name: Harbor Line Shipping Co.</td></tr></table></body></html>
"""


def test_supreme_court_docket_gives_counsel_for_each_side(tmp_path: Path) -> None:
    article = _article(tmp_path, "29a101.html", SUPREME_COURT_DOCKET)
    parts = _parts(article.parties)
    assert parts["Nadia Ferrante"] == "applicant"
    assert parts["Oskar Pellinen"] == "attorney for Nadia Ferrante (Pellinen & Roe LLP)"
    # "Counsel of Record" is a title, not an office
    assert parts["Ines Valcourt"] == "attorney for Harbor Line Shipping Co."
    assert parts["Harbor Line Shipping Co."] == "respondent"


def test_cli_show_names_each_part(tmp_path: Path) -> None:
    path = tmp_path / "docket.html"
    path.write_text(DOCKET, "utf-8")
    shown = legal_reader(tmp_path / "home", "show", str(path), "--no-entities")
    assert "Party:     Rosalind Q. Abernathy (judge)" in shown.stdout
    listed = json.loads(
        legal_reader(tmp_path / "home", "show", str(path), "--json", "--no-entities").stdout
    )
    assert {
        "name": "Tamsin R. Okafor",
        "side": "",
        "role": "attorney",
        "represents": "Quillon Bakery Supplies, Inc.",
        "firm": "Okafor & Vance LLP",
    } in listed["parties"]


JOINT_DEBTORS = """\
<html><body><h3>U.S. Bankruptcy Court<br>District of Nowhere<br>
Bankruptcy Petition #: 29-10777</h3>
<table><tr><td><i><b>Debtor</b></i><br><b>ODALYS MARGARET FENWICK</b>
<br>4 Quarry Lane<br>SSN / ITIN: xxx-xx-0000</td><td>represented by</td>
<td><b>Bertil Anand</b><br>(See above for address)</td></tr>
<tr><td><i><b>Creditor</b></i><br><b>Fenwick Stoneworks</b><br>Tax ID / EIN: 00-0000000</td>
<td>represented by</td><td><b>Bertil Anand</b></td></tr></table>
<p>ODALYS MARGARET FENWICK and Fenwick Stoneworks were heard.</p></body></html>
"""


def test_an_ssn_says_a_party_is_a_person_an_ein_that_it_is_an_organisation(
    tmp_path: Path,
) -> None:
    article = _article(tmp_path, "joint.html", JOINT_DEBTORS)
    kinds = {p.name: p.kind for p in article.parties if p.role != "attorney"}
    assert kinds == {"ODALYS MARGARET FENWICK": PERSON, "Fenwick Stoneworks": ORG}
    labels = {m.text: m.label for m in reading_mentions(article)}
    assert labels["ODALYS MARGARET FENWICK"] == PERSON
    assert labels["Fenwick Stoneworks"] == ORG
