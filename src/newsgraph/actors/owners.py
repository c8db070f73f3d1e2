"""Which names own an actor phrase, and which only stand beside it.

An agent phrase takes its country or body from the names around it: a modifier ("Iraqi
forces"), a possessive ("Egypt's Supreme Council"), an "of"/"in"/"from" object ("officials
of Iran", "lawmakers in Arnor and Gondor"). Other names near it are no owner: the one a body
is loyal to ("forces loyal to Haftar"), the one backing it ("Turkish-backed militants"), and
the items of a list NER took for one name ("Arnor, Osgiliath and Gondor").

These rules are kept apart from :mod:`newsgraph.actors.mentions`, which finds the mention
spans, because they answer a different question: not where a mention is, but whose it is.
They only read and rearrange mentions already found, so :class:`Mention` is needed for types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.actors.grammar import Grammar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.actors.mentions import Mention

# Tokens that join the items of a list of names ("Arnor, Osgiliath and Gondor").
LIST_JOINERS = frozenset({",", "and", "or", "&"})
# Prepositions whose object can own an agent phrase ("officials of Iran", "lawmakers in Poland",
# "aides at the Pentagon": "at" only for a state body).
OWNER_PREPS = frozenset({"of", "in", "from", "for", "at"})
# Kinds of the organisations that own the people working in or at them ("officials in the Kremlin").
STATE_BODY_KINDS = frozenset({"government", "military", "police"})
# Nouns that, as a modifier, point back to a government already named ("regime forces").
STATE_NOUNS = frozenset({"regime", "government", "administration"})
# Prefixes that make a name the side a body takes, not its owner ("pro-Russia rebels", "anti-Kremlin
# protesters" are of whatever country the text says, not Russia's).
STANCE_PREFIXES = frozenset({"pro", "anti"})
# Bodies that, as a bare modifier, point back to the body named before ("a department official").
REFERRING_COMPOUNDS = frozenset({"department", "ministry", "agency", "embassy", "party", "group", "movement"})


def list_of_names(doc: Doc, start: int, end: int, matched: list[Mention]) -> bool:
    """NER sometimes labels a whole list as one entity ("Arnor, Osgiliath and Gondor" as an ORG).
    When the dictionary knows two or more names in it and nothing else stands between them but
    commas and conjunctions, the list is those names, not one longer name."""
    inside = [m for m in matched if start <= m.start and m.end <= end]
    covered = {i for m in inside for i in m.tokens()}
    rest = [doc[i] for i in range(start, end) if i not in covered]
    return len(inside) >= 2 and all(t.lower_ in LIST_JOINERS for t in rest)


def attach_possessors(doc: Doc, names: list[Mention], taken: list[Mention | None]) -> None:
    """ "Egypt's Supreme Council of the Armed Forces": a possessive country or organisation owns the name after it."""
    for mention in list(names):
        if mention.kind == "person" or mention.start < 2 or doc[mention.start - 1].text not in ("'s", "’s", "'"):
            continue
        owner = taken[mention.start - 2]
        if owner is None or owner is mention or owner.kind == "person" or owner not in names:
            continue
        names.remove(owner)
        mention.owners.append(owner)
        for i in range(owner.start, mention.start):
            taken[i] = mention
        mention.start = owner.start


def absorb_modifiers(mention: Mention, doc: Doc, names: list[Mention], taken: list[Mention | None], grammar: Grammar) -> None:
    """Names before the phrase's head own it ("Iraqi forces") unless they only back it; a possessive
    pronoun or a state noun ("its forces", "regime forces") points to an owner named before."""
    for i in range(mention.start, mention.head):
        inner = taken[i]
        if inner is not None and inner is not mention and inner in names:
            names.remove(inner)
            if not backer(doc, inner, grammar):
                mention.owners.append(inner)
        elif doc[i].lower_ in ("its", "their", "his", "her") and doc[i].dep_ == "poss":
            mention.owner_pronoun = i
        elif doc[i].dep_ == "compound" and doc[i].lemma_.lower() in STATE_NOUNS | REFERRING_COMPOUNDS:
            mention.owner_pronoun = i  # "regime forces", "a department official": named before


def backer(doc: Doc, name: Mention, grammar: Grammar) -> bool:
    """ "Turkish-backed militants", "Iran-funded militias": the name backs the body, it does not
    own it, so it gives the phrase no country, and neither does a side taken ("pro-Russia rebels").
    The participles are data (grammar.tsv "backing"); "led" is not one: "Vietnamese-led forces"
    are mostly Vietnam's own."""
    after = name.end + 1 if name.end < len(doc) and doc[name.end].text in ("-", "–") else name.end
    return (after < len(doc) and doc[after].lower_ in grammar.backing_participles) or _taken_side(doc, name)


def _taken_side(doc: Doc, name: Mention) -> bool:
    """ "pro-Russia rebels", "anti-Kremlin protesters": the name is the side the body is for or against."""
    before = name.start - 1 if name.start > 0 and doc[name.start - 1].text in ("-", "–") else name.start
    return before > 0 and doc[before - 1].lower_ in STANCE_PREFIXES


