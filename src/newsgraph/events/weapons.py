"""What an attack was made with, when the words name it: the CAMEO code and PLOVER mode it gives.

"Killed" and "attacked" are CAMEO 190, conventional force of no stated kind. When the clause
names the weapon — "blown up by a surface-to-air missile", "attacked the town with rockets",
"killed in a drone strike", "a roadside bomb attack" — CAMEO has a code for it (193 small arms,
194 artillery and tanks, 195 aerial weapons, 183 bombing) and PLOVER a mode (firearms,
heavy-weapons, aerial, drone, explosives). Only a generic row is refined: a row that already
says how ("opened fire", "shelled") keeps its code, and so does anything not an ASSAULT.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.events.lexicon_row import LexiconRow

# Lemmas of weapons, with the PLOVER ASSAULT mode and CAMEO code an attack made with them takes.
WEAPONS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("gun", "rifle", "pistol", "bullet", "gunfire", "gunshot", "machinegun", "kalashnikov"),
                    ("firearms", "193")),
    **dict.fromkeys(("missile", "rocket", "shell", "mortar", "artillery", "tank", "howitzer", "shelling",
                     "katyusha"), ("heavy-weapons", "194")),
    **dict.fromkeys(("airstrike", "warplane", "jet", "bomber", "gunship", "helicopter", "aircraft", "airplane",
                     "plane"), ("aerial", "195")),
    "drone": ("drone", "195"),
    **dict.fromkeys(("bomb", "explosive", "ied", "device", "grenade", "landmine", "mine", "bombing"),
                    ("explosives", "183")),
}
# Bombs CAMEO tells apart by how they were delivered: "a roadside bomb", "a car bomb", "a suicide bomber".
BOMB_KINDS = {"roadside": ("explosives", "1833"), "car": ("explosives", "1832"), "truck": ("explosives", "1832"),
              "vehicle": ("explosives", "1832"), "suicide": ("suicide-attack", "1831")}
# Codes of an attack whose means the row leaves open: conventional force, destroying property.
GENERIC_CODES = frozenset({"190", "1712"})
# Prepositions that name what an act was done with or in: "with rockets", "by a missile", "in an air strike".
MEANS_PREPOSITIONS = frozenset({"with", "by", "in"})
# Nouns naming an attack, whose modifier is the weapon ("a rocket attack", "killed in a drone strike").
ATTACK_NOUNS = frozenset({"attack", "strike", "raid", "fire", "barrage", "blast", "explosion", "assault"})


def armed_row(row: LexiconRow, token: Token) -> LexiconRow:
    """``row`` with the weapon's mode and CAMEO code when it is a generic attack whose clause names one."""
    if row.type != "ASSAULT" or row.cameo not in GENERIC_CODES:
        return row
    weapon = _weapon(token)
    if weapon is None:
        return row
    mode, cameo = WEAPONS[weapon.lemma_.lower()]
    if cameo == "183":
        kind = next((c.lower_ for c in weapon.children if c.lower_ in BOMB_KINDS and c.dep_ in ("compound", "amod")), None)
        mode, cameo = BOMB_KINDS.get(kind or "", (mode, cameo))
    return replace(row, mode=mode, cameo=cameo)


def _weapon(token: Token) -> Token | None:
    """The first weapon the trigger's own modifiers (for a noun) or its means phrases name."""
    candidates: list[Token] = []
    if token.pos_ == "NOUN":
        candidates.extend(c for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
    else:
        candidates.extend(c for c in token.children if c.dep_ == "nsubj")  # "a rocket fired by Hamas hit a bus"
    for prep in (c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in MEANS_PREPOSITIONS):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            candidates.append(obj)
            if obj.lemma_.lower() in ATTACK_NOUNS or prep.lower_ != "in":
                candidates.extend(c for c in obj.children if c.dep_ in ("compound", "amod", "nmod"))
    for candidate in candidates:
        lemma = candidate.lemma_.lower()
        if lemma in WEAPONS and not _figurative(candidate):
            return candidate
    return None


def _figurative(token: Token) -> bool:
    """ "a water cannon", "tear gas shells", "a paper plane": a modifier that makes the word no weapon."""
    return any(c.lower_ in ("water", "tear", "paper", "toy") for c in token.children if c.dep_ in ("compound", "amod"))
