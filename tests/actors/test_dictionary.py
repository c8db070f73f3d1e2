"""The actor dictionary: built-in data files, user files, lookups. Real files, no mocks."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import textwrap
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pytest

from newsgraph.actors.dictionary import DATA_DIR, ActorDictionary, default_dictionary
from newsgraph.actors.entries import SECTORS, valid_country
from newsgraph.actors.normalise import normalise
from newsgraph.errors import ConfigError
from newsgraph.records import ACTOR_KINDS

PEOPLE = DATA_DIR / "people.tsv"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ---------------------------------------------------------------- load cost


def test_builtin_load_is_fast_and_small() -> None:
    """Measured in a fresh process so no cache helps: target ≤ 300 ms and ≤ 30 MB (margin for a busy machine)."""
    code = textwrap.dedent(
        """
        import json, time, tracemalloc
        import newsgraph.actors.dictionary as D
        tracemalloc.start()
        t = time.perf_counter()
        D.ActorDictionary.load()
        seconds = time.perf_counter() - t
        print(json.dumps({"seconds": seconds, "mb": tracemalloc.get_traced_memory()[0] / 1e6}))
        """
    )
    # tracemalloc slows allocation-heavy code several times: time without it, memory with it.
    timing = textwrap.dedent(
        """
        import json, time
        import newsgraph.actors.dictionary as D
        t = time.perf_counter()
        D.ActorDictionary.load()
        print(json.dumps({"seconds": time.perf_counter() - t}))
        """
    )
    fast = json.loads(subprocess.run([sys.executable, "-c", timing], capture_output=True, text=True, check=True).stdout)
    small = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert fast["seconds"] < 0.6, fast
    assert small["mb"] < 30, small


def test_default_dictionary_is_loaded_once() -> None:
    assert default_dictionary() is default_dictionary()


# ---------------------------------------------------------------- the data files


def test_every_iso_country_is_present_once(actors: ActorDictionary) -> None:
    expected = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    found = {e.country for e in actors.entries() if e.table == "country"}
    assert found == expected
    for iso3 in expected:
        entry = actors.country(iso3)
        assert entry is not None and entry.cameo == iso3 and entry.kind == "country"


def test_every_table_is_filled_and_sourced(actors: ActorDictionary) -> None:
    by_table: dict[str, int] = defaultdict(int)
    for entry in actors.entries():
        by_table[entry.table] += 1
        assert entry.source.strip(), entry.id
        assert entry.kind in ACTOR_KINDS, entry.id
        assert entry.sector is None or entry.sector in SECTORS, entry.id
        assert entry.country is None or valid_country(entry.country), entry.id
        assert entry.cameo is None or re.fullmatch(r"(?:[A-Z]{3})+", entry.cameo), entry.id
    assert by_table["organization"] >= 150
    assert by_table["group"] >= 100
    assert len(list(actors.agents())) >= 80
    assert len(list(actors.titles())) >= 100
    assert all(a.source for a in actors.agents()) and all(t.source for t in actors.titles())
    if PEOPLE.exists():
        assert by_table["person"] > 0


def test_data_files_have_the_schema_columns() -> None:
    expected = {
        "countries.tsv": "iso3 iso2 name aliases demonyms capital capital_aliases source",
        "organizations.tsv": "id name aliases kind country sector cameo parent source",
        "groups.tsv": "id name aliases kind country sector cameo start end source",
        "agents.tsv": "noun plural kind sector needs_owner source cameo",
        "titles.tsv": "title role kind sector rank source",
    }
    for name, columns in expected.items():
        with (DATA_DIR / name).open(encoding="utf-8") as f:
            rows = csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)
            assert next(rows) == columns.split(), name


def test_every_organisation_parent_exists_and_groups_are_dated_sanely(actors: ActorDictionary) -> None:
    ids = {e.id for e in actors.entries()}
    for entry in actors.entries():
        if entry.parent is not None:
            assert entry.parent in ids
        if entry.start and entry.end:
            assert entry.start <= entry.end


# ---------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("U.S.", "us"),
        ("the United States'", "united states"),
        ("Iran's", "iran"),
        ("al-Qaeda", "al qaeda"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Secretary–General", "secretary general"),
        ("  The   Hague ", "hague"),
        ("Brig. Gen.", "brig gen"),
        ("3.5 percent", "3.5 percent"),
    ],
)
def test_normalise(raw: str, key: str) -> None:
    assert normalise(raw) == key


def test_us_spellings_meet_and_the_pronoun_does_not(actors: ActorDictionary) -> None:
    usa = actors.country("USA")
    for spelling in ("U.S.", "US", "United States", "the United States", "USA", "United States of America"):
        assert actors.lookup(spelling) == [usa], spelling
    assert actors.lookup("us") == []


def test_case_sensitive_aliases(actors: ActorDictionary) -> None:
    isis = actors.lookup("ISIS")
    assert isis and isis[0].id == "group:isis"
    assert actors.lookup("IS") == isis
    assert actors.lookup("is") == [] and actors.lookup("Is") == []
    assert [e.id for e in actors.lookup("WHO")] == ["org:who"] and actors.lookup("who") == []
    marked = [form for form, _ in actors.surface_forms() if form.startswith("=")]
    assert "=IS" in marked and "=US" in marked


def test_isis_long_names_are_one_entry(actors: ActorDictionary) -> None:
    names = [
        "Islamic State",
        "ISIL",
        "Daesh",
        "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria",
    ]
    assert {e.id for n in names for e in actors.lookup(n)} == {"group:isis"}


def test_demonyms_and_capitals(actors: ActorDictionary) -> None:
    for word, iso3 in [
        ("Iraqi", "IRQ"),
        ("Iraqis", "IRQ"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Iranian", "IRN"),
    ]:
        found = actors.country_by_demonym(word)
        assert found is not None and found.country == iso3, word
    assert actors.country_by_demonym("Martian") is None
    for city, iso3 in [
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Washington", "USA"),
        ("Washington, D.C.", "USA"),
        ("Tehran", "IRN"),
    ]:
        found = actors.country_by_capital(city)
        assert found is not None and found.country == iso3, city
    assert actors.country_by_capital("Springfield") is None


def test_demonyms_and_capitals_are_unambiguous(actors: ActorDictionary) -> None:
    """Every demonym and capital belongs to exactly one country (the loader refuses a clash)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for form, entry in [*actors.demonym_forms(), *actors.capital_forms()]:
        owners[form].add(entry.id)
    assert all(len(ids) == 1 for ids in owners.values())


