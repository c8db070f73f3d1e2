"""Which actors a noun phrase stands for.

Every event argument ends as actor ids: this module maps a parse token to the actors of
the actor stage through the tokens of their mentions, with coordinated members, appositive
lists of countries, "of" phrases ("dozens of supporters") and modifiers ("Syria's second
city") taken in. The source, target and nominal readers all build on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.actors import ActorStage
from newsgraph.document.authors import said_by
from newsgraph.events.argument_words import TOPIC_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Token


class PhraseActors:
    """Holds the actor stage's output and maps tokens to its actor ids."""

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
        if token.pos_ in ("NUM", "PRON", "DET") or (token.pos_ in ("NOUN", "PROPN") and _stands_for_its_of(token, self.event_nouns)):
            # "dozens of supporters", "the demands of the European Union": whose they are
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        found = self.actors_of(obj) if obj.dep_ == "pobj" else ()
                        if found:
                            return found
        author = said_by(token) if _answered(token) else None
        if author is not None:
            found = self.actors_of(author)
            if found:
                return found  # "rejected accusations by Amnesty", "an appeal from Gbagbo": its author
        topic = token.lemma_.lower() in TOPIC_HEADS  # "the Iraq war" is not Iraq; "Britain's Iraq policy" is Britain's
        for child in token.children:
            if child.dep_ in ("appos", "poss") or (child.dep_ in ("compound", "amod", "nmod") and not topic):
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

    def children_actors(self, token: Token, deps: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
        found: list[str] = []
        for child in token.children:
            if child.dep_ in deps:
                found.extend(self.actors_of(child) or self._misparsed_participle_subject(child))
        return tuple(dict.fromkeys(found))

    def prep_actors(self, token: Token, words: frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
        """Actors of the first of ``token``'s prepositions in ``words`` whose object is an actor."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in words):
            found = self.children_actors(prep, ("pobj",))
            if found:
                return found
        return ()

    def doer_of(self, noun: Token) -> tuple[str, ...]:
        """ "violations by the security forces", "a law introduced by the minister", "prisoners held
        by Israel": whose doing a noun's act or state is, by its "by" phrase or its participle's agent."""
        found = self.prep_actors(noun, ("by",))
        for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"):
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                found = found or self.children_actors(agent, ("pobj",))
        return found

    def _misparsed_participle_subject(self, child: Token) -> list[str]:
        """ "The Red Cross operating in Iraq said …": the parser made the participle the subject and
        the body the participle's; the body is who said it."""
        if child.dep_ != "nsubj" or child.tag_ != "VBG":
            return []
        return [a for grandchild in child.children if grandchild.dep_ == "nsubj" for a in self.actors_of(grandchild)]


def _answered(token: Token) -> bool:
    """What is rejected, accepted or conceded to ("dismissed an appeal", "conceded to demands"), not
    what is looked into or spoken about ("an investigation into an allegation by X")."""
    if token.dep_ in ("dobj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("to", "with")


# Nouns that stand for the people or body of their "of" phrase: "dozens of supporters", "members of
# Hamas", "the rest of the cabinet". Any other noun's "of" phrase is what it is about or whose thing
# it is: "the popularity of the Atkins diet" is no actor, nor are "sales of Slimfast products".
PARTITIVE_NOUNS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "score", "scores",
     "member", "members", "group", "number", "majority", "minority", "rest", "most", "some", "all", "part", "section",
     "faction", "wing", "unit", "contingent", "delegation", "team", "batch", "band", "bunch", "crowd", "handful",
     "leadership", "head", "chief", "leader", "representative", "envoy", "spokesman", "spokeswoman", "spokesperson",
     "official", "officials", "supporter", "supporters", "fighter", "fighters", "force", "forces", "army", "government",
     "side", "camp", "branch", "office", "ministry", "department", "wave", "convoy", "column", "patch", "half", "third",
     "quarter", "fraction", "percent", "proportion", "share", "remnant", "remnants"}
)
# Nouns of someone's will or duty to act: "the obligation of the United Nations to lift embargoes".
WILL_NOUNS = frozenset(
    {"obligation", "duty", "responsibility", "right", "decision", "plan", "intention", "effort", "attempt", "move", "bid",
     "refusal", "readiness", "willingness", "ability", "commitment", "determination", "insistence", "failure", "call"}
)


def _stands_for_its_of(token: Token, event_nouns: frozenset[str]) -> bool:
    """A noun whose "of" phrase names who acts: a part or members of a body, an act of someone
    ("the demands of the EU") or their will to act ("the obligation of the UN to …")."""
    lemma = token.lemma_.lower()
    return lemma in PARTITIVE_NOUNS or token.lower_ in PARTITIVE_NOUNS or lemma in WILL_NOUNS or lemma in event_nouns
