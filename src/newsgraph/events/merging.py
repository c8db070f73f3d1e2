"""The events of one sentence read together: targets shared, outcomes folded, duplicates dropped.

"Iran threatened to shell Iraqi towns" gives the threat the shelling's target; "shelled the
city, killing eight people" is one attack, not two; conjoined triggers that meet twice are one
event. These steps need the sentence's events side by side, so they run after each is coded.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.events.casualties import DYING_VERBS, INJURING_VERBS, KILLING_VERBS, coordination, is_timing_clause
from newsgraph.events.modality import SPEECH_LEMMAS, is_purpose
from newsgraph.events.weapons import WEAPONS
from newsgraph.records import Event

if TYPE_CHECKING:
    from newsgraph.events.triggers import Trigger

# Events that can take their target from the event they govern ("threatened to shell Iraqi towns").
GOVERNING_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "SUPPORT", "ACCUSE"})


# Verbs that tell the harm an attack did ("were killed when …").
HARM_VERBS = KILLING_VERBS | INJURING_VERBS | DYING_VERBS

# CAMEO's bare "use conventional military force", which a named weapon refines.
GENERIC_ATTACK = "190"

# Participles that report what an attack did ("…, killing eight people"): its outcome, not a new act.
OUTCOME_VERBS = frozenset({"kill", "wound", "injure", "leave", "claim"})


def inherit_targets(events: list[Event], coded: list[tuple[Trigger, Event]]) -> list[Event]:
    """ "Iran threatened to shell Iraqi towns": the threat's target is the shelling's."""
    by_id = {id(e): e for e in events}
    changed: dict[int, Event] = {}
    for trigger, event in coded:
        if event.target or event.type not in GOVERNING_TYPES:
            continue
        subtree = {t.i for t in trigger.token.subtree} - {trigger.token.i}
        for other_trigger, other in coded:
            if other is event or other_trigger.token.i not in subtree or not other.target:
                continue
            target = tuple(t for t in other.target if t not in event.source)
            if target:
                changed[id(event)] = replace(event, target=target)
                break
    return [changed.get(id(e), by_id[id(e)]) for e in events]


# Acts whose purpose clause of the same kind is the same act ("fired tear gas to disperse them",
# "took to the streets to protest").
FOLDING_TYPES = frozenset({"ASSAULT", "PROTEST"})


def fold_outcomes(events: list[Event], coded: list[tuple[Trigger, Event]]) -> list[Event]:
    """ "Insurgents shelled the city, killing eight people": the killing is what the shelling did,
    one attack and not two; so is the purpose of an attack ("fired tear gas to disperse them"). The participle's event is dropped; its victims become the attack's
    target when the attack named none ("attacked a checkpoint, killing 12 policemen")."""
    attacks = {trigger.token.i: event for trigger, event in coded if event.type in FOLDING_TYPES}
    folded: set[int] = set()
    targets: dict[int, tuple[str, ...]] = {}
    for trigger, event in coded:
        token = trigger.token
        if token.dep_ == "conj" and _outcome(token.head):
            token = token.head  # "…, killing one and injuring eight": both participles are outcomes
        attack = attacks.get(token.head.i) or _reported_attack(token, attacks)
        if (attack is None or attack is event or event.type != attack.type or event.source != attack.source
                or not ((event.type == "ASSAULT" and _outcome(token)) or _purpose(token))):
            continue  # "took to the streets to protest against X": one protest, against X
        folded.add(id(event))
        if not attack.target and event.target:
            targets[id(attack)] = event.target
    return [replace(e, target=targets[id(e)]) if id(e) in targets else e for e in events if id(e) not in folded]


def fold_wielding(events: list[Event], coded: list[tuple[Trigger, Event]]) -> list[Event]:
    """ "Five soldiers were killed by a roadside bomb planted by the Taliban", "a rocket fired by
    Hamas hit a bus": planting or firing the weapon that struck is the same attack, not a second
    one. The clause that wields the weapon is dropped when the attack it serves has the same doers;
    its target, if the attack named none, becomes the attack's."""
    attacks = {trigger.token.i: event for trigger, event in coded if event.type == "ASSAULT"}
    folded: set[int] = set()
    targets: dict[int, tuple[str, ...]] = {}
    for trigger, event in coded:
        token = trigger.token
        if event.type != "ASSAULT" or token.dep_ not in ("acl", "relcl"):
            continue
        weapon = token.head
        if weapon.lemma_.lower() not in WEAPONS:
            continue  # "fired 40 rounds killing two persons": a killing, told apart from the firing
        holder = weapon.head.head if weapon.dep_ == "pobj" else weapon.head
        attack = attacks.get(holder.i)
        if attack is None or attack is event or set(attack.source) != set(event.source):
            continue
        folded.add(id(event))
        if not attack.target and event.target:
            targets[id(attack)] = event.target
    return [replace(e, target=targets[id(e)]) if id(e) in targets else e for e in events if id(e) not in folded]


