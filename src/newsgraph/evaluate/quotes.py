"""Score the quotes stage on PolNeAR (Newell, Margolin & Ruths, LREC 2018), test split.

PolNeAR annotates every attribution in 1,008 US-election news articles as Source (who),
Cue ("said") and Content (what), in brat standoff files whose offsets index the raw
``text/<stem>.txt`` — so the raw file *is* the article text, used uncleaned to keep the
offsets (its paragraphs are separated by blank lines, a few by single newlines).

Choices, stated so the figures can be read:

* **One annotator per article.** Some articles were annotated by several annotators
  (agreement checks) and have several ``.ann`` files; the one with the alphabetically
  first annotator id is scored.
* **Attributions, not findings.** PolNeAR gives an interrupted quote (“…,” he said, “…”)
  one attribution with a discontinuous Content; our stage gives one finding per stretch.
  So findings sharing a cue span (and carried findings, which carry it) are merged into
  one predicted attribution before matching.
* **Matching.** Word tokens (``\\w+``) of the content; a prediction matches a gold
  attribution when their shared tokens are at least half of *each* (one-to-one, largest
  overlap first).
* **Direct quotes.** PolNeAR does not label them: a gold Content is a direct quote when,
  trimmed, it starts with a quote mark, and *mixed* when it is reported speech holding a
  quoted part ("said he “sort of hopes” …"). Direct-only scores compare the direct gold
  with our ``direct=True`` findings; a direct finding inside a mixed gold Content (the
  partial quote of a reported clause) is counted neither right nor wrong.
* **Scope.** PolNeAR also annotates beliefs, perceptions and evidence ("thinks", "shows",
  "polls found"), which are not speech and are out of our scope; recall on the gold
  attributions whose cue word is in our cue lexicon is reported beside the overall one.
* **Speaker.** On matched attributions whose gold has a Source: correct when our speaker
  head token lies inside the gold Source span, or PolNeAR's Source is a relative pronoun
  and ours is its antecedent ("Barkley, who said": PolNeAR marks "who", we give Barkley,
  which the actor stage can resolve). Pronoun sources ("he", "she") are counted.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.datasets import require
from newsgraph.evaluate.metrics import PRF, Accuracy, Report, Section

if TYPE_CHECKING:
    from newsgraph.document.document import Document
    from newsgraph.quotes import QuoteFinding

SPLIT = "test"
# Share of each side's content tokens two attributions must share to count as the same.
MIN_OVERLAP = 0.5
QUOTE_MARKS = "\"'“”‘’«»„"
DOUBLE_MARKS = ("\"", "“", "”", "«", "»", "„", "''")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PRONOUNS = frozenset("i you he she it we they me him her us them who".split())
_WORD = re.compile(r"\w+")
_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Spans
    cue: Spans
    source: Spans | None  # None for "Attribution-no-source"


@dataclass(frozen=True, slots=True)
class GoldArticle:
    stem: str
    text: str
    published: str | None
    annotator: str
    attributions: tuple[GoldAttribution, ...]
    shared: bool = False  # other annotators' files exist and were left out


@dataclass(frozen=True, slots=True)
class Predicted:
    """Our findings merged into one attribution (same cue span)."""

    tokens: frozenset[int]
    direct: bool
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    """brat standoff → attributions; continuation lines of multi-line span texts are skipped."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _SPAN_LINE.match(line):
            frags = tuple(tuple(int(x) for x in part.split()) for part in match.group(3).split(";"))
            spans[match.group(1)] = (match.group(2), frags)  # type: ignore[assignment]
        elif match := _EVENT_LINE.match(line):
            events.append(dict(arg.split(":", 1) for arg in match.group(2).split()))
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        cue = spans.get(roles.get("Cue", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        out.append(GoldAttribution(content[1], cue[1] if cue else (), source[1] if source else None))
    return tuple(out)


def read_split(datasets: Path, split: str = SPLIT, sample: int | None = None) -> list[GoldArticle]:
    """Articles of one PolNeAR split in file-name order, the first ``sample`` of them if given."""
    root = require(datasets / "polnear")
    dates = _publication_dates(require(root / "metadata.tsv"))
    texts = sorted(require(root / split / "text").glob("*.txt"))
    if not texts:
        raise EvaluationError(f"{root / split / 'text'} holds no articles; check the polnear copy is complete")
    articles = []
    for path in texts[:sample] if sample else texts:
        stem = path.stem
        anns = sorted((root / split / "attributions").glob(f"{stem}_*.ann"))
        if not anns:
            raise EvaluationError(f"no attribution file for {path.name}; check the polnear copy is complete")
        annotator = anns[0].stem.rsplit("_", 1)[1]
        articles.append(GoldArticle(stem, path.read_text(encoding="utf-8"), dates.get(stem), annotator,
                                    read_ann(anns[0]), shared=len(anns) > 1))
    return articles


def _publication_dates(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}


def evaluate(datasets: Path, sample: int | None = None) -> Report:
    """Quote detection and speaker attribution on PolNeAR's test split."""
    return Report("quotes", [score_split(datasets, SPLIT, sample)])


def score_split(datasets: Path, split: str, sample: int | None = None) -> Section:
    from newsgraph.document.document import parse_many
    from newsgraph.quotes import find_quotes
    from newsgraph.text.article import Metadata, make_article

    gold = read_split(datasets, split, sample)
    articles = (make_article(g.text, Metadata(published=g.published), f"polnear/{g.stem}") for g in gold)
    tally = _Tally()
    for item, document in zip(gold, parse_many(articles), strict=True):
        tally.add(item, document, find_quotes(document))
    section = tally.section(f"polnear {split}")
    section.breakdown["articles"] = {"scored": len(gold), "annotated by several (one kept)": sum(g.shared for g in gold)}
    return section


class _Tally:
    def __init__(self) -> None:
        self.all, self.direct, self.in_lexicon = PRF(), PRF(), PRF()
        self.speaker, self.speaker_direct, self.speaker_pronoun = Accuracy(), Accuracy(), Accuracy()
        self.cue, self.no_source_none = Accuracy(), Accuracy()
        self.gold_sources = self.pronoun_sources = self.partial_in_mixed = 0

    def add(self, gold: GoldArticle, document: Document, findings: tuple[QuoteFinding, ...]) -> None:
        words = [(m.start(), m.end()) for m in _WORD.finditer(gold.text)]
        starts = [w[0] for w in words]
        predicted = _merge(findings, starts)
        golds = [g for g in gold.attributions if _tokens(g.content, starts)]
        pairs = _match(predicted, golds, starts)
        _count(self.all, pairs, len(predicted), len(golds))
        self._direct(gold.text, golds, [f for f in findings if f.direct], starts)
        lexical = [g for g in golds if _cue_in_lexicon(document, g.cue)]
        lexical_pairs = _match(predicted, lexical, starts)
        self.in_lexicon.tp += len(lexical_pairs)
        self.in_lexicon.fn += len(lexical) - len(lexical_pairs)
        for pred, g in pairs:
            self._speaker(gold.text, pred, g)

    def _direct(self, text: str, golds: list[GoldAttribution], findings: list[QuoteFinding], starts: list[int]) -> None:
        """Pure gold quotes against our direct findings; a partial quote inside a gold
        reported clause ("said he “sort of hopes” …") is neither right nor wrong here."""
        pure = [g for g in golds if _direct_kind(text, g.content) == "pure"]
        mixed = [_tokens(g.content, starts) for g in golds if _direct_kind(text, g.content) == "mixed"]
        predicted = _merge(findings, starts)
        pairs = _match(predicted, pure, starts)
        matched = {id(p) for p, _ in pairs}
        spare = [p for p in predicted if id(p) not in matched]
        inside_mixed = sum(1 for p in spare if any(len(p.tokens & m) >= MIN_OVERLAP * len(p.tokens) for m in mixed))
        self.direct.tp += len(pairs)
        self.direct.fp += len(spare) - inside_mixed
        self.direct.fn += len(pure) - len(pairs)
        self.partial_in_mixed += inside_mixed

    def _speaker(self, text: str, pred: Predicted, gold: GoldAttribution) -> None:
        if gold.cue:
            self.cue.add(pred.cue_span is not None and _overlaps(pred.cue_span, gold.cue))
        if gold.source is None:
            self.no_source_none.add(pred.speaker_span is None)
            return
        ok = pred.speaker_span is not None and (
            _inside(pred.speaker_span, gold.source) or _antecedent(text, pred.speaker_span, gold.source)
        )
        self.speaker.add(ok)
        self.gold_sources += 1
        if pred.direct:
            self.speaker_direct.add(ok)
        if " ".join(text[a:b] for a, b in gold.source).strip().lower() in PRONOUNS:
            self.pronoun_sources += 1
            self.speaker_pronoun.add(ok)

    def section(self, name: str) -> Section:
        section = Section(name)
        section.metrics.update({
            "attributions (all gold)": self.all,
            "direct quotes": self.direct,
            "recall, gold cue in our lexicon": self.in_lexicon.recall,
            "speaker accuracy (matched)": self.speaker,
            "speaker accuracy (matched direct)": self.speaker_direct,
            "speaker accuracy (gold pronoun)": self.speaker_pronoun,
            "cue accuracy (matched)": self.cue,
            "no speaker where gold has none": self.no_source_none,
        })
        section.breakdown["gold sources on matched"] = {"total": self.gold_sources, "pronouns": self.pronoun_sources}
        section.breakdown["direct findings inside gold reported clauses"] = {"not scored": self.partial_in_mixed}
        section.notes.append(
            f"match = shared word tokens ≥ {MIN_OVERLAP:.0%} of both sides, one-to-one; findings with one cue "
            "span are one attribution; one annotator per article (alphabetically first); gold direct = content "
            "starts with a quote mark; a speaker is right when its head lies in the gold Source (or is the "
            "antecedent of a gold relative pronoun); gold also holds beliefs/evidence (think, show) we do not extract"
        )
        return section


def _merge(findings: list[QuoteFinding] | tuple[QuoteFinding, ...], starts: list[int]) -> list[Predicted]:
    groups: dict[object, list[QuoteFinding]] = {}
    for number, finding in enumerate(findings):
        key = finding.cue_span if finding.cue_span is not None else ("alone", number)
        groups.setdefault(key, []).append(finding)
    merged = []
    for members in groups.values():
        tokens = frozenset().union(*(_tokens(((f.start, f.end),), starts) for f in members))
        speaker = next((f.speaker_span for f in members if f.speaker_span is not None), None)
        if tokens:
            merged.append(Predicted(tokens, any(f.direct for f in members), members[0].cue_span, speaker))
    return merged


def _tokens(spans: Spans, starts: list[int]) -> frozenset[int]:
    import bisect

    found: set[int] = set()
    for a, b in spans:
        found.update(range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)))
    return frozenset(found)


