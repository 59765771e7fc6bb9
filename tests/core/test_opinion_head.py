"""An older Supreme Court opinion as its reporter prints it, on a text of our own: its parties
with their parts, its counsel and amici, and the cases it cites, none of them a person."""

from __future__ import annotations

from reader.core.entities import recognition
from reader.core.ingest import caption, legal_facts
from reader.core.mentions import CITATION, ORG, PERSON, PLACE

OPINION = """\
412 U.S. 77 (1973)
ALDRICH
v.
PENHALLOW, WARDEN.
No. 215.
Supreme Court of United States.
Argued January 9, 1973.
Decided April 2, 1973.
CERTIORARI TO THE SUPREME COURT OF VERMONT.
Theodora Quill argued the cause and filed a brief for petitioner.
Marcus T. Fenn, Assistant Attorney General of Vermont, argued the cause for respondent. \
With him on the brief were Oliver Dane and Ruth K. Ambler, Jr., Assistant Attorneys General.
Lionel Brandt filed a brief for the Northern Tenants League, as amicus curiae, urging reversal.
MR. JUSTICE HARROW delivered the opinion of the Court.
The petitioner says the Fourteenth Amendment forbids the search. Hollis v. Carver, \
301 U. S. 12, read the Due Process Clause narrowly; see Maple Leaf Ins. Co. v. Tobin, \
288 U. S. 90. Since Hollis the Court has not said otherwise, and Quinlan v. State of \
Vermont, 350 U. S. 3, did not reach the point.
"""


def test_an_opinion_on_certiorari_names_petitioner_respondent_and_their_counsel() -> None:
    facts = legal_facts.read("txt", OPINION)
    assert facts is not None
    parts = {(p.name, p.part(), p.represents) for p in facts.parties}
    assert ("ALDRICH", "petitioner", None) in parts
    assert ("PENHALLOW", "respondent", None) in parts  # the office is no part of the name
    assert ("Harrow", "opinion author", None) in parts
    assert ("Theodora Quill", "attorney", "ALDRICH") in parts
    assert ("Marcus T. Fenn", "attorney", "PENHALLOW") in parts
    assert ("Oliver Dane", "attorney", "PENHALLOW") in parts
    assert ("Ruth K. Ambler, Jr.", "attorney", "PENHALLOW") in parts
    assert ("Northern Tenants League", "amicus curiae", None) in parts
    assert ("Lionel Brandt", "attorney", "Northern Tenants League") in parts
    # titles beside the names are no one
    assert not any("Attorney" in name for name, _, _ in parts)
    assert facts.court == "Supreme Court of United States"


def test_a_cited_case_s_name_is_part_of_its_citation_not_people() -> None:
    mentions = recognition.extract(OPINION)
    found = {m.text: (m.label, m.value) for m in mentions}
    assert found["Hollis v. Carver, 301 U. S. 12"] == (CITATION, "301 U.S. 12")
    assert found["Maple Leaf Ins. Co. v. Tobin, 288 U. S. 90"] == (CITATION, "288 U.S. 90")
    # "Since Hollis": the case, named by its first party
    assert found["Hollis"] == (CITATION, "301 U.S. 12")
    named = {m.text for m in mentions if m.label in (PERSON, ORG, PLACE)}
    for name in ("Carver", "Tobin", "Maple Leaf Ins", "Fourteenth Amendment", "MR"):
        assert name not in named
    # a government that is a party to a cited case stays what it is elsewhere
    assert not any(m.label == CITATION and m.text == "Vermont" for m in mentions)
    assert "Theodora Quill" in {m.text for m in mentions if m.label == PERSON}


def test_a_caption_side_drops_the_office_it_was_sued_in() -> None:
    assert caption.parse_caption("ALDRICH v. PENHALLOW, WARDEN.") == (
        "ALDRICH v. PENHALLOW",
        (caption.Party("ALDRICH", "first"), caption.Party("PENHALLOW", "second")),
    )
    sued = caption.parse_caption("Dorrit Mills Co. v. Hale, Commissioner of Revenue")
    assert sued is not None
    assert sued[0] == "Dorrit Mills Co. v. Hale"
    # a company's "Co." keeps its full stop
    assert caption.parse_caption("Ames v. Dorrit Mills Co.") is not None
    assert (caption.parse_caption("Ames v. Dorrit Mills Co.") or ("",))[0].endswith("Co.")
