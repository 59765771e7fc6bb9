"""What a court document's own structure says about its names (fixtures in our own words):
address blocks, form values, case flags, clerks' initials, menus, lists of justices, captions."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from reader.core.articles import Party
from reader.core.entities import party_roles
from reader.core.entities.extraction import anchor, extract_article
from reader.core.ingest.reading import load_article
from reader.core.mentions import DATE, ORG, PERSON, Mention
from tests.cli.test_cli import legal_reader

FIXTURES = Path(__file__).parents[1] / "fixtures" / "furniture"


def _mentions(name: str) -> list[Mention]:
    article = load_article(FIXTURES / name)
    return party_roles.apply(article, extract_article(article.body, anchor(article)))


def _named(name: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {PERSON: set(), ORG: set()}
    for m in _mentions(name):
        if m.label in found:
            found[m.label].add(m.canonical or m.text)
    return found


def test_docket_form_values_addresses_flags_and_titles_are_no_names() -> None:
    named = _named("docket_text.txt")
    shown = named[PERSON] | named[ORG]
    words = " ".join(shown)
    # case flags, a "#:" label, Nature of Suit values and their repeat in the docket text
    for furniture in ("DsclsDue", "PlnDue", "Adversary", "Validity", "Lien", "Declaratory"):
        assert furniture not in words
    # the address block: building, unit and city lines; an address in the docket text
    for furniture in ("Key Bldg", "Windham", "Fed Bldg", "Akron", "Lakeside"):
        assert furniture not in words
    # a clerk's initials, document titles and a form's plural marker
    for furniture in ("ADI", "KLM", "Fixing", "Bond", "Scheduling", "Pro Hac", "Schedule"):
        assert furniture not in words
    assert not [n for n in shown if "Response" in n or "Document" in n]
    # docket-entry words around a name: "to Employ X as Accountant Filed by Chapter 7 Trustee"
    for furniture in ("Employ", "Accountant", "Filed", "Chapter", "Granted", "FKA", "Intent"):
        assert furniture not in words
    people = {"Imogen T. Falconer", "Cordelia Anne Whitlock", "Barnaby Quince", "Quentin R Marsh"}
    assert people <= named[PERSON]
    assert {"Quince & Hollis LLP", "Pemberton Savings Bank", "Juniper Lending Corp."} <= named[ORG]
    assert not [n for n in named[ORG] if "Juniper" in n and "Mill" in n]  # "X FKA Y": two names
    assert "Brambly Tools Corporation" in named[ORG]  # "X/ Creditor Y": two names, no role
    # an entry's filer, surname first, is the person the text names in full, or a new one
    assert "TAMSIN OSGOOD" in named[PERSON]
    assert "Ashdown Fell Marwick & Pryor" in named[ORG]  # "... & Pryor LL": an LLP cut short
    assert not [n for n in shown if "," in n and ("Quince" in n or "OSGOOD" in n)]
    assert not [n for n in shown if "Creditor" in n or "Rm " in n]


def test_notice_boilerplate_is_furniture_and_its_bodies_and_companies_are_organisations() -> None:
    named = _named("notice_text.txt")
    words = " ".join(named[PERSON] | named[ORG])
    for furniture in ("REPLY", "Live Database", "Document", "P.O. Box", "NOWHERECOURTS"):
        assert furniture not in words
    assert "Judicial Conference of the United States" in named[ORG]
    assert "U. S. Trustee" in named[ORG]  # an office, not a person
    # the model read "L.L.C." alone; the company is the name before it, listed once
    assert "Fenwick Tugs, L.L.C" in named[ORG]
    assert "Fenwick Tugs" not in named[PERSON] | named[ORG]
    assert [n for n in named[ORG] if n.startswith("Tallis")] == ["Tallis Marine Services, L.L.C"]
    assert {"Ostrander", "Whitcombe"} <= named[PERSON]  # "Attorney for Appellees: A, B"
    # a link's tag that wraps a line is no name's text
    assert not [n for n in named[PERSON] | named[ORG] if re.search(r"[<>=]|HREF|TARGET", n)]
    # companies the model does not read: a name with its legal form, a law office
    assert {"Hollowbrook Development LLC", "Law Offices of Penrose & Kettle"} <= named[ORG]


def test_opinions_page_lists_justices_and_one_word_parties_and_drops_its_menu() -> None:
    named = _named("opinions_page.txt")
    justices = {"Abernathy", "Quisenberry", "Tolliver", "Lindgren"}
    parties = {"Varekai", "Marchetti", "Dunleavy", "Ostrowski", "Marchbanks"}
    assert justices | parties <= named[PERSON]
    assert "Commonwealth" not in named[PERSON]  # a sovereign, not a surname
    words = " ".join(named[PERSON] | named[ORG])
    for menu in ("TT Code", "TT Register", "LRC", "Press", "Agency Order", "Public Laws"):
        assert menu not in words


def test_cli_json_shows_the_notice_without_its_furniture(tmp_path: Path) -> None:
    result = legal_reader(
        tmp_path / "home", "entities", str(FIXTURES / "notice_text.txt"), "--json"
    )
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    labels = {m["text"]: m["label"] for m in listed if m["label"] in (PERSON, ORG)}
    assert labels["Judicial Conference of the United States"] == ORG
    assert labels["Ostrander"] == PERSON
    assert not [t for t in labels if "REPLY" in t or "Database" in t]


def test_a_party_named_first_initial_last_is_a_person(tmp_path: Path) -> None:
    path = tmp_path / "trustee.txt"
    path.write_text(
        "Trustee\n\nODALYS R PENWORTHY\n\n"
        "Notice of Appointment of Trustee ODALYS R PENWORTHY. Meeting of creditors.\n",
        "utf-8",
    )
    plain = load_article(path)
    article = dataclasses.replace(plain, parties=(Party("ODALYS R PENWORTHY", "", "trustee"),))
    mentions = party_roles.apply(article, extract_article(article.body, anchor(article)))
    named = [(m.text, m.label) for m in mentions if m.label in (PERSON, ORG)]
    assert ("ODALYS R PENWORTHY", PERSON) in named
    assert not [n for n, label in named if label == ORG]


def test_zip_codes_and_claim_codes_are_no_dates() -> None:
    dates = [m.text for m in _mentions("docket_text.txt") if m.label == DATE]
    assert "2031-03-02" in {m.value for m in _mentions("docket_text.txt") if m.label == DATE}
    assert not [d for d in dates if re.search(r"\d{5}|AZ31", d)]
