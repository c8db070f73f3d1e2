"""Event coders behind one small interface, registered under versioned names.

``rules.plover.v1`` is the built-in coder: lexicon triggers on the spaCy parse, arguments
from the dependency tree, PLOVER auxiliary modes from the governing words, attribution
from quotes and verbs of saying. A model-based coder registers the same way and receives
the same inputs. No coder may emit an event without a lexicon (or model) trigger and a
resolved source: there is no default event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from newsgraph.actors import ActorStage
from newsgraph.document.document import Document
from newsgraph.events.arguments import LIGHT_VERBS, ArgumentReader, Arguments
from newsgraph.events.asked import DEMAND_MODALS, PERMISSIONS, demand_clauses, requested_act, wish_clauses
from newsgraph.events.attribution import attribution, historical, quote_at, speaker_pronoun_subject
from newsgraph.events.cameo_modality import cameo_for
from newsgraph.events.implied import IMPLIED_DOERS, ImpliedParticipants
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.lexicon_row import LexiconRow
from newsgraph.events.merging import deduplicate, fold_outcomes, inherit_targets
from newsgraph.events.modality import read_modality
from newsgraph.events.scales import event_scales
from newsgraph.events.triggers import POLARITY_TRIGGERS, Trigger, find_triggers
from newsgraph.records import DateRef, Event, Evidence, Place, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

DEFAULT_CODER = "rules.plover.v1"
# Confidence of a coding: a verb trigger with its own subject and a target, lowered for
# each weaker link (calibrated by hand on the PETRARCH GSR records; see README).
BASE_CONFIDENCE = 0.9
PENALTY_NOMINAL = 0.1
PENALTY_INHERITED_SOURCE = 0.15
PENALTY_NO_TARGET = 0.1
PENALTY_SPEAKER_AS_SOURCE = 0.1
PENALTY_IMPLIED_SOURCE = 0.25  # a doer the event word implies: weaker than any named one
# Nominal events whose country modifier names the topic, not a participant ("the Syria talks").
TOPICAL_TYPES = frozenset({"CONSULT"})
# Cooperation that PLOVER codes AGREE when it is only promised, offered or intended.
PROMISABLE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
# Coercive acts that, announced for the future, PLOVER codes THREATEN (value: the threat's mode).
THREATENABLE = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence", "PROTEST": "relations"}
# Links that open a new clause below the main verb.
CLAUSAL_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp"})
# Two-sided acts: "talks with", "met with", "cooperation between" (each side acts on the other).
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SYMMETRIC_FRAMES = frozenset({"prep:with", "between", "prep:between"})
SYMMETRIC_VERBS = frozenset({"meet", "negotiate", "talk", "cooperate", "collaborate", "clash", "agree"})
# Objects that only exist between two parties: "X and Y restored ties" is each to the other.
CONSIDER_POLICY_OPTION = "014"  # CAMEO: an act weighed, not decided
DURATION_NOUNS = frozenset({"hour", "minute", "day", "night", "week", "month", "year", "time", "while", "decade", "second"})
# Verbs of bodily harm: their target is people; a beaten team or company is a result, not an assault.
BODILY_VERBS = frozenset({"beat", "punch", "slap", "kick", "whip", "flog"})
CIVILIANS = frozenset({"CVL"})  # tourists who visit Cuba: travel, not a diplomatic visit
# Warnings are threats only when addressed to someone ("warned Moscow of costs").
WARNING_WORDS = frozenset({"warn", "warning"})
MUTUAL_OBJECTS = frozenset({"tie", "relation", "relationship", "partnership", "agreement", "deal", "accord", "treaty", "truce", "ceasefire"})
# Sectors that strike or march as protest, never as an armed attack.
# Parties and legislatures attack in words: their "attack" is criticism.
POLITICAL_SECTORS = frozenset({"PTY", "LEG"})
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "COP", "SPY", "PMF", "CRM"})
UNARMED_SECTORS = frozenset({"LAB", "EDU", "CVL", "OPP", "MED", "BUS", "AGR", "SOC", "JRN", "REL", "REF", "NGO", "LEG"})
# Words that hold a coercive act ready, making it a threat: "prepared to impose martial law".
READINESS_HEADS = frozenset({"prepare", "prepared", "ready", "poised"})
# Verbs of commitment whose embedded event is coded instead of them, with future=True
# ("pledged to begin delivering drones" is AID in the future, not a separate AGREE).
COMMITMENT_VERBS = frozenset({"pledge", "promise", "vow", "swear", "agree", "offer", "plan", "intend", "decide"})
# Verbs of refusal that give way to the act they refuse ("refused to withdraw" is the withdrawal,
# negated), but stay the event when what they refuse is a thing ("refused the offer").
REFUSAL_VERBS = frozenset({"refuse", "decline"})


@dataclass(frozen=True)
class CodingInput:
    document: Document
    actors: ActorStage
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    # where doers the text implies but does not name are collected ("protests erupted", "were
    # arrested in Dhaka"); the caller adds them to the record's actors. None: code only named sources.
    implied: ImpliedParticipants | None = None


class EventCoder(Protocol):
    name: str

    def code(self, inputs: CodingInput) -> tuple[Event, ...]: ...


Factory = Callable[[tuple[Path, ...]], EventCoder]
_REGISTRY: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    """Make a coder available by a versioned name; the factory gets the user's verb files."""

    def add(factory: Factory) -> Factory:
        _REGISTRY[name] = factory
        return factory

    return add


