"""Score the event coder on public gold: PETRARCH records, PLOVER GSR, ConfliBERT, CASE 2021,
IndiaPoliceEvents (police actions per sentence, :mod:`newsgraph.evaluate.events_police`).

PETRARCH sets (BENCHMARKS.md): a coding is the triple (source code, target code, CAMEO
code); ours are every source × target pair of every event (an event without a target
pairs with ""). Exact match needs the full CAMEO code, "root" its first two digits; actor
codes must match exactly in both. Micro-averaged over records; events that stay negated
in CAMEO's terms (a refused attack has no CAMEO code) are not counted as codings, since
CAMEO cannot express them. The unit-test and UD sets are coded with the fictional-actor
and verb dictionaries their files name, loaded as user dictionaries (``--actors``,
``--verbs``) — exactly what a user would do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsgraph.actors.grammar import SECTOR_CODES
from newsgraph.evaluate.datasets import require
from newsgraph.evaluate.events_gold import (
    GoldFile,
    GoldSentence,
    PloverRecord,
    read_case2021,
    read_conflibert_class,
    read_petrarch_records,
    read_plover_gsr,
)
from newsgraph.evaluate.events_police import india_police_events
from newsgraph.evaluate.metrics import PRF, Accuracy, Report, Section
from newsgraph.pipeline import Options, extract_batch
from newsgraph.records import Event, Extraction
from newsgraph.text.article import Metadata, make_article

Coding = tuple[str, str, str]  # (source code, target code, CAMEO code)
# The other side of a two-sided CAMEO act: whoever is visited hosts the visit.
RECIPROCAL_CODES = {"042": "043", "043": "042"}
PETRARCH_SETS = (
    ("PETR-2 GSR (real sentences)", "petrarch_validation/petr2_gsr/PETR2_GSR_validation.xml", None, False),
    ("PETR-2 GSR, AFP wire sentences only", "petrarch_validation/petr2_gsr/PETR2_GSR_validation.xml", "AFP", False),
    ("PETRARCH-2 unit tests (all)", "petrarch_validation/petrarch2_unittest/PETR.UnitTest.records.xml", None, True),
    ("UD-PETRARCH 2.02 evaluated subset", "petrarch_validation/ud_petrarch_2_02/PETR_Validate_records_2_02.xml", None, True),
)
# PETRARCH-2's own figures on the same sets (BENCHMARKS.md): exact F1, root F1.
PEER_FIGURES = {
    "PETR-2 GSR (real sentences)": "PETRARCH-2: P 0.81 / R 0.83 / F1 0.82, root F1 0.90 (gold partly made by PETRARCH-2 itself)",
    "PETR-2 GSR, AFP wire sentences only": "PETRARCH-2: F1 0.50",
    "PETRARCH-2 unit tests (all)": "PETRARCH-2: P 0.54 / R 0.33 / F1 0.41, root F1 0.48",
    "UD-PETRARCH 2.02 evaluated subset": "PETRARCH-2: P 0.67 / R 0.50 / F1 0.57, root F1 0.59",
}
# ConfliBERT penta-class from the CAMEO root (Phoenix convention; 16 counts as verbal conflict).
PENTA = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3}
BATCH = 64


def evaluate(datasets: Path, sample: int | None = None) -> Report:
    report = Report("events")
    for name, relative, category, own_dictionaries in PETRARCH_SETS:
        report.sections.append(_petrarch(datasets, name, relative, category, own_dictionaries, sample))
    report.sections.append(_plover_gsr(datasets, sample))
    report.sections.append(_conflibert(datasets, sample))
    report.sections.append(_case2021(datasets, sample))
    report.sections.append(india_police_events(datasets, sample))
    return report


# -- PETRARCH records ---------------------------------------------------------------------


def _petrarch(datasets: Path, name: str, relative: str, category: str | None, own: bool, sample: int | None) -> Section:
    path = require(datasets / relative)
    gold = read_petrarch_records(path)
    sentences = [s for s in (gold.selected() if own else gold.sentences) if s.evaluate and s.text.strip()]
    if category:
        sentences = [s for s in sentences if s.id.startswith(category)]
    if own and "UD" not in name:
        sentences = list(gold.sentences)  # BENCHMARKS scores all 284 unit tests
    sentences = sentences[:sample] if sample else sentences
    options = _dictionaries(gold, path.parent) if own else Options()
    records = _code([(s.text, s.date) for s in sentences], options)
    exact, root, per_root = PRF(), PRF(), _per_root()
    extra_events = 0
    for sentence, record in zip(sentences, records, strict=True):
        predicted = codings(record)
        expected = set() if sentence.noevents else {_clean(c) for c in sentence.codings}
        exact.add(_match(predicted, expected, lambda c: c))
        root.add(_match(predicted, expected, lambda c: (c[0], c[1], c[2][:2])))
        extra_events += len(predicted - expected)
        for code in {c[2][:2] for c in expected | predicted}:
            per_root[code].add(_match({c for c in predicted if c[2][:2] == code}, {c for c in expected if c[2][:2] == code}, lambda c: (c[0], c[1], c[2][:2])))
    section = Section(name, {"records": len(sentences), "exact (source, target, code)": exact, "root (source, target, root)": root})
    section.metrics["false positives per record"] = round(exact.fp / max(1, len(sentences)), 3)
    section.notes.append(PEER_FIGURES[name])
    section.notes.append(f"correct codings {exact.tp} vs extra codings {exact.fp} (target: fewer extra than correct)")
    section.breakdown = {f"root {k}": v.to_dict() | {"n": v.tp + v.fn} for k, v in sorted(per_root.items()) if v.tp + v.fp + v.fn}
    return section


def _per_root() -> dict[str, PRF]:
    from collections import defaultdict

    return defaultdict(PRF)


def _dictionaries(gold: GoldFile, folder: Path) -> Options:
    """The user dictionaries a PETRARCH record file names in its Environment block."""
    def files(*keys: str) -> tuple[Path, ...]:
        names = [n for key in keys for n in gold.dictionaries.get(key, ())]
        return tuple(p for p in (folder / n for n in names) if p.exists())

    return Options(actor_files=files("Actorfile", "Agentfile"), verb_files=files("Verbfile"), discard_files=files("Discardfile"))


def _clean(coding: Coding) -> Coding:
    event, source, target = coding
    return (source or "", target or "", event)


def codings(record: Extraction) -> set[Coding]:
    """Every (source, target, CAMEO code) dyad a record asserts in CAMEO's terms.

    CAMEO codes dyads: an event without a target is no CAMEO coding (it stays a PLOVER
    event in the record). Reciprocal events code both directions (a visit made one way is a
    visit hosted the other). An actor without a
    country is written with CAMEO's "---" for the unknown country ("---REB").
    """
    codes = {a.id: cameo_actor_code(a.cameo, a.country) for a in record.actors}
    found: set[Coding] = set()
    for event in record.events:
        if not event.cameo or _uncodable(event) or not event.target:
            continue
        for source in event.source:
            for target in event.target:
                if source == target:
                    continue
                found.add((codes[source], codes[target], event.cameo))
                if event.reciprocal:
                    found.add((codes[target], codes[source], RECIPROCAL_CODES.get(event.cameo, event.cameo)))
    return found


def cameo_actor_code(cameo: str | None, country: str | None) -> str:
    """CAMEO's actor code, with "---" for an unknown country before a bare sector ("---REB")."""
    if not cameo:
        return "---"
    if country is None and cameo[:3] in SECTOR_CODES:
        return f"---{cameo}"
    return cameo


