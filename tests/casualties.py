"""A hand-built record whose events report casualties, for every place events go.

Built directly rather than coded, so the store, API, export, page and summary tests check
that ``killed``/``injured`` are carried whatever the event coder reads from text today.
One event reports both counts, the other none (both None), so each test can check that a
count is shown where there is one and nothing is invented where there is none.
"""

from __future__ import annotations

from newsgraph.records import Actor, Event, Evidence, Extraction, Paragraph, Place, Sentence, Span
from newsgraph.text.article import Metadata, make_article

FIRST = "Gunmen attacked a police station in Kano on Friday, killing three officers and wounding 12 others."
SECOND = "The state governor condemned the attack."
TEXT = f"{FIRST} {SECOND}"
KILLED, INJURED = 3, 12
SHOWN = "3 killed, 12 injured"  # how pages and the summary write those counts
HARMFUL, HARMLESS = "e1", "e2"  # the event that reports casualties, the one that reports none


def span(words: str, after: int = 0) -> Span:
    """The first ``words`` of TEXT from offset ``after``, as a Span (offsets are never typed in)."""
    start = TEXT.index(words, after)
    return Span(start, start + len(words), words)


def evidence(sentence: int, trigger: str) -> Evidence:
    text = (FIRST, SECOND)[sentence]
    start = TEXT.index(text)
    return Evidence(sentence=sentence, start=start, end=start + len(text), text=text, trigger=span(trigger, start))


def casualty_record(coder: str = "test-coder/1") -> Extraction:
    """An attack that killed 3 and injured 12, and a condemnation of it that harmed nobody."""
    article = make_article(TEXT, Metadata(title="Attack on a police station", published="2020-05-01"), "test")
    gunmen = Actor(id="a1", name="gunmen", kind="armed_group", country="NGA", mentions=(span("Gunmen"),))
    police = Actor(id="a2", name="police", kind="police", country="NGA", sector="COP", cameo="NGACOP",
                   mentions=(span("police"),))
    governor = Actor(id="a3", name="state governor", kind="person", country="NGA", sector="GOV", cameo="NGAGOV",
                     role="governor", mentions=(span("state governor"),))
    kano = Place(id="p1", name="Kano", feature="city", country="NGA", lat=12.0, lon=8.52, geonameid=2335204,
                 mentions=(span("Kano"),))
    attack = Event(id=HARMFUL, type="ASSAULT", cameo="180", source=("a1",), target=("a2",), place="p1",
                   date="2020-05-01", date_precision="day", quad=4, score=-10.0, goldstein=-9.0, confidence=0.9,
                   evidence=evidence(0, "attacked"), killed=KILLED, injured=INJURED)
    condemned = Event(id=HARMLESS, type="ACCUSE", cameo="111", source=("a3",), target=("a1",), quad=3,
                      score=-2.0, goldstein=-2.0, confidence=0.8, evidence=evidence(1, "condemned"))
    sentences = tuple(Sentence(i, e.start, e.end, 0) for i, e in enumerate((attack.evidence, condemned.evidence)))
    return Extraction(article=article, coder=coder, paragraphs=(Paragraph(0, 0, len(TEXT)),), sentences=sentences,
                      actors=(gunmen, police, governor), events=(attack, condemned), places=(kano,))


def counts(events: list[dict[str, object]], key: str = "local_id") -> dict[object, tuple[object, object]]:
    """event id → (killed, injured), from event dicts as the API or a stored record holds them."""
    return {e[key]: (e.get("killed"), e.get("injured")) for e in events}
