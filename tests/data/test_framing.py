"""Framing: series_to_supervised and make_windows against naive implementations."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays

from lstmkit.data import make_windows, series_to_supervised

series_2d = st.integers(1, 4).flatmap(
    lambda features: arrays(np.float64, st.tuples(st.integers(1, 40), st.just(features)),
                            elements=st.floats(-1e3, 1e3)))


def naive_windows(values, lookback, horizon, stride, targets):
    xs, ys = [], []
    for start in range(0, len(values) - lookback - horizon + 1, stride):
        xs.append(values[start:start + lookback].copy())
        ys.append(values[start + lookback:start + lookback + horizon][:, targets].copy())
    return np.array(xs), np.array(ys)


@settings(max_examples=60, deadline=None)
@given(values=series_2d, lookback=st.integers(1, 10), horizon=st.integers(1, 5), stride=st.integers(1, 4),
       data=st.data())
def test_windows_equal_naive_copies(values, lookback, horizon, stride, data):
    steps, features = values.shape
    targets = data.draw(st.lists(st.integers(0, features - 1), min_size=1, max_size=features, unique=True))
    if steps < lookback + horizon:
        with pytest.raises(ValueError, match="too short for one window"):
            make_windows(values, lookback, horizon, stride, target=targets)
        return
    X, y = make_windows(values, lookback, horizon, stride, target=targets)
    X_ref, y_ref = naive_windows(values, lookback, horizon, stride, targets)
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(y, y_ref)


def test_windows_are_read_only_views_of_the_series():
    series = np.arange(1000.0).reshape(500, 2)
    X, y = make_windows(series, lookback=100, horizon=3, target=1)
    assert X.shape == (398, 100, 2) and y.shape == (398, 3, 1)
    assert np.shares_memory(X, series) and np.shares_memory(y, series)
    assert X.base is not None and not X.flags.writeable


def test_windows_take_target_by_column_name():
    frame = pd.DataFrame({"a": np.arange(10.0), "b": np.arange(10.0) * 10})
    _, y = make_windows(frame, lookback=3, target="b")
    assert y[0, 0, 0] == 30.0
    with pytest.raises(ValueError, match=r"target 'c' is not a column; columns are \['a', 'b'\]"):
        make_windows(frame, lookback=3, target="c")


@pytest.mark.parametrize("kwargs,match", [
    ({"lookback": 0}, "lookback must be a positive integer"),
    ({"lookback": 3, "horizon": 0}, "horizon must be a positive integer"),
    ({"lookback": 3, "target": 5}, r"target 5 is out of range for 1 feature\(s\)"),
    ({"lookback": 20}, r"has 10 timesteps, too short .* use a shorter lookback \(at most 9\)"),
])
def test_window_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        make_windows(np.arange(10.0), **kwargs)


def test_windows_refuse_nan_naming_rows_and_columns():
    series = np.zeros((10, 3))
    series[4, 2] = np.nan
    with pytest.raises(ValueError, match=r"series contains NaN .*\(rows 4\) and 1 column\(s\) \(columns 2\)"):
        make_windows(series, lookback=3)


def naive_supervised(values, n_in, n_out):
    """Row t: values[t-n_in .. t+n_out-1], oldest first, every variable of a step together."""
    rows = [values[t - n_in:t + n_out].reshape(-1) for t in range(n_in, len(values) - n_out + 1)]
    return np.array(rows).reshape(-1, (n_in + n_out) * values.shape[1])


@settings(max_examples=60, deadline=None)
@given(values=series_2d, n_in=st.integers(0, 5), n_out=st.integers(1, 4))
def test_series_to_supervised_equals_shift_construction(values, n_in, n_out):
    table = series_to_supervised(values, n_in, n_out)
    np.testing.assert_array_equal(table.to_numpy(), naive_supervised(values, n_in, n_out))
    full = series_to_supervised(values, n_in, n_out, dropnan=False)
    assert len(full) == len(values)
    frame = pd.DataFrame(values)
    for i in range(1, n_in + 1):  # the pandas-shift definition, column by column
        pd.testing.assert_series_equal(full[f"var1(t-{i})"], frame[0].shift(i), check_names=False)


def test_series_to_supervised_column_names():
    table = series_to_supervised(np.zeros((5, 2)), n_in=2, n_out=2)
    assert list(table.columns) == ["var1(t-2)", "var2(t-2)", "var1(t-1)", "var2(t-1)",
                                   "var1(t)", "var2(t)", "var1(t+1)", "var2(t+1)"]


def test_series_to_supervised_keeps_a_pandas_index():
    series = pd.Series([1.0, 2.0, 3.0], index=pd.date_range("2020-01-01", periods=3, freq="D"))
    table = series_to_supervised(series)
    assert table.index[0] == pd.Timestamp("2020-01-02")


def test_series_to_supervised_errors():
    with pytest.raises(ValueError, match="n_in must be a non-negative integer"):
        series_to_supervised([1, 2, 3], n_in=-1)
    with pytest.raises(TypeError, match="data must be numeric; it holds values such as 'x'"):
        series_to_supervised(["x", "y"])
