"""Reading files into articles: the real seeds, markdown, web pages and odd encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import ArticleFormatError
from reader.core.ingest import reading as ingest
from tests.conftest import SEED_000, SEED_001


@pytest.fixture
def seed_000(seeds_dir: Path) -> ingest.Article:
    return ingest.load_article(SEED_000)


@pytest.fixture
def seed_001(seeds_dir: Path) -> ingest.Article:
    return ingest.load_article(SEED_001)


def test_seed_000_title_dateline_and_empty_byline(seed_000: ingest.Article) -> None:
    assert seed_000.title == (
        "Alec Baldwin still faces civil lawsuit in 'Rust' set shooting death "
        "after criminal case was dismissed"
    )
    assert seed_000.published == "2024-12-26"
    assert seed_000.author is None
    assert not seed_000.body.startswith("By")
    assert "December 26, 2024" not in seed_000.body.split("\n\n")[0]


def test_seed_000_subheadings_become_headings(seed_000: ingest.Article) -> None:
    headings = [b for b in seed_000.body.split("\n\n") if b.startswith("## ")]
    assert len(headings) == 3
    assert headings[0].endswith("dismissed in July")


def test_seed_000_closing_quotation_is_kept_apart(seed_000: ingest.Article) -> None:
    last = seed_000.body.split("\n\n")[-1]
    assert last.startswith("> ")
    assert "Thomas Jefferson" in last
    assert not any(b.startswith("## Thomas") for b in seed_000.body.split("\n\n"))


def test_seed_001_repeated_title_summary_and_no_date(seed_001: ingest.Article) -> None:
    assert seed_001.title == "Alec Baldwin's Criminal Case Dismissed, Civil Lawsuit Looms"
    assert seed_001.published is None
    assert seed_001.summary is not None
    assert seed_001.summary.startswith("Following the dismissal of the criminal case")
    assert seed_001.body.count("Civil Lawsuit Looms") == 0


@pytest.mark.parametrize("seed", [SEED_000, SEED_001])
def test_no_body_sentence_is_dropped(seeds_dir: Path, seed: Path) -> None:
    article = ingest.load_article(seed)
    original = seed.read_text("utf-8")
    kept = " ".join(article.body.split()) + " " + article.title
    for line in original.splitlines():
        words = " ".join(line.split())
        if len(words) > 60:  # every paragraph of real text
            assert words in kept, f"lost: {words[:60]}"


def test_markdown_front_matter_with_partial_date(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        '---\ntitle: "Appeal filed"\ndate: 2024-07\nauthor: A. Writer\nsource: Court News\n'
        "url: https://example.org/a\n---\n\nThe appeal was filed.\n",
        encoding="utf-8",
    )
    article = ingest.load_article(path)
    assert (article.title, article.published, article.author, article.source) == (
        "Appeal filed",
        "2024-07",
        "A. Writer",
        "Court News",
    )
    assert article.body == "The appeal was filed."


def test_markdown_without_front_matter_takes_its_heading_as_title(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("# Verdict reached\n\nThe jury returned.", encoding="utf-8")
    article = ingest.load_article(path)
    assert article.title == "Verdict reached"
    assert article.body == "The jury returned."


def test_html_page_drops_furniture_and_reads_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Site | Jury acquits</title>"
        '<meta property="article:published_time" content="2023-05-02T09:00:00Z">'
        '<meta name="author" content="Jo Bloggs"><style>p{}</style></head>'
        "<body><nav>Home Sport</nav><article><h1>Jury acquits banker</h1>"
        "<p>A jury in London <b>acquitted</b> the banker.</p><script>track()</script>"
        "<h2>Reaction</h2><p>His lawyer welcomed it.</p></article>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    article = ingest.load_article(path)
    assert article.title == "Jury acquits banker"
    assert article.published == "2023-05-02"
    assert article.author == "Jo Bloggs"
    assert article.body == (
        "A jury in London acquitted the banker.\n\n## Reaction\n\nHis lawyer welcomed it."
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Verdict\n\nThe café owner won.".encode(), "café"),
        (b"\xef\xbb\xbfVerdict\n\nThe caf\xc3\xa9 owner won.", "café"),
        ("Verdict\n\nThe café owner won.".encode("utf-16"), "café"),
        (
            "Verdict\r\n\r\nThe café owner won \u2013 twice.".encode("cp1252"),
            "café owner won \u2013 twice",
        ),
        (b"Verdict\r\rThe caf\xe9 owner won.", "café"),
    ],
)
def test_text_encodings_are_read(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = ingest.load_article(path)
    assert article.title == "Verdict"
    assert expected in article.body


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.md", b"%PDF-1.7 binary", "PDF"),
        ("a.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("a.txt", b"   \n\n ", "empty"),
        ("a.xlsx", b"hello", r"ending in \.xlsx are not read"),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleFormatError, match=reason):
        ingest.load_article(path)


def test_article_id_is_stable_and_content_based(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Same\n\nText", encoding="utf-8")
    two.write_text("Same\n\nText", encoding="utf-8")
    assert ingest.load_article(one).id == ingest.load_article(two).id
    two.write_text("Same\n\nText!", encoding="utf-8")
    assert ingest.load_article(one).id != ingest.load_article(two).id


def test_find_article_files_walks_folders_and_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.md", "a/b/two.TXT", "a/b/three.html", "a/photo.jpg", "a/.hidden.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in ingest.find_article_files([tmp_path])]
    # other kinds are found too, so that an import names each file it skips
    assert found == ["a/b/three.html", "a/b/two.TXT", "a/one.md", "a/photo.jpg"]
