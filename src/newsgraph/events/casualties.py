"""How many people an attack killed and injured, as its sentence tells it.

Conflict researchers count the dead first (ACLED's fatalities, UCDP's best estimate), and a
news sentence states them in a handful of shapes around the attack it reports:

* the act is the killing: "gunmen killed four villagers", "two militants were shot dead";
* a participle reports what the act did: "police fired at the mob, killing one and injuring eight";
* the deaths happened in or through the act: "a youth perished in police firing",
  "40 deaths took place due to police firing", "firing at mobs in which four persons were killed";
* the act is the subject of its outcome: "the firing left two dead and five injured",
  "the blast claimed 12 lives";
* a death clause is timed by the act: "three persons died when the police opened fire";
* the next sentence tells the toll, naming no other act: "The explosions killed five soldiers."

The count is the fewest people the words allow: a number when one is given ("at least eight
others" is 8, "four children and a man" is 5), one for a singular, two for a bare plural, a
floor for vague quantities ("dozens" is 24). Only attacks that happened are counted: a threat
to kill or a denied shooting killed nobody.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.events.modality import SPEECH_LEMMAS
from newsgraph.events.next_tolls import next_sentence, toll_clause
from newsgraph.records import Event

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

# Verbs whose act is a killing or a wounding: their victims are the dead or the injured.
KILLING_VERBS = frozenset({"kill", "murder", "slay", "massacre", "assassinate", "execute", "behead", "lynch", "slaughter"})
INJURING_VERBS = frozenset({"injure", "wound", "hurt", "maim"})
# Nouns naming a killing: their "of" phrase names the dead ("the killing of two students").
KILLING_NOUNS = frozenset({"killing", "murder", "massacre", "assassination", "execution", "slaughter", "lynching", "beheading"})
# Verbs whose subject bears the harm their object names ("a driver sustained injuries").
SUFFERING_VERBS = frozenset({"sustain", "suffer"})
# Verbs whose subject died ("perished in police firing", "succumbed to his injuries").
DYING_VERBS = frozenset({"die", "perish", "succumb"})
# Words that state a death or an injury as a state or a thing ("left two dead", "77 deaths").
DEAD_WORDS = frozenset({"dead", "death", "fatality", "life", "body", "toll"})
INJURED_WORDS = frozenset({"injured", "wounded", "hurt", "injury", "casualty"})
# Outcome verbs whose subject is the act ("the firing left two dead", "the blast claimed 12 lives").
OUTCOME_VERBS = frozenset({"leave", "claim", "cause", "result"})
# Prepositions that tie a death to the act it happened in ("killed in", "died due to", "fell to").
THROUGH_PREPOSITIONS = frozenset({"in", "during", "due", "to", "by", "from", "after", "under", "because"})
# Conjunctions that time a death clause by the act ("died when the police opened fire").
TIMING_MARKERS = frozenset({"when", "as", "after"})  # not "while": "while six were injured in the firing, 12 were killed by rioters"
# Happenings whose subject is the death ("40 deaths took place due to police firing").
HAPPENING_VERBS = frozenset({"take", "occur", "happen"})

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
    "another": 1, "dozen": 12,
}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# The floor each vague quantity allows ("dozens" is at least two dozen).
VAGUE_FLOORS = {
    "several": 2, "many": 2, "some": 2, "numerous": 2, "few": 2, "dozens": 24, "scores": 40,
    "hundreds": 200, "thousands": 2000, "tens": 20,
}  # fmt: skip
NONE_WORDS = frozenset({"no", "none", "nobody", "noone"})
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def with_casualties(events: Iterable[Event], doc: Doc) -> list[Event]:
    """Each attack that happened, with the dead and injured its sentence reports.

    Each word that tells a harm counts for one attack only, so that summing ``killed`` over
    events does not count the same dead twice: "rebels attacked the town and killed five" gives
    the five to the killing, not to the attack as well. Attacks that are themselves the harm
    choose first."""
    events = list(events)
    triggers = {i: token for i, event in enumerate(events)
                if event.type == "ASSAULT" and not (event.negated or event.hypothetical or event.future)
                and (token := _token_at(doc, event)) is not None}
    claimed: set[int] = set()
    for i in sorted(triggers, key=lambda i: not _is_own_harm(triggers[i])):
        tally = _tally(triggers[i], claimed)
        claimed |= tally.used
        if tally.killed is not None or tally.injured is not None:
            events[i] = replace(events[i], killed=tally.killed, injured=tally.injured)
    return _tolls_told_next(events, triggers, claimed, doc)


def _tolls_told_next(events: list[Event], triggers: dict[int, Token], claimed: set[int], doc: Doc) -> list[Event]:
    """ "Militants hurled grenades at the post. The explosions killed five soldiers.": the toll of
    the one attack of a sentence told in the next one, which then joins the attack's evidence."""
    coded = {token.i for event in events if (token := _token_at(doc, event)) is not None}
    per_sentence = Counter(token.sent.start for token in triggers.values())
    for i, trigger in triggers.items():
        event = events[i]
        if event.killed is not None or event.injured is not None or per_sentence[trigger.sent.start] > 1:
            continue
        following = next_sentence(trigger)
        clause = toll_clause(following, coded) if following is not None else None
        if following is None or clause is None or not _is_harm(clause):
            continue
        tally = _Tally(claimed)
        for harm in _with_conjuncts(clause):
            if _is_harm(harm):
                _harm_clause(harm, tally)
        if tally.killed is not None or tally.injured is not None:
            claimed |= tally.used
            end = following.end_char
            evidence = replace(event.evidence, end=end, text=doc.text[event.evidence.start : end])
            events[i] = replace(event, killed=tally.killed, injured=tally.injured, evidence=evidence)
    return events


