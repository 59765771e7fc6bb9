"""Make any text a valid query: balance quotes and brackets, drop stray operators and limits."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 1000
MAX_WORDS = 64
# Whoosh parses brackets recursively: 1,000 of them exceed Python's recursion limit.
MAX_DEPTH = 10
# Each wildcard or fuzzy word is expanded against the whole vocabulary; 64 of them took 4 s.
MAX_EXPANDING = 4
# No indexed word is this long; a longer one only makes spelling suggestions slow.
MAX_WORD_CHARS = 100
FIELDS = {"title", "person", "org", "place", "legal", "body", "court"}
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_TOKEN = re.compile(r'\w+:"[^"]*"|"[^"]*"|\(|\)|[^\s()"]+')
_FIELD_PHRASE = re.compile(r'(\w+):("[^"]*")')
# "word~2" or Whoosh's "word~2/3" (with a prefix length, which is always taken as 1).
_FUZZY = re.compile(r"~(\d*)(?:/\d*)?$")
_BOOST = re.compile(r"\^[\d.]*$")


@dataclass
class Repaired:
    """A query string Whoosh can parse, and sentences saying what was changed."""

    text: str
    notes: list[str] = field(default_factory=list)


def repair(text: str) -> Repaired:
    """Return a parseable version of `text` and what had to change."""
    notes: list[str] = []
    text = _visible(text, notes)
    text = " ".join(text.split())
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rstrip()
        if text.count('"') % 2:
            text += '"'  # the cut fell inside a phrase: close it
        notes.append(f"Only the first {MAX_QUERY_CHARS} characters of the query were searched.")
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text[:last] + text[last + 1 :]
        notes.append("An unmatched quotation mark was ignored.")
    tokens = [_clean_word(t, notes) for t in _TOKEN.findall(text)]
    tokens = _bound_expansions([t for t in tokens if t], notes)
    tokens = _balance(tokens, notes)
    if sum(1 for t in tokens if t not in "()") > MAX_WORDS:
        tokens = tokens[:MAX_WORDS]
        notes.append(f"Only the first {MAX_WORDS} words of the query were searched.")
    # Dropping an operator can empty a group, and dropping a group can strand an operator.
    while True:
        settled = _balance(_drop_stray_operators(tokens, notes), [])
        if settled == tokens:
            break
        tokens = settled
    return Repaired(" ".join(tokens), list(dict.fromkeys(notes)))


def _clean_word(token: str, notes: list[str]) -> str:
    field_phrase = _FIELD_PHRASE.fullmatch(token)
    if field_phrase:
        name, phrase = field_phrase.groups()
        phrase = _clean_word(phrase, notes)
        if phrase and name.lower() in FIELDS:
            return f"{name.lower()}:{phrase}"
        if phrase:
            notes.append(f"The reader has no field {name}:, so the phrase was searched everywhere.")
        return phrase
    if token in "()" or token.startswith('"'):
        if token.startswith('"') and len(token.split()) > MAX_WORDS:
            notes.append(f"Only the first {MAX_WORDS} words of the phrase were searched.")
            return " ".join(token.split()[:MAX_WORDS]) + '"'
        if token == '""' or not token.strip('" '):
            notes.append("An empty phrase was ignored.")
            return ""
        return token
    field_name, sep, rest = token.partition(":")
    if ":" in rest:
        notes.append("A colon inside a word was read as a space.")
        rest = rest.replace(":", " ")
    rest = rest.strip()
    if sep and field_name.lower() not in FIELDS:
        if field_name:
            notes.append(f"The reader has no field {field_name}:, so it was searched as a word.")
        token = f"{field_name} {rest}".strip()
    elif sep and not rest:
        notes.append(f"The field {field_name}: had no word after it and was ignored.")
        return ""
    elif sep:
        token = f"{field_name.lower()}:{rest.split()[0]}"
        if len(rest.split()) > 1:
            token += " " + " ".join(rest.split()[1:])
    if len(token) > MAX_WORD_CHARS:
        token = token[:MAX_WORD_CHARS]
        notes.append(f"Words longer than {MAX_WORD_CHARS} letters were cut short.")
    if _BOOST.search(token):
        token = _BOOST.sub("", token)
        notes.append("Boosts (^) are not used; all words count the same.")
    # Removing a wildcard can leave a bare "~" (and the reverse), so repeat until stable.
    for _ in range(3):
        cleaned = _bound_wildcards(_bound_fuzzy(token, notes), notes)
        if cleaned == token:
            break
        token = cleaned
    return token


def _bound_fuzzy(token: str, notes: list[str]) -> str:
    match = _FUZZY.search(token)
    if not match:
        return token
    word = token[: match.start()]
    if len(word.split(":")[-1]) < 3 or len(word) > 40:
        notes.append(
            "Fuzzy search (~) needs a word of 3 to 40 letters; it was searched as written."
        )
        return word
    digits = match[1] or "1"
    requested = int(digits) if len(digits) < 6 else 99_999  # int() refuses 4,300+ digits
    distance = min(requested, 2)
    if requested > 2:
        notes.append("Fuzzy search (~) allows at most 2 differences; ~2 was used.")
    return f"{word}~{distance}/1"


def _bound_wildcards(token: str, notes: list[str]) -> str:
    if "*" not in token and "?" not in token:
        return token
    word = token.split(":")[-1]
    literal = re.match(r"[^*?]*", word)
    prefix = literal.group(0) if literal else ""
    if len(prefix) < 2:
        notes.append("A wildcard needs at least two letters before * or ?; it was ignored.")
        stripped = token.replace("*", "").replace("?", "")
        return "" if not stripped.split(":")[-1] else stripped
    return token


def _visible(text: str, notes: list[str]) -> str:
    """Remove invisible and control characters (bidi overrides, zero-width marks, NUL)."""
    kept = "".join(
        ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    if len(kept) != len(text):
        notes.append("Invisible or control characters in the query were ignored.")
    return kept


def _bound_expansions(tokens: list[str], notes: list[str]) -> list[str]:
    """Keep the wildcards and fuzziness of the first MAX_EXPANDING words only."""
    out: list[str] = []
    seen = 0
    for token in tokens:
        if not token.startswith('"') and ("*" in token or "?" in token or "~" in token):
            seen += 1
            if seen > MAX_EXPANDING:
                notes.append(
                    f"Only the first {MAX_EXPANDING} words with * ? or ~ were expanded; "
                    "the rest were searched as written."
                )
                token = re.sub(r"~[\d/]*$", "", token).replace("*", "").replace("?", "")
        out.append(token)
    return out


def _balance(tokens: list[str], notes: list[str]) -> list[str]:
    depth = 0
    too_deep = 0
    out: list[str] = []
    for token in tokens:
        if token == ")":
            if too_deep:
                too_deep -= 1
                continue
            if depth == 0:
                notes.append("An unmatched closing bracket was ignored.")
                continue
            depth -= 1
        elif token == "(":
            if depth >= MAX_DEPTH:
                too_deep += 1
                notes.append(f"Brackets nested deeper than {MAX_DEPTH} levels were ignored.")
                continue
            depth += 1
        out.append(token)
    if depth:
        notes.append("An unclosed bracket was closed.")
        out.extend(")" * depth)
    # Empty groups "( )", nested or not, say nothing.
    cleaned: list[str] = []
    for token in out:
        if token == ")" and cleaned and cleaned[-1] == "(":
            cleaned.pop()
        else:
            cleaned.append(token)
    return cleaned


def _drop_stray_operators(tokens: list[str], notes: list[str]) -> list[str]:
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token == "NOT" and out and out[-1] == "NOT":
            out.pop()
            notes.append("A doubled NOT was ignored.")
            continue
        if token in _OPERATORS:
            previous = out[-1] if out else "("
            following = tokens[i + 1] if i + 1 < len(tokens) else ")"
            starts_ok = token == "NOT" or (previous != "(" and previous not in _OPERATORS)
            if not starts_ok or following == ")" or following in _OPERATORS - {"NOT"}:
                notes.append(f"The operator {token} had nothing to join and was ignored.")
                continue
        out.append(token)
    return out
