"""The baselines every forecast must beat, and the season they use.

All forecasts here follow one scheme: from each forecast origin ``o`` (the first step not yet
seen), predict steps ``o .. o+h-1`` using only values before ``o``.
"""

from __future__ import annotations

import numpy as np

BASELINES = ("persistence", "seasonal_naive", "mean")


def detect_season(series: np.ndarray, max_lag: int = 400, threshold: float = 0.3) -> int | None:
    """The season length in steps: the lag of the highest local peak of the autocorrelation of the
    linearly detrended series, if it reaches ``threshold``; None when there is none, or the series
    is too short to show three seasons.

    Example:
        >>> t = np.arange(120)
        >>> detect_season(np.sin(2 * np.pi * t / 12) + 0.01 * t)
        12
        >>> detect_season(np.random.default_rng(0).normal(size=300)) is None
        True
    """
    values = np.asarray(series, dtype=float)
    steps = np.arange(len(values))
    if len(values) < 9:
        return None
    values = values - np.polyval(np.polyfit(steps, values, 1), steps)
    values = values - values.mean()
    variance = float(values @ values)
    limit = min(len(values) // 3, max_lag)
    if variance == 0.0 or limit < 3:
        return None
    acf = np.array([1.0] + [values[lag:] @ values[:-lag] / variance for lag in range(1, limit + 2)])
    peaks = [lag for lag in range(2, limit + 1)
             if acf[lag] > acf[lag - 1] and acf[lag] >= acf[lag + 1] and acf[lag] >= threshold]
    return max(peaks, key=lambda lag: acf[lag]) if peaks else None


def rolling_origins(start: int, stop: int, horizon: int) -> list[tuple[int, int]]:
    """Forecast origins for the period ``[start, stop)``: ``(origin, steps)`` pairs, ``horizon`` apart.

    Example:
        >>> rolling_origins(10, 15, 2)
        [(10, 2), (12, 2), (14, 1)]
    """
    return [(origin, min(horizon, stop - origin)) for origin in range(start, stop, horizon)]


def baseline_forecasts(series: np.ndarray, start: int, stop: int, horizon: int, season: int | None,
                       train_mean: float) -> dict[str, np.ndarray]:
    """Each baseline's forecast of ``series[start:stop]`` with the same origins as the model.

    - persistence: the last value before the origin, for every step.
    - seasonal_naive: the value one season before each step (persistence when there is no season).
    - mean: the training mean.
    """
    series = np.asarray(series, dtype=float)
    lag = season or 1
    forecasts: dict[str, list[float]] = {name: [] for name in BASELINES}
    for origin, steps in rolling_origins(start, stop, horizon):
        for k in range(steps):
            forecasts["persistence"].append(series[origin - 1])
            back = lag * ((k // lag) + 1)  # whole seasons back, to a step before the origin
            forecasts["seasonal_naive"].append(series[origin + k - back])
            forecasts["mean"].append(train_mean)
    return {name: np.array(values) for name, values in forecasts.items()}
