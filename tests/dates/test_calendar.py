"""Calendar rules on their own: which occurrence a date without a year or week means."""

import datetime as dt

import pytest

from newsgraph.dates import calendar as cal

TUESDAY = dt.date(2014, 1, 7)
SUNDAY, MONDAY, TUESDAY_NO = 6, 0, 1


def test_weekday_past_is_on_or_before_publication() -> None:
    assert cal.weekday(TUESDAY, SUNDAY, "past") == dt.date(2014, 1, 5)
    assert cal.weekday(TUESDAY, MONDAY, "past") == dt.date(2014, 1, 6)
    assert cal.weekday(TUESDAY, TUESDAY_NO, "past") == TUESDAY


def test_weekday_future_is_on_or_after_and_last_next_skip_the_day() -> None:
    assert cal.weekday(TUESDAY, MONDAY, "future") == dt.date(2014, 1, 13)
    assert cal.weekday(TUESDAY, TUESDAY_NO, "future") == TUESDAY
    assert cal.weekday(TUESDAY, TUESDAY_NO, "before") == dt.date(2013, 12, 31)
    assert cal.weekday(TUESDAY, TUESDAY_NO, "after") == dt.date(2014, 1, 14)


@pytest.mark.parametrize(
    ("published", "month", "direction", "year"),
    [
        (TUESDAY, 9, "before", 2013),  # last September, across the year boundary
        (dt.date(2014, 10, 1), 9, "before", 2014),
        (dt.date(2014, 9, 20), 9, "before", 2013),  # strictly before the publication month
        (dt.date(2014, 3, 10), 9, "past", 2013),
        (dt.date(2014, 3, 10), 9, "future", 2014),
        (dt.date(2014, 3, 10), 3, "future", 2014),
        (dt.date(2014, 3, 10), 5, "closest", 2014),
        (dt.date(2014, 3, 10), 12, "closest", 2013),
        (dt.date(2014, 3, 10), 9, "closest", 2013),  # six months either way: ties go to the past
    ],
)
def test_month_year(published: dt.date, month: int, direction: str, year: int) -> None:
    assert cal.month_year(published, month, direction) == year


def test_month_day_never_sends_a_past_december_into_the_future() -> None:
    assert cal.month_day(TUESDAY, 12, 31, "past") == dt.date(2013, 12, 31)
    assert cal.month_day(TUESDAY, 12, 31, "closest") == dt.date(2013, 12, 31)
    assert cal.month_day(TUESDAY, 12, 31, "future") == dt.date(2014, 12, 31)
    assert cal.month_day(TUESDAY, 2, 30, "past") is None


def test_month_day_uses_a_weekday_given_with_it() -> None:
    # 2015-01-05 is a Monday; in the closest reading January 5 would be 2014's
    assert cal.month_day(TUESDAY, 1, 5, "closest", weekday_hint=MONDAY) == dt.date(2015, 1, 5)


def test_iso_week_uses_the_week_numbering_year() -> None:
    assert cal.iso_week(dt.date(2014, 1, 2) - cal.WEEK) == "2013-W52"
    assert cal.iso_week(dt.date(2014, 12, 29)) == "2015-W01"


def test_period_step_past_end_of_year_written_in_march_is_last_year() -> None:
    march = dt.date(2013, 3, 22)
    assert cal.period_step(march, "year", 100, "past") == -1
    assert cal.period_step(march, "year", 100, "future") == 0
    assert cal.period_step(march, "year", 0, "past") == 0


def test_quarter_and_season_years() -> None:
    august = dt.date(2006, 8, 19)
    assert cal.quarter_year(august, 4, "past") == 2005
    assert cal.quarter_year(august, 4, "closest") == 2006
    assert cal.quarter_year(dt.date(2007, 1, 20), 4, "closest") == 2006
    march = dt.date(2013, 3, 22)
    assert cal.season_year(march, "SU", -1, "past") == 2012
    assert cal.season_year(march, "SU", None, "closest") == 2013
    assert cal.season_year(dt.date(2013, 1, 10), "WI", 0, "past") == 2012


def test_two_digit_years_and_decades_are_not_after_publication() -> None:
    assert cal.two_digit_year(dt.date(2013, 3, 22), 58) == 1958
    assert cal.two_digit_year(dt.date(2013, 3, 22), 9) == 2009
    assert cal.decade_start(dt.date(2013, 3, 22), 9) == 1990
    assert cal.decade_start(dt.date(2013, 3, 22), 1) == 2010
