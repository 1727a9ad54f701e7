"""Forecaster: skill on a small problem, no leakage, the scikit-learn contract, files."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from lstmkit.data import SequenceScaler
from lstmkit.forecasting import Forecaster

FAST = dict(epochs=60, patience=15, units=16, batch_size=32)


def sine(steps=160, period=12, noise=0.05, seed=0):
    t = np.arange(steps)
    rng = np.random.default_rng(seed)
    values = 10 + np.sin(2 * np.pi * t / period) + noise * rng.normal(size=steps)
    return pd.Series(values, index=pd.date_range("2000-01-01", periods=steps, freq="MS"), name="y")


def test_sine_wave_is_forecast_better_than_persistence():
    series = sine()
    forecaster = Forecaster(horizon=3, **FAST).fit(series[:-24])
    evaluation = forecaster.evaluate(series[-24:])
    assert forecaster.season_ == 12 and forecaster.lookback_ == 24
    persistence = evaluation.baseline_metrics["persistence"]["rmse"]
    assert evaluation.metrics["rmse"] < 0.5 * persistence
    assert evaluation.forecast.shape == (24,) and evaluation.forecasts.shape == (1, 24)


def test_scaler_never_sees_test_rows(monkeypatch):
    fitted_on = []
    original = SequenceScaler.fit

    def spy(self, X, y=None):
        fitted_on.append(np.array(X, copy=True))
        return original(self, X, y)

    monkeypatch.setattr(SequenceScaler, "fit", spy)
    series = sine()
    train, test = series[:-24], series[-24:] + 100  # the test values are far outside the training range
    forecaster = Forecaster(horizon=2, **FAST).fit(train)
    forecaster.evaluate(test)
    forecaster.predict(test)
    assert len(fitted_on) == 1  # fitted once, in fit, on the training rows only
    np.testing.assert_array_equal(fitted_on[0][:, 0], train.to_numpy())
    assert forecaster.scaler_.scaler_.data_max_[0] == train.max() < test.min()


def test_scikit_learn_contract():
    forecaster = Forecaster(horizon=2, units=8)
    assert forecaster.get_params()["units"] == 8
    assert forecaster.set_params(units=4) is forecaster and forecaster.units == 4
    assert clone(forecaster).get_params() == forecaster.get_params()
    assert not hasattr(forecaster, "models_")  # __init__ stores parameters only
    with pytest.raises(NotFittedError, match="not fitted yet; call fit"):
        forecaster.predict()
    fitted = Forecaster(horizon=2, epochs=2, units=4).fit(sine())
    assert isinstance(fitted, Forecaster) and hasattr(fitted, "models_") and hasattr(fitted, "scaler_")


def test_all_bad_settings_reported_at_once():
    with pytest.raises(ValueError, match=r"Invalid Forecaster settings: horizon must be a positive integer \(got 0\); "
                                         r".*normalization must be 'window' or 'none'.*Unknown architecture 'deep'"):
        Forecaster(horizon=0, normalization="rev", architecture="deep").fit(sine())


def test_too_little_data_says_how_much_is_needed():
    with pytest.raises(ValueError, match=r"The data has 20 rows; lookback=12 and horizon=6 .* need at least \d+"):
        Forecaster(lookback=12, horizon=6).fit(sine(20))


def test_multivariate_features_and_multi_step():
    series = sine()
    frame = pd.DataFrame({"y": series, "x": np.roll(series.to_numpy(), -1)}, index=series.index)
    forecaster = Forecaster(horizon=4, **FAST).fit(frame[:-12], target="y", features=["x"])
    assert forecaster.last_window_.shape == (forecaster.lookback_, 2)
    assert forecaster.predict().shape == (4,)
    assert forecaster.evaluate(frame[-12:]).forecast.shape == (12,)
    with pytest.raises(ValueError, match="trained with extra features, so it can forecast at most 4 steps"):
        forecaster.predict(horizon=8)


def test_longer_horizon_is_forecast_step_by_step():
    forecaster = Forecaster(horizon=2, epochs=3, units=4).fit(sine())
    first = forecaster.predict()
    longer = forecaster.predict(horizon=5)
    assert longer.shape == (5,)
    np.testing.assert_allclose(longer[:2], first)


def test_observe_moves_the_forecast_origin():
    series = sine()
    forecaster = Forecaster(horizon=2, epochs=3, units=4).fit(series[:-10])
    np.testing.assert_allclose(forecaster.observe(series[-10:]).predict(), forecaster.predict(series))
    assert forecaster.future_index(2) == [str(d.date()) for d in pd.date_range(series.index[-1], periods=3, freq="MS")[1:]]


def test_save_load_round_trip(tmp_path):
    forecaster = Forecaster(horizon=3, epochs=3, units=4, repeats=2).fit(sine())
    path = forecaster.save(tmp_path / "model")
    loaded = Forecaster.load(path)
    np.testing.assert_array_equal(loaded.predict(), forecaster.predict())
    assert loaded.get_params() == forecaster.get_params()
    assert sorted(p.name for p in path.iterdir()) == ["config.json", "model_0.lstmkit", "model_1.lstmkit"]


def test_save_refuses_to_replace_a_foreign_folder(tmp_path):
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not lose me")
    forecaster = Forecaster(horizon=1, epochs=2, units=4).fit(sine())
    with pytest.raises(FileExistsError, match="exists and is not an lstmkit output folder"):
        forecaster.save(precious)
    assert (precious / "thesis.txt").read_text() == "do not lose me"
    forecaster.save(tmp_path / "model")
    forecaster.save(tmp_path / "model")  # replacing its own earlier save is fine


def test_load_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="No saved forecaster"):
        Forecaster.load(tmp_path)
    (tmp_path / "config.json").write_text('{"format": "other"}')
    with pytest.raises(ValueError, match="is not a saved lstmkit Forecaster"):
        Forecaster.load(tmp_path)


def test_backtest_refits_on_each_fold():
    table = Forecaster(horizon=4, epochs=3, units=4).backtest(sine(), folds=2)
    assert list(table.index) == [0, 1]
    assert table["train_size"].tolist() == [152, 156]
    assert {"rmse", "mase", "best_baseline_rmse"} <= set(table.columns)


def test_missing_values_are_filled_and_reported():
    series = sine()
    series.iloc[[10, 11, 40]] = np.nan
    forecaster = Forecaster(horizon=1, epochs=2, units=4).fit(series)
    assert forecaster.missing_ == {"y": 3}
    assert np.isfinite(forecaster.history_).all()
