"""Places inside the article's area, abbreviated regions and prominence against local context.

Short texts of our own, parsed by the real spaCy model and resolved with the real gazetteer.
"""

from __future__ import annotations

import pytest

from newsgraph.document.document import parse
from newsgraph.errors import ConfigError
from newsgraph.places import find_places, tables
from newsgraph.places.context import distance_km
from newsgraph.places.gazetteer import Entry, gazetteer
from newsgraph.places.inside import inside_kind
from newsgraph.places.stage import resolve_spans
from newsgraph.records import Place
from newsgraph.text.article import Metadata, make_article

NEW_ORLEANS = (29.95, -90.07)


def _resolve(text: str, *mentions: str) -> list[Entry | None]:
    document = parse(make_article(text, Metadata(published="2020-03-01"), "test"))
    return resolve_spans(document, [(text.index(m), text.index(m) + len(m)) for m in mentions])


def _places(text: str) -> tuple[Place, ...]:
    return find_places(parse(make_article(text, Metadata(published="2020-03-01"), "test")))


def _named(places: tuple[Place, ...], mention: str) -> Place:
    found = [p for p in places if any(m.text == mention for m in p.mentions)]
    assert found, f"no place mentioned as {mention!r} in {[p.name for p in places]}"
    return found[0]


def _near(entry: Entry | Place | None, point: tuple[float, float], km: float) -> bool:
    return entry is not None and entry.lat is not None and entry.lon is not None and \
        distance_km(entry.lat, entry.lon, *point) <= km


def test_inside_words_are_read_from_the_name():
    assert inside_kind("Carnegie Library") == "facility"
    assert inside_kind("Rue Casa Calvo") == "street"
    assert inside_kind("Faubourg Marigny") == "district"
    assert inside_kind("Mississippi River") == "natural"
    assert inside_kind("Embassy of Armenia") == "foreign"
    assert inside_kind("Kandahar") is None and inside_kind("Library") is None  # a lone word names nothing


def test_facility_lies_in_the_article_town_not_at_a_namesake_of_its_word():
    (library,) = _resolve("Crowds filled the streets of New Orleans on Sunday. The parade ended at the "
                          "Carnegie Library, where brass bands played.", "Carnegie Library")
    assert library is not None and library.feature == "other" and library.geonameid is None
    assert library.cc == "US" and _near(library, NEW_ORLEANS, 20)  # not Carnegie, Pennsylvania


def test_foreign_street_and_district_names_stay_in_the_town():
    text = "The march through New Orleans started on Rue Casa Calvo and crossed Faubourg Marigny before dusk."
    street, district = _resolve(text, "Rue Casa Calvo", "Faubourg Marigny")
    for entry in (street, district):
        assert entry is not None and entry.cc == "US" and _near(entry, NEW_ORLEANS, 20)  # not Rue or Marigny, France


def test_facility_entity_is_a_place_of_its_own_at_the_town():
    places = _places("Heavy rain flooded Washington Square in New Orleans on Sunday.")
    square, city = _named(places, "Washington Square"), _named(places, "New Orleans")
    assert square.id != city.id and square.feature == "other" and square.country == "USA"
    assert _near(square, NEW_ORLEANS, 20)  # not the town of Washington Square, 1,700 km away


def test_contained_town_that_fits_the_article_locates_the_name():
    (airport,) = _resolve("Gunmen attacked Kabul airport on Monday, officials in Kabul said.", "Kabul airport")
    assert airport is not None and airport.cc == "AF" and airport.feature == "other"
    assert _near(airport, (34.53, 69.17), 20)


def test_mission_lies_in_the_host_city_not_in_the_country_it_represents():
    (embassy,) = _resolve("Protesters gathered outside the Embassy of Armenia in Rome on Tuesday.",
                          "Embassy of Armenia")
    assert embassy is not None and embassy.cc == "IT" and _near(embassy, (41.89, 12.51), 20)


def test_town_whose_whole_name_has_an_inside_word_stays_that_town():
    (fort_worth,) = _resolve("Voters in Fort Worth and Dallas went to the polls on Tuesday.", "Fort Worth")
    assert fort_worth is not None and fort_worth.feature == "city" and fort_worth.geonameid is not None
    assert _near(fort_worth, (32.75, -97.33), 20)


