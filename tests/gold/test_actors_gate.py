"""Quality gate for the actor stage on a fixed sample of public gold.

Sample: the first 200 sentences of ConfliBERT cameo_ner/test.txt and the first 200 PLOVER GSR
records (about 15 s). The full sets run with `newsgraph evaluate actors`. Floors:
tests/gold/floors/actors.json — raise them when the stage improves, never lower them silently.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATASETS
from tests.gold.gate import check

SAMPLE = 200


@pytest.mark.gold
@pytest.mark.timeout(300)
def test_actor_scores_stay_above_their_floors() -> None:
    from newsgraph.evaluate.actors import evaluate

    check(evaluate(DATASETS, sample=SAMPLE), "actors")
