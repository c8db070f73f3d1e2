"""Quality gate for the event coder on a fixed sample of public gold.

Sample: the first 150 records of each set `newsgraph evaluate events` scores (all 78 GSR
records; 150 unit tests, 150 UD records, 150 PLOVER GSR records, 150 ConfliBERT sentences,
150 CASE snippets, the first 150 IndiaPoliceEvents articles; about 40 s). Floors:
tests/gold/floors/events.json — raise them when the coder improves, never lower them silently.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATASETS
from tests.gold.gate import check

SAMPLE = 150


@pytest.mark.gold
@pytest.mark.timeout(300)
def test_event_scores_stay_above_their_floors() -> None:
    from newsgraph.evaluate.events import evaluate

    check(evaluate(DATASETS, sample=SAMPLE), "events")
