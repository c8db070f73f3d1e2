"""The PETRARCH/Phoenix reader on the real Phoenix and PETRARCH validation dictionaries (read in place)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.phoenix import (
    _lines,
    load_phoenix_actors,
    load_phoenix_agents,
    parse_day,
    read_phoenix_actors,
    read_phoenix_agents,
    sniff,
)
from tests.conftest import DATASETS

PHOENIX = DATASETS / "cameo_phoenix_dictionaries"
VALIDATION = DATASETS / "petrarch_validation"
ACTOR_FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing; the tests expect ../shared/datasets beside the checkout")
    return path


@pytest.fixture(scope="module")
def countries():  # type: ignore[no-untyped-def]
    return read_phoenix_actors(_need(PHOENIX / "Phoenix.Countries.actors.txt"))


@pytest.fixture(scope="module")
def international():  # type: ignore[no-untyped-def]
    return read_phoenix_actors(_need(PHOENIX / "Phoenix.International.actors.txt"))


def test_entry_counts_match_the_readme(countries, international) -> None:  # type: ignore[no-untyped-def]
    """README: 18,390 primary actor lines (Countries), 7,794 coded lines (International)."""
    n_countries = len({e.id for e in countries.entries})
    n_international = len({e.id for e in international.entries})
    assert 18_390 * 0.97 <= n_countries <= 18_390 * 1.01
    assert 7_794 * 0.97 <= n_international <= 7_794 * 1.03
    assert len(countries.problems) <= 10 and len(international.problems) <= 10


def test_multi_period_entry_splits_into_dated_rows(countries) -> None:  # type: ignore[no-untyped-def]
    rows = sorted((e for e in countries.entries if e.id == "phoenix:mohammad-zahir-shah"), key=lambda e: e.start)
    assert [r.cameo for r in rows] == ["AFGELI", "AFGGOV", "AFGELI"]
    assert rows[1].start == date(1933, 11, 8) and rows[1].end == date(1973, 7, 16)  # the range's end is exclusive
    assert all(r.table == "person" and r.country == "AFG" for r in rows)
    assert rows[1].sector == "GOV" and rows[0].sector == "ELI"


def test_default_code_fills_the_gaps_between_dated_codes(countries) -> None:  # type: ignore[no-untyped-def]
    """An undated code applies where no dated one does; every day is covered by exactly one row."""
    by_id: dict[str, list] = {}
    for e in countries.entries:
        by_id.setdefault(e.id, []).append(e)
    checked = 0
    for rows in by_id.values():
        lines = [r.source for r in rows]
        if not any(lines.count(line) > 1 for line in lines):
            continue  # no default code split over several gaps
        spans = sorted(((r.start or date.min), (r.end or date.max)) for r in rows)
        if any(b[0] <= a[1] for a, b in zip(spans, spans[1:], strict=False)):
            continue  # the source itself overlaps two dated codes; nothing to check
        assert spans[0][0] == date.min and spans[-1][1] == date.max, rows
        assert all((b[0] - a[1]).days == 1 for a, b in zip(spans, spans[1:], strict=False)), rows
        checked += 1
    assert checked >= 50


def test_aliases_attach_to_their_entry(countries) -> None:  # type: ignore[no-untyped-def]
    afghanistan = next(e for e in countries.entries if e.id == "phoenix:afghanistan")
    assert afghanistan.cameo == "AFG" and afghanistan.table == "country"
    assert {"Afghan", "Islamic Republic Of Afghanistan"} <= set(afghanistan.aliases)
    merged = ActorDictionary.load([PHOENIX / "Phoenix.Countries.actors.txt"])
    assert "phoenix:afghanistan" in {e.id for e in merged.lookup("Afghan")}
    assert "phoenix:afghanistan" in {e.id for e in merged.lookup("AFGHANISTAN")}
    assert all(e.id != "phoenix:united-states-of-america" for e in merged.lookup("us"))  # short common word: exact case


def _raw_codes(path: Path) -> list[str]:
    return [inner for _, line in _lines(path) for inner in re.findall(r"\[([^\]]*)\]", line)]


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_every_code_is_read_or_reported(name: str) -> None:
    path = _need(PHOENIX / name)
    result = read_phoenix_actors(path)
    read = {e.cameo for e in result.entries}
    reported = " ".join(p.message for p in result.problems)
    for inner in _raw_codes(path):
        code = inner.split()[0].upper() if inner.split() else ""
        assert code in read or inner.strip() in reported, (name, inner)
    for e in result.entries:
        assert e.start is None or e.end is None or e.start <= e.end
        assert e.country is None or re.fullmatch(r"[A-Z]{3}", e.country)


def test_mil_non_state_groups_are_groups() -> None:
    groups = load_phoenix_actors(_need(PHOENIX / "Phoenix.MilNonState.actors.txt"))
    assert len({e.id for e in groups}) >= 900
    share = sum(e.table == "group" for e in groups) / len(groups)
    assert share > 0.95
    assert all(e.kind == "armed_group" for e in groups if e.table == "group" and e.sector == "REB")


def test_agents_file() -> None:
    """README: 2,261 coded agent phrases (17 of them in comments); substitution sets and plurals expanded."""
    path = _need(PHOENIX / "Phoenix.agents.txt")
    result = read_phoenix_agents(path)
    assert 2_261 * 0.98 <= result.coded_lines <= 2_261
    assert len(result.problems) <= 5
    nouns = {n.noun: n for n in result.nouns}
    assert nouns["policeman"].sector == "COP" and nouns["policewomen"].sector == "COP"  # POLICE!PERSON!
    assert nouns["chamber of commerce"].plural == "chambers of commerce"  # {…} plural
    assert nouns["farmer"].plural == "farmers" and nouns["farmer"].sector == "AGR"  # rule plural
    assert nouns["anti riot police"].plural == ""  # {} = no plural
    assert nouns["government"].needs_owner and not nouns["farmer"].needs_owner
    assert len(load_phoenix_agents(path)) == len(result.nouns)


def test_sniff_tells_actor_and_agent_files(tmp_path: Path) -> None:
    assert sniff(PHOENIX / "Phoenix.Countries.actors.txt") == "actors"
    assert sniff(PHOENIX / "Phoenix.agents.txt") == "agents"
    prose = tmp_path / "prose.txt"
    prose.write_text("no codes here\n")
    assert sniff(prose) is None


def test_petrarch_dates() -> None:
    assert parse_day("331108") == date(1933, 11, 8)
    assert parse_day("050120") == date(2005, 1, 20)  # YY <= 30 is 20YY
    assert parse_day("20130926") == date(2013, 9, 26)
    with pytest.raises(ValueError):
        parse_day("2013")


@pytest.mark.parametrize(
    ("folder", "actors", "agents"),
    [
        ("ud_petrarch_2_02", "PETR_Validate_actors_2_02.txt", "PETR_Validate_agents_2_02.txt"),
        ("petrarch2_unittest", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt"),
    ],
)
def test_validation_dictionaries_load(folder: str, actors: str, agents: str) -> None:
    """The made-up actors of the PETRARCH validation suite load with their codes and date rules."""
    base = VALIDATION / folder
    merged = ActorDictionary.load([_need(base / actors), _need(base / agents)])
    assert merged.lookup("Arnor")[0].cameo == "ARN"
    assert merged.lookup("Gondor")[0].cameo == "GON"
    assert {e.cameo for e in merged.lookup("Minas Tirith")} == {"GON"}
    assert merged.lookup("Gollum", on=date(1990, 1, 1))[0].cameo == "HOB"
    assert merged.lookup("Smeagol", on=date(1997, 1, 1))[0].cameo == "HOBGOV"
    assert merged.lookup("Gollum", on=date(2001, 1, 1))[0].cameo == "HOBREB"
    # a narrow dated period beats the wider one around it (the file's own comment says it should)
    assert merged.lookup("Sam Gamgee", on=date(2010, 1, 10))[0].cameo == "ORCHOB"
    assert merged.lookup("Sam Gamgee", on=date(2011, 1, 10))[0].cameo == "HOBMIL"
    assert merged.lookup("Zimbabwe", on=date(1975, 1, 1))[0].cameo == "RHO"
    golden = merged.agent("golden geese")
    assert golden is not None and golden.cameo == "~GGS"
    congressman = merged.agent("congressman")
    assert congressman is not None and congressman.sector == "LEG"


# A small user dictionary in PETRARCH's format: made-up countries, people written with a bare
# country code (as PETRARCH writes people), multi-word agents with codes of the user's own.
USER_ACTORS = """
ARNOR  [ARN]
OSGILIATH  [OSG]
GONDOR  [GON]
FORNOST  [FOR]
ELDORIA  [ELD]
+ELDORIAN
KORVALA  [KRV]
+KORVALAN
TAVIN_MORROW  [ELD]
OLEKSANDR_MARCHENKO  [UKR]
KUWAIT  [KUW]
"""
USER_AGENTS = """
MAIN_OPPOSITION_GROUP [~MOP]
SILVER_FOX {SILVER_FOXES} [~SFX]
LAWMAKER [~LEG]
AMBASSADOR [~GOV]
"""


@pytest.fixture(scope="module")
def user_actors(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Actor codes of a text, read with the user dictionary above."""
    from newsgraph.actors import find_actors
    from newsgraph.document.document import parse
    from newsgraph.text.article import Metadata, make_article

    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "user.actors.txt").write_text(USER_ACTORS.lstrip(), encoding="utf-8")
    (folder / "user.agents.txt").write_text(USER_AGENTS.lstrip(), encoding="utf-8")
    files = [folder / "user.actors.txt", folder / "user.agents.txt"]

    def codes(text: str) -> set[str | None]:
        document = parse(make_article(text, Metadata(published="2016-05-02"), "test"))
        return {a.cameo for a in find_actors(document, files).actors}

    return codes


