"""Quality gate for the quotes stage: PolNeAR test-split scores must not fall below their floors.

Sample: the whole test split (84 articles, one annotator each — see
:mod:`newsgraph.evaluate.quotes` for how duplicates, matching and speakers are scored);
about 20 s on one core, so no cut is needed. Floors: tests/gold/floors/quotes.json.
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import DATASETS
from tests.gold.gate import check

BUDGET_S = 60


@pytest.mark.gold
@pytest.mark.timeout(300)
def test_quotes_scores_stay_above_their_floors() -> None:
    from newsgraph.evaluate.quotes import evaluate

    if not (DATASETS / "polnear").is_dir():
        pytest.fail(f"gold data missing at {DATASETS / 'polnear'}; the gate needs ../shared beside the checkout")
    started = time.perf_counter()
    report = evaluate(DATASETS)
    elapsed = time.perf_counter() - started
    check(report, "quotes")
    assert elapsed <= BUDGET_S, f"the quotes gate took {elapsed:.0f} s, over its {BUDGET_S} s budget"
