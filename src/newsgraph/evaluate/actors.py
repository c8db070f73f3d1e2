"""Score actor detection and coding on public gold: ConfliBERT CAMEO spans and the PLOVER GSR.

ConfliBERT ``cameo_ner`` (test split) marks each sentence's source (S), target (T) and
reciprocal (R) actor spans. We report detection of those spans by any actor mention, and
the role-aware figures: spans of actors our events use as sources / targets against gold
S / T spans (R counts as both). Matching is one-to-one on character overlap.

PLOVER GSR records give each source and target actor's text, CAMEO-style country code and
(often) PLOVER sector. We find our actor whose mention overlaps the gold text and compare
its country and sector.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from newsgraph.evaluate.datasets import require
from newsgraph.evaluate.events import _code
from newsgraph.evaluate.events_gold import PETRARCH_COUNTRY_CODES, NerSentence, read_conflibert_ner, read_plover_gsr
from newsgraph.evaluate.metrics import PRF, Accuracy, Report, Section
from newsgraph.records import Extraction

CharSpan = tuple[int, int]
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i"})


def evaluate(datasets: Path, sample: int | None = None) -> Report:
    report = Report("actors")
    report.sections.append(_conflibert(datasets, sample))
    report.sections.append(_plover(datasets, sample))
    return report


def _conflibert(datasets: Path, sample: int | None) -> Section:
    sentences = read_conflibert_ner(require(datasets / "conflibert_cameo" / "cameo_ner" / "test.txt"))
    sentences = sentences[:sample] if sample else sentences
    texts = [_text_and_offsets(s) for s in sentences]
    records = _code([(text, None) for text, _ in texts])
    detection, sources, targets = PRF(), PRF(), PRF()
    for sentence, (_, offsets), record in zip(sentences, texts, records, strict=True):
        gold = {role: [_char_span(offsets, s.start, s.end) for s in sentence.spans if s.role in roles]
                for role, roles in (("any", ("source", "target", "reciprocal")), ("source", ("source", "reciprocal")), ("target", ("target", "reciprocal")))}
        detection.add(one_to_one(named_mentions(record), gold["any"]))
        sources.add(actors_to_spans(role_mentions(record, "source"), gold["source"]))
        targets.add(actors_to_spans(role_mentions(record, "target"), gold["target"]))
    section = Section("ConfliBERT cameo_ner (test): source/target actor spans", {
        "sentences": len(sentences),
        "gold actor spans found by any actor mention": detection,
        "source spans (actors our events use as source)": sources,
        "target spans (actors our events use as target)": targets,
    })
    section.notes.append("precision of 'any actor mention' counts actors that take part in no gold event as false positives")
    section.notes.append("source/target: each actor an event uses is one prediction, matching every gold span one of its mentions overlaps")
    return section


def _text_and_offsets(sentence: NerSentence) -> tuple[str, list[CharSpan]]:
    offsets, position = [], 0
    for token in sentence.tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(sentence.tokens), offsets


def _char_span(offsets: Sequence[CharSpan], start: int, end: int) -> CharSpan:
    return offsets[start][0], offsets[end - 1][1]


def named_mentions(record: Extraction) -> list[CharSpan]:
    return [(m.start, m.end) for a in record.actors for m in a.mentions if m.text.lower() not in PRONOUNS]


def role_mentions(record: Extraction, role: str) -> list[list[CharSpan]]:
    """Per actor an event uses in ``role``, its mentions in the trigger's sentence."""
    by_actor: dict[str, set[CharSpan]] = {}
    by_id = {a.id: a for a in record.actors}
    for event in record.events:
        for actor_id in event.source if role == "source" else event.target:
            spans = by_actor.setdefault(actor_id, set())
            for mention in by_id[actor_id].mentions:
                if event.evidence.start <= mention.start < event.evidence.end:
                    spans.add((mention.start, mention.end))
    return [sorted(spans) for spans in by_actor.values() if spans]


def actors_to_spans(actors: Iterable[list[CharSpan]], gold: Iterable[CharSpan]) -> PRF:
    """An event's argument is an actor, not one of its spans: an actor matches every gold span one
    of its mentions overlaps ("the Revolutionary United Front (RUF)" is one actor, whichever span
    the annotator marked), and an actor that matches none is one false positive."""
    remaining = list(gold)
    tp = fp = 0
    for spans in actors:
        matched = [g for g in remaining if any(s[0] < g[1] and g[0] < s[1] for s in spans)]
        for g in matched:
            remaining.remove(g)
        tp += len(matched)
        fp += not matched
    return PRF(tp=tp, fp=fp, fn=len(remaining))


def one_to_one(predicted: Iterable[CharSpan], gold: Iterable[CharSpan]) -> PRF:
    """Greedy one-to-one matching of overlapping spans."""
    remaining = list(gold)
    found = list(predicted)
    tp = 0
    for span in found:
        for candidate in remaining:
            if span[0] < candidate[1] and candidate[0] < span[1]:
                remaining.remove(candidate)
                tp += 1
                break
    return PRF(tp=tp, fp=len(found) - tp, fn=len(remaining))


def _plover(datasets: Path, sample: int | None) -> Section:
    records = read_plover_gsr(require(datasets / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"))
    records = records[:sample] if sample else records
    coded = _code([(r.text, None) for r in records])
    found, country, sector, primary = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    for record, extraction in zip(records, coded, strict=True):
        for text, code, gold_sector in (*record.sources, *record.targets):
            start = record.text.find(text)
            if start < 0 or not code:
                continue
            actor = _actor_at(extraction, (start, start + len(text)))
            found.add(actor is not None)
            if actor is None:
                continue
            country.add(_same_country(code, actor.country, actor.cameo))
            if gold_sector:
                sector.add(actor.sector == gold_sector)
                primary.add((actor.sector or "")[:3] == gold_sector[:3].upper())
    section = Section("PLOVER GSR: actor detection and coding", {
        "records": len(records),
        "gold actors found": found,
        "country code correct (of found)": country,
        "sector correct (of found, where gold gives one)": sector,
        "primary sector correct (first three letters)": primary,
    })
    section.notes.append("the gold adds group codes to some sectors (CVLalb, RELCHR, REBHUT); the exact measure counts "
                         "them wrong for a bare sector, the primary measure compares the sector alone")
    return section


def _actor_at(record: Extraction, span: CharSpan):  # type: ignore[no-untyped-def]
    for actor in record.actors:
        for mention in actor.mentions:
            if mention.start < span[1] and span[0] < mention.end:
                return actor
    return None


def _same_country(gold: str, country: str | None, cameo: str | None) -> bool:
    gold = PETRARCH_COUNTRY_CODES.get(gold[:3], gold[:3])
    if country == gold:
        return True
    return bool(cameo) and cameo.startswith(gold)  # type: ignore[union-attr]
