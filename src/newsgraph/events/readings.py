"""Which reading of a trigger word its parties allow: a political act, another act, or none.

Many trigger words name a political act in one use and something else in another: "beat"
is an assault on people but a score against a team; "attack" by a party is criticism and by
strikers a protest; troops that "arrive" are deployed, not visiting. Once an event's source
and target are read, the coder asks here whether the word is a political act at all and
which lexicon row fits who did it to whom.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.events.reciprocity import SYMMETRIC_FRAMES
from newsgraph.events.triggers import POLARITY_TRIGGERS

if TYPE_CHECKING:
    from newsgraph.events.arguments import ArgumentReader, Arguments
    from newsgraph.events.lexicon import Lexicon
    from newsgraph.events.lexicon_row import LexiconRow
    from newsgraph.events.registry import CodingInput

DURATION_NOUNS = frozenset({"hour", "minute", "day", "night", "week", "weekend", "month", "year", "time", "while", "decade", "second"})
# Verbs of shielding that aid only when someone is shielded ("protect civilians", not "protect inventions").
SHIELDING_VERBS = frozenset({"protect", "shield", "guard"})
# Words of fighting that, said of parties or parliaments, name political contest.
CONTEST_WORDS = frozenset({"battle", "fight", "fighting", "combat", "duel", "war"})
# Protest verbs that, with an object, mean to show ("demonstrated the divisions").
SHOWING_VERBS = frozenset({"demonstrate"})
# Verbs of striking that strike something: without an object or an agent they are a manner of speaking.
OBJECT_STRIKES = frozenset({"hit"})
# Verbs of meeting that, "with" a thing rather than someone, say how something was received.
MEETING_VERBS = frozenset({"meet"})
# Verbs of recognising that recognise a state or government only when one is named.
RECOGNITION_VERBS = frozenset({"recognise", "recognize"})
# Verbs of striking that, done by the unarmed to no one named, only aim ("target voters' concerns").
FIGURATIVE_STRIKES = frozenset({"target"})
# Verbs of bodily harm: their target is people; a beaten team or company is a result, not an assault.
BODILY_VERBS = frozenset({"beat", "punch", "slap", "kick", "whip", "flog"})
CIVILIANS = frozenset({"CVL"})
# Everyday verbs that are a detention only when security forces do them to people ("picked up by
# police", "caught by the police", "held by the police", "locked up the ringleaders"; not "caught
# fire", "picked up votes", "held talks" or "apprehended a threat").
SECURITY_ONLY_VERBS = frozenset({"pick", "catch", "apprehend", "lock", "hold"})
SECURITY_SECTORS = frozenset({"COP", "MIL", "SPY"})
# What a rival is beaten to or in: the prize or the contest ("beat X to win", "beat X in the vote").
PRIZE_VERBS = frozenset({"win", "take", "claim", "clinch", "secure", "become", "land", "top", "capture"})
CONTEST_NOUNS = frozenset(
    {"election", "vote", "poll", "ballot", "race", "contest", "competition", "final", "award", "awards", "prize", "title",
     "chart", "charts", "spot", "place", "position", "nomination", "primary", "runoff", "battle", "bid", "tender", "deal",
     "contract", "market", "ratings", "box", "office", "ceremony", "game", "match", "tournament", "cup", "championship"}
)
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
HARM_RESULTS = frozenset({"death", "pulp", "unconsciousness", "coma", "hospital"})  # "beat two men to death"  # tourists who visit Cuba: travel, not a diplomatic visit
# Warnings are threats only when addressed to someone ("warned Moscow of costs").
WARNING_WORDS = frozenset({"warn", "warning"})
SKY_WORDS = frozenset({"air", "sky"})
# Parties and legislatures attack in words: their "attack" is criticism.
POLITICAL_SECTORS = frozenset({"PTY", "LEG"})
PARTY_SECTORS = frozenset({"PTY"})
# Walks of life whose members, one by one, attack in words ("a businessman attacked the plan").
PUBLIC_FIGURE_SECTORS = frozenset({"BUS", "JRN", "MED", "REL", "NGO", "SOC", "LAB", "EDU"})  # a party attacked by the unarmed is attacked in words
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "COP", "SPY", "PMF", "CRM"})
# Sectors that strike or march as protest, never as an armed attack.
UNARMED_SECTORS = frozenset({"LAB", "EDU", "CVL", "OPP", "MED", "BUS", "AGR", "SOC", "JRN", "REL", "REF", "NGO", "LEG"})
# Who riots when they destroy property: people with a cause, or a crowd named as one.
CROWD_SECTORS = frozenset({"OPP", "LAB", "EDU", "SOC"})
CROWD_NOUNS = frozenset({"mob", "mobs", "crowd", "crowds", "throng", "throngs", "rioters", "protesters", "demonstrators",
                         "villagers", "residents", "locals", "youths"})


def no_political_act(row: LexiconRow, token, args: Arguments, inputs: CodingInput,  # type: ignore[no-untyped-def]
                     reader: ArgumentReader) -> bool:
    """Words that name a political act in one use and something else in another."""
    lemma = token.lemma_.lower()
    if lemma in BODILY_VERBS and args.target and not _only_people(args.target, inputs):
        return True  # "Manchester United beat Chelsea": a team beaten is a score, not a beating
    if lemma in SECURITY_ONLY_VERBS and row.type == "COERCE" and not (
            _within(args.source, inputs, SECURITY_SECTORS) and args.target and _only_people(args.target, inputs)):
        return True  # "picked up the phone", "picked up votes": only security forces picking up people detain them
    if lemma in BODILY_VERBS and _contest(token, inputs):
        return True  # "beat Elvis to the number one spot", "beat his co-star to win best actor": won, not hit
    if lemma in BODILY_VERBS | SHIELDING_VERBS and not args.target and any(c.dep_ == "dobj" for c in token.children):
        return True  # "beat the deadline", "protect inventions": no one was beaten or shielded
    if row.type == "THREATEN" and not args.target and lemma in WARNING_WORDS and not _warned_act(token, reader):
        return True  # "Nestle warned that trading would stay hard": a warning to nobody is a forecast
    if lemma in OBJECT_STRIKES and not any(c.dep_ in ("dobj", "nsubjpass", "agent", "prt") or c.lower_ in ("at", "on")
                                           for c in token.children):
        return True  # "with insurance firms hit hardest": a blow that strikes no one is a figure of speech
    if lemma in CONTEST_WORDS and (_within(args.source, inputs, POLITICAL_SECTORS) or (
            _unarmed_people(args.source, inputs) and not _armed(args.target, inputs))):
        # "the two big parties battling over taxes", "Blair and Brown fighting each other": parties,
        # parliaments and unarmed people contest, they do not fight (though one who fights troops does)
        return True
    if lemma in SHOWING_VERBS and any(c.dep_ == "dobj" for c in token.children):
        return True  # "the row starkly demonstrated the divisions": to demonstrate something is to show it
    if lemma in POLARITY_TRIGGERS and row.type == "SUPPORT" and not args.target:
        return True  # "described the meeting as important": a thing well spoken of, nobody praised
    if lemma in MEETING_VERBS and not args.target and _met_with_a_thing(token, inputs):
        return True  # "the film met with scathing reviews": received, nobody met
    if lemma in RECOGNITION_VERBS and not args.target:
        return True  # "voters would recognise that …", "the UN recognised this": no state recognised
    if lemma in FIGURATIVE_STRIKES and not args.target and not _armed(args.source, inputs):
        return True  # "a strategy which will target specific issues": aimed at, not attacked
    if row.type == "ASSAULT" and not args.target and any(
            o.dep_ == "dobj" and any(m.lower_ in WARNING_WORDS for m in o.children) for o in token.children):
        return True  # "fired a warning shot near the border": a warning, aimed at no one
    if lemma == "blame" and not args.target and any(c.dep_ == "dobj" for c in token.children):
        return True  # "blamed a weaker dollar for lower turnover": a cause blamed, no actor accused
    if row.type == "AID" and not args.target and _verbal_complement(token):
        return True  # "helped make the election a contest", "helps the public understand": help, not aid
    return row.type == "CONSULT" and row.mode == "visit" and _within(args.source, inputs, CIVILIANS)


def row_for_sources(lexicon: Lexicon, row: LexiconRow, token, args: Arguments,  # type: ignore[no-untyped-def]
                    inputs: CodingInput) -> LexiconRow:
    """An attack word used by politicians is criticism; by unarmed people (or against them in a
    clash), a protest — when the lexicon has that reading of the word."""
    if row.type == "CONSULT" and row.mode == "visit" and _troops(args.source, inputs):
        # "Russian troops have arrived in Syria": troops arrive deployed, not visiting
        row = replace(next(r for r in lexicon.candidates("deploy", "VERB") if not r.object), target=row.target)
    if row.type == "MOBILIZE" and row.mode == "troops" and _peacekeepers(args.source, inputs):
        # "NATO peacekeeping troops have arrived in Bosnia": peacekeepers sent are protection given (CAMEO 074)
        protection = next(r for r in lexicon.candidates("contribute", "VERB") if r.type == "AID")
        return replace(protection, target=row.target, pos=row.pos)
    if row.type != "ASSAULT":
        return row
    if not args.target and _into_the_air(token):
        # "fired in the air to disperse the crowd": warning shots aim at no one; they are force shown
        # to a crowd (CAMEO 175, violent repression), not shooting at people
        return replace(row, mode="crowd-control", cameo="175")
    if _within(args.source, inputs, POLITICAL_SECTORS) or _public_figures(args.source, inputs) or (
            not _armed(args.source, inputs) and (
            (row.pos == "VERB" and _faulted_for(token)) or _within(args.target, inputs, PARTY_SECTORS))):
        # "the latest Tory attack", "attacked the chancellor for failing to act", "attacked the
        # government over Iraq", "his attack on Labour"; the criticism reading is the bare one
        # ("attack verbally" and "attack a plan" have their own rows)
        criticism = _reading(lexicon, row, "ACCUSE")
        if criticism is not None:
            return criticism
    if (_within(args.source, inputs, UNARMED_SECTORS) and not _one_person(args.source, inputs)) or (
            args.target_via in SYMMETRIC_FRAMES and _within(args.target, inputs, UNARMED_SECTORS)):
        # "the teachers' strike", "police clashed with protesters"; one man with a knife is no riot
        protest = _reading(lexicon, row, "PROTEST")
        if protest is not None and (protest.mode != "vandalize" or _crowd(args.source, inputs)):
            return protest  # property destroyed is a riot only by a crowd, not by "three people"
    return row


def _into_the_air(token) -> bool:  # type: ignore[no-untyped-def]
    """A shot aimed "in/into the air" or at the sky, on the verb or on what was fired."""
    holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(p.dep_ == "prep" and p.lower_ in ("in", "into", "towards") and
               any(g.dep_ == "pobj" and g.lemma_.lower() in SKY_WORDS for g in p.children)
               for holder in holders for p in holder.children)


def _reading(lexicon: Lexicon, row: LexiconRow, wanted: str) -> LexiconRow | None:
    """The trigger's other reading of type ``wanted``, keeping the frame's target."""
    other = next((r for r in lexicon.candidates(row.trigger, row.pos)
                  if r.type == wanted and not (wanted == "ACCUSE" and r.object)), None)
    return replace(other, target=row.target) if other is not None else None


def _within(ids: tuple[str, ...], inputs: CodingInput, sectors: frozenset[str]) -> bool:
    """Every actor of ``ids`` (at least one) is of one of ``sectors``."""
    return bool(ids) and all(inputs.actor(i).sector in sectors for i in ids)


def _public_figures(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """ "A businessman attacked the party", "the union leader attacked ministers": one person of
    an unarmed walk of life other than the general public attacks in words; a crowd of them riots."""
    return bool(ids) and all(inputs.actor(i).kind == "person"
                             and inputs.actor(i).sector in PUBLIC_FIGURE_SECTORS for i in ids)


def _contest(token, inputs: CodingInput) -> bool:  # type: ignore[no-untyped-def]
    """ "beat X to win", "beat X to the top spot", "beat X in the vote", "beat X at the awards": a
    victory over a rival, said by what was won or where."""
    for child in token.children:
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in PRIZE_VERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "for", "in", "at"):
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                if obj.lemma_.lower() in CONTEST_NOUNS:
                    return True
                if child.lower_ in ("to", "for") and not inputs.actors.actors_of_token(obj.i) \
                        and obj.ent_type_ not in PLACE_ENTITIES and obj.lemma_.lower() not in HARM_RESULTS:
                    return True  # "to the number one spot", "for the contract": a prize, not a place beaten to
    if token.dep_ == "relcl" and _governing_verb(token.head).lemma_.lower() in PRIZE_VERBS | {"award", "give", "go"}:
        return True  # "it won best actor for Griffiths, who beat his co-star": the winner, not a beating
    return False


def _governing_verb(token):  # type: ignore[no-untyped-def]
    """The nearest verb above ``token`` (itself if none)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _one_person(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """One man or woman of the public: alone, no crowd (a lone protester is still part of one)."""
    return all(inputs.actor(i).kind == "person" and inputs.actor(i).sector in CIVILIANS for i in ids)


def _met_with_a_thing(token, inputs: CodingInput) -> bool:  # type: ignore[no-untyped-def]
    """ "met with scathing reviews", "met with a hostile reception": a "with" object that is no actor."""
    objects = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    return bool(objects) and not any(inputs.actors.actors_of_token(o.i) for o in objects)


def _unarmed_people(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """Every actor (at least one) is a single person of no armed body ("Mr Blair and Mr Brown")."""
    return bool(ids) and all(inputs.actor(i).kind == "person" and inputs.actor(i).sector not in ARMED_SECTORS
                             for i in ids)


def _crowd(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """People with a cause (protesters, strikers, students) or a crowd named as one ("an angry mob")."""
    return all(inputs.actor(i).sector in CROWD_SECTORS or any(
        m.text.lower().rsplit(" ", 1)[-1] in CROWD_NOUNS for m in inputs.actor(i).mentions) for i in ids)


def _peacekeepers(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """Forces named as peacekeepers ("peacekeeping troops", "UN peacekeepers")."""
    return bool(ids) and all(any("peacekeep" in m.text.lower() for m in inputs.actor(i).mentions) for i in ids)


def _troops(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    """Military units, not a general on his travels."""
    return bool(ids) and all(inputs.actor(i).sector == "MIL" and inputs.actor(i).kind != "person" for i in ids)


def _armed(ids: tuple[str, ...], inputs: CodingInput) -> bool:
    return any(inputs.actor(i).sector in ARMED_SECTORS for i in ids)


def _only_people(target: tuple[str, ...], inputs: CodingInput) -> bool:
    return all(inputs.actor(i).kind in ("person", "population") for i in target)


def _warned_act(token, reader: ArgumentReader) -> bool:  # type: ignore[no-untyped-def]
    """ "warned that police will no longer tolerate rallies": what some actor will do is a threat."""
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "shall") for c in clause.children)
        if future and reader.children_actors(clause, ("nsubj",)):
            return True
    return False


def _faulted_for(token) -> bool:  # type: ignore[no-untyped-def]
    """ "attacked Brown for failing to act", "attacked him for his record", "attacked the
    government over Iraq": attacked for a fault or over an issue is criticised ("for hours",
    "over the weekend" only say when)."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "over"):
        if any(o.dep_ == "pobj" and o.lemma_.lower() not in DURATION_NOUNS and o.ent_type_ not in ("DATE", "TIME")
               for o in prep.children):
            return True
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
