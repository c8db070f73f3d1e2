"""Document → places: toponyms resolved to coordinates with an offline gazetteer."""

from newsgraph.places.stage import anchor_event, find_places

__all__ = ["anchor_event", "find_places"]
