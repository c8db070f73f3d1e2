"""Read PETRARCH / Phoenix (TABARI-style) actor and agent dictionaries a user supplies.

Users coming from PETRARCH keep years of work in these files; reading them lets that work
carry over. The formats, as PETRARCH-2's reader and the files' own headers define them:

Actor files (``Phoenix.Countries.actors.txt``, ``…International…``, ``…MilNonState…``)::

    AFGHANISTAN_  [AFG]                 primary phrase and its code
    +AFGHAN_                            synonym of the current entry
    MOHAMMAD_ZAHIR_SHAH_  # comment
        [AFGELI 320101-331108]          code for a date range (start inclusive, end exclusive)
        [AFGGOV >331108]  [AFGELI <320101]   on or after / before a date
        [AFGELI]                        undated: the default when no dated code applies

``_`` joins words, dates are YYMMDD (years ≤ 30 are 20YY) or YYYYMMDD, ``#`` starts a comment,
``<!-- … -->`` is a comment, and a primary line *without* a code joins the next entry's names
(PETRARCH keeps filling the same code slot until a code arrives).

Agent files (``Phoenix.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      substitution set
    POLICE!PERSON!  [~COP]                         one noun per member of the set, no plural
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   explicit plural; {} = none
    TROOP [~MIL]                                   plural made by rule (+S, Y→IES, S→ES)
    HUMAN_RIGHTS_BODY [NGO~]                       code put in front of the owner's code

How rows map to :class:`~newsgraph.actors.entries.Entry`: one row per code period, all rows of
an entry sharing the id ``phoenix:<slug of the primary phrase>``; the default code fills the
periods no dated code covers. Country, sector and kind come from the code
(:func:`newsgraph.actors.cameo.decode`); the table is a guess, as the format does not say
(only three-letter codes: country; any dated code: person; armed group or party code: group;
else organization). ``[---]`` is PETRARCH's null code (known phrase, not coded): it is kept with
``cameo`` "---" so the coder can tell "known, do not code" from "unknown". Phoenix phrases are
upper case, so a one-word phrase of at most three letters that is also a
common English word ("US", "IS", "WHO") is indexed case-sensitively in capitals: otherwise "us"
and "is" would match it.
When an entry has two undated codes the later one is its default, as in PETRARCH (reported as a
problem). Differences from PETRARCH, on purpose: all codes on a primary line are read (PETRARCH-2
keeps only the first); a bare date (``[USAGOV 19820101]``) is read as a start date; unreadable dates
and codeless entries are skipped and reported in ``problems`` instead of silently.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from newsgraph.actors.cameo import cameo_table, decode
from newsgraph.actors.entries import AgentNoun, Entry
from newsgraph.actors.normalise import normalise
from newsgraph.actors.tables import Located, Rows, Where

log = logging.getLogger(__name__)

_BRACKET = re.compile(r"\[([^\]]*)\]")
_MARKER = re.compile(r"!([^!\s]+)!")
_PLURAL = re.compile(r"\{([^}]*)\}")
# Kinds whose nouns name nobody until a country or organisation owns them ("the ministry").
OWNED_KINDS = frozenset({"government", "military", "police"})
# Phoenix writes every phrase in capitals, so case says nothing. A one-word phrase this short
# that is also a common English word in lower case ("US"/"us", "IS"/"is", "WHO"/"who") is
# indexed case-sensitively; "ENT" or "CIA" stay case-insensitive. Common = wordfreq Zipf ≥ 5
# (about one use per 100,000 words: "us" 6.0, "who" 6.3; "un" 4.6, "ent" 3.3).
ACRONYM_MAX_LETTERS = 3
COMMON_WORD_ZIPF = 5.0


ID_PREFIX = "phoenix:"


def country_code_only(entry: Entry) -> bool:
    """An entry a Phoenix actor file gives nothing but a country code. The format writes a country
    and a person of it alike ("GONDOR [GON]", "ROMENDACIL [BRE]"); the reader files both as
    countries, and only the text around a mention can tell a person."""
    return entry.id.startswith(ID_PREFIX) and entry.table == "country"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Period:
    code: str
    start: date | None
    end: date | None
    line: int


@dataclass
class _Group:
    phrases: list[tuple[str, int]] = field(default_factory=list)
    dated: list[Period] = field(default_factory=list)
    default: Period | None = None

    @property
    def coded(self) -> bool:
        return bool(self.dated) or self.default is not None


@dataclass
class PhoenixActors:
    rows: Rows
    problems: list[Problem]

    @property
    def entries(self) -> list[Entry]:
        return [loc.entry for loc in self.rows.entries]


@dataclass
class PhoenixAgents:
    nouns: list[AgentNoun]
    problems: list[Problem]
    coded_lines: int


# ---------------------------------------------------------------- shared line handling


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines with comments removed (``#``, ``;`` after a phrase, ``<!-- … -->`` even over lines)."""
    in_comment = False
    with path.open(encoding="utf-8", errors="replace") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.rstrip("\r\n")
            if in_comment:
                if "-->" not in line:
                    continue
                line, in_comment = line.split("-->", 1)[1], False
            while "<!" in line and ("#" not in line or line.index("<!") < line.index("#")):
                head, _, tail = line.partition("<!")
                if "-->" in tail:
                    line = head + tail.split("-->", 1)[1]
                else:
                    line, in_comment = head, True
            line = line.split("#", 1)[0]
            if "---STOP---" in line:
                return
            if line.strip():
                yield number, line


