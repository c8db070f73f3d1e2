"""PLOVER auxiliary modes read from the real spaCy parse of short sentences."""

from __future__ import annotations

import pytest

from newsgraph.document.nlp import load_nlp
from newsgraph.events.modality import Modality, read_modality


def modality_of(sentence: str, word: str) -> Modality:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.text == word)
    return read_modality(token)


@pytest.mark.parametrize(
    ("sentence", "word", "negated", "hypothetical", "future"),
    [
        ("Police did not arrest the protesters.", "arrest", True, False, False),
        ("The army sent no troops to the border.", "sent", True, False, False),
        ("The two governments ruled out sending troops to the region.", "sending", True, False, False),
        ("Iran refused to meet the envoy.", "meet", True, False, False),
        ("Iran did not refuse to meet the envoy.", "meet", False, False, False),
        ("We are not contemplating putting soldiers on the ground.", "putting", True, True, False),
        ("The minister said his government was prepared to aid the army.", "aid", False, True, False),
        ("The ministry has pledged to begin delivering drones.", "delivering", False, False, True),
        ("The rebels will never surrender the city.", "surrender", True, False, True),
        ("He added that the country would not conduct joint operations with Turkey.", "conduct", True, False, True),
        ("If they make a request, we will provide them with equipment.", "make", False, True, True),
        ("The army shelled the town on Monday.", "shelled", False, False, False),
        ("Officials could impose new sanctions next month.", "impose", False, True, False),
        ("Police were able to arrest 39 men at the spot.", "arrest", False, False, False),
        ("Police will be able to arrest the men.", "arrest", False, True, True),
        ("The envoy did not explain what help the government was considering.", "considering", False, False, False),
        ("Police will no longer tolerate rallies by the opposition.", "rallies", False, False, False),
        ("Turkey did not condemn the attack on the convoy.", "attack", False, False, False),
        ("The two leaders will hold talks in Oslo.", "talks", False, False, True),
        ("The delegation will attend talks in Oslo.", "talks", False, False, True),
        ("The government ruled out air strikes.", "strikes", True, False, False),
        ("The army was prepared to strike as the rebels fled the town.", "fled", False, False, False),
        ("Russia offered talks following the invasion.", "invasion", False, False, False),
        ("Violent protests erupted ahead of nationwide marches.", "marches", False, False, True),
        ("The bill gives officers the power to detain suspects.", "detain", False, True, False),
        ("Police used their power to detain the suspects.", "detain", False, False, False),
        ("There could be further strikes unless the government backs down.", "strikes", False, True, False),
        ("There were no talks between the two sides.", "talks", True, False, False),
        ("Militants attempted to assassinate the prime minister.", "assassinate", False, False, False),
        ("North Korea has tried to hack the computers of army officers.", "hack", False, False, False),
        ("Iran will try to mediate between the two sides.", "mediate", False, True, True),
        ("Iran did not try to mediate.", "mediate", True, True, False),
    ],
)
def test_modes(sentence: str, word: str, negated: bool, hypothetical: bool, future: bool):
    found = modality_of(sentence, word)
    assert (found.negated, found.hypothetical, found.future) == (negated, hypothetical, future)


@pytest.mark.parametrize(
    ("sentence", "word", "negated", "denied"),
    [
        ("Russia denied that its troops had attacked the village.", "attacked", True, True),
        ("Russia did not deny that its troops had attacked the village.", "attacked", False, False),
        ("Iran denied sending weapons to the rebels.", "sending", True, True),
        ("Iran refused to send weapons to the rebels.", "send", True, False),
    ],
)
def test_a_denied_act_is_negated_and_marked_as_denied_not_refused(sentence: str, word: str, negated: bool, denied: bool):
    found = modality_of(sentence, word)
    assert (found.negated, found.denied) == (negated, denied)


def test_reported_clause_is_marked_and_speaker_negation_does_not_leak():
    found = modality_of("The spokesman did not say that the army attacked the village.", "attacked")
    assert found.reported and not found.negated


@pytest.mark.parametrize(
    ("sentence", "word", "announced"),
    [
        ("The two leaders will meet in Oslo on Tuesday.", "meet", False),
        ("The minister is scheduled to visit Oslo.", "visit", False),
        ("Norway is about to restore ties with Chile.", "restore", False),
        ("Norway pledged to restore ties with Chile.", "restore", True),
        ("The minister said Norway will restore ties with Chile.", "restore", True),
        ("Norway plans to restore ties with Chile.", "restore", True),
        ("Norway is about to restore ties with Chile, an official said.", "restore", False),
    ],
)
def test_a_promised_future_is_announced_and_a_dated_one_is_not(sentence: str, word: str, announced: bool):
    found = modality_of(sentence, word)
    assert found.future and found.announced == announced



def test_a_past_clause_dated_by_when_or_after_states_what_happened_whatever_governs_it():
    assert not modality_of("Climate change was discussed when the senator visited Tony Blair.", "visited").hypothetical
    assert modality_of("Israel considered striking Iran after Iran attacked its embassy.", "striking").hypothetical
    assert not modality_of("Israel considered striking Iran after Iran attacked its embassy.", "attacked").hypothetical


def test_a_verb_joined_to_a_plan_is_done_not_planned():
    assert not modality_of("The rebels planned and carried out the killings.", "killings").future
    assert modality_of("The rebels will plan and carry out the killings.", "killings").future
    assert modality_of("The rebels plan to attack and seize the town.", "seize").future
