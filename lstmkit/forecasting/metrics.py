"""Forecast errors: RMSE, MAE, MAPE, sMAPE and MASE, all in the series' own units or percent."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, root_mean_squared_error

METRICS = ("rmse", "mae", "mape", "smape", "mase")


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    """Symmetric MAPE in percent: mean of ``2 |y - f| / (|y| + |f|)`` (0 where both are 0)."""
    denominator = np.abs(actual) + np.abs(forecast)
    ratio = np.divide(2 * np.abs(actual - forecast), denominator, out=np.zeros_like(denominator, dtype=float),
                      where=denominator != 0)
    return float(100 * ratio.mean())


def naive_scale(history: np.ndarray, season: int | None) -> float:
    """The in-sample MAE of the (seasonal) naive forecast on ``history``: MASE's denominator."""
    lag = season if season and len(history) > season else 1
    if len(history) <= lag:
        return float("nan")
    return float(np.mean(np.abs(history[lag:] - history[:-lag])))


def forecast_errors(actual, forecast, history, season: int | None) -> dict[str, float]:
    """All metrics of ``forecast`` against ``actual``; ``history`` (the training series) scales MASE.

    Example:
        >>> errors = forecast_errors(np.array([2.0, 4.0]), np.array([3.0, 3.0]), np.array([1.0, 2.0, 3.0]), None)
        >>> errors["rmse"], errors["mae"], errors["mase"]
        (1.0, 1.0, 1.0)
    """
    actual, forecast = np.asarray(actual, dtype=float), np.asarray(forecast, dtype=float)
    scale = naive_scale(np.asarray(history, dtype=float), season)
    mae = float(mean_absolute_error(actual, forecast))
    return {
        "rmse": float(root_mean_squared_error(actual, forecast)),
        "mae": mae,
        "mape": float(100 * mean_absolute_percentage_error(actual, forecast)),
        "smape": smape(actual, forecast),
        "mase": mae / scale if scale and np.isfinite(scale) else float("nan"),
    }
