"""Tolls told in the sentence after the attack.

Wire copy often reports an attack first and its toll next: "Militants hurled grenades at an
army post on Monday. The explosions killed five soldiers." The second sentence has no doer of
its own, so it is no event, and its dead belong to the attack before it. They are counted there
only when nothing else can claim them: the next sentence, in the same paragraph, reports harm
in its main clause, states it as fact, and names no other act (no attack of its own, no
"a second blast", no "in an accident"); the act it names, if any, is named again ("the
explosions", "the attack", "it").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.modality import SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Determiners that point back to something already told ("the blast", "this attack").
POINTING_BACK = frozenset({"the", "this", "that", "these", "those", "its", "their"})
# Pronouns that stand for the act told before ("it killed five").
ACT_PRONOUNS = frozenset({"it", "this", "that"})
# Modals that make a harm only possible ("may have been killed").
HEDGES = frozenset({"may", "might", "could", "would", "should"})
# Prepositions that tie a harm to what caused it ("killed in the attack", "died of wounds").
CAUSE_PREPOSITIONS = frozenset({"in", "during", "by", "from", "after", "of", "under", "due"})
# Verbs whose subject is the one harmed ("five soldiers died"): any subject will do.
SUBJECT_IS_VICTIM = frozenset({"die", "perish", "succumb", "sustain", "suffer"})


def next_sentence(trigger: Token) -> Span | None:
    """The sentence after the trigger's, when no paragraph break lies between them."""
    sentence = trigger.sent
    doc = trigger.doc
    last = next((t for t in reversed(sentence) if not t.is_space), sentence[-1])
    following = next((t for t in doc[sentence.end :] if not t.is_space), None)
    if following is None:
        return None
    if "\n\n" in doc.text[last.idx + len(last) : following.idx].replace("\r", ""):
        return None  # a new paragraph tells a new story
    return following.sent


def toll_clause(sentence: Span, triggers: set[int]) -> Token | None:
    """The main clause of a sentence that reports harm and nothing else: its harm verb has no
    doer but the act told before, and no event is coded in the sentence."""
    if any(t.i in triggers for t in sentence):
        return None  # the sentence tells an act of its own, whose toll it is
    root = sentence.root
    if root.lemma_.lower() in SPEECH_LEMMAS:
        # "Five soldiers were killed, the army said": the toll is what was said
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    if root.pos_ not in ("VERB", "AUX") or _hedged(root):
        return None
    if any(c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
           for verb in (root, *root.conjuncts) for c in verb.children):
        return None  # "… were killed as the army was purging them": the clause names what did it
    if any(t.ent_type_ in ("DATE", "TIME") for t in root.subtree):
        return None  # "… were killed on Tuesday": a toll dated on its own may be another day's
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is not None and root.lemma_.lower() not in SUBJECT_IS_VICTIM and not _points_back(subject):
        return None  # "a roadside bomb killed five": another act
    for prep in (c for c in root.children if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPOSITIONS):
        if any(not _points_back(o) for o in prep.children if o.dep_ == "pobj"):
            return None  # "were killed in a separate attack", "died of cholera"
    return root


def _points_back(noun: Token) -> bool:
    if noun.pos_ == "PRON":
        return noun.lower_ in ACT_PRONOUNS
    return any(c.dep_ in ("det", "poss") and c.lower_ in POINTING_BACK for c in noun.children)


def _hedged(verb: Token) -> bool:
    return any((c.dep_ == "aux" and c.lower_ in HEDGES) or c.dep_ == "neg" for c in verb.children)
