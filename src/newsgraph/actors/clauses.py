"""Headline clauses the small model reads as one name or one noun phrase.

Captions and headlines ("Police detain protesters during a protest in Minsk") drop the
articles that tell a verb from a noun, and the small spaCy model then reads the clause as one
stretch: an entity ("Police detain protesters" as an ORG) or one noun phrase whose head is the
object ("protesters", with "Police" and "detain" as its modifiers). Either way its agent nouns
are really a subject and an object of their own. The mention finder asks these questions;
the answers rest on word classes and agent nouns only, never on particular verbs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.actors.dictionary import ActorDictionary

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Tags of a finite verb or a bare infinitive. Participles are left out: names use them
# ("United Nations", "Revolutionary Armed Forces of Colombia").
FINITE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ"})
# Word classes a misread verb gets from the tagger in a headline.
VERB_LIKE_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


def clause_taken_for_a_name(span: Span, dictionary: ActorDictionary) -> bool:
    """An entity holding an agent noun and a finite verb is a clause, not a name: a name holds no
    verb. Its agent nouns are left for the agent-phrase finder to read one by one."""
    agents = [t.i for t in span if _is_agent_noun(t, dictionary)]
    if not agents:
        return False
    return any(t.tag_ in FINITE_VERB_TAGS or _between(t, agents) for t in span if t.i not in agents)


def misread_verb(head: Token, dictionary: ActorDictionary) -> Token | None:
    """The verb inside the noun phrase headed by ``head``, if the parser made a clause of one:
    a word right after an agent-noun modifier, not itself an agent noun or an adjective, that is
    tagged as a finite verb, or that stands in a sentence with no verb at all (the tagger then
    called the headline's verb a noun: "Police detain[NN] journalists during a march")."""
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in head.sent)
    for token in head.doc[head.left_edge.i : head.i]:
        before = head.doc[token.i - 1] if token.i > head.sent.start else None
        if before is None or not _is_agent_noun(before, dictionary) or _is_agent_noun(token, dictionary):
            continue
        if token.tag_ in FINITE_VERB_TAGS or (verbless and token.pos_ in VERB_LIKE_POS and token.tag_ != "JJ"):
            return token
    return None


def subject_of_misread_verb(token: Token, dictionary: ActorDictionary) -> bool:
    """``token`` is the agent noun right before a misread verb: the clause's subject, a mention of
    its own rather than a modifier of the object ("Police" in "Police detain protesters")."""
    if not _is_agent_noun(token, dictionary):
        return False
    verb = misread_verb(token.head, dictionary)
    return verb is not None and verb.i == token.i + 1


def _is_agent_noun(token: Token, dictionary: ActorDictionary) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (dictionary.agent(token.lemma_.lower()) or dictionary.agent(token.lower_)) is not None


def _between(token: Token, agents: list[int]) -> bool:
    """A lower-case content word between two agent nouns: the verb the tagger called a noun."""
    return token.is_lower and token.pos_ in VERB_LIKE_POS and agents[0] < token.i < agents[-1]
