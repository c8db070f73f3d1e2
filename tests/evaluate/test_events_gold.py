"""Gold readers for the event evaluation; the counts are each dataset folder's README figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pycountry
import pytest

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.events_gold import (
    ACLED_TO_PLOVER,
    OLD_PLOVER_TYPES,
    PETRARCH_COUNTRY_CODES,
    GoldFile,
    read_case2021,
    read_conflibert_class,
    read_conflibert_ner,
    read_petrarch_records,
    read_plover_gsr,
)
from newsgraph.events.tables import plover_types
from tests.conftest import DATASETS

PETRARCH = DATASETS / "petrarch_validation"
UD = PETRARCH / "ud_petrarch_2_02" / "PETR_Validate_records_2_02.xml"
UNIT = PETRARCH / "petrarch2_unittest" / "PETR.UnitTest.records.xml"
GSR = PETRARCH / "petr2_gsr" / "PETR2_GSR_validation.xml"
CONFLIBERT = DATASETS / "conflibert_cameo"
CASE = DATASETS / "case2021_task2_acled" / "test_set_final_release_with_labels.tsv"


def _summary(gold: GoldFile) -> tuple[int, int, int]:
    s = gold.sentences
    return len(s), sum(len(x.codings) for x in s), sum(x.noevents for x in s)


@pytest.mark.parametrize(
    ("path", "records", "codings", "noevents"),
    [(UD, 274, 322, 20), (UNIT, 284, 359, 19), (GSR, 78, 80, 12)],
    ids=["ud-petrarch", "petrarch2-unittest", "petr2-gsr"],
)
def test_petrarch_counts_match_the_readme(path: Path, records: int, codings: int, noevents: int) -> None:
    gold = read_petrarch_records(path)
    assert _summary(gold) == (records, codings, noevents)
    assert all(s.text and s.id for s in gold.sentences)
    assert all(not (s.noevents and s.codings) for s in gold.sentences)
    assert len({s.id for s in gold.sentences}) > 0.95 * records


def test_ud_records_fields_and_environment() -> None:
    gold = read_petrarch_records(UD)
    first = gold.sentences[0]
    assert (first.id, first.category, first.date, first.evaluate) == ("DEMO-01", "DEMO", "1995-01-01", True)
    assert first.codings == (("050", "ARN", "GON"),)
    assert first.text.startswith("Arnor is about to restore full diplomatic ties with Gondor almost five years")
    assert "\n" not in first.text and "  " not in first.text
    assert sum(not s.evaluate for s in gold.sentences) == 10
    categories = Counter(s.category for s in gold.sentences)
    assert (categories["DEMO"], categories["SYNSET"], categories["COMPOUND"], categories["DATE"]) == (35, 52, 37, 21)
    assert gold.include == ("DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PATTERN", "DATE", "MODIFY", "SYNSET")
    assert gold.dictionaries["Verbfile"] == ("PETR_Validate_verbs_2_02.txt",)
    assert "Errorfile" not in gold.dictionaries
    assert all(s.category in gold.include and s.evaluate for s in gold.selected())


def test_unit_test_records_use_the_sentence_flag() -> None:
    gold = read_petrarch_records(UNIT)
    # BENCHMARKS.md: the validator's subset (sentence="true", category in <Include>) has 278 records
    assert len(gold.selected()) == 278
    assert gold.dictionaries["Actorfile"] == ("PETR.Validate.actors.txt",)
    assert any(s.errors for s in gold.sentences)  # <EventCoding error="…"> markers are kept apart


def test_gsr_records_dates_and_dictionaries() -> None:
    gold = read_petrarch_records(GSR)
    categories = Counter(s.category for s in gold.sentences)
    assert categories == Counter({"OTHER": 23, "AFP": 18, "TEST": 11, "GOLD": 10, "VERB": 8, "PASSIVE": 8})
    odd = [s for s in gold.sentences if s.raw_date == "121108"]
    assert len(odd) == 1 and odd[0].date is None
    assert all(s.date and len(s.date) == 10 for s in gold.sentences if s.raw_date != "121108")
    assert gold.dictionaries["Actorfile"] == (
        "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
    )
    rebuilt = next(s for s in gold.sentences if s.id == "abc12_3")  # empty <Text>: rebuilt from its parse
    assert rebuilt.text.startswith("Boko Haram has launched")
    by_id = {s.id: s for s in gold.sentences}
    assert ("042", "USA", "CHN") in by_id["AFP0808020625_4"].codings


def test_plover_gsr_counts_and_mapping() -> None:
    records = read_plover_gsr(DATASETS / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    assert len(records) == 322
    old = Counter(r.event for r in records)
    assert old == Counter({
        "AGREE": 40, "DEMAND": 34, "REJECT": 34, "THREATEN": 29, "PROTEST": 27, "COERCE": 18, "FIGHT": 17,
        "DISAPPROVE": 16, "ASSAULT": 15, "RETREAT": 14, "SANCTION": 14, "SUPPORT": 12, "CONCEDE": 12,
        "CONSULT": 11, "AID": 10, "INVESTIGATE": 9, "MOBILIZE": 6, "COOPERATE": 4,
    })  # fmt: skip
    new = Counter(r.plover for r in records)
    assert set(new) <= set(plover_types())
    assert new["ASSAULT"] == 15 + 17 and new["ACCUSE"] == 16 + 9 and new["REQUEST"] == 34
    assert {r.implied_mode for r in records if r.event == "INVESTIGATE"} == {"investigate"}
    assert sum(bool(r.sources) for r in records) == 321
    # README counts 289 non-empty targets, one of them the string "diplomatic" (no actor)
    assert sum(bool(r.targets) for r in records) == 288
    assert sum(r.event_loc is not None for r in records) == 48
    first = records[0]
    assert first.sources == (("Hungarian", "HUN", "GOV"), ("Romanian", "ROU", "GOV"))
    assert ("Geneva", "CH") in {r.event_loc for r in records}


def test_country_codes_of_the_gold_are_iso_after_the_mapping() -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    non_state = {"IGO", "NGO", "IMG", "ISM"}
    codes = {a[1] for r in read_plover_gsr(DATASETS / "plover_gsr" / "PLOVER_GSR_CAMEO.txt") for a in r.sources + r.targets}
    assert {PETRARCH_COUNTRY_CODES.get(c, c) for c in codes} - iso <= non_state
    assert set(PETRARCH_COUNTRY_CODES) <= codes and set(PETRARCH_COUNTRY_CODES.values()) <= iso
    gsr = read_petrarch_records(GSR)
    prefixes = {code[:3] for s in gsr.sentences for c in s.codings for code in c[1:] if code}
    assert prefixes - iso <= non_state | {"---"}


def test_old_plover_types_map_into_the_16() -> None:
    assert {new for new, _ in OLD_PLOVER_TYPES.values()} <= set(plover_types())


def test_conflibert_class_counts() -> None:
    train = read_conflibert_class(CONFLIBERT / "cameo_class" / "train.tsv")
    test = read_conflibert_class(CONFLIBERT / "cameo_class" / "test.tsv")
    assert len(train) == 1349 and len(test) == 451
    assert Counter(label for _, label in train) == Counter({0: 240, 1: 248, 2: 303, 3: 337, 4: 221})
    assert train[0][0].startswith("In September, a car bomb in Kiev") and train[0][1] == 4


def test_conflibert_ner_spans() -> None:
    train = read_conflibert_ner(CONFLIBERT / "cameo_ner" / "train.txt")
    test = read_conflibert_ner(CONFLIBERT / "cameo_ner" / "test.txt")
    assert len(train) == 1153 and len(test) == 451
    tags = Counter(t for s in train for t in s.tags)
    assert (tags["B-S"], tags["B-T"], tags["B-R"]) == (1094, 963, 102)
    roles = Counter(span.role for s in train for span in s.spans)
    assert roles["target"] == 963 and roles["reciprocal"] == 102
    assert roles["source"] == 1094 + 3  # three I-S tags follow a B-T in the data: each starts a span
    first = train[0]
    assert [(s.role, s.text) for s in first.spans] == [("source", "a car bomb"), ("target", "another ethnic Chechen")]
    assert all(s.text == " ".join(x.tokens[s.start : s.end]) for x in train for s in x.spans)


def test_case2021_counts_and_the_acled_mapping() -> None:
    snippets = read_case2021(CASE)
    assert len(snippets) == 1019
    labels = Counter(s.label for s in snippets)
    assert len(labels) == 30
    assert (labels["ARMED_CLASH"], labels["DISR_WEAP"], labels["OTHER"], labels["ATTRIB"]) == (66, 58, 8, 28)
    assert set(labels) == set(ACLED_TO_PLOVER)
    kinds = plover_types()
    for label, mapped in ACLED_TO_PLOVER.items():
        if mapped is not None:
            kind, mode = mapped
            assert kind in kinds and (mode is None or mode in kinds[kind].modes), label
    assert ACLED_TO_PLOVER["AIR_STRIKE"] == ("ASSAULT", "aerial") and ACLED_TO_PLOVER["NATURAL_DISASTER"] is None
    assert sum(s.plover is not None for s in snippets) == 711


def test_missing_or_broken_gold_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="is missing"):
        read_petrarch_records(tmp_path / "nope.xml")
    bad = tmp_path / "class.tsv"
    bad.write_text("a sentence\t7\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"class\.tsv:1: expected 'sentence<TAB>label 0-4'"):
        read_conflibert_class(bad)
    empty = tmp_path / "empty.xml"
    empty.write_text("<Validation></Validation>\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="no <Sentence> records"):
        read_petrarch_records(empty)
