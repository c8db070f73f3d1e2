"""Sports stories give actors and quotes but no events, unless the user asks for them."""

from __future__ import annotations

from newsgraph.pipeline import Options, extract
from newsgraph.text.article import Metadata, make_article

MATCH_REPORT = " ".join(
    [
        "Spain beat the United States in the final of the tennis tournament in Seville on Sunday.",
        "The Spanish team attacked from the first game and their top seed stormed into a 4-0 lead in the opening set.",
        "The American player battled hard in the second set but conceded the match after a long rally at the net.",
        "The coach praised his squad after the victory and said the fans in the stadium had carried the team.",
        "It was the third title for the club this season, and the captain said the players would celebrate the trophy.",
        "The defeated coach said his team would meet Spain again in the league next season and would try to win.",
        "Spain will play France in the semi-final of the championship, and the French coach has warned his players.",
        "The referee was criticised by the American coach after a penalty was awarded late in the game.",
        "The tournament draws more fans each season, and tickets for the final match sold out in an hour.",
        "The champion said the win was the best of his career and thanked the fans and his coach.",
    ]
)


def test_a_match_report_gives_no_events_unless_sport_is_asked_for():
    article = make_article(MATCH_REPORT, Metadata(published="2016-05-02"), "match")
    skipped = extract(article)
    assert skipped.actors and not skipped.events
    coded = extract(article, Options(code_sport=True))
    assert coded.events and coded.coder.endswith("+sport") and not skipped.coder.endswith("+sport")


def test_a_short_war_report_that_speaks_of_victory_is_still_coded():
    record = extract(make_article("Government troops won a victory over the rebels and shelled the town of Homs.",
                                  Metadata(published="2016-05-02"), "war"))
    assert any(e.type == "ASSAULT" for e in record.events)
