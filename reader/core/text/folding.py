"""Case and accent folding, shared by the index analyser, entity keys and suggestions."""

from __future__ import annotations

import unicodedata

# Typographic look-alikes that people type in their plain ASCII form.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with typographic quotes and dashes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
