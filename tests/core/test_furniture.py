"""Court-page furniture is never a person or an organisation (fixtures in our own words)."""

from pathlib import Path

import pytest

from reader.core.entities.extraction import anchor, extract_article
from reader.core.ingest.reading import load_article
from reader.core.mentions import LEGAL, ORG, PERSON, PLACE

FIXTURES = Path(__file__).parents[1] / "fixtures" / "furniture"
FURNITURE = {
    "Email",
    "Clerk",
    "Docket",
    "Docket Report",
    "COMPLAINT",
    "Query",
    "Utilities",
    "Diversity",
    "Suite 900",
    "kjm",
    "CM/ECF",
}


def _names(name: str) -> set[str]:
    article = load_article(FIXTURES / name)
    mentions = extract_article(article.body, anchor(article))
    return {m.text for m in mentions if m.label in (PERSON, ORG)}


@pytest.mark.parametrize("name", ["notice.txt", "docket.html"])
def test_court_page_furniture_is_not_an_entity(name: str) -> None:
    names = _names(name)
    assert not names & FURNITURE
    assert not [n for n in names if "@" in n or any(c.isdigit() for c in n.replace("900", ""))]
    assert {"Marguerite Okonkwo", "Tobias Wrenfield"} <= names


def test_docket_page_keeps_its_parties_and_firms() -> None:
    names = _names("docket.html")
    assert {"Eleanor Harrow", "Delphine Arbogast", "Arbogast & Pell LLP"} <= names
    assert "Quillfeather Logistics Inc." in names


def test_a_case_status_and_an_official_s_title_are_not_names(tmp_path: Path) -> None:
    page = (
        "<html><body><table><tr><td>No. 31-2208</td></tr><tr><td>Status:</td>"
        "<td>DECIDED</td></tr><tr><td>Title:</td><td>Orla Fenwick, Petitioner v. "
        "Bram Tesdale, Warden</td></tr><tr><td>Jan 10 2031</td><td>Petition DISMISSED."
        "</td></tr></table><p>Waiver of right of respondent Bram Tesdale, Warden, to respond "
        "filed. The Sheriff of Eldora County was served.</p></body></html>"
    )
    (tmp_path / "31-2208.htm").write_text(page, encoding="utf-8")
    article = load_article(tmp_path / "31-2208.htm")
    mentions = extract_article(article.body, anchor(article))
    names = {m.text for m in mentions if m.label in (PERSON, ORG, PLACE)}
    assert not names & {"DECIDED", "Warden", "Sheriff"}
    assert {"Orla Fenwick", "Bram Tesdale"} <= {m.text for m in mentions if m.label == PERSON}
    assert ("DISMISSED", LEGAL) in {(m.text, m.label) for m in mentions}  # an outcome
