"""Verb triggers that give way to another trigger they carry, so that one act is coded once.

"pledged to begin delivering drones" is AID in the future, not a separate AGREE; "refused to
withdraw" is the withdrawal, negated; "would not provide support" is the SUPPORT, coded
through the noun. The coder drops such a verb from a sentence's triggers before coding, and
the act it carries is coded in its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.arguments import LIGHT_VERBS

if TYPE_CHECKING:
    from newsgraph.events.triggers import Trigger

# Verbs of commitment whose embedded event is coded instead of them, with future=True
# ("pledged to begin delivering drones" is AID in the future, not a separate AGREE).
COMMITMENT_VERBS = frozenset({"pledge", "promise", "vow", "swear", "agree", "offer", "plan", "intend", "decide"})
# Verbs of refusal that give way to the act they refuse ("refused to withdraw" is the withdrawal,
# negated), but stay the event when what they refuse is a thing ("refused the offer").
REFUSAL_VERBS = frozenset({"refuse", "decline"})


def commits_to_other_trigger(trigger: Trigger, heads: set[int]) -> bool:
    token = trigger.token
    if trigger.row.pos != "VERB":
        return False
    if token.lemma_.lower() in REFUSAL_VERBS:
        return any(c.dep_ == "xcomp" and c.i in heads for c in token.children)
    if token.lemma_.lower() not in COMMITMENT_VERBS:
        return False
    embedded = [c for c in token.subtree if c.i in heads and c.i != token.i]
    return any(_under_xcomp(c, token) for c in embedded)


def lends_to_noun_event(trigger: Trigger, nouns: dict[int, Trigger]) -> bool:
    """ "would not provide support", "ordered an investigation": the light verb's object is the
    event, coded once through the noun (which takes the verb's subject) and not twice. A row
    written for the verb with that object ("signed an agreement") keeps the verb's code."""
    token = trigger.token
    if trigger.row.pos != "VERB" or trigger.row.object or token.lemma_.lower() not in LIGHT_VERBS or token.lemma_.lower() in COMMITMENT_VERBS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj" and c.i in nouns]
    return any(nouns[o.i].row.type != trigger.row.type for o in objects)


def _under_xcomp(token, governor) -> bool:  # type: ignore[no-untyped-def]
    current = token
    while current.i != governor.i:
        if current.dep_ not in ("xcomp", "conj", "dobj", "pcomp", "prep"):
            return False
        current = current.head
    return True
