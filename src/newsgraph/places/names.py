"""One way to turn a place name into a lookup key, shared by the gazetteer build and lookups.

News spells the same place many ways ("al-Hasakah", "Al Ḩasakah", "Hasakah"; "Kirkuk" /
"Kirkūk"; "St. Louis" / "Saint Louis"). Keys fold case, diacritics, apostrophes and
punctuation so that those spellings meet; the Arabic article variant is indexed separately
(:func:`without_article`) so "al-Mukalla" and "Mukalla" both find the same entry.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophe-like marks dropped outright ("Kirkuk'" / "Karbala’" / "N’Djamena" → no mark).
_APOSTROPHES = re.compile(r"[’'`‘ʼʻ´]")
# Anything else that is not a letter or digit separates words.
_SEPARATORS = re.compile(r"[^0-9a-z]+")
# Leading articles transliterated from Arabic that news writes with or without.
ARABIC_ARTICLES = ("al", "el", "ar", "as", "an", "ash", "ad", "az", "at")
# English articles in front of names ("the Gaza Strip", "the Sahel").
ENGLISH_ARTICLES = ("the",)
_SAINT = re.compile(r"^(st|ste|saint|sainte)\b")


def key(name: str) -> str:
    """Lookup key: ASCII-folded, lower-case words separated by one space."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold())
    text = _SEPARATORS.sub(" ", text).strip()
    words = text.split()
    if words and words[0] in ENGLISH_ARTICLES and len(words) > 1:
        words = words[1:]
    joined = " ".join(words)
    return _SAINT.sub("saint", joined)


def without_article(k: str) -> str | None:
    """The key minus a leading Arabic article ("al hasakah" → "hasakah"), or None if it has none."""
    first, _, rest = k.partition(" ")
    if rest and first in ARABIC_ARTICLES:
        return rest
    return None


def is_latin(name: str) -> bool:
    """True when every letter is Latin script: alternate names in other scripts never match English text."""
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True
