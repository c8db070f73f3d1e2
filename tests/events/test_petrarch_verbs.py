"""Reading PETRARCH verb dictionaries: the real Phoenix and validation dictionaries, and the pattern grammar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon_row import LexiconRow
from newsgraph.events.petrarch_verbs import (
    VerbDictionary,
    frame_of_pattern,
    parse_verb_dictionary,
    read_verb_dictionary,
    singular,
)
from newsgraph.events.tables import cameo_codes, cameo_to_plover
from tests.conftest import DATASETS

CAMEO_2 = DATASETS / "cameo_phoenix_dictionaries" / "CAMEO.2.0.txt"
UNIT_VERBS = DATASETS / "petrarch_validation" / "petrarch2_unittest" / "PETR.Validate.verbs.txt"
UD_VERBS = DATASETS / "petrarch_validation" / "ud_petrarch_2_02" / "PETR_Validate_verbs_2_02.txt"


@pytest.fixture(scope="module")
def phoenix() -> VerbDictionary:
    return read_verb_dictionary(CAMEO_2)


def _rows(d: VerbDictionary, trigger: str, **where: object) -> list[LexiconRow]:
    return [r for r in d.rows if r.trigger == trigger and all(getattr(r, k) == v for k, v in where.items())]


def _pattern_lines(path: Path) -> set[int]:
    return {
        n for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if line.startswith("-") and not line.startswith("---")
    }  # fmt: skip


def test_counts_match_the_dataset_readme(phoenix: VerbDictionary) -> None:
    # ../shared/datasets/README.md: CAMEO.2.0.txt has 397 verb blocks and 4,668 "-" patterns
    assert phoenix.blocks == 397
    assert phoenix.patterns == 4668
    assert phoenix.verbs > 1500
    assert len(phoenix.synsets) == len(re.findall(r"^&", CAMEO_2.read_text(encoding="utf-8"), flags=re.M))
    assert len(phoenix.rows) > 20000


def test_every_pattern_gives_rows_or_is_reported(phoenix: VerbDictionary) -> None:
    from_rows = {int(m.group(1)) for r in phoenix.rows if (m := re.match(r"CAMEO\.2\.0\.txt:(\d+) ", r.note))}
    reported = {s.line for s in phoenix.skipped}
    assert _pattern_lines(CAMEO_2) <= from_rows | reported
    assert all(s.reason and s.kind for s in phoenix.skipped)
    kinds = phoenix.skipped_by_kind()
    assert {"null-code", "reverse-code", "pre-verb", "no-plover", "duplicate"} <= set(kinds)
    assert sum(kinds.values()) < phoenix.patterns / 2  # most patterns convert


def test_every_row_code_is_in_the_cameo_table_with_its_plover_type(phoenix: VerbDictionary) -> None:
    codes = cameo_codes()
    for row in phoenix.rows:
        assert row.cameo in codes
        assert (row.type, row.mode) == cameo_to_plover(row.cameo) or (row.cameo[:2], row.type) == ("02", "REQUEST")
        assert row.type is not None  # rows without a PLOVER type are reported by default
        assert row.pos == "VERB" and row.source_dictionary == "CAMEO.2.0.txt"
        assert row.trigger == row.trigger.lower() and "_" not in row.trigger and row.target
    keys = [(r.trigger, r.pos, r.object, r.prep) for r in phoenix.rows]
    assert len(keys) == len(set(keys))


def test_known_verbs_keep_their_default_code(phoenix: VerbDictionary) -> None:
    (visit,) = _rows(phoenix, "visit", object=(), prep=None)  # --- VISIT [042:043] ---
    assert (visit.cameo, visit.type, visit.mode, visit.target[0]) == ("042", "CONSULT", "visit", "dobj")
    assert "prep:of" in visit.target  # as in PETRARCH, the first actor after the verb: "warned of X"
    (expel,) = _rows(phoenix, "expel", object=(), prep=None)  # EXPEL under --- DEPORT [174] ---
    assert (expel.cameo, expel.type, expel.mode) == ("174", "COERCE", "deport")
    (condemn,) = _rows(phoenix, "condemn", object=(), prep=None)  # CONDEMN [111]: its own code
    assert (condemn.cameo, condemn.type) == ("111", "ACCUSE")
    (crack,) = _rows(phoenix, "crack down", object=(), prep=None)  # +CRACK_DOWN: a phrasal trigger
    assert crack.type is not None


def test_known_patterns_become_frames(phoenix: VerbDictionary) -> None:
    # AGREE block: "- * (WITH) [030]": a bare phrase is where the target sits
    (agree_with,) = _rows(phoenix, "agree", prep="with", object=())
    assert (agree_with.cameo, agree_with.type, agree_with.target) == ("030", "AGREE", ("prep:with",))
    # DEPORT block: "- * &WEAPON [0873]": the synset's members are the object lemmas
    (remove_weapons,) = [r for r in _rows(phoenix, "remove", cameo="0873") if "gun" in r.object]
    assert {"weapon", "gun", "missile"} <= set(remove_weapons.object)
    assert remove_weapons.type == "RETREAT" and "prep:to" in remove_weapons.target
    # ARRANGE block: "- * DOWN RIOT [175]": particle joins the trigger, the noun is the object
    (put_down,) = _rows(phoenix, "put down", object=("riot",))
    assert put_down.cameo == "175" and put_down.type == "ASSAULT"
    # ACCELERATE block: "- * POLICE (TO BORDER) [153]": the phrase's noun is dropped and said so
    (rush_police,) = _rows(phoenix, "rush", object=("police",))
    assert rush_police.prep == "to" and rush_police.cameo == "153" and "approximated, dropped (TO BORDER)" in rush_police.note
    # and "- * (TO BORDER) [154]" collides with the exact "- * (TO) [042:043]": the exact one wins
    (rush_to,) = _rows(phoenix, "rush", object=(), prep="to")
    assert rush_to.cameo == "042" and "second code 043 not kept" in rush_to.note
    assert any(s.kind == "duplicate" and "(TO BORDER)" in s.text for s in phoenix.skipped)
    # a coder takes the first row that fits: "rush aid to X" must meet the object rows before "rush to"
    rush = [r for r in phoenix.rows if r.trigger == "rush"]
    order = [2 * bool(r.object) + bool(r.prep) for r in rush]
    assert order == sorted(order, reverse=True) and rush.index(rush_to) > rush.index(rush_police)


def test_unconvertible_patterns_say_why(phoenix: VerbDictionary) -> None:
    by_text = {" ".join(s.text.split()): s for s in phoenix.skipped}
    assert by_text["- PILGRIMS * [---]"].kind == "null-code"  # the code is read first
    assert by_text["- &MILITARY * [154]"].kind == "pre-verb"
    assert by_text["- * (BEFORE COURT) [:173]"].kind == "reverse-code"
    assert any(s.kind == "no-plover" and "CAMEO 01" in s.reason for s in phoenix.skipped)


def test_appeals_are_requests_as_in_our_own_lexicon(phoenix: VerbDictionary) -> None:
    """CAMEO's 2021 PLOVER table leaves appeals (02x) unmapped; our lexicon codes "urge" and
    "appeal to" as REQUEST, so a user's appeal verbs are requests too, with the mode their code names."""
    appeals = [r for r in phoenix.rows if r.cameo.startswith("02")]
    assert appeals and all(r.type == "REQUEST" for r in appeals)
    assert {r.mode for r in appeals if r.cameo.startswith("023")} == {"assist"}
    assert not any(s.kind == "no-plover" and "CAMEO 02" in s.reason for s in phoenix.skipped)


