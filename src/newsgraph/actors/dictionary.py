"""The actor dictionary: countries, organisations, groups, dated office holders, agent nouns, titles.

Built from the TSV files in ``newsgraph/data/actors/`` plus any user files (``--actors FILE``:
our TSV/YAML formats or PETRARCH/Phoenix dictionaries), validated on load, and indexed for the
lookups the actor stage makes on every mention. :func:`default_dictionary` loads the built-in
files once per process.

Matching rules, in one place:

* names, aliases, demonyms, capitals and titles are compared after :func:`normalise`
  ("U.S." == "US" == "us"; "al-Qaeda" == "Al Qaeda"; "Iran's" == "Iran");
* an alias written ``=IS`` in a data file is case-sensitive: it matches "IS" (or "I.S.") but not
  "is"; :meth:`ActorDictionary.surface_forms` yields it with the ``=`` kept so a matcher can
  tell;
* dated entries (people's tenures, renamed groups) all match; those active on the given day
  come first.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsgraph.actors.cameo import TYPES_FILE
from newsgraph.actors.entries import AgentNoun, Entry, Title
from newsgraph.actors.files import read_builtin, read_user_tsv, read_user_yaml
from newsgraph.actors.merge import Merged, merge
from newsgraph.actors.normalise import CASE_MARK, normalise, split_alias, surname_keys
from newsgraph.actors.tables import BUILTIN_FILES, Located, Rows, Where, case_key
from newsgraph.errors import ConfigError

__all__ = [
    "ActorDictionary",
    "AgentNoun",
    "Entry",
    "Title",
    "default_dictionary",
    "normalise",
    "split_alias",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"


def _read_any(path: Path) -> tuple[Rows, bytes]:
    """A user file in any supported format, chosen by suffix and content."""
    from newsgraph.actors import phoenix

    if not path.is_file():
        raise ConfigError(f"{path}: actor file not found; check the path given to --actors")
    content = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_user_yaml(path), content
    first = next(
        (ln for ln in content.decode("utf-8", "replace").splitlines() if ln.strip() and not ln.startswith("#")), ""
    )
    if "\t" in first and "table" in [c.strip() for c in first.split("\t")]:
        return read_user_tsv(path), content
    kind = phoenix.sniff(path)
    if kind == "actors":
        return phoenix.read_phoenix_actors(path).rows, content
    if kind == "agents":
        rows = Rows()
        rows.agents = [(n, _where(path, n.source)) for n in phoenix.read_phoenix_agents(path).nouns]
        return rows, content
    raise ConfigError(
        f"{path}: cannot tell the format of this actor file; give a .yaml/.yml file, a TSV whose header has a "
        "'table' column, or a PETRARCH/Phoenix .actors/.agents dictionary"
    )


def _where(path: Path, source: str) -> Where:
    return Where(str(path), int(source.rsplit(":", 1)[-1]))


class ActorDictionary:
    """Every known actor and the indexes the actor stage looks them up by."""

    def __init__(self, merged: Merged, version: str) -> None:
        self.version = version
        self._entries: list[Entry] = []
        self._forms: dict[str, list[Entry]] = defaultdict(list)
        self._exact: dict[str, list[Entry]] = defaultdict(list)
        self._written: list[tuple[str, Entry]] = []
        self._countries: dict[str, Entry] = {}
        self._demonyms: dict[str, Entry] = {}
        self._capitals: dict[str, Entry] = {}
        self._surnames: dict[str, list[Entry]] = defaultdict(list)
        self._foreign_ids: set[str] = set()  # entries read from users' PETRARCH dictionaries
        for loc in merged.located():
            self._index(loc)
        self._agents: dict[str, AgentNoun] = {}
        for noun, _ in merged.agents.values():
            self._agents.setdefault(noun.noun, noun)
            if noun.plural:
                self._agents.setdefault(noun.plural, noun)
        self._agent_words = max((len(k.split()) for k in self._agents), default=0)
        # last words of the multi-word agent phrases: a noun that ends none starts no phrase lookup
        self._phrase_ends = frozenset(k.split()[-1] for k in self._agents if " " in k)
        self._titles = {key: title for key, (title, _) in merged.titles.items()}
        self._title_words = max((len(k.split()) for k in self._titles), default=0)

    def _index(self, loc: Located) -> None:
        entry = loc.entry
        self._entries.append(entry)
        if loc.foreign:
            self._foreign_ids.add(entry.id)
        for text, exact in loc.forms:
            bucket = (self._exact if exact else self._forms)[case_key(text, exact)]
            if entry not in bucket:
                bucket.insert(self._place_in(bucket, loc.foreign), entry)
                self._written.append((CASE_MARK + text if exact else text, entry))
        if entry.table == "country" and not loc.foreign and entry.country:
            self._countries[entry.country] = entry
            for text, exact in loc.demonyms:
                self._demonyms[case_key(text, exact)] = entry
            for text, exact in loc.capitals:
                self._capitals[case_key(text, exact)] = entry
        if entry.table == "person":
            for text, _ in loc.forms:
                for key in surname_keys(text, entry.country):
                    if entry not in self._surnames[key]:
                        self._surnames[key].append(entry)

    def _place_in(self, bucket: list[Entry], foreign: bool) -> int:
        """Where a new entry goes among those sharing its name: a user's PETRARCH dictionary lists a
        name to code it the user's way ("KUWAIT [KUW]"), so its entries come before our built-in
        ones, in the order the user wrote them; our own rows cannot share names (see merge.check)."""
        if not foreign:
            return len(bucket)
        builtin = [i for i, e in enumerate(bucket) if e.id not in self._foreign_ids]
        return builtin[0] if builtin else len(bucket)

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        """The built-in files, then each of ``extra`` in order (later rows override earlier ones by id)."""
        digest = hashlib.sha256()
        sources: list[Rows] = []
        digest.update(TYPES_FILE.read_bytes())
        for table, name in BUILTIN_FILES.items():
            path = DATA_DIR / name
            if not path.exists():
                if table == "person":
                    continue  # people.tsv is optional: the other tables work without it
                raise ConfigError(f"{path}: built-in actor file missing; reinstall newsgraph")
            digest.update(name.encode() + b"\0" + path.read_bytes())
            sources.append(read_builtin(path, table))
        for raw in extra:
            path = Path(raw)
            rows, content = _read_any(path)
            digest.update(path.name.encode() + b"\0" + content)
            sources.append(rows)
        return cls(merge(sources), digest.hexdigest()[:12])

    # ------------------------------------------------------------ lookups

    @staticmethod
    def _by_day(found: list[Entry], on: date | None) -> list[Entry]:
        """Entries active on ``on`` first, the narrowest period first (a dated exception beats the
        period around it, an undated entry comes last); then the rest, closest in time first."""
        if on is None:
            return found

        def order(e: Entry) -> tuple[int, int]:
            if e.active_on(on):
                return 0, ((e.end or date.max) - (e.start or date.min)).days
            if e.end is not None and e.end < on:
                return 1, (on - e.end).days
            return 1, ((e.start or on) - on).days

        return sorted(found, key=order)

    def lookup(self, surface: str, on: date | None = None) -> list[Entry]:
        """Entries whose name or alias is ``surface`` (normalised; case-sensitive aliases exactly)."""
        found = list(self._forms.get(normalise(surface), ()))
        for entry in self._exact.get(case_key(surface, True), ()):
            if entry not in found:
                found.append(entry)
        return self._by_day(found, on)

    def country(self, iso3: str) -> Entry | None:
        return self._countries.get(iso3.strip().upper())

    def country_by_demonym(self, word: str) -> Entry | None:
        """The country of a demonym ("Iraqi", "Iraqis", "American"); None for unknown words."""
        return self._demonyms.get(normalise(word)) or self._demonyms.get(case_key(word, True))

    def country_by_capital(self, name: str) -> Entry | None:
        """The country of a capital ("Washington", "Kyiv" / "Kiev"); the caller decides if it is metonymy."""
        return self._capitals.get(normalise(name)) or self._capitals.get(case_key(name, True))

    def people_by_surname(self, surname: str, on: date | None = None) -> list[Entry]:
        """Tenure rows of people known by ``surname`` ("Kerry", "al-Assad", "Assad"), active first."""
        key = normalise(surname)
        found = self._surnames.get(key)
        if not found and " " in key:
            found = self._surnames.get(key.split(" ", 1)[1])
        return self._by_day(list(found or ()), on)

    def agent(self, lemma: str) -> AgentNoun | None:
        """The agent noun for a lemma or plural ("force", "forces", "authorities")."""
        return self._agents.get(normalise(lemma))

    @property
    def longest_agent_words(self) -> int:
        """How many words the longest agent phrase has: no phrase reaches further left."""
        return self._agent_words

    def may_end_agent_phrase(self, word: str) -> bool:
        """Whether some multi-word agent phrase ends in ``word`` (cheap, so that a noun ending
        none skips the phrase search)."""
        return normalise(word) in self._phrase_ends

    def longest_agent_suffix(self, words: Sequence[str]) -> tuple[int, AgentNoun] | None:
        """The longest agent phrase ending ``words`` ("main opposition group", "golden geese"), as
        PETRARCH agent files write them; one word counts too."""
        for size in range(min(len(words), self._agent_words), 0, -1):
            found = self._agents.get(normalise(" ".join(words[-size:])))
            if found is not None:
                return size, found
        return None

    def title(self, phrase: str) -> Title | None:
        """Case- and dot-insensitive: "Brig. Gen." and "brigadier general" give the same role."""
        return self._titles.get(normalise(phrase))

    def longest_title_suffix(self, words: Sequence[str]) -> tuple[int, Title] | None:
        """The longest title ending ``words``: ["US", "Secretary", "of", "State"] → (3, Secretary of State)."""
        for size in range(min(len(words), self._title_words * 2), 0, -1):
            found = self._titles.get(normalise(" ".join(words[-size:])))
            if found is not None:
                return size, found
        return None

    def surface_forms(self) -> Iterator[tuple[str, Entry]]:
        """Every name and alias as written, with its entry; case-sensitive ones keep their ``=``.
        Entries of users' PETRARCH dictionaries come first, so a name both list codes the user's way."""
        yield from sorted(self._written, key=lambda written: written[1].id not in self._foreign_ids)

    def demonym_forms(self) -> Iterator[tuple[str, Entry]]:
        """Normalised demonyms with their country, for a matcher."""
        yield from self._demonyms.items()

    def capital_forms(self) -> Iterator[tuple[str, Entry]]:
        """Normalised capital names with their country, for a matcher."""
        yield from self._capitals.items()

    def entries(self) -> Iterator[Entry]:
        """Every entry (people: one per tenure), in load order."""
        yield from self._entries

    def agents(self) -> Iterator[AgentNoun]:
        yield from dict.fromkeys(self._agents.values())

    def titles(self) -> Iterator[Title]:
        yield from self._titles.values()


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The built-in dictionary, loaded once per process."""
    return ActorDictionary.load()