def _token_at(doc: Doc, event: Event) -> Token | None:
    """The token the event's trigger starts with (found without touching every token)."""
    trigger = event.evidence.trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_own_harm(trigger: Token) -> bool:
    """ "killed", "shot dead", "the massacre": the act is itself the harm it did."""
    return _harm_kind(trigger) is not None or trigger.lower_ in KILLING_NOUNS or (trigger.pos_ == "VERB" and _to_death(trigger))


def _tally(trigger: Token, claimed: set[int]) -> _Tally:
    tally = _Tally(claimed)
    _own_victims(trigger, tally)
    for outcome in _outcome_clauses(trigger):
        _harm_clause(outcome, tally)
    for harm in _harms_through(trigger):
        _harm_clause(harm, tally)
    return tally


class _Tally:
    """The largest count found for each harm (two routes to the same dead must not add up),
    and the harm words used, which no other attack of the document may count again."""

    def __init__(self, claimed: set[int]) -> None:
        self.killed: int | None = None
        self.injured: int | None = None
        self.claimed = claimed
        self.used: set[int] = set()

    def add(self, kind: str, count: int | None, where: Token) -> None:
        """Count a harm; 0 is a count too ("no one was hurt": ACLED's zero fatalities)."""
        if count is None or where.i in self.claimed:
            return
        self.used.add(where.i)
        if kind == "killed":
            self.killed = max(self.killed or 0, count)
        else:
            self.injured = max(self.injured or 0, count)


def _own_victims(trigger: Token, tally: _Tally) -> None:
    """ "gunmen killed four villagers", "were shot dead", "beaten to death": the act is the harm."""
    if trigger.pos_ == "NOUN":
        if trigger.lemma_.lower() in KILLING_NOUNS or trigger.lower_ in KILLING_NOUNS:
            tally.add("killed", _or_one(_harm_noun_count(trigger)), trigger)
        return
    for verb in _with_conjuncts(trigger):  # "killed and wounded scores", "attacked the town and killed five"
        lemma = verb.lemma_.lower()
        if lemma in KILLING_VERBS or _to_death(verb):
            tally.add("killed", _or_one(_people(verb)), verb)
        elif lemma in INJURING_VERBS:
            tally.add("injured", _or_one(_people(verb)), verb)