def parse_day(text: str) -> date:
    """PETRARCH's date rule: more than 7 digits is YYYYMMDD (first 8 used), else YYMMDD (YY ≤ 30 → 20YY)."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise ValueError(text)
    if len(digits) > 7:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    year = int(digits[:2])
    return date(year + (2000 if year <= 30 else 1900), int(digits[2:4]), int(digits[4:6]))


def parse_code(inner: str, line: int) -> Period:
    """``"AFGGOV 331108-730717"`` → Period(AFGGOV, 1933-11-08, 1973-07-16). Raises ValueError."""
    code, _, rest = inner.strip().partition(" ")
    rest = rest.strip()
    if not code:
        raise ValueError("empty code")
    code = code.upper()
    if not rest:
        return Period(code, None, None, line)
    one_day = timedelta(days=1)
    if rest[0] == "<":
        return Period(code, None, parse_day(rest[1:]) - one_day, line)
    if rest[0] == ">":
        return Period(code, parse_day(rest[1:]), None, line)
    if "-" in rest:
        first, _, last = rest.partition("-")
        start, end = parse_day(first), parse_day(last) - one_day
        if end < start:
            raise ValueError(f"range {rest!r} ends before it starts")
        return Period(code, start, end, line)
    return Period(code, parse_day(rest), None, line)


# ---------------------------------------------------------------- actors


# Short words that are words, not acronyms, when Phoenix's capitals are undone for display.
_SMALL_WORDS = frozenset("of the and for in on to at by de al el la le du da bin ibn abu".split())


def _show_word(word: str) -> str:
    bare = word.replace(".", "")
    if bare.isupper() and len(bare) <= ACRONYM_MAX_LETTERS and word.lower() not in _SMALL_WORDS:
        return word
    return word.title() if word.isupper() else word


def _phrase(text: str) -> str:
    """A Phoenix phrase for display: underscores to spaces, capitals undone except acronyms."""
    return " ".join(_show_word(w) for w in text.strip().strip("+").replace("_", " ").split())


def _is_acronym(shown: str) -> bool:
    """A one-word phrase (after a leading "the") that must keep its capitals to match (see COMMON_WORD_ZIPF)."""
    words = shown.split()
    if len(words) == 2 and words[0].lower() == "the":
        words = words[1:]
    bare = words[0].replace(".", "") if len(words) == 1 else ""
    if not bare.isalpha() or not bare.isupper() or len(bare) > ACRONYM_MAX_LETTERS:
        return False
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(bare.lower(), "en") >= COMMON_WORD_ZIPF)


def _gaps(dated: list[Period]) -> list[tuple[date | None, date | None]]:
    """The stretches of time no dated period covers: where the default code applies."""
    spans = sorted(((p.start or date.min), (p.end or date.max)) for p in dated)
    gaps: list[tuple[date | None, date | None]] = []
    cursor = date.min
    for start, end in spans:
        if start > cursor:
            gaps.append((None if cursor == date.min else cursor, start - timedelta(days=1)))
        if end == date.max:
            return gaps
        cursor = max(cursor, end + timedelta(days=1))
    gaps.append((None if cursor == date.min else cursor, None))
    return gaps


def _table(group: _Group) -> str:
    periods = [*group.dated, *([group.default] if group.default else [])]
    kinds = {decode(p.code).kind for p in periods}
    if kinds == {"country"}:
        return "country"
    if group.dated:
        return "person"
    return "group" if kinds & {"armed_group", "party"} else "organization"


class _ActorReader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = Rows()
        self.problems: list[Problem] = []
        self.slugs: dict[str, int] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(str(self.path), line, message))

    def codes(self, text: str, line: int, group: _Group) -> None:
        if text.count("[") != text.count("]"):
            self.problem(line, "unbalanced '[' … ']'")
        for inner in _BRACKET.findall(text):
            try:
                period = parse_code(inner, line)
            except ValueError as err:
                self.problem(line, f"code [{inner.strip()}] skipped: {err}")
                continue
            if period.start is None and period.end is None:
                if group.default is not None and group.default.code != period.code:
                    self.problem(line, f"undated code [{group.default.code}] replaced by the later one [{period.code}]")
                group.default = period
            else:
                group.dated.append(period)

    def finish(self, group: _Group) -> None:
        if not group.phrases:
            return
        if not group.coded:
            self.problem(group.phrases[0][1], f"entry {group.phrases[0][0]!r} has no code; skipped")
            return
        names = list(dict.fromkeys(_phrase(p) for p, _ in group.phrases if _phrase(p)))
        if not names:
            return
        slug = re.sub(r"[^a-z0-9]+", "-", normalise(names[0])).strip("-") or "entry"
        self.slugs[slug] = self.slugs.get(slug, 0) + 1
        ident = f"{ID_PREFIX}{slug}" + (f"-{self.slugs[slug]}" if self.slugs[slug] > 1 else "")
        table = _table(group)
        periods = list(group.dated)
        if group.default is not None:
            gaps = _gaps(group.dated) if group.dated else [(None, None)]
            periods += [Period(group.default.code, s, e, group.default.line) for s, e in gaps]
        forms = tuple((n, _is_acronym(n)) for n in names)
        for period in periods:
            decoded = decode(period.code)
            entry = Entry(
                ident, table, names[0], "person" if table == "person" else decoded.kind, decoded.country,
                decoded.sector, None, period.code, tuple(names[1:]), period.start, period.end, None,
                f"{self.path.name}:{period.line}",
            )  # fmt: skip
            self.rows.entries.append(Located(entry, Where(str(self.path), period.line), forms, foreign=True))

    def read(self) -> PhoenixActors:
        group = _Group()
        for number, line in _lines(self.path):
            body = line.strip()
            if body.startswith("["):
                self.codes(body, number, group)
                continue
            phrase_text = body[1:] if body.startswith("+") else body
            phrase, _, codes = phrase_text.partition("[")
            phrase = phrase.split(";", 1)[0]
            if not body.startswith("+") and group.coded:
                self.finish(group)
                group = _Group()
            if body.startswith("+") and not group.phrases:
                self.problem(number, "synonym before any entry; skipped")
                continue
            if phrase.strip():
                group.phrases.append((phrase, number))
            if codes:
                self.codes("[" + codes, number, group)
        self.finish(group)
        for p in self.problems:
            log.warning("%s:%d: %s", p.path, p.line, p.message)
        return PhoenixActors(self.rows, self.problems)


def read_phoenix_actors(path: Path) -> PhoenixActors:
    """Every entry of a Phoenix actor file (one row per code period) and what could not be read."""
    return _ActorReader(Path(path)).read()


def load_phoenix_actors(path: Path) -> list[Entry]:
    """The entries of a Phoenix actor file; problems are logged (see :func:`read_phoenix_actors`)."""
    return read_phoenix_actors(path).entries


# ---------------------------------------------------------------- agents


def _plural(word: str) -> str:
    """PETRARCH's regular plural: +S, Y → IES, S → SES."""
    if word.endswith("y"):
        return word[:-1] + "ies"
    if word.endswith("s"):
        return word + "es"
    return word + "s"