def fold_timed_harms(events: list[Event], coded: list[tuple[Trigger, Event]]) -> list[Event]:
    """ "25 people were killed and 20 wounded when militants detonated a car bomb": the killing and
    the wounding are what the bombing did, one attack and not three. A harm clause whose event
    has the doers of the attack in its when/as/after clause is dropped; its victims become the
    attack's target when the attack named none. The counts stay readable from the sentence
    (events/casualties.py reads them for the attack)."""
    attacks = {trigger.token.i: event for trigger, event in coded if event.type == "ASSAULT"}
    dropped: set[int] = set()
    targets: dict[int, tuple[str, ...]] = {}
    for trigger, event in coded:
        token = trigger.token
        if event.type != "ASSAULT" or token.lemma_.lower() not in HARM_VERBS:
            continue
        attack = next((attacks[t.i] for clause in _timing_clauses(token) for t in clause.subtree
                       if t.i in attacks and t.i != token.i), None)
        if attack is None or set(event.source) != set(attack.source) or event.negated != attack.negated:
            continue
        dropped.add(event.evidence.trigger.start)
        if event.target:
            start = attack.evidence.trigger.start
            targets[start] = tuple(dict.fromkeys(targets.get(start, ()) + event.target))
    return [
        replace(e, target=targets[e.evidence.trigger.start]) if not e.target and e.evidence.trigger.start in targets else e
        for e in events if e.evidence.trigger.start not in dropped
    ]


def _timing_clauses(harm) -> list:  # type: ignore[no-untyped-def]
    """The when/as/after clauses on a harm verb or on the coordination it stands in."""
    return [c for verb in coordination(harm) for c in verb.children if is_timing_clause(c)]


def fold_striking_attacks(events: list[Event], coded: list[tuple[Trigger, Event]]) -> list[Event]:
    """ "Israeli air strikes killed five people": the strikes and the killing are one attack. The
    noun's event is dropped; the verb's keeps its victims and takes the noun's weapon when it
    names none of its own (CAMEO 195 for the air strike, not the killing's bare 190)."""
    attacks = {trigger.token.i: event for trigger, event in coded if event.type == "ASSAULT"}
    folded: set[int] = set()
    merged: dict[int, Event] = {}
    for trigger, event in coded:
        token = trigger.token
        if event.type != "ASSAULT" or token.pos_ != "NOUN" or token.dep_ != "nsubj":
            continue
        attack = attacks.get(token.head.i)
        if attack is None or attack is event or not set(event.source) <= set(attack.source) or event.negated != attack.negated:
            continue
        folded.add(id(event))
        kept = merged.get(id(attack), attack)
        if event.mode and not kept.mode and kept.cameo == GENERIC_ATTACK and event.future == kept.future:
            # a killing the strikes made takes their weapon; a threatened one keeps its threat code
            kept = replace(kept, mode=event.mode, cameo=event.cameo, quad=event.quad, score=event.score, goldstein=event.goldstein)
        merged[id(attack)] = replace(kept, target=kept.target or event.target)
    return [merged.get(id(e), e) for e in events if id(e) not in folded]


def _outcome(token) -> bool:  # type: ignore[no-untyped-def]
    """ "…, killing eight people": a participle that reports what the attack did."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in OUTCOME_VERBS


def _purpose(token) -> bool:  # type: ignore[no-untyped-def]
    """ "fired tear gas to disperse the crowd": the force used and what it was for are one act."""
    return token.dep_ in ("advcl", "xcomp") and is_purpose(token)


def _reported_attack(token, attacks: dict[int, Event]) -> Event | None:  # type: ignore[no-untyped-def]
    """ "Forces shelled the town, activists said, killing twelve": the parser hangs the participle on "said"."""
    if token.head.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next((attacks[c.i] for c in token.head.children if c.dep_ == "ccomp" and c.i in attacks), None)


def deduplicate(events: list[Event]) -> list[Event]:
    """One event per (type, source, target, trigger): conjoined triggers can meet twice."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Event] = []
    for event in events:
        key = (event.type, event.source, event.target, event.evidence.trigger.start)
        if key in seen:
            continue
        seen.add(key)
        kept.append(event)
    return [_renumber(e, i) for i, e in enumerate(kept, start=1)]


def _renumber(event: Event, number: int) -> Event:
    return replace(event, id=f"e{number}")
