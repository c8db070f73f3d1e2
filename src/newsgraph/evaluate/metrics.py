"""Counts and scores shared by every evaluation, and the report they are printed from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PRF:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class Section:
    """One gold set's results: named metrics plus free-form notes (peers' figures, caveats)."""

    name: str
    metrics: dict[str, PRF | Accuracy | float | int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    breakdown: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "metrics": {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in self.metrics.items()},
            "breakdown": self.breakdown,
            "notes": self.notes,
        }


@dataclass
class Report:
    component: str
    sections: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"component": self.component, "sections": [s.to_dict() for s in self.sections]}

    def render(self) -> str:
        lines = [f"== {self.component} =="]
        for section in self.sections:
            lines.append(f"-- {section.name}")
            for key, value in section.metrics.items():
                lines.append(f"   {key:<34} {_fmt(value)}")
            for key, row in section.breakdown.items():
                lines.append(f"   · {key:<32} {_fmt_row(row)}")
            lines.extend(f"   note: {n}" for n in section.notes)
        return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, PRF):
        return f"P {value.precision:.3f}  R {value.recall:.3f}  F1 {value.f1:.3f}  (tp {value.tp}, fp {value.fp}, fn {value.fn})"
    if isinstance(value, Accuracy):
        return f"{value.value:.3f}  ({value.correct}/{value.total})"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _fmt_row(row: dict[str, Any]) -> str:
    return "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items())
