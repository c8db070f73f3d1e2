"""Quality gate for the dates stage: scores on TimeML gold must not fall below the pinned floors.

Runs :func:`newsgraph.evaluate.dates.evaluate` on all of TempEval-3 platinum (20 documents)
and all of MEANTIME English (120 documents, cut to their annotated first six sentences);
together about 10 s on one core, so no sample is needed. Floors: tests/gold/floors/dates.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.metrics import PRF, Accuracy
from tests.conftest import DATASETS

FLOORS = Path(__file__).parent / "floors" / "dates.json"


@pytest.mark.gold
@pytest.mark.timeout(120)
def test_dates_scores_stay_above_their_floors() -> None:
    from newsgraph.evaluate.dates import evaluate

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    report = evaluate(DATASETS)
    measured = {section.name: section.metrics for section in report.sections}
    failures = []
    for dataset, wanted in floors.items():
        if dataset.startswith("_"):
            continue
        assert dataset in measured, f"the dates evaluation reported no section {dataset!r}"
        for key, floor in wanted.items():
            got = _score(measured[dataset], key)
            if got < floor:
                failures.append(f"{dataset} {key}: {got:.3f} < floor {floor}")
    assert not failures, "dates scores fell below their floors:\n" + "\n".join(failures) + "\n" + report.render()


def _score(metrics: dict, key: str) -> float:
    """'detection (overlap) f1' → that PRF's F1; an Accuracy's value by its own name."""
    if key.endswith(" f1"):
        value = metrics[key[: -len(" f1")]]
        assert isinstance(value, PRF)
        return value.f1
    value = metrics[key]
    assert isinstance(value, Accuracy)
    return value.value
