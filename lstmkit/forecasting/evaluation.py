"""A forecast of a test period, scored against the actual values and the baselines."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from lstmkit.forecasting.baselines import baseline_forecasts
from lstmkit.forecasting.metrics import METRICS, forecast_errors


@dataclass
class Evaluation:
    """The result of ``Forecaster.evaluate``.

    Attributes:
        actual: the test values ``(steps,)``.
        forecast: the forecast, averaged over the repeated models ``(steps,)``.
        forecasts: each repeated model's forecast ``(repeats, steps)``.
        metrics: each metric's mean over the repeated models (a single run is not a result).
        metrics_std: each metric's standard deviation over the repeated models.
        ensemble_metrics: the metrics of the averaged forecast.
        baselines: each baseline's forecast ``(steps,)``, with the same origins.
        baseline_metrics: each baseline's metrics.
    """

    actual: np.ndarray
    forecast: np.ndarray
    forecasts: np.ndarray
    metrics: dict[str, float]
    metrics_std: dict[str, float]
    ensemble_metrics: dict[str, float]
    baselines: dict[str, np.ndarray] = field(default_factory=dict)
    baseline_metrics: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def best_baseline(self) -> str:
        return min(self.baseline_metrics, key=lambda name: self.baseline_metrics[name]["rmse"])

    @property
    def beats_baselines(self) -> bool:
        """Whether the model's mean RMSE is below every baseline's."""
        return self.metrics["rmse"] < self.baseline_metrics[self.best_baseline]["rmse"]

    def verdict(self) -> str:
        """One plain sentence: does the LSTM beat the best baseline?"""
        best = self.best_baseline
        ours, theirs = self.metrics["rmse"], self.baseline_metrics[best]["rmse"]
        if self.beats_baselines:
            return (f"The LSTM beats every baseline: RMSE {ours:.4g} against {theirs:.4g} for the best, "
                    f"{best} ({100 * (1 - ours / theirs):.0f}% lower).")
        return (f"The LSTM does NOT beat the best baseline: RMSE {ours:.4g} against {theirs:.4g} for "
                f"{best}. Use {best}, or try other settings (lookback, architecture, more data).")


def score(actual: np.ndarray, forecasts: np.ndarray, history: np.ndarray, start: int, horizon: int,
          season: int | None) -> Evaluation:
    """Score per-model forecasts ``(repeats, steps)`` of ``actual``, which follows ``history``.

    The baselines forecast from the same origins (every ``horizon`` steps from the start of the
    test period), seeing the actual values before each origin, as the model does.
    """
    per_model = [forecast_errors(actual, f, history, season) for f in forecasts]
    forecast = forecasts.mean(axis=0)
    full = np.concatenate([history, actual])
    baselines = baseline_forecasts(full, start, len(full), horizon, season, float(history.mean()))
    return Evaluation(
        actual=actual,
        forecast=forecast,
        forecasts=forecasts,
        metrics={m: float(np.mean([p[m] for p in per_model])) for m in METRICS},
        metrics_std={m: float(np.std([p[m] for p in per_model])) for m in METRICS},
        ensemble_metrics=forecast_errors(actual, forecast, history, season),
        baselines=baselines,
        baseline_metrics={name: forecast_errors(actual, f, history, season) for name, f in baselines.items()},
    )
