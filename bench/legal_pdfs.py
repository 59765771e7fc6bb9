"""PDFs of our own words for the PDF benchmarks: court-paper-like text, seeded, any page count.

The words are made up here (invented parties, courts, citations), so a benchmark folder can
grow to any size without copying anyone's documents. The PDFs are written by
tests/documents.py's minimal writer: a text layer in Helvetica, 50 lines a page.
"""

from __future__ import annotations

import random
import textwrap
from datetime import date, timedelta

from tests.documents import pdf_bytes

LINES_PER_PAGE = 50  # the writer starts at y=720 with 14-point leading: 50 lines fit
LINE_WIDTH = 88  # characters of 11-point Helvetica across a 6.5-inch text block

_SURNAMES = (
    "Abernathy",
    "Brightwater",
    "Calloway",
    "Delgarno",
    "Everly",
    "Fairbrook",
    "Galloway",
    "Hartwell",
    "Ingersoll",
    "Jessop",
    "Kettering",
    "Lindqvist",
    "Marchetti",
    "Northcott",
    "Okafor",
    "Pemberton",
    "Quinlan",
    "Ravensworth",
    "Sandoval",
    "Thackeray",
    "Underhill",
    "Valcourt",
    "Whitlock",
    "Yardley",
    "Zellner",
)
_GIVEN = (
    "Adele",
    "Bernard",
    "Corinne",
    "Desmond",
    "Elena",
    "Franklin",
    "Grace",
    "Howard",
    "Irene",
    "Julian",
    "Lorna",
    "Martin",
)
_COMPANIES = (
    "Northgate Freight Lines, Inc.",
    "Saltmarsh Holdings LLC",
    "Corvane Medical Group",
    "Bellweather Insurance Company",
    "Harrow & Lyle Construction Co.",
    "Tidewater Municipal Utility District",
)
_DISTRICTS = ("NORTHERN DISTRICT OF OHIO", "DISTRICT OF OREGON", "EASTERN DISTRICT OF TEXAS")
_KINDS = (
    "MEMORANDUM OPINION AND ORDER",
    "ORDER GRANTING IN PART MOTION TO DISMISS",
    "REPORT AND RECOMMENDATION",
    "FINDINGS OF FACT AND CONCLUSIONS OF LAW",
)
_CITIES = ("Toledo", "Portland", "Beaumont", "Eugene", "Akron", "Tyler")
_STATUTES = (
    "28 U.S.C. \u00a7 1332",
    "42 U.S.C. \u00a7 1983",
    "Fed. R. Civ. P. 12(b)(6)",
    "Fed. R. Civ. P. 56(a)",
)
# Sentence shapes of orders and opinions; the slots are filled from the lists above.
_SENTENCES = (
    "On {date}, {pl} filed a complaint against {df} in this Court under {statute}.",
    "{df} moved to dismiss on {date}, arguing that the complaint fails to state a claim.",
    "The Court has reviewed the motion, the opposition of {pl}, and the reply of {df}.",
    "A complaint must contain enough facts to state a claim that is plausible on its face. {cite}.",
    "The parties met with Magistrate Judge {judge} in {city} on {date} but did not settle.",
    "{person}, who managed the {city} warehouse, testified that the shipment left on {date}.",
    "Counsel for {df} concedes that the invoice of {date} was never paid in full.",
    "The contract required payment of ${amount} within thirty days of delivery.",
    "Summary judgment is proper where there is no genuine dispute as to any material fact. {cite}.",
    "{pl} seeks damages of ${amount}, together with interest and the costs of this action.",
    "The Court does not reach the remaining arguments, which the parties may raise at trial.",
    "At the hearing on {date}, {person} described the inspection of the {city} site.",
    "For these reasons, the motion is GRANTED in part and DENIED in part.",
    "The record shows that {df} received written notice of the defect on {date}.",
    "Neither party has asked the Court to revisit its scheduling order of {date}.",
    "See also {cite} (holding that a late objection is waived).",
)


def _date(rng: random.Random) -> str:
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    return f"{day:%B} {day.day}, {day.year}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}"


def _cite(rng: random.Random) -> str:
    first, second = rng.sample(_SURNAMES, 2)
    year = rng.randrange(1985, 2024)
    volume, page = rng.randrange(100, 999), rng.randrange(1, 1400)
    if rng.random() < 0.3:  # now and then the Supreme Court
        return f"{first} v. {second}, {volume % 150 + 450} U.S. {page % 900} ({year})"
    circuit = rng.choice(("6th", "9th", "5th"))
    return f"{first} v. {second}, {volume} F.3d {page} ({circuit} Cir. {year})"


def sentence(rng: random.Random, plaintiff: str, defendant: str) -> str:
    """One sentence of an order about `plaintiff` and `defendant`."""
    return rng.choice(_SENTENCES).format(
        date=_date(rng),
        pl=plaintiff,
        df=defendant,
        statute=rng.choice(_STATUTES),
        cite=_cite(rng),
        judge=rng.choice(_SURNAMES),
        city=rng.choice(_CITIES),
        person=_person(rng),
        amount=f"{rng.randrange(10, 900) * 1000:,}",
    )


def order_pdf(seed: int, pages: int, *, witness: str | None = None) -> bytes:
    """A court order of `pages` pages, its words drawn with `seed`.

    `witness` names a person in the first paragraph (a word a search can find in this file
    alone).
    """
    rng = random.Random(seed)
    plaintiff, defendant = _person(rng), rng.choice(_COMPANIES)
    lines = [
        "UNITED STATES DISTRICT COURT",
        rng.choice(_DISTRICTS),
        "",
        f"{plaintiff.upper()}, Plaintiff,",
        "v.",
        f"{defendant.upper()}, Defendant.",
        f"Case No. {rng.randrange(1, 5)}:{rng.randrange(16, 26)}-cv-{rng.randrange(100, 9999):05d}",
        "",
        rng.choice(_KINDS),
        "",
    ]
    if witness:
        lines += textwrap.wrap(
            f"The Court heard the testimony of {witness} on {_date(rng)}.", LINE_WIDTH
        )
    while len(lines) < pages * LINES_PER_PAGE:
        count = rng.randrange(3, 8)
        paragraph = " ".join(sentence(rng, plaintiff, defendant) for _ in range(count))
        lines += [*textwrap.wrap(paragraph, LINE_WIDTH), ""]
    lines = lines[: pages * LINES_PER_PAGE]
    return pdf_bytes([lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)])
