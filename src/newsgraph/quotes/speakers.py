"""Cue word → the token that names its speaker.

The speaker is the *subject* of the cue verb, whatever else the verb governs ("Zarif
told reporters": Zarif, not reporters), reached through the constructions news uses
around a reporting verb: participles and infinitives hang off the verb that has the
subject (", saying", "declined to say", "smiled and said"), relative clauses name their
noun ("Kerry, who said"), passives name the agent ("described by Kerry"), and the press
idiom "quoted X as saying" names the object. Only the head token is returned; pronouns
and titles are resolved to actors by the actor stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.document.authors import author_of
from newsgraph.quotes.lexicon import Cue, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# How many verbs up a participle/infinitive/conjunct chain the subject may be sought:
# "was quoted as saying" is three steps (saying → as → quoted), "seemed to be ready to riff …,
# telling" five; beyond that the subject found belongs to another clause.
MAX_CLIMB = 5
# Dependencies through which a cue inherits the subject of the word it hangs on.
INHERITS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Press idiom: "The Post quoted a local journalist as saying ..." — the object spoke.
QUOTING_VERBS = frozenset({"quote", "cite"})
# A participle used as an adjective is no cue.
MODIFIER_DEPS = frozenset({"amod", "compound"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Links inside a noun phrase that lead from its last word back to its head.
NOUN_PHRASE_INNER = frozenset({"pobj", "prep", "compound", "poss", "case"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Commas/adverbs skipped between a subject and its verb ("Sullivan, said", "he also said").
MAX_SKIPPED = 2
# Words after a cue searched for an inverted subject ("said Major General Qassem Soleimani").
INVERTED_REACH = 6
# How far back a bracket may open around a subject ("(R-OH)").
MAX_BRACKETED = 5


def cue_at(token: Token, lexicon: Lexicon) -> Cue | None:
    """The lexicon entry ``token`` starts, if it is a cue (verb, phrasal verb or phrase)."""
    if token.dep_ in MODIFIER_DEPS:
        return None  # "the so-called “rebels”", "a reported attack"
    lemma = token.lemma_.lower()
    entries = lexicon.entries(lemma)
    if token.lower_ != lemma:
        entries = entries + lexicon.entries(token.lower_)
    single = None
    for cue in entries:
        if cue.second is not None:
            if _has_second(token, cue.second):
                return cue
        elif single is None and token.tag_.startswith("VB"):
            single = cue
    return single


def cue_span(token: Token, cue: Cue) -> tuple[int, int]:
    end = token.idx + len(token.text)
    if cue.second is not None:
        second = _second(token, cue.second)
        if second is not None:
            end = max(end, second.idx + len(second.text))
    return token.idx, end


def _has_second(token: Token, word: str) -> bool:
    return _second(token, word) is not None


def _second(token: Token, word: str) -> Token | None:
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == word:
        return doc[token.i + 1]
    for child in token.children:
        if child.dep_ == "prt" and child.lower_ == word:
            return child
    return None


def speaker_of(token: Token, cue: Cue, quoted: bytearray) -> Token | None:
    """Head token of the cue's speaker, or None when the sentence names nobody.

    The parse is read first; when it gives the verb no subject at all (the small model
    often misattaches long appositive subjects), the grammar of a reporting frame is used:
    a finite verb's subject is the noun phrase just before it ("her adviser, Jake
    Sullivan, said"), a sentence-final participle's is the main clause's (", writing …"),
    and an inverted frame's follows the verb ("Continued Stone:").
    """
    if cue.second == "to" and cue.first == "according":
        return _outside(_according_to(token), quoted)
    found, stop = _by_parse(token)
    if found is None and not stop:
        found = _left_subject(token, quoted) or _adjunct_subject(token, quoted) or _inverted(token)
    if found is not None:
        found = author_of(found) or found  # "a statement by Hamas said": Hamas said it
    return _outside(_out_of_parentheses(found), quoted) if found is not None else None


def _by_parse(token: Token) -> tuple[Token | None, bool]:
    current = token
    for _ in range(MAX_CLIMB):
        found, stop = _subject(current)
        if found is not None or stop:
            return found, True
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in NOMINAL:
            return current.head, True  # "the spokesman, speaking on condition ..." / "who said"
        if current.dep_ not in INHERITS_SUBJECT or current.head.i == current.i:
            return None, False
        current = current.head
    return None, False


def _outside(token: Token | None, quoted: bytearray) -> Token | None:
    return None if token is None or quoted[token.i] else token


def _left_subject(verb: Token, quoted: bytearray) -> Token | None:
    """A finite cue verb without a parsed subject: the noun phrase right before it."""
    if verb.tag_ not in FINITE_TAGS:
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and i >= verb.i - 1 - MAX_SKIPPED and (doc[i].text == "," or doc[i].tag_ in ("RB", "_SP")):
        i -= 1
    if i < 0 or quoted[i] or doc[i].pos_ not in NOMINAL:
        return None
    head = doc[i]
    while head.dep_ in NOUN_PHRASE_INNER and head.head.i < head.i:
        head = head.head  # "the deputy chairman of Egypt’s Supreme Council of the Armed Forces" → chairman
    return _relative_antecedent(head, verb) or head


def _relative_antecedent(token: Token, verb: Token) -> Token | None:
    """"a White House official who spoke anonymously to discuss strategy said": the words
    before the verb end a relative clause; its noun is the subject."""
    current = token
    while current.head.i != current.i and current.head.i < verb.i:
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in NOMINAL:
            return current.head
        current = current.head
    return None


def _adjunct_subject(verb: Token, quoted: bytearray) -> Token | None:
    """", writing “…”" / ", telling the crowd": a participle after a comma takes the subject
    of the nearest clause before it in the sentence."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    start = verb.sent.start
    for i in range(verb.i - 2, start - 1, -1):
        if quoted[i] or doc[i].pos_ not in ("VERB", "AUX"):
            continue
        for child in doc[i].children:
            if child.dep_ == "nsubj" and not quoted[child.i]:
                return child
    return None


