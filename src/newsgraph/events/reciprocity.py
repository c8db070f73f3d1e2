"""Two-sided acts: when each party of an event acts on the other.

"talks with", "met with", "cooperation between", "Israel and Turkey restored ties": the coder
gives such an event both sides as target and marks it ``reciprocal``. The word tables and the
checks live together here because the coder uses them at two points: when it reads an event's
target and when it sets the reciprocal flag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.events.arguments import Arguments
    from newsgraph.events.triggers import Trigger

# Two-sided acts: "talks with", "met with", "cooperation between" (each side acts on the other).
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SYMMETRIC_FRAMES = frozenset({"prep:with", "between", "prep:between"})
SYMMETRIC_VERBS = frozenset({"meet", "negotiate", "talk", "cooperate", "collaborate", "clash", "agree"})
# Objects that only exist between two parties: "X and Y restored ties" is each to the other.
MUTUAL_OBJECTS = frozenset({"tie", "relation", "relationship", "partnership", "agreement", "deal", "accord", "treaty", "truce", "ceasefire"})


def mutual_object(trigger: Trigger) -> bool:
    obj = trigger.object_token
    return obj is not None and obj.lemma_.lower() in MUTUAL_OBJECTS


def reciprocal(row_type: str, kind: str, args: Arguments, token, mutual: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """Each side acts on the other ("met with", "talks between") — but a meeting only one side
    has promised or planned ("Bush is to meet dissidents") is that side's intent alone."""
    if not args.target:
        return False
    if args.target_via == "between" and (mutual or token.lemma_.lower() in SYMMETRIC_VERBS):
        return True  # "Israel and Turkey restored ties", "rebels and troops clashed"
    if row_type not in SYMMETRIC_TYPES:
        return False
    if kind != row_type and args.target_via != "between":
        return False
    return args.target_via in SYMMETRIC_FRAMES or token.lemma_.lower() in SYMMETRIC_VERBS


def visit_made(kind: str, mode: tuple[str, ...], args: Arguments) -> bool:
    """A visit that took place is a meeting of visitor and host: each side consulted the other
    (CAMEO codes the pair as 042 "make a visit" and 043 "host a visit")."""
    return kind == "CONSULT" and "visit" in mode and bool(args.target)
