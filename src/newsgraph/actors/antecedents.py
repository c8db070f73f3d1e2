"""Where a reference in one article may look back: the salience search coreference rests on.

Pronouns, descriptions and the state in focus all ask the same question — which earlier
mention, near enough and prominent enough, has an identity of the wanted kind — so that
search, and the sentence index it needs, live here once, shared by
:mod:`newsgraph.actors.coref` and :mod:`newsgraph.actors.countries`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# How far back (in sentences) a pronoun or description may look for its antecedent.
WINDOW_SENTENCES = 4
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


class Antecedents:
    """The article's mentions in text order, with the sentence of every token, searched backwards.

    ``mentions`` is held, not copied: the actor stage filters that list in place after
    coreference is set up, and the search must see what it keeps.
    """

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.sentence_of = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = number

    def antecedent(self, position: int, wanted: Callable[[Identity], bool], window: int = WINDOW_SENTENCES,
                   eligible: Callable[[Mention], bool] | None = None) -> Mention | None:
        """The most salient earlier mention whose identity passes ``wanted`` (and which, where
        ``eligible`` is given, stands where that test allows)."""
        here = self.sentence_of[position]
        best: tuple[float, Mention] | None = None
        for candidate in self.mentions:
            if candidate.end > position:
                break
            if candidate.identity is None or not wanted(candidate.identity) or self.only_a_base(candidate):
                continue
            if eligible is not None and not eligible(candidate):
                continue
            distance = here - self.sentence_of[candidate.head]
            if distance > window:
                continue
            score = -10.0 * distance + (4.0 if self.doc[candidate.head].dep_ in SUBJECT_DEPS else 0.0)
            score += candidate.start / max(1, len(self.doc))  # nearer wins a tie
            if best is None or score >= best[0]:
                best = (score, candidate)
        return best[1] if best else None

    def only_a_base(self, mention: Mention) -> bool:
        """'a UK-based group', 'the London-based monitor': where someone sits, not whose state acts."""
        head = self.doc[mention.head]
        return head.head.lower_ == "based" or (mention.end + 1 < len(self.doc) and self.doc[mention.end + 1].lower_ == "based")

    def with_coordinated(self, found: Mention) -> tuple[Mention, ...]:
        """ "The US and Iran … their backing": a plural pronoun takes the whole coordination."""
        head = self.doc[found.head]
        group = {head.i} | {t.i for t in head.conjuncts}
        members = tuple(m for m in self.mentions if m.head in group and m.identity is not None)
        return members if len(members) > 1 else (found,)

    def coordination_before(self, position: int, kinds: frozenset[str] | set[str]) -> tuple[Mention, ...]:
        """ "The US and Iran … both governments": the nearest coordination of such actors."""
        for candidate in reversed(self.mentions):
            if candidate.end > position or candidate.identity is None or candidate.identity.kind not in kinds:
                continue
            if self.sentence_of[position] - self.sentence_of[candidate.head] > 1:
                return ()
            members = self.with_coordinated(candidate)
            if len(members) > 1:
                return members
        return ()
