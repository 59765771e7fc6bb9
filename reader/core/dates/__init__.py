"""Temporal expressions: found in text, anchored on the right reference, given TimeML values.

`finding.find` is the entry point for text; `timex` reads and writes TimeML values; the
phrase, relative, anchoring, tense and holiday modules are its rules, `discourse` what earlier
mentions tell of later ones; `query_dates` reads the dates a user types into a search.
"""

from reader.core.dates.finding import find
from reader.core.dates.query_dates import QueryDate

__all__ = ["QueryDate", "find"]
