"""Who did it and to whom: an event's source and target read off the dependency parse.

Sources and targets are rarely the trigger's plain subject and object (PITFALLS.md): the
subject may belong to a governing verb ("prepared to aid", "felt compelled to rule out
sending"), to the first of coordinated verbs ("shelling … and bombing …, killing"), to the
noun a relative or participle clause modifies ("militias that seized", "rebels backed by
the US"); passives put the agent in a "by" phrase; nominal events take their source from a
possessor ("their backing"), a modifier ("the US siege"), a "by" phrase, or the verb they
are the object of ("voiced support"). Every argument is mapped to the actors of the actor
stage through the tokens of their mentions; coordination gives several actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.actors import ActorStage
from newsgraph.events.modality import LIGHT_VERBS, SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose subject receives the nominal event it takes: "faced pressure from", "won backing from".
RECEIVING_VERBS = frozenset({"receive", "get", "win", "face", "gain", "earn", "draw", "attract", "come", "secure", "obtain"})
# "claimed responsibility for the attack": the claimant is the doer.
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})
# Verbs of a clause describing an attack that name whom it hit.
STRIKING_VERBS = frozenset({"kill", "wound", "injure", "target", "hit", "strike", "kidnap", "abduct"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
# Prepositions through which a light verb takes its event: "engaged in a firefight", "flew to
# Moscow for talks", "took part in the talks".
LIGHT_PREPS = frozenset({"in", "into", "on", "for", "to"})
# Verbs whose subject would do the nominal event they govern, were it done: "ruled out air
# strikes", "proposed talks", "is considering sanctions", "plans an offensive".
INTENDING_VERBS = frozenset(
    {"rule", "avoid", "forgo", "plan", "intend", "schedule", "prepare", "contemplate", "consider", "mull", "weigh", "propose"}
)
# Nouns that quantify the actor they govern: "scores of civilians", "members of Hamas".
# Nouns a nominal event hangs on as a modifier: "a mediation effort", "a peace mission".
FRAME_NOUNS = frozenset({"effort", "bid", "attempt", "campaign", "process", "plan", "mission", "initiative", "operation", "drive"})
# Verbs whose object, not subject, does what they embed: "asked X to help", "urged X to stop".
OBJECT_CONTROL = frozenset(
    {"ask", "urge", "order", "want", "press", "pressure", "force", "allow", "encourage", "persuade", "tell", "invite",
     "call", "push", "permit", "authorize", "authorise", "instruct", "require", "compel", "help", "enable", "expect", "warn"}
)
# Verbs that say their object did what the "of"/"for" phrase names ("blamed Turkey for shelling").
ALLEGING_VERBS = frozenset(
    {"accuse", "blame", "charge", "condemn", "criticise", "criticize", "suspect", "praise", "thank", "credit", "fault",
     "punish", "jail", "arrest", "detain", "sentence", "convict", "fine", "execute", "prosecute", "indict", "sanction",
     "expel", "deport", "reward", "honour", "honor"}
)
# Prepositions of a non-actor object that name the other party ("an agreement with the EU").
OBJECT_PREPS = frozenset({"with", "to", "for", "against", "on", "between", "by"})
# Nouns that measure an event ("ten days of war games", "a wave of strikes").
MEASURE_NOUNS = frozenset({"day", "week", "month", "year", "hour", "night", "round", "series", "wave", "spate", "string"})
QUANTITY_NOUNS = frozenset({"score", "dozen", "hundred", "thousand", "million", "number", "group", "member", "some", "many", "most", "lot", "couple", "handful", "part", "unit", "contingent", "delegation", "team", "rest"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
# Nouns whose possessor, without an "of" object, is who suffered the act ("the men's arrest").
PATIENT_NOUNS = frozenset({"arrest", "detention", "execution", "killing", "murder", "kidnapping", "abduction",
                           "assassination", "torture", "imprisonment", "deportation", "expulsion", "extradition", "capture",
                           "release", "freeing"})
# Nouns for a whole war, whose compounded name is its place ("the Iraq war", "the Gaza conflict").
WAR_NOUNS = frozenset({"war", "conflict", "insurgency", "crisis"})
# Verbs that cannot go without their object: used without one, they are a clipped passive.
OBJECT_NEEDING_VERBS = frozenset({"kill", "wound", "injure", "arrest", "detain", "abduct", "kidnap", "behead", "execute"})
# Participles that describe their subject's stance, not something done to it ("is opposed to").
STATIVE_PARTICIPLES = frozenset({"oppose"})


@dataclass(frozen=True, slots=True)
class Arguments:
    source: tuple[str, ...]
    target: tuple[str, ...]
    inherited: bool  # the source came from a governing clause or a possessor, not the trigger's own subject
    target_via: str | None = None  # where the target was found: "dobj", "prep:with", "between", …


class ArgumentReader:
    def __init__(self, actors: ActorStage, event_nouns: frozenset[str] = frozenset()) -> None:
        self.actors = actors
        self.event_nouns = event_nouns

    # -- actors of a phrase ------------------------------------------------------------

    def actors_of(self, head: Token) -> tuple[str, ...]:
        """Actors a noun phrase stands for, its coordinated members included."""
        found: list[str] = []
        for token in self._members(head):
            found.extend(self._actors_of_one(token))
        return tuple(dict.fromkeys(found))

    def _members(self, head: Token) -> list[Token]:
        """The phrase's head and its coordinated members, parse slips allowed for.

        The small parser may hang a conjunct on another word of a multi-word name ("Barack
        Obama and Vladimir Putin" with "Barack" as head) or read a list as an apposition ("The
        US, Russia, and Switzerland"); two different countries are never the same entity.
        """
        members = [head, *head.conjuncts]
        own = self.actors.actors_of_token(head.i)
        if own:
            for token in self._mention_tokens(head):
                members.extend(c for c in token.conjuncts if c not in members)
            if self._is_country(own):
                for child in head.children:
                    listed = self.actors.actors_of_token(child.i)
                    if child.dep_ == "appos" and listed and not set(listed) & set(own) and self._is_country(listed):
                        members.extend(t for t in (child, *child.conjuncts) if t not in members)
        return members

    def _mention_tokens(self, head: Token) -> list[Token]:
        """The tokens around ``head`` that stand for the same actors (one name's words)."""
        own = self.actors.actors_of_token(head.i)
        doc = head.doc
        start, end = head.i, head.i + 1
        while start > head.sent.start and self.actors.actors_of_token(start - 1) == own:
            start -= 1
        while end < head.sent.end and self.actors.actors_of_token(end) == own:
            end += 1
        return [doc[i] for i in range(start, end)]

    def _actors_of_one(self, token: Token) -> tuple[str, ...]:
        ids = self.actors.actors_of_token(token.i)
        if ids:
            return ids
        if token.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "DET"):
            # "dozens of supporters", "the demands of the European Union": whose they are
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        found = self.actors_of(obj) if obj.dep_ == "pobj" else ()
                        if found:
                            return found
        for child in token.children:
            if child.dep_ in ("appos", "poss", "compound", "amod", "nmod"):
                # "Syria's second city", "an Islamic State target", "the Russian building"
                ids = self.actors.actors_of_token(child.i)
                if ids:
                    return ids
                if child.dep_ == "compound":  # a compound chain: "an Islamic State target southwest"
                    for grandchild in child.children:
                        ids = self.actors.actors_of_token(grandchild.i) if grandchild.dep_ == "compound" else ()
                        if ids:
                            return ids
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_ not in self.event_nouns:
            # an event "in Ukraine" happened there; the country is its place, not its party
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "in":
                    for obj in child.children:  # "refineries in Iran": the country they are in
                        ids = self.actors.actors_of_token(obj.i) if obj.dep_ == "pobj" else ()
                        if ids and self._is_country(ids):
                            return ids
        return ()

    def _is_country(self, ids: tuple[str, ...]) -> bool:
        return all(self.actors.actor(i).kind == "country" for i in ids)

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
            target = self.children_actors(trigger, ("nsubjpass",) + (("nsubj",) if _headline_passive(trigger) else ()))
            if not target and trigger.dep_ == "conj":
                # "were arrested and later released by police": the patient of the first verb
                target = self.children_actors(trigger.head, ("nsubjpass", "nsubj"))
            if not source:
                # … and the doer of the last: the police both arrested and released them
                source = next((found for c in trigger.conjuncts if self._passive(c) and (found := self._agent_of(c))), ())
            if not source and trigger.dep_ == "acl":
                inherited = True
        elif trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            source = self._agent_of(trigger)  # "rebels backed by the US"
            target = self._actors_of_one(trigger.head)
            return Arguments(source, tuple(t for t in target if t not in source), inherited=False)
        elif (compounded := self._gerund_slip(trigger)) is not None:
            # "killed in Israeli tank shelling": a noun the parser read as a clause
            source = self._actors_of_one(compounded)
            target = self._victims(compounded)
            return Arguments(source, tuple(t for t in target if t not in source), inherited=False, target_via="noun")
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

    @staticmethod
    def _passive(verb: Token) -> bool:
        if _stative(verb):
            return False  # "Israel is opposed to the plan": Israel opposes it
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        if _headline_passive(verb):
            return True
        # a participle joined to a passive verb shares its "were": "were arrested and released"
        return verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children)

    def _inverse(self, trigger: Token, target_spec: tuple[str, ...], object_token: Token | None, source_spec: tuple[str, ...]) -> Arguments:
        """ "received weapons from the government": the giver is in a phrase, the subject receives."""
        source = self._target(trigger, source_spec, object_token)
        subject, inherited = self.subject_of(trigger)
        target = subject if "subj" in target_spec else self._target(trigger, target_spec, object_token)
        return Arguments(source, tuple(t for t in target if t not in source), inherited, "inverse")

    def subject_of(self, verb: Token) -> tuple[tuple[str, ...], bool]:
        own = self.children_actors(verb, SUBJECTS | ({"nsubjpass"} if _stative(verb) else set()))
        if own:
            return own, False
        user = self._instrument_user(verb)
        if user:
            return user, True
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return self.actors_of(verb.head), True
        if verb.dep_ == "advcl" and any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in verb.children):
            return (), False  # "unless President Goukouni agrees": a subject of its own, if unknown to us
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "relcl" and not infinitive:
            return (), False
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
                controlled = self.children_actors(current, ("dobj", "dative", "iobj"))
                if controlled:
                    return controlled, True  # "urged Russia to withdraw": Russia would withdraw
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

    def _instrument_user(self, verb: Token) -> tuple[str, ...]:
        """ "The missile fired by the army destroyed …", "a bomb, planted by militants, exploded":
        a weapon that acts is the act of whoever fired or planted it."""
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
            for clause in subject.children:
                if clause.dep_ in ("acl", "relcl") and self._passive_or_participle(clause):
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
                    if obj.dep_ == "pobj":
                        return self.actors_of(obj)
        return ()

    def children_actors(self, token: Token, deps: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
        found: list[str] = []
        for child in token.children:
            if child.dep_ in deps:
                found.extend(self.actors_of(child))
        return tuple(dict.fromkeys(found))

    def _target(self, head: Token, spec: tuple[str, ...], object_token: Token | None) -> tuple[str, ...]:
        return self._target_with_place(head, spec, object_token)[0]

    def _target_with_place(self, head: Token, spec: tuple[str, ...], object_token: Token | None) -> tuple[tuple[str, ...], str | None]:
        for place in spec:
            found = self._target_at(head, place, object_token)
            if found:
                return found, place
        if "none" in spec:
            return (), None
        return self._party_in_objects(head)

    def _party_in_objects(self, head: Token, owned_too: bool = False) -> tuple[tuple[str, ...], str | None]:
        """"endorsed an agreement with the EU", "welcomed a resumption of ties with X": the object
        is no actor, but who it is with, for or by is. ``owned_too`` also looks inside an object
        that stands for its owner ("their resumption of ties with X")."""
        for obj in [c for c in head.children if c.dep_ == "dobj"]:
            if not owned_too and self._actors_of_one(obj):
                continue
            found, via = self._through_preps(obj, depth=3)
            if found:
                return found, via
        return (), None

    def party_of(self, noun: Token) -> tuple[tuple[str, ...], str | None]:
        """Who a non-actor noun is with, for or against ("ties with Cuba")."""
        return self._through_preps(noun, depth=2)

    def _up_to(self, verb: Token) -> tuple[str, ...]:
        """ "kidnapped up to 16 advisers": the parser reads "up to" as a particle and a phrase."""
        for particle in verb.children:
            if particle.dep_ == "prt" and particle.lower_ == "up":
                for prep in particle.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        return self.children_actors(prep, ("pobj",))
        return ()

    def _through_preps(self, noun: Token, depth: int) -> tuple[tuple[str, ...], str | None]:
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in OBJECT_PREPS | {"of"}:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = self.actors_of(obj) if prep.lower_ != "of" else ()
                if found:
                    return found, f"prep:{prep.lower_}"
                if depth > 1:
                    found, via = self._through_preps(obj, depth - 1)
                    if found:
                        # "welcomed a resumption of ties with X": X is the ties' party, not a
                        # party to the welcoming, so the frame is no longer a two-sided one
                        return found, f"nested:{via.split(':', 1)[-1]}" if via else via
        return (), None

    def _target_at(self, head: Token, place: str, object_token: Token | None) -> tuple[str, ...]:
        if place == "none":
            return ()
        if place in ("dobj", "iobj", "dative"):
            deps = {"dobj": ("dobj",), "iobj": ("iobj", "dative"), "dative": ("dative", "iobj")}[place]
            return self.children_actors(head, deps) or (self._up_to(head) if place == "dobj" else ())
        if place.startswith("prep:"):
            word = place.split(":", 1)[1]
            holders = [head] + ([object_token] if object_token is not None else [])
            for holder in holders:
                for child in holder.children:
                    if child.dep_ in ("prep", "dative") and child.lower_ == word:
                        found = self.children_actors(child, ("pobj",))
                        if found:
                            return found
        if place == "object_party":  # "called for sanctions against Nigeria": whom the demanded act is aimed at
            return self._through_preps(object_token, depth=2)[0] if object_token is not None else ()
        if place == "clause_subj":  # "allowed Hamas to open an office": Hamas parsed as the clause's subject
            return tuple(a for c in head.children if c.dep_ in ("ccomp", "xcomp") for a in self.children_actors(c, ("nsubj",)))
        if place == "poss":  # "their offer", "attacked the Commission's plan": the owner of the object too
            return self.children_actors(head, ("poss",)) or (self.children_actors(object_token, ("poss",)) if object_token is not None else ())
        return ()

    # -- nouns -------------------------------------------------------------------------

    def for_noun(self, trigger: Token, target_spec: tuple[str, ...], topical_modifiers: bool = False) -> Arguments:
        """``topical_modifiers``: a modifier is the topic, not the doer ("the Syria talks")."""
        received = self._received(trigger)
        if received is not None:
            return received
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
            deps = ("amod", "nmod") if trigger.lemma_.lower() in WAR_NOUNS else ("compound", "amod", "nmod")
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
        """ "IS claimed responsibility for the bombing": who claims an act says they did it."""
        head = noun.head
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
        """ "Eight people were killed in an air strike by …": who the passive verb says suffered it."""
        head = noun.head
        if noun.dep_ != "pobj" or head.lower_ not in ("in", "during", "by") or head.head.pos_ != "VERB":
            return ()
        return self.children_actors(head.head, ("nsubjpass",))

    def _received(self, noun: Token) -> Arguments | None:
        """ "Kiev won backing from the EU", "Iran came under criticism from France": the subject
        of a verb of receiving is the target, the giver in the from/by phrase the source."""
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
        if not givers or not receivers:
            return None
        return Arguments(givers, tuple(r for r in receivers if r not in givers), inherited, "inverse")

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb a nominal event is done through: "voiced support", "engaged … in a firefight"."""
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in FRAME_NOUNS:
            noun = noun.head  # "launched a mediation effort": the effort is the verb's object
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURE_NOUNS:
            noun = noun.head.head  # "launched ten days of war games": what was launched is the games
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass") and (head.lemma_.lower() in LIGHT_VERBS or _intends(head)):
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LIGHT_PREPS and head.head.lemma_.lower() in LIGHT_VERBS:
            return head.head  # not "offered talks following the invasion": the invasion is not the offer's
        return None

    def _by_phrase(self, noun: Token) -> tuple[str, ...]:
        """ "an attack by rebels"; also "the release of the prisoners by Israel", where the parser
        hangs the by-phrase on the noun's "of" object."""
        holders = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
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


def _stative(verb: Token) -> bool:
    """ "is opposed to": a participle that describes its subject's stance."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _headline_passive(verb: Token) -> bool:
    """ "Four policemen and four civilians also killed": a verb that cannot go without its object,
    written with none and no auxiliary, is a passive with "were" left out; its subject are the victims."""
    if verb.lemma_.lower() not in OBJECT_NEEDING_VERBS or verb.dep_ not in ("ROOT", "conj"):
        return False
    if any(c.dep_ in ("dobj", "aux", "auxpass", "prt", "ccomp", "xcomp", "dative") for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _intends(verb: Token) -> bool:
    """ "ruled out strikes" (but not "ruled the country"), "plans strikes": the verb's subject is
    who would strike."""
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in INTENDING_VERBS and verb.pos_ == "VERB"
