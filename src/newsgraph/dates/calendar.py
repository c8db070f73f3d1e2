"""Calendar arithmetic against a publication date: pure functions, no parsing, no spaCy.

A news story dates its events relative to the day it was published ("on Sunday",
"last September", "the first quarter"). Which occurrence is meant depends on the clause:
a past clause looks back, a future one looks ahead. Every choice of occurrence is made
here, by one rule per period kind, so it can be read and tested on its own.

Directions used throughout:

* ``"past"``    the latest occurrence on or before publication
* ``"future"``  the earliest occurrence on or after publication
* ``"closest"`` whichever is nearer (ties go to the past: news mostly reports)
* ``"before"`` / ``"after"``  strictly before / after ("last Sunday", "next September")
"""

from __future__ import annotations

import datetime as dt

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)

# First month of each TimeML season; winter starts in December of its year.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
MONTHS_PER_SEASON = 3


def iso_day(day: dt.date) -> str:
    return day.isoformat()


def iso_week(day: dt.date) -> str:
    """ISO week value, e.g. 2014-W01 (the year is the ISO week-numbering year)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def weekday(published: dt.date, target: int, direction: str) -> dt.date:
    """The ``target`` weekday (Monday 0) nearest publication in ``direction``.

    The publication weekday itself counts for past and future ("Tuesday" in a story of
    Tuesday is that day); ``before``/``after`` skip it ("last Tuesday", "next Tuesday").
    """
    if direction == "before":
        return weekday(published - DAY, target, "past")
    if direction == "after":
        return weekday(published + DAY, target, "future")
    if direction == "future":
        return published + DAY * ((target - published.weekday()) % 7)
    return published - DAY * ((published.weekday() - target) % 7)


def month_year(published: dt.date, month: int, direction: str) -> int:
    """The year of the month named without one ("in September", "last September")."""
    here = published.month
    if direction == "before":
        return published.year if month < here else published.year - 1
    if direction == "after":
        return published.year if month > here else published.year + 1
    if direction == "future":
        return published.year if month >= here else published.year + 1
    back = published.year if month <= here else published.year - 1
    if direction == "past":
        return back
    ahead = published.year if month >= here else published.year + 1
    return back if (here - month) % 12 <= (month - here) % 12 else ahead


def month_day(published: dt.date, month: int, day: int, direction: str, weekday_hint: int | None = None) -> dt.date | None:
    """The date of "January 5" without a year, or None when no year has that date.

    A weekday given with it ("Sunday, January 5") picks the year whose January 5 is a
    Sunday when exactly one of the three nearest years fits.
    """
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if weekday_hint is not None:
        fitting = [d for d in options if d.weekday() == weekday_hint]
        if len(fitting) == 1:
            return fitting[0]
    past = [d for d in options if d <= published]
    future = [d for d in options if d >= published]
    if direction == "past" and past:
        return max(past)
    if direction == "future" and future:
        return min(future)
    return min(options, key=lambda d: (abs((d - published).days), d > published))


def shift_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def shift_days_week(published: dt.date, weeks: int) -> str:
    return iso_week(published + WEEK * weeks)


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, step: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + step
    return index // 4, index % 4 + 1


def quarter_year(published: dt.date, quarter: int, direction: str) -> int:
    """The year of "the first quarter" without one: the latest started (past), the next
    unfinished (future), or the nearer of the two (closest; ties to the past)."""
    current = quarter_of(published.month)
    back = published.year if quarter <= current else published.year - 1
    ahead = published.year if quarter >= current else published.year + 1
    if direction == "past":
        return back
    if direction == "future":
        return ahead
    return back if (current - quarter) % 4 <= (quarter - current) % 4 else ahead


def season_year(published: dt.date, code: str, step: int | None, direction: str) -> int:
    """The year of a season named without one ("last summer", "this spring", "in the winter").

    ``step`` is -1 / 0 / +1 for last / this / next, None when the season is bare.
    """
    start_month = SEASON_START[code]

    def start(year: int) -> dt.date:
        return dt.date(year, start_month, 1)

    def end(year: int) -> dt.date:
        last_year, last_month = shift_months(year, start_month, MONTHS_PER_SEASON)
        return dt.date(last_year, last_month, 1)

    years = range(published.year - 2, published.year + 2)
    if step == 0:
        # January and February belong to the winter that began the December before.
        return published.year - 1 if code == "WI" and published.month < SEASON_START["SP"] else published.year
    if step == -1:
        return max(y for y in years if end(y) <= published)
    if step == 1:
        return min(y for y in years if start(y) > published)
    back = max(y for y in years if start(y) <= published)
    ahead = min(y for y in years if end(y) > published)
    if direction == "past":
        return back
    if direction == "future":
        return ahead
    # closest: the season in progress, else whichever of the last and the next is nearer
    if back == ahead:
        return back
    return back if (published - end(back)).days <= (start(ahead) - published).days else ahead


def period_step(published: dt.date, unit: str, position: int, tense: str | None) -> int:
    """Which period "the end of the year" means: this one, the last (-1) or the next (+1).

    ``position`` is where the part lies in its period (0 start … 100 end). A past clause
    cannot speak of a part still ahead ("profits fell at the end of the year", written in
    March, is last year's end); a future clause cannot speak of a part already gone.
    """
    if unit == "year":
        elapsed = (published.timetuple().tm_yday - 1) * 100 // 365
    elif unit == "month":
        elapsed = (published.day - 1) * 100 // 31
    else:
        elapsed = published.weekday() * 100 // 6
    if tense in ("past", "perfect") and position > elapsed:
        return -1
    if tense == "future" and position < elapsed:
        return 1
    return 0


def two_digit_year(published: dt.date, digits: int) -> int:
    """'58 → the latest year ending in 58 that is not after publication."""
    year = published.year - (published.year - digits) % 100
    return year


def decade_start(published: dt.date, digit: int) -> int:
    """"the '90s" → the latest decade ending in 90 that began on or before publication."""
    return published.year - (published.year - digit * 10) % 100
