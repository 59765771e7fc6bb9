"""export: a saved page or chronology is whole, readable by others as any new file is, and safe."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from reader.core.errors import ExportError
from reader.core.ingest import reading as ingest
from reader.core.mentions import PERSON, Mention
from reader.core.present import export


def test_a_saved_page_gets_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        export.save(tmp_path / "page.html", "<p>Ruling</p>")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "page.html").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temporary file left


def test_saving_over_a_page_replaces_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    export.save(target, "old " * 1000)
    export.save(target, "new")
    assert target.read_text("utf-8") == "new"


def test_a_page_that_cannot_be_saved_raises_a_readable_error(tmp_path: Path) -> None:
    (tmp_path / "page.html").mkdir()
    with pytest.raises(ExportError, match="a folder of that name is in the way"):
        export.save(tmp_path / "page.html", "x")


def test_the_page_is_marked_and_carries_no_script(tmp_path: Path) -> None:
    source = tmp_path / "ruling.md"
    source.write_text(
        "# Ruling\n\nJudge Mary Marlowe ruled. <script>alert(1)</script>"
        '<img src=x onerror="alert(2)">\n',
        "utf-8",
    )
    article = ingest.load_article(source)
    start = article.body.index("Mary")
    name = Mention(start, start + len("Mary Marlowe"), "Mary Marlowe", PERSON)
    page = export.article_page(article, [name])
    assert page.startswith("<!DOCTYPE html>")
    assert '<span class="person"' in page
    assert "<script" not in page
    assert re.search(r"<[^>]*onerror", page) is None  # shown as text at most, never a tag
    assert '<span class="person"' not in export.article_page(
        article, [name], hidden_labels=frozenset({PERSON})
    )