def test_keep_unmapped_keeps_statements() -> None:
    kept = read_verb_dictionary(CAMEO_2, keep_unmapped=True)
    statements = [r for r in kept.rows if r.cameo.startswith("01")]
    assert statements and all(r.type is None and r.mode is None for r in statements)
    assert "no-plover" not in kept.skipped_by_kind()


@pytest.mark.parametrize("path", [UNIT_VERBS, UD_VERBS], ids=["petrarch2-unittest", "ud-petrarch-2.02"])
def test_validation_dictionaries_convert_and_report_their_weis_codes(path: Path) -> None:
    d = read_verb_dictionary(path)
    assert d.blocks == len(re.findall(r"^---", path.read_text(encoding="utf-8"), flags=re.M))
    assert d.rows and all(r.cameo in cameo_codes() for r in d.rows)
    unknown = [s for s in d.skipped if s.kind == "unknown-code"]
    assert unknown and all("is not a CAMEO code of cameo.tsv" in s.reason for s in unknown)
    from_rows = {int(m.group(1)) for r in d.rows if (m := re.match(r"\S+:(\d+) ", r.note))}
    assert _pattern_lines(path) <= from_rows | {s.line for s in d.skipped}


SMALL = """\
<!-- a made-up dictionary in PETRARCH format -->
&ARMS
+GUN
+TANK_
+HEAVY_ARTILLERY
&PREPS_
+AGAINST
+AT

--- SEND   [---]  ---
SEND {SENT SENDING SENDS}
DISPATCH [072]   # a verb with its own code
+SHIP_OUT
+ASK_FOR [1032]
- * &ARMS (TO +)                [072]
- * {ARMOURED TROOPS}           [154]
- $ * (TO)                      [042:043]
- &ARMS *                       [154]
- * %                           [062]
- * (FOR HELP)                  [020]
- * (FOR COMMENT)               [011]
- * BULLETS &PREPS             [190]
- * OUT {AID CONVOY}            [073]
- * (TO) (FROM $)               [042]
- * NOTHING                     [---]
- * DEAL (WITH) + NOW           [057]
- * CLAIM (AGAINST) +           [115]
"""


