"""A hostile corpus: files and queries a stranger's download folder may throw at the reader.

Nothing big is committed; `write_files(folder)` generates every file at test time. The HTML
and markdown fixtures (`HOSTILE_HTML`, `HOSTILE_MARKDOWN`) are plain strings so that the
rendering tests can reuse them.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

IMPORTED = "imported"
REJECTED = "rejected"

_SENTENCE = (
    "The jury in Santa Fe heard that Hannah Gutierrez-Reed loaded the revolver before the "
    "rehearsal on October 21, 2021, and prosecutors asked for the maximum sentence."
)
_PARAGRAPHS = "\n\n".join(
    f"Paragraph {i}. {_SENTENCE} Witness number {i} testified for {i % 7 + 1} hours."
    for i in range(40)
)


@dataclass(frozen=True)
class HostileFile:
    """One hostile file: how to make its bytes and what the reader should do with it."""

    name: str
    case: str  # a short description for the report
    make: Callable[[], bytes]
    expect: str  # IMPORTED or REJECTED
    reason: str = ""  # for REJECTED: a word the problem sentence must contain
    find: str = ""  # for IMPORTED: a word a search must find it by
    big: bool = False  # many megabytes: generated only for slow runs and the report


def _pdf(pages: list[list[str]], media_box: tuple[int, int] = (612, 792)) -> bytes:
    from tests.documents import pdf_bytes

    return pdf_bytes(pages, media_box=media_box)


def _zip_bomb() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return out.getvalue()


def _giant_table_page() -> bytes:
    """A ~700 KB page holding a 3,000 x 10 table: the size of the page that took 136 s to
    export in issue 13. Its rows are a bankruptcy claims register's (number, dates filed and
    allowed, creditor, sums, status), so the table holds the dates, sums and organisations
    that the entity and date passes work on, as such a register saved from the web does."""
    months = ("January", "March", "May", "July", "September", "November")

    def row(r: int) -> str:
        cells = (
            f"{r + 1}",
            f"{months[r % 6]} {r % 28 + 1}, 2021",
            f"Creditor {r} Holdings LLC",
            f"${(r * 137) % 90_000 + 100:,}.00",
            "General unsecured",
            f"{months[(r + 3) % 6]} {(r + 5) % 28 + 1}, 2022",
            "Allowed",
            f"Doc. {r + 100}",
            f"${(r * 71) % 50_000 + 10:,}.00",
            "Paid in part",
        )
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"

    rows = "".join(row(r) for r in range(3000))
    return (
        "<html><head><title>Claims register</title></head><body><article>"
        f"<p>The margay claims register.</p><table>{rows}</table></article></body></html>"
    ).encode()


def _huge_image_pdf() -> bytes:
    """A one-page scan whose picture is 16,000 x 16,000 grey pixels (256 MB once decoded)
    packed into a few hundred kilobytes: rendering it for OCR is the bomb."""
    import zlib

    from tests.documents import _pdf_file

    side = 16_000
    packed = zlib.compress(b"\xff" * (side * side), 9)
    content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (side, side, len(packed))
        + packed
        + b"\nendstream",
    ]
    return _pdf_file(objects)


def _encrypted_pdf() -> bytes:
    """A text PDF locked with a password (AES-256), made by qpdf."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        plain, locked = Path(folder) / "plain.pdf", Path(folder) / "locked.pdf"
        plain.write_bytes(_pdf([["The sealed verdict."]]))
        subprocess.run(
            ["qpdf", "--encrypt", "secret", "secret", "256", "--", str(plain), str(locked)],
            check=True,
        )
        return locked.read_bytes()


