"""Document → dates: time expressions normalised against the publication date."""

from newsgraph.dates.stage import EventDate, anchor_event, find_dates

__all__ = ["EventDate", "anchor_event", "find_dates"]
