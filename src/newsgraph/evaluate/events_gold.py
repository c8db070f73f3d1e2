"""Readers for the public event-coding gold sets (no scoring here; the events evaluation scores).

Four families, each read into plain dataclasses so the scorer never touches a file format:

* PETRARCH validation records (``petrarch_validation/``): three XML-ish files. Two of them are
  not valid XML (a self-closed ``<Sentence …/>`` followed by ``</Sentence>``; a comment nested in
  a comment), so they are read line by line the way the UD-PETRARCH validator does: a record
  starts at a line beginning ``<Sentence``, expected codings are the ``<EventCoding`` lines that
  follow, the sentence is the text between ``<Text>`` and ``</Text>``.
* PLOVER gold-standard records (``plover_gsr/``), coded with PLOVER 0.5b1 and mapped here to
  today's 16 types (:data:`OLD_PLOVER_TYPES`).
* ConfliBERT's CAMEO penta-class sentences and source/target/reciprocal spans (``conflibert_cameo/``).
* CASE 2021 task 2 ACLED-style snippets (``case2021_task2_acled/``) with :data:`ACLED_TO_PLOVER`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.datasets import require

# PLOVER 0.5b1 types merged or renamed in 0.8 (the usual reading; the PLOVER repository gives no
# table): demands became REQUEST, disapproval and investigation ACCUSE (with those modes), FIGHT
# (conventional military force) ASSAULT. Every other 0.5b1 type kept its name.
OLD_PLOVER_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}

# Country codes of the gold files that are not ISO 3166-1 alpha-3, with the ISO code. Found in
# plover_gsr (older CAMEO country codes): JAP (Tokyo, Japanese PM), ITL (Italy), VTN
# ("Vietnamese-led forces"). Every other code there and in petr2_gsr is ISO or a CAMEO
# non-state code (IGO, NGO, IMG, ISM …, not countries); "---" in petr2_gsr composite codes
# ("---REB", "---GOV") means "country unknown". The unit-test and UD sets use made-up actors.
PETRARCH_COUNTRY_CODES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# The CASE 2021 task 2 labels (ACLED sub-event types, plus five "unseen" types) → PLOVER 0.8
# (type, mode), or None where no PLOVER type is the event. Judgements: ACLED battles that move
# territory are CAMEO 192 "occupy territory", which CAMEO2PLOVER-2021 maps to COERCE seize (until
# 2026-11-25 this table said ASSAULT, against that mapping); a handover without fighting is RETREAT
# withdraw; mob violence and violent demonstrations are riots (PROTEST riot); looting and
# property destruction is ASSAULT destroy (CAMEO 1712). Not mapped: changes to a group's
# activity, disrupted weapons use (bombs defused, caches seized: no single actor–target act),
# headquarters established, OTHER, and the unseen disaster / crime / diplomacy / attribution
# types, which span many PLOVER types or none.
ACLED_TO_PLOVER: dict[str, tuple[str, str | None] | None] = {
    "ABDUCT_DISSAP": ("ASSAULT", "abduct"),
    "AGREEMENT": ("AGREE", None),
    "AIR_STRIKE": ("ASSAULT", "aerial"),
    "ARMED_CLASH": ("ASSAULT", None),
    "ARREST": ("COERCE", "arrest"),
    "ART_MISS_ATTACK": ("ASSAULT", "heavy-weapons"),
    "ATTACK": ("ASSAULT", None),
    "CHANGE_TO_GROUP_ACT": None,
    "CHEM_WEAP": ("ASSAULT", "unconventional"),
    "DISR_WEAP": None,
    "FORCE_AGAINST_PROTEST": ("ASSAULT", "crowd-control"),
    "GOV_REGAINS_TERIT": ("COERCE", "seize"),
    "GRENADE": ("ASSAULT", "explosives"),
    "HQ_ESTABLISHED": None,
    "MOB_VIOL": ("PROTEST", "riot"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("COERCE", "seize"),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "withdraw"),
    "OTHER": None,
    "PEACE_PROTEST": ("PROTEST", "demo"),
    "PROPERTY_DISTRUCT": ("ASSAULT", "destroy"),
    "PROTEST_WITH_INTER": ("PROTEST", "demo"),
    "REM_EXPLOS": ("ASSAULT", "explosives"),
    "SEX_VIOL": ("ASSAULT", "sexual"),
    "SUIC_BOMB": ("ASSAULT", "suicide-attack"),
    "VIOL_DEMONSTR": ("PROTEST", "riot"),
    "MAN_MADE_DISASTER": None,
    "NATURAL_DISASTER": None,
    "ORG_CRIME": None,
    "DIPLO": None,
    "ATTRIB": None,
}

ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
ENVIRONMENT_TAG = re.compile(r"^<(\w+)>(.*?)</\1>")
NER_ROLES = {"S": "source", "T": "target", "R": "reciprocal"}


# ---- PETRARCH validation records -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    category: str
    date: str | None  # YYYY-MM-DD; None when the record's date is not a YYYYMMDD day ("121108")
    text: str  # the sentence, its line breaks joined with spaces
    evaluate: bool  # evaluate="…" (UD, GSR) or sentence="…" (unit tests); True when absent
    codings: tuple[tuple[str, str, str], ...]  # (eventcode, sourcecode, targetcode)
    noevents: bool
    raw_date: str = ""
    errors: tuple[str, ...] = ()  # <EventCoding error="…"> markers (expected coder errors)


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: str
    sentences: tuple[GoldSentence, ...]
    include: tuple[str, ...] = ()  # <Include> categories of the Environment block
    exclude: tuple[str, ...] = ()
    dictionaries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Verbfile → (names,), …

    def selected(self) -> tuple[GoldSentence, ...]:
        """The validator's subset: marked for evaluation, category included and not excluded."""
        return tuple(
            s for s in self.sentences
            if s.evaluate and (not self.include or s.category in self.include) and s.category not in self.exclude
        )  # fmt: skip


