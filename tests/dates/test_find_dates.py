"""find_dates on short made-up sentences through the real parser (published Tuesday 2014-01-07
unless stated)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.dates import find_dates
from newsgraph.document.document import Document

Parsed = Callable[..., Document]


def values(parsed: Parsed, text: str, published: str | None = "2014-01-07") -> dict[str, tuple[str | None, str | None]]:
    return {d.text: (d.value, d.precision) for d in find_dates(parsed(text, published))}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The minister resigned on Sunday.", "2014-01-07", {"Sunday": ("2014-01-05", "day")}),
        ("Rebels told reporters Monday that they had withdrawn.", "2014-01-07", {"Monday": ("2014-01-06", "day")}),
        ("The talks ended on Tuesday.", "2014-01-07", {"Tuesday": ("2014-01-07", "day")}),
        ("The two ministers will meet on Monday.", "2014-01-07", {"Monday": ("2014-01-13", "day")}),
        ("The two ministers are going to meet on Thursday.", "2014-01-07", {"Thursday": ("2014-01-09", "day")}),
        ("The ministers will meet on Monday.", "2014-01-06", {"Monday": ("2014-01-06", "day")}),
        ("The ministers meet again next Monday.", "2014-01-06", {"next Monday": ("2014-01-13", "day")}),
        ("The court ruled last Tuesday.", "2014-01-07", {"last Tuesday": ("2013-12-31", "day")}),
        ("The vote was postponed until Saturday.", "2014-01-07", {"Saturday": ("2014-01-04", "day")}),
        ("The vote has been postponed until Saturday.", "2014-01-07", {"Saturday": ("2014-01-11", "day")}),
    ],
)
def test_weekdays_follow_the_clause_tense(parsed: Parsed, text: str, published: str, expected: dict) -> None:
    assert values(parsed, text, published) == expected


def test_days_relative_to_publication(parsed: Parsed) -> None:
    found = values(parsed, "Police said yesterday that the attack came last night, and a trial opens tomorrow. "
                           "The envoy arrives tonight.")
    assert found == {
        "yesterday": ("2014-01-06", "day"),
        "last night": ("2014-01-06", "day"),
        "tomorrow": ("2014-01-08", "day"),
        "tonight": ("2014-01-07", "day"),
    }


def test_weeks_months_years_relative_to_publication(parsed: Parsed) -> None:
    found = values(parsed, "Troops moved in last week. Aid arrives next week. Talks resumed last month "
                           "and the deal may be signed next year.", "2014-01-02")
    assert found == {
        "last week": ("2013-W52", "week"),
        "next week": ("2014-W02", "week"),
        "last month": ("2013-12", "month"),
        "next year": ("2015", "year"),
    }


def test_last_month_name_crosses_the_year_boundary(parsed: Parsed) -> None:
    assert values(parsed, "The army seized the town last September.") == {"last September": ("2013-09", "month")}
    assert values(parsed, "The army seized the town last September.", "2014-10-01") == {
        "last September": ("2014-09", "month")
    }


def test_month_without_year_past_or_upcoming(parsed: Parsed) -> None:
    assert values(parsed, "The plant closed in September.", "2014-03-10") == {"September": ("2013-09", "month")}
    assert values(parsed, "The plant will reopen in September.", "2014-03-10") == {"September": ("2014-09", "month")}


def test_month_and_day_without_year_is_not_pushed_into_the_future(parsed: Parsed) -> None:
    found = values(parsed, "The ceasefire was signed on December 31 and broken on January 5.")
    assert found == {"December 31": ("2013-12-31", "day"), "January 5": ("2014-01-05", "day")}
    assert values(parsed, "Voters will go to the polls on December 31.") == {"December 31": ("2014-12-31", "day")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed on January 5, 2014.", {"January 5, 2014": ("2014-01-05", "day")}),
        ("The treaty was signed on 5 January 2014.", {"5 January 2014": ("2014-01-05", "day")}),
        ("The treaty was signed on Jan. 5, 2014.", {"Jan. 5, 2014": ("2014-01-05", "day")}),
        ("The treaty was signed on 2014-01-05.", {"2014-01-05": ("2014-01-05", "day")}),
        ("The treaty was signed on 25/1/2014.", {"25/1/2014": ("2014-01-25", "day")}),
        ("The treaty was signed on 1/25/2014.", {"1/25/2014": ("2014-01-25", "day")}),
        # both numbers could be the month: only the year is certain
        ("The treaty was signed on 5/1/2014.", {"5/1/2014": ("2014", "year")}),
        ("The treaty was signed in March 2009.", {"March 2009": ("2009-03", "month")}),
        ("Profits fell in the third quarter of 2009.", {"the third quarter of 2009": ("2009-Q3", "quarter")}),
    ],
)
def test_explicit_dates(parsed: Parsed, text: str, expected: dict) -> None:
    assert values(parsed, text, "2015-06-01") == expected


def test_years_decades_and_ago(parsed: Parsed) -> None:
    found = values(parsed, "US forces besieged the city in 2004. The war of the 1990s ended. "
                           "The envoy visited two years ago and again three days ago.")
    assert found == {
        "2004": ("2004", "year"),
        "the 1990s": ("199", "decade"),
        "two years ago": ("2012", "year"),
        "three days ago": ("2014-01-04", "day"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Kerry is on a four-day diplomatic swing through the region.",
        "Nearly a decade of war had created a stable state.",
        "More than two years after the withdrawal, troops may return.",
        "The march drew 2004 people to the square.",
        "Officials may meet the rebels soon.",
        "The Sunday Times reported the story.",
        "Prime Minister Theresa May spoke to the press.",
        "Markets crashed on Black Monday.",
        "Exports were blamed for the fall.",
        "He said so on the Today programme.",
    ],
)
def test_durations_names_and_numbers_are_not_dates(parsed: Parsed, text: str) -> None:
    assert find_dates(parsed(text)) == ()


def test_without_publication_date_only_absolute_dates_get_values(parsed: Parsed) -> None:
    found = values(parsed, "The rebels attacked on Sunday, a year after the accord of January 5, 2013 "
                           "and the siege of 2004, and again yesterday.", None)
    assert found == {
        "Sunday": (None, None),
        "January 5, 2013": ("2013-01-05", "day"),
        "2004": ("2004", "year"),
        "yesterday": (None, None),
    }


def test_offsets_are_text_slices_across_paragraphs(parsed: Parsed) -> None:
    text = ("Fighting erupted on Friday night.\n\nOn Monday, the army said it had retaken the town,\n"
            "which rebels seized in early 2013.\n\nTalks resume on 12 March.")
    document = parsed(text)
    dates = find_dates(document)
    assert [d.text for d in dates] == ["Friday night", "Monday", "early 2013", "12 March"]
    for date in dates:
        assert text[date.start : date.end] == date.text


def test_a_paragraph_break_ends_an_expression(parsed: Parsed) -> None:
    dates = find_dates(parsed("Markets stay closed until Friday\n\nSeptember 18, 2008 - The exchange said."))
    assert [d.text for d in dates] == ["Friday", "September 18, 2008"]


def test_import_does_not_load_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, newsgraph.dates, newsgraph.evaluate.dates; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
