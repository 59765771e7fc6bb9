import pytest

from reader.core.entities import legal
from reader.core.entities import recognition as entities
from reader.core.mentions import LEGAL


def _legal(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.subtype, m.canonical) for m in entities.extract(text) if m.label == LEGAL]


def test_legal_terms_cover_every_subtype() -> None:
    assert {t.kind for t in legal.terms()} == {*legal.SUBTYPES.values(), legal.ORG_LABEL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She faces a charge of involuntary manslaughter.", ("involuntary manslaughter", "CHARGE")),
        ("The case was dismissed with prejudice.", ("dismissed with prejudice", "OUTCOME")),
        ("The dismissal surprised nobody.", ("dismissal", "OUTCOME")),
        ("He was acquitted on Friday.", ("acquitted", "OUTCOME")),
        ("They reached a settlement in May.", ("settlement", "OUTCOME")),
        ("The special prosecutor resigned.", ("special prosecutor", "ROLE")),
        ("The attorney general declined to appeal.", ("attorney general", "ROLE")),
        ("The jury retired to consider its verdict.", ("jury", "ROLE")),
        ("Her defence barrister spoke first.", ("barrister", "ROLE")),
        ("The family filed a civil lawsuit.", ("civil lawsuit", "PROCEEDING")),
        ("Jurors heard the trial evidence.", ("trial", "PROCEEDING")),
        ("He appeared at Southwark Crown Court.", ("Southwark Crown Court", "COURT")),
        ("The Court rejected the motion.", ("Court", "COURT")),
        ("He was convicted of money laundering.", ("money laundering", "CHARGE")),
    ],
)
def test_legal_layer_tags_term_with_subtype(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t, s) for t, s, _ in _legal(text)]


def test_legal_inflections_share_a_canonical_form() -> None:
    found = _legal("The judge will dismiss it; she dismissed one; the dismissal stands.")
    assert {c for _, s, c in found if s == "OUTCOME"} == {"dismissed"}


def test_court_is_not_an_organisation() -> None:
    found = entities.extract("The sudden ruling by the Court has left the family reeling.")
    assert [(m.text, m.label) for m in found] == [("Court", LEGAL)]


def test_title_before_name_is_a_role_and_not_part_of_the_person() -> None:
    found = entities.extract("Special Counsel Kari Morrisey spoke first.")
    assert [(m.text, m.label) for m in found] == [
        ("Special Counsel", LEGAL),
        ("Kari Morrisey", "PERSON"),
    ]


def test_justice_body_keeps_its_name_whole() -> None:
    found = entities.extract("The Serious Fraud Office opened an inquiry.")
    assert ("Serious Fraud Office", "ORG") in [(m.text, m.label) for m in found]