def _match(predicted: list[Predicted], golds: list[GoldAttribution], starts: list[int]) -> list[tuple[Predicted, GoldAttribution]]:
    gold_tokens = [_tokens(g.content, starts) for g in golds]
    candidates = []
    for p, pred in enumerate(predicted):
        for g, tokens in enumerate(gold_tokens):
            shared = len(pred.tokens & tokens)
            if shared and shared >= MIN_OVERLAP * len(tokens) and shared >= MIN_OVERLAP * len(pred.tokens):
                candidates.append((shared, p, g))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _shared, p, g in sorted(candidates, reverse=True):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((predicted[p], golds[g]))
    return pairs


def _count(prf: PRF, pairs: list[tuple[Predicted, GoldAttribution]], n_pred: int, n_gold: int) -> None:
    prf.tp += len(pairs)
    prf.fp += n_pred - len(pairs)
    prf.fn += n_gold - len(pairs)


def _direct_kind(text: str, content: Spans) -> str:
    """pure: the content is a quote (starts with a mark); mixed: reported speech holding a
    quoted part (a double mark inside); else indirect. Single marks inside are apostrophes."""
    words = " ".join(text[a:b] for a, b in content).strip()
    if words[:1] in QUOTE_MARKS:
        return "pure"
    return "mixed" if any(mark in words for mark in DOUBLE_MARKS) else "indirect"


def _antecedent(text: str, speaker: tuple[int, int], source: Spans) -> bool:
    """Gold marks the relative pronoun ("Barkley, who said"); we give its antecedent."""
    start, end = source[0]
    if text[start:end].strip().lower() not in RELATIVE_PRONOUNS:
        return False
    between = text[speaker[1]:start]
    return speaker[1] <= start and len(between) <= 3 and not any(c.isalnum() for c in between)


def _cue_in_lexicon(document: Document, cue: Spans) -> bool:
    from newsgraph.quotes.lexicon import load_lexicon
    from newsgraph.quotes.speakers import cue_at

    lexicon = load_lexicon()
    for a, b in cue:
        span = document.doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(cue_at(t, lexicon) for t in span):
            return True
    return False


def _overlaps(span: tuple[int, int], golds: Spans) -> bool:
    return any(span[0] < b and a < span[1] for a, b in golds)


def _inside(span: tuple[int, int], golds: Spans) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in golds)

