"""Behaviour of the places stage on short texts: real spaCy parse, real gazetteer."""

from __future__ import annotations

import pytest

from newsgraph.document.document import parse
from newsgraph.places import anchor_event, find_places
from newsgraph.places.context import distance_km
from newsgraph.records import Place
from newsgraph.text.article import Metadata, make_article


def places_of(text: str) -> tuple[Place, ...]:
    return find_places(parse(make_article(text, Metadata(published="2020-03-01"), "test")))


def named(places: tuple[Place, ...], mention: str) -> Place:
    found = [p for p in places if any(m.text == mention for m in p.mentions)]
    assert found, f"no place mentioned as {mention!r} in {[p.name for p in places]}"
    return found[0]


def test_country_gets_its_centre_not_its_capital():
    place = named(places_of("Aid convoys kept arriving in Iraq throughout the winter."), "Iraq")
    assert place.feature == "country" and place.country == "IRQ"
    assert place.geonameid == 99237
    baghdad = (33.34, 44.40)
    assert distance_km(place.lat, place.lon, *baghdad) > 50  # never the capital's coordinates
    assert place.admin1 is None


def test_capital_as_place_is_kept_but_capital_as_speaker_is_not():
    places = places_of("Talks were held in Washington last week. Washington said it would not send troops.")
    washington = named(places, "Washington")
    assert washington.country == "USA" and washington.feature == "city"
    assert len(washington.mentions) == 1  # only "in Washington"; "Washington said" is an actor
    assert washington.mentions[0].start < 40


def test_metonymy_with_modal_and_conjoined_subject():
    places = places_of("Moscow would not support the plan. Later, talks opened in Geneva.")
    assert not any(m.text == "Moscow" for p in places for m in p.mentions)
    assert named(places, "Geneva").country == "CHE"


def test_country_qualifier_steers_an_ambiguous_city():
    place = named(places_of("Protesters gathered in Tripoli, Lebanon, on Friday."), "Tripoli")
    assert place.country == "LBN"
    lebanon = named(places_of("Protesters gathered in Tripoli, Lebanon, on Friday."), "Lebanon")
    assert lebanon.feature == "country"


def test_a_country_opening_the_next_phrase_is_no_qualifier():
    place = named(places_of("After three days of talks in Geneva, US Secretary of State John Kerry spoke."), "Geneva")
    assert place.country == "CHE"


def test_state_abbreviation_qualifier():
    places = places_of("A warehouse fire in Long Beach, CA forced evacuations.")
    long_beach = named(places, "Long Beach")
    assert long_beach.country == "USA" and long_beach.admin1 == "California"
    assert named(places, "CA").feature == "admin1"


def test_state_name_qualifier_picks_that_state():
    place = named(places_of("The factory in Springfield, Illinois closed on Monday."), "Springfield")
    assert place.admin1 == "Illinois"
    assert distance_km(place.lat, place.lon, 39.80, -89.64) < 20


def test_province_word_gives_the_first_level_region():
    places = places_of("Heavy fighting was reported in Helmand province on Sunday.")
    helmand = named(places, "Helmand")
    assert helmand.feature == "admin1" and helmand.country == "AFG"
    assert helmand.geonameid is None  # an admin1 centre we computed has no GeoNames id


def test_mentions_of_one_place_are_merged_and_offsets_hold():
    text = "Syria’s army advanced. Refugees left Syria for Jordan. Aid reached Idlib province and Idlib."
    places = places_of(text)
    syria = named(places, "Syria")
    assert [m.text for m in syria.mentions] == ["Syria", "Syria"]
    idlib = named(places, "Idlib")
    assert len(idlib.mentions) == 2 and idlib.feature == "admin1"
    assert [p.id for p in places] == [f"p{i}" for i in range(1, len(places) + 1)]
    for place in places:
        for m in place.mentions:
            assert text[m.start:m.end] == m.text


def test_demonyms_are_not_places():
    places = places_of("Iraqi and American officials met to discuss security.")
    assert places == ()


def test_seas_and_regions_come_from_our_table():
    places = places_of("Tankers crossed the Strait of Hormuz into the Gulf of Oman.")
    hormuz = named(places, "Strait of Hormuz")
    assert hormuz.feature == "other" and hormuz.lat is not None


def test_anchor_prefers_the_place_in_the_event_clause():
    text = "Troops shelled rebel positions in Homs while the minister spoke in Damascus."
    document = parse(make_article(text, Metadata(), "test"))
    places = find_places(document)
    homs, damascus = named(places, "Homs"), named(places, "Damascus")
    shelled = text.index("shelled")
    spoke = text.index("spoke")
    assert anchor_event(document, places, shelled, shelled + len("shelled")) == homs.id
    assert anchor_event(document, places, spoke, spoke + len("spoke")) == damascus.id


def test_anchor_takes_a_place_that_is_the_trigger_object():
    text = "Rebels captured Raqqa after officials in Damascus denied it."
    document = parse(make_article(text, Metadata(), "test"))
    places = find_places(document)
    captured = text.index("captured")
    assert anchor_event(document, places, captured, captured + len("captured")) == named(places, "Raqqa").id


def test_a_country_that_only_funds_or_backs_something_is_not_where_the_event_is():
    text = "Before his arrest the blogger gave interviews to the US-funded Radio Farda."
    document = parse(make_article(text, Metadata(), "test"))
    places = find_places(document)
    arrest = text.index("arrest")
    assert named(places, "US")  # the name is still a place of the article …
    assert anchor_event(document, places, arrest, arrest + len("arrest")) is None  # … but not the arrest's


def test_dateline_is_a_place_and_the_fallback_anchor():
    text = "TRIPOLI — Rival militias clashed overnight, residents said.\n\nThe fighting stopped at dawn."
    document = parse(make_article(text, Metadata(), "test"))
    places = find_places(document)
    tripoli = named(places, "TRIPOLI")
    assert tripoli.country == "LBY"
    stopped = text.index("stopped")
    assert anchor_event(document, places, stopped, stopped + len("stopped")) == tripoli.id


def test_no_place_no_anchor():
    text = "The committee met and agreed on a budget."
    document = parse(make_article(text, Metadata(), "test"))
    places = find_places(document)
    assert places == ()
    assert anchor_event(document, places, 14, 17) is None


@pytest.mark.parametrize("text, mention, country", [
    ("Flooding hit villages near Peshawar.", "Peshawar", "PAK"),
    ("Clashes erupted in Aleppo on Monday.", "Aleppo", "SYR"),
])
def test_mislabelled_or_plain_city_after_locative(text: str, mention: str, country: str):
    assert named(places_of(text), mention).country == country


def test_metonym_spans_from_the_actor_stage_are_not_places():
    text = "Officials in Cairo met envoys. Cairo rejected the offer."
    document = parse(make_article(text, Metadata(), "test"))
    first = (text.index("Cairo"), text.index("Cairo") + 5)
    assert [m.text for p in find_places(document) for m in p.mentions if m.text == "Cairo"][:1] == ["Cairo"]
    assert not any(m.start == first[0] for p in find_places(document, [first]) for m in p.mentions)