@lru_cache(maxsize=8)
def get_coder(name: str = DEFAULT_CODER, verb_files: tuple[Path, ...] = ()) -> EventCoder:
    from newsgraph.errors import ConfigError

    if name not in _REGISTRY:
        raise ConfigError(f"no event coder named {name!r}; available: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name](tuple(verb_files))


@register(DEFAULT_CODER)
class RuleCoder:
    name = DEFAULT_CODER

    def __init__(self, verb_files: tuple[Path, ...] = ()) -> None:
        self.lexicon = load_lexicon(tuple(verb_files))

    def code(self, inputs: CodingInput) -> tuple[Event, ...]:
        doc = inputs.document.doc
        reader = ArgumentReader(inputs.actors, self.lexicon.event_nouns)
        events: list[Event] = []
        coded: list[tuple[Trigger, Event]] = []
        for sentence in doc.sents:
            triggers = find_triggers(sentence, self.lexicon)
            nouns = {t.token.i: t for t in triggers if t.row.pos == "NOUN"}
            heads = {t.token.i for t in triggers}
            # "pledged aid", "would not provide support": the verb gives way to the event it carries
            triggers = [t for t in triggers if not (_commits_to_other_trigger(t, heads) or _lends_to_noun_event(t, nouns))]
            # what was asked for or permitted has not been done: "urged Russia to withdraw",
            # "gave Russia permission to help Israel"
            requests = {t.token.i for t in triggers if t.row.type == "REQUEST" or t.token.lemma_.lower() in PERMISSIONS}
            wishes = wish_clauses(sentence, reader)
            demands = demand_clauses(sentence, reader)
            # what someone must do has not happened; "we must …" said by us stays our own intent
            demanded = {t.i for clause, by, to in demands.values() if not set(by) & set(to) for t in clause.subtree}
            triggers = [t for t in triggers if not requested_act(t, requests) and t.token.i not in wishes.keys() | demanded]
            demands = {i: d for i, d in demands.items() if d[1] and not set(d[1]) & set(d[2])}
            covered = {t.object_token.i for t in triggers if t.object_token is not None and t.row.pos == "VERB"}
            for trigger in triggers:
                if trigger.row.pos == "NOUN" and trigger.token.i in covered:
                    continue  # "launched an attack": coded once, through the verb
                if trigger.object_token is not None and trigger.object_token.i in nouns:
                    # "launched an air strike": the verb's frame, the noun's more specific code
                    noun_row = nouns[trigger.object_token.i].row
                    if noun_row.type == trigger.row.type:
                        trigger = replace(trigger, row=replace(noun_row, pos="VERB", target=trigger.row.target, source=trigger.row.source))
                event = self._event(trigger, inputs, reader, len(events) + 1)
                if event is not None:
                    events.append(event)
                    coded.append((trigger, event))
            if not any(e.type == "REQUEST" for _, e in coded):
                events.extend(self._demanded(demands, inputs, reader))
            events.extend(self._wished(wishes, inputs, reader))
        events = inherit_targets(events, coded)
        events = fold_outcomes(events, coded)
        return tuple(deduplicate(events))

    def _demanded(self, demands: dict[int, tuple[Token, tuple[str, ...], tuple[str, ...]]], inputs: CodingInput,
                  reader: ArgumentReader) -> list[Event]:
        """ "A British minister said Libya must hand over the suspects": a demand made in speech."""
        found = []
        row = self.lexicon.candidates("demand", "VERB")[0]
        for clause, speakers, addressees in demands.values():
            modal = next(c for c in clause.children if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS)
            trigger = Trigger(modal, modal.i, modal.i + 1, row, None)  # the "must" is where the demand is made
            event = self._event(trigger, inputs, reader, 0, override=(speakers, addressees))
            if event is not None:
                found.append(event)
        return found

    def _wished(self, wishes: dict[int, tuple[Token, tuple[str, ...]]], inputs: CodingInput, reader: ArgumentReader) -> list[Event]:
        """ "The US wants Iran to halt enrichment": an appeal to Iran, not an act of Iran's."""
        found = []
        row = self.lexicon.candidates("urge", "VERB")[0]
        for wisher, addressees in wishes.values():
            speakers, _ = reader.subject_of(wisher)
            if speakers and not _one_state(speakers + addressees, inputs):
                trigger = Trigger(wisher, wisher.i, wisher.i + 1, row, None)
                event = self._event(trigger, inputs, reader, 0, override=(speakers, addressees))
                if event is not None:
                    found.append(event)
        return found

    @staticmethod
    def _within(ids: tuple[str, ...], inputs: CodingInput, sectors: frozenset[str]) -> bool:
        """Every actor of ``ids`` (at least one) is of one of ``sectors``."""
        return bool(ids) and all(inputs.actors.actor(i).sector in sectors for i in ids)

    @staticmethod
    def _implied_doer(row: LexiconRow, trigger: Trigger, inputs: CodingInput) -> tuple[str, ...]:
        from newsgraph.places import anchor_event as anchor_place

        doc = inputs.document
        start, end = doc.doc[trigger.start].idx, doc.doc[trigger.end - 1].idx + len(doc.doc[trigger.end - 1].text)
        place_id = anchor_place(doc, inputs.places, start, end)
        country = next((p.country for p in inputs.places if p.id == place_id), None)
        if country is None:
            story = {p.country for p in inputs.places if p.country}
            country = story.pop() if len(story) == 1 else None  # a story set in one country: its police
        if country is None:
            return ()  # "anger that gave rise to popular protests": a crowd of nowhere is no actor
        found = inputs.implied.doer(row.type or "", row.mode, country, Span(start, end, doc.text[start:end]))  # type: ignore[union-attr]
        return (found,) if found else ()

    @staticmethod
    def _troops(ids: tuple[str, ...], inputs: CodingInput) -> bool:
        """Military units, not a general on his travels."""
        return bool(ids) and all(inputs.actors.actor(i).sector == "MIL" and inputs.actors.actor(i).kind != "person" for i in ids)

    @staticmethod
    def _armed(ids: tuple[str, ...], inputs: CodingInput) -> bool:
        return any(inputs.actors.actor(i).sector in ARMED_SECTORS for i in ids)

    @staticmethod
    def _only_people(target: tuple[str, ...], inputs: CodingInput) -> bool:
        return all(inputs.actors.actor(i).kind in ("person", "population") for i in target)

    def _no_political_act(self, row: LexiconRow, token, args: Arguments, inputs: CodingInput,  # type: ignore[no-untyped-def]
                          reader: ArgumentReader) -> bool:
        """Words that name a political act in one use and something else in another."""
        lemma = token.lemma_.lower()
        if lemma in BODILY_VERBS and args.target and not self._only_people(args.target, inputs):
            return True  # "Manchester United beat Chelsea": a team beaten is a score, not a beating
        if lemma in BODILY_VERBS and not args.target and any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in token.children):
            return True  # "beat the Asian tiger economies", "beat the deadline": no one was beaten
        if row.type == "THREATEN" and not args.target and lemma in WARNING_WORDS and not _warned_act(token, reader):
            return True  # "Nestle warned that trading would stay hard": a warning to nobody is a forecast
        if lemma in POLARITY_TRIGGERS and row.type == "SUPPORT" and not args.target:
            return True  # "described the meeting as important": a thing well spoken of, nobody praised
        if lemma == "blame" and not args.target and any(c.dep_ == "dobj" for c in token.children):
            return True  # "blamed a weaker dollar for lower turnover": a cause blamed, no actor accused
        if row.type == "AID" and not args.target and _verbal_complement(token):
            return True  # "helped make the election a contest", "helps the public understand": help, not aid
        return row.type == "CONSULT" and row.mode == "visit" and self._within(args.source, inputs, CIVILIANS)

    def _row_for_sources(self, row: LexiconRow, token, args: Arguments, inputs: CodingInput) -> LexiconRow:  # type: ignore[no-untyped-def]
        """An attack word used by politicians is criticism; by unarmed people (or against them in a
        clash), a protest — when the lexicon has that reading of the word."""
        if row.type == "CONSULT" and row.mode == "visit" and self._troops(args.source, inputs):
            # "NATO peacekeeping troops have arrived in Bosnia": troops arrive deployed, not visiting
            deployment = next(r for r in self.lexicon.candidates("deploy", "VERB") if not r.object)
            return replace(deployment, target=row.target)
        if row.type != "ASSAULT":
            return row
        if self._within(args.source, inputs, POLITICAL_SECTORS) or (
                row.pos == "VERB" and _faulted_for(token) and not self._armed(args.source, inputs)):
            wanted = "ACCUSE"  # "the latest Tory attack", "attacked the chancellor for failing to act"
        elif self._within(args.source, inputs, UNARMED_SECTORS) or (
                args.target_via in SYMMETRIC_FRAMES and self._within(args.target, inputs, UNARMED_SECTORS)):
            wanted = "PROTEST"  # "the teachers' strike", "police clashed with protesters"
        else:
            return row
        # the criticism reading is the bare one ("attack verbally" and "attack a plan" have their own rows)
        other = next((r for r in self.lexicon.candidates(row.trigger, row.pos)
                      if r.type == wanted and not (wanted == "ACCUSE" and r.object)), None)
        return replace(other, target=row.target) if other is not None else row

    def _event(
        self, trigger: Trigger, inputs: CodingInput, reader: ArgumentReader, number: int,
        override: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
    ) -> Event | None:
        row = trigger.row
        token = trigger.token
        if override is not None:
            args = Arguments(override[0], override[1], inherited=False, target_via="speech")
        elif inputs.actors.actors_of_token(token.i):
            return None  # the word is part of an actor's name ("the Defense Ministry")
        elif row.pos == "VERB":
            args = reader.for_verb(token, row.target, trigger.object_token, row.source)
        else:
            args = reader.for_noun(token, row.target, topical_modifiers=row.type in TOPICAL_TYPES)
        source, inherited = args.source, args.inherited
        mutual = _mutual_object(trigger)
        if mutual and not args.target:
            # "the resumption of ties with Cuba": the other side sits on the ties
            party, via = reader.party_of(trigger.object_token)  # type: ignore[arg-type]
            if party:
                args = replace(args, target=party, target_via=via)
        if not args.target and len(source) > 1 and (mutual or token.lemma_.lower() in SYMMETRIC_VERBS or (row.type in SYMMETRIC_TYPES and row.pos == "NOUN")):
            # "The US, Russia and Switzerland met", "Brazil and the US seek to deepen a partnership",
            # "Israel and Turkey restored ties"
            args = replace(args, target=source, target_via="between")
        speaker_source = False
        quote = quote_at(inputs.quotes, token.idx)
        if not source and quote is not None and quote.speaker and speaker_pronoun_subject(token):
            source, speaker_source = (quote.speaker,), True  # "We will provide …" said by X
        implied_source = False
        if not source and inputs.implied is not None and _implies_doer(row, token) and _asserted(token):
            source = self._implied_doer(row, trigger, inputs)  # "rallies were held", "50 were arrested in Dhaka"
            implied_source = bool(source)
        if not source:
            return None
        args = replace(args, source=source)
        if self._no_political_act(row, token, args, inputs, reader):
            return None
        row = self._row_for_sources(row, token, args, inputs)
        modality = read_modality(token)
        kind, mode = row.type or "", ((row.mode,) if row.mode else ())
        if not modality.negated and (modality.future or modality.hypothetical) and kind != "THREATEN" and _on_condition(token):
            # "will withdraw its force unless Goukouni steps down": a conditional promise is a threat
            kind, mode = "THREATEN", (THREATENABLE.get(kind, "relations"),)
        elif modality.considered and not (modality.negated or modality.future):
            pass  # "is considering sending aid": weighed, neither promised nor threatened
        elif kind in PROMISABLE and not modality.negated and (modality.future or modality.hypothetical):
            # PLOVER: promised, offered or intended cooperation is AGREE; the CAMEO intent code keeps what
            kind, mode = "AGREE", ()
        elif kind in THREATENABLE and not modality.negated and (modality.future or _readied(token)):
            # PLOVER: an announced coercive act ("will impose sanctions", "would blockade Paris") is a THREATEN
            kind, mode = "THREATEN", (THREATENABLE[kind],)
        doc = inputs.document
        start_char = doc.doc[trigger.start].idx
        end_char = doc.doc[trigger.end - 1].idx + len(doc.doc[trigger.end - 1].text)
        from newsgraph.dates import anchor_event as anchor_date
        from newsgraph.places import anchor_event as anchor_place

        when = anchor_date(doc, inputs.dates, start_char, end_char)
        cameo = cameo_for(row.cameo, modality.negated, modality.future, modality.hypothetical or kind == "THREATEN")
        if modality.considered and not (modality.negated or modality.future):
            cameo = CONSIDER_POLICY_OPTION
        if kind == "THREATEN" and not cameo.startswith("13"):
            cameo = "130"  # CAMEO has no threat code for this act: "threaten, not specified"
        quad, score, goldstein = event_scales(kind, cameo)
        sentence_index = doc.sentence_index(start_char)
        sentence = doc.sentences[sentence_index]
        confidence = BASE_CONFIDENCE - (PENALTY_NOMINAL if row.pos == "NOUN" else 0.0)
        confidence -= PENALTY_INHERITED_SOURCE if inherited else 0.0
        confidence -= PENALTY_NO_TARGET if not args.target else 0.0
        confidence -= PENALTY_SPEAKER_AS_SOURCE if speaker_source else 0.0
        confidence -= PENALTY_IMPLIED_SOURCE if implied_source else 0.0
        return Event(
            id=f"e{number}",
            type=kind,
            mode=mode,
            cameo=cameo,
            source=source,
            target=args.target,
            negated=modality.negated,
            hypothetical=modality.hypothetical,
            future=modality.future,
            historical=historical(when.value, doc.article.published, modality),
            attributed_to=attribution(quote, token, reader, modality),
            place=anchor_place(doc, inputs.places, start_char, end_char),
            date=when.value,
            date_precision=when.precision,
            date_reason=when.reason,
            quad=quad,
            score=score,
            goldstein=goldstein,
            confidence=round(max(0.05, confidence), 2),
            coder=DEFAULT_CODER,
            reciprocal=(_reciprocal(row.type or "", kind, args, token, mutual) or _visit_made(kind, mode, args))
            and not (modality.negated and args.target_via != "between"),  # "Iran refused to meet X": Iran's refusal alone
            depth=clause_depth(token),
            evidence=Evidence(
                sentence=sentence_index,
                start=sentence.start,
                end=sentence.end,
                text=doc.text[sentence.start : sentence.end],
                trigger=Span(start_char, end_char, doc.text[start_char:end_char]),
            ),
        )


