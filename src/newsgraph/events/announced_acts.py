"""What an act not yet done is coded as: promised, threatened, held ready or only weighed.

PLOVER codes intended cooperation as AGREE ("will provide aid") and announced coercion as
THREATEN ("will impose sanctions", "prepared to impose martial law", "will withdraw unless
…"); CAMEO keeps a promised act in its intent and threat codes but codes an act the narrator
only dates as the act, and an act only considered has its own code. The coder asks here once it has read an event's modality, so the rules that turn
the lexicon's type into the announced one sit together with their word tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.cameo_modality import cameo_for

if TYPE_CHECKING:
    from newsgraph.events.lexicon_row import LexiconRow
    from newsgraph.events.modality import Modality

# Cooperation that PLOVER codes AGREE when it is only promised, offered or intended.
PROMISABLE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
# Coercive acts that, announced for the future, PLOVER codes THREATEN (value: the threat's mode).
THREATENABLE = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence", "PROTEST": "relations"}
CONSIDER_POLICY_OPTION = "014"  # CAMEO: an act weighed, not decided
# Words that hold a coercive act ready, making it a threat: "prepared to impose martial law".
READINESS_HEADS = frozenset({"prepare", "prepared", "ready", "poised"})


def announced_type(row: LexiconRow, token, modality: Modality) -> tuple[str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The PLOVER type and mode of the act ``row`` codes, given how it is announced."""
    kind, mode = row.type or "", ((row.mode,) if row.mode else ())
    if not modality.negated and (modality.future or modality.hypothetical) and kind != "THREATEN" and _on_condition(token):
        # "will withdraw its force unless Goukouni steps down": a conditional promise is a threat
        kind, mode = "THREATEN", (THREATENABLE.get(kind, "relations"),)
    elif modality.considered and not (modality.negated or modality.future):
        pass  # "is considering sending aid": weighed, neither promised nor threatened
    elif kind in PROMISABLE and not modality.negated and (modality.future or modality.hypothetical):
        # PLOVER: promised, offered or intended cooperation is AGREE; the CAMEO intent code keeps what
        kind, mode = "AGREE", ()
    elif kind in THREATENABLE and not modality.negated and (modality.future or _readied(token)):
        # PLOVER: an announced coercive act ("will impose sanctions", "would blockade Paris") is a THREATEN
        kind, mode = "THREATEN", (THREATENABLE[kind],)
    return kind, mode


def announced_cameo(row: LexiconRow, kind: str, modality: Modality, token) -> str:  # type: ignore[no-untyped-def]
    """The CAMEO code of the act ``row`` codes, given its modality and announced type ``kind``.

    CAMEO's intent and threat codes are for what an actor expresses. A future the narrator only
    dates ("the US will supply arms", "is about to restore ties") is the act itself in CAMEO, as
    PETRARCH codes it, while PLOVER still calls it AGREE or THREATEN with ``future`` set.
    """
    dated_only = modality.future and not modality.announced and not _readied(token) and not _on_condition(token)
    threat = kind == "THREATEN" and not (dated_only and row.type != "THREATEN")
    refused = modality.negated and not modality.denied  # a denied act did not happen; it was not refused
    cameo = cameo_for(row.cameo, refused, modality.announced, modality.hypothetical or threat)
    if modality.considered and not (modality.negated or modality.future):
        cameo = CONSIDER_POLICY_OPTION
    if threat and not cameo.startswith("13"):
        cameo = "130"  # CAMEO has no threat code for this act: "threaten, not specified"
    return cameo


def _readied(token) -> bool:  # type: ignore[no-untyped-def]
    """ "prepared to impose martial law", "ready to strike": coercion held ready is a threat."""
    current = token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "acomp") or current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in READINESS_HEADS:
            return True
    return False


def _on_condition(token) -> bool:  # type: ignore[no-untyped-def]
    """An "unless …" clause hangs on the act or on the verb that announces it."""
    holders = (token, token.head) if token.dep_ in ("xcomp", "ccomp", "conj") else (token,)
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children):
                return True
    return False
