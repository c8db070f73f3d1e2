"""Which state an actor the text leaves without a country belongs to, read from the passage around it.

Coreference links a mention to an earlier one; this module answers a different question —
whose police, army or officials are meant when no owner is written — from the states, office
holders and places named nearby. It is kept apart so that the rules for a state in view
(what counts as one, what is only the topic of a noun, where places may correct it) read
as one piece.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.actors import identity as ident
from newsgraph.actors.antecedents import Antecedents
from newsgraph.actors.grammar import Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import Mention
from newsgraph.actors.resolve import STATE_SECTORS

# Nouns a country's name is compounded onto as their topic, not their owner ("the Iraq war",
# "the Iran deal"); "a British party canvasser" is the party's.
TOPIC_NOUNS = frozenset(
    {"war", "conflict", "crisis", "invasion", "occupation", "deal", "agreement", "accord", "inquiry", "issue", "question",
     "dossier", "debate", "policy", "sanctions", "embargo", "situation", "file", "problem", "dispute", "row", "affair"}
)
# Nouns of what another party gives or does: a country written later in the sentence as their
# possessor ("the government thanked China for China's assistance") is that other party.
OTHERS_ACT_NOUNS = frozenset(
    {"assistance", "aid", "help", "support", "backing", "offer", "proposal", "decision", "role", "intervention",
     "mediation", "effort", "efforts", "plan", "demand", "request", "pressure", "cooperation", "contribution", "gift",
     "donation", "loan", "investment", "involvement", "stance", "position", "response", "invitation"}
)
# Prepositions whose object is what an act or a word is about, after a verb as after a noun.
TOPIC_PREPOSITIONS = frozenset({"over", "about", "regarding", "concerning"})
# A place name read for the state in view must be this populous in the gazetteer, so that a
# village sharing a name with a region ("Wales", South Africa) does not decide whose police act.
PLACE_POPULATION = 100_000


def _speaks_for_a_state(found: Identity) -> bool:
    """A country, its government, or one of its office holders ("Obama" names the US as well)."""
    if found.country is None:
        return False
    return found.kind in ("country", "government") or (found.kind == "person" and found.sector in STATE_SECTORS)


class CountriesInFocus:
    """Countries from context, over the same mentions and look-back search as coreference."""

    def __init__(self, context: Antecedents, grammar: Grammar, is_locative: Callable[[Mention], bool]) -> None:
        self.context = context
        self.is_locative = is_locative
        self.doc = context.doc
        self.mentions = context.mentions
        self.sentence_of = context.sentence_of
        self.grammar = grammar

    def infer_countries(self) -> None:
        """A state official with no country named belongs to the state the passage is about.

        "The Iranian government issued a curt response … a Foreign Ministry spokeswoman
        responded": the spokeswoman is Iranian. Only officials of state sectors are inferred,
        only from a government or country in the same or the previous sentence, and only in the
        sentence that introduces the actor ("King Hassan of Morocco … he"): "Ex-Labour MP George
        Galloway …" then "… operations in Iraq. Mr Galloway …" does not make the MP Iraqi, the
        passage that turned to Iraq being about someone else. A country that is only the topic of
        a noun ("his opposition to the war on Iraq", "the Iraq war") is no state in view either.
        """
        introduced: dict[str, int] = {}
        for mention in self.mentions:
            identity = mention.identity
            if identity is None:
                continue
            sentence = self.sentence_of[mention.head]
            if introduced.setdefault(identity.key, sentence) != sentence:
                continue
            if identity.country or identity.sector not in STATE_SECTORS:
                continue
            if identity.kind not in ("person", "organization") or identity.entry:
                continue
            state = self.context.antecedent(mention.start, lambda i: i.country is not None and i.kind in ("government", "country"),
                                            window=1, eligible=self._names_a_state)
            if state is None or state.identity is None:
                continue
            country = state.identity.country
            updated = identity.with_details(country=country, cameo=ident.compose_cameo(country, identity.sector))
            for other in self.mentions:
                if other.identity is not None and other.identity.key == identity.key:
                    other.identity = updated

    def _names_a_state(self, mention: Mention) -> bool:
        """ "convoys have arrived in Somalia, Foreign Secretary X said": a country named as the place
        an act happens or goes to says where, not whose official speaks; nor does a topic. A place
        that locates people ("Opposition groups in Zimbabwe … President Y") still says whose."""
        return not self._where_an_act_happens(mention) and not self._topic_of_a_noun(mention)

    def _where_an_act_happens(self, mention: Mention) -> bool:
        if not self.is_locative(mention):
            return False
        token = self.doc[mention.head]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "arrived in Somalia and Kenya"
        return token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX")

    def _topic_of_a_noun(self, mention: Mention) -> bool:
        """ "the war on Iraq", "talks with Iran", "sanctions against Syria": a name in a noun's
        prepositional object other than a place ("groups in Zimbabwe") or an "of" owner ("King
        Hassan of Morocco") is what the noun is about, not the state whose people act here."""
        token = self.doc[mention.head]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "the war on Iraq and Syria"
        if token.dep_ == "compound" and token.head.lemma_.lower() in TOPIC_NOUNS:
            return True  # "the Iraq war", "the Iran deal": the name only says what the noun is about
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ in TOPIC_PREPOSITIONS:
            return True  # "attacked the government over Iraq", "a row about Syria": the issue
        if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        if prep.head.lemma_.lower() in TOPIC_NOUNS:
            return True  # "the war in Iraq", "the crisis in Syria": where the war is, not whose police act here
        return prep.lower_ != "of" and prep.lower_ not in self.grammar.locative_preps

    def country_in_focus(self, mention: Mention) -> str | None:
        """Whose police or army an unowned "police" / "the authorities" are.

        The country of a city that modifies it ("the Kolkata police"); else the one country named in
        the same sentence ("Police in Caracas, Venezuela"), by a state,
        its officials or a national party ("police are investigating a British National Party
        leaflet"); else the state named most recently, or whose office holder was ("Obama …
        pressured by congress"), else the article's dominant country (over half of its country
        mentions) — unless the sentence's own places all lie in one other country ("homes in
        south Wales" after a paragraph on Iraq): what the sentence says wins over a country named
        before. Places alone decide nothing (a place is where, not who); they only correct a
        country carried over from earlier. None when the text does not say.
        """
        own = self._countries_of_places(self.sentence_of[mention.head], within=(mention.start, mention.head))
        if len(own) == 1:
            return own.pop()  # "the Kolkata police": the city's country, whatever else the sentence names
        here = self.sentence_of[mention.head]
        same = {m.identity.country for m in self.mentions if m.identity is not None and m.identity.country
                and (m.identity.kind in ("country", "government", "party") or m.identity.sector in STATE_SECTORS | {"PTY"})
                and self.sentence_of[m.head] == here and not self.context.only_a_base(m)  # "…, an Ethiopian official said"
                and not self._topic_of_a_noun(m)  # "resigned from the government over the Iraq war"
                and not (m.start > mention.end and self._others_act(m))}  # "the government thanked China for its aid"
        if len(same) == 1:
            return same.pop()
        earlier = self._country_named_before(mention)
        places = self._countries_of_places(here) if not same and earlier is not None else set()
        return places.pop() if len(places) == 1 else earlier

    def _others_act(self, mention: Mention) -> bool:
        """ "China's assistance", "the assistance of China": the country is who gives or does it."""
        token = self.doc[mention.head]
        if token.dep_ == "poss":
            return token.head.lemma_.lower() in OTHERS_ACT_NOUNS
        prep = token.head
        return token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in OTHERS_ACT_NOUNS

    def _country_named_before(self, mention: Mention) -> str | None:
        """The state named most recently (or whose office holder was), else the article's dominant country."""
        state = self.context.antecedent(mention.start, _speaks_for_a_state, eligible=lambda m: not self._topic_of_a_noun(m))
        if state is not None and state.identity is not None:
            return state.identity.country
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.identity is not None and m.identity.kind in ("country", "government") and m.identity.country \
                    and not self.context.only_a_base(m) and not self._topic_of_a_noun(m) and not self._others_act(m):
                counts[m.identity.country] = counts.get(m.identity.country, 0) + 1
        if counts:
            top, n = max(counts.items(), key=lambda kv: kv[1])
            if n * 2 > sum(counts.values()):
                return top
        return None

    def _countries_of_places(self, sentence: int, within: tuple[int, int] | None = None) -> set[str]:
        """Countries of the places a sentence names and no actor took ("homes in south Wales"), or
        of those between the tokens ``within`` (a place modifying a body: "the Kolkata police"):
        each place's most populous namesake in the gazetteer, if it is big enough to be the one
        meant (PLACE_POPULATION)."""
        from newsgraph.places.gazetteer import gazetteer  # built data, read-only here

        taken = {i for m in self.mentions for i in m.tokens()}
        gaz = gazetteer()
        found: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "LOC") or self.sentence_of[ent.start] != sentence:
                continue
            if (ent.start in taken) if within is None else not within[0] <= ent.start < ent.end <= within[1]:
                continue  # a place of the sentence no actor took, or one inside the body's own phrase
            matches = [m.entry for m in gaz.find(ent.text) if m.primary]
            top = max(matches, key=lambda e: e.population, default=None)
            country = gaz.iso3(top.cc) if top is not None and top.population >= PLACE_POPULATION else None
            if country is not None:
                found.add(country)
        return found