def _uncodable(event: Event) -> bool:
    """A negated event CAMEO cannot express (no 12x refusal code applies)."""
    return event.negated and not _refusal(event)


def _match(predicted: set[Coding], expected: set[Coding], key: object) -> PRF:
    keyed = key  # type: ignore[assignment]
    p = Counter(keyed(c) for c in predicted)  # type: ignore[operator]
    g = Counter(keyed(c) for c in expected)  # type: ignore[operator]
    tp = sum((p & g).values())
    return PRF(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def _code(items: Sequence[tuple[str, str | None]], options: Options | None = None) -> list[Extraction]:
    """Code each (text, date) as its own article; empty texts give empty records."""
    options = options or Options()
    articles = [make_article(text, Metadata(published=date), "gold") for text, date in items]
    out: list[Extraction] = []
    for i in range(0, len(articles), BATCH):
        out.extend(extract_batch(articles[i : i + BATCH], options=options))
    return out


# -- PLOVER GSR, ConfliBERT, CASE 2021 --------------------------------------------------


def _plover_gsr(datasets: Path, sample: int | None) -> Section:
    records: list[PloverRecord] = read_plover_gsr(require(datasets / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"))
    records = records[:sample] if sample else records
    coded = _code([(r.text, None) for r in records])
    top, anywhere, coded_only = Accuracy(), Accuracy(), Accuracy()
    per_type: dict[str, Accuracy] = {}
    no_event = 0
    for record, extraction in zip(records, coded, strict=True):
        types = [_gsr_type(e) for e in _ranked(extraction.events)]
        no_event += not types
        top.add(bool(types) and types[0] == record.plover)
        if types:
            coded_only.add(types[0] == record.plover)
        anywhere.add(record.plover in types)
        per_type.setdefault(record.plover, Accuracy()).add(bool(types) and types[0] == record.plover)
    section = Section("PLOVER GSR (PLOVER type; old labels mapped)", {
        "records": len(records), "type of the main event": top, "gold type among the events": anywhere,
        "type of the main event, where one was coded": coded_only, "records with no event": no_event,
    })
    section.breakdown = {t: a.to_dict() for t, a in sorted(per_type.items())}
    section.notes.append("old 0.5b1 labels mapped DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT")
    section.notes.append("a negated event whose CAMEO code is a refusal (12x) is scored as REJECT: the GSR has no negation mode")
    return section


def _gsr_type(event: Event) -> str:
    """The label the PLOVER GSR's older scheme gives an event: a refused act is a rejection there."""
    return "REJECT" if _refusal(event) else event.type


def _conflibert(datasets: Path, sample: int | None) -> Section:
    rows = read_conflibert_class(require(datasets / "conflibert_cameo" / "cameo_class" / "test.tsv"))
    rows = rows[:sample] if sample else rows
    coded = _code([(text, None) for text, _ in rows])
    accuracy, confusion = Accuracy(), Counter[tuple[int, int]]()
    for (_, label), extraction in zip(rows, coded, strict=True):
        guess = penta_class(extraction.events)
        accuracy.add(guess == label)
        confusion[(label, guess)] += 1
    section = Section("ConfliBERT CAMEO penta-class (test)", {"sentences": len(rows), "class accuracy": accuracy})
    section.breakdown = {f"gold {g}": {f"→{p}": confusion[(g, p)] for p in range(5)} for g in range(5)}
    section.notes.append("class of the main event's CAMEO root; no event = 0 (neutral statement)")
    return section


def penta_class(events: Iterable[Event]) -> int:
    ranked = [e for e in _ranked(events) if e.cameo and not _uncodable(e)]
    if not ranked:
        return 0
    root = ranked[0].cameo[:2]  # type: ignore[index]
    return PENTA.get(root, 4)


def _case2021(datasets: Path, sample: int | None) -> Section:
    snippets = [s for s in read_case2021(require(datasets / "case2021_task2_acled" / "test_set_final_release_with_labels.tsv")) if s.plover]
    snippets = snippets[:sample] if sample else snippets
    coded = _code([(s.text, None) for s in snippets])
    accuracy, coded_only = Accuracy(), Accuracy()
    per_label: dict[str, Accuracy] = {}
    for snippet, extraction in zip(snippets, coded, strict=True):
        wanted = snippet.plover[0]  # type: ignore[index]
        types = [e.type for e in _ranked(extraction.events)]
        ok = bool(types) and types[0] == wanted
        accuracy.add(ok)
        if types:
            coded_only.add(ok)
        per_label.setdefault(snippet.label, Accuracy()).add(ok)
    section = Section("CASE 2021 ACLED snippets (types that map to PLOVER)", {
        "snippets": len(snippets), "type accuracy": accuracy, "type accuracy where an event was coded": coded_only,
    })
    section.notes.append("many snippets name no perpetrator ('were wounded in a grenade attack'); newsgraph codes no event without a source")
    section.breakdown = {label: a.to_dict() for label, a in sorted(per_label.items())}
    return section


def _ranked(events: Iterable[Event]) -> list[Event]:
    """The article's events, most central first: asserted (refusals and threats too) before negated or
    hypothetical, then in the order news reports them (the lead sentence carries the main event), the
    main clause first, and within a clause the act named first."""
    return sorted(events, key=lambda e: (_unasserted(e), e.evidence.sentence, e.depth, e.evidence.trigger.start))


def _unasserted(event: Event) -> bool:
    """Negated, or only possible — but a threat held ready is made, whatever it threatens."""
    return (event.negated and not _refusal(event)) or (event.hypothetical and event.type != "THREATEN")


def _refusal(event: Event) -> bool:
    """A negated act CAMEO codes as a refusal (12x): asserted in its own right."""
    return event.negated and bool(event.cameo) and event.cameo.startswith("12")  # type: ignore[union-attr]


__all__ = ["evaluate", "codings", "penta_class", "GoldSentence"]
