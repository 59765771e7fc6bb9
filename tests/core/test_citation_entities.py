"""Citations and docket numbers as entities: found, searched, listed; on texts of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.articles import Article
from reader.core.entities import recognition
from reader.core.index import cite_terms
from reader.core.library import Library
from reader.core.mentions import CITATION, DOCKET, ORG, PERSON
from reader.core.present import render
from tests.cli.test_cli import legal_reader

OPINION = """\
Pellworth v. Garrick Mills

Judge Imogen Tarrant delivered the opinion of the court. In Pellworth v. Garrick Mills, \
323 U. S. 214 (1944), the court read the statute narrowly; see also Dunmore v. Ashby, \
963 F. 3d 301, 305 (7th Cir. 2020). Id. at 307. The claim under 42 U.S.C. § 1983 fails \
for the reasons given in Case No. 1:21-cv-04567-JMF.
"""
OTHER_OPINION = """\
Halloran v. Quince

The panel followed Halloran v. Quince, 323 U.S. 214, 220 (1944), on a different point.
"""
# Every number of the citation, but no citation: the split words alone would match.
NOT_CITED = """\
Harbour notes

There were 323 U boats in the story, the S class sold 214 copies.
"""


def _found(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    return {m.text: (m.label, m.subtype, m.value) for m in recognition.extract(text)}


def test_a_citation_is_a_citation_never_a_person_or_organisation() -> None:
    found = _found(OPINION)
    # a full citation takes in the case name before it
    assert found["Pellworth v. Garrick Mills, 323 U. S. 214"] == (CITATION, "CASE", "323 U.S. 214")
    assert found["Dunmore v. Ashby, 963 F. 3d 301"] == (CITATION, "CASE", "963 F.3d 301")
    assert found["Id. at 307"] == (CITATION, "ID", "963 F.3d 301")
    assert found["42 U.S.C. § 1983"] == (CITATION, "STATUTE", "42 U.S.C. § 1983")
    assert found["1:21-cv-04567-JMF"] == (DOCKET, None, "1:21-cv-04567-JMF")
    mentions = recognition.extract(OPINION)
    cited = [(m.start, m.end) for m in mentions if m.label in (CITATION, DOCKET)]
    for m in mentions:
        if m.label in (PERSON, ORG):
            assert not any(s < m.end and m.start < e for s, e in cited), m
    assert found["Imogen Tarrant"][0] == PERSON


def test_a_citation_is_highlighted_with_its_value() -> None:
    mentions = recognition.extract(OPINION)
    article = Article("a", Path("/x/opinion.txt"), "Opinion", OPINION, "txt")
    html = render.to_html(article, mentions)
    assert 'class="citation" title="Citation (id): 963 F.3d 301">Id. at 307' in html
    assert 'class="docket"' in html


def test_citations_in_a_query_are_split_out_and_normalised() -> None:
    assert cite_terms.split_citations('cite:"410 U. S. 113" abortion') == (
        "abortion",
        ["410 U.S. 113"],
    )
    assert cite_terms.split_citations("roe 410 U.S. 113") == ("roe", ["410 U.S. 113"])
    assert cite_terms.split_citations("March 3 2021 hearing") == ("March 3 2021 hearing", [])
    assert cite_terms.index_terms(["410 U.S. 113", "42 U.S.C. § 1983"]) == (
        "410 u.s. 113,42 u.s.c. § 1983"
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    home = tmp_path_factory.mktemp("cite")
    folder = home / "cases"
    folder.mkdir()
    for name, text in (
        ("pellworth.txt", OPINION),
        ("halloran.txt", OTHER_OPINION),
        ("notes.txt", NOT_CITED),
    ):
        (folder / name).write_text(text, "utf-8")
    opened = Library.open(home / "lib", samples=False)
    list(opened.import_paths([folder]))
    return opened


def _names(library: Library, query: str) -> list[str]:
    return sorted(hit.path.name for hit in library.search(query).hits)


def test_cite_field_finds_the_documents_citing_the_case(library: Library) -> None:
    both = ["halloran.txt", "pellworth.txt"]
    assert _names(library, 'cite:"323 U.S. 214"') == both
    assert _names(library, 'cite:"323 U. S. 214"') == both
    assert _names(library, 'cite:"963 F.3d 301"') == ["pellworth.txt"]
    assert _names(library, 'cite:"42 U.S.C. § 1983"') == ["pellworth.txt"]


def test_a_citation_typed_alone_finds_the_documents_citing_it(library: Library) -> None:
    assert _names(library, "323 U.S. 214") == ["halloran.txt", "pellworth.txt"]
    assert _names(library, "323 U.S. 214 narrowly") == ["pellworth.txt"]
    assert _names(library, "963 F.3d 301") == ["pellworth.txt"]
    assert _names(library, "323 214") == ["halloran.txt", "notes.txt", "pellworth.txt"]


def test_entities_json_carries_the_normalised_value(tmp_path: Path) -> None:
    path = tmp_path / "opinion.txt"
    path.write_text(OPINION, "utf-8")
    result = legal_reader(tmp_path, "entities", str(path), "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["text"]: row for row in json.loads(result.stdout)}
    cited = "Pellworth v. Garrick Mills, 323 U. S. 214"
    assert rows[cited]["label"] == CITATION
    assert rows[cited]["value"] == "323 U.S. 214"
    assert rows["Id. at 307"]["value"] == "963 F.3d 301"
    assert rows["1:21-cv-04567-JMF"]["label"] == DOCKET
    plain = legal_reader(tmp_path, "entities", str(path))
    assert f"Citations:\n  323 U.S. 214 [CASE]  (1)  (as: {cited})" in plain.stdout
    assert "Docket numbers:\n  1:21-cv-04567-JMF  (1)" in plain.stdout
