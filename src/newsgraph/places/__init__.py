"""Document → places: toponyms resolved to coordinates with an offline gazetteer."""

from newsgraph.places.anchor import clause_place
from newsgraph.places.stage import anchor_event, find_places

__all__ = ["anchor_event", "clause_place", "find_places"]
