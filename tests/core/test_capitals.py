"""Lines of capitals are read by the model in title case; names keep the document's spelling."""

from __future__ import annotations

import pytest

from reader.core.entities import recognition
from reader.core.entities.capitals import soften
from reader.core.mentions import ORG, PERSON


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("BRIGITTE STARKEY AND DAVID STARKEY", "Brigitte Starkey and David Starkey"),
        ("PENDRICK CAPITAL PARTNERS, II, LLC,", "Pendrick Capital Partners, II, LLC,"),
        ("IN RE HOME DEPOT U.S.A., INC.", "In re Home Depot U.S.A., INC."),
        ("O'NEIL SMITH-JONES v. STRASSE", "O'Neil Smith-Jones v. Strasse"),
        ("MORGAN I. MARCUS, ESQ.", "Morgan I. Marcus, ESQ."),
        ("The court v. Marsh", "The court v. Marsh"),  # prose is left alone
        ("ORDER", "ORDER"),  # one word is a heading, not a line of names
        ("İZMIR KADIKÖY", "İzmir Kadiköy"),  # never a letter more or less ("İ".lower() is two)
    ],
)
def test_a_line_of_capitals_is_read_in_title_case_letter_for_letter(line: str, read: str) -> None:
    assert soften(line) == read
    assert len(soften(line)) == len(line)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ROSALIND FEATHERSTONE, CHAPTER 13 TRUSTEE\n\nfiled a notice.", "ROSALIND FEATHERSTONE"),
        (
            "AUGUSTINA MERRIWEATHER, INDIVIDUALLY AND AS NEXT FRIEND\n\nsued.",
            "AUGUSTINA MERRIWEATHER",
        ),
        ("GOVERNOR MARCUS HALVERSON AND THE STATE\n\nwere sued.", "MARCUS HALVERSON"),
    ],
)
def test_a_person_in_a_line_of_capitals_is_found_as_printed(text: str, name: str) -> None:
    # The model alone finds none of them whole ("FEATHERSTONE" as a company, nothing else).
    mentions = recognition.extract(text)
    assert (name, PERSON) in {(m.text, m.label) for m in mentions}
    assert not [m for m in mentions if m.label == ORG and "FRIEND" in m.text]