def test_titles_and_longest_suffix(actors: ActorDictionary) -> None:
    short, long = actors.title("Brig. Gen."), actors.title("brigadier general")
    assert short is not None and long is not None and short.role == long.role == "Brigadier General"
    assert short.sector == "MIL"
    found = actors.longest_title_suffix(["US", "Secretary", "of", "State"])
    assert found is not None and found[0] == 3 and found[1].role == "Secretary of State"
    found = actors.longest_title_suffix(["Iran", "'s", "Foreign", "Minister"])
    assert found is not None and found[0] == 2 and found[1].role == "Foreign Minister"
    assert actors.longest_title_suffix(["the", "weather"]) is None


def test_agent_nouns(actors: ActorDictionary) -> None:
    forces, protesters = actors.agent("forces"), actors.agent("protester")
    assert forces is not None and forces.sector == "MIL" and forces.needs_owner
    assert protesters is not None and protesters.sector == "OPP" and not protesters.needs_owner
    assert actors.agent("authorities") == actors.agent("authority")
    assert actors.agent("teapot") is None


def test_renamed_group_resolves_by_date(actors: ActorDictionary) -> None:
    taliban_2010 = actors.lookup("Taliban", on=date(2010, 1, 1))[0]
    taliban_2023 = actors.lookup("Taliban", on=date(2023, 1, 1))[0]
    assert taliban_2010.sector == "REB" and taliban_2010.kind == "armed_group"
    assert taliban_2023.sector == "GOV" and taliban_2023.kind == "government"


# ---------------------------------------------------------------- dated people


def _shared_surnames(actors: ActorDictionary) -> list[tuple[str, date, str]]:
    """(surname, a day, the one person holding office that day) for surnames several people share."""
    by_surname: dict[str, list] = defaultdict(list)
    for entry in actors.entries():
        if entry.table == "person" and entry.start and entry.end:
            by_surname[normalise(entry.name).split()[-1]].append(entry)
    cases = []
    for surname, rows in by_surname.items():
        if len({r.id for r in rows}) < 2:
            continue
        for row in rows:
            day = row.start + (row.end - row.start) // 2
            active = {r.id for r in actors.people_by_surname(surname, on=day) if r.active_on(day)}
            if active == {row.id}:
                cases.append((surname, day, row.id))
    return cases


