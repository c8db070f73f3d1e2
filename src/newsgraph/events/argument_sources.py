"""Who did it: the doer of a verb trigger, wherever the parse put it.

The subject may be the trigger's own, or belong to a governing verb ("prepared to aid"),
to the noun a relative or participle clause modifies ("militias that seized"), to the
object of a controlling verb ("urged Russia to withdraw"), or to whoever fired a weapon
that acts ("the missile fired by the army"); passives put the doer in a "by" phrase.
Kept apart from targets and nominal frames because this climb up the tree is its own job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.document.authors import author_of
from newsgraph.events.argument_words import (
    ACCIDENT_NOUNS,
    ALLEGING_VERBS,
    ATTACK_VERBS,
    HARM_VERBS,
    OBJECT_CONTROL,
    OBJECT_NEEDING_VERBS,
    RELATIVE_PRONOUNS,
    STATIVE_PARTICIPLES,
    SUBJECTS,
)
from newsgraph.events.modality import SPEECH_LEMMAS
from newsgraph.events.phrase_actors import PhraseActors
from newsgraph.events.triggers import misparsed_report

if TYPE_CHECKING:
    from spacy.tokens import Token


class SourceReader(PhraseActors):
    """Finds the doer of a verb: its subject, a governing clause's, or a passive's agent."""

    @staticmethod
    def _passive(verb: Token) -> bool:
        if _stative(verb):
            return False  # "Israel is opposed to the plan": Israel opposes it
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        if headline_passive(verb):
            return True
        # a participle joined to a passive verb shares its "were": "were arrested and released"
        return verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children)

    def subject_of(self, verb: Token) -> tuple[tuple[str, ...], bool]:
        own = self.children_actors(verb, SUBJECTS | ({"nsubjpass"} if _stative(verb) else set()))
        if own:
            return own, False
        issuer = self._document_author(verb)
        if issuer:
            return issuer, False
        user = self._instrument_user(verb)
        if user:
            return user, True
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return self.actors_of(verb.head), True
        if verb.dep_ == "advcl" and any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in verb.children):
            return (), False  # "unless President Goukouni agrees": a subject of its own, if unknown to us
        if verb.dep_ == "conj" and any(c.dep_ in SUBJECTS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
            return (), False  # "militants opened fire, but the sentries killed one": not the militants
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "relcl" and not infinitive:
            return (), False
        if reports_misparsed(verb):
            return self.actors_of(verb.head), False  # "…, a human rights group protested": the group protested
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
            return (), False  # "Asked about the plan, the spokeswoman …": she is asked, not asking
        current = verb
        if verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "attr", "pobj"):
            current = verb.head  # "do everything possible to assist X": the doer of "do"
            if current.dep_ == "pobj":
                current = current.head
        for _ in range(6):
            allowed = ("xcomp", "advcl", "conj", "pcomp", "acomp", "prep", "ccomp", "acl") + (("dobj", "attr", "prep") if current.i == verb.head.i else ())
            if current.head.i == current.i or current.dep_ not in allowed:
                return (), False
            if current.dep_ == "ccomp" and any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in current.children):
                return (), False
            link = current.dep_
            current = current.head
            if link == "acl" and verb.tag_ == "VBG" and current.i == verb.head.i and current.pos_ in ("NOUN", "PROPN"):
                found = self.actors_of(current)
                if found:
                    return found, True  # "the police firing on the mob", "gunmen attacking a convoy"
            if link == "advcl" and current.lemma_.lower() in SPEECH_LEMMAS:
                reported = next((c for c in current.children if c.dep_ == "ccomp"), None)
                if reported is not None:
                    # "Forces shelled the town, activists said, killing twelve": the killing is the
                    # reported act's, not the speakers'
                    return self.children_actors(reported, SUBJECTS), True
            if link == "pcomp" and current.lower_ in ("of", "for") and current.head.lemma_.lower() in ALLEGING_VERBS:
                accused = self.children_actors(current.head, ("dobj",))
                if accused:
                    return accused, True  # "accused Israel of attacking": Israel is said to attack
                controller = self.children_actors(current, ("dobj", "dative", "iobj"))
                if controller:
                    return controller, True  # "asked Obama to help": Obama would help
            if link == "xcomp" and current.lemma_.lower() in OBJECT_CONTROL:
                controlled = self.children_actors(current, ("dobj", "dative", "iobj")) or self._addressee(current)
                if controlled:
                    return controlled, True  # "urged Russia to withdraw", "called on Iran to release": they would act
            if link == "xcomp" and any(c.dep_ == "auxpass" for c in current.children):
                raised = self.children_actors(current, ("nsubjpass",))
                if raised:
                    return raised, True  # "Obama is scheduled to attend", "Iran was urged to withdraw"
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                found = self.actors_of(current.head)
                if found:
                    return found, True
            found = self.children_actors(current, SUBJECTS)
            if found:
                return found, True
            if any(c.dep_ in SUBJECTS for c in current.children):
                return (), False  # the governing clause has a subject, but it is no actor
        return (), False

    def _addressee(self, verb: Token) -> tuple[str, ...]:
        """ "called on Iran to release", "appealed to the rebels to lay down arms": whom a request
        is addressed to through a preposition is who would do what is asked."""
        return self.prep_actors(verb, ADDRESSING_PREPOSITIONS)

    def _document_author(self, verb: Token) -> tuple[str, ...]:
        """ "A statement from the ministry condemned …": a text that acts speaks for its author, and
        an act that acts is its doer's ("the attack by rebels wounded ten")."""
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            author = author_of(subject)
            if author is not None:
                return self.actors_of(author)
            if subject.lemma_.lower() in self.event_nouns:  # "the attack by rebels wounded ten": the rebels
                found = self.doer_of(subject)
                if found:
                    return found
        return ()

    def _attacker_when(self, verb: Token) -> tuple[str, ...]:
        """ "Four people were killed when police opened fire": who was harmed in a passive clause
        with no "by" phrase was harmed by whoever attacked in its "when" clause."""
        if verb.lemma_.lower() not in HARM_VERBS:
            return ()
        for holder in (verb, *verb.conjuncts):  # "were killed and five injured when …"
            for clause in holder.children:
                if clause.dep_ == "advcl" and clause.lemma_.lower() in ATTACK_VERBS and any(
                        c.dep_ == "advmod" and c.lower_ in ("when", "as") or c.dep_ == "mark" and c.lower_ in ("when", "as")
                        for c in clause.children):
                    found = self.children_actors(clause, SUBJECTS)
                    harmed = tuple(a for v in (verb, *verb.conjuncts) for a in self.children_actors(v, ("nsubjpass", "nsubj")))
                    if found and not self._same_side(found, harmed):
                        return found
        return ()

    def _same_side(self, attackers: tuple[str, ...], harmed: tuple[str, ...]) -> bool:
        """ "20 militants were killed when the insurgents raided a base": the attackers were the
        ones killed, by someone the sentence does not name."""
        by_id = {actor.id: actor for actor in self.actors.actors}
        sectors = {by_id[i].sector for i in attackers if i in by_id}
        return bool(set(attackers) & set(harmed)) or any(by_id[i].sector in sectors for i in harmed if i in by_id)

    def _instrument_user(self, verb: Token) -> tuple[str, ...]:
        """ "The missile fired by the army destroyed …", "a bomb, planted by militants, exploded":
        a weapon that acts is the act of whoever fired or planted it."""
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
            for clause in subject.children:
                if clause.dep_ in ("acl", "relcl") and self._passive_or_participle(clause) \
                        and clause.lemma_.lower() in WIELDING_VERBS:
                    user = self._agent_of(clause)
                    if user:
                        return user
        return ()

    def _passive_or_participle(self, clause: Token) -> bool:
        return clause.tag_ == "VBN" or self._passive(clause)

    def _agent_of(self, verb: Token) -> tuple[str, ...]:
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in ACCIDENT_NOUNS:
                        return ()  # "killed by the Malaysia Airlines crash": a mishap has no doer
                    if obj.dep_ == "pobj":
                        return self._wielder(obj) or self.actors_of(obj)
        return ()

    def _wielder(self, thing: Token) -> tuple[str, ...]:
        """ "blown up by a missile believed to be fired by rebels": the doer is who fired the
        weapon, not a name on it ("a BAK missile")."""
        for clause in thing.children:
            if clause.dep_ not in ("acl", "relcl"):
                continue
            for verb in (clause, *(c for c in clause.children if c.dep_ in ("xcomp", "ccomp"))):
                if verb.lemma_.lower() in WIELDING_VERBS and self._passive_or_participle(verb):
                    user = self._agent_of(verb)
                    if user:
                        return user
        return ()


