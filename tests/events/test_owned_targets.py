"""The owner of a struck post, convoy or building as the target of the attack, from the real parse."""

from __future__ import annotations

from newsgraph.events.owned_targets import OWNER_ROLE
from newsgraph.records import Actor, Event, Extraction
from tests.events.coding import code, only


def targets(record: Extraction, event: Event) -> list[Actor]:
    by_id = {a.id: a for a in record.actors}
    return [by_id[t] for t in event.target]


def test_an_attack_on_a_police_station_targets_the_police_of_the_place_with_the_noun_as_evidence():
    record = code("Rebels attacked a police station in Kano on Sunday.")
    (police,) = targets(record, only(record, "ASSAULT"))
    assert (police.sector, police.country, police.role) == ("COP", "NGA", OWNER_ROLE)
    assert [m.text for m in police.mentions] == ["police"]


def test_every_body_whose_property_was_struck_is_a_target():
    record = code("Militants attacked a police station and an army post in Kano.")
    assert {a.sector for a in targets(record, only(record, "ASSAULT"))} == {"COP", "MIL"}


def test_no_owner_without_an_act_or_against_the_owners_own_side():
    assert not any(a.role == OWNER_ROLE for a in code("He was taken to a police station in Kano.").actors)
    stormed = code("Soldiers stormed an army post held by rebels.")
    assert not any(a.role == OWNER_ROLE for a in stormed.actors)


def test_a_named_owner_stays_the_target():
    record = code("Militants attacked the US embassy in Kabul.")
    (embassy,) = targets(record, only(record, "ASSAULT"))
    assert embassy.country == "USA" and embassy.role != OWNER_ROLE


def test_rioters_torching_government_offices_riot_against_the_government():
    record = code("Protesters torched government offices in Lahore.")
    riot = only(record, "PROTEST")
    assert [(a.sector, a.country) for a in targets(record, riot)] == [("GOV", "PAK")]


def test_fire_set_to_a_police_station_is_set_to_the_police():
    record = code("Villagers set fire to a police station in Kano.")
    (police,) = targets(record, only(record, "PROTEST"))
    assert (police.sector, police.country) == ("COP", "NGA")


def test_the_owner_named_in_an_of_phrase_or_in_the_sentence_is_the_target_not_an_implied_one():
    record = code("Fighters attacked military positions of the Ethiopian troops in Somalia.")
    assert [(a.country, a.role) for a in targets(record, only(record, "ASSAULT"))] == [("ETH", None)]
    record = code("At least one Kenyan soldier was killed after al-Shabab fighters attacked a military base in Gedo.")
    assert [(a.country, a.sector, a.role) for a in targets(record, only(record, "ASSAULT"))] == [("KEN", "MIL", None)]


def test_a_convoy_that_came_under_attack_is_its_owner_s_and_the_attackers_act():
    record = code("An army convoy came under attack from rebels near Goma.")
    attack = only(record, "ASSAULT")
    assert [a.sector for a in targets(record, attack)] == ["MIL"]
    by_id = {a.id: a for a in record.actors}
    assert [by_id[s].sector for s in attack.source] == ["REB"]