def test_dated_people_pick_the_holder_of_the_day(actors: ActorDictionary, tmp_path: Path) -> None:
    if PEOPLE.exists():
        cases = _shared_surnames(actors)
        assert len(cases) >= 5
        for surname, day, person in cases:
            assert actors.people_by_surname(surname, on=day)[0].id == person, (surname, day)
        kerry = actors.people_by_surname("Kerry", on=date(2014, 1, 7))
        assert kerry and kerry[0].role == "Secretary of State" and kerry[0].cameo == "USAGOV"
    user = _write(
        tmp_path,
        "people.yaml",
        """
        people:
          - {id: alex-marlowe, name: Alex Marlowe, country: GBR, sector: GOV, role: Foreign Minister,
             start: 2031-01-01, end: 2032-12-31}
          - {id: sam-marlowe, name: Sam Marlowe, country: GBR, sector: GOV, role: Foreign Minister,
             start: 2033-01-01, end: 2034-12-31}
          - {id: sam-marlowe, name: Sam Marlowe, country: GBR, sector: GOV, role: Prime Minister, start: 2035-01-01}
        """,
    )
    own = ActorDictionary.load([user])
    assert own.people_by_surname("Marlowe", on=date(2032, 6, 1))[0].id == "person:alex-marlowe"
    assert own.people_by_surname("Marlowe", on=date(2034, 6, 1))[0].id == "person:sam-marlowe"
    assert own.lookup("Sam Marlowe", on=date(2036, 1, 1))[0].role == "Prime Minister"
    assert own.lookup("Sam Marlowe", on=date(2034, 1, 1))[0].role == "Foreign Minister"


# ---------------------------------------------------------------- user files


def test_yaml_user_file_overrides_a_builtin_entry_by_id(tmp_path: Path) -> None:
    user = _write(
        tmp_path,
        "mine.yaml",
        """
        groups:
          - id: isis
            name: Islamic State (our own coding)
            aliases: [ISIS, Daesh]
            kind: armed_group
            country: IRQ
            sector: REB
        organizations:
          - id: wikimedia
            name: Wikimedia Foundation
            aliases: "=WMF|Wikimedia"
            kind: organization
            country: NGO
            sector: NGO
        """,
    )
    own = ActorDictionary.load([user])
    isis = own.lookup("Daesh")
    assert [e.id for e in isis] == ["group:isis"] and isis[0].country == "IRQ" and isis[0].cameo == "IRQREB"
    assert own.lookup("ISIL") == []  # the override replaced the whole row, aliases included
    assert [e.id for e in own.lookup("WMF")] == ["org:wikimedia"] and own.lookup("wmf") == []
    assert own.version != default_dictionary().version


def test_tsv_user_file_adds_rows_of_several_tables(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# our additions\n"
        "table\tid\tname\taliases\tkind\tcountry\tsector\tnoun\tplural\tneeds_owner\n"
        "group\tnorth-wind\tNorth Wind Brigade\tNWB\tarmed_group\tMLI\tREB\t\t\t\n"
        "agent\t\t\t\tmilitary\t\tMIL\tdrone operator\tdrone operators\tyes\n",
        encoding="utf-8",
    )
    own = ActorDictionary.load([user])
    assert own.lookup("NWB")[0].cameo == "MLIREB"
    noun = own.agent("drone operators")
    assert noun is not None and noun.sector == "MIL" and noun.needs_owner