def test_small_namesake_far_from_the_story_is_taken_for_a_place_in_its_area():
    places = _places("British officials said flights resumed at Heathrow on Friday after the storm "
                     "closed airports around London.")
    heathrow = _named(places, "Heathrow")
    assert heathrow.country == "GBR" and heathrow.feature == "other"  # not Heathrow, Florida
    assert _near(heathrow, (51.47, -0.45), 40)


def test_name_without_inside_word_or_reading_stays_unknown():
    (entry,) = _resolve("Residents of Winnipeg gathered at Quorvex. Winnipeg police said it was calm.", "Quorvex")
    assert entry is None


def test_province_abbreviation_qualifies_and_names_the_province():
    places = _places("A wildfire near Kamloops, B.C. forced hundreds of evacuations.")
    province = _named(places, "B.C.")
    assert province.feature == "admin1" and province.country == "CAN" and province.admin1 == "British Columbia"
    assert _named(places, "Kamloops").admin1 == "British Columbia"


def test_bare_postal_code_is_a_region_only_in_an_article_about_its_country():
    (bc,) = _resolve("Officials in Vancouver and Victoria said BC would pay for the new bridge.", "BC")
    assert bc is not None and bc.feature == "admin1" and bc.cc == "CA"
    (nothing,) = _resolve("Crowds in Johannesburg and Durban cheered as SA won the final.", "SA")
    assert nothing is None or nothing.feature != "city"  # never a hamlet called "Sa"


def test_dotless_stylebook_abbreviation_names_the_state():
    (state,) = _resolve("The plant in Fresno, Calif opened on Monday.", "Calif")
    assert state is not None and state.feature == "admin1" and state.admin1 == "California"


def test_local_context_beats_a_famous_namesake():
    places = _places("A bus crash in Ontario killed three people near London and St. Thomas, police said.")
    london = _named(places, "London")
    assert london.country == "CAN" and _near(london, (42.98, -81.23), 20)


def test_world_news_naming_the_us_keeps_the_famous_city():
    places = _places("Diplomats from the United States, Russia, France and Iran met in Geneva on Thursday.")
    assert _named(places, "Geneva").country == "CHE"


def test_country_point_of_an_island_state_lies_on_its_main_island():
    mauritius = gazetteer().country("MU")
    assert mauritius is not None and _near(mauritius, (-20.16, 57.50), 60)  # not at sea towards Rodrigues


def test_inside_word_table_rejects_an_unknown_kind(tmp_path, monkeypatch):
    bad = tmp_path / "places"
    bad.mkdir()
    (bad / "inside_words.tsv").write_text("kind\twords\twhy\nbuilding\tlibrary\tbad kind\n")
    monkeypatch.setattr(tables, "DATA_DIR", bad)
    tables.inside_words.cache_clear()
    try:
        with pytest.raises(ConfigError, match="unknown kind"):
            tables.inside_words()
    finally:
        tables.inside_words.cache_clear()


def test_abbreviation_table_rows_point_at_real_regions():
    gaz = gazetteer()
    for row in tables.admin1_abbreviations():
        entry = gaz.admin1(row.iso2, row.code)
        assert entry is not None, f"{row.postal}: no admin1 {row.code} in {row.iso2}"


def test_demonym_of_a_region_our_table_lacks_names_the_region():
    ohio, town = _resolve("Many Ohioans drove to Columbus, while Appalachians stayed home.", "Ohioans", "Appalachians")
    assert ohio is not None and ohio.feature == "admin1" and ohio.admin1 == "Ohio"
    assert town is None or town.feature != "city"  # never the hamlet of Appalachia, Virginia


def test_bare_county_name_with_no_other_reading_is_the_county():
    (county,) = _resolve("Schools in Gwinnett and Atlanta reopened on Monday.", "Gwinnett")
    assert county is not None and county.feature == "other" and county.admin1 == "Georgia"


def test_country_named_often_does_not_pull_a_world_famous_city_to_a_small_namesake():
    places = _places("The United States will not send troops to Iraq, the US Secretary of State said in Jerusalem. "
                     "American officials said the US would help Iraq and Syria with intelligence, and the U.S. "
                     "embassy in Baghdad would stay open. Iran and Syria were invited to peace talks scheduled "
                     "in Geneva.")
    assert _named(places, "Geneva").country == "CHE"  # not Geneva, New York
