"""A matched date shape + the publication date + the clause's tense → an ISO value.

One small function per shape (:data:`RESOLVERS`). Values follow TimeML: ``2014-01-05``
(day), ``2014-W01`` (ISO week), ``2014-01`` (month), ``2014-Q1`` (quarter), ``2013-SU``
(season), ``2014`` (year), ``199`` (decade: the 1990s), ``19`` (century: the 20th).

Expressions that need the publication date ("Sunday", "last week", "January 5") are
*relative*: without a publication date their value is None, never a guess. A resolver
returns None when the match turns out not to be a date at all (an impossible day, a
two-digit decade with nothing saying it is one).

Tense decides direction where English leaves it open: "on Monday" in a past or present
clause is the Monday on or before publication, in a future clause ("will meet on
Monday") the Monday on or after it; "January 5" and "in September" likewise, except that
a clause without a past or future marker takes the occurrence closest to publication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.dates import calendar as cal
from newsgraph.dates.lexicon import lexicon
from newsgraph.dates.patterns import Candidate

# Rules named in anchor reasons; RELATIVE_RULES need the publication date.
EXPLICIT = "explicit date"
YEAR = "year"
RELATIVE_RULES = frozenset({"weekday", "month and day", "month", "relative", "quarter", "season", "two-digit year"})


@dataclass(frozen=True, slots=True)
class Resolution:
    value: str | None
    precision: str | None
    rule: str


Tense = Callable[[], str | None]


def direction(tense: str | None, undecided: str) -> str:
    """Past (and present perfect) clauses look back, future clauses ahead; others take ``undecided``."""
    if tense in ("past", "perfect"):
        return "past"
    if tense == "future":
        return "future"
    return undecided


def _relative(rule: str) -> Resolution:
    """A relative expression in an article without a publication date: kept, unvalued."""
    return Resolution(None, None, rule)


def _day(year: int, month: int, day: int, rule: str = EXPLICIT) -> Resolution | None:
    try:
        return Resolution(dt.date(year, month, day).isoformat(), "day", rule)
    except ValueError:
        return None


def _int(text: str | None) -> int:
    digits = "".join(ch for ch in text or "" if ch.isdigit())
    return int(digits)


def _month_number(word: str | None) -> int:
    lex = lexicon()
    assert word is not None
    return lex.number("month", word) if lex.has("month", word) else lex.number("month_abbr", word)


def iso(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return _day(_int(c.groups["year"]), _int(c.groups["mm"]), _int(c.groups["dd"]))


def dmy_numeric(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    """5/1/2014: read day-first or month-first only when one number is over 12.

    When both fit as a month (and differ) the order is a house convention the text does
    not state, so only the year is given (precision "year"), never a guessed day.
    """
    a, b, year = _int(c.groups["a"]), _int(c.groups["b"]), _int(c.groups["year"])
    if a == b or (a > 12 and b <= 12):
        return _day(year, b, a)
    if b > 12 >= a:
        return _day(year, a, b)
    if a <= 12 and b <= 12:
        return Resolution(str(year), "year", "explicit year (day/month order unknown)")
    return None


def month_day(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    month, day = _month_number(c.groups["mon"]), _int(c.groups["day"])
    if c.groups.get("year"):
        return _day(_int(c.groups["year"]), month, day)
    if published is None:
        return _relative("month and day")
    weekday_word = c.groups.get("wd")
    hint = lexicon().number("weekday", weekday_word) if weekday_word else None
    found = cal.month_day(published, month, day, direction(tense(), "closest"), hint)
    return Resolution(found.isoformat(), "day", "month and day") if found else None


def month_year(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return Resolution(cal.iso_month(_int(c.groups["year"]), _month_number(c.groups["mon"])), "month", EXPLICIT)


def month_relative_year(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    """"October of next year", "March last year"."""
    if published is None:
        return _relative("month")
    year_ = published.year + (_step(c.groups["rel"]) or 0)
    return Resolution(cal.iso_month(year_, _month_number(c.groups["mon"])), "month", "month")


def month(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("month")
    number = _month_number(c.groups["mon"])
    step = _step(c.groups.get("rel"))
    if step == 0:
        year = published.year
    else:
        how = {-1: "before", 1: "after"}.get(step) if step is not None else direction(tense(), "closest")
        year = cal.month_year(published, number, how or "closest")
    return Resolution(cal.iso_month(year, number), "month", "month")


def weekday(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("weekday")
    step = _step(c.groups.get("rel"))
    how = {-1: "before", 1: "after"}.get(step) if step else direction(tense(), "past")
    day = cal.weekday(published, lexicon().number("weekday", c.groups["wd"] or ""), how or "past")
    return Resolution(day.isoformat(), "day", "weekday")


def deictic(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("relative")
    offset = lexicon().number("deictic", c.groups["deictic"] or "")
    return Resolution((published + cal.DAY * offset).isoformat(), "day", "relative")


def this_part(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return Resolution(published.isoformat(), "day", "relative") if published else _relative("relative")


def last_night(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return Resolution((published - cal.DAY).isoformat(), "day", "relative") if published else _relative("relative")


def relative_unit(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("relative")
    step = _step(c.groups["rel"]) or 0
    return _period(published, c.groups["unit"] or "", step)


def the_weekend(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    """"the weekend": the one just gone in a past clause, else the one of the publication week."""
    if published is None:
        return _relative("relative")
    if direction(tense(), "present") == "past":
        return Resolution(cal.iso_week(cal.weekday(published, 5, "past")), "week", "relative")
    return Resolution(cal.iso_week(published), "week", "relative")


def part_of_period(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("relative")
    unit = c.groups["unit"] or ""
    position = lexicon().number("part_position", c.groups["mod"] or "")
    return _period(published, unit, cal.period_step(published, unit, position, tense()))


def ago(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("relative")
    raw = c.groups["num"] or ""
    count = int(raw) if raw.isdigit() else lexicon().number("number", raw)
    unit = (c.groups["unit"] or "").lower().rstrip("s")
    if unit == "day":
        return Resolution((published - cal.DAY * count).isoformat(), "day", "relative")
    if unit == "week":  # "a week ago" is a day: TimeML annotators and readers count back 7 days
        return Resolution((published - cal.WEEK * count).isoformat(), "day", "relative")
    if unit == "month":
        return Resolution(cal.iso_month(*cal.shift_months(published.year, published.month, -count)), "month", "relative")
    if unit == "decade":
        return Resolution(str(published.year - 10 * count)[:3], "decade", "relative")
    return Resolution(str(published.year - count), "year", "relative")


def year(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return Resolution(str(_int(c.groups["year"])), "year", YEAR)


def two_digit_year(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    if published is None:
        return _relative("two-digit year")
    return Resolution(str(cal.two_digit_year(published, _int(c.groups["yy"]))), "year", "two-digit year")


def decade(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    """"the 1990s" → 199; "the '90s" → the latest such decade begun by publication."""
    if c.groups.get("dec4"):
        return Resolution(c.groups["dec4"][:3], "decade", "decade")  # type: ignore[index]
    if c.groups.get("bare2") and not c.groups.get("the"):
        return None  # "in his 70s" is an age
    if published is None:
        return _relative("decade")
    digit = _int(c.groups.get("dec2") or c.groups.get("bare2")) // 10
    return Resolution(str(cal.decade_start(published, digit))[:3], "decade", "decade")


def century(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    number = _int(c.groups["cd"]) if c.groups.get("cd") else lexicon().number("century", c.groups["cw"] or "")
    return Resolution(f"{number - 1:02d}", "century", "century") if 1 <= number <= 21 else None


def quarter(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    number = lexicon().number("ordinal", c.groups["ord"] or "")
    return _quarter(c, number, published, tense)


def q_quarter(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return _quarter(c, _int(c.groups["q"]), published, tense)


def _quarter(c: Candidate, number: int, published: dt.date | None, tense: Tense) -> Resolution | None:
    explicit = c.groups.get("year") or c.groups.get("year2")
    if explicit:
        return Resolution(f"{_int(explicit)}-Q{number}", "quarter", EXPLICIT)
    if published is None:
        return _relative("quarter")
    if c.groups.get("rel"):
        found = published.year + (_step(c.groups["rel"]) or 0)
    else:
        found = cal.quarter_year(published, number, direction(tense(), "closest"))
    return Resolution(f"{found}-Q{number}", "quarter", "quarter")


def season(c: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    code = lexicon().text("season", c.groups["season"] or "")
    if c.groups.get("year"):
        return Resolution(f"{_int(c.groups['year'])}-{code}", "season", EXPLICIT)
    if published is None:
        return _relative("season")
    step = _step(c.groups.get("rel"))
    found = cal.season_year(published, code, step, direction(tense(), "closest"))
    return Resolution(f"{found}-{code}", "season", "season")


def _step(word: str | None) -> int | None:
    """-1 / 0 / +1 for last / this / next (and their variants), None without one."""
    return lexicon().number("relative", word) if word else None


def _period(published: dt.date, unit: str, step: int) -> Resolution:
    unit = unit.lower()
    if unit in ("week", "weekend"):
        if unit == "weekend" and step < 0:
            return Resolution(cal.iso_week(cal.weekday(published, 6, "before")), "week", "relative")
        return Resolution(cal.iso_week(published + cal.WEEK * step), "week", "relative")
    if unit == "month":
        return Resolution(cal.iso_month(*cal.shift_months(published.year, published.month, step)), "month", "relative")
    if unit == "quarter":
        year_, number = cal.shift_quarter(published.year, cal.quarter_of(published.month), step)
        return Resolution(f"{year_}-Q{number}", "quarter", "relative")
    return Resolution(str(published.year + step), "year", "relative")


RESOLVERS: dict[str, Callable[[Candidate, dt.date | None, Tense], Resolution | None]] = {
    "iso": iso,
    "ymd_numeric": iso,
    "dmy_numeric": dmy_numeric,
    "mdy": month_day,
    "dmy": month_day,
    "month_year": month_year,
    "month_relative_year": month_relative_year,
    "month": month,
    "weekday": weekday,
    "deictic": deictic,
    "this_part": this_part,
    "last_night": last_night,
    "relative_unit": relative_unit,
    "the_weekend": the_weekend,
    "part_of_period": part_of_period,
    "ago": ago,
    "year": year,
    "fiscal_year": year,
    "two_digit_year": two_digit_year,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "q_quarter": q_quarter,
    "season": season,
}


def resolve(candidate: Candidate, published: dt.date | None, tense: Tense) -> Resolution | None:
    return RESOLVERS[candidate.shape](candidate, published, tense)