def _warned_act(token, reader: ArgumentReader) -> bool:  # type: ignore[no-untyped-def]
    """ "warned that police will no longer tolerate rallies": what some actor will do is a threat."""
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "shall") for c in clause.children)
        if future and reader.children_actors(clause, ("nsubj",)):
            return True
    return False


def _implies_doer(row: LexiconRow, token) -> bool:  # type: ignore[no-untyped-def]
    """A crowd event written as a noun ("protests erupted"), or an arrest with nobody named as its
    maker ("were arrested", "the arrest of six men"); a verb's own subject, when it has one, was
    already read."""
    if (row.type, row.mode) not in IMPLIED_DOERS:
        return False
    if row.type == "PROTEST":
        return row.pos == "NOUN"
    # a passive clause ("were arrested"), not a participle describing someone ("a member jailed a
    # year ago", whose jailer the sentence may well name elsewhere)
    return row.pos == "NOUN" or any(c.dep_ == "auxpass" for c in token.children)


def _asserted(token) -> bool:  # type: ignore[no-untyped-def]
    """Said to have happened: not negated, planned, promised or only possible."""
    modality = read_modality(token)
    return not (modality.negated or modality.future or modality.hypothetical)


def _faulted_for(token) -> bool:  # type: ignore[no-untyped-def]
    """ "attacked Brown for failing to act", "attacked him for his record": attacked for a fault
    is criticised ("for hours" only says how long)."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                return True
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() not in DURATION_NOUNS:
                return True
    return False


def _verbal_complement(token) -> bool:  # type: ignore[no-untyped-def]
    """ "helped make …", "help avoid …": what is helped is an act, not a recipient."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in token.children)


