"""Document → actors: mentions resolved to canonical identities, merged across the article."""

from newsgraph.actors.stage import ActorStage, find_actors

__all__ = ["ActorStage", "find_actors"]
