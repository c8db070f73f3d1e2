"""Scoring newsgraph against public gold data: one module per component.

Each component module (``actors``, ``events``, ``quotes``, ``places``, ``dates``) exposes

    def evaluate(datasets: Path, sample: int | None = None) -> Report

which reads the gold sets it knows under ``datasets`` (the folder holding
``petrarch_validation/``, ``polnear/`` …), runs the real pipeline stage on the gold text
and returns a :class:`~newsgraph.evaluate.metrics.Report`. Nothing here is imported at
run time by the pipeline; gold data is never bundled.
"""

from __future__ import annotations

COMPONENTS = ("actors", "events", "quotes", "places", "dates")
