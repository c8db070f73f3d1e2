"""The built-in rule coder, ``rules.plover.v1``: lexicon triggers on the spaCy parse → events.

Arguments come from the dependency tree, PLOVER auxiliary modes from the governing words,
attribution from quotes and verbs of saying. A model-based coder registers the same way and
receives the same inputs. No coder may emit an event without a lexicon (or model) trigger and
a resolved source: there is no default event.

This module holds the coder's walk over a document and the making of one event; the
registry and the coder interface live in registry.py (re-exported here), and the rule coder's
questions in their own modules: carried_triggers.py (a verb that gives way to the act it
carries), readings.py (which reading of a word its parties allow), unnamed_doers.py (a doer
the text implies), announced_acts.py (promised, threatened or weighed acts) and
reciprocity.py (two-sided acts).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.events.allegations import with_allegations
from newsgraph.events.announced_acts import announced_cameo, announced_type
from newsgraph.events.arguments import ArgumentReader, Arguments
from newsgraph.events.asked import (
    DEMAND_MODALS,
    PERMISSIONS,
    demand_clauses,
    requested_act,
    warned_against,
    wish_clauses,
)
from newsgraph.events.attribution import attribution, historical, quote_at, speaker_pronoun_subject
from newsgraph.events.carried_triggers import commits_to_other_trigger, lends_to_noun_event
from newsgraph.events.casualties import with_casualties
from newsgraph.events.hosts import fold_occasion_visits, hosted, with_venue_visits
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.merging import (
    deduplicate,
    fold_outcomes,
    fold_striking_attacks,
    fold_timed_harms,
    fold_wielding,
    inherit_targets,
)
from newsgraph.events.modality import read_modality
from newsgraph.events.owned_targets import owned_target
from newsgraph.events.readings import no_political_act, row_for_sources
from newsgraph.events.reciprocity import SYMMETRIC_TYPES, SYMMETRIC_VERBS, mutual_object, reciprocal, visit_made
from newsgraph.events.registry import DEFAULT_CODER, CodingInput, EventCoder, get_coder, register
from newsgraph.events.scales import event_scales
from newsgraph.events.triggers import Trigger, find_triggers
from newsgraph.events.unnamed_doers import asserted, deployed_forces, implied_doer, implies_doer
from newsgraph.events.weapons import armed_row
from newsgraph.records import Event, Evidence, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# The registry's names stay importable from here, as before the registry had its own module.
__all__ = ["DEFAULT_CODER", "CodingInput", "EventCoder", "RuleCoder", "clause_depth", "get_coder", "register"]

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
# Links that open a new clause below the main verb.
CLAUSAL_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp"})


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
            triggers = [t for t in triggers if not (commits_to_other_trigger(t, heads) or lends_to_noun_event(t, nouns))]
            # what was asked for or permitted has not been done: "urged Russia to withdraw",
            # "gave Russia permission to help Israel"
            requests = {t.token.i for t in triggers if t.row.type == "REQUEST" or t.token.lemma_.lower() in PERMISSIONS}
            wishes = wish_clauses(sentence, reader)
            demands = demand_clauses(sentence, reader)
            # what someone must do has not happened; "we must …" said by us stays our own intent
            demanded = {t.i for clause, by, to in demands.values() if not set(by) & set(to) for t in clause.subtree}
            triggers = [t for t in triggers if not (requested_act(t, requests) or warned_against(t))
                        and t.token.i not in wishes.keys() | demanded]
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
        events = fold_wielding(events, coded)  # "killed by a bomb planted by X": one attack
        events = fold_striking_attacks(events, coded)  # "air strikes killed five": one attack
        events = fold_timed_harms(events, coded)  # "five were killed when troops opened fire": one attack
        events = fold_occasion_visits(events, coded, inputs)  # "talks with X during a visit to X's capital"
        events = with_allegations(events, inputs)  # "X said Y attacked Z": X accuses Y
        events = with_venue_visits(events, inputs)  # "X and Y met in Zurich": each visits Switzerland
        return tuple(with_casualties(deduplicate(events), doc))  # the dead and injured of each attack

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
        mutual = mutual_object(trigger)
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
        if not source and inputs.implied is not None and implies_doer(row, token) and asserted(token):
            source = implied_doer(row, trigger, inputs)  # "rallies were held", "50 were arrested in Dhaka"
            implied_source = bool(source)
        deployed = None if source else deployed_forces(row, args, inputs)
        if deployed is not None:
            args, source = deployed, deployed.source  # "troops were deployed in the city"
        if not source:
            return None
        source = tuple(dict.fromkeys(source))  # "a US-led coalition airstrike": two words, one actor
        args = replace(args, source=source, target=tuple(dict.fromkeys(args.target)))
        if no_political_act(row, token, args, inputs, reader):
            return None
        row = row_for_sources(self.lexicon, row, token, args, inputs)
        row = armed_row(row, token)  # "killed in a drone strike": the weapon's code (195), not plain force
        doc = inputs.document
        start_char = doc.doc[trigger.start].idx
        end_char = doc.doc[trigger.end - 1].idx + len(doc.doc[trigger.end - 1].text)
        where = Span(start_char, end_char, doc.text[start_char:end_char])
        args = owned_target(row, token, args, where, inputs)  # "attacked a police station": the police
        if not args.target:
            # "arrived in Beijing", "a protest in Beijing by US activists": the host state receives it
            row, args = hosted(row, args, where, inputs)
        if row.type == "CONSULT" and row.mode == "visit" and not args.target:
            return None  # "arrived in a white car", "visited the flood zone": a journey, no one visited
        modality = read_modality(token)
        kind, mode = announced_type(row, token, modality)
        from newsgraph.dates import anchor_event as anchor_date
        from newsgraph.places import anchor_event as anchor_place

        when = anchor_date(doc, inputs.dates, start_char, end_char)
        cameo = announced_cameo(row, kind, modality, token)
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
            reciprocal=(reciprocal(row.type or "", kind, args, token, mutual) or visit_made(kind, mode, args))
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


def clause_depth(token) -> int:  # type: ignore[no-untyped-def]
    """How many clauses down from its sentence's main verb a trigger sits (0 = the main assertion)."""
    depth, current = 0, token
    for _ in range(20):
        if current.head.i == current.i:
            return depth
        depth += current.dep_ in CLAUSAL_LINKS
        current = current.head
    return depth


def _one_state(actor_ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """Iran and "Tehran" (its government), or the US and its president, are one state: it does not
    appeal to itself. Its legislature or its army asking the president is an appeal."""
    actors = [inputs.actors.actor(i) for i in actor_ids]
    state = all(a.kind in ("country", "government") or (a.kind == "person" and a.sector == "GOV") for a in actors)
    return state and all(a.sector in (None, "GOV") for a in actors) and len({a.country for a in actors}) == 1

