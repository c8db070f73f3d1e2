"""A reported attack as the speaker's accusation of the attacker, from the real parse."""

from __future__ import annotations

from newsgraph.events.allegations import ALLEGE
from newsgraph.records import Extraction
from tests.events.coding import code


def accusations(record: Extraction) -> list[tuple[str, tuple[str, ...]]]:
    names = {a.id: a.name for a in record.actors}
    return [(names[e.source[0]], tuple(names[t] for t in e.target)) for e in record.events
            if e.type == "ACCUSE"]


def test_a_state_saying_another_attacked_accuses_it_and_the_attack_stays_its_claim():
    record = code("The United States claimed that Iran had attacked Iraq.")
    (accusation,) = [e for e in record.events if e.type == "ACCUSE"]
    attack = next(e for e in record.events if e.type == "ASSAULT")
    assert accusation.mode == (ALLEGE,) and accusation.cameo == "112"
    assert accusation.source == (attack.attributed_to,) and accusation.target == attack.source
    assert accusation.evidence.trigger == attack.evidence.trigger


def test_the_attack_ranks_before_the_accusation_it_makes():
    record = code("Israel said Syria had shelled its positions on Tuesday.")
    kinds = [e.type for e in record.events]
    assert kinds.index("ASSAULT") < kinds.index("ACCUSE")


def test_no_accusation_for_a_denied_possible_or_own_side_attack():
    assert accusations(code("Russia said it would not attack Georgia.")) == []
    assert accusations(code("Iran said Israel could attack its nuclear sites.")) == []
    assert accusations(code("The Iraqi army said its troops shelled Fallujah.")) == []


def test_reporters_and_background_clauses_accuse_nobody():
    assert accusations(code("Rebels shelled Aleppo overnight, Syrian state media reported.")) == []
    background = "Kenya will restore ties with Somalia five years after militants attacked its embassy, an official said."
    assert accusations(code(background)) == []


def test_an_accusation_the_text_states_is_not_doubled():
    record = code("Iran accused Israel of attacking Syria.")
    assert len([e for e in record.events if e.type == "ACCUSE"]) == 1


def test_the_police_reporting_an_attack_relay_it():
    assert accusations(code("Irish nationalist guerrillas wounded two British soldiers in a bomb attack, police said.")) == []


def test_a_document_accuses_for_whoever_issued_it():
    record = code("A report issued by the Chadian government accused Sudan of arming the rebels.")
    assert ("Chad government", ("Sudan",)) in accusations(record)
    record = code("A report released in the Chadian capital alleged that Sudan armed the rebels.")
    assert ("Chad", ("Sudan",)) in accusations(record)
    assert accusations(code("The report alleged that Sudan armed the rebels.")) == []


def test_a_capital_the_tagger_missed_acts_for_its_state():
    record = code("Kigali accused Paris of complicity in the killings.")
    assert accusations(record) == [("Rwanda government", ("France government",))]


def test_a_groups_spokesman_telling_what_the_group_did_claims_it_and_accuses_nobody():
    record = code("A Taliban spokesman said the group attacked the army base.")
    attack = next(e for e in record.events if e.type == "ASSAULT")
    by_id = {a.id: a for a in record.actors}
    assert [(by_id[s].name, by_id[s].sector) for s in attack.source] == [("Taliban", "REB")], "the group, named as the owner of the role"
    assert accusations(record) == []
