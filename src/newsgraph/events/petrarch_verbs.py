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
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon_row import LexiconRow
from newsgraph.events.tables import cameo_codes, cameo_to_plover

BLOCK = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\])?[^\[]*---")
TRAILING_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
TOKEN = re.compile(r"\([^()]*\)|\{[^{}]*\}|[^\s(){}]+|[(){}]")
# The closed word classes of the pattern grammar (part of the format, not a lexicon).
PARTICLES = frozenset("out up off down forward back aside away ahead".split())
PREPOSITIONS = frozenset(
    "about across after against along alongside amid among around as at before behind below beneath beside "
    "between beyond by despite during for from in inside into near of on onto outside over past since "
    "through throughout to toward towards under until upon with within without".split()
)
COPULAS = frozenset({"is", "are", "am", "was", "were", "be", "been"})
# Second words that make a compound verb no verb frame: "KILLED_AND" lists an inflected,
# coordinated form; "ANGERED_BY" is a passive.
NOT_FRAMES = {"and": "coordination form", "or": "coordination form", "by": "passive form"}
# Where the target sits when the pattern's object noun fills the direct object ("RUSH AID"):
# the receiver (dative / iobj) or a preposition that names a recipient or an opponent ("at").
OBJECT_TARGETS = ("dative", "iobj", "prep:to", "prep:against", "prep:with", "prep:on", "prep:at", "prep:for")
# A verb's own target (a default code, or "+" right after the verb): PETRARCH takes the first
# actor after the verb, so the direct object first, then a recipient or an "of"/"about" phrase.
VERB_TARGETS = ("dobj", *OBJECT_TARGETS, "prep:of", "prep:about")
# Plural object nouns also get their singular, since the coder compares spaCy lemmas.
SINGULAR_EXCEPTIONS = {
    "men": "man", "women": "woman", "people": "person", "children": "child", "ties": "tie",
    "knives": "knife", "lives": "life", "wives": "wife", "thieves": "thief",
}  # fmt: skip
UNCHANGED_ENDINGS = ("ss", "us", "is", "ics", "news")
REASONS = {
    "null-code": "null code [---]: the dictionary says this use of the verb is no event",
    "reverse-code": "reverse-only code [:X]: the event runs from target to source, which a frame cannot say",
    "pre-verb": "words before the verb constrain the subject, which a frame cannot express",
    "pre-target": "target before the verb (passive or fronted), which a frame cannot express",
    "source-after-verb": "source ($) after the verb: a frame takes the source from the subject",
    "compound-marker": "compound-actor marker (%) has no frame equivalent",
    "several-nouns": "a word sequence after the verb, not one object and prepositional phrases",
    "no-verb-position": "no single * marking the verb",
    "no-code": "no [code] at the end of the pattern",
    "unbalanced": "unbalanced ( ) or { } in the pattern",
}
Synsets = dict[str, list[str]]
Key = tuple[str, str, tuple[str, ...], str | None]  # trigger, pos, object, prep
Parts = tuple[str | None, tuple[str, ...], bool, list[list[str]]]  # particle, object, "+" object, phrases
MARKS = ("+", "^")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A dictionary line that gave no lexicon row, and why."""

    source_dictionary: str
    line: int
    text: str
    kind: str  # null-code, reverse-code, unknown-code, no-plover, pre-verb, duplicate, ...
    reason: str


@dataclass
class VerbDictionary:
    """The lexicon rows converted from one PETRARCH verb dictionary, with what was left out."""

    source_dictionary: str
    rows: list[LexiconRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    blocks: int = 0
    verbs: int = 0  # verb lines (a head verb with its forms)
    patterns: int = 0  # "- ..." pattern lines
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verbs_without_code: int = 0  # null default: no bare row, patterns only
    approximate_rows: int = 0  # rows whose pattern lost a constraint
    duplicate_rows: int = 0  # rows of a kept pattern whose frame an earlier row already had

    def skipped_by_kind(self) -> dict[str, int]:
        return dict(Counter(s.kind for s in self.skipped).most_common())


@dataclass(frozen=True, slots=True)
class Frame:
    """A pattern in our frame vocabulary; ``dropped`` lists the constraints it lost."""

    text: str
    code: str
    particle: str | None
    object: tuple[str, ...]
    preps: tuple[str, ...]  # one row per preposition (a synset of prepositions gives several)
    target: str  # "dobj", "object" (OBJECT_TARGETS) or "pp" (the chosen preposition's object)
    dropped: tuple[str, ...] = ()
    second_code: str | None = None
    line: int = 0

    @property
    def exact(self) -> bool:
        return not self.dropped

    @property
    def note(self) -> str:
        lost = f"; approximated, dropped {' '.join(self.dropped)}" if self.dropped else ""
        return lost + (f"; second code {self.second_code} not kept" if self.second_code else "")

    def targets(self, prep: str | None) -> tuple[str, ...]:
        if self.target == "pp" and prep:
            return (f"prep:{prep}",)
        if self.target == "object":
            return tuple(t for t in OBJECT_TARGETS if t != f"prep:{prep}")
        return VERB_TARGETS


@dataclass
class _Verb:
    line: int
    trigger: str  # lemma, or "verb particle"
    object: tuple[str, ...]
    prep: str | None
    code: str | None  # own or block default; None = null code


@dataclass
class _Block:
    name: str
    code: str | None
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)


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
    blocks = _read(text, out, synsets)
    if not blocks:
        raise ConfigError(
            f"{name}: no '--- VERB [code] ---' blocks; give a PETRARCH verb dictionary (CAMEO.2.0.txt format)"
        )
    out.synsets = {label: tuple(members) for label, members in synsets.items()}
    seen: dict[Key, int] = {}
    for block in blocks:
        _convert_block(block, synsets, out, seen, keep_unmapped)
    return out


# ---- reading the file ------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) without ``<!-- -->`` and ``#`` comments or blank lines."""
    lines: list[tuple[int, str]] = []
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            line, in_comment = (before + after.split("-->", 1)[1], False) if "-->" in after else (before, True)
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append((number, line))
    return lines


def _read(text: str, out: VerbDictionary, synsets: Synsets) -> list[_Block]:
    """Blocks with their verbs and pattern lines; synset definitions go to ``synsets``."""
    blocks: list[_Block] = []
    label: str | None = None  # the synset being defined: "+" lines are its members
    for number, line in _lines(text):
        if line.startswith("+") and label is not None:
            synsets[label].append(line[1:].strip())
            continue
        label = None
        if line.startswith("&"):
            label = line.split()[0].rstrip("_")
            synsets.setdefault(label, [])
        elif line.startswith("---"):
            match = BLOCK.match(line)
            code = _primary(match.group("code")) if match and match.group("code") else None
            blocks.append(_Block(match.group("name").strip() if match else line.strip("- "), code))
            out.blocks += 1
        elif line.startswith("~"):
            out.skipped.append(Skipped(out.source_dictionary, number, line, "transformation",
                                       "verb transformation (an event nested in another) has no frame equivalent"))
        elif line.startswith("-"):
            out.patterns += 1
            if blocks:
                blocks[-1].patterns.append((number, line))
            else:
                out.skipped.append(Skipped(out.source_dictionary, number, line, "no-block", "before any block"))
        elif blocks:
            _read_verb(number, line, blocks[-1], out)
    return blocks


def _primary(cell: str) -> str | None:
    """The source→target code of a code cell: "042:043" → "042"; "---" and ":173" → None."""
    first = cell.strip().split(":", 1)[0].strip()
    return None if not first or first.startswith("-") else first


def _read_verb(number: int, line: str, block: _Block, out: VerbDictionary) -> None:
    """A verb line: ``HEAD {inflected forms} [own code]``; the head is the base form."""
    out.verbs += 1
    own = TRAILING_CODE.search(line)
    code = _primary(own.group("code")) if own else block.code
    head = re.sub(r"\{[^}]*\}", " ", line[: own.start()] if own else line).split()
    verb = _verb_frame(number, head[0], code, out) if head else None
    if verb is not None:
        out.verbs_without_code += code is None
        block.verbs.append(verb)


def _verb_frame(number: int, head: str, code: str | None, out: VerbDictionary) -> _Verb | None:
    """A verb head ("SPEED", "+CARRY_OUT", "+ASK_FOR") as trigger, object and preposition."""
    words = [w for w in head.split("_") if w]
    problem = None
    if any(w.startswith("+") for w in words[1:]):
        problem = "words before the verb of a compound verb cannot be a frame"
    words = [w.lstrip("+").lower() for w in words]
    verb, rest = words[0], words[1:]
    if verb in COPULAS:
        problem = problem or "copula form ('is determined') is not a verb frame"
    elif rest and rest[0] in NOT_FRAMES:
        problem = problem or f"{NOT_FRAMES[rest[0]]} ({head}) is not a verb frame"
    trigger, prep = verb, None
    obj: tuple[str, ...] = ()
    if rest and rest[0] in PARTICLES:
        trigger, rest = f"{verb} {rest[0]}", rest[1:]
    if rest and rest[0] not in PREPOSITIONS:
        obj, rest = lemma_forms(rest[0]), rest[1:]
    if rest and rest[0] in PREPOSITIONS:
        prep, rest = rest[0], rest[1:]
    if rest:
        problem = problem or f"compound verb {head} is longer than verb, particle, object, preposition"
    if problem:
        out.skipped.append(Skipped(out.source_dictionary, number, head, "compound-verb", problem))
        return None
    return _Verb(number, trigger, obj, prep, code)


# ---- the pattern grammar ---------------------------------------------------------------------


def singular(word: str) -> str:
    """A plural noun's singular by English spelling rules, to meet spaCy's lemma of the object."""
    if word in SINGULAR_EXCEPTIONS:
        return SINGULAR_EXCEPTIONS[word]
    if word.endswith(UNCHANGED_ENDINGS) or not word.endswith("s") or len(word) < 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def lemma_forms(word: str) -> tuple[str, ...]:
    """Lower-case form and, for a plural, its singular: ("sanctions", "sanction")."""
    form = word.lower().strip("_")
    one = singular(form)
    return (form,) if one == form else (form, one)


def synset_heads(label: str, synsets: Synsets, seen: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """Head words (last word of each phrase) of a synset's members; None if it is undefined."""
    label = label.rstrip("_")
    if label not in synsets:
        return None
    heads: list[str] = []
    for member in synsets[label]:
        if member.startswith("&"):
            heads += () if member in seen else synset_heads(member, synsets, seen | {label}) or ()
        elif "(" not in member:
            heads += member.replace("_", " ").split()[-1:]
    return tuple(dict.fromkeys(heads))


def _is_prep(word: str, synsets: Synsets) -> bool:
    """A preposition, or a synset of prepositions (&PREPOSIT1)."""
    if word.startswith("&"):
        heads = synset_heads(word, synsets)
        return bool(heads) and all(h.lower() in PREPOSITIONS for h in heads or ())
    return word.lower() in PREPOSITIONS


def _items(post: str) -> list[tuple[str, tuple[str, ...]]] | None:
    """The pattern after ``*`` as ("word" | "np" | "pp" | "mark", words); None if unbalanced."""
    items: list[tuple[str, tuple[str, ...]]] = []
    for token in TOKEN.findall(post):
        if token in "(){}":
            return None
        words = tuple(token.strip("(){}").replace("_", " ").split())
        if token.startswith("(") and words and words[0].lower() in PARTICLES - PREPOSITIONS:
            items += [("word", (words[0],))] + [("word", (w,)) for w in words[1:]]  # "(ASIDE RIFT)"
        elif token.startswith("("):
            items.append(("pp", words))
        elif token in ("+", "$", "^", "%"):
            items.append(("mark", (token,)))
        elif words:
            items.append(("np" if token.startswith("{") or len(words) > 1 else "word", words))
    return items


def _split(post: str, synsets: Synsets) -> Parts | str:
    """(particle, object words, '+' as object, prepositional phrases) or the kind of failure."""
    items = _items(post)
    if items is None:
        return "unbalanced"
    particle: str | None = None
    obj: tuple[str, ...] = ()
    plus_object = open_phrase = False
    pps: list[list[str]] = []
    for kind, words in items:
        first = words[0] if words else ""
        if kind == "word" and not (pps or obj or particle or plus_object) and first.lower() in PARTICLES:
            particle = first.lower()
        elif kind == "word" and _is_prep(first, synsets):
            pps.append([first])  # a bare preposition opens a phrase that runs on (TABARI style)
            open_phrase = True
        elif kind == "pp":
            pps.append(list(words))
            open_phrase = False
        elif first == "^":
            continue
        elif pps and (open_phrase or first == "+"):  # "(AGAINST) +": the target is that phrase's object
            pps[-1] += words
        elif first == "+" and not obj:
            plus_object = True
        elif kind in ("word", "np") and not (obj or plus_object or pps):
            obj = words
        else:
            return "several-nouns"
    return particle, obj, plus_object, pps


def frame_of_pattern(text: str, synsets: Synsets) -> Frame | tuple[str, str]:
    """Map one "- pattern [code]" line to a Frame, or say (kind, reason) why it cannot be."""
    body = text.lstrip("-").strip()
    code_match = TRAILING_CODE.search(body)
    if not code_match:
        return "no-code", REASONS["no-code"]
    cell = code_match.group("code").strip()
    code = _primary(cell)
    if code is None:
        kind = "reverse-code" if cell.startswith(":") else "null-code"
        return kind, REASONS[kind]
    pattern = re.sub(r"_?\*_?", " * ", body[: code_match.start()])
    if pattern.count("*") != 1:
        return "no-verb-position", REASONS["no-verb-position"]
    undefined = [w for w in re.findall(r"&[A-Z0-9_]+", pattern) if synset_heads(w, synsets) is None]
    if undefined:
        return "undefined-synset", f"synset {undefined[0]} is not defined in the file"
    pre, post = pattern.split("*")
    refusal = (
        "compound-marker" if "%" in pattern
        else "source-after-verb" if "$" in post
        else None if pre.split() in ([], ["$"])  # a source before the verb is the subject: fine
        else "pre-target" if "+" in pre
        else "pre-verb"
    )  # fmt: skip
    if refusal:
        return refusal, REASONS[refusal]
    split = _split(post, synsets)
    if isinstance(split, str):
        return split, REASONS[split]
    second = cell.split(":", 1)[1].strip() if ":" in cell else ""
    return _frame(text, code, second if second and second != code else None, split, synsets)


def _frame(text: str, code: str, second: str | None, split: Parts, synsets: Synsets) -> Frame | tuple[str, str]:
    particle, obj, plus_object, pps = split
    dropped = [w for w in obj[:-1] if w not in MARKS]
    objects: list[str] = []
    for head in obj[-1:]:
        heads = (synset_heads(head, synsets) or ()) if head.startswith("&") else (head,)
        objects += [form for h in heads for form in lemma_forms(h)]
    if len(dropped) == 1 and dropped[0].isalpha() and not obj[-1].startswith("&"):
        # "{TRADE PROTOCOL}": one modifier is kept as part of the object ("trade protocol"), so
        # "{NEW PROTOCOL}" and "{TRADE PROTOCOL}" stay two frames with their own codes
        objects = [f"{dropped[0].lower()} {form}" for form in objects]
        dropped = []
    chosen = next((pp for pp in pps if "+" in pp[1:]), pps[0] if pps else None)
    for pp in pps:
        if not _is_prep(pp[0], synsets):
            return "not-preposition", f"({' '.join(pp)}) does not start with a preposition"
        nouns = [w for w in pp[1:] if w not in MARKS]
        if pp is not chosen or nouns:
            dropped.append(f"({' '.join(pp if pp is not chosen else [pp[0], *nouns])})")
    target = "dobj" if plus_object or not objects else "object"
    preps: tuple[str, ...] = ()
    if chosen is not None:
        words = (synset_heads(chosen[0], synsets) or ()) if chosen[0].startswith("&") else (chosen[0],)
        preps = tuple(p.lower() for p in words)
        if "+" in chosen[1:] or not [w for w in chosen[1:] if w != "^"]:
            target = "pp"
    return Frame(text, code, particle, tuple(dict.fromkeys(objects)), preps, target, tuple(dropped), second)


# ---- frames to rows ----------------------------------------------------------------------------


def _convert_block(
    block: _Block, synsets: Synsets, out: VerbDictionary, seen: dict[Key, int], keep_unmapped: bool
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
    if cameo_to_plover(code)[0] is None and not keep_unmapped:
        return "no-plover", f"CAMEO {code} has no PLOVER type (statements and appeals are not PLOVER events)"
    return None


def _row(trigger: str, obj: tuple[str, ...], prep: str | None, code: str, target: tuple[str, ...], note: str,
         out: VerbDictionary) -> LexiconRow:
    kind, mode = _plover(code)
    return LexiconRow(trigger=trigger, pos="VERB", object=obj, prep=prep, type=kind, mode=mode, cameo=code,
                      target=target, note=note, source_dictionary=out.source_dictionary)


@lru_cache(maxsize=512)
def _plover(code: str) -> tuple[str | None, str | None]:
    return cameo_to_plover(code)


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