def test_pattern_grammar_on_a_small_dictionary() -> None:
    d = parse_verb_dictionary(SMALL, "small.txt")
    assert (d.blocks, d.verbs, d.patterns) == (1, 4, 13)
    rows = {(r.trigger, r.object, r.prep): r for r in d.rows}
    arms = rows[("send", ("gun", "tank", "artillery"), "to")]
    assert (arms.cameo, arms.type, arms.target) == ("072", "AID", ("prep:to",))
    troops = rows[("send", ("armoured troops", "armoured troop"), None)]
    assert troops.type == "MOBILIZE" and "dropped" not in troops.note  # one modifier stays part of the object
    assert rows[("send", (), "to")].cameo == "042"
    assert {rows[("send", ("bullets", "bullet"), p)].target for p in ("against", "at")} == {("prep:against",), ("prep:at",)}
    assert rows[("send out", ("aid convoy",), None)].cameo == "073"  # particle + NP (modifier kept)
    assert rows[("dispatch", (), None)].cameo == "072"  # own code; SEND has the null default: no bare row
    assert ("send", (), None) not in rows
    assert rows[("ask", (), "for")].cameo == "1032"  # +ASK_FOR: compound verb with a preposition
    assert rows[("ship out", ("gun", "tank", "artillery"), "to")].cameo == "072"  # patterns reach phrasal verbs
    kinds = {s.text.split("[")[0].strip(): s.kind for s in d.skipped}
    assert kinds["- &ARMS *"] == "pre-verb"
    assert kinds["- * %"] == "compound-marker"
    assert kinds["- * (FOR COMMENT)"] == "no-plover"  # a statement (01x) is no PLOVER event
    assert (rows[("send", (), "for")].cameo, rows[("send", (), "for")].type) == ("020", "REQUEST")  # an appeal is a request
    assert kinds["- * (TO) (FROM $)"] == "source-after-verb"
    assert kinds["- * NOTHING"] == "null-code"
    assert kinds["- * DEAL (WITH) + NOW"] == "several-nouns"  # a word after a closed phrase
    assert rows[("send", ("claim",), "against")].target == ("prep:against",)  # "+" after "( )" is its object


