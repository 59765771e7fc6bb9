"""Make any text a valid query: balance quotes and brackets, drop stray operators and limits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 1000
MAX_WORDS = 64
FIELDS = {"title", "person", "org", "place", "legal", "body"}
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_FUZZY = re.compile(r"~(\d*)$")
_BOOST = re.compile(r"\^[\d.]*$")


@dataclass
class Repaired:
    """A query string Whoosh can parse, and sentences saying what was changed."""

    text: str
    notes: list[str] = field(default_factory=list)


def repair(text: str) -> Repaired:
    """Return a parseable version of `text` and what had to change."""
    notes: list[str] = []
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append(f"Only the first {MAX_QUERY_CHARS} characters of the query were searched.")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text[:last] + text[last + 1 :]
        notes.append("An unmatched quotation mark was ignored.")
    tokens = [_clean_word(t, notes) for t in _TOKEN.findall(text)]
    tokens = _balance(tokens, notes)
    tokens = _drop_stray_operators([t for t in tokens if t], notes)
    if sum(1 for t in tokens if t not in "()") > MAX_WORDS:
        tokens = tokens[:MAX_WORDS]
        tokens = _balance(tokens, [])
        notes.append(f"Only the first {MAX_WORDS} words of the query were searched.")
    return Repaired(" ".join(tokens), list(dict.fromkeys(notes)))


def _clean_word(token: str, notes: list[str]) -> str:
    if token in "()" or token.startswith('"'):
        if token.startswith('"') and len(token.split()) > MAX_WORDS:
            notes.append(f"Only the first {MAX_WORDS} words of the phrase were searched.")
            return " ".join(token.split()[:MAX_WORDS]) + '"'
        return token if token != '""' else ""
    field_name, sep, rest = token.partition(":")
    if sep and field_name.lower() not in FIELDS:
        token = f"{field_name} {rest}".strip()
    elif sep:
        token = f"{field_name.lower()}:{rest}"
    if _BOOST.search(token):
        token = _BOOST.sub("", token)
        notes.append("Boosts (^) are not used; all words count the same.")
    token = _bound_fuzzy(token, notes)
    return _bound_wildcards(token, notes)


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
    distance = min(int(match[1] or 1), 2)
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


def _balance(tokens: list[str], notes: list[str]) -> list[str]:
    depth = 0
    out: list[str] = []
    for token in tokens:
        if token == ")":
            if depth == 0:
                notes.append("An unmatched closing bracket was ignored.")
                continue
            depth -= 1
        elif token == "(":
            depth += 1
        out.append(token)
    if depth:
        notes.append("An unclosed bracket was closed.")
        out.extend(")" * depth)
    # Empty groups "( )" say nothing.
    text = " ".join(out)
    while "( )" in text:
        text = text.replace("( )", "")
    return text.split()


def _drop_stray_operators(tokens: list[str], notes: list[str]) -> list[str]:
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token in _OPERATORS:
            previous = out[-1] if out else "("
            following = tokens[i + 1] if i + 1 < len(tokens) else ")"
            starts_ok = token == "NOT" or (previous != "(" and previous not in _OPERATORS)
            if not starts_ok or following == ")" or following in _OPERATORS - {"NOT"}:
                notes.append(f"The operator {token} had nothing to join and was ignored.")
                continue
        out.append(token)
    return out
