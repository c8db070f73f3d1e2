"""What one actor asks, wants or says another must do: asked for, so not done.

"The EU urged Russia to withdraw", "The US wants Iran to halt enrichment", "Iraq must
cooperate, Chirac said", "gave Russia permission to help Israel": the embedded act is what was
asked for or permitted, never something its doer did or offered. An act warned against ("warned
against attacking Syria") is asked not to be done, so it is dropped the same way. The coder finds these clauses
here, drops their acts and codes the asking instead (a REQUEST to the one asked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.modality import SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.events.arguments import ArgumentReader
    from newsgraph.events.triggers import Trigger

# Modals that turn a reported clause into a demand: "X said Libya must hand over the suspects".
DEMAND_MODALS = frozenset({"must", "should"})


# Heads whose clause states a demand: "concluded that the US must …", "a reminder that it must …".
DEMAND_VERBS = frozenset({"conclude", "insist", "demand", "urge", "remind", "warn", "stress", "believe", "think", "feel"})


DEMAND_NOUNS = frozenset({"reminder", "warning", "demand", "call", "message", "statement", "insistence", "view", "position"})


# Verbs of being and having: wanting someone "to be prosperous" or "to have a say" asks no act.
STATE_VERBS = frozenset({"be", "remain", "stay", "become", "seem", "feel", "have", "know", "understand", "look", "appear"})


# Words that permit an act without doing it ("allowed X to", "permission to X to").
PERMISSIONS = frozenset({"allow", "permit", "permission", "authorize", "authorise", "authorization", "authorisation"})


# "X wants Y to …": a wish addressed to Y, coded as an appeal (CAMEO 02) and not as Y's act.
WISH_VERBS = frozenset({"want", "wish"})


def demand_clauses(sentence, reader: ArgumentReader) -> dict[int, tuple[Token, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """Clauses saying what an actor must or should do: clause token → (clause, who says so, who must).

    "X said Libya must hand over the suspects", "a reminder to Iraq that it must cooperate",
    "Iraq must cooperate, Chirac said". Nothing in such a clause happened or was promised; it is
    demanded by whoever says it (and is editorial judgement when nobody does: no speakers).
    """
    found: dict[int, tuple[Token, tuple[str, ...], tuple[str, ...]]] = {}
    for clause in sentence:
        if not any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children):
            continue
        addressees = reader.children_actors(clause, ("nsubj", "nsubjpass"))
        if not addressees:
            continue
        found[clause.i] = (clause, _demander(clause, reader), addressees)
    return found


def _demander(clause, reader: ArgumentReader) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    head = clause.head
    if clause.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in SPEECH_LEMMAS | DEMAND_VERBS:
        return reader.subject_of(head)[0]
    if clause.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and head.lemma_.lower() in DEMAND_NOUNS:
        owners = reader.children_actors(head, ("poss",))
        return owners or (reader.subject_of(head.head)[0] if head.dep_ in ("dobj", "nsubj") else ())
    for child in clause.children:  # "Iraq must cooperate, Chirac said"
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in SPEECH_LEMMAS:
            return reader.subject_of(child)[0]
    return ()


def wish_clauses(sentence, reader: ArgumentReader) -> dict[int, tuple[Token, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """Clauses someone wants another actor to carry out: clause token → (wanting verb, that actor)."""
    found: dict[int, tuple[Token, tuple[str, ...]]] = {}
    for token in sentence:
        if token.lemma_.lower() not in WISH_VERBS or token.pos_ != "VERB":
            continue
        for clause in token.children:
            if clause.dep_ not in ("ccomp", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                continue
            if clause.lemma_.lower() in STATE_VERBS:
                continue  # "wanted the UK to be prosperous": a hope for a state of affairs asks no act
            doers = reader.children_actors(clause, ("nsubj",)) or reader.children_actors(token, ("dobj",))
            if doers:
                found[clause.i] = (token, doers)
    return found


def requested_act(trigger: Trigger, requests: set[int]) -> bool:
    """ "The EU urged Russia to withdraw": the withdrawal is what was asked for, not something
    Russia did or offered; the REQUEST event carries it."""
    token = trigger.token
    if token.head.i not in requests and not any(c.dep_ == "dobj" and c.i in requests for c in token.head.children):
        return False
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        return True  # "pressure from Congress to help Iran", "calls for Russia to withdraw"
    if token.dep_ in ("advcl", "xcomp") and any(c.dep_ == "dobj" and c.i in requests for c in token.head.children):
        return True  # "gave permission to Russia to help Israel": the parser hangs the act on "gave"
    return token.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative", "iobj") for c in token.head.children)


# Verbs that warn someone off an act: "warned against attacking", "advised against travel".
WARNING_VERBS = frozenset({"warn", "caution", "advise", "counsel"})


def warned_against(trigger: Trigger) -> bool:
    """ "Iran warned against attacking Syria", "warned its citizens against travelling to Egypt":
    the act after "against" is what the warning would prevent; nobody has done it, and the one
    warning would not be its doer anyway. The warning itself is coded from the warning verb."""
    token = trigger.token
    prep = token.head
    return token.dep_ in ("pobj", "pcomp") and prep.lower_ == "against" and prep.head.lemma_.lower() in WARNING_VERBS
