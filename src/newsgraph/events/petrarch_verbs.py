"""Read a PETRARCH-format CAMEO verb dictionary a user supplies and turn it into lexicon rows.

PETRARCH dictionaries (CAMEO.2.0.txt and its kin) group synonymous verbs in ``--- NAME [code] ---``
blocks; each verb codes the block's default (or its own ``[code]``), and ``- pattern [code]``
lines refine every verb of the block by what follows it: ``*`` is the verb, bare words are noun
heads, ``(PREP ...)`` prepositional phrases, ``{A B}`` noun phrases headed by their last word,
``&NAME`` synsets defined in the file, ``+`` / ``$`` the target / source, ``^`` any words, ``%`` a
compound actor. newsgraph codes from a dependency parse, not from word sequences, so each pattern
becomes the closest frame of our lexicon (:func:`frame_of_pattern`): a particle after the verb
joins the trigger ("put down"), the first noun is the ``object``, a preposition the ``prep``, a
``+`` inside a phrase the target place. Constraints a frame cannot hold (the noun inside a
phrase, an NP's modifiers, a second phrase) are dropped and the row is marked approximate in its
note. What cannot be mapped at all — words before the verb, a source after it, a null or
reverse-only code, a code outside cameo.tsv — is returned in ``skipped`` with the reason, never
dropped silently.

The work is split three ways: :mod:`.petrarch_blocks` reads the file's layout into blocks,
:mod:`.petrarch_frames` maps one pattern onto a frame, and this module turns the frames of each
block into lexicon rows, first come first kept.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon_row import LexiconRow
from newsgraph.events.petrarch_blocks import Block, Skipped, VerbDictionary, read_blocks
from newsgraph.events.petrarch_frames import (
    REASONS,
    VERB_TARGETS,
    Frame,
    Synsets,
    frame_of_pattern,
    lemma_forms,
    singular,
    synset_heads,
)
from newsgraph.events.tables import cameo_codes, cameo_to_plover

Key = tuple[str, str, tuple[str, ...], str | None]  # trigger, pos, object, prep
# CAMEO appeals (02x) have no row in the 2021 conversion table, but an appeal is a request: our own
# lexicon codes "urge", "call on" and "appeal to" as PLOVER REQUEST, so a user's appeal verbs are
# read the same way, with the REQUEST mode their code names.
APPEAL_MODES = {"020": None, "021": "assist", "022": "assist", "023": "assist", "024": "change", "025": "yield",
                "026": "meet", "027": "meet", "028": "meet"}


def read_verb_dictionary(path: str | Path, keep_unmapped: bool = False) -> VerbDictionary:
    """Convert the PETRARCH verb dictionary at ``path``.

    ``keep_unmapped`` keeps rows whose CAMEO code has no PLOVER type (01x, 02x) with
    ``type=None`` — useful to score CAMEO roots; by default they are reported as skipped.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the verb dictionary ({err.strerror}); check the path") from None
    return parse_verb_dictionary(text, path.name, keep_unmapped)


def parse_verb_dictionary(text: str, name: str, keep_unmapped: bool = False) -> VerbDictionary:
    """Convert the text of a PETRARCH verb dictionary; ``name`` becomes ``source_dictionary``."""
    out = VerbDictionary(name)
    synsets: Synsets = {}
    blocks = read_blocks(text, out, synsets)
    if not blocks:
        raise ConfigError(
            f"{name}: no '--- VERB [code] ---' blocks; give a PETRARCH verb dictionary (CAMEO.2.0.txt format)"
        )
    out.synsets = {label: tuple(members) for label, members in synsets.items()}
    seen: dict[Key, int] = {}
    for block in blocks:
        _convert_block(block, synsets, out, seen, keep_unmapped)
    return out



