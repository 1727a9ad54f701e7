"""Time-ordered splits and walk-forward folds."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from lstmkit.data import train_test_split_time, walk_forward


def test_split_keeps_time_order_for_several_arrays():
    X, y = np.arange(20).reshape(10, 2), np.arange(10)
    X_train, X_test, y_train, y_test = train_test_split_time(X, y, test_size=3)
    assert y_train.tolist() == list(range(7)) and y_test.tolist() == [7, 8, 9]
    assert np.shares_memory(X_train, X)  # views, no copies


def test_split_fraction_rounds_up_and_accepts_pandas():
    frame = pd.DataFrame({"a": range(10)}, index=range(100, 110))
    train, test = train_test_split_time(frame, test_size=0.25)
    assert len(test) == 3 and test.index[0] == 107


@pytest.mark.parametrize("size,match", [
    (0.0, r"fraction must be in \(0, 1\)"), (10, "leaves 0 of 10 samples for training"),
    (True, "fraction in \\(0, 1\\) or a count"),
])
def test_split_errors(size, match):
    with pytest.raises((ValueError, TypeError), match=match):
        train_test_split_time(np.arange(10), test_size=size)


def test_split_length_mismatch():
    with pytest.raises(ValueError, match=r"same number of samples; got lengths \[4, 5\]"):
        train_test_split_time(np.zeros(4), np.zeros(5), test_size=1)


@given(n=st.integers(2, 200), data=st.data())
def test_walk_forward_folds_never_look_ahead(n, data):
    initial = data.draw(st.integers(1, n - 1))
    horizon = data.draw(st.integers(1, n - initial))
    step = data.draw(st.integers(1, 10))
    window = data.draw(st.none() | st.integers(1, n))
    folds = walk_forward(n, initial, step, horizon, max_train_size=window)
    assert folds and folds[0].train.stop == initial
    for fold in folds:
        assert fold.train.stop == fold.test.start  # test right after train
        assert fold.test_size == horizon and fold.test.stop <= n
        assert window is None or fold.train_size <= window
    assert [f.test.start for f in folds] == list(range(initial, n - horizon + 1, step))


def test_walk_forward_errors():
    with pytest.raises(ValueError, match="initial=8 plus horizon=3 exceeds the 10 samples"):
        walk_forward(10, initial=8, step=1, horizon=3)
    with pytest.raises(ValueError, match="step must be a positive integer"):
        walk_forward(10, initial=5, step=0, horizon=1)
