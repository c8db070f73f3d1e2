"""IndiaPoliceEvents: the reader (tiny gold files in tmp_path) and the event → label mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.events_police import india_police_events, police_labels, sentence_labels
from newsgraph.evaluate.police_gold import PoliceArticle, PoliceSentence, read_india_police_events
from newsgraph.records import Actor, Article, Event, Evidence, Extraction, Sentence, Span

HEADER = "This story is from March 5, 2002\n\n"
TEXT = HEADER + "surat: police arrested 12 rioters on tuesday. later police fired ten rounds in the air."


def _write(folder: Path, sentences: list[dict[str, object]], metadata: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sents.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sentences), encoding="utf-8")
    (folder / "metadata.jsonl").write_text("".join(json.dumps(m) + "\n" for m in metadata), encoding="utf-8")
    return folder


def _sentence(doc: int, sent: int, text: str, *labels: str) -> dict[str, object]:
    return {"doc_id": doc, "sent_id": sent, "sent_labels": list(labels), "sent_text": text}


def _gold(folder: Path) -> Path:
    return _write(
        folder,
        [
            _sentence(7, 0, HEADER),
            _sentence(7, 2, "later police fired ten rounds in the air.", "FORCE", "ANY_ACTION"),  # out of order
            _sentence(7, 1, "surat: police arrested 12 rioters on tuesday.", "ARREST", "ANY_ACTION"),
            _sentence(3, 0, "the mob burnt shops while police watched.", "FAIL"),
        ],
        [
            {"doc_id": 3, "date": "", "full_text": "the mob burnt shops while police watched."},
            {"doc_id": 7, "date": "2002-03-05", "url": "http://example.org/7", "full_text": TEXT},
        ],
    )


def test_reader_places_each_sentence_in_its_article(tmp_path: Path) -> None:
    articles = read_india_police_events(_gold(tmp_path / "india_police_events"))
    assert [a.id for a in articles] == [7, 3]  # order of sents.jsonl, not of metadata.jsonl
    seven = articles[0]
    assert (seven.date, seven.text) == ("2002-03-05", TEXT)
    assert [s.id for s in seven.sentences] == [0, 1, 2]
    assert [seven.text[s.start : s.end] for s in seven.sentences] == [
        HEADER, "surat: police arrested 12 rioters on tuesday.", "later police fired ten rounds in the air.",
    ]  # fmt: skip
    assert seven.sentences[1].labels == {"ARREST", "ANY_ACTION"}
    assert articles[1].date is None and articles[1].sentences[0].labels == {"FAIL"}


@pytest.mark.parametrize(
    ("sentence", "metadata", "message"),
    [
        (_sentence(1, 0, "police ran.", "RUN"), {"doc_id": 1, "full_text": "police ran."}, "unknown labels ['RUN']"),
        (_sentence(1, 0, "police walked."), {"doc_id": 1, "full_text": "police ran."}, "is not in the article text"),
        (_sentence(1, 0, "police ran."), {"doc_id": 2, "full_text": "police ran."}, "no article for doc_id 1"),
        ({"doc_id": 1, "sent_text": "police ran."}, {"doc_id": 1, "full_text": "police ran."}, "expected an object with"),
    ],
    ids=["unknown-label", "sentence-not-in-text", "no-metadata", "missing-field"],
)
def test_broken_gold_is_an_evaluation_error(tmp_path: Path, sentence: dict[str, object], metadata: dict[str, object], message: str) -> None:
    with pytest.raises(EvaluationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_india_police_events(_write(tmp_path, [sentence], [metadata]))
    with pytest.raises(EvaluationError, match="is missing"):
        read_india_police_events(tmp_path / "nowhere")


# ---- the mapping -------------------------------------------------------------------------------

POLICE = Actor("a1", "police", "police", country="IND", sector="COP", cameo="INDCOP")
TROOPS = Actor("a2", "security forces", "military", sector="MIL", cameo="MIL")
MOB = Actor("a3", "the mob", "population", sector="CVL", cameo="CVL")
ACTORS = {a.id: a for a in (POLICE, TROOPS, MOB)}


def _event(text: str, trigger: str, type_: str, cameo: str | None, source: str = "a1", **flags: object) -> Event:
    start = text.index(trigger)
    evidence = Evidence(0, 0, len(text), text, Span(start, start + len(trigger), trigger))
    return Event("e1", type_, cameo, (source,), (), evidence, **flags)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "cameo", "source", "flags", "labels"),
    [
        ("police arrested 12 rioters", "arrested", "COERCE", "173", "a1", {}, {"ARREST", "ANY_ACTION"}),
        ("police detained them", "detained", "COERCE", None, "a1", {"mode": ("arrest",)}, {"ARREST", "ANY_ACTION"}),
        ("security forces arrested 12 rioters", "arrested", "COERCE", "173", "a2", {}, {"ARREST", "ANY_ACTION"}),
        ("the mob arrested a man", "arrested", "COERCE", "173", "a3", {}, set()),
        ("police did not arrest anyone", "arrest", "COERCE", "173", "a1", {"negated": True}, set()),
        ("police may arrest them", "arrest", "COERCE", "173", "a1", {"hypothetical": True}, set()),
        ("police will arrest them", "arrest", "COERCE", "173", "a1", {"future": True}, set()),
        ("police threatened to arrest them", "threatened", "THREATEN", "1312", "a1", {"mode": ("arrest",)}, {"ANY_ACTION"}),
        ("police imposed a curfew", "imposed", "COERCE", "1723", "a1", {}, {"ANY_ACTION"}),
        ("police fired on the mob", "fired", "ASSAULT", "193", "a1", {}, {"FORCE", "ANY_ACTION"}),
        ("police lobbed tear gas shells", "lobbed", "ASSAULT", "190", "a1", {}, {"FORCE", "ANY_ACTION"}),
        ("police killed two rioters", "killed", "ASSAULT", "190", "a1", {"killed": 2}, {"KILL", "FORCE", "ANY_ACTION"}),
        ("police shot two rioters, injuring both", "shot", "ASSAULT", "193", "a1", {"injured": 2}, {"FORCE", "ANY_ACTION"}),
        ("police shot two rioters", "shot", "ASSAULT", "193", "a1", {}, {"FORCE", "ANY_ACTION"}),
        ("police beat him to death", "beat", "ASSAULT", "182", "a1", {"killed": 1}, {"KILL", "FORCE", "ANY_ACTION"}),
        ("police gunned down a man", "gunned", "ASSAULT", "1823", "a1", {}, {"KILL", "FORCE", "ANY_ACTION"}),
        ("the mob killed two men", "killed", "ASSAULT", "190", "a3", {"killed": 2}, set()),
        ("police said they would kill them", "kill", "ASSAULT", "190", "a1", {"killed": 2, "future": True}, set()),
        ("police met the leaders", "met", "CONSULT", "040", "a1", {}, {"ANY_ACTION"}),
        ("two men were killed in police firing", "firing", "ASSAULT", "193", "a1", {"killed": 2}, {"KILL", "FORCE", "ANY_ACTION"}),
        ("two men were injured in police firing", "firing", "ASSAULT", "193", "a1", {}, {"FORCE", "ANY_ACTION"}),
    ],
)
def test_police_labels(text: str, trigger: str, type_: str, cameo: str | None, source: str, flags: dict[str, object], labels: set[str]) -> None:
    assert police_labels(_event(text, trigger, type_, cameo, source, **flags), ACTORS) == labels


def test_events_answer_for_the_sentence_holding_their_trigger() -> None:
    first, second = TEXT.index("surat"), TEXT.index("later")
    article = PoliceArticle(7, "2002-03-05", TEXT, (
        PoliceSentence(0, 0, len(HEADER), frozenset()),
        PoliceSentence(1, first, second - 1, frozenset()),
        PoliceSentence(2, second, len(TEXT), frozenset()),
    ))  # fmt: skip
    fired = _event(TEXT, "fired", "ASSAULT", "193")
    arrested = _event(TEXT, "arrested", "COERCE", "173")
    by_mob = _event(TEXT, "fired", "ASSAULT", "193", source="a3")
    record = Extraction(Article(id="x", text=TEXT), "test", actors=(POLICE, MOB), events=(fired, arrested, by_mob))
    assert sentence_labels(article, record) == [frozenset(), {"ARREST", "ANY_ACTION"}, {"FORCE", "ANY_ACTION"}]


def test_a_toll_told_in_the_next_sentence_marks_that_sentence_as_the_killing() -> None:
    text = "police fired on the mob. two persons were killed. the town was calm."
    second, third = text.index("two"), text.index("the town")
    article = PoliceArticle(9, "2002-03-05", text, (
        PoliceSentence(0, 0, second - 1, frozenset()),
        PoliceSentence(1, second, third - 1, frozenset()),
        PoliceSentence(2, third, len(text), frozenset()),
    ))  # fmt: skip
    start = text.index("fired")
    fired = Event("e1", "ASSAULT", "193", ("a1",), (), Evidence(0, 0, third - 1, text[: third - 1], Span(start, start + 5, "fired")),
                  killed=2)
    sentences = (Sentence(0, 0, second - 1, 0), Sentence(1, second, third - 1, 0), Sentence(2, third, len(text), 0))
    record = Extraction(Article(id="x", text=text), "test", sentences=sentences, actors=(POLICE,), events=(fired,))
    assert sentence_labels(article, record) == [{"FORCE", "ANY_ACTION"}, {"KILL"}, frozenset()]


def test_section_scores_coded_articles(tmp_path: Path) -> None:
    """The real pipeline on a two-article gold: the section's shape and its gold counts."""
    _gold(tmp_path / "india_police_events")
    section = india_police_events(tmp_path)
    assert (section.metrics["articles"], section.metrics["sentences"]) == (2, 4)
    assert section.metrics["FAIL (not mapped): gold sentences"] == 1
    assert section.breakdown["ARREST"]["gold sentences"] == 1 and section.breakdown["ANY_ACTION"]["gold sentences"] == 2
    assert {"KILL", "ARREST", "FORCE", "ANY_ACTION"} <= section.metrics.keys()
    assert any(note.startswith("FAIL not mapped") for note in section.notes)
    assert india_police_events(tmp_path, sample=1).metrics["sentences"] == 3
