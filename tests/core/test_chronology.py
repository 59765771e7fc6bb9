"""chronology: dated events across articles, grouped, ordered, with conflicting dates flagged."""

from __future__ import annotations

import csv
import io
from datetime import date

import markdown
import pytest

from reader.core.mentions import DATE, LEGAL, PERSON, Mention
from reader.core.present import chronology


def _article(text: str, dated: dict[str, str], people: tuple[str, ...] = ()) -> list[Mention]:
    """Mentions as the extractors would give them: DATEs with values and PERSONs."""
    found = []
    for phrase, value in dated.items():
        start = text.index(phrase)
        found.append(Mention(start, start + len(phrase), phrase, DATE, value=value))
    for name in people:
        start = text.index(name.split()[-1])
        found.append(Mention(start, start + len(name.split()[-1]), name.split()[-1], PERSON,
                             canonical=name))  # fmt: skip
    return found


A = "Judge Ruiz dismissed the case against Dana Cole in July 2024. The appeal came later."
B = "The case against Cole was dismissed on July 12, 2024, by a judge."
C = "Cole's case was dismissed in August 2024, one outlet said."


def test_build_groups_the_same_event_from_several_articles() -> None:
    groups = chronology.build(
        [
            ("a", "First report", A, _article(A, {"July 2024": "2024-07"}, ("Dana Cole",))),
            ("b", "Second report", B, _article(B, {"July 12, 2024": "2024-07-12"}, ("Dana Cole",))),
        ]
    )
    (group,) = groups
    assert [e.article_id for e in group.events] == ["a", "b"]
    assert (group.event_word, group.people, group.conflict) == ("dismissal", ("Dana Cole",), False)
    assert group.value == "2024-07-12"


def test_build_flags_articles_that_disagree_on_the_date() -> None:
    groups = chronology.build(
        [
            ("a", "First report", A, _article(A, {"July 2024": "2024-07"}, ("Dana Cole",))),
            ("c", "Third report", C, _article(C, {"August 2024": "2024-08"}, ("Dana Cole",))),
        ]
    )
    assert [g.conflict for g in groups] == [True]
    assert "conflicting dates" in chronology.to_markdown(groups)


def test_build_orders_events_by_date_and_skips_undated_mentions() -> None:
    text = "A hearing took place in 2023. Another came on March 3, 2021. Soon after, nothing."
    mentions = [
        *_article(text, {"2023": "2023", "March 3, 2021": "2021-03-03"}),
        Mention(text.index("Soon"), text.index("Soon") + 4, "Soon", DATE),
        Mention(0, 1, "A", LEGAL, subtype="PROCEEDING"),
    ]
    groups = chronology.build([("x", "Only", text, mentions)])
    assert [g.events[0].first for g in groups] == [date(2021, 3, 3), date(2023, 1, 1)]


def test_exports_list_every_event() -> None:
    groups = chronology.build(
        [("a", "First report", A, _article(A, {"July 2024": "2024-07"}, ("Dana Cole",)))]
    )
    lines = chronology.to_csv(groups).splitlines()
    assert lines[0].startswith("date,first,last,event,people")
    assert lines[1].startswith("2024-07,2024-07-01,2024-07-31,dismissal,Dana Cole")
    assert "## July 2024 — dismissal Dana Cole" in chronology.to_markdown(groups)


def test_csv_cells_from_an_article_are_never_read_as_formulas() -> None:
    text = '=HYPERLINK("http://evil.example","Click") was filed on July 1, 2024.'
    title = "+cmd|' /C calc'!A0"
    groups = chronology.build([("a", title, text, _article(text, {"July 1, 2024": "2024-07-01"}))])
    (row,) = list(csv.DictReader(io.StringIO(chronology.to_csv(groups))))
    assert row["sentence"].startswith("'=HYPERLINK")
    assert row["article_title"] == "'" + title
    assert row["date"] == "2024-07-01"


@pytest.mark.parametrize("start", [" =", "\uff1d", "\t=", "@"])
def test_csv_cells_that_a_spreadsheet_might_trim_to_a_formula_are_prefixed(start: str) -> None:
    text = f'{start}HYPERLINK("http://evil.example") was filed on July 1, 2024.'
    groups = chronology.build([("a", "T", text, _article(text, {"July 1, 2024": "2024-07-01"}))])
    (row,) = list(csv.DictReader(io.StringIO(chronology.to_csv(groups))))
    assert row["sentence"].startswith("'")


def test_markdown_shows_article_text_as_text() -> None:
    text = "<img src=x onerror=alert(1)> [open](javascript:alert(2)) was filed on July 1, 2024."
    groups = chronology.build(
        [("a", "*Bold* <b>", text, _article(text, {"July 1, 2024": "2024-07-01"}))]
    )
    page = markdown.markdown(chronology.to_markdown(groups, {"a": "file:///cases/a%20b.md"}))
    assert "<img" not in page
    assert 'href="javascript' not in page
    assert "<b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; [open](javascript:alert(2))" in page
    assert 'href="file:///cases/a%20b.md"' in page
