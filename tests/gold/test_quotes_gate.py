"""Quality gate for the quotes stage: PolNeAR test-split scores must not fall below their floors.

Sample: the whole test split (84 articles, one annotator each — see
:mod:`newsgraph.evaluate.quotes` for how duplicates, matching and speakers are scored);
about 20 s on one core, so no cut is needed. Floors: tests/gold/floors/quotes.json.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsgraph.evaluate.metrics import PRF, Accuracy
from tests.conftest import DATASETS

FLOORS = Path(__file__).parent / "floors" / "quotes.json"
BUDGET_S = 60


@pytest.mark.gold
@pytest.mark.timeout(300)
def test_quotes_scores_stay_above_their_floors() -> None:
    from newsgraph.evaluate.quotes import evaluate

    if not (DATASETS / "polnear").is_dir():
        pytest.fail(f"gold data missing at {DATASETS / 'polnear'}; the gate needs ../shared beside the checkout")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    started = time.perf_counter()
    report = evaluate(DATASETS)
    elapsed = time.perf_counter() - started
    measured = {section.name: section.metrics for section in report.sections}
    failures = []
    for section, wanted in floors.items():
        if section.startswith("_"):
            continue
        assert section in measured, f"the quotes evaluation reported no section {section!r}"
        for key, floor in wanted.items():
            got = _score(measured[section], key)
            if got < floor:
                failures.append(f"{section} {key}: {got:.3f} < floor {floor}")
    assert not failures, "quote scores fell below their floors:\n" + "\n".join(failures) + "\n" + report.render()
    assert elapsed <= BUDGET_S, f"the quotes gate took {elapsed:.0f} s, over its {BUDGET_S} s budget"


def _score(metrics: dict[str, object], key: str) -> float:
    """'direct quotes f1' → that PRF's F1 (also precision / recall); else an Accuracy or a number."""
    for part in ("f1", "precision", "recall"):
        if key.endswith(" " + part) and key[: -len(part) - 1] in metrics:
            value = metrics[key[: -len(part) - 1]]
            assert isinstance(value, PRF)
            return float(getattr(value, part))
    value = metrics[key]
    if isinstance(value, Accuracy):
        return value.value
    assert isinstance(value, (int, float)), f"{key} is not a score"
    return float(value)
