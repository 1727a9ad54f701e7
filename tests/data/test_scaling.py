"""Scaling: per feature, fitted on training data, inverted exactly."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.exceptions import NotFittedError
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from lstmkit.data import SequenceScaler, make_windows

data_3d = arrays(np.float64, st.tuples(st.integers(2, 6), st.integers(1, 5), st.integers(1, 3)),
                 elements=st.floats(-1e4, 1e4))


@settings(max_examples=50, deadline=None)
@given(X=data_3d, kind=st.sampled_from(["minmax", "standard", "robust", "maxabs"]))
def test_scaling_round_trips(X, kind):
    scaler = SequenceScaler(kind).fit(X)
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X)), X, rtol=1e-7, atol=1e-6)


def test_scaling_is_per_feature_and_equals_sklearn_on_rows():
    X = np.random.default_rng(0).normal(size=(5, 4, 3)) * [1, 10, 100]
    ours = SequenceScaler("standard").fit_transform(X)
    reference = StandardScaler().fit_transform(X.reshape(-1, 3)).reshape(X.shape)
    np.testing.assert_allclose(ours, reference)


def test_fitted_on_training_part_only():
    series = np.arange(100.0)
    scaler = SequenceScaler("minmax").fit(series[:80])
    scaled = scaler.transform(series)
    assert scaled[:80].min() == 0.0 and scaled[79] == 1.0
    assert scaled[80:].min() > 1.0  # the test part is not squeezed into [0, 1]: nothing leaked


def test_inverting_one_target_column_of_a_multivariate_scaler():
    rng = np.random.default_rng(1)
    series = rng.normal(size=(50, 3)) * [1, 5, 50] + [0, 10, 100]
    scaler = SequenceScaler("minmax").fit(series)
    _, y = make_windows(scaler.transform(series), lookback=5, horizon=2, target=2)  # (N, 2, 1)
    np.testing.assert_allclose(scaler.inverse_transform(y, columns=[2]), make_windows(series, 5, 2, target=2)[1])
    # 1-D predictions (one step ahead) are one feature: the selected column.
    np.testing.assert_allclose(scaler.inverse_transform(y[:, 0, 0], columns=2), series[5:-1, 2])


def test_accepts_a_scikit_learn_scaler():
    scaler = SequenceScaler(MinMaxScaler(feature_range=(-1, 1))).fit(np.arange(10.0))
    assert scaler.transform(np.array([0.0, 9.0])).tolist() == [-1.0, 1.0]


def test_feature_count_mismatch_is_explained():
    scaler = SequenceScaler().fit(np.zeros((10, 3)))
    with pytest.raises(ValueError, match=r"fitted on 3 feature\(s\) and expects 3 feature\(s\) on the last axis; got 2"):
        scaler.transform(np.zeros((10, 2)))
    with pytest.raises(ValueError, match=r"expects the 1 selected column\(s\) on the last axis; got 3"):
        scaler.inverse_transform(np.zeros((10, 3)), columns=[0])
    with pytest.raises(ValueError, match=r"columns \[5\] are out of range"):
        scaler.inverse_transform(np.zeros((10, 1)), columns=[5])


def test_not_fitted_and_unknown_names():
    with pytest.raises(NotFittedError, match="call fit\\(train\\) first"):
        SequenceScaler().transform(np.zeros(3))
    with pytest.raises(ValueError, match="Unknown scaler 'z'. Known scalers: 'maxabs', 'minmax'"):
        SequenceScaler("z").fit(np.zeros(3))


def test_nan_is_refused():
    with pytest.raises(ValueError, match=r"X contains NaN or infinite values in 1 row\(s\) \(rows 1\)"):
        SequenceScaler().fit(np.array([1.0, np.nan]))
