"""The library on disk: incremental import, search, and what survives."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import TEXT

from reader.core.errors import IndexBusyError
from reader.core.index import Filters
from reader.core.index import whoosh_index as index
from reader.core.index.analysis import analyzer
from reader.core.library import Library, progress
from reader.core.library.writelock import WriteLock
from tests.conftest import SEED_000, SEED_001


def _import(library: Library, *paths: Path) -> list[progress.Progress]:
    return list(library.import_paths(list(paths)))


def _names(library: Library, query: str) -> list[str]:
    return sorted(hit.path.name for hit in library.search(query).hits)


@pytest.fixture
def seeded(tmp_path: Path, seeds_dir: Path) -> Library:
    library = Library.open(tmp_path / "lib", samples=False)
    _import(library, seeds_dir)
    return library


def test_new_library_starts_with_the_sample_articles(tmp_path: Path, sample_dir: Path) -> None:
    library = Library.open(tmp_path / "lib")
    assert library.article_count() == len(list(sample_dir.glob("*.md")))
    assert library.search("Baldwin").total >= 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hutchins", [SEED_000.name, SEED_001.name]),
        ("Raul Torrez", [SEED_000.name, SEED_001.name]),
        ("raúl torrez", [SEED_000.name, SEED_001.name]),
        ("Gutierrez-Reed", [SEED_001.name]),
        ("Morrisey", [SEED_000.name]),
        ('"Kari Morrisey"', [SEED_000.name]),
        ("Zemko OR Morrisey", [SEED_000.name, SEED_001.name]),
        ("Baldwin NOT Zemko", [SEED_000.name]),
        ("Gutier*", [SEED_001.name]),
        ("Moriseyy~2", [SEED_000.name]),
        ("title:looms", [SEED_001.name]),
        ('title:"looms"', [SEED_001.name]),
        ('person:"Kari Morrisey"', [SEED_000.name]),
    ],
)
def test_search_finds_the_right_seeds(seeded: Library, query: str, expected: list[str]) -> None:
    assert _names(seeded, query) == expected
    assert seeded.search(query).notes == []


def test_an_excluded_word_is_never_marked_in_a_snippet(seeded: Library) -> None:
    result = seeded.search("Hutchins OR NOT Baldwin")
    assert result.total >= 2
    assert all("<b>Hutchins</b>" in hit.snippet for hit in result.hits)
    assert not any("<b>Baldwin" in hit.snippet for hit in result.hits)


@pytest.mark.parametrize(
    "query", ['"Baldwin AND (', "AND", "((", "*", 'Baldwin"', "NOT NOT", "title:", ":::", "a~99"]
)
def test_malformed_queries_are_answered_not_raised(seeded: Library, query: str) -> None:
    result = seeded.search(query)
    assert result.searched is not None
    if query == '"Baldwin AND (':
        assert result.total == 2
        assert result.notes


def test_hits_carry_title_date_and_highlighted_snippet(seeded: Library) -> None:
    result = seeded.search("Morrisey")
    (hit,) = result.hits
    assert hit.published == "2024-12-26"
    assert hit.title.startswith("Alec Baldwin still faces civil lawsuit")
    assert "<b>Morrisey</b>" in hit.snippet
    assert hit.score > 0


def test_did_you_mean_spells_a_name_from_the_index(seeded: Library) -> None:
    result = seeded.search("Torez")
    assert result.total == 0
    assert result.suggestion == "torrez"


def test_reimport_skips_unchanged_files(seeded: Library, seeds_dir: Path) -> None:
    statuses = {step.status for step in _import(seeded, seeds_dir)}
    assert statuses == {progress.UNCHANGED}


def test_changed_file_is_reindexed_and_deleted_file_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text("Verdict in Smith case\n\nJudge Alvarez ruled.", "utf-8")
    (folder / "b.txt").write_text("Appeal lodged\n\nThe Crown appealed.", "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    _import(library, folder)
    assert library.article_count() == 2

    (folder / "a.txt").write_text("Verdict in Smith case\n\nJudge Okafor ruled.", "utf-8")
    (folder / "b.txt").unlink()
    steps = {step.path.name: step.status for step in _import(library, folder)}
    assert steps == {"a.txt": progress.UPDATED, "b.txt": progress.REMOVED}
    assert library.article_count() == 1
    assert _names(library, "Okafor") == ["a.txt"]
    assert _names(library, "Alvarez") == []
    assert _names(library, "Crown") == []


def test_duplicate_content_is_collapsed(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("one.txt", "copy.txt"):
        (folder / name).write_text("Jury out\n\nThe jury retired.", "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    statuses = sorted(step.status for step in _import(library, folder))
    assert statuses == [progress.ADDED, progress.DUPLICATE]
    assert library.article_count() == 1


def test_bad_files_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "good.md").write_text("# Ruling\n\nThe court ruled.", "utf-8")
    (folder / "bad.md").write_bytes(b"%PDF-1.4\x00\x00")
    library = Library.open(tmp_path / "lib", samples=False)
    steps = {step.path.name: step for step in _import(library, folder)}
    assert steps["bad.md"].status == progress.FAILED
    assert "PDF" in (steps["bad.md"].problem or "")
    assert steps["good.md"].status == progress.ADDED
    assert library.article_count() == 1


def test_a_stopped_import_keeps_its_committed_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10):
        (folder / f"{i:02d}.txt").write_text(
            f"Story {i}\n\nWitness number w{i} testified.", "utf-8"
        )
    monkeypatch.setattr("reader.core.library.importer.BATCH_FILES", 4)
    library = Library.open(tmp_path / "lib", samples=False)
    steps = library.import_paths([folder])
    for step in steps:
        if step.done == 7:
            break
    steps.close()  # the user cancelled after 7 files
    reopened = Library.open(tmp_path / "lib", samples=False)
    assert reopened.article_count() == 4  # the first batch; the half-done one is not visible
    statuses = [s.status for s in reopened.import_paths([folder])]
    assert statuses.count(progress.UNCHANGED) == 4
    assert reopened.article_count() == 10


def test_second_import_is_refused_with_a_sentence(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib", samples=False)
    with WriteLock(library.root), pytest.raises(IndexBusyError, match="already running"):
        _import(library, tmp_path)


def test_library_keeps_its_own_copy_of_each_article(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("Sentencing\n\nThe defendant was sentenced.", "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    _import(library, source)
    source.unlink()
    copies = [p for p in (library.root / "store").rglob("*") if p.is_file()]
    assert [p.read_text("utf-8") for p in copies] == ["Sentencing\n\nThe defendant was sentenced."]
    article = library.article(library.search("sentenced").hits[0].article_id)
    assert article.title == "Sentencing"


def test_date_search_on_publication_date(seeded: Library) -> None:
    assert _names(seeded, "2024-12-26") == [SEED_000.name]
    assert _names(seeded, "2024-12-25") == []
    assert _names(seeded, "Hutchins 2024") == [SEED_000.name]


def test_manifest_is_rebuilt_when_lost(seeded: Library, seeds_dir: Path) -> None:
    os.remove(seeded.manifest_path)
    statuses = {step.status for step in _import(seeded, seeds_dir)}
    assert statuses == {progress.UNCHANGED}


def test_facets_count_spellings_of_one_person_once(seeded: Library) -> None:
    people = dict(seeded.search("Torrez", facets=True).facets["person"])
    assert people["Raúl Torrez"] == 2
    assert "Raul Torrez" not in people


@pytest.mark.parametrize("name", ["Raúl Torrez", "raul torrez", "RAUL  TORREZ"])
def test_filter_by_person_ignores_case_and_accents(seeded: Library, name: str) -> None:
    assert seeded.search("Baldwin", filters=Filters(people=(name,))).total == 2
    assert seeded.search("Baldwin", filters=Filters(people=("Svetlana Zemko",))).total == 1


def test_filter_by_publication_range(seeded: Library) -> None:
    found = seeded.search("Baldwin", filters=Filters(published_from="2024-12"))
    assert [hit.path.name for hit in found.hits] == [SEED_000.name]


def test_a_prefix_matching_many_words_searches_the_most_common(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        common = " abacus" if i % 2 else ""
        (folder / f"{i:03d}.txt").write_text(f"Word {i}\n\nThe word abac{i:03d}x{common}.", "utf-8")
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    result = library.search("abac*")
    assert any("most common were searched" in note for note in result.notes)
    assert result.total >= 60  # "abacus", the most common word, is among those searched


def test_invisible_characters_inside_a_word_do_not_hide_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Verdict\n\nThe ju\u200bry returned a ver\u00addict.", "utf-8")
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([story]))
    assert library.search("jury verdict").total == 1


def test_filter_up_to_a_date_excludes_later_and_undated_articles(seeded: Library) -> None:
    found = seeded.search("Baldwin", filters=Filters(published_to="2024-12-25"))
    assert found.total == 0  # seed 000 is from 26 December 2024; seed 001 has no date
    found = seeded.search("Baldwin", filters=Filters(published_to="2024-12-26"))
    assert [hit.path.name for hit in found.hits] == [SEED_000.name]


def test_latest_lists_newest_first_and_undated_last(tmp_path: Path, sample_dir: Path) -> None:
    library = Library.open(tmp_path / "lib")
    dates = [hit.published for hit in library.latest(20).hits]
    assert dates[0] == "2024-12-24"
    assert dates[-1] is None
    assert library.latest(20).total == len(list(sample_dir.glob("*.md")))


def test_latest_counts_the_entities_of_the_newest_articles(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib")
    everything = library.search("Baldwin OR Hutchins OR Allred", 20, facets=True)
    newest = library.latest(2, facets=True)
    assert len(newest.hits) == 2
    assert (
        dict(newest.facets["person"])["Alec Baldwin"]
        == dict(everything.facets["person"])["Alec Baldwin"]
    )
    assert library.latest(2).facets == {}


def test_many_small_imports_do_not_pile_up_segments(tmp_path: Path) -> None:
    """Each import commits a segment; every search visits all of them, so they are merged."""
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    for n in range(3 * index.TIER_WIDTH):
        article = tmp_path / f"note-{n}.md"
        article.write_text(f"# Hearing {n}\n\nThe clerk filed docket entry zq{n}.\n")
        _import(library, article)
    assert len(library.ix._segments()) <= index.TIER_WIDTH  # 24 without merging
    assert library.search("clerk").total == 3 * index.TIER_WIDTH
    assert [hit.title for hit in library.search("zq7").hits] == ["Hearing 7"]


def test_reimporting_changed_articles_does_not_keep_their_old_versions(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    folder = tmp_path / "articles"
    folder.mkdir()
    for round_ in range(3):
        for n in range(20):
            (folder / f"{n:02d}.md").write_text(f"# Order {n}\n\nAmended r{round_} text {n}.\n")
        _import(library, folder)
    with library.ix.searcher() as searcher:
        assert searcher.doc_count() == 20
        assert searcher.doc_count_all() == 20  # no replaced versions left on disk
    assert library.search("r2").total == 20


def test_a_big_import_ends_with_few_segments(tmp_path: Path) -> None:
    """An import commits in batches; its last commit merges them, so searches stay fast.

    288 files make batches of 64, 64, 64 and 96: the last file fills the last batch.
    """
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(288):
        (folder / f"{n:03d}.md").write_text(f"# Minute {n}\n\nThe panel heard case q{n}.\n")
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    steps = _import(library, folder)
    assert len({step.committed for step in steps}) > 2  # several batches were committed
    assert len(library.ix._segments()) == 1
    assert library.search("panel").total == 288
    assert steps[-1].committed == 288  # the last progress report counts the last batch


def test_phrase_and_expanded_words_are_marked_in_snippets(seeded: Library) -> None:
    phrase = seeded.search('"Kari Morrisey"')
    assert "<b>Kari Morrisey</b>" in phrase.hits[0].snippet
    entity = seeded.search('person:"Kari Morrisey"')
    assert "<b>Kari Morrisey</b>" in entity.hits[0].snippet
    fuzzy = seeded.search("Morisey~1")
    assert "morrisey" in fuzzy.words
    assert "<b>Morrisey</b>" in fuzzy.hits[0].snippet


def test_a_library_made_with_stored_character_offsets_still_searches_and_marks(
    tmp_path: Path, seeds_dir: Path
) -> None:
    # Libraries made before snippet.py stored offsets with the body; Whoosh keeps that schema.
    old_schema = index.schema()
    old_schema.remove("body")
    old_schema.add("body", TEXT(analyzer=analyzer(), stored=True, chars=True))
    (tmp_path / "lib" / "index").mkdir(parents=True)
    whoosh_index.create_in(str(tmp_path / "lib" / "index"), old_schema, indexname=index.INDEX_NAME)
    library = Library.open(tmp_path / "lib", samples=False)
    _import(library, seeds_dir)
    assert library.ix.schema["body"].supports("characters")
    result = library.search('"Kari Morrisey"')
    assert result.total == 1
    assert "<b>Kari Morrisey</b>" in result.hits[0].snippet


def test_a_new_library_folder_is_private_to_its_user(tmp_path: Path) -> None:
    # It holds copies of case documents; other accounts on the machine must not read them.
    Library.open(tmp_path / "cases" / "lib", samples=False, extractor=lambda article: [])
    assert stat.S_IMODE((tmp_path / "cases" / "lib").stat().st_mode) == 0o700
    # Its files are private too, whatever the umask, for folders made by earlier versions.
    previous = os.umask(0o022)
    try:
        older = tmp_path / "older"
        older.mkdir(mode=0o755)
        (older / "manifest.json").write_text('{"sources": {}}', "utf-8")  # not new, then
        library = Library.open(older, samples=False, extractor=lambda article: [])
        list(library.import_paths([SEED_000]))
    finally:
        os.umask(previous)
    private = [older / "manifest.json", *(older / "store").rglob("*.*")]
    assert len(private) >= 2  # the manifest and the copy of the article
    assert {stat.S_IMODE(p.stat().st_mode) for p in private} == {0o600}
    made_by_the_app = tmp_path / "home" / "library"  # which writes its log there first
    made_by_the_app.mkdir(parents=True)
    (made_by_the_app / "reader.log").write_text("", "utf-8")
    Library.open(made_by_the_app, samples=False, extractor=lambda article: [])
    assert stat.S_IMODE(made_by_the_app.stat().st_mode) == 0o700


def test_a_folder_of_the_users_own_files_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "cases"
    shared.mkdir()
    shared.chmod(0o755)
    (shared / "brief.docx").write_bytes(b"PK")
    Library.open(shared, samples=False, extractor=lambda article: [])
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
