"""PLOVER's auxiliary modes of an event, read from the words that govern its trigger.

Negation and intent change an event, they never make it disappear: "will not send troops"
stays a MOBILIZE event with ``negated`` and ``future`` set. The markers are read on the
trigger's own clause (auxiliaries, "not", "never", "no" on its object) and up the chain of
verbs that embed it — control and complement links ("rule out sending", "prepared to aid",
"contemplating putting", "pledged to begin delivering"), purpose clauses, "if" and
"whether" clauses — stopping where a new clause with its own subject starts under a verb
of saying (the speaker's own negation does not negate what they report).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.document.authors import SPEECH_ACT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "may", "might", "should", "must"})
# Verbs that negate what they embed: "rule out sending", "refuse to", "stop short of".
NEGATING_VERBS = frozenset(
    {"refuse", "fail", "decline", "avoid", "deny", "rule", "reject", "resist", "halt", "cease", "abandon", "forgo", "stop",
     "avert", "prevent", "forestall", "thwart", "foil", "block"}
)
NEGATING_PARTICLES = {"rule": "out", "stop": "short"}
# Verbs and adjectives that make what they embed only possible: "contemplating", "prepared to".
HYPOTHETICAL_HEADS = frozenset(
    {"contemplate", "consider", "prepare", "prepared", "ready", "willing", "offer", "mull", "weigh", "propose",
     "seek", "try", "attempt", "want", "wish", "hope", "threaten", "able", "could", "discuss", "explore", "study", "may",
     "ask", "urge", "call", "press", "pressure", "push", "demand", "request", "appeal", "encourage", "persuade", "invite"}
)
# Verbs of attempting: an attempt made is the act attempted (see _managed).
ATTEMPT_HEADS = frozenset({"try", "attempt"})
# Verbs and adjectives that put what they embed in the future: "pledged to", "plans to".
# Nouns whose infinitive names an act someone may do: "the power to detain", "the right to strike".
CAPACITY_NOUNS = frozenset(
    {"power", "right", "authority", "ability", "capacity", "capability", "licence", "license", "mandate", "means",
     "freedom", "permission", "chance", "opportunity", "option", "discretion", "leeway"}
)
EXERCISING_VERBS = frozenset({"use", "exercise", "invoke", "wield", "seize", "take"})
FUTURE_HEADS = frozenset(
    {"plan", "pledge", "promise", "vow", "swear", "intend", "expect", "schedule", "scheduled", "set", "due",
     "aim", "agree", "decide", "go", "commit", "committed", "prepare", "about"}
)
# Future heads that only date an act, expressing nobody's intent: "is about to restore ties",
# "is scheduled to attend", "is due to meet". An act so dated is the act itself in the future.
SCHEDULING_HEADS = frozenset({"schedule", "scheduled", "set", "due", "about", "go", "expect"})
# Heads that put only an infinitive in the future: "about to", "committed to sending", but not
# "reported about shells fired" or "committed widespread rape".
LOOSE_FUTURE_HEADS = frozenset({"about", "commit", "committed", "set", "go"})
# Hypothetical heads that only weigh an act, promising nothing: the act keeps its type, and its
# CAMEO code is 014 "consider policy option".
CONSIDERING_HEADS = frozenset({"contemplate", "consider", "mull", "weigh", "study", "explore"})
# Prepositions that only date what they govern by the clause around it: "did not speak during
# the talks" is no negated talks, though "will meet during a visit" is a visit still to come.
TIME_PREPS = frozenset({"after", "before", "during", "until", "amid", "throughout"})
# Conjunctions whose clause states a fact beside the main one, whatever that one's mode.
ASSERTING_MARKS = frozenset({"as", "while", "because", "although", "though", "whereas"})
# Conjunctions that date a past-tense clause, which then states what happened: "when McCain visited".
PAST_TIME_MARKS = frozenset({"when", "after", "before", "once"})
# … and those that date it before the clause: "has not been seen since his release".
PAST_PREPS = frozenset({"since", "following"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with its own tense
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Control links: the governing word's negation and intent reach the embedded event
# ("refused to meet", "rule out sending", "prepared to aid", "stop short of sending").
CONTROL = frozenset({"xcomp", "pcomp", "acomp", "prep", "pobj", "advmod", "dobj", "csubj", "oprd", "attr"})
# Verbs whose object noun is an event done by the verb's subject: "voiced support", "launched strikes".
LIGHT_VERBS = frozenset(
    {"declare", "voice", "express", "give", "offer", "provide", "issue", "launch", "conduct", "carry", "make", "hold",
     "stage", "mount", "announce", "pledge", "extend", "lend", "continue", "step", "intensify", "tighten", "begin", "start",
     "resume", "order", "impose", "sign", "reach", "seal", "renew", "reiterate", "confirm", "escalate", "lead",
     "deepen", "strengthen", "build", "forge", "expand", "engage", "involve", "wage", "fight", "open", "undertake",
     "present", "file", "bring", "lodge", "level", "produce", "leave", "travel", "head", "fly", "arrive", "come", "go",
     "complete", "speed", "accelerate", "finish", "remain", "put", "keep", "return", "organize",
     "organise", "join", "promise", "vow", "agree", "approve", "authorize", "authorise", "participate", "gather",
     "take", "commit", "perpetrate", "resort"}
)
# Verbs through which an actor takes part in a nominal event it does not itself carry out
# ("will attend talks", "will host the summit"): the event shares their modes.
TAKING_PART_VERBS = frozenset(
    {"attend", "host", "chair", "convene", "broker", "mediate", "sponsor", "send", "deliver", "deploy", "supply", "ship",
     "allow", "permit", "back", "support", "need", "resume", "boycott", "skip", "postpone", "delay", "cancel", "suspend"}
)
SPEECH_LEMMAS = frozenset(
    {"say", "tell", "add", "state", "announce", "declare", "report", "claim", "insist", "note", "explain", "warn",
     "respond", "reply", "stress", "reiterate", "repeat", "emphasise", "emphasize", "underline", "argue", "confirm",
     "write", "tweet", "allege", "assert", "maintain", "suggest"}
)

# Verbs that report a clause as untrue: "Russia denied that it had attacked Georgia" is Russia's
# word that the attack did not happen, not the article's word that it did.
DENYING_VERBS = frozenset({"deny", "refute"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported: bool = False  # under a verb of saying: "would" is then the future of the report
    considered: bool = False  # weighed, not offered: "is considering giving money" (CAMEO 014)
    intended: bool = False  # the future is someone's commitment ("pledged to"), not a date
    scheduled: bool = False  # the future is a timetable ("is about to", "is due to"), whoever reports it
    denied: bool = False  # negated by a denial ("denied sending arms"): said not to have happened, not refused

    @property
    def announced(self) -> bool:
        """A future act some actor has promised or declared, which PLOVER and CAMEO code as the
        promise; a future the narrator only dates ("will meet on Tuesday") or anyone puts on a
        timetable ("is about to restore ties, an official said") stays the act itself, flagged future."""
        return self.future and (self.intended or (self.reported and not self.scheduled))


def read_modality(trigger: Token) -> Modality:
    negated = hypothetical = future = reported = considered = intended = scheduled = denied = False
    carries_negation = carries_intent = True
    token = trigger
    previous: Token | None = None
    for _ in range(8):  # an embedding chain is short; the bound guards against cycles
        own_negation = _negated_here(token, previous)
        # a verb joined to another is not its complement: "planned and carried out the killings"
        # carried them out, though what governs both ("will plan and carry out") still applies
        lemma = "" if previous is not None and previous.dep_ == "conj" else token.lemma_.lower()
        if carries_negation:
            if own_negation:
                negated = True
            if previous is not None and lemma in NEGATING_VERBS and _particle_ok(token):
                negated = not own_negation  # "did not refuse to go" is not a refusal
                denied = negated and lemma in DENYING_VERBS
        if carries_intent:
            aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            future = future or bool(aux & FUTURE_AUX) or _going_to(token)
            if aux & HYPOTHETICAL_AUX:
                if "would" in aux and _is_reported(token):
                    future = True  # "said Washington would do everything" reports a "will"
                else:
                    hypothetical = True
            if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children):
                hypothetical = True
            if previous is not None and lemma in HYPOTHETICAL_HEADS and not _managed(token):
                hypothetical = True
                considered = considered or lemma in CONSIDERING_HEADS
            if (previous is not None and previous.dep_ == "acl" and lemma in CAPACITY_NOUNS and _infinitive(previous)
                    and token.head.lemma_.lower() not in EXERCISING_VERBS):
                hypothetical = True  # "the power to detain suspects": an act one may do (not "used its power to")
            if previous is not None and lemma in FUTURE_HEADS and (lemma not in LOOSE_FUTURE_HEADS or _infinitive(previous)):
                future = True  # "is about to restore ties", not "reported about shells fired"
                intended = intended or lemma not in SCHEDULING_HEADS
                scheduled = scheduled or lemma in SCHEDULING_HEADS
        link = token.dep_
        if token.head.i == token.i:
            break
        if _noun_outside_verb(token, previous):
            break  # "police will no longer tolerate rallies": the rallies are not what "will" promises
        if link == "ccomp" and token.head.lemma_.lower() in SPEECH_LEMMAS:
            reported = True
            break  # the speaker's own modality is theirs, not the reported event's
        if link == "ccomp" and token.head.lemma_.lower() in DENYING_VERBS:
            reported = True
            negated = negated != (not _negated_here(token.head, token))  # "did not deny that …" asserts nothing
            denied = negated
            break
        if link == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break  # "X did not …, but we will …": a new clause with its own subject keeps its own modes
        if link == "conj" and token.tag_ in FINITE_TAGS and token.head.tag_ == "VB":
            break  # "would not recognise the vote and warned Moscow": "warned" is no longer under "would not"
        if link == "advcl" and any(c.dep_ == "mark" and c.lower_ in ASSERTING_MARKS for c in token.children):
            break  # "prepared to impose martial law as battles raged": the battles are raging
        if link == "advcl" and token.tag_ == "VBD" and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in PAST_TIME_MARKS for c in token.children):
            break  # "was discussed when McCain visited Blair": the visit happened, whatever was discussed
        if link == "acl" and token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children):
            break  # "the return of property seized by the army": the seizure is done, whatever is demanded
        if link == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "ahead":
            future = True  # "protests ahead of nationwide marches": the marches are still to come
            break
        if link == "pobj" and token.head.lower_ in PAST_PREPS:
            break  # "offered talks following the invasion": the invasion is past, whatever was offered
        if link == "pobj" and token.head.lower_ in TIME_PREPS:
            carries_negation = False  # "did not speak during the talks": the talks took place
        if link in CONTROL or link == "conj" or (link in ("advcl", "relcl") and is_purpose(token)):
            pass
        elif link in ("advcl", "ccomp", "acl"):
            carries_negation = False  # "did not explain what X was contemplating": X's act is not negated
        else:
            break
        previous, token = token, token.head
    return Modality(negated=negated, hypothetical=hypothetical, future=future, reported=reported, considered=considered,
                    intended=intended, scheduled=scheduled, denied=denied)


def _noun_outside_verb(token: Token, previous: Token | None) -> bool:
    """A nominal event shares the modes of the verb whose object it is only when that verb does
    or takes part in it ("will hold talks", "refused talks", "offered aid", "planned strikes",
    "will attend talks"); under any other verb ("did not condemn the attack", "will no longer
    tolerate rallies") it is only mentioned. A noun in a phrase ("during a visit") keeps its
    verb's time."""
    if previous is not None or token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if token.lemma_.lower() in SPEECH_ACT_NOUNS and token.head.lemma_.lower() in NEGATING_VERBS:
        return True  # "rejected the accusations", "turned down the offer": they were still made
    return token.head.pos_ in ("VERB", "AUX") and not _carries_noun(token.head)


def _carries_noun(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return any(lemma in words for words in (LIGHT_VERBS, TAKING_PART_VERBS, NEGATING_VERBS, HYPOTHETICAL_HEADS, FUTURE_HEADS))


def is_purpose(token: Token) -> bool:
    """ "sending troops to support …": an infinitive purpose clause shares its governor's fate."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _negated_here(token: Token, previous: Token | None) -> bool:
    for child in token.children:
        if child.dep_ == "neg" and child.lower_ in NEGATION_WORDS:
            return True
        if previous is None and token.pos_ in ("NOUN", "PROPN") and child.dep_ == "det" and child.lower_ == "no":
            return True  # "there were no talks", "no protests took place": the nominal event itself denied
        if child.dep_ in ("dobj", "nsubjpass", "attr") and previous is None:
            if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True  # "sent no troops", "no request was received"
    return False


def _particle_ok(token: Token) -> bool:
    """ "rule" negates only as "rule out"; "stop" as "stop short of" or bare "stop doing"."""
    needed = NEGATING_PARTICLES.get(token.lemma_.lower())
    if needed is None:
        return True
    words = {c.lower_ for c in token.children}
    return needed in words or token.lemma_.lower() == "stop"


def _managed(token: Token) -> bool:
    """ "police were able to arrest 39 men": being able, in the past, to do something is having
    done it ("will be able to", "is able to" stay only possible); and an attempt made is the act
    attempted ("tried to hack into the computers", "attempted to assassinate the prime minister":
    CAMEO codes the attempt as the act), while one still to come ("will try to") is not."""
    if token.lemma_.lower() in ATTEMPT_HEADS:
        return token.tag_ in ("VBD", "VBN") and not any(
            c.dep_ in ("neg", "aux", "auxpass") and c.lower_ not in ("has", "have", "had") for c in token.children)
    if token.lemma_.lower() != "able":
        return False
    verb = token.head if token.dep_ == "acomp" else token  # "were able": "were" heads "able" or is its copula
    past = verb.tag_ == "VBD" and verb.lemma_ == "be" or any(c.dep_ == "cop" and c.tag_ == "VBD" for c in token.children)
    return past and not any(c.dep_ in ("neg", "aux") for c in (*verb.children, *token.children))


def _going_to(token: Token) -> bool:
    """ "going to help" (future) — not "going to Geneva"."""
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _infinitive(verb: Token) -> bool:
    """ "to restore" (an infinitive) or "to" itself on the way up from "committed to sending"."""
    return verb.lower_ == "to" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_reported(token: Token) -> bool:
    current = token
    for _ in range(6):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in SPEECH_LEMMAS:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False
