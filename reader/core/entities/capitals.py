"""Lines set in capitals, as the model is shown them: in the case it was trained on.

Court documents print captions, party blocks and headings in capitals ("CRYSTAL LONG,",
"PENDRICK CAPITAL PARTNERS, II, LLC"). The small English model learnt names from news prose,
where capitals mean a name starts; on a line of capitals it guesses ("CRYSTAL LONG" a place,
"WARNER" a company). The model reads such lines with each word in title case and small words
in lower case; acronyms, company forms and numerals stay as printed. Only the model's copy
changes, letter for letter (same length, same offsets): the names shown keep the document's
own spelling, and every rule after the model reads the text as printed.
"""

from __future__ import annotations

import functools
import re

from reader.core.resources import resource

# A word of letters (with inner apostrophes, periods or hyphens: "O'NEIL", "U.S.", "SMITH-JONES").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019.\-][^\W\d_]+)*\.?")
# Words kept in capitals (company forms, numerals, acronyms) and words set in lower case
# inside a line (articles, prepositions, "v."): resources/data/legal/capitals.tsv.
# A line is shouted when it has two or more words and no lower-case letter but a "v.".
_VERSUS = frozenset({"v", "v.", "vs", "vs."})
_MIN_WORDS = 2
_CANDIDATE = re.compile(r"^[^\n]*[^\W\d_a-z]{2}[^\n]*$", re.MULTILINE)


def soften(text: str) -> str:
    """`text` with each line set in capitals changed to title case (same length)."""
    # Only lines with two capitals in a row can be shouted; news prose has few of them.
    return _CANDIDATE.sub(_soften_if_shouted, text)


def _soften_if_shouted(match: re.Match[str]) -> str:
    line = match.group(0)
    return _soften_line(line) if _is_shouted(line) else line


def _is_shouted(line: str) -> bool:
    words = _WORD.findall(line)
    # "v." and "vs." join a caption of capitals ("LONG v. PENDRICK CAPITAL"): no sign of prose
    if any(char.islower() for word in words if word not in _VERSUS for char in word):
        return False
    return len(words) >= _MIN_WORDS


def _soften_line(line: str) -> str:
    out: list[str] = []
    done = 0
    first = True
    for match in _WORD.finditer(line):
        word = match.group(0)
        out.append(line[done : match.start()])
        out.append(_soften_word(word, first))
        done = match.end()
        first = False
    out.append(line[done:])
    return "".join(out)


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The words kept in capitals and the small words (read once)."""
    kept: set[str] = set()
    small: set[str] = set()
    text = resource("data", "legal", "capitals.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, words = line.partition("\t")
            (kept if kind == "kept" else small).update(words.split())
    return frozenset(kept), frozenset(small)


def _soften_word(word: str, first: bool) -> str:
    kept, small = _words()
    if word in kept or word.rstrip(".") in kept or len(word.rstrip(".")) == 1:
        return word  # "LLC", "II", an initial ("B.")
    lowered = _same_length_lower(word)
    if not first and lowered in small:
        return lowered
    # Each part of "O'NEIL", "SMITH-JONES", "MCDONALD" starts with a capital.
    parts = re.split(r"(['\u2019.\-])", lowered)
    return "".join(_same_length_upper(part[:1]) + part[1:] for part in parts)


def _same_length_upper(char: str) -> str:
    upper = char.upper()
    return upper if len(upper) == len(char) else char  # "ß" would become "SS"


def _same_length_lower(word: str) -> str:
    """Lower case, letter by letter, where that keeps one character for one ("İ" stays)."""
    return "".join(low if len(low := char.lower()) == 1 else char for char in word)