def absorb_of_owner(mention: Mention, doc: Doc, head: Token, names: list[Mention], taken: list[Mention | None],
                    is_capital: Callable[[str], bool] = lambda name: False) -> None:
    """ "the government of Prime Minister Nawaz Sharif", "a court in Guyana": the object owns the phrase.

    "of" takes any name; "in" and "from" only a country or a group ("police in Lagos" is a
    place, not an owner; "soldiers from Gondor" and "fighters from ISIL" are owned), and "in", "at"
    and "from" a state body ("officials in the Kremlin", "aides at the Pentagon", "troopers from the
    Northern Command"); "for" only
    owns one person's role ("a spokesman for the Kremlin") and, like "in", only for a country or group.
    """
    for prep in _owner_preps(head):
        if prep.lower_ == "for" and not (mention.agent is not None and mention.agent.kind == "person"):
            continue  # "a spokesman for Hamas" speaks for it; "troops for Mali" are not Mali's
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        listed = [c for o in objects for c in (*o.conjuncts, *_listed_after(doc, o, taken))]
        for obj in [*objects, *listed]:  # "lawmakers in Arnor and Gondor"
            owner = taken[obj.i]
            if owner is None and prep.lower_ == "of":
                # "the mayor of the West Bank city of Nablus": the country in the object's modifiers
                owner = _country_modifier(obj, taken)
            if owner is None or owner is mention or obj.i < mention.end or owner in mention.owners:
                continue  # inside the phrase itself ("Secretary of State") it is the title, not an owner
            state_body = any(e.table == "organization" and e.kind in STATE_BODY_KINDS for e in owner.entries)
            if prep.lower_ == "at" and not state_body:
                continue  # "officials at the Pentagon" work for it; "police at the stadium" do not
            if prep.lower_ != "of" and not any(e.table in ("country", "group") for e in owner.entries) and not (
                    prep.lower_ in ("in", "from") and state_body) and not (
                    prep.lower_ == "in" and is_capital(doc[owner.start : owner.end].text)):
                continue  # "the government in Kiev" is Ukraine's: a capital stands for its state
            mention.owners.append(owner)


def share_conjunct_owners(doc: Doc, agents: list[Mention]) -> None:
    """ "Iraqi soldiers and police", "Danish media and government": a bare noun joined to an owned
    phrase shares its owner, so the police are Iraq's, not the state named later in the sentence.
    Only a noun that names nobody without an owner shares it: in "Israeli soldiers and protesters"
    the protesters are not Israel's for being listed with its soldiers."""
    by_head = {m.head: m for m in agents}
    for mention in agents:
        head = doc[mention.head]
        first = by_head.get(head.head.i) if head.dep_ == "conj" else None
        if (first is None or not first.owners or mention.owners or mention.owner_pronoun is not None
                or mention.start != mention.head or mention.agent is None or not mention.agent.needs_owner):
            continue
        mention.owners = list(first.owners)


def patron(head: Token, taken: list[Mention | None], grammar: Grammar) -> Mention | None:
    """The name in "forces loyal to Khalifa Haftar": whom the body serves. It is no owner (the
    forces are not Haftar's country's forces); :mod:`newsgraph.actors.allegiance` decides whose."""
    for adjective in head.rights:
        preps = grammar.allegiances.get(adjective.lower_, frozenset())
        for prep in (c for c in adjective.children if c.dep_ == "prep" and c.lower_ in preps):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                found = taken[obj.i]
                if found is not None and found.kind in ("name", "person"):
                    return found
    return None


def _owner_preps(head: Token) -> list[Token]:
    """The "of"/"in"/"from" phrases that can own ``head``: its own, or else the one written after a
    coordination of agent nouns, which all of them share ("lawmakers and officials in Poland": the
    parser hangs "in Poland" on one noun, but it says where both are from)."""
    own = [p for p in head.rights if p.dep_ == "prep" and p.lower_ in OWNER_PREPS]
    if own:
        return own
    nouns = [c for c in head.conjuncts if c.pos_ == "NOUN"]  # not the names a misparse hangs there
    last = max((c.i for c in nouns), default=head.i)
    return [p for c in nouns for p in c.rights
            if p.dep_ == "prep" and p.lower_ in OWNER_PREPS and p.i > max(last, head.i)]


def _listed_after(doc: Doc, first: Token, taken: list[Mention | None]) -> list[Token]:
    """Names written after ``first`` as items of one list ("in Fornost and Gondor"), even where the
    parser hung the later items elsewhere: only commas and conjunctions stand between them."""
    found: list[Token] = []
    owner = taken[first.i]
    i = owner.end if owner is not None else first.i + 1
    while i < len(doc) and doc[i].lower_ in LIST_JOINERS:
        j = i
        while j < len(doc) and doc[j].lower_ in LIST_JOINERS:
            j += 1
        item = taken[j] if j < len(doc) else None
        if item is None or item.kind != "name":
            break
        found.append(doc[item.head])
        i = item.end
    return found


def _country_modifier(token: Token, taken: list[Mention | None]) -> Mention | None:
    for child in token.children:
        found = taken[child.i] if child.dep_ in ("compound", "amod", "poss") else None
        if found is not None and any(e.table == "country" for e in found.entries):
            return found
    return None
