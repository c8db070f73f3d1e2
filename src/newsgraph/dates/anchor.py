"""Which date an event happened on: the time expression of its own clause, else a fallback.

Most coders date every event with the story date; a wire story's events are usually a
day or more older ("declared on Sunday", published Tuesday) and its background is years
older ("the siege of 2004"). The rule, in order:

1. **own clause** — a date whose path up the dependency tree reaches the trigger, or that
   hangs from the same clause verb as the trigger ("declared on Sunday", "told reporters
   Sunday", "the attack on Monday killed");
2. **governing clause** — a date on a verb the trigger's clause is a complement of
   ("declared on Sunday that Washington would help": *help* gets Sunday), but not through
   a relative clause ("X, who was elected in 2004, said …" does not date *said*);
3. **sentence** — the sentence holds dates of one value only, and that date is not inside
   a relative clause or below the trigger;
4. **publication date**, with the reason saying so; else no date at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.dates.context import clause_verb, is_noun_clause
from newsgraph.dates.patterns import whole
from newsgraph.dates.resolve import RELATIVE_RULES, RESOLVERS, Resolution
from newsgraph.records import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels through which a clause passes its date down to the clause it embeds.
COMPLEMENT_LINKS = frozenset({"ccomp", "xcomp", "conj", "parataxis", "advcl", "ROOT"})
PUBLICATION_REASON = "publication date (no time expression in the clause)"


def choose(doc: Doc, dates: Sequence[DateRef], trigger_start: int, trigger_end: int) -> tuple[DateRef, str] | None:
    """The date of the trigger's clause and how it was chosen, or None."""
    trigger_span = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if trigger_span is None or not dates:
        return None
    trigger = trigger_span.root
    sentence = trigger.sent
    local: list[tuple[DateRef, Token]] = []
    for d in dates:
        root = _root(doc, d) if sentence.start_char <= d.start < sentence.end_char else None
        if root is not None:
            local.append((d, root))
    if not local:
        return None
    own = clause_verb(trigger)
    by_distance = sorted(local, key=lambda pair: abs(pair[1].i - trigger.i))
    for date, root in by_distance:
        if _in_clause(root, trigger, own):
            return date, "in the clause"
    for date, root in by_distance:
        verb = clause_verb(root)
        if verb is not None and _governs(verb, trigger):
            return date, "in the governing clause"
    values = {d.value for d, _ in local}
    if len(values) == 1:
        date, root = by_distance[0]
        verb = clause_verb(root)
        if verb is None or (not is_noun_clause(verb) and not trigger.is_ancestor(root)):
            return date, "the only date in the sentence"
    return None


def _root(doc: Doc, date: DateRef) -> Token | None:
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span.root if span is not None else None


def _in_clause(root: Token, trigger: Token, own: Token | None) -> bool:
    """The date's path up to its clause verb meets the trigger, or both share a clause verb."""
    current = root
    while True:
        if current.i == trigger.i:
            return True
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            break
        current = current.head
    verb = clause_verb(root)
    return verb is not None and own is not None and verb.i == own.i


def _governs(verb: Token, trigger: Token) -> bool:
    """``verb`` is above the trigger and every clause between them is a complement, not a relative clause."""
    if not verb.is_ancestor(trigger):
        return False
    current = trigger
    while current.i != verb.i:
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in COMPLEMENT_LINKS:
            return False
        if current.dep_ in ("relcl", "acl"):
            return False
        current = current.head
    return True


def reason(date: DateRef, published: str | None, how: str) -> str:
    """Why the event got this date, in words: the expression, its rule and the anchor."""
    rule = _rule(date.text)
    quoted = f"'{date.text}'"
    if date.value is None:
        return f"{quoted} ({rule} relative to the publication date, which is unknown; {how})"
    if rule not in RELATIVE_RULES or published is None:
        return f"{quoted} ({rule}; {how})"
    if rule == "weekday":
        if date.value < published:
            return f"{quoted} (weekday before publication {published}; {how})"
        if date.value == published:
            return f"{quoted} (weekday of publication {published}; {how})"
        return f"{quoted} (weekday after publication {published}, future clause; {how})"
    return f"{quoted} ({rule} relative to publication {published}; {how})"


def _rule(text: str) -> str:
    candidate = whole(text)
    if candidate is None:
        return "date expression"
    probe: Resolution | None = RESOLVERS[candidate.shape](candidate, None, lambda: None)
    return probe.rule if probe is not None else "date expression"
