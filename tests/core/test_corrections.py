from pathlib import Path

from reader.core.entities import corrections
from reader.core.entities.corrections import Corrections
from reader.core.mentions import ORG, PERSON, PLACE, Mention

ROWS = [
    Mention(0, 12, "Alec Baldwin", PERSON, canonical="Alec Baldwin"),
    Mention(20, 27, "Baldwin", PERSON, canonical="Alec Baldwin"),
    Mention(30, 34, "Rust", ORG, canonical="Rust"),
    Mention(40, 50, "Rust Films", ORG, canonical="Rust Films"),
]


def test_hide_drops_every_mention_of_the_entity() -> None:
    fixed = corrections.apply(corrections.hide(Corrections(), "ALEC BALDWIN"), ROWS)
    assert [m.text for m in fixed] == ["Rust", "Rust Films"]


def test_relabel_changes_the_type() -> None:
    fixed = corrections.apply(corrections.relabel(Corrections(), "Rust", PLACE), ROWS)
    assert [m.label for m in fixed if m.text == "Rust"] == [PLACE]


def test_merge_then_split_restores_the_entity() -> None:
    merged = corrections.merge(Corrections(), "Rust", "Rust Films")
    assert {m.canonical for m in corrections.apply(merged, ROWS) if m.label == ORG} == {
        "Rust Films"
    }
    restored = corrections.split(merged, "Rust")
    assert corrections.apply(restored, ROWS) == ROWS


def test_split_detaches_an_alias_from_its_canonical_name() -> None:
    fixed = corrections.apply(corrections.split(Corrections(), "Baldwin"), ROWS)
    assert [m.canonical for m in fixed if m.text == "Baldwin"] == ["Baldwin"]


def test_merge_cycle_does_not_loop() -> None:
    both = corrections.merge(
        corrections.merge(Corrections(), "Rust", "Rust Films"), "Rust Films", "Rust"
    )
    assert len(corrections.apply(both, ROWS)) == len(ROWS)


def test_corrections_survive_save_and_load(tmp_path: Path) -> None:
    c = corrections.hide(corrections.relabel(Corrections(), "Rust", PLACE), "Baldwin")
    c = corrections.split(corrections.merge(c, "Rust", "Rust Films"), "Halyna")
    path = tmp_path / "sub" / "corrections.json"
    corrections.save(c, path)
    assert corrections.load(path) == c
    assert list(path.parent.iterdir()) == [path]


def test_unreadable_corrections_file_gives_no_corrections(tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")
    assert corrections.load(tmp_path / "c.json") == Corrections()
    assert corrections.load(tmp_path / "missing.json") == Corrections()
