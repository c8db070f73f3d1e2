"""The dead and injured the coder reads for each attack, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract
from newsgraph.records import Event
from newsgraph.text.article import Metadata, make_article


def attacks(text: str) -> list[Event]:
    record = extract(make_article(text, Metadata(published="2019-03-04"), "test"))
    return [e for e in record.events if e.type == "ASSAULT"]


def harm(text: str) -> tuple[int | None, int | None]:
    """The largest (killed, injured) any attack of the sentence reports."""
    found = attacks(text)
    assert found, f"no attack coded in {text!r}"
    killed = [e.killed for e in found if e.killed is not None]
    injured = [e.injured for e in found if e.injured is not None]
    return (max(killed) if killed else None, max(injured) if injured else None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Gunmen killed seven villagers near Maiduguri on Sunday.", 7, None),
        ("Three soldiers were shot dead by rebels in the north.", 3, None),
        ("The militia shot dead 14 farmers, officials said.", 14, None),
        ("Police fired on the marchers, killing two and injuring at least 15 others.", 2, 15),
        ("A teenager died in police firing in the old city.", 1, None),
        ("Twenty-three people were killed in army shelling of the market.", 23, None),
        ("Six protesters and a policeman were killed when security forces opened fire.", 7, None),
        ("Troops opened fire on the crowd, leaving four people dead.", 4, None),
        ("Rebels attacked the convoy, wounding dozens of soldiers.", None, 24),
        ("Soldiers beat a student to death in the barracks.", 1, None),
        ("Two villagers were killed and a nurse sustained injuries when gunmen opened fire on a clinic.", 2, 1),
        ("Government forces shelled the suburbs, residents said, killing nine people.", 9, None),
        ("Troops attacked the convoy, leaving both drivers dead.", 2, None),
        ("The rebel attack left 17 soldiers dead and 31 wounded.", 17, 31),
        ("Militants killed at least 12 people, including five children, in the raid.", 12, None),
        ("Israeli soldiers fired on the boats; nobody was hurt.", None, None),
        ("Police fired tear gas at the students.", None, None),
    ],
)
def test_the_dead_and_injured_of_an_attack(text: str, killed: int | None, injured: int | None) -> None:
    assert harm(text) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels threatened to kill 40 hostages.",
        "The army denied that its soldiers killed five civilians.",
        "Troops will not fire on the 200 protesters, the general said.",
    ],
)
def test_attacks_that_did_not_happen_killed_nobody(text: str) -> None:
    assert all(e.killed is None and e.injured is None for e in attacks(text))


def test_deaths_told_beside_another_attack_are_not_counted_for_this_one() -> None:
    found = attacks("While six people were injured in police firing, twelve were killed by the rioters.")
    firing = [e for e in found if e.evidence.trigger.text == "firing"]
    assert firing and all(e.killed is None for e in firing)
    assert any(e.injured == 6 for e in firing)


def test_the_counts_survive_the_record_round_trip() -> None:
    from newsgraph.records import Extraction

    record = extract(make_article("Gunmen killed nine passengers on a bus.", Metadata(published="2019-03-04"), "test"))
    again = Extraction.from_dict(record.to_dict())
    assert [e.killed for e in again.events if e.type == "ASSAULT"] == [9]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("At least 30 people were killed and 41 others were wounded when militants detonated a truck bomb at a hotel.", 30, 41),
        ("Nine miners died when soldiers opened fire on the strikers.", 9, None),
    ],
)
def test_a_harm_timed_by_the_attack_that_did_it_is_that_attack(text: str, killed: int, injured: int | None) -> None:
    found = attacks(text)
    assert len(found) == 1, [(e.evidence.trigger.text, e.killed) for e in found]
    assert (found[0].killed, found[0].injured) == (killed, injured)
    assert found[0].target


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Rebels attacked the town and killed five soldiers.", 5),
        ("Gunmen stormed the hotel and shot dead eleven guests, killing them in the lobby.", 11),
    ],
)
def test_the_same_dead_count_once_across_the_events_of_one_attack(text: str, killed: int) -> None:
    assert sum(e.killed or 0 for e in attacks(text)) == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Militants hurled grenades at an army post on Monday. The explosions killed five soldiers and wounded 12.", 5, 12),
        ("Rebels attacked the village of Kuru on Monday. Five soldiers were killed, the army said.", 5, None),
        ("Police fired on protesters in the capital. Two people were injured, witnesses said.", None, 2),
    ],
)
def test_a_toll_told_in_the_next_sentence_is_the_attacks_and_joins_its_evidence(
        text: str, killed: int | None, injured: int | None) -> None:
    found = attacks(text)
    assert len(found) == 1 and (found[0].killed, found[0].injured) == (killed, injured)
    assert found[0].evidence.text == text, "the evidence covers the sentence that tells the toll"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the village on Monday. A roadside bomb killed five soldiers elsewhere.",
        "Rebels attacked the village on Monday. Five people died of cholera.",
        "Rebels attacked the village on Monday.\n\nFive soldiers were killed in the north.",
        "Rebels attacked the village on Monday. Five soldiers were killed on Tuesday.",
        "Rebels attacked the village on Monday. Five soldiers may have been killed.",
        "Israeli warplanes bombed the town. Scores of militants were killed as the army was clearing the area.",
        "Israeli warplanes bombed the town. Scores of militants were killed and injured as the army was clearing the area.",
    ],
)
def test_a_next_sentence_that_may_tell_another_toll_or_none_is_not_counted(text: str) -> None:
    assert [(e.killed, e.injured) for e in attacks(text)] == [(None, None)]


def test_no_one_harmed_is_a_count_of_zero_not_one() -> None:
    assert harm("Gunmen attacked the bus, but no one was hurt.") == (None, 0)
    assert harm("Rebels attacked the village on Monday. No one was killed.") == (0, None)
    assert harm("Gunmen attacked the bus, killing two, but no one else was hurt.") == (2, 0)
