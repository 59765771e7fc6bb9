"""Numbers that look like years but are not dates: citations, docket numbers, sections, pages.

Court documents are full of four-digit numbers: "2017 WL 1234567" (a Westlaw citation whose
year is only the year of the database), "2017-Ohio-123", "512 U.S. 2017", "No. 17-1234",
"§ 2017", "Id. at 2017". Read as dates they made a search for "October 2, 2017" list every
document that cites a 2017 case (issue 14), so a date is never read inside one of these spans.
"""

from __future__ import annotations

import re

from reader.core.dates import words as w

# A reporter or database between a volume (or year) and a page: "U.S.", "F. Supp. 3d", "WL",
# "U.S. Dist. LEXIS", "S. Ct.", "Stat.". Each token has a period or is capitals only, so
# "3 March 2017" (no period, not capitals) is left to the date patterns; month abbreviations
# ("5 Feb. 2017") are excluded by name.
_REPORTER_WORD = rf"(?!(?i:{w.MONTH}))(?:[A-Z][A-Za-z]*\.|[A-Z]{{2,}}\b|\d[a-z]{{1,2}}\b|&)"
_CITATION = rf"\b\d{{1,4}}\s+(?:{_REPORTER_WORD}\s*){{1,5}}\s*\d{{1,7}}(?![\w-])"
# Public-domain citations: "2017-Ohio-123", "2017-NMSC-012", "2017 IL App (1st) 123".
_NEUTRAL = r"\b\d{4}-[A-Z][A-Za-z]*-\d+\b|\b\d{4}\s+[A-Z]{2}(?:\s+App)?\s+(?:\(\w+\)\s+)?\d+\b"
# "No. 17-1234", "Nos. 17-1234, 17-1235", "Docket No. 2017-0042", "1:17-cv-2017".
_DOCKET = (
    r"\b(?i:nos?|docket|case)\.?\s*(?:No\.?\s*)?\d[\w:-]*(?:\s*(?:,|and|&)\s*\d+-[\w:-]+)*"
    r"|\b\d:\d\d-[a-z]{2,4}-\d+\b"
)
# "§ 2017", "§§ 2016-2017", "section 2017(a)", "¶ 2017", "Rule 2017", "Art. 2017", "H.R. 2017".
_SECTION = r"(?:§§?|¶¶?|\b(?i:sections?|sec\.|rules?|art\.)|\bH\.\s?R\.)\s*\d[\w.()-]*"
# A page cite after a citation or "Id.": "Id. at 2017.", "512 U.S. at 2017-18", "supra, at 2017".
_PAGE = r"(?:[Ii]d\.|supra,?|\.|,)\s+at\s+\*?\d+(?:[-\u2013]\d+)?(?=\s*(?:[.,;:)\]]|n\.|&|$))"
# Sums: "$2,017", "$2017", "2017 dollars".
_MONEY = r"[$€£]\s*\d[\d,.]*|\b\d[\d,.]*\s+(?i:dollars|euros|pounds|cents)\b"

_NOT_DATES = re.compile("|".join(f"(?:{p})" for p in (_CITATION, _NEUTRAL, _DOCKET, _SECTION,
                                                      _PAGE, _MONEY)))  # fmt: skip


def spans(text: str, regions: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The spans of `text` where a number is a citation, docket, section, page or sum.

    With `regions` ((start, end), in order, apart), only those parts of `text` are searched.
    """
    if regions is None:
        return [m.span() for m in _NOT_DATES.finditer(text)]
    return [m.span() for start, end in regions for m in _NOT_DATES.finditer(text, start, end)]
