"""An attack one party says another made is that party's accusation of it.

"The US claimed that ISIL had attacked Iraq", "Israel said a mortar bomb was fired at it from
Gaza": the attack is coded as the speaker's claim (``attributed_to``), and the claim itself is
an act between speaker and alleged attacker — PLOVER ACCUSE, mode ``allege``; CAMEO 112. The
PETRARCH-2 gold standard codes these sentences so, and an analyst following who blames whom
for the violence needs the accusation as much as the attack.

Only asserted attacks are alleged: "said it would not attack" or "could attack" accuses nobody.
Nobody accuses themselves or their own state ("the army said its troops shelled the town" is
a claim of one's own act), and reporters, medics and the police relay what happened rather than
take a side ("…, police said"). An accusation the text already states ("accused Israel of
attacking") is not doubled.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.events.attribution import quote_at
from newsgraph.events.modality import SPEECH_LEMMAS
from newsgraph.events.scales import event_scales

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.events.registry import CodingInput
    from newsgraph.records import Actor, Event

ALLEGED_TYPES = frozenset({"ASSAULT"})
ACCUSE, ALLEGE, ACCUSE_CAMEO = "ACCUSE", "allege", "112"
# Sectors that report violence rather than take a side in it: the press, medics, and the police,
# whose word on a crime ("…, police said") is the routine report of it, not a charge in a dispute.
RELAYING_SECTORS = frozenset({"JRN", "MED", "COP"})
# Sectors of a state's own offices: one of them reporting another's act speaks for the same side.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
ALLEGATION_CONFIDENCE_DROP = 0.1
# Links that hang background on a clause rather than make it what was said: "…, five years after
# crowds trashed its embassy, an official said", "a woman who shot at officers was extradited".
BACKGROUND_LINKS = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj", "appos", "npadvmod"})


def with_allegations(events: list[Event], inputs: CodingInput) -> list[Event]:
    """``events`` with each reported attack followed by the accusation it makes, one per speaker,
    accused and sentence."""
    if not any(e.type in ALLEGED_TYPES and e.attributed_to for e in events):
        return events  # most documents: no reported attack, nothing to read
    stated = {(e.evidence.sentence, s, t) for e in events if e.type == ACCUSE for s in e.source for t in e.target}
    tokens = {token.idx: token for token in inputs.document.doc}
    out: list[Event] = []
    for event in events:
        out.append(event)
        speaker = event.attributed_to
        accused = tuple(a for a in _accused(event, inputs) if (event.evidence.sentence, speaker, a) not in stated)
        token = tokens.get(event.evidence.trigger.start)
        if speaker is None or not accused or token is None or not _what_was_said(token, event, inputs):
            continue
        stated.update((event.evidence.sentence, speaker, a) for a in accused)
        out.append(_accusation(event, speaker, accused))
    return out


def _accused(event: Event, inputs: CodingInput) -> tuple[str, ...]:
    """Whom ``event``'s speaker accuses of it: its doers, when the speaker is another side."""
    if event.type not in ALLEGED_TYPES or event.negated or event.hypothetical or event.attributed_to is None:
        return ()
    try:
        speaker = inputs.actor(event.attributed_to)
    except KeyError:
        return ()  # a speaker no actor stands for (a quote's unresolved speaker) accuses nobody we can name
    if speaker.sector in RELAYING_SECTORS or event.attributed_to in event.source:
        return ()
    return tuple(doer for doer in event.source if not _same_side(speaker, inputs.actor(doer)))


def _what_was_said(token: Token, event: Event, inputs: CodingInput) -> bool:
    """The attack is what the speaker says, not background to it: it is in the speaker's own
    quoted words, or its clause is the complement of the verb of saying."""
    quote = quote_at(inputs.quotes, event.evidence.trigger.start)
    if quote is not None and quote.direct:
        return True
    current = token
    for _ in range(10):
        if current.dep_ in BACKGROUND_LINKS or current.head.i == current.i:
            return False
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in SPEECH_LEMMAS:
            return True
        current = current.head
    return False


def _same_side(speaker: Actor, doer: Actor) -> bool:
    """The speaker and doer speak for one state ("the army said its troops …") or one group ("a
    Taliban spokesman said the group attacked": its people carry the group's code)."""
    if doer.kind in ("armed_group", "party", "organization") and doer.cameo and speaker.cameo == doer.cameo:
        return True
    if speaker.country is None or speaker.country != doer.country:
        return False
    return _state(speaker) and _state(doer)


def _state(actor: Actor) -> bool:
    return actor.kind in ("country", "government", "military", "police") or actor.sector in STATE_SECTORS


def _accusation(event: Event, speaker: str, accused: tuple[str, ...]) -> Event:
    """The speaker's accusation; its evidence is the attack alleged, so it ranks after the attack."""
    quad, score, goldstein = event_scales(ACCUSE, ACCUSE_CAMEO)
    return replace(
        event,
        id=f"{event.id}a",
        type=ACCUSE,
        mode=(ALLEGE,),
        cameo=ACCUSE_CAMEO,
        source=(speaker,),
        target=accused,
        attributed_to=None,
        future=False,
        quad=quad,
        score=score,
        goldstein=goldstein,
        confidence=round(max(0.05, event.confidence - ALLEGATION_CONFIDENCE_DROP), 2),
        reciprocal=False,
    )
