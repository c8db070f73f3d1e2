"""``extract --format summary``: each event's line shows the casualties its sentence reports."""

from __future__ import annotations

from newsgraph.summary import casualties, render
from tests.casualties import HARMFUL, HARMLESS, SHOWN, casualty_record


def event_line(summary: str, event_id: str) -> str:
    return next(line for line in summary.splitlines() if line.strip().startswith(event_id + " "))


def test_summary_shows_casualties_only_on_events_that_report_them() -> None:
    summary = render(casualty_record())
    assert f"({SHOWN})" in event_line(summary, HARMFUL)
    harmless = event_line(summary, HARMLESS)
    assert "killed" not in harmless and "injured" not in harmless


def test_casualty_wording() -> None:
    assert casualties(3, 12) == SHOWN
    assert casualties(2, None) == "2 killed"
    assert casualties(None, 5) == "5 injured"
    assert casualties(0, None) == "0 killed"
    assert casualties(None, None) == ""
