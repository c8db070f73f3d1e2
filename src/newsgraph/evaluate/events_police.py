"""Score police actions against IndiaPoliceEvents: which of our events answer its questions, per sentence.

IndiaPoliceEvents (Halterman, Keith, Sarwar & O'Connor, Findings of ACL 2021) labels every sentence
of 1,257 Times of India articles (March 2002, the Gujarat violence) with the answers to "did
police kill someone?" (KILL), "… arrest someone?" (ARREST), "… fail to intervene?" (FAIL), "… use
force or violence?" (FORCE, killing included) and "did police do anything?" (ANY_ACTION).

Each article is coded whole, as a user would code it: the metadata ``full_text`` with its
publication date, so that "they" can resolve to the police of the sentence before and "on
saturday" to a day. The text is coded as published (lower-cased, with mojibake) and never
repaired, so event offsets point into the same text the gold sentences were cut from; an
event answers for the gold sentence that holds the first character of its trigger.
:func:`police_labels` is the whole mapping, from one event to the labels it asserts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsgraph.evaluate.datasets import require
from newsgraph.evaluate.metrics import PRF, Section
from newsgraph.evaluate.police_gold import PoliceArticle, read_india_police_events
from newsgraph.pipeline import extract_batch
from newsgraph.records import Actor, Event, Extraction
from newsgraph.text.article import Metadata, make_article

# Sources that count as the police. COP is the police sector; MIL is there because the gold labels
# "security forces" firing on mobs as police force (doc 33, 529, 689), and our dictionary makes
# "security forces", paramilitary units and special task forces of a state's police MIL.
POLICE_SECTORS = frozenset({"COP", "MIL"})
# ARREST: PLOVER COERCE arrest, CAMEO 173 "arrest, detain" (THREATEN arrest is a threat, not an arrest).
ARREST_CODE = "173"
# KILL: a police ASSAULT that kills: one whose record counts the dead (``Event.killed``, read by
# the coder from "shot dead", "killed in police firing", "…, killing one"), or whose CAMEO code is
# a killing (1823 kill by physical assault, 186 assassinate, 200/202 mass violence / mass killing).
# A toll the coder read from the sentence after the attack marks that sentence, which tells it.
KILL_CODES = frozenset({"1823", "186", "200", "202"})
# FORCE: any police ASSAULT (firing, lathi-charges, tear gas, beating, killing). COERCE is not
# force: PLOVER defines it as repression short of bodily violence (arrests, curfews, bans).
MAPPED = ("KILL", "ARREST", "FORCE", "ANY_ACTION")
NOT_MAPPED = {
    "FAIL": "police failing to intervene is an act not done; the coder codes acts, and a negated police "
    "event ('police did not arrest') says nothing of a failure to intervene in violence",
}
BATCH = 64


def india_police_events(datasets: Path, sample: int | None = None) -> Section:
    """Sentence-level P/R/F1 per label; ``sample`` keeps the first N articles (all their sentences)."""
    articles = read_india_police_events(require(datasets / "india_police_events"))
    articles = articles[:sample] if sample else articles
    records = _code(articles)
    per_sentence = {label: PRF() for label in MAPPED}
    per_article = {label: PRF() for label in MAPPED}
    gold_sentences = dict.fromkeys((*MAPPED, *NOT_MAPPED), 0)
    gold_articles = dict.fromkeys(gold_sentences, 0)
    for article, record in zip(articles, records, strict=True):
        found = sentence_labels(article, record)
        for sentence, guessed in zip(article.sentences, found, strict=True):
            for label in MAPPED:
                per_sentence[label].add(_outcome(label in guessed, label in sentence.labels))
        expected = frozenset().union(*(s.labels for s in article.sentences))
        guessed_any = frozenset().union(*found)
        for label in MAPPED:
            per_article[label].add(_outcome(label in guessed_any, label in expected))
        for label in gold_sentences:
            gold_sentences[label] += sum(label in s.labels for s in article.sentences)
            gold_articles[label] += label in expected
    sentences = sum(len(a.sentences) for a in articles)
    section = Section("IndiaPoliceEvents (police actions per sentence)", {"articles": len(articles), "sentences": sentences})
    for label in gold_sentences:
        row: dict[str, object] = {"gold sentences": gold_sentences[label], "gold articles": gold_articles[label]}
        if label in MAPPED:
            section.metrics[label] = per_sentence[label]
            score = per_article[label]
            row |= {"per article P": round(score.precision, 4), "R": round(score.recall, 4), "F1": round(score.f1, 4)}
        else:
            section.metrics[f"{label} (not mapped): gold sentences"] = gold_sentences[label]
            section.notes.append(f"{label} not mapped: {NOT_MAPPED[label]}")
        section.breakdown[label] = row
    section.notes.extend(NOTES)
    return section


NOTES = (
    "each article coded whole (full_text, publication date); an event counts for the gold sentence holding its trigger",
    "police source: an actor of sector COP or MIL; only asserted events (not negated, hypothetical or future)",
    "ARREST ← COERCE arrest / CAMEO 173; FORCE ← ASSAULT; KILL ← ASSAULT whose record counts the dead (killed ≥ 1) "
    "or with CAMEO 1823/186/200/202; ANY_ACTION ← any event with a police source",
    "text as published: lower-cased with mojibake, not repaired; --sample N keeps the first N articles",
)


def police_labels(event: Event, actors: Mapping[str, Actor]) -> frozenset[str]:
    """The IndiaPoliceEvents labels one event asserts."""
    if event.negated or event.hypothetical or event.future:
        return frozenset()
    if not any(actors[a].sector in POLICE_SECTORS for a in event.source if a in actors):
        return frozenset()
    labels = {"ANY_ACTION"}
    if event.type == "COERCE" and (event.cameo == ARREST_CODE or "arrest" in event.mode):
        labels.add("ARREST")
    if event.type == "ASSAULT":
        labels.add("FORCE")
        if event.killed or event.cameo in KILL_CODES:
            labels.add("KILL")
    return frozenset(labels)


def sentence_labels(article: PoliceArticle, record: Extraction) -> list[frozenset[str]]:
    """The labels our events give each gold sentence of the article, in sentence order."""
    starts = [s.start for s in article.sentences]
    found: list[set[str]] = [set() for _ in article.sentences]
    actors = {a.id: a for a in record.actors}
    ends = {s.index: s.end for s in record.sentences}
    for event in record.events:
        labels = police_labels(event, actors)
        index = bisect_right(starts, event.evidence.trigger.start) - 1
        if "KILL" in labels and event.evidence.end > ends.get(event.evidence.sentence, event.evidence.end):
            # the toll was told in the next sentence ("police opened fire. Two persons were killed."):
            # that sentence, not the firing's, says the police killed
            labels -= {"KILL"}
            found[bisect_right(starts, event.evidence.end - 1) - 1].add("KILL")
        if labels and index >= 0:
            found[index] |= labels
    return [frozenset(f) for f in found]


def _outcome(guessed: bool, expected: bool) -> PRF:
    return PRF(tp=int(guessed and expected), fp=int(guessed and not expected), fn=int(expected and not guessed))


def _code(articles: Sequence[PoliceArticle]) -> list[Extraction]:
    items = [make_article(a.text, Metadata(published=a.date), f"india_police_events doc {a.id}") for a in articles]
    out: list[Extraction] = []
    for i in range(0, len(items), BATCH):
        out.extend(extract_batch(items[i : i + BATCH]))
    return out


__all__ = ["india_police_events", "police_labels", "sentence_labels", "POLICE_SECTORS", "MAPPED", "NOT_MAPPED"]