def test_a_person_coded_only_by_country_takes_the_sector_of_the_title(user_actors) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH: "Bree President Romendacil" with ROMENDACIL [BRE] and a President agent is BREGOV."""
    assert "ELDGOV" in user_actors("Eldoria President Tavin Morrow arrived in Paris on Monday.")
    assert "UKRGOV" in user_actors("Ukrainian President Oleksandr Marchenko arrived in Warsaw on Monday.")


def test_multi_word_user_agents_are_matched_and_coded_as_written(user_actors) -> None:  # type: ignore[no-untyped-def]
    assert "EGYMOP" in user_actors("France will restore ties with Egypt's main opposition group.")
    assert "EGYSFX" in user_actors("Egypt's silver foxes welcomed the deal.")  # the {…} plural
    assert "ELDSFX" in user_actors("Eldoria's silver foxes welcomed the deal.")  # NER's NORP "silver foxes" is no name


def test_roles_of_listed_user_countries_make_one_actor_each(user_actors) -> None:  # type: ignore[no-untyped-def]
    """NER labels "Arnor, Osgiliath and Gondor" one ORG and the parser hangs "Gondor" on "Lawmakers":
    the list is still three (two) countries, each owning the role."""
    found = user_actors("The ambassadors of Arnor, Osgiliath and Gondor presented credentials to the president.")
    assert {"ARNGOV", "OSGGOV", "GONGOV"} <= found
    assert {"FORLEG", "GONLEG"} <= user_actors("Lawmakers in Fornost and Gondor welcomed the decision.")
    both = user_actors("Lawmakers and officials in Fornost and Gondor welcomed the decision.")
    assert {"FORLEG", "GONLEG", "FORGOV", "GONGOV"} <= both


def test_leaders_of_user_countries_named_by_their_adjective_are_governments(user_actors) -> None:  # type: ignore[no-untyped-def]
    assert {"ELDGOV", "KRVGOV"} <= user_actors("Tavin Morrow will meet Eldorian and Korvalan leaders during a visit.")


def test_a_name_the_user_codes_is_coded_the_users_way(user_actors) -> None:  # type: ignore[no-untyped-def]
    """Our dictionary knows Kuwait as KWT; a user who lists KUWAIT [KUW] gets KUW, and the names the
    user does not list keep our codes."""
    found = user_actors("Kuwait restored ties with Chile.")
    assert "KUW" in found and "KWT" not in found
    assert "CHL" in found
