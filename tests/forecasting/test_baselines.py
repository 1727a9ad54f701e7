"""Baselines, metrics and season detection on hand-checked numbers."""

import numpy as np
import pytest

from lstmkit.forecasting.baselines import baseline_forecasts, detect_season, rolling_origins
from lstmkit.forecasting.metrics import forecast_errors, smape


def test_baselines_use_only_values_before_each_origin():
    series = np.arange(20.0)
    forecasts = baseline_forecasts(series, start=12, stop=16, horizon=2, season=4, train_mean=5.5)
    assert forecasts["persistence"].tolist() == [11, 11, 13, 13]
    assert forecasts["seasonal_naive"].tolist() == [8, 9, 10, 11]
    assert forecasts["mean"].tolist() == [5.5] * 4


def test_seasonal_naive_reaches_back_whole_seasons_for_long_horizons():
    series = np.arange(30.0)
    forecasts = baseline_forecasts(series, start=20, stop=26, horizon=6, season=4, train_mean=0.0)
    assert forecasts["seasonal_naive"].tolist() == [16, 17, 18, 19, 16, 17]


def test_rolling_origins_cover_the_period():
    assert rolling_origins(5, 12, 3) == [(5, 3), (8, 3), (11, 1)]


def test_metrics_by_hand():
    actual, forecast = np.array([100.0, 200.0]), np.array([110.0, 180.0])
    errors = forecast_errors(actual, forecast, history=np.array([0.0, 10.0, 30.0]), season=None)
    assert errors["rmse"] == pytest.approx(np.sqrt((100 + 400) / 2))
    assert errors["mae"] == 15 and errors["mape"] == pytest.approx(10.0)
    assert errors["smape"] == pytest.approx(100 * (20 / 210 + 40 / 380) / 2)
    assert errors["mase"] == pytest.approx(15 / 15)  # naive in-sample MAE: (10 + 20) / 2
    assert smape(np.zeros(2), np.zeros(2)) == 0.0


@pytest.mark.parametrize("period", [4, 7, 12, 24])
def test_detects_the_season_of_a_seasonal_series(period):
    t = np.arange(period * 10)
    noise = np.random.default_rng(period).normal(scale=0.1, size=len(t))
    assert detect_season(np.sin(2 * np.pi * t / period) + 0.02 * t + noise) == period


def test_no_season_in_noise_or_short_series():
    assert detect_season(np.random.default_rng(1).normal(size=500)) is None
    assert detect_season(np.cumsum(np.random.default_rng(2).normal(size=500))) is None  # a random walk
    assert detect_season(np.arange(5.0)) is None
