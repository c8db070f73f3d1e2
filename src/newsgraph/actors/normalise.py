"""One spelling per name: the key under which actor names, aliases and titles are indexed.

News writes the same name many ways: "U.S." / "US", "al-Qaeda" / "al Qaeda", "Côte d'Ivoire" /
"Cote d'Ivoire", "the Taliban's" / "Taliban", curly or straight apostrophes. Both the dictionary
index and every lookup go through :func:`normalise`, so a match never depends on which of these
variants a writer chose.

Case-sensitive aliases: a few aliases are also common English words when written in lower case
("IS" / "is", "US" / "us", "WHO" / "who"). In a data file such an alias is written with a leading
``=`` (``=IS``); it then matches only with exactly that capitalisation, compared with
``normalise(..., keep_case=True)`` (so "U.S." still matches ``=US``, but "us" does not).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CASE_MARK = "="

# Quotes, apostrophes and dashes news text uses, each mapped to one ASCII form.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# Dots of abbreviations ("U.S.", "Brig. Gen.") go; a dot between digits ("3.5") stays.
_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")
# A hyphen joins the same words a space does in names ("al-Qaeda" / "al Qaeda", "Secretary-General").
_HYPHENS = re.compile(r"\s*-\s*")
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")
_APOSTROPHES = re.compile(r"'")
_QUOTE_MARKS = re.compile(r'"')
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# British and American spellings of "organisation" and its kin ("World Trade Organisation"):
# one key for both. (Defence/defense titles are listed both ways in the data files.)
_ISATION = re.compile(r"isation(s?)\b", re.IGNORECASE)


def _fold_accents(text: str) -> str:
    """Drop diacritics ("Côte" → "Cote"): wire copy often drops what a dictionary keeps, or the reverse."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def normalise(surface: str, keep_case: bool = False) -> str:
    """The index key of a name, alias, demonym, capital or title.

    Steps, in order: unify quotes, apostrophes and dashes; fold accents; drop the dots of
    abbreviations ("U.S." → "US"); treat hyphens as spaces; strip a trailing possessive
    ("Iran's" → "Iran", "the Philippines'" → "Philippines"); drop the remaining apostrophes
    ("Ba'ath" → "Baath") and double quotes; collapse spaces; drop a leading "the"; spell
    "-isation" the American way; casefold
    (unless ``keep_case``, which is how case-sensitive aliases are compared).
    """
    text = _fold_accents(surface.translate(_QUOTES))
    text = _DOTS.sub("", text)
    text = _HYPHENS.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    text = _APOSTROPHES.sub("", text)
    text = _QUOTE_MARKS.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_THE.sub("", text)
    text = _ISATION.sub(r"ization\1", text)
    return text if keep_case else text.casefold()


def split_alias(cell: str) -> tuple[str, bool]:
    """``"=IS"`` → ``("IS", True)``: the alias text and whether it is case-sensitive."""
    cell = cell.strip()
    if cell.startswith(CASE_MARK):
        return cell[len(CASE_MARK) :].strip(), True
    return cell, False


# Particles that belong to a surname as news prints it alone ("al-Assad", "bin Salman",
# "van der Leyen" is rare, "von der Leyen" common); the bare last word is indexed too.
SURNAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "de", "da", "di", "du", "la", "le", "dos", "del"}
)
# Generational suffixes are not surnames ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Countries whose people's names are printed family name first in English-language news
# ("Xi Jinping" → "Xi", "Kim Jong Un" → "Kim", "Moon Jae-in" → "Moon").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR"})


def surname_keys(name: str, country: str | None = None) -> set[str]:
    """Normalised keys a person may be referred to by alone: "Bashar al-Assad" → {"assad", "al assad"}."""
    words = [w for w in normalise(name).split() if w not in NAME_SUFFIXES]
    if len(words) < 2:
        return set()
    keys = {words[-1]}
    start = len(words) - 1
    while start > 1 and words[start - 1] in SURNAME_PARTICLES:
        start -= 1
        keys.add(" ".join(words[start:]))
    if country in FAMILY_NAME_FIRST:
        keys.add(words[0])
    return keys
