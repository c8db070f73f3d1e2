"""One trigger-lexicon row: the shared shape of data/events/lexicon.tsv and converted PETRARCH patterns.

Kept in its own tiny module so that the built-in lexicon loader and the PETRARCH verb
dictionary reader build the same record without importing each other (and without spaCy).
The fields are the lexicon.tsv columns (notes/EVENT_DATA.md) plus where the row came from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LexiconRow:
    """A trigger and the frame it needs, with the event it codes.

    ``object`` holds lemmas one of which must head the direct object (verbs) or be the
    trigger's compound / "of" object (nouns); ``prep`` a preposition that must attach to the
    trigger; ``target`` the places to look for the target, in order of preference
    (``dobj``, ``iobj``, ``prep:to`` …). ``type`` is None only for rows converted from a
    PETRARCH dictionary whose CAMEO code has no PLOVER equivalent (01x statements, 02x
    appeals), and only when the caller asked to keep them.
    """

    trigger: str
    pos: str
    object: tuple[str, ...]
    prep: str | None
    type: str | None
    mode: str | None
    cameo: str
    target: tuple[str, ...]
    note: str = ""
    source_dictionary: str = ""
    source: tuple[str, ...] = ()  # where the source is, when not the subject ("received arms from X": prep:from)

    @property
    def constrained(self) -> bool:
        """True when the row needs an object or a preposition, so it beats the bare row."""
        return bool(self.object or self.prep)
