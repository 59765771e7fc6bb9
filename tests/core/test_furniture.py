"""Court-page furniture is never a person or an organisation (fixtures in our own words)."""

from pathlib import Path

import pytest

from reader.core.entities.extraction import anchor, extract_article
from reader.core.ingest.reading import load_article
from reader.core.mentions import ORG, PERSON

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
