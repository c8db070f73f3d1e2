"""Find dictionary names in a parsed document: longest match over tokens, in one pass.

spaCy's NER misses or splits many actor names ("Islamic State of Iraq and Syria" comes
out as an ORG plus a GPE; "Hezbollah" is sometimes a PERSON), so every name and alias
of the actor dictionary is matched directly on the tokens. A token trie keeps this to a
few dictionary probes per token, whatever the dictionary's size.

Matching is case-insensitive, with two guards against common words: an alias written in
capitals of three letters or fewer ("US", "IS", "UN") only matches the same capitals, and
a match must contain at least one capitalised token (so "us" or "the union" never match) —
except a country's name, which lower-case or oddly cased text still names ("india", "iSrael")
unless it is also a common English word ("turkey", "chad").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import Entry
from newsgraph.actors.normalise import normalise, split_alias

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# Aliases this short and written in capitals must match case exactly ("US" vs "us").
CASE_SENSITIVE_MAX_LEN = 3
# Country names that are also common English words: matched only when capitalised.
COMMON_WORD_COUNTRIES = frozenset(
    {"chad", "turkey", "china", "jordan", "georgia", "guinea", "niger", "togo", "jersey", "guernsey", "man", "wales",
     "panama", "japan", "holland", "tonga"}
)
# Tokens that join words inside names and are skipped when matching.
SKIPPED = frozenset({"-", "–", "—"})


@dataclass(frozen=True, slots=True)
class NameMatch:
    """Tokens [start, end) of the document that spell a dictionary name."""

    start: int
    end: int
    surface: str
    entries: tuple[Entry, ...]


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node]
    entries: list[tuple[Entry, str, bool]]  # (entry, alias, case-sensitive) ending here


class DictionaryMatcher:
    """Token trie over every normalised name and alias of the dictionary."""

    def __init__(self, dictionary: ActorDictionary, tokenizer: Tokenizer) -> None:
        self.root = _Node({}, [])
        forms = [(split_alias(surface), entry) for surface, entry in dictionary.surface_forms()]
        # Names are split by the same tokenizer as the text, so "al-Assad" or "U.S."
        # fall into the same tokens on both sides; hyphens are skipped on both sides so
        # "al-Qaeda" and "al Qaeda" meet.
        for ((text, exact), entry), tokens in zip(forms, tokenizer.pipe(t for (t, _), _ in forms), strict=True):
            keys = [k for k in (_token_key(t.text) for t in tokens) if k not in SKIPPED]
            self._add(keys, text, exact, entry)

    def _add(self, words: list[str], surface: str, exact: bool, entry: Entry) -> None:
        if not words:
            return
        node = self.root
        for word in words:
            node = node.children.setdefault(word, _Node({}, []))
        node.entries.append((entry, surface, exact))

    def matches(self, doc: Doc) -> Iterator[NameMatch]:
        """Longest non-overlapping matches, left to right."""
        keys = [_token_key(t.text) for t in doc]
        i = 0
        while i < len(doc):
            found = self._longest_at(doc, keys, i)
            if found is None:
                i += 1
                continue
            yield found
            i = found.end

    def _longest_at(self, doc: Doc, keys: list[str], start: int) -> NameMatch | None:
        node = self.root
        best: NameMatch | None = None
        j = start
        if keys[start] in SKIPPED:
            return None
        while j < len(keys):
            if keys[j] in SKIPPED:
                j += 1
                continue
            nxt = node.children.get(keys[j])
            if nxt is None:
                break
            node = nxt
            j += 1
            if node.entries:
                span = doc[start:j]
                entries = tuple(e for e, alias, exact in node.entries if _case_ok(alias, exact, span.text))
                if entries and (any(t.text[:1].isupper() for t in span) or _uncapitalised_country(span.text, entries)):
                    best = NameMatch(start, j, span.text, entries)
        return best


def _uncapitalised_country(text: str, entries: tuple[Entry, ...]) -> bool:
    """ "india" in lower-case text, "iSrael" mistyped: a country all the same, if no common word."""
    return all(e.table == "country" for e in entries) and text.lower() not in COMMON_WORD_COUNTRIES


@lru_cache(maxsize=65536)
def _token_key(text: str) -> str:
    """Case- and punctuation-insensitive token key; punctuation tokens keep their text."""
    return normalise(text).replace(" ", "") or text


def _case_ok(alias: str, exact: bool, text: str) -> bool:
    compact = alias.replace(".", "").replace(" ", "")
    if exact:
        return normalise(text, keep_case=True) == normalise(alias, keep_case=True)
    if len(compact) <= CASE_SENSITIVE_MAX_LEN and compact.isupper():
        return text.replace(".", "").replace(" ", "") == compact
    return True