def test_frames_of_single_patterns() -> None:
    synsets = {"&WEAPON": ["GUN", "ROCKET"]}
    frame = frame_of_pattern("- * {AIR RAID} (AGAINST) [195]", synsets)
    assert not isinstance(frame, tuple)
    assert (frame.object, frame.preps, frame.targets("against"), frame.dropped) == (("air raid",), ("against",), ("prep:against",), ())
    assert frame_of_pattern("- * &NOPE [190]", synsets) == ("undefined-synset", "synset &NOPE is not defined in the file")
    assert frame_of_pattern("- * (TO [042]", synsets)[0] == "unbalanced"  # type: ignore[index]
    assert frame_of_pattern("- * TALKS", synsets)[0] == "no-code"  # type: ignore[index]


def test_singular_forms_meet_spacy_lemmas() -> None:
    assert [singular(w) for w in ("sanctions", "forces", "militias", "talks", "crisis", "news", "boxes", "knives")] == [
        "sanction", "force", "militia", "talk", "crisis", "news", "box", "knife",
    ]


def test_not_a_dictionary_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"notes\.txt: no '--- VERB \[code\] ---' blocks"):
        parse_verb_dictionary("just some text\n", "notes.txt")
    with pytest.raises(ConfigError, match=r"cannot read the verb dictionary"):
        read_verb_dictionary(tmp_path / "missing.txt")


def test_a_users_verb_dictionary_overrides_the_built_in_row_of_equal_reach(tmp_path: Path) -> None:
    from newsgraph.pipeline import Options, extract
    from newsgraph.text.article import Metadata, make_article

    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- CONDEMN   [122]  ---\nCONDEMN {CONDEMNED CONDEMNING CONDEMNS}\n", encoding="utf-8")
    article = make_article("Turkey condemned Greece on Monday.", Metadata(published="2016-05-02"), "test")
    ours = {e.cameo for e in extract(article).events}
    theirs = {e.cameo for e in extract(article, Options(verb_files=(verbs,))).events}
    assert "122" not in ours and theirs == {"122"}


def _coded_with_verbs(tmp_path: Path, dictionary: str, text: str, cameo: str) -> tuple[list[str | None], list[str | None], bool]:
    """The countries of source and target of the one event coded ``cameo`` with a user verb dictionary."""
    from newsgraph.pipeline import Options, extract
    from newsgraph.text.article import Metadata, make_article

    verbs = tmp_path / "verbs.txt"
    verbs.write_text(dictionary, encoding="utf-8")
    record = extract(make_article(text, Metadata(published="2016-05-02"), "test"), Options(verb_files=(verbs,)))
    (event,) = [e for e in record.events if e.cameo == cameo]
    by_id = {a.id: a.country for a in record.actors}
    return [by_id[i] for i in event.source], [by_id[i] for i in event.target], event.reciprocal


def test_a_party_named_deep_in_the_object_is_the_target_but_not_a_party_to_the_act(tmp_path: Path) -> None:
    found = _coded_with_verbs(tmp_path, "--- WELCOME   [041]  ---\nWELCOME {WELCOMED WELCOMING WELCOMES}\n",
                              "Egypt welcomed the resumption of formal diplomatic ties with Israel.", "041")
    assert found == (["EGY"], ["ISR"], False)


def test_an_object_pattern_aims_its_act_at_the_at_phrase(tmp_path: Path) -> None:
    found = _coded_with_verbs(tmp_path, "--- FIRE  [071]  ---\nFIRE\n- * ARTILLERY  [194]\n",
                              "North Korea fired two artillery shells at Japan on Thursday.", "194")
    assert found[:2] == (["PRK"], ["JPN"])