def agent_from_code(noun: str, plural: str, inner: str, source: str) -> AgentNoun:
    """An agent noun from its Phoenix code: ``~GOV`` follows the owner's code, ``NGO~`` precedes it."""
    code = inner.replace(" ", "").upper()
    owned = code.startswith("~")
    letters = code.strip("~")
    table = cameo_table()
    parts = [letters[i : i + 3] for i in range(0, len(letters), 3)]
    found = (
        next((table.read[p] for p in parts if p in table.read), None)
        or next((table.prefix[p] for p in parts if p in table.prefix), None)
        or next((table.weak[p] for p in parts if p in table.weak), None)
    )
    sector, kind = (found.sector, found.kind) if found else ("UNK", "other")
    return AgentNoun(noun, plural, kind, sector, owned and kind in OWNED_KINDS, code, source)


def read_phoenix_agents(path: Path) -> PhoenixAgents:
    """Every agent noun of a Phoenix agents file (substitution sets expanded) and what was skipped."""
    path = Path(path)
    markers: dict[str, list[str]] = {}
    nouns: list[AgentNoun] = []
    problems: list[Problem] = []
    coded = 0
    for number, line in _lines(path):
        if "=" in line and _MARKER.search(line.split("=", 1)[0]):
            name = _MARKER.search(line.split("=", 1)[0]).group(1)  # type: ignore[union-attr]
            markers[name] = [w.strip() for w in line.split("=", 1)[1].split(",") if w.strip()]
            continue
        match = _BRACKET.search(line)
        if match is None:
            problems.append(Problem(str(path), number, f"agent {line.strip()!r} has no code; skipped"))
            continue
        coded += 1
        head = line[: match.start()]
        plural_match = _PLURAL.search(head)
        phrase = _PLURAL.sub("", head).strip().strip("_")
        source = f"{path.name}:{number}"
        marker = _MARKER.search(phrase)
        if marker is not None:
            if marker.group(1) not in markers:
                problems.append(Problem(str(path), number, f"substitution set !{marker.group(1)}! is not defined"))
                continue
            for word in markers[marker.group(1)]:
                expanded = phrase[: marker.start()] + word + phrase[marker.end() :]
                nouns.append(agent_from_code(normalise(expanded.replace("_", " ")), "", match.group(1), source))
            continue
        noun = normalise(phrase.replace("_", " "))
        if plural_match is not None:
            plural = normalise(plural_match.group(1).replace("_", " "))
        else:
            plural = _plural(noun)
        nouns.append(agent_from_code(noun, plural, match.group(1), source))
    for p in problems:
        log.warning("%s:%d: %s", p.path, p.line, p.message)
    return PhoenixAgents(nouns, problems, coded)


def load_phoenix_agents(path: Path) -> list[AgentNoun]:
    """The agent nouns of a Phoenix agents file; problems are logged (see :func:`read_phoenix_agents`)."""
    return read_phoenix_agents(path).nouns


def sniff(path: Path) -> str | None:
    """Which Phoenix file this is: "agents", "actors", or None when it is not one."""
    codes = tildes = 0
    for _, line in _lines(Path(path)):
        if _MARKER.search(line) and "=" in line:
            return "agents"
        for inner in _BRACKET.findall(line):
            codes += 1
            tildes += "~" in inner
        if codes >= 200:
            break
    if codes == 0:
        return None
    return "agents" if tildes * 2 > codes else "actors"
