"""Document + actors → events: PLOVER/CAMEO coding with modality, attribution and evidence."""

from newsgraph.events.coder import DEFAULT_CODER, CodingInput, EventCoder, get_coder, register

__all__ = ["DEFAULT_CODER", "CodingInput", "EventCoder", "get_coder", "register"]