def _to_death(verb: Token) -> bool:
    """ "shot dead", "beaten to death", "burnt to death"."""
    if verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "dead":
        return True  # "shot dead 98 rioters": the parser can hang "dead" on the object
    for child in verb.children:
        if child.lower_ == "dead" and child.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj", "ccomp", "conj"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _outcome_clauses(trigger: Token) -> list[Token]:
    """The clauses that report what the act did: "…, killing one and injuring eight",
    "in which four persons were killed", and the outcome verbs the act is subject of."""
    found = []
    for act in _same_subject_conjuncts(trigger):  # "missiles hit X and hit Y, injuring a child"
        speech = act.head if act.dep_ == "ccomp" and act.head.lemma_.lower() in SPEECH_LEMMAS else None
        # "shelled the town, activists said, killing twelve": the parser hangs the participle on "said"
        for child in [*act.children, *(c for c in (speech.children if speech is not None else ()) if c.tag_ == "VBG")]:
            if child.dep_ in ("advcl", "xcomp", "dep", "acl") and _is_harm(child) and (child.dep_ != "advcl" or child.tag_ == "VBG"):
                found.extend(_with_conjuncts(child))  # a participle ("…, killing two"), not a "while …" clause
        for obj in (c for c in act.children if c.dep_ == "dobj"):
            # "attacked a checkpoint, leaving seven dead": the parser can hang the participle on the object
            found.extend(r for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG" and _is_harm(c) for r in _with_conjuncts(c))
    holders = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "prep"))]
    for holder in holders:
        for noun in [holder, *holder.children]:
            found.extend(r for c in noun.children if c.dep_ == "relcl" and _is_harm(c) for r in _with_conjuncts(c))
    subject = _as_subject(trigger)
    if subject is not None and _is_harm(subject):
        found.extend(_with_conjuncts(subject))
    return found


