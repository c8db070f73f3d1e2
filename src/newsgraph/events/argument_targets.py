"""To whom: the target of a trigger, read from the places its lexicon row names.

A row lists where its target may be ("dobj", "prep:with", "object_party", "poss", …);
when the object is no actor, who it is with, for or against may be ("endorsed an agreement
with the EU"). Kept apart from sources because it reads down from the trigger, not up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.argument_words import OBJECT_PREPS
from newsgraph.events.phrase_actors import PhraseActors
from newsgraph.events.triggers import for_clause

if TYPE_CHECKING:
    from spacy.tokens import Token


class TargetReader(PhraseActors):
    """Finds a trigger's target at the places a lexicon row names."""

    def _target(self, head: Token, spec: tuple[str, ...], object_token: Token | None) -> tuple[str, ...]:
        return self._target_with_place(head, spec, object_token)[0]

    def _target_with_place(self, head: Token, spec: tuple[str, ...], object_token: Token | None) -> tuple[tuple[str, ...], str | None]:
        for place in spec:
            found = self._target_at(head, place, object_token)
            if found:
                return found, place
        if "none" in spec:
            return (), None
        return self._party_in_objects(head)

    def _party_in_objects(self, head: Token, owned_too: bool = False) -> tuple[tuple[str, ...], str | None]:
        """"endorsed an agreement with the EU", "welcomed a resumption of ties with X": the object
        is no actor, but who it is with, for or by is. ``owned_too`` also looks inside an object
        that stands for its owner ("their resumption of ties with X")."""
        for obj in [c for c in head.children if c.dep_ == "dobj"]:
            if not owned_too and self._actors_of_one(obj):
                continue
            found, via = self._through_preps(obj, depth=3)
            if found:
                return found, via
        return (), None

    def party_of(self, noun: Token) -> tuple[tuple[str, ...], str | None]:
        """Who a non-actor noun is with, for or against ("ties with Cuba")."""
        return self._through_preps(noun, depth=2)

    def _up_to(self, verb: Token) -> tuple[str, ...]:
        """ "kidnapped up to 16 advisers": the parser reads "up to" as a particle and a phrase."""
        for particle in verb.children:
            if particle.dep_ == "prt" and particle.lower_ == "up":
                for prep in particle.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        return self.children_actors(prep, ("pobj",))
        return ()

    def _through_preps(self, noun: Token, depth: int) -> tuple[tuple[str, ...], str | None]:
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in OBJECT_PREPS | {"of"}:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = self.actors_of(obj) if prep.lower_ != "of" else ()
                if found:
                    return found, f"prep:{prep.lower_}"
                if depth > 1:
                    found, via = self._through_preps(obj, depth - 1)
                    if found:
                        # "welcomed a resumption of ties with X": X is the ties' party, not a
                        # party to the welcoming, so the frame is no longer a two-sided one
                        return found, f"nested:{via.split(':', 1)[-1]}" if via else via
        return (), None

    def _target_at(self, head: Token, place: str, object_token: Token | None) -> tuple[str, ...]:
        if place == "none":
            return ()
        if place in ("dobj", "iobj", "dative"):
            deps = {"dobj": ("dobj",), "iobj": ("iobj", "dative"), "dative": ("dative", "iobj")}[place]
            undoer = self._holder_of_patient(head) if place == "dobj" else ()
            return undoer or self.children_actors(head, deps) or (self._up_to(head) if place == "dobj" else ())
        if place.startswith("prep:"):
            word = place.split(":", 1)[1]
            undoer = self._holder_of_patient(head) if word == "of" else ()
            if undoer:
                return undoer  # "demanded the release of prisoners held by Israel": Israel, not the prisoners
            # "demanded compensation from Iraq": the phrase may hang on the object, named in the row or not
            objects = [object_token] if object_token is not None else [c for c in head.children if c.dep_ == "dobj"]
            holders = [head, *objects]
            for holder in holders:
                for child in holder.children:
                    if child.dep_ in ("prep", "dative") and child.lower_ == word:
                        found = self.children_actors(child, ("pobj",))
                        if found:
                            return found
            clause = for_clause(head, word)
            if clause is not None:
                return self.children_actors(clause, ("nsubj",))  # "called for Burma to institute reforms"
        if place == "object_party":  # "called for sanctions against Nigeria": whom the demanded act is aimed at
            return self._through_preps(object_token, depth=2)[0] if object_token is not None else ()
        if place == "clause_subj":  # "allowed Hamas to open an office": Hamas parsed as the clause's subject
            clauses = [c for c in head.children if c.dep_ in ("ccomp", "xcomp")]
            if not clauses and object_token is not None and object_token.i < head.i and object_token.dep_ == "ROOT":
                clauses = [object_token]  # "X is failing refugees, a rights group protested" (misparsed report)
            return tuple(a for c in clauses for a in self.children_actors(c, ("nsubj",)))
        if place == "clause_party":  # "threatened to cut off power to X", "offered to hand them over to X"
            for clause in (c for c in head.children if c.dep_ in ("xcomp", "ccomp")):
                found = self._through_preps(clause, depth=1)[0] or self.children_actors(clause, ("dobj", "dative"))
                for obj in (c for c in clause.children if c.dep_ == "dobj"):
                    found = found or self._through_preps(obj, depth=1)[0]
                if found:
                    return found
            return self._conditioned_on(head)
        if place == "protested":
            return self._protested(head)
        if place == "poss":  # "their offer", "attacked the Commission's plan": the owner of the object too
            return self.children_actors(head, ("poss",)) or (self.children_actors(object_token, ("poss",)) if object_token is not None else ())
        return ()

    def _holder_of_patient(self, head: Token) -> tuple[str, ...]:
        """ "demanded the release of prisoners held by Israel", "welcomed the return of land seized
        by the army": an act undoing what someone did is theirs to do, so they are its target."""
        for obj in (c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in UNDOING_NOUNS):
            for patient in (o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"):
                found = self.doer_of(patient)
                if found:
                    return found
        return ()

    def _conditioned_on(self, head: Token) -> tuple[str, ...]:
        """ "threatened to stop the talks if the United States goes ahead": whose act the threat
        hangs on is whom it is aimed at."""
        conditions = [t for t in head.subtree if t.dep_ == "advcl" and t.i != head.i
                      and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children)]
        for condition in sorted(conditions, key=lambda t: abs(t.i - head.i)):
            found = self.children_actors(condition, ("nsubj",))
            if found:
                return found
        return ()

    # -- protests ------------------------------------------------------------------------

    def _protested(self, head: Token) -> tuple[str, ...]:
        """Whom a protest is against when no "against" names them: the doer of what is protested
        ("to protest the arrest … by Kenyan police", "in protest against violations by the security
        forces", "a strike over a law introduced by the minister") or whom its purpose asks
        something of ("a hunger strike to demand the resignation of President X"). A protest
        named by a noun shares the phrases of the verb that stages it ("went on strike over")."""
        for holder in _protest_holders(head):
            for noun in self._protested_things(holder):
                found = self.doer_of(noun) or self._party_of_thing(noun)
                if found:
                    return found
            for clause in holder.children:
                if clause.dep_ in ("xcomp", "advcl", "acl") and clause.lemma_.lower() in PURPOSE_OF_PROTEST \
                        and (clause.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)):
                    for obj in (c for c in clause.children if c.dep_ == "dobj"):
                        found = self.doer_of(obj) or self._party_of_thing(obj) or self._asked_of(obj)
                        if found:
                            return found
                    found = self._asked_of(clause)
                    if found:
                        return found
        return ()

    def _asked_of(self, token: Token) -> tuple[str, ...]:
        """ "demanding autonomy from the Iraqi government": whom the demand is made of."""
        return self.prep_actors(token, ("from", "of", "on"))

    def _party_of_thing(self, noun: Token) -> tuple[str, ...]:
        """The actors a protested thing stands for; of an act only its owner ("Assad's failure"),
        never whom the act befell ("the arrest of activists": the activists are not protested)."""
        if noun.lemma_.lower() not in self.event_nouns:
            return self.actors_of(noun)
        owners = (c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod"))
        return tuple(a for c in owners for a in self.actors.actors_of_token(c.i))

    def _protested_things(self, head: Token) -> list[Token]:
        things = [c for c in head.children if c.dep_ == "dobj" and head.pos_ == "VERB" and c.lemma_.lower() not in PROTEST_NOUNS]
        preps = [c for c in head.children if c.dep_ == "prep"]
        for prep in [p for p in preps if p.lower_ == "in"]:  # "in protest against …"
            for protest in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() == "protest"):
                preps.extend(c for c in protest.children if c.dep_ == "prep")
        for prep in preps:
            if prep.lower_ in PROTESTED_PREPOSITIONS:
                things.extend(o for o in prep.children if o.dep_ == "pobj")
        return things


def _protest_holders(head: Token) -> list[Token]:
    holders = [head]
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj", "nsubjpass"):
        verb = head.head.head if head.dep_ == "pobj" else head.head  # "went on strike", "staged a strike"
        if verb.pos_ in ("VERB", "AUX"):
            holders.append(verb)
    return holders


# Nouns that name the protest itself, not what it is against ("staged a strike").
PROTEST_NOUNS = frozenset({"strike", "protest", "demonstration", "rally", "march", "sit-in", "boycott", "walkout", "vigil"})
# Acts that undo what someone did to a person or thing: "the release of prisoners held by X".
UNDOING_NOUNS = frozenset({"release", "return", "freeing", "handover", "restitution", "repatriation", "lifting"})
# What a protest is against or about: "in protest against", "a strike over", "protests at".
PROTESTED_PREPOSITIONS = frozenset({"against", "at", "over", "of"})
# Purposes a protest states: "a hunger strike to demand …", "marched to protest …".
PURPOSE_OF_PROTEST = frozenset({"demand", "protest", "press", "urge", "call", "seek", "oppose", "denounce", "condemn"})
