from datetime import date
from pathlib import Path

from reader.core.entities import extraction_cache
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.mentions import MONEY, PERSON, Mention

MENTIONS = [
    Mention(0, 5, "Alice", PERSON, canonical="Alice Wu"),
    Mention(9, 17, "$750,000", MONEY, value="750000 USD"),
]


def test_cache_returns_what_was_put(tmp_path: Path) -> None:
    key = extraction_cache.key("text", date(2024, 1, 2), "v1")
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        assert cache.get(key) is None
        cache.put(key, MENTIONS)
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        assert cache.get(key) == MENTIONS


def test_key_depends_on_text_date_and_version() -> None:
    keys = {
        extraction_cache.key("text", None, "v1"),
        extraction_cache.key("text", date(2024, 1, 2), "v1"),
        extraction_cache.key("text", None, "v2"),
        extraction_cache.key("other", None, "v1"),
    }
    assert len(keys) == 4


def test_damaged_cache_file_is_treated_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with ExtractionCache(path) as cache:
        assert cache.get("k") is None
        cache.put("k", MENTIONS)
        assert cache.get("k") == MENTIONS
