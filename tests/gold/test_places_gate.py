"""Quality gate for the places stage on public gold data (GeoWebNews and LGL).

Sample: the first GATE_SAMPLE articles of each set, in file order (fixed, so the figures are
comparable run to run; the full sets run with `newsgraph evaluate places`). Every metric must
reach its floor in floors/places.json; floors sit a little below what was measured and may
only be raised.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsgraph.evaluate.places import evaluate, summary
from tests.conftest import DATASETS

GATE_SAMPLE = 40
BUDGET_S = 60
FLOORS = Path(__file__).parent / "floors" / "places.json"


@pytest.mark.gold
def test_places_meet_their_floors():
    if not (DATASETS / "geoparsing_gold").is_dir():
        pytest.fail(f"gold data missing at {DATASETS / 'geoparsing_gold'}; the gate needs ../shared beside the checkout")
    started = time.perf_counter()
    report = evaluate(DATASETS, sample=GATE_SAMPLE)
    elapsed = time.perf_counter() - started
    measured = summary(report.sections)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = [
        f"{name} / {metric}: {measured[name][metric]:.4f} < floor {floor}"
        for name, metrics in floors.items() if not name.startswith("_")
        for metric, floor in metrics.items()
        if measured[name][metric] < floor
    ]
    assert not below, "places fell below their floors:\n" + "\n".join(below) + "\n" + report.render()
    assert elapsed <= BUDGET_S, f"the places gate took {elapsed:.0f} s, over its {BUDGET_S} s budget"