def _convert_block(
    block: Block, synsets: Synsets, out: VerbDictionary, seen: dict[Key, int], keep_unmapped: bool
) -> None:
    """Pattern rows first (they beat the verb's default), then the bare verb rows."""
    frames: list[Frame] = []
    for number, text in block.patterns:
        result = frame_of_pattern(text, synsets)
        problem = result if isinstance(result, tuple) else _code_problem(result.code, keep_unmapped)
        if problem is not None:
            out.skipped.append(Skipped(out.source_dictionary, number, text, *problem))
        elif isinstance(result, Frame):
            frames.append(replace(result, line=number))
    takers = [v for v in block.verbs if not v.object and not v.prep]  # compound verbs keep their own frame
    # Most specific first (object and preposition, object, preposition), since a coder takes the
    # first row that fits; among equal frames the exact pattern before an approximated one.
    for frame in sorted(frames, key=lambda f: (-2 * bool(f.object) - bool(f.preps), not f.exact, f.line)):
        holders = set()
        note = f"{out.source_dictionary}:{frame.line} {block.name}: {' '.join(frame.text.split())}{frame.note}"
        for prep in frame.preps or (None,):
            targets = frame.targets(prep)
            for verb in takers:
                if frame.particle and " " in verb.trigger:
                    continue  # a phrasal verb takes no second particle
                trigger = f"{verb.trigger} {frame.particle}" if frame.particle else verb.trigger
                row = _row(trigger, frame.object, prep, frame.code, targets, note, out)
                holders.add(_add(row, frame.line, seen, out, not frame.exact))
        if not holders:
            out.skipped.append(Skipped(out.source_dictionary, frame.line, frame.text, "no-verb",
                                       "no verb of the block can take it (compound or phrasal verbs only)"))
        elif frame.line not in holders:
            out.skipped.append(Skipped(out.source_dictionary, frame.line, frame.text, "duplicate",
                                       f"every row it gives already comes from line {min(holders)} (same frame)"))
    for verb in block.verbs:
        if verb.code is None:
            continue  # a verb without a default codes only through its patterns
        problem = _code_problem(verb.code, keep_unmapped)
        if problem is not None:
            out.skipped.append(Skipped(out.source_dictionary, verb.line, verb.trigger, *problem))
            continue
        note = f"{out.source_dictionary}:{verb.line} {block.name}: verb default"
        row = _row(verb.trigger, verb.object, verb.prep, verb.code, VERB_TARGETS, note, out)
        earlier = _add(row, verb.line, seen, out, False)
        if earlier != verb.line:
            out.skipped.append(Skipped(out.source_dictionary, verb.line, verb.trigger, "duplicate",
                                       f"{verb.trigger} already has this frame from line {earlier}"))


def _code_problem(code: str | None, keep_unmapped: bool) -> tuple[str, str] | None:
    if code is None:
        return "null-code", REASONS["null-code"]
    if code not in cameo_codes():
        return "unknown-code", f"code {code} is not a CAMEO code of cameo.tsv"
    if _plover(code)[0] is None and not keep_unmapped:
        return "no-plover", f"CAMEO {code} has no PLOVER type (statements are not PLOVER events)"
    return None


def _row(trigger: str, obj: tuple[str, ...], prep: str | None, code: str, target: tuple[str, ...], note: str,
         out: VerbDictionary) -> LexiconRow:
    kind, mode = _plover(code)
    return LexiconRow(trigger=trigger, pos="VERB", object=obj, prep=prep, type=kind, mode=mode, cameo=code,
                      target=target, note=note, source_dictionary=out.source_dictionary)


@lru_cache(maxsize=512)
def _plover(code: str) -> tuple[str | None, str | None]:
    kind, mode = cameo_to_plover(code)
    if kind is None and code[:3] in APPEAL_MODES:
        return "REQUEST", APPEAL_MODES[code[:3]]
    return kind, mode


def _add(row: LexiconRow, line: int, seen: dict[Key, int], out: VerbDictionary, approximate: bool) -> int:
    """Keep ``row`` unless its frame is taken; returns the line that holds the frame."""
    key = (row.trigger, row.pos, row.object, row.prep)
    if key in seen:
        out.duplicate_rows += 1
        return seen[key]
    seen[key] = line
    out.rows.append(row)
    out.approximate_rows += approximate
    return line


__all__ = [
    "Frame",
    "Skipped",
    "VerbDictionary",
    "frame_of_pattern",
    "lemma_forms",
    "parse_verb_dictionary",
    "read_verb_dictionary",
    "singular",
    "synset_heads",
]
