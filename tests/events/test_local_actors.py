"""Unowned police, protesters and civilians take the country their events happen in."""

from __future__ import annotations

from newsgraph.pipeline import extract
from newsgraph.records import Actor, Extraction
from newsgraph.text.article import Metadata, make_article


def code(text: str) -> Extraction:
    return extract(make_article(text, Metadata(published="2016-05-02"), "test"))


def actor(record: Extraction, actor_id: str) -> Actor:
    return next(a for a in record.actors if a.id == actor_id)


def test_police_and_the_people_they_arrest_in_a_city_are_that_country_s():
    record = code("Police arrested 20 men in Dhaka on Sunday.")
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert actor(record, arrest.source[0]).cameo == "BGDCOP"
    assert actor(record, arrest.target[0]).country == "BGD"


def test_both_sides_of_a_street_clash_are_local():
    record = code("Protesters clashed with police in Cairo on Friday.")
    clash = next(e for e in record.events if e.type == "PROTEST")
    assert {actor(record, i).cameo for i in (*clash.source, *clash.target)} == {"EGYOPP", "EGYCOP"}


def test_victims_of_a_foreign_attack_are_civilians_of_the_place_not_of_the_attacker():
    record = code("Five villagers were killed in an Israeli air strike in the Gaza Strip on Friday.")
    strike = next(e for e in record.events if e.type == "ASSAULT")
    assert {actor(record, i).country for i in strike.source} == {"ISR"}
    assert {actor(record, i).country for i in strike.target} == {"PSE"}


def test_people_away_from_home_and_officials_are_not_placed_by_where_they_act():
    hostages = code("Gunmen seized hostages in Bamako on Monday. Kidnappers released two foreign hostages in Bamako.")
    placed = {a.name: a.country for a in hostages.actors if a.sector == "CVL"}
    assert placed == {"hostages": None, "two foreign hostages": None}
    official = code("The minister met protesters in Cairo on Monday.")
    assert {(a.sector, a.country) for a in official.actors} == {("GOV", None), ("OPP", "EGY")}


def test_an_actor_whose_events_lie_in_two_countries_stays_unplaced():
    record = code("Police arrested 20 men in Dhaka on Sunday and arrested 30 more in Karachi on Monday.")
    police = [a for a in record.actors if a.sector == "COP" and a.role != "implied by the event"]
    assert police and all(a.country is None for a in police)


def test_without_a_place_the_police_keep_no_country():
    record = code("Police arrested 20 men on Sunday.")
    assert [a for a in record.actors if a.sector == "COP"]
    assert all(a.country is None for a in record.actors if a.sector == "COP")


def test_a_place_in_the_actor_s_own_name_says_whose_it_is():
    record = code("Mumbai police arrested 63 rioters.")
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert arrest.place is None  # the event itself is placed nowhere …
    assert actor(record, arrest.source[0]).cameo == "INDCOP"  # … but the police are Mumbai's
