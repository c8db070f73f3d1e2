"""Quality gate for the dates stage: scores on TimeML gold must not fall below the pinned floors.

Runs :func:`newsgraph.evaluate.dates.evaluate` on all of TempEval-3 platinum (20 documents)
and all of MEANTIME English (120 documents, cut to their annotated first six sentences);
together about 10 s on one core, so no sample is needed. Floors: tests/gold/floors/dates.json.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATASETS
from tests.gold.gate import check


@pytest.mark.gold
@pytest.mark.timeout(120)
def test_dates_scores_stay_above_their_floors() -> None:
    from newsgraph.evaluate.dates import evaluate

    check(evaluate(DATASETS), "dates")
