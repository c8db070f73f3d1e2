"""Shared check for the gold gates: every pinned floor must hold in the evaluation report."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.metrics import PRF, Accuracy, Report

FLOORS = Path(__file__).parent / "floors"


def check(report: Report, component: str) -> None:
    """Fail, with the whole report, when any floor in floors/<component>.json is not met."""
    floors = json.loads((FLOORS / f"{component}.json").read_text(encoding="utf-8"))
    measured = {section.name: section.metrics for section in report.sections}
    failures = []
    for section, wanted in floors.items():
        if section.startswith("_"):
            continue
        assert section in measured, f"the {component} evaluation reported no section {section!r}"
        for key, floor in wanted.items():
            got = score(measured[section], key)
            if got < floor:
                failures.append(f"{section} / {key}: {got:.3f} < floor {floor}")
    assert not failures, f"{component} scores fell below their floors:\n" + "\n".join(failures) + "\n" + report.render()


def score(metrics: dict, key: str) -> float:
    """'<metric> f1' / '<metric> precision' / '<metric> recall' of a PRF, or an Accuracy's value."""
    for suffix in (" f1", " precision", " recall"):
        if key.endswith(suffix):
            value = metrics[key[: -len(suffix)]]
            assert isinstance(value, PRF)
            return float(getattr(value, suffix.strip()))
    value = metrics[key]
    if isinstance(value, Accuracy):
        return value.value
    assert isinstance(value, (int, float)), f"{key} is no score"
    return float(value)
