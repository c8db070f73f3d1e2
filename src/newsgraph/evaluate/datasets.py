"""Where the gold data lives. Given by the user; never bundled, never needed at run time."""

from __future__ import annotations

import os
from pathlib import Path

from newsgraph.errors import EvaluationError

ENV = "NEWSGRAPH_DATASETS"


def datasets_dir(given: str | None) -> Path:
    """The folder holding the public gold sets, from ``--datasets`` or NEWSGRAPH_DATASETS."""
    raw = given or os.environ.get(ENV)
    if not raw:
        raise EvaluationError(
            f"no gold data folder given; pass --datasets DIR or set {ENV} "
            "(the folder that holds petrarch_validation/, polnear/, geoparsing_gold/ …)"
        )
    path = Path(raw)
    if not path.is_dir():
        raise EvaluationError(f"gold data folder {path} does not exist; check --datasets / {ENV}")
    return path


def require(path: Path) -> Path:
    if not path.exists():
        raise EvaluationError(f"gold file {path} is missing; check the datasets folder is complete")
    return path