# Prepositions through which a request names whom it asks ("call on", "call upon", "appeal to").
ADDRESSING_PREPOSITIONS = frozenset({"on", "upon", "to"})

# Verbs that report a clause as a complaint, which the parser can hang on their speaker ("…, a
# rights group protested").
REPORTING_ACTS = frozenset({"protest", "complain"})

# Participles by which someone wields a thing that then acts ("the missile fired by the army",
# "a car driven by a bomber"); a merger "backed by the authorities" acts for nobody who backed it.
WIELDING_VERBS = frozenset(
    {"fire", "launch", "plant", "drop", "detonate", "throw", "hurl", "lob", "set", "drive", "deploy", "send",
     "operate", "fly", "pilot", "use", "carry", "place", "shoot", "trigger", "control", "leave", "park",
     "lay", "build", "make", "hide", "steer", "aim", "dispatch", "direct", "order", "command", "lead", "man",
     "emplace", "rig", "install", "position", "mount", "strap", "attach", "fix", "bury"}
)


def _stative(verb: Token) -> bool:
    """ "is opposed to": a participle that describes its subject's stance."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def headline_passive(verb: Token) -> bool:
    """ "Four policemen and four civilians also killed": a verb that cannot go without its object,
    written with none and no auxiliary, is a passive with "were" left out; its subject are the victims."""
    if verb.lemma_.lower() not in OBJECT_NEEDING_VERBS or verb.dep_ not in ("ROOT", "conj"):
        return False
    if any(c.dep_ in ("dobj", "aux", "auxpass", "prt", "ccomp", "xcomp", "dative") for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def reports_misparsed(verb: Token) -> bool:
    """ "…, a human rights group protested": a complaint the parser hung on its speaker."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in REPORTING_ACTS and misparsed_report(verb) is not None