def _inverted(verb: Token) -> Token | None:
    """"Continued Stone: “…”": a name right after a cue that has no subject of its own."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ == "PROPN":
        return noun_head_after(verb, INVERTED_REACH)
    return None


def _out_of_parentheses(token: Token | None) -> Token | None:
    """"Gov. John Kasich (R-OH), said": a subject inside brackets is a label of the name before."""
    if token is None:
        return None
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - MAX_BRACKETED), -1):
        if doc[i].text == ")":
            return token
        if doc[i].text == "(":
            before = doc[i - 1] if i > 0 else None
            return before if before is not None and before.pos_ in NOMINAL else token
    return token


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(speaker, stop): stop is True when the verb's own frame rules out a speaker."""
    passive = False
    for child in verb.children:
        if child.dep_ == "agent":
            return _object_of(child), True
        if child.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if verb.lemma_ in QUOTING_VERBS:
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child, True
    if passive:
        return None, True  # "it was reported that", "Kerry was told that": the hearer is no speaker
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, True
            return child, True
    return None, False


def _according_to(token: Token) -> Token | None:
    doc = token.doc
    to = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if to is None:
        return None
    found = _object_of(to)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ == "pobj":
            return child
    return None


def _object_of(preposition: Token) -> Token | None:
    for child in preposition.children:
        if child.dep_ == "pobj":
            return child
    return None


def noun_head_after(token: Token, limit: int) -> Token | None:
    """First nominal after ``token`` (inverted frames the parser got wrong: "said Lavrov"),
    moved to the head of its compound ("Major General Qassem Soleimani" → Soleimani)."""
    doc = token.doc
    for i in range(token.i + 1, min(len(doc), token.i + 1 + limit)):
        candidate = doc[i]
        if candidate.is_punct:
            return None
        if candidate.pos_ in NOMINAL:
            while candidate.dep_ in ("compound", "amod", "nmod") and candidate.head.i > candidate.i:
                candidate = candidate.head
            return candidate
    return None
