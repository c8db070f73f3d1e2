"""Who did it and to whom: an event's source and target read off the dependency parse.

Sources and targets are rarely the trigger's plain subject and object (PITFALLS.md): the
subject may belong to a governing verb ("prepared to aid", "felt compelled to rule out
sending"), to the first of coordinated verbs ("shelling … and bombing …, killing"), to the
noun a relative or participle clause modifies ("militias that seized", "rebels backed by
the US"); passives put the agent in a "by" phrase; nominal events take their source from a
possessor ("their backing"), a modifier ("the US siege"), a "by" phrase, or the verb they
are the object of ("voiced support"). Every argument is mapped to the actors of the actor
stage through the tokens of their mentions; coordination gives several actors.

This module holds the record and the two entry points, ``for_verb`` and ``for_noun``; the
reading they share lives in phrase_actors.py (actors of a phrase), argument_sources.py
(doers), argument_targets.py (targets), nominal_arguments.py (a noun's frame) and
argument_words.py (the word tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.events.argument_sources import headline_passive, reports_misparsed
from newsgraph.events.argument_targets import TargetReader
from newsgraph.events.argument_words import (
    ALLEGING_VERBS,
    CLAIMED_NOUNS,
    CLAIMING_VERBS,
    FRAME_NOUNS,
    INTENDING_VERBS,
    LIGHT_PREPS,
    MEASURE_NOUNS,
    OBJECT_CONTROL,
    OBJECT_NEEDING_VERBS,
    OBJECT_PREPS,
    PATIENT_NOUNS,
    RECEIVING_VERBS,
    RELATIVE_PRONOUNS,
    STATIVE_PARTICIPLES,
    STRIKING_VERBS,
    SUBJECTS,
    WAR_NOUNS,
)
from newsgraph.events.modality import LIGHT_VERBS, SPEECH_LEMMAS
from newsgraph.events.nominal_arguments import NominalReader

if TYPE_CHECKING:
    from spacy.tokens import Token

# The word tables stay importable from here, as before the helpers were split out.
__all__ = [
    "ALLEGING_VERBS", "CLAIMED_NOUNS", "CLAIMING_VERBS", "FRAME_NOUNS", "INTENDING_VERBS", "LIGHT_PREPS", "LIGHT_VERBS",
    "MEASURE_NOUNS", "OBJECT_CONTROL", "OBJECT_NEEDING_VERBS", "OBJECT_PREPS", "PATIENT_NOUNS",
    "RECEIVING_VERBS", "RELATIVE_PRONOUNS", "SPEECH_LEMMAS", "STATIVE_PARTICIPLES", "STRIKING_VERBS", "SUBJECTS",
    "WAR_NOUNS", "ArgumentReader", "Arguments",
]


@dataclass(frozen=True, slots=True)
class Arguments:
    source: tuple[str, ...]
    target: tuple[str, ...]
    inherited: bool  # the source came from a governing clause or a possessor, not the trigger's own subject
    target_via: str | None = None  # where the target was found: "dobj", "prep:with", "between", …


class ArgumentReader(NominalReader, TargetReader):
    """Reads an event trigger's arguments. Built as ``ArgumentReader(actors, event_nouns)``; the
    phrase (phrase_actors.py), source (argument_sources.py), target (argument_targets.py) and
    nominal (nominal_arguments.py) helpers it inherits each do one part of the reading."""

    # -- verbs -------------------------------------------------------------------------

    def for_verb(
        self, trigger: Token, target_spec: tuple[str, ...], object_token: Token | None, source_spec: tuple[str, ...] = ()
    ) -> Arguments:
        if source_spec:
            return self._inverse(trigger, target_spec, object_token, source_spec)
        passive = self._passive(trigger)
        inherited = False
        if passive:
            source = self._agent_of(trigger)
            target = self.children_actors(trigger, ("nsubjpass",) + (("nsubj",) if headline_passive(trigger) else ()))
            if not target and trigger.dep_ == "conj":
                # "were arrested and later released by police": the patient of the first verb
                target = self.children_actors(trigger.head, ("nsubjpass", "nsubj"))
            if not source:
                # … and the doer of the last: the police both arrested and released them
                source = next((found for c in trigger.conjuncts if self._passive(c) and (found := self._agent_of(c))), ())
            if not source:
                source = self._attacker_when(trigger)  # "were killed when police opened fire"
            if not source and trigger.dep_ == "acl":
                inherited = True
        elif trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not reports_misparsed(trigger):
            source = self._agent_of(trigger)  # "rebels backed by the US"
            target = self._actors_of_one(trigger.head)
            return Arguments(source, tuple(t for t in target if t not in source), inherited=False)
        elif (compounded := self._gerund_slip(trigger)) is not None:
            return self._slipped_noun(compounded)  # "killed in Israeli tank shelling": a noun read as a clause
        else:
            source, inherited = self.subject_of(trigger)
            target, via = self._target_with_place(trigger, target_spec, object_token)
            if len(source) > 1 and target and set(target) <= set(source):
                deeper, deeper_via = self._party_in_objects(trigger, owned_too=True)
                if deeper:  # "welcomed their resumption of ties with X": X, not one another
                    return Arguments(source, tuple(t for t in deeper if t not in source), inherited, deeper_via)
                # "Gondor and Osgiliath postponed their meeting": each acts towards the other
                return Arguments(source, source, inherited, "between")
            return Arguments(source, tuple(t for t in target if t not in source), inherited, via)
        if passive and not target:
            # "Aid to Syria was provided by Turkey": the phrase hangs on the passive subject
            patient = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
            target = self._target(trigger, target_spec, object_token or patient)
        return Arguments(source, tuple(t for t in target if t not in source), inherited, "passive")

    def _inverse(self, trigger: Token, target_spec: tuple[str, ...], object_token: Token | None, source_spec: tuple[str, ...]) -> Arguments:
        """ "received weapons from the government": the giver is in a phrase, the subject receives."""
        source = self._target(trigger, source_spec, object_token)
        subject, inherited = self.subject_of(trigger)
        target = subject if "subj" in target_spec else self._target(trigger, target_spec, object_token)
        return Arguments(source, tuple(t for t in target if t not in source), inherited, "inverse")

    # -- nouns -------------------------------------------------------------------------

    def _slipped_noun(self, compounded: Token) -> Arguments:
        """The parties of an act named by a noun and a gerund the parser split apart: the noun's
        actors did it, and whoever the governing passive says suffered it are its target."""
        source = self._actors_of_one(compounded)
        target = self._victims(compounded)
        return Arguments(source, tuple(t for t in target if t not in source), inherited=False, target_via="noun")

    def for_noun(self, trigger: Token, target_spec: tuple[str, ...], topical_modifiers: bool = False) -> Arguments:
        """``topical_modifiers``: a modifier is the topic, not the doer ("the Syria talks")."""
        received = self._received(trigger)
        if received is not None:
            return received
        if (compounded := self._gerund_slip(trigger)) is not None:
            return self._slipped_noun(compounded)  # "killed in police firing", read as a verb by the parser
        target = self._target(trigger, target_spec, None)
        between = self._between(trigger)
        if not between and trigger.dep_ == "compound" and trigger.head.lemma_.lower() in FRAME_NOUNS:
            between = self._between(trigger.head)
        if not between and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
            between = self._between(trigger.head)  # "clashes broke out between police and protesters"
        source = self.children_actors(trigger, ("poss",))
        if source and trigger.lemma_.lower() in PATIENT_NOUNS and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children):
            # "the men's arrest", "Kennedy's assassination": the possessor suffered the act
            target, source = tuple(dict.fromkeys((*target, *source))), ()
        if not source and not topical_modifiers:
            # "the Iraq war": a name compounded onto a war is where it was fought, not who fought it
            deps: tuple[str, ...] = ("amod", "nmod") if trigger.lemma_.lower() in WAR_NOUNS else ("compound", "amod", "nmod")
            if trigger.tag_ == "VBG":
                deps += ("nsubj",)  # "died in police firing", parsed as a clause with its subject
            source = tuple(a for c in trigger.children if c.dep_ in deps for a in self.actors_of(c))
        if not source:
            source = self._by_phrase(trigger)
        inherited = False
        if not source:
            source = self.claimant(trigger)
            inherited = bool(source)
        if not target:
            target = self._struck(trigger)
        verb = self._light_verb(trigger)
        if verb is not None and not target:
            # "issued arrest warrants for two men": the phrase may hang on the verb
            target = tuple(t for t in self._target(verb, tuple(p for p in target_spec if p.startswith("prep:")), None))
        if not source and verb is not None:
            source = self._agent_of(verb) if trigger.dep_ == "nsubjpass" else ()  # "evidence … was presented by the US"
            if not source:
                source, _ = self.subject_of(verb)
            if not source and trigger.dep_ == "pobj":
                source = self.children_actors(verb, ("nsubjpass",))  # "forces were engaged in ethnic cleansing"
            inherited = True
            if not target and trigger.dep_ == "pobj":
                target = self.children_actors(verb, ("dobj",))  # "engaged peacekeepers in a firefight"
        if not source and trigger.dep_ == "pobj" and trigger.head.lower_ == "during" and trigger.head.head.pos_ == "VERB":
            source, _ = self.subject_of(trigger.head.head)  # "protesters removed the fences during a protest"
            inherited = True
        if not target:
            target = self._victims(trigger)
        if not source and len(between) >= 2:
            return Arguments(between[:1], between[1:], inherited=False, target_via="between")
        via = "between" if not target and between else "noun"
        return Arguments(source, tuple(t for t in (target or between) if t not in source), inherited, via)

    def _received(self, noun: Token) -> Arguments | None:
        """ "Kiev won backing from the EU", "Iran came under criticism from France": the subject
        of a verb of receiving is the target, the giver in the from/by phrase the source; a subject
        that is no actor ("the convoy came under attack from rebels") leaves the target open."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "under":
            head = head.head
        elif noun.dep_ != "dobj":
            return None
        if head.lemma_.lower() not in RECEIVING_VERBS:
            return None
        givers: tuple[str, ...] = ()
        for holder in (noun, head):
            for child in holder.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by") and not givers:
                    givers = self.children_actors(child, ("pobj",))
        receivers, inherited = self.subject_of(head)
        if not givers:
            return None
        # "the convoy came under attack from rebels": the givers act on a thing, which names no target
        return Arguments(givers, tuple(r for r in receivers if r not in givers), inherited, "inverse")
