"""ACLED CSV export: a hand-built record with one event per mapping rule, stored, exported, read back with csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.export import export
from newsgraph.export.acled import acled_date, interaction
from newsgraph.records import Actor, Event, Evidence, Extraction, Paragraph, Place, Sentence, Span
from newsgraph.store.db import Store
from newsgraph.text.article import Metadata, make_article
from tests.casualties import HARMFUL, HARMLESS, KILLED, casualty_record
from tests.conftest import run_cli
from tests.export.conftest import asserted_events

# ACLED's export columns, in order (ACLED codebook, "data columns at a glance").
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
QUOTED_NOTE = 'Witnesses said gunmen, shouting "no one leaves",\nshot villagers.'
PUBLISHED = "2020-05-02"

# event id → (sentence, trigger word, PLOVER type, modes, CAMEO, sources, targets, place, extra fields)
EVENTS: dict[str, tuple[str, str, str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...], str | None, dict]] = {
    "air": ("Army jets bombed insurgent camps.", "bombed", "ASSAULT", ("aerial",), "195",
            ("army",), ("rebels",), "city", {"killed": 9}),
    "shell": ("Insurgents shelled the village.", "shelled", "ASSAULT", ("heavy-weapons",), "194",
              ("rebels",), ("villagers",), "city", {}),
    "grenade": ("A militia hurled a grenade at troops.", "hurled", "ASSAULT", ("explosives",), "190",
                ("gunmen",), ("army",), "city", {}),
    "ied": ("A roadside bomb hit an army convoy.", "hit", "ASSAULT", ("explosives",), "183",
            ("rebels",), ("army",), "city", {}),
    "suicide": ("A suicide bomber struck the market.", "struck", "ASSAULT", ("suicide-attack",), "1831",
                ("rebels",), ("villagers",), "city", {}),
    "abduct": ("Insurgents kidnapped schoolgirls.", "kidnapped", "ASSAULT", ("abduct",), "181",
               ("rebels",), ("students",), "city", {}),
    "rape": ("Gunmen raped women in the camp.", "raped", "ASSAULT", ("sexual",), "1821",
             ("gunmen",), ("villagers",), "city", {}),
    "attack": (QUOTED_NOTE, "shot", "ASSAULT", ("firearms",), "193",
               ("gunmen",), ("journalist", "villagers"), "city", {"killed": 4}),
    "clash": ("Troops and Chadian soldiers fought insurgents.", "fought", "ASSAULT", ("firearms",), "190",
              ("army", "chad"), ("rebels",), "city", {"killed": 10}),
    "force": ("Police shot dead two protesters.", "shot", "ASSAULT", ("firearms",), "193",
              ("police",), ("protesters",), "city", {"killed": 2}),
    "teargas": ("Police fired tear gas at protesters.", "fired", "ASSAULT", ("crowd-control",), "175",
                ("police",), ("protesters",), "city", {}),
    "rally": ("Students rallied against the government.", "rallied", "PROTEST", ("demo",), "141",
              ("students",), ("government",), "admin1", {}),
    "riot": ("Protesters clashed with police.", "clashed", "PROTEST", ("riot",), "145",
             ("protesters",), ("police",), "other", {}),
    "strike": ("Workers went on strike.", "strike", "PROTEST", ("strike",), "143",
               ("students",), (), None, {}),
    "arrest": ("Police arrested a journalist.", "arrested", "COERCE", ("arrest",), "173",
               ("police",), ("journalist",), "country", {}),
    "seized": ("Insurgents detained a reporter.", "detained", "COERCE", ("arrest",), "173",
               ("rebels",), ("journalist",), None, {}),
    "signed": ("The government signed a deal with the insurgents.", "signed", "SUPPORT", (), "057",
              ("government",), ("rebels",), None, {}),
    "truce": ("The insurgents declared a truce.", "truce", "RETREAT", ("ceasefire",), "0871",
              ("rebels",), (), None, {}),
    "deal": ("The two sides reached a deal.", "reached", "AGREE", (), "031", ("government",), ("rebels",), None, {}),
    "promise": ("The government promised talks.", "promised", "AGREE", (), "030", ("government",), (), None, {}),
    "chad": ("Chadian jets bombed the camps.", "bombed", "ASSAULT", ("aerial",), "195",
             ("chad",), ("rebels",), "city", {}),
    "un": ("Peacekeepers fired on the militia.", "fired", "ASSAULT", ("firearms",), "193",
           ("peacekeepers",), ("gunmen",), "city", {}),
    "mob": ("Villagers lynched a militiaman.", "lynched", "ASSAULT", ("beat",), "1823",
            ("villagers",), ("gunmen",), "city", {"killed": 1}),
    "ordered": ("The president ordered an assault on the insurgents.", "assault", "ASSAULT", (), "190",
                ("president",), ("rebels",), "city", {}),
    "blocked": ("Protesters blocked the highway.", "blocked", "PROTEST", ("obstruct",), "144",
                ("protesters",), (), "city", {}),
    "torched": ("Insurgents torched a school.", "torched", "ASSAULT", ("destroy",), "1712",
                ("rebels",), (), "city", {}),
    "undated": ("Soldiers clashed with insurgents.", "clashed", "ASSAULT", ("firearms",), "193",
                ("army",), ("rebels",), None, {"date": None, "date_precision": None}),
    "weekly": ("Insurgents attacked a base that week.", "attacked", "ASSAULT", (), "190",
              ("rebels",), ("army",), None, {"date": "2020-W18", "date_precision": "week"}),
    "denied": ("The army did not bomb the camps.", "bomb", "ASSAULT", ("aerial",), "195",
               ("army",), ("rebels",), "city", {"negated": True}),
    "maybe": ("Insurgents may attack the town.", "attack", "ASSAULT", (), "190",
              ("rebels",), ("villagers",), "city", {"hypothetical": True}),
    "later": ("Insurgents will attack the town.", "attack", "ASSAULT", (), "190",
              ("rebels",), ("villagers",), "city", {"future": True}),
    "blamed": ("The government blamed the insurgents.", "blamed", "ACCUSE", ("allege",), "112",
               ("government",), ("rebels",), None, {}),
}
LEFT_OUT = {"strike", "promise", "denied", "maybe", "later", "blamed"}

ACTORS = {
    "army": ("Nigerian Army", "military", "NGA", "MIL"),
    "chad": ("Chadian Army", "military", "TCD", "MIL"),
    "peacekeepers": ("UN peacekeepers", "military", "UNO", "MIL"),
    "rebels": ("Boko Haram", "armed_group", "NGA", "REB"),
    "gunmen": ("gunmen", "armed_group", "NGA", "UAF"),
    "police": ("Nigeria Police", "police", "NGA", "COP"),
    "government": ("Government of Nigeria", "government", "NGA", "GOV"),
    "president": ("President of Nigeria", "person", "NGA", "GOV"),
    "villagers": ("villagers", "population", "NGA", "CVL"),
    "students": ("students", "population", "NGA", "EDU"),
    "protesters": ("protesters", "population", "NGA", "OPP"),
    "journalist": ("journalist", "population", "NGA", "JRN"),
}
PLACES = {
    "city": Place(id="city", name="Maiduguri", feature="city", country="NGA", admin1="Borno", lat=11.84692,
                  lon=13.15712, geonameid=2331447),
    "admin1": Place(id="admin1", name="Borno", feature="admin1", country="NGA", lat=11.5, lon=13.0),
    "other": Place(id="other", name="Sambisa Forest", feature="other", country="NGA", admin1="Borno", lat=11.3,
                   lon=13.6),
    "country": Place(id="country", name="Nigeria", feature="country", country="NGA", lat=10.0, lon=8.0),
}


def acled_record() -> Extraction:
    """One article whose sentences each state one event of :data:`EVENTS`."""
    sentences = [spec[0] for spec in EVENTS.values()]
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
    article = make_article(text, Metadata(title="Attacks", source="Example Wire", published=PUBLISHED), "test")
    events = []
    for index, (event_id, (sentence, trigger, kind, modes, cameo, sources, targets, place, extra)) in enumerate(
        EVENTS.items()
    ):
        start = starts[index]
        at = text.index(trigger, start)
        evidence = Evidence(sentence=index, start=start, end=start + len(sentence), text=sentence,
                            trigger=Span(at, at + len(trigger), trigger))
        fields = {"date": "2020-05-01", "date_precision": "day", **extra}
        events.append(Event(id=event_id, type=kind, cameo=cameo, mode=modes, source=sources, target=targets,
                            place=place, evidence=evidence, quad=4, confidence=0.9, **fields))
    actors = tuple(
        Actor(id=key, name=name, kind=kind, country=country, sector=sector) for key, (name, kind, country, sector)
        in ACTORS.items()
    )
    return Extraction(
        article=article, coder="test-coder/1", paragraphs=(Paragraph(0, 0, len(text)),),
        sentences=tuple(Sentence(i, s, s + len(t), 0) for i, (s, t) in enumerate(zip(starts, sentences, strict=True))),
        actors=actors, events=tuple(events), places=tuple(PLACES.values()),
    )


@pytest.fixture
def hand_store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as store:
        store.save([acled_record(), casualty_record()])
        yield store


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def exported(hand_store: Store, tmp_path: Path) -> dict[str, dict[str, str]]:
    """event id → its ACLED row, for the hand-built record."""
    out = tmp_path / "acled.csv"
    report = export(hand_store, "acled-csv", str(out))
    header, rows = _read(out)
    assert header == ACLED_COLUMNS
    assert report.rows["acled-csv"] == len(rows)
    return {r["event_id_cnty"].rsplit("-", 1)[1]: r for r in rows}


@pytest.mark.parametrize(
    ("event", "disorder", "event_type", "sub_event_type"),
    [
        ("air", "Political violence", "Explosions/Remote violence", "Air/drone strike"),
        ("shell", "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("grenade", "Political violence", "Explosions/Remote violence", "Grenade"),
        ("ied", "Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("suicide", "Political violence", "Explosions/Remote violence", "Suicide bomb"),
        ("abduct", "Political violence", "Violence against civilians", "Abduction/forced disappearance"),
        ("rape", "Political violence", "Violence against civilians", "Sexual violence"),
        ("attack", "Political violence", "Violence against civilians", "Attack"),
        ("clash", "Political violence", "Battles", "Armed clash"),
        ("force", "Political violence; Demonstrations", "Protests", "Excessive force against protesters"),
        ("teargas", "Demonstrations", "Protests", "Protest with intervention"),
        ("rally", "Demonstrations", "Protests", "Peaceful protest"),
        ("riot", "Demonstrations", "Riots", "Violent demonstration"),
        ("mob", "Political violence", "Riots", "Mob violence"),
        ("ordered", "Political violence", "Battles", "Armed clash"),  # a head of state is no mob
        ("blocked", "Demonstrations", "Riots", "Violent demonstration"),
        ("arrest", "Strategic developments", "Strategic developments", "Arrests"),
        ("seized", "Political violence", "Violence against civilians", "Abduction/forced disappearance"),
        ("signed", "Strategic developments", "Strategic developments", "Agreement"),
        ("truce", "Strategic developments", "Strategic developments", "Agreement"),
        ("deal", "Strategic developments", "Strategic developments", "Agreement"),
        ("torched", "Strategic developments", "Strategic developments", "Looting/property destruction"),
    ],
)
def test_event_types_follow_the_mapping_table(
    exported: dict[str, dict[str, str]], event: str, disorder: str, event_type: str, sub_event_type: str
):
    row = exported[event]
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (disorder, event_type, sub_event_type)


def test_events_that_did_not_happen_or_acled_does_not_type_are_left_out(exported: dict[str, dict[str, str]]):
    record = acled_record()
    assert set(exported) == ({e.id for e in record.events} - LEFT_OUT) | {HARMFUL}
    assert HARMLESS not in exported  # a condemnation: no ACLED type


@pytest.mark.parametrize(
    ("event", "actor1", "assoc1", "inter1", "actor2", "assoc2", "inter2", "joined", "targeting"),
    [
        ("air", "Nigerian Army", "", "1", "Boko Haram", "", "2", "12", ""),
        ("shell", "Boko Haram", "", "2", "villagers", "", "7", "27", "Civilian targeting"),
        ("attack", "gunmen", "", "3", "journalist", "villagers", "7", "37", "Civilian targeting"),
        ("clash", "Nigerian Army", "Chadian Army", "1", "Boko Haram", "", "2", "12", ""),
        ("force", "Nigeria Police", "", "1", "protesters", "", "6", "16", ""),
        ("rally", "students", "", "6", "", "", "", "60", ""),  # a peaceful protest is the protesters' act alone
        ("riot", "protesters", "", "5", "Nigeria Police", "", "1", "15", ""),
        ("mob", "villagers", "", "5", "gunmen", "", "3", "35", ""),
        ("ordered", "President of Nigeria", "", "1", "Boko Haram", "", "2", "12", ""),
        ("arrest", "Nigeria Police", "", "1", "journalist", "", "7", "17", ""),  # not political violence
        ("chad", "Chadian Army", "", "8", "Boko Haram", "", "2", "28", ""),  # a state's forces abroad
        ("un", "UN peacekeepers", "", "8", "gunmen", "", "3", "38", ""),
        ("truce", "Boko Haram", "", "2", "", "", "", "20", ""),
    ],
)
def test_actor_columns_and_interaction_codes(
    exported: dict[str, dict[str, str]], event: str, actor1: str, assoc1: str, inter1: str, actor2: str,
    assoc2: str, inter2: str, joined: str, targeting: str,
):
    row = exported[event]
    got = tuple(row[c] for c in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                                 "interaction", "civilian_targeting"))
    assert got == (actor1, assoc1, inter1, actor2, assoc2, inter2, joined, targeting)


def test_fatalities_are_the_killed_count_or_zero(exported: dict[str, dict[str, str]]):
    assert exported["clash"]["fatalities"] == "10"
    assert exported["attack"]["fatalities"] == "4"
    assert exported["shell"]["fatalities"] == "0"
    assert exported[HARMFUL]["fatalities"] == str(KILLED)
    assert all(row["fatalities"].isdigit() for row in exported.values())


def test_place_columns(exported: dict[str, dict[str, str]]):
    city = exported["air"]
    assert (city["iso"], city["country"], city["admin1"], city["location"]) == ("566", "Nigeria", "Borno", "Maiduguri")
    assert (float(city["latitude"]), float(city["longitude"]), city["geo_precision"]) == (11.84692, 13.15712, "1")
    assert city["event_id_cnty"].startswith("NGA")
    assert (exported["riot"]["location"], exported["riot"]["geo_precision"]) == ("Sambisa Forest", "2")
    assert (exported["rally"]["admin1"], exported["rally"]["geo_precision"]) == ("Borno", "3")
    assert (exported["arrest"]["location"], exported["arrest"]["geo_precision"]) == ("Nigeria", "3")
    placeless = exported["signed"]
    assert placeless["event_id_cnty"].startswith("XXX")
    assert all(placeless[c] == "" for c in ("iso", "country", "admin1", "location", "latitude", "geo_precision"))
    for row in exported.values():
        assert row["region"] == row["admin2"] == row["admin3"] == row["source_scale"] == row["tags"] == ""


def test_dates_and_their_precision(exported: dict[str, dict[str, str]]):
    def date(event: str) -> tuple[str, str, str]:
        row = exported[event]
        return row["event_date"], row["year"], row["time_precision"]

    assert date("air") == ("2020-05-01", "2020", "1")
    assert date("weekly") == ("2020-04-30", "2020", "2")  # the middle (Thursday) of ISO week 18
    assert date("undated") == (PUBLISHED, "2020", "3")  # the story's date, at ACLED's lowest precision


@pytest.mark.parametrize(
    ("value", "published", "expected"),
    [
        ("2014-01-05", None, ["2014-01-05", "2014", "1"]),
        ("2015-W01", "2015-02-01", ["2015-01-01", "2015", "2"]),
        ("2014-03", None, ["2014-03-15", "2014", "3"]),
        ("2014-Q1", "2014-05-01", ["", "2014", ""]),  # no day ACLED could use
        ("2014", None, ["", "2014", ""]),
        ("199", None, ["", "", ""]),
        (None, "2014-05-01", ["2014-05-01", "2014", "3"]),
        (None, None, ["", "", ""]),
    ],
)
def test_acled_date(value: str | None, published: str | None, expected: list[str]):
    assert acled_date(value, published) == expected


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(7, 1, "17"), (1, 7, "17"), (3, 3, "33"), (6, None, "60"), (None, 2, "20"), (None, None, "")],
)
def test_interaction_puts_the_smaller_code_first(inter1: int | None, inter2: int | None, expected: str):
    assert interaction(inter1, inter2) == expected


def test_notes_with_comma_quote_and_line_break_are_quoted(hand_store: Store, tmp_path: Path):
    out = tmp_path / "acled.csv"
    export(hand_store, "acled-csv", str(out))
    raw = out.read_text(encoding="utf-8")
    assert '"Witnesses said gunmen, shouting ""no one leaves"",\nshot villagers."' in raw
    _, rows = _read(out)
    assert QUOTED_NOTE in [r["notes"] for r in rows]
    assert all(len(r) == len(ACLED_COLUMNS) for r in rows)


def test_timestamp_is_when_the_record_was_stored(db_url: str, tmp_path: Path):
    before = int(dt.datetime.now(dt.UTC).timestamp())
    with Store(db_url) as store:
        store.save([casualty_record()])
        after = int(dt.datetime.now(dt.UTC).timestamp()) + 1
        first, second = tmp_path / "1.csv", tmp_path / "2.csv"
        export(store, "acled-csv", str(first))
        export(store, "acled-csv", str(second))
    (row,) = _read(first)[1]
    assert before <= int(row["timestamp"]) <= after
    assert first.read_bytes() == second.read_bytes(), "the same store exports the same file"


def test_real_records_export_every_asserted_assault(store: Store, tmp_path: Path):
    """On the ingested examples: rows only for asserted events, every asserted ASSAULT among them."""
    out = tmp_path / "acled.csv"
    export(store, "acled-csv", str(out))
    header, rows = _read(out)
    assert header == ACLED_COLUMNS and rows
    events = {f"{e['article_id']}-{e['local_id']}": e for e in asserted_events(store)}
    ids = [r["event_id_cnty"][3:] for r in rows]
    assert len(ids) == len(set(ids)) and set(ids) <= set(events)
    assaults = {key for key, e in events.items() if e["type"] == "ASSAULT"}
    assert assaults and assaults <= set(ids)
    mapped = {"ASSAULT", "PROTEST", "COERCE", "SUPPORT", "AGREE", "RETREAT"}
    assert {events[i]["type"] for i in ids} <= mapped


def test_export_command_writes_acled_csv(hand_store: Store, tmp_path: Path):
    out = tmp_path / "acled.csv"
    result = run_cli("export", "--format", "acled-csv", "--db", hand_store.url, "--out", str(out))
    assert result.returncode == 0, result.stderr
    header, rows = _read(out)
    assert header == ACLED_COLUMNS
    assert f"({len(rows)} acled-csv rows)" in result.stderr
    to_stdout = run_cli("export", "--format", "acled-csv", "--db", hand_store.url)
    assert to_stdout.returncode == 0, to_stdout.stderr
    assert list(csv.reader(io.StringIO(to_stdout.stdout)))[1:] == [list(r.values()) for r in rows]