def _mutual_object(trigger: Trigger) -> bool:
    obj = trigger.object_token
    return obj is not None and obj.lemma_.lower() in MUTUAL_OBJECTS


def _reciprocal(row_type: str, kind: str, args: Arguments, token, mutual: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """Each side acts on the other ("met with", "talks between") — but a meeting only one side
    has promised or planned ("Bush is to meet dissidents") is that side's intent alone."""
    if not args.target:
        return False
    if args.target_via == "between" and (mutual or token.lemma_.lower() in SYMMETRIC_VERBS):
        return True  # "Israel and Turkey restored ties", "rebels and troops clashed"
    if row_type not in SYMMETRIC_TYPES:
        return False
    if kind != row_type and args.target_via != "between":
        return False
    return args.target_via in SYMMETRIC_FRAMES or token.lemma_.lower() in SYMMETRIC_VERBS


def _visit_made(kind: str, mode: tuple[str, ...], args: Arguments) -> bool:
    """A visit that took place is a meeting of visitor and host: each side consulted the other
    (CAMEO codes the pair as 042 "make a visit" and 043 "host a visit")."""
    return kind == "CONSULT" and "visit" in mode and bool(args.target)


def clause_depth(token) -> int:  # type: ignore[no-untyped-def]
    """How many clauses down from its sentence's main verb a trigger sits (0 = the main assertion)."""
    depth, current = 0, token
    for _ in range(20):
        if current.head.i == current.i:
            return depth
        depth += current.dep_ in CLAUSAL_LINKS
        current = current.head
    return depth


def _commits_to_other_trigger(trigger: Trigger, heads: set[int]) -> bool:
    token = trigger.token
    if trigger.row.pos != "VERB":
        return False
    if token.lemma_.lower() in REFUSAL_VERBS:
        return any(c.dep_ == "xcomp" and c.i in heads for c in token.children)
    if token.lemma_.lower() not in COMMITMENT_VERBS:
        return False
    embedded = [c for c in token.subtree if c.i in heads and c.i != token.i]
    return any(_under_xcomp(c, token) for c in embedded)


def _lends_to_noun_event(trigger: Trigger, nouns: dict[int, Trigger]) -> bool:
    """ "would not provide support", "ordered an investigation": the light verb's object is the
    event, coded once through the noun (which takes the verb's subject) and not twice. A row
    written for the verb with that object ("signed an agreement") keeps the verb's code."""
    token = trigger.token
    if trigger.row.pos != "VERB" or trigger.row.object or token.lemma_.lower() not in LIGHT_VERBS or token.lemma_.lower() in COMMITMENT_VERBS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj" and c.i in nouns]
    return any(nouns[o.i].row.type != trigger.row.type for o in objects)


def _readied(token) -> bool:  # type: ignore[no-untyped-def]
    """ "prepared to impose martial law", "ready to strike": coercion held ready is a threat."""
    current = token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "acomp") or current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in READINESS_HEADS:
            return True
    return False


def _on_condition(token) -> bool:  # type: ignore[no-untyped-def]
    """An "unless …" clause hangs on the act or on the verb that announces it."""
    holders = (token, token.head) if token.dep_ in ("xcomp", "ccomp", "conj") else (token,)
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children):
                return True
    return False


def _one_state(actor_ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """Iran and "Tehran" (its government) are one state: it does not appeal to itself."""
    actors = [inputs.actors.actor(i) for i in actor_ids]
    return all(a.kind in ("country", "government") for a in actors) and len({a.country for a in actors}) == 1


def _under_xcomp(token, governor) -> bool:  # type: ignore[no-untyped-def]
    current = token
    while current.i != governor.i:
        if current.dep_ not in ("xcomp", "conj", "dobj", "pcomp", "prep"):
            return False
        current = current.head
    return True