@dataclass
class _Record:
    attributes: dict[str, str]
    codings: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    noevents: bool = False
    text: list[str] = field(default_factory=list)
    conllu: list[tuple[str, bool]] = field(default_factory=list)  # (form, space after) of a CoNLL-U parse


def read_petrarch_records(path: str | Path) -> GoldFile:
    """Read a PETRARCH / UD-PETRARCH validation file field by field (see the module docstring)."""
    source = require(Path(path))
    records: list[_Record] = []
    environment: dict[str, str] = {}
    where = "outside"  # outside | environment | record | text | parse
    for line in source.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if where == "text":  # "</Text>" may close the last text line itself
            words, closed, _ = stripped.partition("</Text>")
            records[-1].text.append(words)
            where = "record" if closed else "text"
            continue
        if stripped.startswith("<Sentence") and "id" in stripped:
            records.append(_Record(dict(ATTRIBUTE.findall(stripped))))
            where = "record"
        elif stripped.startswith("<Environment>"):
            where = "environment"
        elif stripped.startswith("</Environment>"):
            where = "outside"
        elif where == "environment" and (tag := ENVIRONMENT_TAG.match(stripped)):
            environment[tag.group(1)] = tag.group(2)
        elif where == "record" and stripped.startswith("<EventCoding"):
            _coding(records[-1], dict(ATTRIBUTE.findall(stripped)))
        elif where == "record" and stripped.startswith("<Text>"):
            where = "text"
            rest = stripped[len("<Text>"):]
            if "</Text>" in rest:
                rest, where = rest.split("</Text>", 1)[0], "record"
            if rest.strip():
                records[-1].text.append(rest.strip())
        elif where == "record" and (cells := line.split("\t"))[0].isdigit() and len(cells) >= 10:
            records[-1].conllu.append((cells[1], "SpaceAfter=No" not in cells[9]))
        elif stripped.startswith(("</Sentence>", "</Parse></Sentence>")):
            where = "outside"
    if not records:
        raise EvaluationError(f"{source}: no <Sentence> records; is this a PETRARCH validation file?")
    return GoldFile(
        path=str(source),
        sentences=tuple(_sentence(r) for r in records),
        include=tuple(environment.get("Include", "").split()),
        exclude=tuple(environment.get("Exclude", "").split()),
        dictionaries={
            tag: tuple(n.strip() for n in value.split(",") if n.strip())
            for tag, value in environment.items()
            if tag.endswith("file") and tag != "Errorfile"
        },
    )