def _same_subject_conjuncts(trigger: Token) -> list[Token]:
    """The act and the verbs conjoined to it that share its subject: one act told in steps; for
    a weapon's firing, the verb the weapon is subject of ("missiles fired by X hit Y, injuring …")."""
    acts = [trigger]
    if trigger.dep_ == "acl" and trigger.head.dep_ == "nsubj" and trigger.head.head.pos_ == "VERB":
        acts.append(trigger.head.head)
    for act in list(acts):
        if act.pos_ == "VERB":
            acts.extend(c for c in act.conjuncts if c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
    return acts


def _as_subject(trigger: Token) -> Token | None:
    """The verb the act is subject of, through the noun phrase that holds it ("rioting and
    subsequent police firing left two dead": the parser can hang the act on a conjunct)."""
    token = trigger
    for _ in range(3):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return token.head
        if token.dep_ not in ("conj", "acl", "compound"):
            return None
        token = token.head
    return None


def _harms_through(trigger: Token) -> list[Token]:
    """Harms the act brought about from outside its clause: "killed in police firing",
    "deaths due to police firing", "died when the police opened fire"."""
    found = []
    head = _through_head(trigger)
    if head is not None:
        if _is_harm(head):
            found.extend(_with_conjuncts(head))
        elif head.lemma_.lower() in HAPPENING_VERBS:
            found.extend(s for s in head.children if s.dep_ in ("nsubj", "nsubjpass") and _is_harm(s))
    timed = _timing_head(trigger)
    if timed is not None:
        found.extend(t for t in _with_conjuncts(timed) if _is_harm(t))
    return found


def _through_head(trigger: Token) -> Token | None:
    """The word an act hangs on through a preposition: "killed in [police] firing"."""
    token = trigger
    if token.dep_ in ("acl", "compound") and token.head.dep_ == "pobj":
        token = token.head  # "due to police firing": the parser makes "firing" a clause on "police"
    elif token.dep_ in ("advcl", "conj") and token.i > 0 and token.nbor(-1).dep_ == "pobj" and token.nbor(-1).head.head.i == token.head.i:
        token = token.nbor(-1)  # "killed in police firing as …": "firing" cut off from its preposition
    if token.dep_ not in ("pobj", "pcomp"):
        return None
    preposition = token.head
    if preposition.dep_ == "pcomp" and preposition.head.dep_ == "prep":
        preposition = preposition.head  # "due to"
    if preposition.dep_ != "prep" or preposition.lower_ not in THROUGH_PREPOSITIONS:
        return None
    return preposition.head


def _timing_head(trigger: Token) -> Token | None:
    """The clause a "when"-clause holding the act is attached to."""
    token = trigger
    for _ in range(4):
        if is_timing_clause(token):
            return token.head
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_timing_clause(token: Token) -> bool:
    """A when/as/after clause: "… when the police opened fire"."""
    return token.dep_ == "advcl" and any(c.lower_ in TIMING_MARKERS for c in token.children if c.dep_ in ("advmod", "mark"))


def coordination(token: Token) -> list[Token]:
    """Every conjunct of the coordination a word stands in, the first one first."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return [first, *first.conjuncts]


def _with_conjuncts(token: Token) -> list[Token]:
    """The whole coordination a harm stands in: "11 were killed and 20 injured after …" (the
    parser hangs the "after" clause on the last conjunct), "one was killed and six others
    injured" (it can make "six others injured" a noun with a participle, conjoined to "killed")."""
    if token.dep_ == "acl" and token.head.dep_ == "conj" and _is_harm(token.head.head):
        return [token, *_with_conjuncts(token.head.head)]
    return coordination(token)


def _is_harm(token: Token) -> bool:
    return _harm_kind(token) is not None or token.lemma_.lower() in OUTCOME_VERBS


def _harm_kind(token: Token) -> str | None:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in SUFFERING_VERBS:
        suffered = next((c for c in token.children if c.dep_ == "dobj"), None)
        return _harm_kind(suffered) if suffered is not None and suffered.pos_ == "NOUN" else None
    if lemma in KILLING_VERBS or lemma in DYING_VERBS or lower in DEAD_WORDS or lemma in DEAD_WORDS:
        return "killed"
    if lemma in INJURING_VERBS or lower in INJURED_WORDS or lemma in INJURED_WORDS:
        return "injured"
    return None


def _harm_clause(harm: Token, tally: _Tally) -> None:
    """Count the people one harm word is about, by the shape it takes."""
    lemma = harm.lemma_.lower()
    if lemma in OUTCOME_VERBS:
        _outcome_states(harm, tally)
        return
    kind = _harm_kind(harm)
    if kind is not None:
        _add_harm(tally, kind, harm)


def _add_harm(tally: _Tally, kind: str, harm: Token) -> None:
    """A harm noun counts by its number ("77 deaths"); a verb or state by its people, at least one."""
    tally.add(kind, _or_one(_harm_noun_count(harm) if harm.pos_ == "NOUN" else _people(harm)), harm)


def _or_one(count: int | None) -> int:
    """A harm told with no count harmed someone; one told of "no one" harmed nobody (0)."""
    return 1 if count is None else count


def _people(harm: Token) -> int | None:
    """How many a harm verb or state is about; a conjunct without its own people shares its
    head's ("leaving several people dead and injured", "killing and wounding scores")."""
    numbers = [n for c in harm.children if c.dep_ == "nummod" and (n := _number(c)) is not None]
    if numbers:
        count: int | None = numbers[0]  # "leaving at least seven dead"
    elif harm.dep_ == "oprd":  # "left 12 soldiers dead": the object is who died, not the subject
        count = _count(next((c for c in harm.head.children if c.dep_ == "dobj"), None))
    elif harm.dep_ == "amod" and harm.head.dep_ == "dobj":  # "left both bombers dead", parsed as a modifier
        count = _count(harm.head)
    elif harm.lemma_.lower() in DYING_VERBS | SUFFERING_VERBS or harm.pos_ == "ADJ":
        count = _count(_subject(harm))
    else:
        count = _count_victims(harm)
    if count is None and harm.dep_ == "conj" and _harm_kind(harm.head) is not None:
        return _people(harm.head)
    if count is None:
        shared = next((c for c in harm.conjuncts if c.i > harm.i and _harm_kind(c) is not None), None)
        return _count_victims(shared) if shared is not None and shared.pos_ == "VERB" else None
    return count


def _outcome_states(verb: Token, tally: _Tally) -> None:
    """ "left two dead and five injured", "claimed 12 lives", "caused 40 casualties"."""
    for token in verb.subtree:
        kind = _harm_kind(token)
        if kind is not None and token.i != verb.i:
            _add_harm(tally, kind, token)


def _harm_noun_count(noun: Token) -> int | None:
    """ "77 deaths", "40 of these deaths", "12 lives", "the death of two policemen"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _number(noun.head.head) is not None:
        return _number(noun.head.head)
    of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    if of is not None and (noun.lemma_.lower() == "death" or noun.lower_ in KILLING_NOUNS):
        return _count(of)
    numbers = [n for c in noun.children if c.dep_ == "nummod" and (n := _number(c)) is not None]
    if numbers:
        return numbers[0]
    bearer = next((c for c in noun.children if c.lemma_.lower() in SUFFERING_VERBS), None)
    if bearer is not None:  # "a driver sustained injuries", parsed as a participle on the noun
        return _count(_subject(bearer))
    return 1 if noun.tag_ in ("NN", "NNP") else None


def _count_victims(verb: Token) -> int | None:
    """The people a killing or wounding verb acted on: its object, or its subject when passive
    ("four persons were killed", "six others injured")."""
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)  # "have killed 219"
    objects = any(c.dep_ == "dobj" for c in verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.tag_ == "VBN" and not perfect and not objects)
    roles = ("nsubjpass", "nsubj") if passive else ("dobj",)
    victim = next((c for c in verb.children if c.dep_ in roles), None)
    if victim is None and verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        victim = verb.head  # "six others injured", "five more injured"
    if victim is None and passive and verb.dep_ == "conj":
        victim = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    return _count(victim)


def _subject(token: Token) -> Token | None:
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("acomp", "oprd", "conj"):
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    return subject


def _count(noun: Token | None) -> int | None:
    """The fewest people a noun phrase names, conjuncts added up ("four children and a man": 5)."""
    if noun is None:
        return None
    total = 0
    for part in [noun, *(c for c in noun.conjuncts if c.i > noun.i)]:
        one = _count_one(part)
        if one is None:
            return None
        total += one
    return total  # 0 for "no one", "none of the passengers": nobody, not an unknown count


def _count_one(noun: Token) -> int | None:
    lower = noun.lower_
    if lower in NONE_WORDS or any(c.lower_ in NONE_WORDS for c in noun.children if c.dep_ == "det"):
        return 0
    value = _number(noun)
    if value is not None:
        return value
    numbers = [n for c in noun.children if c.dep_ in ("nummod", "quantmod") and (n := _number(c)) is not None]
    if numbers:
        return numbers[0]
    if any(c.lower_ == "both" for c in noun.children if c.dep_ in ("det", "predet")):
        return 2  # "both bombers"
    vague = [VAGUE_FLOORS[c.lower_] for c in noun.children if c.lower_ in VAGUE_FLOORS]
    if vague or lower in VAGUE_FLOORS:
        return vague[0] if vague else VAGUE_FLOORS[lower]
    if noun.pos_ in ("PRON", "PROPN") or noun.tag_ in ("NN", "NNP"):
        return 2 if lower in ("they", "them", "we", "us") else 1
    return 2 if noun.tag_ in ("NNS", "NNPS") else None


def _number(token: Token) -> int | None:
    """A cardinal written in digits or words: "5,176", "47", "twenty-five", "two hundred"."""
    lower = token.lower_
    if DIGITS.match(lower):
        return int(lower.replace(",", ""))
    parts = lower.split("-")
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    if lower in NUMBER_WORDS and token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ in NUMBER_WORDS:
        return NUMBER_WORDS[token.nbor(-2).lower_] + NUMBER_WORDS[lower]  # "Twenty-three", split by the tokenizer
    if lower in NUMBER_WORDS and (token.pos_ == "NUM" or token.dep_ in ("nummod", "det") or lower == "dozen"):
        return _scaled(token, NUMBER_WORDS[lower])
    if lower in VAGUE_FLOORS and token.pos_ in ("NOUN", "NUM"):
        return VAGUE_FLOORS[lower]
    return None


def _scaled(token: Token, value: int) -> int:
    """ "two hundred", "1 thousand": a multiplier the number modifies or that follows it."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in MULTIPLIERS:
        return value * MULTIPLIERS[following.lower_]
    return value
