"""Article: one news story or legal document, as read from a file."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Party:
    """Someone a legal document names with a part in the case: a party, counsel, a judge.

    Read from the document's own structure (ingest/legal_facts.py): a caption's two sides, a
    docket's party table with each party's counsel, "Assigned to: Judge X", an opinion's
    "X, J., delivered the opinion of the Court". Stored with the article in the index.
    """

    name: str
    # "first" (plaintiff, petitioner, appellant, debtor), "second" (defendant, respondent,
    # appellee), or "" for one on neither side (a judge, a trustee, counsel)
    side: str
    # As the document says it, lower case: "plaintiff", "debtor", "u.s. trustee", "attorney",
    # "judge", "opinion author", "dissenting", "concurring"; None where only the side is known
    role: str | None = None
    represents: str | None = None  # counsel: the party they appear for
    firm: str | None = None  # counsel: their firm or office
    # "PERSON" or "ORG" where the document's structure says which (a docket gives an
    # individual debtor's SSN, a company's EIN); counsel and judges are always people
    kind: str | None = None

    def part(self) -> str:
        """The part in a word or two: "defendant", "attorney", "judge", "party (first named)"."""
        if self.role:
            return self.role
        return {"first": "party (first named)", "second": "party (second named)"}.get(
            self.side, "party"
        )

    def describe(self) -> str:
        """The part as a reader says it: "defendant", "attorney for Acme Corp. (Jones Day)"."""
        if self.role == "attorney":
            firm = f" ({self.firm})" if self.firm else ""
            return f"attorney for {self.represents}{firm}" if self.represents else f"attorney{firm}"
        return self.part()


@dataclass(frozen=True)
class DatedEvent:
    """A dated step a legal document states about itself: argued, submitted, filed, decided."""

    kind: str  # "argued", "submitted", "filed", "entered", "decided", "dated", "sent"
    date: str  # ISO day


@dataclass(frozen=True)
class Article:
    """A parsed article. `body` is markdown; `published` is ISO, possibly partial ("2024-07")."""

    id: str
    path: Path
    title: str
    body: str
    format: str  # "md", "txt", "html", "pdf", "docx", "doc", "wpd", "rtf" or "eml"
    published: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    summary: str | None = None
    # A legal document's own facts (ingest/legal_facts.py); empty for news articles.
    court: str | None = None
    dockets: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    events: tuple[DatedEvent, ...] = ()
    # How a paged or converted document was read (ingest/documents.py); empty for text files.
    pages: tuple[int, ...] = ()  # body offset where each page starts, page 1 first
    ocr_pages: tuple[int, ...] = ()  # pages whose text was read by OCR (1-based)
    # Scanned pages whose OCR is still to come (the import's second phase reads them)
    ocr_waiting: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()  # sentences about what could not be read


def page_at(pages: Sequence[int], offset: int) -> int | None:
    """The page (from 1) holding body `offset`, given where each page starts; None without pages."""
    if not pages:
        return None
    return bisect.bisect_right(pages, offset) or 1
