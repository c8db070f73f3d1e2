"""The helpers of nominal events: a noun trigger's doer and patient outside its own phrase.

A noun event takes its doer from a "by" phrase ("an attack by rebels"), from whoever claims
it, or from the light verb it is the object of ("voiced support"); its victims from a clause
describing it ("a bombing that killed 30") or from a passive it hangs on ("were killed in an
air strike"). Kept apart so that the noun rules do not swell the verb rules' module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.argument_sources import SourceReader
from newsgraph.events.argument_words import (
    CLAIMED_NOUNS,
    CLAIMING_VERBS,
    DOING_PARTICIPLES,
    DYING_VERBS,
    FRAME_NOUNS,
    INTENDING_VERBS,
    LIGHT_PREPS,
    MEASURE_NOUNS,
    STRIKING_VERBS,
    SUBJECTS,
)
from newsgraph.events.modality import LIGHT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


class NominalReader(SourceReader):
    """Finds the parties of a noun trigger outside its own phrase."""

    @staticmethod
    def _gerund_slip(verb: Token) -> Token | None:
        """The noun a gerund trigger really compounds with, when the parser split "tank shelling"
        into a noun ending a phrase and a clause of its own; None for a real clause."""
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or verb.i == 0:
            return None
        before = verb.doc[verb.i - 1]
        if before.dep_ != "pobj" or before.pos_ != "NOUN" or any(c.dep_ in SUBJECTS | {"dobj"} for c in verb.children):
            return None
        return before

    def claimant(self, noun: Token) -> tuple[str, ...]:
        """ "IS claimed responsibility for the bombing", "Boko Haram claimed the attack": who claims
        an act says they did it."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() == "claim":
            return self.subject_of(head)[0]
        if noun.dep_ != "pobj" or head.lower_ != "for" or head.head.lemma_.lower() not in CLAIMED_NOUNS:
            return ()
        claim = head.head
        if claim.dep_ != "dobj" or claim.head.lemma_.lower() not in CLAIMING_VERBS:
            return ()
        return self.subject_of(claim.head)[0]

    def _struck(self, noun: Token) -> tuple[str, ...]:
        """ "a bombing that killed 30 pilgrims", "an attack targeting police": whom the clause
        describing the act says it hit."""
        for clause in noun.children:
            if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in STRIKING_VERBS:
                found = self.children_actors(clause, ("dobj",))
                if found:
                    return found
        return ()

    def _victims(self, noun: Token) -> tuple[str, ...]:
        """ "Eight people were killed in an air strike by …", "two died in police firing": who the
        passive verb, or a verb of dying, says suffered it."""
        head = noun.head
        if noun.dep_ not in ("pobj", "pcomp") or head.lower_ not in ("in", "during", "by") or head.head.pos_ != "VERB":
            return ()
        dying = head.head.lemma_.lower() in DYING_VERBS
        return self.children_actors(head.head, ("nsubjpass", "nsubj") if dying else ("nsubjpass",))

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb a nominal event is done through: "voiced support", "engaged … in a firefight"."""
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in FRAME_NOUNS:
            noun = noun.head  # "launched a mediation effort": the effort is the verb's object
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURE_NOUNS:
            noun = noun.head.head  # "launched ten days of war games": what was launched is the games
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass") and (head.lemma_.lower() in LIGHT_VERBS or _intends(head)):
            return head
        if noun.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in LIGHT_PREPS and head.head.lemma_.lower() in LIGHT_VERBS:
            # "engaged in a firefight", "had to resort to firing" (a gerund the parser left a clause)
            if any(c.dep_ == "dobj" and c.lemma_.lower() in self.event_nouns for c in head.head.children):
                return None  # "conducted the inquiry into the riots": the phrase is the inquiry's, not the riots' doer's
            if head.lower_ == "on" and any(c.dep_ == "dobj" for c in head.head.children):
                return None  # "opened fire on a march": what was fired on, not the firers' march
            return head.head  # not "offered talks following the invasion": the invasion is not the offer's
        return None

    def _by_phrase(self, noun: Token) -> tuple[str, ...]:
        """ "an attack by rebels"; also "the release of the prisoners by Israel", where the parser
        hangs the by-phrase on the noun's "of" object."""
        holders = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        # "the arrests made by the police", "raids carried out by the army": a participle that only says who did it
        holders += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in DOING_PARTICIPLES]
        for holder in holders:
            for child in holder.children:
                if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                    found = self.children_actors(child, ("pobj",))
                    if found:
                        return found
        return ()

    def _between(self, noun: Token) -> tuple[str, ...]:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                return self.children_actors(child, ("pobj",))
        return ()


def _intends(verb: Token) -> bool:
    """ "ruled out strikes" (but not "ruled the country"), "plans strikes": the verb's subject is
    who would strike."""
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in INTENDING_VERBS and verb.pos_ == "VERB"
