"""The rule coder on sentences written for these tests: types, arguments, modes, evidence."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract
from newsgraph.records import Event, Extraction
from newsgraph.text.article import Metadata, make_article


def code(text: str, published: str = "2016-05-02") -> Extraction:
    return extract(make_article(text, Metadata(published=published), "test"))


def names(record: Extraction, ids: tuple[str, ...]) -> set[str | None]:
    by_id = {a.id: a for a in record.actors}
    return {by_id[i].country for i in ids}


def only(record: Extraction, kind: str) -> Event:
    found = [e for e in record.events if e.type == kind]
    assert len(found) == 1, [(e.type, e.evidence.trigger.text) for e in record.events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Russian warplanes bombed rebel positions near Aleppo, and Turkey condemned Russia.", "ACCUSE", {"TUR"}, {"RUS"}),
        ("Germany sent 500 troops to Lithuania on Monday.", "MOBILIZE", {"DEU"}, {"LTU"}),
        ("Japan provided $2 billion in aid to the Philippines.", "AID", {"JPN"}, {"PHL"}),
        ("Japan will provide $2 billion in aid to the Philippines.", "AGREE", {"JPN"}, {"PHL"}),
        ("The Chinese foreign minister met his Indian counterpart in Beijing.", "CONSULT", {"CHN"}, {"IND"}),
        ("Police arrested dozens of opposition supporters in Caracas, Venezuela.", "COERCE", {"VEN"}, {None}),
        ("Iran rejected the demands of the European Union.", "REJECT", {"IRN"}, {"EUR", "IGO", None}),
    ],
)
def test_type_source_and_target(text: str, kind: str, source: set, target: set):
    record = code(text)
    event = only(record, kind)
    assert names(record, event.source) <= source | {None}
    assert names(record, event.source) & source or source == {None}
    assert names(record, event.target) & target or (target == {None} and event.target)


def test_passive_agent_is_the_source():
    record = code("Three villages were shelled by Syrian government forces on Tuesday.")
    event = only(record, "ASSAULT")
    assert names(record, event.source) == {"SYR"}


def test_coordinated_subjects_are_all_sources():
    record = code("Brazil and Argentina signed a trade agreement with Chile.")
    event = only(record, "SUPPORT")
    assert names(record, event.source) == {"BRA", "ARG"}
    assert names(record, event.target) == {"CHL"}


def test_negation_and_intent_change_the_event_not_remove_it():
    record = code("Britain said it will not send troops to Libya. France could impose sanctions on Syria.")
    troops = only(record, "MOBILIZE")
    assert troops.negated and troops.future and not troops.hypothetical
    sanctions = only(record, "SANCTION")
    assert sanctions.hypothetical and not sanctions.negated


def test_promised_cooperation_is_agree_with_the_cameo_intent_code_and_refusal_keeps_its_type():
    record = code("Canada pledged to deliver food aid to Haiti. Norway would not cooperate with Russia.")
    aid = only(record, "AGREE")  # PLOVER: promised aid is AGREE; CAMEO 033x says what was promised
    assert aid.future and aid.cameo.startswith("033")
    cooperate = only(record, "COOPERATE")
    assert cooperate.negated and cooperate.cameo.startswith("12")


def test_a_future_the_narrator_only_dates_is_the_act_in_cameo_but_a_promise_is_intent():
    dated = code("Canada will deliver food aid to Haiti. Norway is about to restore diplomatic ties with Chile.")
    aid, ties = (e for e in dated.events if e.type == "AGREE")  # PLOVER: future cooperation is AGREE
    assert aid.future and aid.cameo.startswith("07") and ties.future and not ties.cameo.startswith("03")
    promised = code("Canada promised to deliver food aid to Haiti. Officials said Canada will deliver food aid to Haiti.")
    assert [e.cameo[:3] for e in promised.events if e.type == "AGREE"] == ["033", "033"]
    scheduled_sanctions = code("The European Union will impose sanctions on Belarus next week.")
    assert only(scheduled_sanctions, "THREATEN").cameo.startswith("16")  # CAMEO: the sanctions, not a threat


def test_reported_speech_is_attributed_to_the_speaker():
    record = code("The Kenyan foreign minister said Uganda had attacked Kenyan border posts.")
    event = only(record, "ASSAULT")
    speaker = {a.id: a for a in record.actors}[event.attributed_to]
    assert speaker.country == "KEN" and speaker.kind == "person"


def test_no_event_without_a_resolved_source_and_no_default_code():
    record = code("The weather was fine. Something was attacked somewhere, it seems.")
    assert record.events == ()


def test_evidence_points_at_the_trigger_and_sentence():
    record = code("Protesters clashed with police. Egypt accused Qatar of funding militants.")
    event = only(record, "ACCUSE")
    text = record.article.text
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert text[event.evidence.trigger.start : event.evidence.trigger.end] == event.evidence.trigger.text == "accused"
    assert event.evidence.sentence == 1
    assert event.quad == 3 and event.score is not None and event.goldstein is not None
    assert 0 < event.confidence <= 1


def test_describing_someone_as_dangerous_is_an_accusation_but_a_neutral_description_is_not():
    accusing = code("The Israeli prime minister described Hezbollah as a dangerous terrorist army.")
    assert only(accusing, "ACCUSE").cameo == "111"
    neutral = code("The report described Hezbollah as a political party.")
    assert not [e for e in neutral.events if e.type in ("ACCUSE", "SUPPORT")]


def test_an_alleged_act_is_done_by_the_accused_and_asserted_by_the_accuser():
    record = code("Syria blamed Turkey for shelling the border villages.")
    shelling = only(record, "ASSAULT")
    by_id = {a.id: a for a in record.actors}
    assert names(record, shelling.source) == {"TUR"}
    assert by_id[shelling.attributed_to].country == "SYR"


def test_promised_coercion_is_a_threat_and_a_refused_meeting_keeps_its_type():
    record = code("Radical farmers said they would blockade Paris. Serbia said it will impose sanctions on Albania.")
    threats = [e for e in record.events if e.type == "THREATEN"]
    assert threats and all(e.cameo.startswith("13") for e in threats)


@pytest.mark.parametrize(
    "text",
    ["The UK, France, and Germany met on Friday.", "Mexico, Peru, and Chile met in Lima on Friday."],
)
def test_every_member_of_a_listed_subject_meets_the_others(text: str):
    record = code(text, published="2019-03-01")
    event = only(record, "CONSULT")
    assert event.reciprocal
    assert len(event.source) == len(event.target) >= 2
    assert set(event.source) == set(event.target)


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Japan pledged aid to the Philippines.", "AGREE", {"PHL"}),
        ("The minister said Japan would not provide support to Myanmar.", "SUPPORT", {"MMR"}),
    ],
)
def test_a_verb_carrying_an_event_noun_is_coded_once(text: str, kind: str, target: set):
    record = code(text)
    assert len(record.events) == 1, [(e.type, e.evidence.trigger.text) for e in record.events]
    event = only(record, kind)
    assert names(record, event.source) == {"JPN"}
    assert names(record, event.target) == target


def test_an_act_asked_for_is_the_request_not_an_act_of_the_one_asked():
    record = code("The EU urged Russia to pull its troops out of Moldova.")
    request = only(record, "REQUEST")
    assert [a.name for a in record.actors if a.id in request.source] == ["European Union"]
    assert names(record, request.target) == {"RUS"}
    assert not [e for e in record.events if names(record, e.source) == {"RUS"}]


def test_the_victims_of_a_passive_verb_are_the_target_of_the_attack_it_happened_in():
    record = code("Twelve villagers were killed in an air strike by Nigerian army jets on Sunday.")
    event = only(record, "ASSAULT")
    assert names(record, event.source) == {"NGA"}
    by_id = {a.id: a for a in record.actors}
    assert {by_id[i].sector for i in event.target} == {"CVL"}, [by_id[i] for i in event.target]


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Evidence against Syria was presented by France at the meeting.", "ACCUSE", {"FRA"}, {"SYR"}),
        ("Military aid to Jordan was provided by Japan on Monday.", "AID", {"JPN"}, {"JOR"}),
    ],
)
def test_a_passive_clause_keeps_the_doer_in_its_by_phrase(text: str, kind: str, source: set, target: set):
    record = code(text)
    event = only(record, kind)
    assert names(record, event.source) == source
    assert names(record, event.target) == target


def test_they_after_two_named_people_is_both_of_them():
    record = code("Prime Minister Shinzo Abe and Prime Minister Narendra Modi said they will sign a defence pact with Australia.")
    sources = [names(record, e.source) for e in record.events]
    assert {"JPN", "IND"} in sources, [(e.type, e.source, e.evidence.trigger.text) for e in record.events]


def test_verbs_joined_under_one_passive_share_the_victims_and_the_doer():
    record = code("Three Kenyan journalists were detained and later released by Ethiopian police.")
    for kind in ("COERCE", "RETREAT"):
        event = only(record, kind)
        assert names(record, event.source) == {"ETH"}
        assert names(record, event.target) == {"KEN"}


def test_the_speaker_is_not_the_doer_of_a_passive_clause_reported():
    record = code("Turkish officials said rockets were used to shoot down a Syrian helicopter near the border.")
    assert not [e for e in record.events if "TUR" in names(record, e.source)], record.events


def test_a_gerund_the_parser_split_from_its_noun_keeps_its_modifier_as_the_doer():
    record = code("Two farmers were killed in Turkish artillery shelling near the border on Friday, medics said.")
    event = only(record, "ASSAULT")
    assert names(record, event.source) == {"TUR"}


def test_a_nominal_act_the_parser_read_as_a_participle_of_its_doer_is_still_the_act():
    record = code("Nine persons were killed in police firing in Surat.")
    event = only(record, "ASSAULT")
    assert (event.cameo, event.evidence.trigger.text) == ("193", "firing")
    by_id = {a.id: a for a in record.actors}
    assert [by_id[i].sector for i in event.source] == ["COP"] and [by_id[i].sector for i in event.target] == ["CVL"]
    assert not code("The soldiers kept firing their rifles into the air.").events  # a verb with its object stays a verb


def test_a_firing_the_parser_hung_on_the_verb_after_its_doer_is_still_the_act():
    record = code("Two persons have been killed in police firing as rampaging mobs torched several shops.")
    firing = next(e for e in record.events if e.evidence.trigger.text == "firing")
    assert firing.type == "ASSAULT" and firing.source and firing.target


def test_an_act_resorted_to_is_done_by_who_resorted_to_it():
    record = code("In rural Vadodara, police had to resort to firing in Shinor late on Friday.")
    firing = only(record, "ASSAULT")
    assert firing.evidence.trigger.text == "firing" and firing.source


def test_tear_gas_shells_are_crowd_control_and_mortar_shells_heavy_weapons():
    assert only(code("Police fired tear gas shells at the protesters in Nairobi."), "ASSAULT").cameo == "175"
    assert only(code("Police lobbed teargas shells at the crowd in Nairobi."), "ASSAULT").cameo == "175"
    assert only(code("Rebels fired mortar shells at the army base in Goma."), "ASSAULT").cameo == "194"


def test_who_died_in_an_act_suffered_it_and_a_date_is_no_preposition_of_the_frame():
    died = only(code("Two men died in police firing in Surat."), "ASSAULT")
    assert died.target and died.evidence.trigger.text == "firing"
    clause = only(code("Officials said 73 people have died in police firing."), "ASSAULT")  # "police" parsed as its subject
    assert clause.source and clause.target and clause.evidence.trigger.text == "firing"
    # "fire on X" needs someone fired on: "on Monday" only says when
    assert not [e for e in code("Soldiers were firing in the air on Monday.").events if e.type == "ASSAULT"]


def test_who_was_killed_when_someone_attacked_was_killed_by_the_attackers_unless_they_were_the_attackers():
    record = code("Two Nigerian soldiers were killed and six others injured when Boko Haram militants attacked a post.")
    attack = only(record, "ASSAULT")  # the killing is what the attack did: one event
    assert names(record, attack.source) == {"NGA"} and attack.target  # Boko Haram, a Nigerian group
    by_id = {a.id: a for a in record.actors}
    assert by_id[attack.source[0]].sector == "REB" and by_id[attack.target[0]].sector == "MIL"
    assert (attack.killed, attack.injured) == (2, 6)
    raid = code("Twenty militants were killed when the insurgents raided an army base.")
    assert not [e for e in raid.events if e.evidence.trigger.text == "killed"]  # killed by whom, unsaid


def test_an_attack_over_an_issue_or_on_a_party_is_criticism_but_one_over_the_weekend_is_not():
    issue = code("A Kenyan businessman attacked the government over its tax plans.")
    assert [e.type for e in issue.events] == ["ACCUSE"]
    party = code("A Kenyan student attacked the Orange Democratic Movement party on Monday.")
    assert [e.type for e in party.events] == ["ACCUSE"]  # one student: words, not a riot
    weekend = code("Rebels attacked the town over the weekend.")
    assert [e.type for e in weekend.events] == ["ASSAULT"]


def test_one_man_attacking_is_an_assault_but_a_mob_or_a_protester_riots():
    assert [e.type for e in code("A man attacked a woman with a knife in Nairobi.").events] == ["ASSAULT"]
    assert "PROTEST" in {e.type for e in code("An angry mob attacked a bus in Nairobi.").events}
    assert "PROTEST" in {e.type for e in code("A protester threw a petrol bomb at police in Nairobi.").events}


def test_an_of_phrase_names_the_actor_of_a_part_or_an_act_but_not_of_a_quality():
    members = code("Dozens of Hamas supporters attacked the police station.")
    assert names(members, only(members, "ASSAULT").source) == {"PSE"}
    quality = code("Sales of Nokia phones have been hit by the popularity of Apple products.")
    assert not [e for e in quality.events if e.type == "ASSAULT"]


def test_beating_a_rival_to_a_prize_is_no_beating_but_beating_someone_to_death_is():
    for text in ("The Kenyan singer beat her rival Amina Ali to the top spot.",
                 "The Labour candidate beat two rivals in the election.",
                 "The Kenyan actor beat his co-star Juma Otieno to win best actor."):
        assert not [e for e in code(text).events if e.type == "ASSAULT"], text
    assert only(code("Kenyan soldiers beat two men to death in Nairobi."), "ASSAULT").target


def test_forces_deployed_with_nobody_named_deploying_them_are_the_doer_but_civilians_are_not():
    deployed = only(code("Kenyan troops were deployed in Mombasa on Monday."), "MOBILIZE")
    assert deployed.source and deployed.target == ()
    assert not code("Two Kenyan civilians were deployed in Mombasa.").events


def test_guerrillas_demobilized_disarm_and_prisoners_let_free_are_released():
    demobilized = only(code("One third of the Hamas fighters have been demobilized."), "RETREAT")
    assert demobilized.cameo == "0873" and names(code("One third of the Hamas fighters have been demobilized."),
                                                 demobilized.source) == {"PSE"}
    released = only(code("Serbian armed forces Tuesday let free six French medical social workers."), "RETREAT")
    assert released.cameo == "0841" and released.target


def test_a_meeting_only_one_side_plans_is_not_reciprocal_but_one_they_both_plan_is():
    one = only(code("President Emmanuel Macron plans to meet with Ukrainian refugees in Warsaw.", "2023-03-01"), "AGREE")
    assert not one.reciprocal
    both = code("Emmanuel Macron and Olaf Scholz will meet in Warsaw on Friday.", "2023-03-01")
    meeting = next(e for e in both.events if e.type == "AGREE" and e.cameo == "040")
    assert meeting.reciprocal  # and each makes a one-way visit to the venue (tests/events/test_hosts.py)


def test_police_with_no_country_in_view_still_act_as_police():
    record = code("Police fired tear gas at students outside the university on Sunday.")
    by_id = {a.id: a for a in record.actors}
    assert any(by_id[s].sector == "COP" for e in record.events for s in e.source)


def test_what_one_actor_wants_another_to_do_is_an_appeal_not_the_others_act():
    record = code("The United States wants Iran to halt uranium enrichment and Israel wants the UN to investigate Hamas.")
    appeals = [(names(record, e.source), names(record, e.target)) for e in record.events if e.type == "REQUEST"]
    assert ({"USA"}, {"IRN"}) in appeals
    assert not [e for e in record.events if names(record, e.source) & {"IRN", None} and e.type != "REQUEST"]


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Ukraine received military aid from the United States.", "AID", {"USA"}, {"UKR"}),
        ("Ukraine won backing from the European Union on Monday.", "SUPPORT", {None, "EUR", "IGO"}, {"UKR"}),
        ("Iran came under criticism from France over the tests.", "ACCUSE", {"FRA"}, {"IRN"}),
        ("Egypt faces pressure from Saudi Arabia to send troops to Yemen.", "REQUEST", {"SAU"}, {"EGY"}),
    ],
)
def test_who_receives_an_act_is_its_target_and_the_giver_its_source(text: str, kind: str, source: set, target: set):
    record = code(text)
    event = only(record, kind)
    assert names(record, event.source) <= source
    assert names(record, event.target) == target
    assert not [e for e in record.events if e.type == "MOBILIZE"], "troops asked for are not sent"


def test_who_claims_responsibility_for_an_attack_is_its_claimed_doer():
    record = code("The Taliban claimed responsibility for a suicide bombing that killed 12 Afghan soldiers in Kabul.")
    event = only(record, "ASSAULT")
    assert names(record, event.source) == {"AFG"} and names(record, event.target) == {"AFG"}
    by_id = {a.id: a for a in record.actors}
    assert by_id[event.source[0]].sector == "REB" and by_id[event.target[0]].sector == "MIL"
    assert event.attributed_to == event.source[0], "the claim is the group's own"
    claimed = only(code("The Pakistani Taliban claimed the attack on a police post in Peshawar."), "ASSAULT")
    assert claimed.source and claimed.attributed_to == claimed.source[0]
    assert not code("Russia claimed the territory.").events


def test_a_strike_by_workers_is_a_protest_that_has_begun_not_an_attack_or_a_plan():
    record = code("Nigerian doctors began a strike on Monday over unpaid wages.")
    event = only(record, "PROTEST")
    assert not event.future and not [e for e in record.events if e.type == "ASSAULT"]


def test_a_group_named_by_its_members_is_they_and_its_announced_boycott_a_threat_of_protest():
    record = code("Palestinian leaders said they would boycott all official contact with the United States.")
    event = only(record, "THREATEN")
    assert names(record, event.source) == {"PSE"} and names(record, event.target) == {"USA"}
    assert event.cameo == "133"


def test_aid_for_a_country_and_exercises_undertaken_together():
    aid = code("EU foreign ministers agreed to provide 70 million dollars of aid for Romania.")
    assert names(aid, only(aid, "AGREE").target) == {"ROU"}
    drills = code("Jordan and Britain have agreed to undertake joint military exercises this month.")
    assert names(drills, only(drills, "AGREE").source) == {"JOR", "GBR"}


@pytest.mark.parametrize(
    "text",
    [
        "President Emmanuel Macron issued a stern reminder to Iran that it must cooperate fully with the inspectors.",
        "Iran must cooperate fully with the inspectors, President Emmanuel Macron said.",
    ],
)
def test_what_someone_says_another_must_do_is_their_demand_not_the_others_act(text: str):
    record = code(text, "2019-05-02")
    event = only(record, "REQUEST")
    assert names(record, event.source) == {"FRA"} and names(record, event.target) == {"IRN"}
    assert not [e for e in record.events if e.type != "REQUEST"], "nobody has cooperated or promised to"


def test_editorial_must_is_no_event():
    assert not code("Iran must cooperate fully with the inspectors.").events


def test_a_promise_on_condition_is_a_threat_and_sworn_fighting_too():
    record = code("Nigeria announced that it will withdraw its peacekeepers from Chad unless Chad agrees to talks.")
    threat = only(record, "THREATEN")
    assert names(record, threat.source) == {"NGA"} and threat.cameo.startswith("13")
    sworn = code("Kurdish rebels have sworn to fight the Turkish army until they win autonomy.")
    assert only(sworn, "THREATEN").future


def test_protesters_clashing_with_police_riot_and_troops_freeing_towns_take_them():
    riot = code("Stone-throwing students clashed with Chilean police in Santiago on Friday.")
    assert only(riot, "PROTEST").mode == ("riot",) and not [e for e in riot.events if e.type == "ASSAULT"]
    taken = code("Iraqi troops freed several villages from Islamic State militants on Thursday.")
    event = only(taken, "COERCE")
    assert event.mode == ("seize",) and names(taken, event.source) == {"IRQ"}


def test_a_blockade_tightened_is_coercion_of_its_object():
    record = code("NATO said it would tighten the naval blockade of Serbia.")
    event = only(record, "THREATEN")
    assert names(record, event.target) == {"SRB"}


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("Gunmen opened fire on a Kenyan police patrol near Garissa.", "ASSAULT", ("firearms",)),
        ("A militant threw a grenade at Indian soldiers in Pulwama.", "ASSAULT", ("explosives",)),
        ("Islamist rebels have taken over four towns from the Malian army.", "COERCE", ("seize",)),
        ("Heavy clashes broke out between Israeli police and Palestinian protesters on Saturday.", "PROTEST", ("riot",)),
    ],
)
def test_common_wire_phrasings_of_violence(text: str, kind: str, mode: tuple):
    event = only(code(text), kind)
    assert event.mode == mode


def test_coercion_held_ready_is_a_threat_and_security_forces_belong_to_the_state_in_view():
    threat = code("The Iraqi government said it is prepared to impose martial law in Baghdad.")
    assert only(threat, "THREATEN").mode == ("restrict",)
    killed = code("Security forces in the Oromia region have killed 19 suspected rebels, an Ethiopian official said.")
    assert names(killed, only(killed, "ASSAULT").source) == {"ETH"}


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("Hamas fired dozens of rockets at Israel on Sunday.", "ASSAULT", "194"),
        ("Japanese doctors handed over 700 kg of medicine to Nepal.", "AID", "073"),
        ("Thousands of Syrians sought refuge in Turkey last month.", "REQUEST", "0234"),
        ("Rioters set fire to the offices of the Kenyan electoral commission.", "PROTEST", "145"),
        ("Soldiers set fire to the offices of the Kenyan electoral commission.", "ASSAULT", "1712"),
        # what is lifted says whether the concession is material
        ("The Israeli army lifted a blockade on Gaza on Friday.", "RETREAT", "0872"),
        ("The United States lifted sanctions on Myanmar on Friday.", "RETREAT", "085"),
        ("Sudan lifted a state of emergency in Darfur on Sunday.", "CONCEDE", "0814"),
    ],
)
def test_the_object_says_the_act_even_behind_a_quantity(text: str, kind: str, cameo: str):
    assert only(code(text), kind).cameo == cameo


def test_a_participle_after_the_speech_verb_belongs_to_the_reported_act():
    record = code("Syrian government forces shelled rebel-held districts of Damascus on Saturday, activists said, "
                  "killing at least twelve people.")
    # the killing is the shelling's outcome: one attack, by the forces, reported by the activists
    (attack,) = [e for e in record.events if e.type == "ASSAULT"]
    assert names(record, attack.source) == {"SYR"}
    by_id = {a.id: a for a in record.actors}
    assert [by_id[i].name for i in attack.target] == ["at least twelve people"]
    assert attack.attributed_to is not None and by_id[attack.attributed_to].name == "activists"


def test_attacking_or_fighting_a_plan_is_criticism_or_refusal_and_its_owner_the_target():
    record = code("Ryanair attacked the European Commission's plan on Monday.")
    event = only(record, "ACCUSE")
    by_id = {a.id: a for a in record.actors}
    assert [by_id[i].name for i in event.target] == ["European Commission"]
    assert not [e for e in record.events if e.type == "ASSAULT"]
    assert only(code("Russia said it will fight the ruling in court."), "REJECT")


def test_a_state_does_not_appeal_to_its_own_capital():
    record = code("Iran said on Monday that it wants Tehran to stay calm.")
    assert not [e for e in record.events if e.type == "REQUEST"]


def test_two_sides_putting_off_their_meeting_act_towards_each_other_but_welcome_ties_with_a_third():
    record = code("Israel and Syria have postponed their meeting after the attack.")
    event = only(record, "REJECT")
    assert names(record, event.source) == names(record, event.target) == {"ISR", "SYR"}
    welcomed = code("France and Germany welcomed their resumption of formal diplomatic ties with Cuba.")
    targeted = [names(welcomed, e.target) for e in welcomed.events if e.target]
    assert targeted and all(t == {"CUB"} for t in targeted), targeted


def test_two_states_that_agree_agree_with_each_other():
    record = code("The Philippines and France agree that territorial disputes should be resolved through arbitration.")
    event = only(record, "AGREE")
    assert event.reciprocal and names(record, event.target) == {"PHL", "FRA"}


def test_up_to_a_number_of_victims_are_still_the_target():
    record = code("Afghan rebels have kidnapped up to 16 Russian engineers near Kabul.")
    assert names(record, only(record, "ASSAULT").target) == {"RUS"}


def test_the_condemned_attack_is_targeted_through_its_doer_not_its_place():
    record = code("Germany condemned an attack by Russian soldiers in eastern Ukraine on Thursday.")
    assert names(record, only(record, "ACCUSE").target) == {"RUS"}
    placed = code("Britain condemned the bombing in Iraq.")
    assert all("IRQ" not in names(placed, e.target) for e in placed.events)


def test_two_states_restoring_or_severing_ties_act_on_each_other():
    restored = only(code("Old foes Israel and Turkey have renewed diplomatic ties after a six-year break."), "SUPPORT")
    assert restored.reciprocal and len(restored.target) == 2
    record = code("Qatar and Bahrain severed relations on Monday.")
    severed = only(record, "SANCTION")
    assert severed.reciprocal and names(record, severed.target) == {"QAT", "BHR"}


def test_a_weapon_that_acts_is_the_act_of_whoever_fired_or_planted_it():
    record = code("A rocket fired by Hamas militants hit an Israeli bus on Monday.")
    assert {e.type for e in record.events} == {"ASSAULT"}
    assert all(names(record, e.source) == {"PSE"} for e in record.events), [(e.evidence.trigger.text, names(record, e.source)) for e in record.events]
    shells = code("Ukraine reported hundreds of artillery shells fired by Russian troops towards its positions.")
    fired = only(shells, "ASSAULT")
    assert names(shells, fired.source) == {"RUS"} and not fired.future  # "reported about" is not "about to"


def test_bombs_dropped_or_detonated_are_assaults_and_a_bomb_alone_is_no_event():
    dropped = code("The Syrian air force dropped barrel bombs on a residential neighbourhood of Aleppo.")
    assert only(dropped, "ASSAULT").cameo == "195"
    assert only(code("Taliban militants detonated a car bomb in Kabul on Tuesday."), "ASSAULT").cameo == "183"
    assert not code("A bomb exploded in a crowded market on Tuesday.").events  # whose bomb is not said


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Anti-government protesters shut down roads in the capital on Sunday.", "obstruct"),
        ("Thousands of students took to the streets of Minsk on Friday.", "demo"),
        ("Hundreds of workers participated in a march against the reform.", "demo"),
        ("An angry mob lynched a man accused of theft.", "riot"),
        ("Villagers clashed with each other over a land dispute.", "riot"),
        ("Protesters heckled the Thai prime minister in Bangkok.", "demo"),
    ],
)
def test_street_protest_phrases_are_protests(text: str, mode: str):
    assert only(code(text), "PROTEST").mode == (mode,)


def test_two_armed_sides_that_clash_attack_each_other():
    record = code("Syrian rebels and Turkish troops clashed near the border on Monday.")
    event = only(record, "ASSAULT")
    assert event.reciprocal and names(record, event.target) == {"SYR", "TUR"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Unidentified gunmen gunned down a doctor in Kabul on Monday.", "1823"),
        ("Myanmar soldiers raped women in the village, the report said.", "1821"),
        ("Myanmar soldiers committed widespread rape against Rohingya women.", "1821"),
        ("Lebanese security forces fired tear gas at protesters in Beirut.", "175"),
        ("Syrian government forces used chlorine against civilians in Douma.", "2041"),
        ("Turkish-backed militias looted shops in Afrin.", "1712"),
    ],
)
def test_violence_phrases_get_their_cameo_code_and_stay_asserted(text: str, cameo: str):
    event = only(code(text), "ASSAULT")
    assert event.cameo == cameo and not (event.future or event.hypothetical)


def test_only_an_infinitive_puts_an_act_in_the_future_after_about_or_committed():
    assert only(code("Israel is about to restore diplomatic ties with Turkey."), "AGREE").future
    assert not code("Israel fired a warning shot near the border.").events


def test_a_visit_made_is_a_meeting_of_visitor_and_host_but_a_planned_one_is_not():
    record = code("Putin received the Iranian foreign minister in the Kremlin on Monday.")
    hosted = only(record, "CONSULT")
    assert hosted.cameo == "043" and hosted.reciprocal and names(record, hosted.target) == {"IRN"}
    assert not only(code("Obama will visit Iraq next month."), "AGREE").reciprocal


def test_what_is_received_from_someone_decides_the_kind_of_act():
    weapons = code("Kurdish fighters received weapons from the United States.")
    assert only(weapons, "AID").cameo == "072"
    visitors = code("The Iraqi prime minister received ministers from Turkey on Sunday.")
    assert names(visitors, only(visitors, "CONSULT").target) == {"TUR"}


def test_a_state_opposed_to_something_rejects_it_and_failed_talks_stay_two_sided():
    record = code("Israel is opposed to French mediation in the talks.")
    assert names(record, only(record, "REJECT").source) == {"ISR"}
    failed = code("Ethiopia and Eritrea failed to reach an agreement on the border on Sunday.")
    event = failed.events[0]
    assert event.negated and event.reciprocal and names(failed, event.target) == {"ETH", "ERI"}


def test_a_call_for_something_is_an_appeal_and_hostages_set_free_are_released():
    called = only(code("Egypt and Iraq called on Tuesday for the withdrawal of Syrian forces from Lebanon."), "REQUEST")
    assert called.cameo.startswith("02")
    freed = code("The rebels set free 20 Turkish hostages on Monday.")
    assert names(freed, only(freed, "RETREAT").target) == {"TUR"}


def test_the_killing_an_attack_caused_is_that_attack_not_a_second_one():
    record = code("Taliban fighters attacked a checkpoint in Kunduz province, killing 12 Afghan policemen.")
    attack = only(record, "ASSAULT")
    assert attack.evidence.trigger.text == "attacked" and names(record, attack.target) == {"AFG"}
    reported = code("Syrian forces shelled rebel-held districts of Homs on Saturday, activists said, killing at least twelve people.")
    assert len([e for e in reported.events if e.type == "ASSAULT"]) == 1
    two = code("Rebels shelled the town on Monday and killed five soldiers on Tuesday.")
    assert len([e for e in two.events if e.type == "ASSAULT"]) == 2  # two acts joined by "and" stay two


def test_a_permitted_act_is_not_done_and_the_permission_goes_to_its_holder():
    record = code("Obama gave permission to Russia to help Israel.")
    assert [e.type for e in record.events] == ["CONCEDE"]
    assert names(record, record.events[0].target) == {"RUS"}
    allowed = code("Egypt allowed Hamas to open an office in Cairo.")
    assert names(allowed, only(allowed, "CONCEDE").target) == {"PSE"}


def test_who_is_alleged_to_have_acted_is_the_target_of_the_allegation():
    record = code("Rwanda alleged on Tuesday that France had trained the militias.")
    assert names(record, only(record, "ACCUSE").target) == {"FRA"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thousands of dock workers stopped work on Monday over pay.", "PROTEST"),
        ("Farmers blocked the bridge to Germany with tractors.", "PROTEST"),
        ("The Egyptian government eased the curfew in Cairo on Friday.", "CONCEDE"),
        ("Britain suspended its aid programme for Uganda on Tuesday.", "SANCTION"),
    ],
)
def test_strikes_blockades_easings_and_suspensions(text: str, kind: str):
    assert only(code(text), kind)


def test_an_act_only_considered_keeps_its_type_and_is_coded_as_a_policy_option():
    record = code("Malaysia is considering giving money to Vietnamese refugees, the minister said.")
    event = only(record, "AID")
    assert event.hypothetical and not event.future and event.cameo == "014"
    assert only(code("Japan offered to give money to the Philippines."), "AGREE")  # an offer is a promise


@pytest.mark.parametrize(
    ("text", "cameo", "target"),
    [
        ("Philippine troopers captured two New People's Army camps over the weekend.", "192", {"PHL"}),
        ("The Somali National Army captured a senior al-Shabaab commander on Monday.", "173", {"SOM"}),
        ("Taliban militants gained control of the base after days of fighting.", "192", set()),
        ("Somali forces pushed al-Shabaab militants out of several villages.", "192", {"SOM"}),
        ("Government troops regained control of the town of Palmyra.", "192", set()),
    ],
)
def test_places_and_people_taken_by_force(text: str, cameo: str, target: set):
    record = code(text)
    event = only(record, "COERCE")
    assert event.cameo == cameo and names(record, event.target) == target


def test_a_press_release_is_no_release_and_a_release_by_someone_is_theirs():
    assert not [e for e in code("The army is holding refugees, according to a press release by the rebels.").events if e.type == "RETREAT"]
    record = code("The release of the prisoners by Israel came on Monday.")
    assert names(record, only(record, "RETREAT").source) == {"ISR"}
    refused = code("Kenya said it would not meet the rebels' demands.").events
    assert refused and refused[0].negated and refused[0].cameo.startswith("12")


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the company refused to comment on the reports.",
        "Shares in Irish banks hit record highs on Thursday.",
        "Creditors took control of the company in January.",
        "Two million tourists visit Cuba every year.",
        "The Conservatives seized the advantage in the polls.",
        "The Social Democrats captured the imagination of young voters.",
        "The chancellor said he had met his golden rule on borrowing.",
        "The Green Party defied the pundits by winning two seats.",
        "The European Union wants to press ahead with talks on climate change.",
        "Patriots have always wanted Britain to be prosperous at home.",
        "Non-EU exports shot up 7.5% in November.",
        "The bank bought its rival in a merger last March.",
        "The Polish airline blamed record fuel prices for its losses.",
        "The Brazilian striker delivered a surprise in the second half.",
        "The European Central Bank's mandate is to fight rising prices.",
        "India's largest airline ordered 30 Airbus planes.",
        "The Egyptian oil ministry will investigate further opportunities.",
    ],
)
def test_business_and_travel_phrases_are_no_political_events(text: str):
    assert not code(text).events


def test_a_refusal_to_act_is_that_act_negated_and_a_refused_meeting_is_one_sided():
    record = code("Russia refused to withdraw its troops from the border.")
    assert [(e.type, e.negated) for e in record.events] == [("RETREAT", True)]
    assert only(code("Russia refused the offer on Monday."), "REJECT")
    refused = code("Iran refused to meet the EU envoy.")
    assert not only(refused, "CONSULT").reciprocal


def test_parties_attack_in_words_and_fighting_crime_is_no_combat():
    record = code("The Labour Party attacked the Conservatives over tax on Monday.")
    assert only(record, "ACCUSE") and not [e for e in record.events if e.type == "ASSAULT"]
    assert only(code("Hamas attacked Israeli troops near Gaza."), "ASSAULT")
    assert not [e for e in code("The police said they would fight crime and terror.").events if e.type in ("ASSAULT", "THREATEN")]


def test_a_name_compounded_onto_a_war_is_its_place_not_its_fighter():
    assert not [e for e in code("Blair defended the Iraq war on Monday.").events if e.type == "ASSAULT" and e.source]
    record = code("Israel's war on Hamas entered its second month.")
    assert names(record, only(record, "ASSAULT").source) == {"ISR"}
    criticised = code("Robin Cook attacked the way the case for war was made.")
    assert not [e for e in criticised.events if e.type == "ASSAULT"]


def test_a_clipped_passive_names_victims_not_killers():
    assert not [e for e in code("Four policemen and four civilians also killed in the riots.").events if e.type == "ASSAULT"]
    assert only(code("Rebels killed two soldiers near Kunduz."), "ASSAULT")


@pytest.mark.parametrize("text", ["Police nabbed two suspects on Monday.", "Police rounded up dozens of protesters in Minsk.",
                                  "Police picked up three youths near the mosque."])
def test_colloquial_arrests(text: str):
    assert only(code(text), "COERCE").cameo == "173"


def test_a_verb_with_its_own_tense_leaves_the_negation_of_the_one_before():
    record = code("Obama said the United States would not recognise the vote and warned Moscow of costs.")
    warned = only(record, "THREATEN")
    assert not warned.negated and not warned.future


def test_helping_to_do_something_is_no_aid_but_helping_a_state_is():
    assert not code("Tony Blair said John Kerry had helped make the election a true contest.").events
    record = code("The United States helped Iraq rebuild its army.")
    assert names(record, only(record, "AID").target) == {"IRQ"}


def test_the_possessor_of_an_arrest_is_the_arrested():
    record = code("Amnesty said the activists' arrest by Egyptian police was unlawful.")
    arrest = only(record, "COERCE")
    assert names(record, arrest.source) == {"EGY"} and names(record, arrest.target) == {None}


def test_a_warning_to_nobody_about_the_weather_of_trade_is_no_threat():
    assert not code("Nestle warned that trading would remain just as competitive.").events
    assert not code("Labour MPs have warned against disunity.").events
    threat = [e for e in code("Egypt's security chief warned that police will no longer tolerate rallies.").events if e.evidence.trigger.text == "warned"]
    assert threat and threat[0].type == "THREATEN"


def test_a_call_for_sanctions_is_a_demand_and_a_call_for_talks_an_appeal():
    demand = code("Archbishop Desmond Tutu called for sanctions against Nigeria.")
    assert only(demand, "REQUEST").cameo == "100" and names(demand, only(demand, "REQUEST").target) == {"NGA"}
    assert only(code("Egypt called for talks with Israel on Monday."), "REQUEST").cameo.startswith("02")


def test_days_of_war_games_are_the_games_and_a_lifted_boycott_is_an_easing():
    record = code("French and Egyptian warships on Monday launched ten days of war games in the Mediterranean.")
    games = only(record, "COOPERATE")
    assert games.reciprocal and names(record, games.source) == {"FRA", "EGY"}
    assert only(code("The United Arab Emirates has lifted its boycott of trade with Namibia."), "RETREAT").cameo == "085"


def test_a_team_beaten_is_a_score_and_people_beaten_an_assault():
    assert not code("Manchester United beat Chelsea on Saturday.").events
    assert only(code("Police beat protesters in Cairo on Friday."), "ASSAULT").cameo == "182"


def test_who_rules_out_plans_or_weighs_a_nominal_act_would_be_its_doer():
    ruled_out = code("The United States ruled out air strikes against Syria.")
    strikes = only(ruled_out, "ASSAULT")
    assert strikes.negated and names(ruled_out, strikes.source) == {"USA"} and names(ruled_out, strikes.target) == {"SYR"}
    weighed = code("Israel is considering sanctions against Turkey.")
    sanctions = only(weighed, "SANCTION")
    assert sanctions.hypothetical and sanctions.cameo == "014" and names(weighed, sanctions.source) == {"ISR"}
    assert not code("The king ruled Jordan for decades.").events


def test_an_act_merely_mentioned_by_another_verb_does_not_take_its_modes():
    record = code("Turkey will not condemn the attack by Hamas on Israel.")
    attack = only(record, "ASSAULT")
    assert not attack.negated and not attack.future and names(record, attack.source) == {"PSE"}


def test_an_act_dated_by_a_negated_clause_still_happened_and_a_release_is_the_released_ones():
    record = code("Iran did not attend the summit after the arrest of its diplomats by Germany.")
    arrest = only(record, "COERCE")
    assert not arrest.negated and names(record, arrest.source) == {"DEU"}
    freed = code("The Palestinian prisoners' release by Israel was welcomed by Egypt.")
    release = only(freed, "RETREAT")
    assert names(freed, release.source) == {"ISR"} and names(freed, release.target) == {"PSE"}


def test_attacked_for_a_fault_is_criticism_unless_armed_men_attacked():
    words = code("The opposition leader attacked the chancellor for failing to mention the environment.")
    assert only(words, "ACCUSE").cameo == "111" and not [e for e in words.events if e.type == "ASSAULT"]
    assert only(code("Rebels attacked the army for its role in the massacre."), "ASSAULT")


def test_a_protest_reported_as_speech_is_a_complaint_about_whom_the_clause_names():
    record = code("The Croatian government is failing to protect refugees, a human rights group protested.")
    complaint = only(record, "ACCUSE")
    assert names(record, complaint.target) == {"HRV"} and not [e for e in record.events if e.type == "PROTEST"]
    assert only(code("Thousands of students protested against the Croatian government."), "PROTEST")


def test_who_was_engaged_in_a_nominal_act_did_it():
    record = code("Serb forces were engaged in ethnic cleansing against the Albanian population.")
    cleansing = only(record, "ASSAULT")
    assert cleansing.cameo == "203" and names(record, cleansing.source) == {"SRB"}


def test_troops_that_arrive_are_deployed_and_a_past_invasion_is_not_what_was_offered():
    record = code("Russian troops arrived in Syria on Monday.")
    deployment = only(record, "MOBILIZE")
    assert names(record, deployment.target) == {"SYR"} and not [e for e in record.events if e.type == "CONSULT"]
    offer = code("Russia offered to negotiate with Armenia following the invasions of Dagestan.")
    assert only(offer, "AGREE").cameo == "036"
    assert not [e for e in offer.events if e.type == "ASSAULT"]  # not Russia's, and nobody is named


def test_peacekeepers_who_arrive_are_protection_given_not_a_deployment():
    record = code("Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.")
    protection = only(record, "AID")
    assert protection.cameo == "074" and names(record, protection.source) == {"BGD"} and names(record, protection.target) == {"SLE"}


def test_inspectors_sent_investigate_and_a_ban_violated_is_defied():
    inspection = code("The IAEA has dispatched inspectors to a nuclear plant in Iran.")
    assert only(inspection, "ACCUSE").cameo == "090" and names(inspection, only(inspection, "ACCUSE").target) == {"IRN"}
    assert only(code("Opposition newspapers have violated a government ban on reporting."), "REJECT").cameo == "128"


def test_a_crowd_event_with_no_one_named_is_done_by_the_protesters_of_the_country_it_happened_in():
    record = code("Violent protests erupted in Colombia on Tuesday. Thousands of rallies were held across Peru.")
    protests = [e for e in record.events if e.type == "PROTEST"]
    crowds = {record.actors[int(e.source[0][1:]) - 1].cameo for e in protests}
    assert crowds == {"COLOPP", "PEROPP"}
    crowd = next(a for a in record.actors if a.cameo == "COLOPP")
    assert crowd.kind == "population" and crowd.role and "implied" in crowd.role and crowd.mentions[0].text == "protests"
    named = only(code("Students held protests in Colombia on Tuesday."), "PROTEST")
    assert all(e.confidence < named.confidence for e in protests)  # a crowd implied is less sure than one named


def test_an_attack_with_no_attacker_named_stays_uncoded_and_named_marchers_are_themselves():
    assert not code("A bomb exploded in a market in Kabul on Monday.").events
    record = code("Students held a rally in Dhaka.")
    assert {a.name for a in record.actors} == {"Students"}


def test_an_arrest_with_no_one_named_is_made_by_the_police_of_the_place_but_a_described_prisoner_implies_none():
    record = code("Over 100 opposition activists were arrested in Dhaka, Bangladesh on Friday.")
    arrest = only(record, "COERCE")
    police = next(a for a in record.actors if a.id == arrest.source[0])
    assert (police.kind, police.cameo, police.role) == ("police", "BGDCOP", "implied by the event")
    described = code("Israel released the mayor of Nablus, a Hamas member jailed a year ago.")
    assert not [e for e in described.events if e.type == "COERCE"]
    nowhere = only(code("Six men were arrested on Friday."), "COERCE")  # no place: still the police, of no country
    assert [a.cameo for a in code("Six men were arrested on Friday.").actors if a.id == nowhere.source[0]] == ["COP"]


def test_a_participle_that_counts_the_arrested_is_an_arrest_by_the_police():
    record = code("Two MPs were among 31 people arrested near Ayodhya on Friday.")
    arrest = only(record, "COERCE")
    assert next(a for a in record.actors if a.id == arrest.source[0]).kind == "police" and arrest.target


def test_people_picked_up_by_police_are_detained_but_a_parcel_or_votes_are_not_and_imply_nobody():
    record = code("Six men were picked up by police in Surat on Monday.")
    assert only(record, "COERCE").cameo == "173"
    for text in ("The parcel was picked up on Monday.", "The Kenyan party picked up votes in the north."):
        quiet = code(text)
        assert not quiet.events and not [a for a in quiet.actors if a.role == "implied by the event"], text


def test_an_implied_doer_without_a_place_of_its_own_takes_the_one_country_the_story_is_set_in():
    record = code("Riots broke out in Ahmedabad on Monday. Officials said 40 people had been taken into custody.")
    arrest = only(record, "COERCE")
    assert next(a for a in record.actors if a.id == arrest.source[0]).cameo == "INDCOP"
    two_countries = code("Riots broke out in Paris and in Berlin. Officials said 40 people had been taken into custody.")
    arrest = only(two_countries, "COERCE")  # which country's police is unsaid: the police of none named
    assert next(a for a in two_countries.actors if a.id == arrest.source[0]).cameo == "COP"


def test_police_firing_and_charges_on_crowds_are_force():
    firing = code("The police firing on the mob in Bharuch left two dead.")
    assert only(firing, "ASSAULT").cameo == "193" and names(firing, only(firing, "ASSAULT").source) == {"IND"}  # the police of the place
    assert only(code("Police resorted to a lathi-charge on the mob in Surat."), "ASSAULT").cameo == "175"
    assert only(code("The police had to burst tear-gas shells to disperse the crowd."), "ASSAULT").cameo == "175"


def test_resigning_in_protest_is_a_reason_not_a_protest():
    record = code("The vote prompted the party chairman in London to resign in protest.")
    assert not [e for e in record.events if e.type == "PROTEST"]
    assert only(code("Thousands of miners joined a protest in London on Monday."), "PROTEST")


def test_dispersing_a_crowd_is_force_and_pelting_is_force_or_a_riot_by_who_pelts():
    assert only(code("Police dispersed the crowd with tear gas in Surat."), "ASSAULT").cameo == "175"
    assert only(code("Police pelted stones at the mob."), "ASSAULT").cameo == "190"
    assert only(code("Protesters pelted the police with stones."), "PROTEST").cameo == "145"
    assert not code("The rally dispersed peacefully.").events


def test_force_used_and_what_it_was_for_are_one_act():
    record = code("Police fired tear gas to disperse the protesters.")
    force = only(record, "ASSAULT")  # not one for the firing and one for the dispersing
    assert force.evidence.trigger.text == "fired" and force.target


def test_a_country_named_as_the_topic_of_a_war_or_deal_is_no_party_but_an_invader_is():
    rejected = only(code("The French president has rejected calls for the publication of advice on the legality of the Iraq war."), "REJECT")
    assert not rejected.target
    condemned = code("Turkey condemned the Russian invasion.")
    assert names(condemned, only(condemned, "ACCUSE").target) == {"RUS"}


def test_speaking_well_of_a_thing_praises_nobody_but_speaking_well_of_an_actor_does():
    assert not code("The Israeli government described the meeting as important.").events
    assert only(code("The Israeli government described the envoy as a true friend."), "SUPPORT").target


def test_words_of_force_and_protest_in_their_other_senses_are_no_events():
    assert not code("The Labour chancellor vowed to beat the Asian tiger economies.").events
    assert only(code("Police beat the protesters with sticks in Lagos."), "ASSAULT").cameo == "182"
    assert not code("The Labour minister demonstrated that the plan works.").events
    assert not code("The Labour party demonstrated its commitment to reform.").events
    assert only(code("Students demonstrated in Seoul against the Korean government."), "PROTEST")


def test_calling_off_or_suspending_a_protest_eases_dissent():
    suspended = only(code("The teachers' union suspended its strike on Monday."), "CONCEDE")
    assert suspended.evidence.trigger.text == "suspended"


def test_a_participle_that_says_who_made_a_nominal_act_gives_its_doer():
    record = code("Residents complained about the arrests made by the riot police on Thursday.")
    arrest = only(record, "COERCE")
    assert [a.sector for a in record.actors if a.id in arrest.source] == ["COP"]


def test_withdrawing_from_a_contract_is_no_retreat_but_withdrawing_troops_is():
    assert not code("The US firm is withdrawing from the contract in Iraq.").events
    assert only(code("Russia withdrew its troops from Georgia."), "RETREAT").cameo == "0874"


def test_a_blow_that_strikes_no_one_is_a_figure_of_speech():
    assert not code("Shares fell sharply, with travel and insurance firms hit hardest.").events
    assert only(code("Rebels hit back at government forces in the north."), "ASSAULT")


def test_parties_battling_contest_and_a_demonstrated_thing_is_shown():
    assert not code("Labour and the Conservatives are battling over taxes.").events
    assert not code("The views of Labour peers starkly demonstrated the divisions in the Labour party.").events
    assert only(code("Hamas fought Israeli troops in Gaza."), "ASSAULT")
    assert only(code("Lord Scarman conducted the inquiry into the Brixton riots."), "ACCUSE").cameo == "090"


def test_publishing_entertaining_and_criticising_standards_are_no_releases_aid_or_attacks():
    assert not code("New figures were released on Tuesday by the British Phonographic Industry.").events
    assert not code("The Black Eyed Peas had provided the night's entertainment.").events
    assert only(code("The comedian Ronnie Corbett attacked the declining standards of television."), "ACCUSE")
    assert only(code("Israel released 26 Palestinian prisoners."), "RETREAT").cameo == "0841"


def test_protecting_a_thing_is_no_protection_of_anyone():
    assert not code("The big companies want to protect inventions they spent years developing.").events
    assert only(code("UN peacekeepers protected civilians in Bunia."), "AID").cameo == "074"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Bahrain cut ties with Iran on Monday.", "161"),
        ("Ethiopia broke off diplomatic relations with Libya.", "161"),
        ("Iran sent weapons to the rebels in Yemen.", "072"),
        ("The European Union sent food to Yemen.", "073"),
        ("Militants beheaded a Japanese hostage.", "1823"),
        ("The Tories attacked Labour's pledges on Monday.", "111"),
    ],
)
def test_common_acts_get_their_own_cameo_code(text: str, cameo: str):
    assert cameo in {e.cameo for e in code(text).events}


def test_an_act_someone_denies_is_negated_and_no_refusal():
    """ "denied that it had sent arms": the speaker says it did not happen, so it is neither an
    asserted act nor a refusal (CAMEO 12x) to act."""
    record = code("Iran denied that it had sent weapons to the rebels in Yemen.")
    aid = only(record, "AID")
    assert aid.negated and not (aid.cameo or "").startswith("12")
    assert aid.attributed_to in aid.source


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("Rioters ransacked the governor's office on Monday.", "PROTEST", "145"),
        ("Protesters burned cars in the capital.", "PROTEST", "145"),
        ("Soldiers burned houses in the village.", "ASSAULT", "1712"),
        ("Protesters burned an effigy of the president.", "PROTEST", "141"),
        ("An angry mob vandalized five temples.", "PROTEST", "145"),
        ("Three people torched two patrol cars.", "ASSAULT", "1712"),
    ],
)
def test_a_crowd_destroying_property_riots_but_soldiers_or_a_few_people_destroy(text: str, kind: str, cameo: str):
    assert (kind, cameo) in {(e.type, e.cameo) for e in code(text).events}


def test_caught_by_the_police_is_an_arrest_but_a_house_catching_fire_is_nothing():
    assert "173" in {e.cameo for e in code("Two activists were caught by the police in Patna on Friday.").events}
    assert not code("The house caught fire on Friday.").events
    assert not code("The rebels caught two fish in the river.").events
    assert not [e for e in code("The villagers were caught unawares by the attack.").events if e.type == "COERCE"]
    assert not [e for e in code("The petitioners said they apprehended a threat to their lives.").events if e.type == "COERCE"]


def test_a_joined_clause_with_its_own_subject_never_takes_the_first_clauses_doer():
    """ "militants opened fire, but the sentries killed one of them": the sentries killed a
    militant; if the sentries were no actor, the killing would have no known doer, never the militants."""
    record = code("The militants opened fire in Jammu, but the police sentries killed one of them.")
    killing = next(e for e in record.events if e.evidence.trigger.text == "killed")
    by_id = {a.id: a for a in record.actors}
    assert [by_id[i].sector for i in killing.source] == ["COP"]
    assert [by_id[i].sector for i in killing.target] == ["REB"]
    unknown = code("The militants opened fire, but the guardsmen of the temple killed one of them.")
    assert not [e for e in unknown.events if e.evidence.trigger.text == "killed" and
                {a.sector for a in unknown.actors if a.id in e.source} == {"REB"}]


def test_a_journey_to_no_one_is_no_visit():
    assert not [e for e in code("The militants arrived in a white car and opened fire.").events if e.type == "CONSULT"]
    assert not code("The president visited the flood zone on Monday.").events
    assert [e.type for e in code("The Brazilian president arrived in Beijing on Monday.").events] == ["CONSULT"]


def test_people_of_no_armed_body_fighting_each_other_contest_and_a_rebel_leader_fights():
    assert not code("Mr Blair and Mr Brown are fighting each other over the leadership.").events
    assert [e.type for e in code("The rebel leader fought government troops for years.").events] == ["ASSAULT"]
    assert [e.type for e in code("Haftar fought government troops for years.").events] == ["ASSAULT"]


def test_a_weapon_acts_for_who_fired_it_but_a_merger_not_for_who_backed_it():
    fired = code("A missile fired by the army destroyed the bridge.")
    assert all(e.source for e in fired.events if e.evidence.trigger.text == "destroyed")
    merger = code("The merger, backed by Russian authorities, will allow foreigners to trade in Gazprom shares.")
    assert not [e for e in merger.events if e.evidence.trigger.text == "allow"]


@pytest.mark.parametrize(
    "text",
    [
        "The government's new strategy will target specific issues.",
        "Voters would recognise that Labour had brought stability.",
        "The government will take steps to meet firms' concerns.",
        "Last week the director's film met with scathing reviews from critics.",
        "Visitors to the ranch can shoot game animals for a fee.",
        "The company is also planning to release a media adapter for the handheld.",
    ],
)
def test_figures_of_speech_with_no_one_acted_on_are_no_event(text: str):
    assert not code(text).events


def test_recognising_a_state_and_bombers_targeting_a_gathering_stay_events():
    assert [e.cameo for e in code("Russia recognised Abkhazia as independent on Tuesday.").events] == ["054"]
    assert [e.type for e in code("Suicide bombers targeted a wake in Baghdad.").events] == ["ASSAULT"]


def test_a_winner_who_beat_rivals_to_an_award_beat_nobody():
    record = code("The film also won best actor for Richard Griffiths, who beat his co-star Michael Gambon.")
    assert not [e for e in record.events if e.type == "ASSAULT"]


def test_hackers_defacing_websites_destroy_property():
    record = code("Hackers have defaced nearly 3,000 Danish websites over the past month.")
    assert [(e.type, e.cameo) for e in record.events] == [("ASSAULT", "1712")]


def test_a_protest_and_its_purpose_are_one_protest_against_what_the_purpose_names():
    record = code("Dozens of lawyers took to the streets on Thursday to protest against police brutality.")
    (protest,) = [e for e in record.events if e.type == "PROTEST"]
    assert {a.sector for a in record.actors if a.id in protest.target} == {"COP"}


def test_a_weapon_s_name_is_not_the_doer_who_fired_it_is():
    record = code("The airliner was blown up by a BAK missile believed to be fired by pro-Russia rebels.")
    attack = next(e for e in record.events if e.type == "ASSAULT")
    by_id = {a.id: a for a in record.actors}
    assert [by_id[s].sector for s in attack.source] == ["REB"]


def test_a_mishap_is_nobody_s_act():
    record = code("Rescuers searched for victims killed by the Malaysia Airlines crash in Ukraine.")
    assert not any(e.type == "ASSAULT" for e in record.events)


def test_a_state_wanting_its_own_leader_to_act_appeals_to_nobody_but_its_congress_does():
    assert not [e for e in code("The US wants Obama to head back.", "2014-01-07").events if e.type == "REQUEST"]
    asked = code("Congress wants Obama to help Iran.", "2014-01-07")
    assert [e.cameo for e in asked.events if e.type == "REQUEST"] == ["020"]


def test_a_body_the_parser_hung_on_its_own_participle_is_still_who_spoke():
    record = code("The Red Cross operating in Iraq said US forces must ensure security.", "2003-04-10")
    demand = next(e for e in record.events if e.type == "REQUEST")
    by_id = {a.id: a for a in record.actors}
    assert [by_id[s].name for s in demand.source] == ["International Committee of the Red Cross"]


def test_a_complaint_the_parser_hung_on_its_speaker_is_still_the_speaker_s_complaint():
    record = code("Croatian authorities are failing to uphold the rights of refugees, a human rights group protested.",
                  "2001-05-02")
    complaint = next(e for e in record.events if e.type == "ACCUSE")
    by_id = {a.id: a for a in record.actors}
    assert [by_id[s].name for s in complaint.source] == ["human rights group"]
    assert [by_id[t].country for t in complaint.target] == ["HRV"]
    assert not any(e.type == "ACCUSE" for e in code("The man arrested yesterday protested.").events)


def test_whoever_an_act_prompted_to_fire_fired():
    record = code("Rioters clashed on Friday, prompting the police to open fire.", "2002-03-01")
    fired = next(e for e in record.events if e.type == "ASSAULT" and e.evidence.trigger.text.startswith("open"))
    by_id = {a.id: a for a in record.actors}
    assert [by_id[s].sector for s in fired.source] == ["COP"] and not fired.hypothetical


def test_whom_a_request_calls_on_would_do_what_is_asked():
    record = code("The European Union called on Iran to release the prisoners.")
    request = only(record, "REQUEST")
    assert names(record, request.source) == {None} or names(record, request.source) <= {"EUR", "IGO"}
    assert names(record, request.target) == {"IRN"}
    release = next(e for e in record.events if e.type != "REQUEST")
    assert names(record, release.source) == {"IRN"} and release.hypothetical
    record = code("Opposition leaders in Kenya called upon the army to return to barracks.")
    assert names(record, only(record, "REQUEST").target) == {"KEN"}


def test_rejecting_what_someone_said_targets_them_and_leaves_their_words_said():
    record = code("Rebels in the Ivory Coast dismissed an appeal from President Laurent Gbagbo to lay down their arms.")
    assert names(record, only(record, "REJECT").target) == {"CIV"}
    record = code("Iran rejected the accusations by Israel.")
    assert names(record, only(record, "REJECT").target) == {"ISR"}
    accusation = only(record, "ACCUSE")
    assert names(record, accusation.source) == {"ISR"} and not accusation.negated
    assert only(code("Iran rejected US aid."), "AID").negated


def test_whom_a_call_or_push_for_an_act_names_is_its_target_and_the_act_only_wished():
    record = code("European ministers called for Burma to release the prisoners.")
    assert names(record, only(record, "REQUEST").target) == {"MMR"}
    record = code("The British government is pushing for the United States to support the plan.")
    assert names(record, only(record, "REQUEST").target) == {"USA"}
    assert all(e.hypothetical for e in record.events if e.type != "REQUEST")
    record = code("The Lebanese president pushed parliament for a new election law.")
    assert names(record, only(record, "REQUEST").target) == {"LBN"}


def test_what_a_participle_says_was_done_by_someone_is_done_whatever_is_demanded_of_it():
    record = code("The farmers demanded the return of land seized by the Zimbabwean army.")
    seizure = only(record, "COERCE")
    assert not seizure.hypothetical and not seizure.future


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("The United States demanded that North Korea abandon its nuclear program.", "REQUEST", {"PRK"}),
        ("Iran demanded compensation from Iraq.", "REQUEST", {"IRQ"}),
        ("Iran threatened to cut off electricity to Azerbaijan.", "THREATEN", {"AZE"}),
        ("A judge opened investigations against Chilean officials.", "ACCUSE", {"CHL"}),
        ("Russia threatened to stop the talks if the United States deploys new missiles.", "THREATEN", {"USA"}),
        ("The Palestinian prime minister refused to respond to a demand from the Israeli government.", "REJECT", {"ISR"}),
        ("The Liberian government rejected charges by Ivory Coast that it armed the rebels.", "REJECT", {"CIV"}),
        ("Libya offered to hand over to Britain two suspects.", "AGREE", {"GBR"}),
        ("Students marched in Nairobi to protest the arrest of their leader by Kenyan police.", "PROTEST", {"KEN"}),
        ("Islamists continued their hunger strike to demand the resignation of Algerian President Ahmed Ben Bella.",
         "PROTEST", {"DZA"}),
        ("Hundreds of students rallied in Tunis in protest against violations by Tunisian security forces.", "PROTEST",
         {"TUN"}),
        ("Thousands of Kurds demonstrated in Kirkuk demanding autonomy from the Iraqi government.", "PROTEST", {"IRQ"}),
    ],
)
def test_whom_a_demand_threat_refusal_offer_or_protest_is_aimed_at_is_its_target(text: str, kind: str, target: set):
    record = code(text)
    event = next(e for e in record.events if e.type == kind)
    assert names(record, event.target) == target


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Israeli air strikes killed five people in Gaza.", "195"),
        ("Two Israeli air raids killed five people.", "195"),
        ("The attack by rebels wounded ten soldiers.", "190"),
    ],
)
def test_an_attack_that_kills_or_wounds_is_one_attack_with_its_victims_and_weapon(text: str, cameo: str):
    record = code(text)
    attack = only(record, "ASSAULT")
    assert attack.cameo == cameo and attack.target and attack.source


def test_doers_named_by_adjectives_or_by_what_they_fired_or_wield():
    record = code("A rebel attack on the town killed five Malian soldiers.")
    attack = only(record, "ASSAULT")
    assert {a.sector for a in record.actors if a.id in attack.source} == {"REB"}
    record = code("Protesters threw stones amid clouds of tear gas fired by police.")
    assert any(e.type == "ASSAULT" and "crowd-control" in e.mode for e in record.events)
    record = code("Armed herdsmen attacked the village.")
    assert only(record, "ASSAULT")
    assert not [e for e in code("Gun-wielding herdsmen attacked the village.").events if e.type == "PROTEST"]


def test_people_held_or_locked_up_by_security_forces_are_detained_but_talks_held_are_not():
    assert only(code("Police held five suspects overnight in Lagos."), "COERCE").cameo == "173"
    assert only(code("Soldiers locked up dozens of protesters in Harare."), "COERCE").cameo == "173"
    assert not [e for e in code("The army held talks with tribal leaders.").events if e.type == "COERCE"]
    assert not [e for e in code("Police are holding a press conference.").events]


def test_undoing_what_someone_did_is_theirs_to_do():
    record = code("Iran demanded the release of prisoners held by Israel.")
    assert names(record, only(record, "REQUEST").target) == {"ISR"}
    record = code("Iran demanded the release of the prisoners.")
    assert names(record, only(record, "REQUEST").target) != {"ISR"}


def test_an_actor_named_twice_in_one_phrase_is_one_source():
    record = code("State television said four civilians were killed and six more injured in a US-led coalition airstrike east of the town.")
    assert only(record, "ASSAULT").source
    for event in record.events:
        assert len(set(event.source)) == len(event.source), event
        assert len(set(event.target)) == len(event.target), event


def test_what_was_fired_on_is_not_the_firers_act():
    record = code("Riot police opened fire on a march in the capital, witnesses said.")
    assert only(record, "ASSAULT").source
    assert not [e for e in record.events if e.type == "PROTEST" and names(record, e.source) == names(record, only(record, "ASSAULT").source)]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Riot police patrolled the market on Friday.", "150"),
        ("The Indian government dispatched two battalions to the border region.", "154"),
    ],
)
def test_patrols_and_units_sent_are_mobilization(text: str, cameo: str):
    assert only(code(text), "MOBILIZE").cameo == cameo


def test_fire_opened_at_no_one_named_is_shooting_but_warning_shots_are_crowd_control():
    assert only(code("Police opened fire near the station, witnesses said."), "ASSAULT").cameo == "193"
    assert only(code("Police fired shots at the crowd."), "ASSAULT").cameo == "193"
    for text in ("Soldiers opened fire in the air to scare the crowd.", "Police fired shots into the air."):
        warning = only(code(text), "ASSAULT")
        assert (warning.cameo, warning.mode) == ("175", ("crowd-control",)), text


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Britain warned its citizens against travelling to Egypt.", {"GBR"}, {"EGY"}),
        ("The State Department advised against travel to Tunisia after the shooting.", {"USA"}, {"TUN"}),
        ("Germany issued a travel warning for Kenya on Friday.", {"DEU"}, {"KEN"}),
    ],
)
def test_a_travel_warning_reduces_relations_with_the_country_and_is_no_visit_or_threat(text: str, source: set, target: set):
    record = code(text)
    warning = only(record, "SANCTION")
    assert warning.cameo == "160"
    assert (names(record, warning.source), names(record, warning.target)) == (source, target)
    assert not [e for e in record.events if e.type in ("CONSULT", "THREATEN")]


def test_an_act_warned_against_is_not_done():
    assert not code("Iran warned against attacking Syria.").events
    record = code("Police warned the students against marching to parliament.")
    assert [e.type for e in record.events] == ["THREATEN"]


def test_a_compound_trigger_is_one_event_not_one_more_for_its_first_word():
    record = code("A court in Guyana issued arrest warrants for two Brazilian men on Monday.")
    warrant = only(record, "COERCE")
    assert warrant.evidence.trigger.text == "arrest warrants" and names(record, warrant.source) == {"GUY"}
