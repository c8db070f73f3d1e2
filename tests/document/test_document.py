import subprocess
import sys

from newsgraph.document.document import parse, split_paragraphs
from newsgraph.text.article import Metadata, make_article


def test_import_newsgraph_does_not_import_spacy():
    code = "import sys, newsgraph, newsgraph.records, newsgraph.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sentences_never_cross_paragraphs_and_offsets_hold():
    text = "The talks ended without a deal\n\nDelegates left Geneva. The mediator said talks would resume."
    doc = parse(make_article(text, Metadata(), "test"))
    assert [text[p.start : p.end] for p in doc.paragraphs] == text.split("\n\n")
    sentences = [text[s.start : s.end] for s in doc.sentences]
    assert sentences[0] == "The talks ended without a deal"
    assert all("\n\n" not in s for s in sentences)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]
    for ent in doc.entities:
        assert text[ent.start : ent.end] == ent.text
        sentence = doc.sentences[ent.sentence]
        assert sentence.start <= ent.start < sentence.end


def test_split_paragraphs_skips_empty_chunks():
    assert [(p.start, p.end) for p in split_paragraphs("A b.\n\n\n\nC d.")] == [(0, 4), (8, 12)]


def test_a_wire_dateline_is_found_and_ordinary_openings_are_not():
    def dateline(text: str) -> str | None:
        span = parse(make_article(text, Metadata(), "t")).dateline()
        return text[span[0] : span[1]] if span else None

    assert dateline("GAZA CITY, Palestinian Territories: Four children were killed.") == "GAZA CITY, Palestinian Territories:"
    assert dateline("BAGHDAD, Jan 5 (Reuters) - Iraqi forces shelled Fallujah.").startswith("BAGHDAD, Jan 5 (Reuters) -")
    assert dateline("WASHINGTON — Iran was hit by sanctions.") == "WASHINGTON —"
    assert dateline("NATO, the alliance, said on Monday: no.") is None
    assert dateline("The US said: no.") is None


def test_a_dateline_opening_counts_for_places_when_the_rest_is_unusual():
    def opening(text: str) -> tuple[str, str | None] | None:
        found = next(parse(make_article(text, Metadata(), "t")).datelines(complete=False), None)
        if found is None:
            return None
        qualifier = text[found.qualifier[0] : found.qualifier[1]] if found.qualifier else None
        return text[found.place[0] : found.place[1]], qualifier

    assert opening("KABUL, Afghanistan — Troops moved in.") == ("KABUL", "Afghanistan")
    assert opening("NEW YORK (AP) — Stocks fell.") == ("NEW YORK", None)
    assert parse(make_article("NEW YORK (AP) — Stocks fell.", Metadata(), "t")).dateline() is None
    assert opening("The US said: no.") is None


def test_a_dateline_is_not_the_root_of_the_first_sentence():
    text = ("bhopal: police arrested over 40 party workers when the latter tried to block the traffic on the bridge.\n\n"
            "MOSUL (Reuters) - Troops shelled the old city.\n\nHe said: we will stay.")
    doc = parse(make_article(text, Metadata(published="2019-03-04"), "t"))
    roots = [t.lemma_ for t in doc.doc if t.dep_ == "ROOT"]
    assert "arrest" in roots and "shell" in roots  # each story's verb heads its sentence
    said = next(t for t in doc.doc if t.lower_ == "said")
    assert said.dep_ == "ROOT" and said.sent.text.endswith("stay.")  # "He said:" opens no dateline