def _random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _text_of_size(size: int) -> bytes:
    """Plain article text of about `size` bytes, in paragraphs."""
    unit = (_PARAGRAPHS + "\n\n").encode()
    head = b"Big file verdict\n\nBy Clerk\n\n"
    return head + unit * (size // len(unit) + 1)


def _nested_lists(depth: int) -> bytes:
    lines = ["# Nested lists", ""]
    lines += [f"{'  ' * i}- level {i} zebrafish" for i in range(depth)]
    return "\n".join(lines).encode()


def _nested_quotes(depth: int) -> bytes:
    return ("# Nested quotes\n\n" + ">" * depth + " deep quokka quotation\n").encode()


HOSTILE_HTML: dict[str, str] = {
    "script_tags": (
        "<html><head><title>Script verdict</title><script>alert('x')</script></head>"
        "<body><article><p>The wombat case was decided.</p><script>document.write('pwned')"
        "</script><p>More text <scr<script>ipt>alert(1)</script> here.</p></article>"
        "</body></html>"
    ),
    "event_handlers": (
        "<html><head><title>Handlers verdict</title></head><body><article>"
        '<p onclick="alert(1)" onmouseover="steal()">The platypus ruling stands.</p>'
        '<img src="x" onerror="alert(2)"><svg onload="alert(3)"><circle/></svg>'
        '<a href="#" onfocus="alert(4)" autofocus>link</a></article></body></html>'
    ),
    "dangerous_links": (
        "<html><head><title>Links verdict</title></head><body><article>"
        '<p>The <a href="javascript:alert(1)">capybara</a> appeal, '
        '<a href="JaVaScRiPt&colon;alert(2)">mixed case</a>, '
        '<a href="file:///etc/passwd">a local file</a>, '
        '<a href="vbscript:msgbox(1)">vbscript</a>, '
        '<a href=" javascript:alert(3)">leading space</a>.</p></article></body></html>'
    ),
    "remote_content": (
        "<html><head><title>Remote verdict</title>"
        '<link rel="stylesheet" href="https://tracker.example/s.css">'
        "<style>body{background:url(https://tracker.example/bg.png)}</style></head><body>"
        '<article><p style="background:url(https://tracker.example/p.png)">The narwhal '
        'hearing.</p><img src="https://tracker.example/pixel.gif" width="1" height="1">'
        '<iframe src="https://evil.example/"></iframe>'
        '<object data="https://evil.example/x.swf"></object>'
        '<embed src="https://evil.example/y.swf"></article></body></html>'
    ),
    "data_uris": (
        "<html><head><title>Data verdict</title></head><body><article>"
        "<p>The axolotl motion.</p>"
        '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+">'
        '<a href="data:text/html,<script>alert(1)</script>">open</a>'
        '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>'
        "</article></body></html>"
    ),
    "giant_table": (
        "<html><head><title>Table verdict</title></head><body><article><p>The ocelot docket."
        "</p><table>"
        + "".join(
            "<tr>" + "".join(f"<td>r{r}c{c}</td>" for c in range(20)) + "</tr>" for r in range(2000)
        )
        + "</table></article></body></html>"
    ),
    "nested_tables": (
        "<html><head><title>Nested tables verdict</title></head><body><article>"
        "<p>The pangolin brief.</p>"
        + "<table><tr><td>" * 2000
        + "deep cell"
        + "</td></tr></table>" * 2000
        + "</article></body></html>"
    ),
    "deep_divs_unclosed": (
        "<html><head><title>Deep divs verdict</title></head><body><article>"
        "<p>The tapir order.</p>" + "<div><span><b>" * 20000 + "bottom</article></body>"
    ),
    "entity_breakout": (
        "<html><head><title>Breakout verdict</title></head><body><article>"
        '<p>Judge "><script>alert(1)</script> Smith and '
        "<mark data-entity=\"PERSON\" onclick='x()'>Fake Mark</mark> met "
        "&lt;span class=&quot;entity&quot;&gt;Jane Doe&lt;/span&gt; in "
        "</span></mark></a></p><p>Attorney <b>John <i>Roe</b></i> of Acme Corp.</p>"
        "</article></body></html>"
    ),
    "unterminated_markup": (
        "<html><head><title>Unterminated verdict</title></head><body><article>"
        "<p>The meerkat trial.</p><!-- never closed " + "<p>x" * 5000 + "<a href='" * 2000
    ),
}

HOSTILE_MARKDOWN: dict[str, str] = {
    "raw_html": (
        "# Raw HTML verdict\n\nThe lemur case.\n\n<script>alert(1)</script>\n\n"
        '<img src=x onerror="alert(2)">\n\n<iframe src="https://evil.example"></iframe>\n'
    ),
    "dangerous_links": (
        "# Markdown links verdict\n\nThe capybara case: [click](javascript:alert(1)), "
        "[file](file:///etc/passwd), [data](data:text/html,<script>alert(1)</script>), "
        '![pixel](https://tracker.example/p.gif "t"), [ref][r].\n\n'
        "[r]: javascript:alert(3)\n"
    ),
    "entity_breakout": (
        '# Breakout markdown verdict\n\nJudge `"><script>alert(1)</script>` Smith met '
        '**Jane "Doe"** and <span class="entity">Fake</span> of Acme <b>Corp</b>.\n'
    ),
    "unicode_tricks": (
        "# Unicode \u202eticidrev\u202c tricks\n\n"
        "The ju\u200bry found Ha\u200dnnah guilty; \u2066isolated\u2069 text, "
        "combining a\u0301\u0301\u0301\u0301, emoji \U0001f469\u200d\u2696\ufe0f, "
        "homoglyph \u0410cme Corp, BOM \ufeff inside, line\u2028separator.\n"
    ),
}


# A word each fixture's article text contains, to find it by.
_FIND = {
    "script_tags": "wombat",
    "event_handlers": "platypus",
    "dangerous_links": "capybara",
    "remote_content": "narwhal",
    "data_uris": "axolotl",
    "giant_table": "ocelot",
    "nested_tables": "pangolin",
    "deep_divs_unclosed": "tapir",
    "entity_breakout": "smith",
    "unterminated_markup": "meerkat",
    "raw_html": "lemur",
}


def files() -> list[HostileFile]:
    """Every hostile file, small ones first."""
    sentence = _SENTENCE.encode()
    cases = [
        HostileFile(
            "png_renamed.md",
            "PNG image renamed .md",
            lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(4000, 1),
            REJECTED,
            "PNG",
        ),
        HostileFile(
            "broken.pdf",
            "a PDF cut short",
            lambda: _pdf([["A verdict of guilty was read."]] * 3)[:400],
            REJECTED,
            "damaged",
        ),
        HostileFile(
            "noise.pdf",
            "random bytes named .pdf",
            lambda: b"%PDF-1.7\n" + _random_bytes(20000, 7),
            REJECTED,
            "PDF",
        ),
        HostileFile(
            "ten_thousand_pages.pdf",
            "a PDF of 10,000 pages",
            lambda: _pdf([["The pelican verdict."]] + [[f"Exhibit {n}."] for n in range(9_999)]),
            IMPORTED,
            find="pelican",
        ),
        HostileFile(
            "huge_page.pdf",
            "a PDF page five metres wide",
            lambda: _pdf([["The heron verdict on a huge page."]], media_box=(14_000, 14_000)),
            IMPORTED,
            find="heron",
        ),
        HostileFile(
            "huge_image.pdf",
            "a scanned PDF page holding a 16,000 x 16,000 picture",
            _huge_image_pdf,
            REJECTED,
            "no text",
        ),
        HostileFile(
            "bomb.docx",
            "a zip bomb named .docx",
            _zip_bomb,
            REJECTED,
            "unpack",
        ),
        HostileFile(
            "not_a_zip.docx",
            "random bytes named .docx",
            lambda: _random_bytes(5000, 8),
            REJECTED,
            "Word document",
        ),
        HostileFile(
            "pdf_renamed.txt",
            "PDF renamed .txt",
            lambda: b"%PDF-1.7\n" + _random_bytes(4000, 2),
            REJECTED,
            "PDF",
        ),
        HostileFile(
            "zip_renamed.html",
            "ZIP/Word file renamed .html",
            lambda: b"PK\x03\x04" + _random_bytes(4000, 3),
            REJECTED,
            "compressed",
        ),
        HostileFile(
            "random_binary.md",
            "random binary bytes",
            lambda: _random_bytes(20000, 4),
            REJECTED,
            "binary",
        ),
        HostileFile(
            "control_chars.txt",
            "text full of control characters",
            lambda: b"Title\n\n" + bytes(range(1, 9)) * 500,
            REJECTED,
            "binary",
        ),
        HostileFile(
            "invalid_utf8.txt",
            "invalid UTF-8 bytes in text",
            lambda: (
                b"Invalid bytes verdict\n\nThe caf\xc3 owner \xff\xfe won the "
                b"\x80\x81 marmoset case.\n"
            ),
            IMPORTED,
            find="marmoset",
        ),
        HostileFile(
            "nul_bytes.txt",
            "text with NUL bytes",
            lambda: b"NUL verdict\n\nThe okapi\x00 case\x00 was heard.\n" * 20,
            REJECTED,
            "NUL",
        ),
        HostileFile(
            "utf16_bom.txt",
            "UTF-16 with BOM",
            lambda: "UTF-16 verdict\n\nThe caf\u00e9 kinkajou case.\n".encode("utf-16"),
            IMPORTED,
            find="kinkajou",
        ),
        HostileFile(
            "utf16le_no_bom.txt",
            "UTF-16-LE without BOM",
            lambda: "UTF-16 LE verdict\n\nThe caf\u00e9 quetzal case.\n".encode("utf-16-le"),
            IMPORTED,
            find="quetzal",
        ),
        HostileFile(
            "utf16be_no_bom.md",
            "UTF-16-BE without BOM",
            lambda: "# UTF-16 BE verdict\n\nThe caf\u00e9 dugong case.\n".encode("utf-16-be"),
            IMPORTED,
            find="dugong",
        ),
        HostileFile(
            "utf32_bom.txt",
            "UTF-32 with BOM",
            lambda: "UTF-32 verdict\n\nThe caf\u00e9 jerboa case.\n".encode("utf-32"),
            IMPORTED,
            find="jerboa",
        ),
        HostileFile(
            "damaged_utf16.txt",
            "UTF-16 BOM then an odd byte count",
            lambda: "Damaged verdict\n\nText".encode("utf-16") + b"\x00",
            REJECTED,
            "damaged",
        ),
        HostileFile(
            "cp1252.txt",
            "cp1252 curly quotes and dashes",
            lambda: "Cp1252 verdict\r\n\r\n\u201cThe caf\u00e9 \u2013 binturong\u201d case.".encode(
                "cp1252"
            ),
            IMPORTED,
            find="binturong",
        ),
        HostileFile(
            "cr_only.txt",
            "CR-only line ends",
            lambda: b"CR verdict\r\rThe numbat case.\rSecond line of the numbat case.\r",
            IMPORTED,
            find="numbat",
        ),
        HostileFile(
            "empty.md",
            "empty file",
            lambda: b"",
            REJECTED,
            "empty",
        ),
        HostileFile(
            "whitespace.txt",
            "only whitespace",
            lambda: b" \n\t\r\n  \n",
            REJECTED,
            "empty",
        ),
        HostileFile(
            "long_line.txt",
            "one 100,000-character line",
            lambda: ("Long line verdict\n\n" + "caracal " * 12500).encode(),
            IMPORTED,
            find="caracal",
        ),
        HostileFile(
            "long_title.md",
            "a 100,000-character heading",
            lambda: ("# " + "serval " * 14000 + "\n\nThe serval body.\n").encode(),
            IMPORTED,
            find="serval",
        ),
        HostileFile(
            "heading_backtrack.md",
            "heading built to backtrack a regex",
            lambda: ("# a" + "#" * 100_000 + "b\n\nThe civet body.\n").encode(),
            IMPORTED,
            find="civet",
        ),
        HostileFile(
            "front_matter_unclosed.md",
            "front matter that never closes",
            lambda: ("---\n" + "key: value\n" * 20000 + "The fossa body.\n").encode(),
            IMPORTED,
            find="fossa",
        ),
        HostileFile(
            "hard_wrapped.txt",
            "50,000 hard-wrapped lines that join into one paragraph",
            lambda: (
                "Wrapped verdict\n\n" + ("x" * 60 + "\nwrapped galago line ") * 50_000
            ).encode(),
            IMPORTED,
            find="galago",
        ),
        HostileFile(
            "nested_lists.md",
            "list nested 1,000 deep",
            lambda: _nested_lists(1000),
            IMPORTED,
            find="zebrafish",
        ),
        HostileFile(
            "nested_quotes.md",
            "blockquote nested 10,000 deep",
            lambda: _nested_quotes(10_000),
            IMPORTED,
            find="quokka",
        ),
        HostileFile(
            "brackets.md",
            "20,000 opening brackets",
            lambda: ("# Brackets verdict\n\nThe dingo " + "[" * 20_000 + " case.\n").encode(),
            IMPORTED,
            find="dingo",
        ),
        HostileFile(
            "bracket_pairs.md",
            "20,000 bracket pairs [a]",
            lambda: ("# Bracket pairs\n\nThe bilby " + "[a]" * 20_000 + " case.\n").encode(),
            IMPORTED,
            find="bilby",
        ),
        HostileFile(
            "parens.txt",
            "20,000 mixed brackets on many lines",
            lambda: (
                ("Parens verdict\n\nThe tarsier case.\n\n" + "([{<" * 5000 + "\n").encode() * 10
            ),
            IMPORTED,
            find="tarsier",
        ),
        HostileFile(
            "many_lines.txt",
            "200,000 short lines",
            lambda: ("Lines verdict\n\n" + "Aye-aye case line.\n\n" * 200_000).encode(),
            IMPORTED,
            find="aye",
        ),
        HostileFile(
            "unicode_title.md",
            "bidi overrides and zero-width characters in the title",
            lambda: HOSTILE_MARKDOWN["unicode_tricks"].encode(),
            IMPORTED,
            find="guilty",
        ),
        HostileFile(
            "markup_only.html",
            "a page with no text",
            lambda: b"<html><head><title>x</title></head><body><div><img src=a></div></body>",
            REJECTED,
            "no article text",
        ),
        HostileFile(
            "over_limit_50mb.txt",
            "a 50 MB text",
            lambda: _text_of_size(50 * 1024 * 1024),
            REJECTED,
            "larger than",
            big=True,
        ),
        HostileFile(
            "under_limit_4mb.txt",
            "a 4.9 MB text (just under the 5 MB size limit)",
            lambda: _text_of_size(49 * 1024 * 1024 // 10),
            IMPORTED,
            find="gutierrez",
            big=True,
        ),
        HostileFile(
            "over_limit_19mb.txt",
            "a 19 MB text (over the size limit)",
            lambda: _text_of_size(19 * 1024 * 1024),
            REJECTED,
            "larger than",
            big=True,
        ),
        HostileFile(
            "sentence_2mb_line.txt",
            "a 2 MB single line of prose",
            lambda: b"Two megabyte line\n\n" + (sentence + b" ") * 12_000,
            IMPORTED,
            find="rehearsal",
            big=True,
        ),
    ]
    cases.append(
        HostileFile(
            "giant_table_3000x10.html",
            "HTML: a 700 KB page holding a 3,000 x 10 table",
            _giant_table_page,
            IMPORTED,
            find="margay",
        )
    )
    if shutil.which("qpdf") is not None:  # the one tool that makes an encrypted PDF here
        cases.insert(
            3,
            HostileFile(
                "encrypted.pdf",
                "a password-protected PDF",
                _encrypted_pdf,
                REJECTED,
                "password",
            ),
        )
    for key, html in HOSTILE_HTML.items():
        cases.append(
            HostileFile(
                f"{key}.html",
                f"HTML: {key.replace('_', ' ')}",
                lambda html=html: html.encode(),
                IMPORTED,
                find=_FIND[key],
            )
        )
    for key, text in HOSTILE_MARKDOWN.items():
        if key != "unicode_tricks":
            cases.append(
                HostileFile(
                    f"md_{key}.md",
                    f"Markdown: {key.replace('_', ' ')}",
                    lambda text=text: text.encode(),
                    IMPORTED,
                    find=_FIND[key],
                )
            )
    return cases


def write_files(folder: Path, *, big: bool = False) -> list[tuple[HostileFile, Path]]:
    """Write the hostile files (the big ones only if `big`) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in files():
        if case.big and not big:
            continue
        path = folder / case.name
        path.write_bytes(case.make())
        written.append((case, path))
    return written


# Hostile queries: (description, text). Lone surrogates can reach a str from a clipboard.
QUERIES: list[tuple[str, str]] = [
    ("star alone", "*"),
    ("leading wildcard", "*abc"),
    ("question mark alone", "?"),
    ("one-letter prefix", "a*"),
    ("two-letter prefix", "ab*"),
    ("fuzzy one letter", "x~"),
    ("huge fuzzy term", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz~2"),
    ("fuzzy with huge distance", "verdict~99999"),
    ("1,000-word phrase", '"' + " ".join(f"word{i}" for i in range(1000)) + '"'),
    ("1,000 words", " ".join(f"word{i}" for i in range(1000))),
    ("10,000-character query", "verdict " * 1250),
    ("10,000-character word", "v" * 10_000),
    ("absurd boost", "a^99999999"),
    ("boost on a word", "verdict^99999999"),
    ("1,000 open brackets", "(" * 1000),
    ("1,000 nested groups", "(" * 1000 + "verdict" + ")" * 1000),
    ("closing brackets", ")))"),
    ("operators only", "AND AND"),
    ("NOT alone", "NOT"),
    ("NOT NOT word", "NOT NOT verdict"),
    ("empty field", "title:"),
    ("unknown field", "foo:bar"),
    ("field of a field", "title:title:title:"),
    ("many wildcards", "ab*" * 300),
    ("many fuzzy terms", " ".join(f"word{i}~2" for i in range(200))),
    ("many prefixes", " OR ".join(f"{a}{b}*" for a in "abcdefgh" for b in "aeiou")),
    ("RTL override", "\u202everdict\u202c"),
    ("zero-width joiners", "ver\u200ddict\u200b"),
    ("emoji", "\U0001f469\u200d\u2696\ufe0f verdict \U0001f4a5"),
    ("NUL characters", "ver\x00dict\x00"),
    ("lone surrogate", "verdict \ud800 \udfff"),
    ("only quotes", '""""""'),
    ("quote soup", '"a "b" c" "'),
    ("date field garbage", "date:((((* published:~~"),
    ("range syntax", "[a TO z] {a TO}"),
    ("whoosh plugin syntax", "title:(a OR) body:[ TO ] <a >b +c -d"),
    ("slash and tilde soup", "a~/1 ~ / ~1/ */*"),
]
