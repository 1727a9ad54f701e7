"""What every lesson writes: ``metrics.json`` (one format for all lessons) and ``report.md``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lstmkit.files import atomic_write_bytes


@dataclass
class LessonResult:
    """The outcome of a lesson's experiment.

    Attributes:
        lesson: the lesson's number.
        metric: the name of the headline number, e.g. 'accuracy'.
        value: the headline number.
        results: every model's (or stage's) numbers.
        settings: what the experiment ran with (seed, sizes), to reproduce it.
        seconds: how long it took.
        report: the Markdown body of ``report.md``.
        plots: PNG files written next to the report, by name.
    """

    lesson: int
    metric: str
    value: float
    results: dict[str, Any]
    settings: dict[str, Any]
    seconds: float = 0.0
    report: str = ""
    plots: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        return {"lesson": self.lesson, "metric": self.metric, "value": self.value,
                "results": self.results, "settings": self.settings, "seconds": round(self.seconds, 3)}


def write_report(result: LessonResult, out: Path) -> list[Path]:
    """Write ``metrics.json`` and ``report.md`` into ``out`` (created if needed); returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    metrics = atomic_write_bytes(out / "metrics.json",
                                 (json.dumps(result.metrics(), indent=2, default=_plain) + "\n").encode())
    report = atomic_write_bytes(out / "report.md", result.report.encode())
    return [metrics, report, *(out / plot for plot in result.plots)]


def _plain(value: Any) -> Any:
    """JSON for NumPy numbers and arrays."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
