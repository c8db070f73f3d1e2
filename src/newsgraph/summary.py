"""A short human-readable rendering of an extraction record (``extract --format summary``).

The JSON record is the contract; this view is for a person skimming what was coded,
one line per actor, event, quote and place, each event with its flags, the casualties
its sentence reports, and its evidence.
"""

from __future__ import annotations

from newsgraph.records import Extraction

FLAGS = (("negated", "NEG"), ("hypothetical", "HYP"), ("future", "FUT"), ("historical", "HIST"), ("reciprocal", "RECIP"))


def casualties(killed: int | None, injured: int | None) -> str:
    """The counts as "3 killed, 12 injured" (either part alone), or "" when neither is reported.

    Shared by this summary and the web pages so a count reads the same everywhere. Only
    None means "not reported": a count of 0 is still shown, since it is what the record says.
    """
    parts = [f"{count} {word}" for count, word in ((killed, "killed"), (injured, "injured")) if count is not None]
    return ", ".join(parts)


def render(record: Extraction) -> str:
    article = record.article
    names = {a.id: a.name for a in record.actors}
    places = {p.id: p.name for p in record.places}
    lines = [f"{article.title or '(untitled)'} [{article.id}] {article.published or 'no date'}", ""]
    lines.append(f"actors ({len(record.actors)})")
    for a in record.actors:
        code = a.cameo or "-"
        lines.append(f"  {a.id:<4} {a.name} — {a.kind}, {code}{', ' + a.role if a.role else ''} ({len(a.mentions)} mentions)")
    lines.append(f"events ({len(record.events)})")
    for e in record.events:
        flags = " ".join(label for field, label in FLAGS if getattr(e, field))
        source = " & ".join(names.get(s, s) for s in e.source)
        target = " & ".join(names.get(t, t) for t in e.target) or "—"
        where = f" @ {places[e.place]}" if e.place in places else ""
        said = f" (says {names.get(e.attributed_to, e.attributed_to)})" if e.attributed_to else ""
        harm = casualties(e.killed, e.injured)
        lines.append(
            f"  {e.id:<4} {e.type:<9} {e.cameo or '-':<5} {source} → {target}{' [' + flags + ']' if flags else ''}"
            f"{' (' + harm + ')' if harm else ''}{where} {e.date or ''}{said} «{e.evidence.trigger.text}»"
        )
    lines.append(f"quotes ({len(record.quotes)})")
    for q in record.quotes:
        kind = "“”" if q.direct else "≈"
        text = q.text if len(q.text) <= 70 else q.text[:67] + "…"
        lines.append(f"  {q.id:<4} {kind} {names.get(q.speaker or '', 'unknown speaker')}: {text}")
    lines.append(f"places ({len(record.places)})")
    for p in record.places:
        coords = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "no coordinates"
        lines.append(f"  {p.id:<4} {p.name} — {p.feature}, {p.country or '-'}{', ' + p.admin1 if p.admin1 else ''} ({coords})")
    lines.append(f"dates ({len(record.dates)})")
    lines.extend(f"  {d.text!r} → {d.value} ({d.precision})" for d in record.dates)
    return "\n".join(lines)