def test_an_agent_row_may_give_its_cameo_code_and_a_malformed_one_is_refused(tmp_path: Path) -> None:
    header = "table\tnoun\tplural\tkind\tsector\tneeds_owner\tcameo\n"
    good = _write(tmp_path, "good.tsv", header + "agent\tinternee\tinternees\tpopulation\tCVL\tno\t~\n")
    noun = ActorDictionary.load([good]).agent("internees")
    assert noun is not None and noun.sector == "CVL" and noun.cameo == "~"
    bad = _write(tmp_path, "bad.tsv", header + "agent\tinternee\tinternees\tpopulation\tCVL\tno\t~CV\n")
    with pytest.raises(ConfigError, match=r"bad\.tsv:2: cameo '~CV' is not a CAMEO agent code"):
        ActorDictionary.load([bad])


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        (
            "bad.yaml",
            """
            groups:
              - id: fine-group
                name: Fine Group
                kind: armed_group
              - id: broken-group
                name: Broken Group
                kind: armed_group
                country: XXX
            """,
            5,
            "country 'XXX'",
        ),
        (
            "dates.yaml",
            """
            people:
              - {id: a-b, name: A B, country: USA, role: Senator, start: 2010-05-01, end: 2009-01-01}
            """,
            2,
            "after end",
        ),
        (
            "clash.yaml",
            """
            organizations:
              - {id: copycat, name: Copycat, aliases: [NATO], kind: organization, country: IGO}
            """,
            2,
            "also used by org:nato",
        ),
        (
            "typo.yaml",
            """
            groups:
              - {id: g, name: G, kind: armed_group, alias: [x]}
            """,
            2,
            "unknown column",
        ),
        (
            "bad.tsv",
            "table\tid\tname\tkind\tsector\ngroup\tg1\tG1\tarmed_group\tREB\ngroup\tg2\tG2\tarmed_group\tXYZ\n",
            3,
            "PLOVER sector",
        ),
    ],
)
def test_broken_user_file_names_file_line_and_fix(tmp_path: Path, name: str, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(ConfigError) as err:
        ActorDictionary.load([path])
    message = str(err.value)
    assert f"{path}:{line}:" in message
    assert words in message
    assert ";" in message  # problem; fix


def test_missing_or_unknown_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        ActorDictionary.load([tmp_path / "absent.yaml"])
    prose = _write(tmp_path, "notes.txt", "just some prose\nwith no codes\n")
    with pytest.raises(ConfigError, match="cannot tell the format"):
        ActorDictionary.load([prose])


def test_dated_aliases_may_be_shared_only_without_overlap(tmp_path: Path) -> None:
    ok = _write(
        tmp_path,
        "ok.yaml",
        """
        groups:
          - {id: front-a, name: Front A, aliases: [The Front], kind: armed_group, start: 2001-01-01, end: 2005-12-31}
          - {id: front-b, name: Front B, aliases: [The Front], kind: armed_group, start: 2006-01-01}
        """,
    )
    own = ActorDictionary.load([ok])
    assert own.lookup("the Front", on=date(2003, 1, 1))[0].id == "group:front-a"
    assert own.lookup("the Front", on=date(2007, 1, 1))[0].id == "group:front-b"
    overlapping = ok.read_text().replace("2006-01-01", "2005-06-01")
    bad = tmp_path / "overlap.yaml"
    bad.write_text(overlapping)
    with pytest.raises(ConfigError, match="front"):
        ActorDictionary.load([bad])


def test_active_on_is_inclusive(actors: ActorDictionary) -> None:
    entry = next(e for e in actors.entries() if e.start and e.end)
    assert entry.active_on(entry.start) and entry.active_on(entry.end) and entry.active_on(None)
    assert not entry.active_on(entry.end + timedelta(days=1))
    assert not entry.active_on(entry.start - timedelta(days=1))


def test_codes_compose_by_cameo_rules_for_international_bodies_and_user_agents() -> None:
    """One composition everywhere: the organisation's code first, a sector it implies left out;
    a user's PETRARCH agent code applied to its owner as written."""
    from newsgraph.actors.cameo import compose_agent, compose_under
    from newsgraph.actors.identity import compose_cameo

    assert compose_cameo("UNO", "IGO") == "IGOUNO" and compose_cameo("UNO", "GOV") == "IGOUNO"
    assert compose_cameo("UNO", "MIL") == "IGOUNOMIL" and compose_cameo("EUR", "GOV") == "IGOEUREEC"
    assert compose_cameo("IRQ", "MIL") == "IRQMIL"
    assert compose_under("IGOMIL", "MIL") == "IGOMIL"  # a military mission's troops are the mission
    assert compose_agent("GON", "~GGS") == "GONGGS" and compose_agent("GON", "NGO~") == "NGOGON"


def test_every_seat_names_a_built_in_organisation_and_sub_bodies_inherit_it():
    from newsgraph.actors.dictionary import default_dictionary
    from newsgraph.actors.seats import seat_table, seats_of
    from newsgraph.records import Actor

    ids = {e.id for e in default_dictionary().entries()}
    assert set(seat_table()) <= ids
    council = Actor(id="a1", name="UN Security Council", kind="organization", country="UNO",
                    entry="org:un-security-council")
    assert seats_of(council) == {"USA"}
    nato = Actor(id="a2", name="NATO ministers", kind="government", country="IGO", cameo="IGOWSTNAT")
    assert seats_of(nato) == {"BEL"}
    assert seats_of(Actor(id="a3", name="Iran", kind="country", country="IRN")) == frozenset()
