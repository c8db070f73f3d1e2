"""anchor_event: the date of the trigger's own clause first, the publication date last."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.dates import EventDate, anchor_event, find_dates
from newsgraph.document.document import Document

Parsed = Callable[..., Document]


def anchor(document: Document, trigger: str, occurrence: int = 0) -> EventDate:
    text = document.article.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    return anchor_event(document, find_dates(document), start, start + len(trigger))


def test_in_clause_date_beats_another_date_in_the_sentence(parsed: Parsed) -> None:
    document = parsed("The rebels, who seized the town in 2004, attacked the base on Sunday.")
    attacked = anchor(document, "attacked")
    assert (attacked.value, attacked.precision) == ("2014-01-05", "day")
    assert attacked.reason is not None and attacked.reason.startswith("'Sunday' (weekday before publication 2014-01-07")
    seized = anchor(document, "seized")
    assert (seized.value, seized.precision) == ("2004", "year")
    assert seized.reason is not None and "'2004'" in seized.reason


def test_no_time_expression_falls_back_to_publication_with_the_reason(parsed: Parsed) -> None:
    document = parsed("The army shelled the city. Talks ended on Monday.")
    shelled = anchor(document, "shelled")
    assert shelled == EventDate("2014-01-07", "day", "publication date (no time expression in the clause)")


def test_no_publication_date_and_no_expression_gives_no_date(parsed: Parsed) -> None:
    document = parsed("The army shelled the city.", None)
    assert anchor(document, "shelled") == EventDate(None, None, None)


def test_relative_date_without_publication_date_is_unknown_but_explained(parsed: Parsed) -> None:
    document = parsed("The army shelled the city on Sunday.", None)
    result = anchor(document, "shelled")
    assert (result.value, result.precision) == (None, None)
    assert result.reason is not None and "unknown" in result.reason and "'Sunday'" in result.reason


def test_complement_clause_takes_the_date_of_the_statement(parsed: Parsed) -> None:
    document = parsed("The minister declared on Sunday that his country would help the government.")
    helped = anchor(document, "help")
    assert helped.value == "2014-01-05"
    assert helped.reason is not None and "governing clause" in helped.reason


def test_relative_clause_date_does_not_date_the_main_verb(parsed: Parsed) -> None:
    document = parsed("The president, who was elected in 2004, said the army would withdraw.")
    said = anchor(document, "said")
    assert said.value == "2014-01-07"
    assert said.reason == "publication date (no time expression in the clause)"


def test_historical_year_carries_through(parsed: Parsed) -> None:
    document = parsed("US forces besieged the city in 2004 to crush the resistance.")
    besieged = anchor(document, "besieged")
    assert (besieged.value, besieged.precision) == ("2004", "year")
    assert besieged.reason == "'2004' (year; in the clause)"


def test_noun_trigger_takes_the_date_attached_to_it(parsed: Parsed) -> None:
    document = parsed("The attack on Monday killed five soldiers, officials said on Tuesday.")
    assert anchor(document, "attack").value == "2014-01-06"
    assert anchor(document, "said").value == "2014-01-07"