def _coding(record: _Record, attributes: dict[str, str]) -> None:
    if attributes.get("noevents", "").lower() == "true":
        record.noevents = True
    elif "eventcode" in attributes:
        record.codings.append(
            (attributes["eventcode"], attributes.get("sourcecode", ""), attributes.get("targetcode", ""))
        )
    elif "error" in attributes:
        record.errors.append(attributes["error"])


def _sentence(record: _Record) -> GoldSentence:
    attributes = record.attributes
    raw = attributes.get("date", "")
    flag = attributes.get("evaluate", attributes.get("sentence", "true"))
    text = " ".join(" ".join(record.text).split())
    if not text and record.conllu:  # one GSR record has an empty <Text>: rebuild it from the parse
        text = "".join(form + (" " if space else "") for form, space in record.conllu).strip()
    return GoldSentence(
        id=attributes.get("id", ""),
        category=attributes.get("category", ""),
        date=_day(raw),
        text=text,
        evaluate=flag.strip().lower() == "true",
        codings=tuple(record.codings),
        noevents=record.noevents,
        raw_date=raw,
        errors=tuple(record.errors),
    )


def _day(raw: str) -> str | None:
    """YYYYMMDD → YYYY-MM-DD; anything else (e.g. "121108") → None, the raw value is kept."""
    if not re.fullmatch(r"\d{8}", raw):
        return None
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:])).isoformat()
    except ValueError:
        return None


# ---- PLOVER gold-standard records ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    text: str
    event: str  # the PLOVER 0.5b1 label as coded
    plover: str  # the PLOVER 0.8 type (OLD_PLOVER_TYPES)
    mode: str | None  # the record's own (0.5b1) mode; None when absent or empty
    implied_mode: str | None  # the 0.8 mode the old label implies (INVESTIGATE → investigate)
    sources: tuple[tuple[str, str, str | None], ...]  # (actorText, code, sector)
    targets: tuple[tuple[str, str, str | None], ...]
    event_loc: tuple[str, str | None] | None  # (name, ISO 3166-1 alpha-2 country code)
    context: str | None = None
    event_text: str = ""


def read_plover_gsr(path: str | Path) -> list[PloverRecord]:
    """The 322 event records of PLOVER_GSR_CAMEO.txt (a JSON array despite its name)."""
    source = require(Path(path))
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise EvaluationError(f"{source}: not JSON ({err.msg} at line {err.lineno}); restore the gold file") from None
    return [_plover_record(item) for item in data if isinstance(item, dict) and item.get("event") != "DOCUMENT"]


def _plover_record(item: dict[str, object]) -> PloverRecord:
    event = str(item["event"])
    plover, implied = OLD_PLOVER_TYPES.get(event, (event, None))
    place = item.get("eventLoc")
    return PloverRecord(
        id=str(item["id"]),
        text=str(item.get("text", "")),
        event=event,
        plover=plover,
        mode=str(item.get("mode") or "") or None,
        implied_mode=implied,
        sources=_actors(item.get("source")),
        targets=_actors(item.get("target")),
        event_loc=(str(place.get("name", "")), place.get("country code")) if isinstance(place, dict) else None,
        context=str(item.get("context") or "") or None,
        event_text=str(item.get("eventText", "")),
    )


