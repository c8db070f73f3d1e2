"""The host state of a visit, a foreign protest or a foreign show of force, from the real parse."""

from __future__ import annotations

from newsgraph.events.hosts import HOST_ROLE
from newsgraph.records import Event, Extraction
from tests.events.coding import code, only


def target_countries(record: Extraction, event: Event) -> set[str | None]:
    by_id = {a.id: a for a in record.actors}
    return {by_id[t].country for t in event.target}


def test_a_visit_to_a_foreign_city_is_hosted_by_its_state_with_the_city_as_evidence():
    record = code("The Brazilian foreign minister arrived in Nairobi on Monday.")
    visit = only(record, "CONSULT")
    assert target_countries(record, visit) == {"KEN"} and visit.reciprocal
    host = {a.id: a for a in record.actors}[visit.target[0]]
    assert host.role == HOST_ROLE and host.kind == "country" and [m.text for m in host.mentions] == ["Nairobi"]


def test_a_protest_abroad_is_aimed_at_the_host_but_one_at_home_has_no_target():
    abroad = code("Tibetan and British activists staged a protest in Beijing on Wednesday.")
    assert target_countries(abroad, only(abroad, "PROTEST")) == {"CHN"}
    home = code("Chinese students staged a protest in Beijing on Wednesday.")
    assert only(home, "PROTEST").target == ()


def test_a_named_state_actor_is_reused_and_a_place_beside_the_act_hosts_nothing():
    record = code("Russia is conducting naval exercises in Cuba, which it supports.")
    exercises = only(record, "MOBILIZE")
    cuba = [a for a in record.actors if a.country == "CUB"]
    assert len(cuba) == 1 and exercises.target == (cuba[0].id,)
    beside = code("Kenyan activists staged a protest near the border with Uganda.")
    assert only(beside, "PROTEST").target == ()  # near a place is not in it


def test_a_summit_attended_abroad_is_a_visit_but_a_summit_about_a_country_is_not_hosted_by_it():
    abroad = code("The Kenyan president is scheduled to attend a summit in Switzerland on the unrest in Sudan.")
    visit = next(e for e in abroad.events if e.cameo == "042")
    assert target_countries(abroad, visit) == {"CHE"} and visit.future
    about = code("The Kenyan president will attend a summit on the unrest in Sudan.")
    assert all(e.target == () for e in about.events)


def test_an_attack_on_a_foreign_city_is_an_attack_on_its_state():
    record = code("Turkish jets bombed positions in northern Iraq. The North Korean army fired shells at Seoul.")
    targets = [target_countries(record, e) for e in record.events if e.type == "ASSAULT"]
    assert targets == [{"IRQ"}, {"KOR"}]


def test_a_private_person_arriving_abroad_pays_no_state_a_visit():
    record = code("A Russian teacher arrived in London on Monday.")
    assert all(e.target == () for e in record.events if e.type == "CONSULT")


def test_parties_meeting_in_a_third_country_each_visit_it_one_way():
    record = code("Iran and the United States held talks in Geneva on Monday.")
    visits = [e for e in record.events if e.type == "CONSULT" and e.cameo == "042"]
    by_id = {a.id: a for a in record.actors}
    assert [sorted(by_id[s].country for s in v.source) for v in visits] == [["IRN", "USA"]]
    assert [by_id[t].country for t in visits[0].target] == ["CHE"] and not visits[0].reciprocal


def test_a_meeting_on_one_party_s_soil_is_no_visit_to_a_venue():
    record = code("Obama met Putin in Moscow on Monday.")
    assert not any(e.cameo == "042" for e in record.events)


def test_a_promised_meeting_abroad_is_a_promised_visit():
    record = code("Obama and Putin will meet in Zurich next month.")
    visit = next(e for e in record.events if e.cameo == "042")
    assert visit.future and visit.type == "AGREE"


def test_a_leader_attending_a_funeral_abroad_visits_the_host():
    record = code("Obama attended the funeral in Johannesburg on Tuesday.")
    visit = only(record, "CONSULT")
    assert visit.cameo == "042" and target_countries(record, visit) == {"ZAF"}


def test_a_visit_that_is_the_occasion_of_talks_with_the_host_is_folded_into_the_talks():
    record = code("The US commander held talks with President Michel Suleiman during a visit to Beirut on Wednesday.",
                  "2008-08-20")
    assert [e.cameo for e in record.events if e.type == "CONSULT"] == ["046"]
    kept = code("Kerry met the UN envoy during a visit to Beirut on Monday.", "2014-01-07")
    assert "042" in [e.cameo for e in kept.events]  # the envoy is not Lebanon's: the visit stays


def test_an_organisation_meeting_at_its_seat_visits_nobody_but_abroad_it_does():
    assert not any(e.cameo == "042" for e in code("EU leaders are holding talks in Brussels.").events)
    assert not any(e.cameo == "042" for e in code("The UN Security Council met in New York.").events)
    abroad = only(code("EU leaders held talks in Kiev on Monday."), "CONSULT")
    assert abroad.cameo == "042" and target_countries(code("EU leaders held talks in Kiev on Monday."), abroad) == {"UKR"}


def test_leaving_for_a_foreign_capital_is_a_visit_to_its_state_not_an_act_of_its_government():
    record = code("Kerry left for Moscow on Sunday for talks with Lavrov.", "2014-01-07")
    visit = next(e for e in record.events if e.cameo == "042")
    assert target_countries(record, visit) == {"RUS"}
    assert not any(a.kind == "government" and a.country == "RUS" for a in record.actors)
    assert not any(e.cameo == "042" for e in code("Students left for the holidays.").events)
