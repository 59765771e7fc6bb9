from reader.core.entities import entity_table
from reader.core.mentions import DATE, PERSON, Mention


def test_table_merges_accented_spellings_across_articles() -> None:
    rows = entity_table.build(
        [
            (
                "a1",
                [
                    Mention(0, 11, "Raul Torrez", PERSON, canonical="Raul Torrez"),
                    Mention(20, 26, "Torrez", PERSON, canonical="Raul Torrez"),
                ],
            ),
            (
                "a2",
                [
                    Mention(0, 11, "Raúl Torrez", PERSON, canonical="Raúl Torrez"),
                    Mention(15, 19, "2021", DATE),
                ],
            ),
        ]
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row.key, row.label, row.articles, row.mentions) == (
        "raul torrez",
        PERSON,
        ("a1", "a2"),
        3,
    )
    assert row.name == "Raul Torrez"
    assert set(row.aliases) == {"Torrez", "Raúl Torrez"}


def test_table_is_sorted_by_mention_count() -> None:
    one = Mention(0, 3, "Ann", PERSON, canonical="Ann Lee")
    two = Mention(0, 3, "Bob", PERSON, canonical="Bob Ray")
    rows = entity_table.build([("a", [one, two, two])])
    assert [r.name for r in rows] == ["Bob Ray", "Ann Lee"]