def _actors(value: object) -> tuple[tuple[str, str, str | None], ...]:
    """Actor dicts as (text, code, sector); a non-list value (one record has "diplomatic") is no actor."""
    if not isinstance(value, list):
        return ()
    return tuple(
        (str(a.get("actorText", "")), str(a.get("code", "")), a.get("sector") or None)
        for a in value
        if isinstance(a, dict)
    )


# ---- ConfliBERT ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    role: str  # source | target | reciprocal
    start: int  # first token index
    end: int  # one past the last token
    text: str


@dataclass(frozen=True, slots=True)
class NerSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]  # the BIO tags as given (O, B-S, I-S, B-T, I-T, B-R, I-R)
    spans: tuple[Span, ...]  # an I- tag that does not continue a span of its role starts one (3 in train)


def read_conflibert_class(path: str | Path) -> list[tuple[str, int]]:
    """(sentence, label 0-4) pairs of a cameo_class TSV (no header)."""
    source = require(Path(path))
    pairs: list[tuple[str, int]] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        sentence, _, label = line.rpartition("\t")
        if label.strip() not in {"0", "1", "2", "3", "4"} or not sentence:
            raise EvaluationError(f"{source}:{number}: expected 'sentence<TAB>label 0-4'; restore the gold file")
        pairs.append((sentence.strip(), int(label)))
    return pairs


def read_conflibert_ner(path: str | Path) -> list[NerSentence]:
    """Sentences of a cameo_ner file (``token label`` lines, BIO tags S/T/R, blank line between)."""
    source = require(Path(path))
    sentences: list[NerSentence] = []
    rows: list[tuple[str, str]] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines() + [""], start=1):
        if not line.strip():
            if rows:
                sentences.append(_ner_sentence(rows))
                rows = []
            continue
        token, _, tag = line.rstrip().rpartition(" ")
        if not token or not (tag == "O" or re.fullmatch(r"[BI]-[STR]", tag)):
            raise EvaluationError(f"{source}:{number}: expected 'token O|B-S|I-T|…'; restore the gold file")
        rows.append((token, tag))
    return sentences


def _ner_sentence(rows: list[tuple[str, str]]) -> NerSentence:
    tokens = tuple(token for token, _ in rows)
    spans: list[Span] = []
    start, role = -1, ""
    for index, (_, tag) in enumerate([*rows, ("", "O")]):
        continues = tag.startswith("I-") and NER_ROLES[tag[2:]] == role and start >= 0
        if start >= 0 and not continues:
            spans.append(Span(role, start, index, " ".join(tokens[start:index])))
            start, role = -1, ""
        if tag != "O" and not continues:  # B-, or an I- that does not continue (read as a start)
            start, role = index, NER_ROLES[tag[2:]]
    return NerSentence(tokens, tuple(tag for _, tag in rows), tuple(spans))


# ---- CASE 2021 task 2 ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    label: str  # ACLED sub-event type or one of the five unseen types

    @property
    def plover(self) -> tuple[str, str | None] | None:
        return ACLED_TO_PLOVER.get(self.label)


def read_case2021(path: str | Path) -> list[Snippet]:
    """The labelled snippets of test_set_final_release_with_labels.tsv (header id, EventSnippet, SubType)."""
    source = require(Path(path))
    lines = source.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != ["id", "EventSnippet", "SubType"]:
        raise EvaluationError(f"{source}: header must be id<TAB>EventSnippet<TAB>SubType; restore the gold file")
    snippets: list[Snippet] = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 3:
            raise EvaluationError(f"{source}:{number}: {len(cells)} cells, expected 3; restore the gold file")
        if cells[2] not in ACLED_TO_PLOVER:
            raise EvaluationError(f"{source}:{number}: unknown label {cells[2]!r}; add it to ACLED_TO_PLOVER")
        snippets.append(Snippet(cells[0], cells[1].strip(), cells[2]))
    return snippets
