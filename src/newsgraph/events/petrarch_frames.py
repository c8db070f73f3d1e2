"""The PETRARCH pattern grammar: one ``- pattern [code]`` line of a verb block as a frame of our lexicon.

A pattern refines every verb of its block by the words that follow the verb; newsgraph codes
from a dependency parse, so :func:`frame_of_pattern` maps each pattern onto the nearest
:class:`Frame` (particle, object nouns, prepositions, where the target sits) and names what it
had to drop, or refuses it with a reason. Kept apart from the file reader and from the row
builder so the grammar can be read, and tested, one pattern at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TRAILING_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
TOKEN = re.compile(r"\([^()]*\)|\{[^{}]*\}|[^\s(){}]+|[(){}]")
# The closed word classes of the pattern grammar (part of the format, not a lexicon).
PARTICLES = frozenset("out up off down forward back aside away ahead".split())
PREPOSITIONS = frozenset(
    "about across after against along alongside amid among around as at before behind below beneath beside "
    "between beyond by despite during for from in inside into near of on onto outside over past since "
    "through throughout to toward towards under until upon with within without".split()
)
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
Parts = tuple[str | None, tuple[str, ...], bool, list[list[str]]]  # particle, object, "+" object, phrases
MARKS = ("+", "^")


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



def primary_code(cell: str) -> str | None:
    """The source→target code of a code cell: "042:043" → "042"; "---" and ":173" → None."""
    first = cell.strip().split(":", 1)[0].strip()
    return None if not first or first.startswith("-") else first


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
    code = primary_code(cell)
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

