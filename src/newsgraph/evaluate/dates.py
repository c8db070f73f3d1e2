"""Score the dates stage on TimeML gold: TempEval-3 platinum and MEANTIME (English).

Both sets annotate time expressions (TIMEX3) with a normalised ``value`` and give each
document a creation time (DCT), which we pass as the publication date. For each document
the raw text is rebuilt with gold offsets, parsed, and :func:`newsgraph.dates.find_dates`
run on it. What is compared:

* **gold dates** — TIMEX3 of type DATE, and TIME reduced to its date, minus the DCT itself.
  Excluded and counted: DURATION and SET (not dates here), DATE values that are durations
  (``P5Y``), and ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` ("now", "recently"), which
  name no calendar point. A system date overlapping an excluded reference or the DCT line
  is neither right nor wrong; one overlapping a DURATION or SET is a false positive.
* **detection** — precision / recall / F1 with overlap matching (one-to-one, largest
  overlap first) and with strict span equality.
* **value accuracy** — on overlap matches whose gold value is fully specified: exact
  equality of our value with the gold value, after reducing TIME values to their date
  (``2013-03-22T10:00`` → ``2013-03-22``) and weekends to their ISO week
  (``2013-W11-WE`` → ``2013-W11``). Gold values with ``X`` digits are counted apart.
  dateparser (RELATIVE_BASE = DCT) is scored on the same matches for comparison.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.datasets import require
from newsgraph.evaluate.metrics import PRF, Accuracy, Report, Section
from newsgraph.records import Article, DateRef

REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# Fully specified values we can score: day, week, month, quarter, season, year, decade, century.
SCORABLE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4]|-(?:SP|SU|FA|WI))?|\d{2,3})$")
PRECISION_OF = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"), (re.compile(r"^\d{4}-W\d{2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"), (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-[A-Z]{2}$"), "season"), (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"), (re.compile(r"^\d{2}$"), "century"),
)
# Published peers on TempEval-3 platinum (UzZaman et al. 2013, Task A), for orientation only:
# they also score durations and sets, and "value" there is an attribute F1, not our accuracy.
PEERS = "TempEval-3 Task A peers (all TIMEX types): HeidelTime relaxed F1 0.903, strict F1 0.813, value F1 0.776; SUTime 0.903 / 0.796 / 0.674"


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    kind: str  # date | duration | set | reference | creation
    value: str


@dataclass
class GoldDoc:
    name: str
    text: str
    published: str | None
    timexes: list[Timex] = field(default_factory=list)


def evaluate(datasets: Path, sample: int | None = None) -> Report:
    """Score find_dates on both sets; ``sample`` keeps the first N documents of each."""
    report = Report("dates")
    for name, reader in (("tempeval3_platinum", read_tempeval), ("meantime_en", read_meantime)):
        folder = require(datasets / name)
        docs = reader(folder)
        if sample is not None:
            docs = docs[:sample]
        report.sections.append(score(name, docs))
    return report


def score(name: str, docs: list[GoldDoc]) -> Section:
    from newsgraph.dates import find_dates
    from newsgraph.document.document import parse_many

    section = Section(name)
    overlap, strict = PRF(), PRF()
    values, baseline, counts = Accuracy(), Accuracy(), dict.fromkeys(("duration", "set", "reference", "unscorable"), 0)
    by_precision: dict[str, Accuracy] = {}
    started = time.perf_counter()
    articles = [Article(id=f"{name}/{d.name}", text=d.text, published=d.published) for d in docs]
    for doc, parsed in zip(docs, parse_many(articles), strict=True):
        system = list(find_dates(parsed))
        gold = [t for t in doc.timexes if t.kind == "date"]
        for t in doc.timexes:
            if t.kind in counts:
                counts[t.kind] += 1
        system = [s for s in system if not _ignored(s, doc.timexes)]
        pairs = match(gold, system)
        overlap.add(PRF(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold) - len(pairs)))
        exact = sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end))
        strict.add(PRF(tp=exact, fp=len(system) - exact, fn=len(gold) - exact))
        for g, s in pairs:
            wanted = gold_value(g.value)
            if wanted is None:
                counts["unscorable"] += 1
                continue
            values.add(s.value == wanted)
            by_precision.setdefault(precision_of(wanted), Accuracy()).add(s.value == wanted)
            baseline.add(dateparser_value(s.text, doc.published, wanted) == wanted)
    section.metrics = {
        "documents": len(docs),
        "gold dates": overlap.tp + overlap.fn,
        "detection (overlap)": overlap,
        "detection (strict span)": strict,
        "value accuracy (overlap matches)": values,
        "value accuracy, dateparser (same)": baseline,
        "gold excluded: DURATION": counts["duration"],
        "gold excluded: SET": counts["set"],
        "gold excluded: *_REF": counts["reference"],
        "matched gold with X value": counts["unscorable"],
        "seconds": round(time.perf_counter() - started, 1),
    }
    section.breakdown = {k: v.to_dict() for k, v in sorted(by_precision.items())}
    section.notes.append("gold: DATE + TIME (as date) minus DCT; DURATION, SET, P… and *_REF values excluded")
    if name.startswith("tempeval"):
        section.notes.append(PEERS)
    return section


def _ignored(date: DateRef, timexes: list[Timex]) -> bool:
    """On the DCT line or on a *_REF reference, and on no gold date: neither right nor wrong."""
    def touches(t: Timex) -> bool:
        return t.start < date.end and date.start < t.end

    if any(touches(t) for t in timexes if t.kind == "date"):
        return False
    return any(touches(t) for t in timexes if t.kind in ("creation", "reference"))


def match(gold: list[Timex], system: list[DateRef]) -> list[tuple[Timex, DateRef]]:
    """One-to-one overlap matching, the largest overlaps first."""
    options = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = min(g.end, s.end) - max(g.start, s.start)
            if shared > 0:
                options.append((-shared, gi, si))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in sorted(options):
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gold[gi], system[si]))
    return pairs


def gold_value(value: str) -> str | None:
    """The gold value in our format, or None when underspecified (X digits, FY…)."""
    value = value.split("T", 1)[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", value) else value
    if value.endswith("-WE"):
        value = value[:-3]
    return value if SCORABLE.match(value) else None


def precision_of(value: str) -> str:
    return next((name for pattern, name in PRECISION_OF if pattern.match(value)), "other")


def dateparser_value(text: str, published: str | None, wanted: str) -> str | None:
    """dateparser's reading of ``text`` from the DCT, cut to the gold value's precision."""
    import dateparser

    base = dt.datetime.fromisoformat(published) if published else None
    settings = {"RELATIVE_BASE": base} if base else {}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    precision = precision_of(wanted)
    if precision == "day":
        return parsed.date().isoformat()
    if precision == "week":
        year, week, _ = parsed.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return parsed.strftime("%Y-%m")
    if precision == "year":
        return str(parsed.year)
    return None


# ---------------------------------------------------------------- TempEval-3 (inline TimeML)

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tempeval(folder: Path) -> list[GoldDoc]:
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise EvaluationError(f"no .tml files in {folder}; check the tempeval3_platinum folder is complete")
    return [_tempeval_doc(path) for path in files]


def _tempeval_doc(path: Path) -> GoldDoc:
    raw = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if body is None or dct is None:
        raise EvaluationError(f"{path}: no <TEXT> or no creation-time TIMEX3; the file is not TempEval-3 TimeML")
    text, timexes = _strip_tags(body.group(1))
    published = _iso_date(dict(_ATTR.findall(dct.group(0))).get("value", ""))
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    shifted = [Timex(t.start - lead, t.end - lead, t.kind, t.value) for t in timexes]
    return GoldDoc(path.stem, text, published, shifted)


def _strip_tags(marked: str) -> tuple[str, list[Timex]]:
    """Text without tags (entities decoded) and the TIMEX3 spans in it."""
    parts: list[str] = []
    length = 0
    timexes = []
    opened: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(marked):
        chunk = html.unescape(marked[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            opened = (length, dict(_ATTR.findall(tag.group(3))))
        elif opened is not None:
            start, attrs = opened
            timexes.append(Timex(start, length, timex_kind(attrs), attrs.get("value", "")))
            opened = None
    parts.append(html.unescape(marked[position:]))
    return "".join(parts), timexes


def timex_kind(attrs: dict[str, str]) -> str:
    if attrs.get("functionInDocument") == "CREATION_TIME":
        return "creation"
    kind, value = attrs.get("type", ""), attrs.get("value", "")
    if kind in ("DURATION", "SET"):
        return kind.lower()
    if value in REFERENCES:
        return "reference"
    if value.startswith("P"):
        return "duration"
    return "date"


def _iso_date(value: str) -> str | None:
    """DCT value → YYYY-MM-DD; MEANTIME has one written DD-MM-YYYY (03-02-2009, its dateline
    reads February 03, 2009)."""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    day_first = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", value)
    if day_first:
        return f"{day_first.group(3)}-{day_first.group(2)}-{day_first.group(1)}"
    return None


# ---------------------------------------------------------------- MEANTIME (CAT XML)

_TOKEN = re.compile(r'<token [^>]*?sentence="(\d+)"[^>]*?t_id="(\d+)"[^>]*>(.*?)</token>', re.S)
_TIMEX = re.compile(r"<TIMEX3([^>]*?)(?:/>|>(.*?)</TIMEX3>)", re.S)
# The last sentence MEANTIME annotates with TIMEX3 (0 title, 1 dateline, 2-5 body).
MEANTIME_LAST_SENTENCE = 5
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'", "''", "'re", "'ve", "'ll", "'d", "'m"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "``"})


def read_meantime(folder: Path) -> list[GoldDoc]:
    files = sorted(folder.glob("intra_cross-doc_annotation/*/*.xml"))
    if not files:
        raise EvaluationError(f"no CAT XML files under {folder}/intra_cross-doc_annotation; check the meantime_en folder")
    return [_meantime_doc(path) for path in files]


def _meantime_doc(path: Path) -> GoldDoc:
    """One article cut to its annotated part, with gold TIMEX3 spans and the DCT.

    MEANTIME annotates time expressions in the title, the dateline and the first four
    body sentences only (sentences 0-5; no TIMEX3 anywhere lies beyond), so the text is
    cut there: later dates would count as false positives they are not. Two files mark
    no TIMEX3 as CREATION_TIME; their dateline (sentence 1) date is the DCT.
    """
    raw = path.read_text(encoding="utf-8")
    tokens = [(int(s), t, html.unescape(w)) for s, t, w in _TOKEN.findall(raw)]
    tokens = [tok for tok in tokens if tok[0] <= MEANTIME_LAST_SENTENCE]
    sentence_of = {t_id: sentence for sentence, t_id, _ in tokens}
    text, offsets = _detokenise(tokens)
    timexes, published = [], None
    for attrs_text, inner in _TIMEX.findall(raw):
        attrs = dict(_ATTR.findall(attrs_text))
        ids = [t for t in re.findall(r't_id="(\d+)"', inner or "") if t in offsets]
        if published is None and "CREATION_TIME" not in raw and ids and {sentence_of[t] for t in ids} == {1}:
            attrs["functionInDocument"] = "CREATION_TIME"
        kind = timex_kind(attrs)
        if kind == "creation":
            published = _iso_date(attrs.get("value", ""))
        if not ids:
            continue
        spans = [offsets[t] for t in ids]
        timexes.append(Timex(min(a for a, _ in spans), max(b for _, b in spans), kind, attrs.get("value", "")))
    return GoldDoc(path.stem, text, published, timexes)


def _detokenise(tokens: list[tuple[int, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Tokens → readable text with each token's offsets; the title and dateline (sentences
    0 and 1) become their own paragraphs, as in the published article."""
    out: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, previous_sentence, previous_word = 0, None, ""
    for sentence, t_id, word in tokens:
        if previous_sentence is not None:
            if sentence != previous_sentence and previous_sentence <= 1:
                gap = "\n\n"
            elif word in _NO_SPACE_BEFORE or previous_word in _NO_SPACE_AFTER:
                gap = ""
            else:
                gap = " "
            out.append(gap)
            length += len(gap)
        offsets[t_id] = (length, length + len(word))
        out.append(word)
        length += len(word)
        previous_sentence, previous_word = sentence, word
    return "".join(out), offsets
