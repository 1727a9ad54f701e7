"""Long sequences: split_sequence reassembles; TBPTT chunks keep each sequence's order."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lstmkit.data import split_sequence, tbptt_batches, to_3d


@settings(max_examples=80, deadline=None)
@given(steps=st.integers(1, 60), features=st.integers(1, 3), length=st.integers(1, 12))
def test_split_sequence_reassembles(steps, features, length):
    sequence = np.arange(steps * features, dtype=float).reshape(steps, features)
    if steps < length:
        with pytest.raises(ValueError, match="fewer than length"):
            split_sequence(sequence, length)
        return
    pieces = split_sequence(sequence, length)
    whole = (steps // length) * length
    np.testing.assert_array_equal(pieces.reshape(-1, features), sequence[:whole])
    padded = split_sequence(sequence, length, remainder="pad", value=-1)
    np.testing.assert_array_equal(padded.reshape(-1, features)[:steps], sequence)
    assert (padded.reshape(-1, features)[steps:] == -1).all()


def test_overlapping_pieces():
    assert split_sequence(np.arange(6), 3, stride=1).tolist() == [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]


def test_remainder_error():
    with pytest.raises(ValueError, match=r"7 steps do not divide into pieces of 3 with stride 3: 1 step\(s\) are left over"):
        split_sequence(np.arange(7), 3, remainder="error")


def test_tbptt_batches_continue_each_sequence():
    samples, timesteps, chunk = 3, 12, 4
    X = np.arange(samples * timesteps, dtype=float).reshape(samples, timesteps, 1)
    y = X * 10
    X_chunks, y_chunks = tbptt_batches(X, y, chunk_length=chunk)
    assert X_chunks.shape == (9, 4, 1)
    for k in range(timesteps // chunk):
        batch = X_chunks[k * samples:(k + 1) * samples]
        np.testing.assert_array_equal(batch, X[:, k * chunk:(k + 1) * chunk])  # row i: sequence i
    np.testing.assert_array_equal(y_chunks, X_chunks * 10)


def test_tbptt_errors_name_the_fix():
    with pytest.raises(ValueError, match=r"10 timesteps do not divide into chunks of 4; use a chunk_length from \[1, 2, 5, 10\]"):
        tbptt_batches(np.zeros((2, 10, 1)), chunk_length=4)
    with pytest.raises(ValueError, match=r"X must be 3-D .* Use lstmkit.data.to_3d"):
        tbptt_batches(np.zeros((2, 10)), chunk_length=5)


def test_to_3d_defaults_follow_the_course():
    assert to_3d(np.arange(100)).shape == (100, 1, 1)  # data.reshape((100, 1, 1))
    assert to_3d(np.arange(10), timesteps=10).shape == (1, 10, 1)  # data.reshape(1, 10, 1)
    assert to_3d(np.zeros((5, 4))).shape == (5, 4, 1)
    assert to_3d(np.zeros((5, 4)), timesteps=1).shape == (5, 1, 4)
    X = np.zeros((5, 6))
    assert np.shares_memory(to_3d(X, features=3), X)


@pytest.mark.parametrize("data,kwargs,match", [
    (np.zeros(10), {"timesteps": 3}, r"10 values do not divide into sequences of timesteps=3; timesteps that fit: \[1, 2, 5, 10\]"),
    (np.zeros((4, 6)), {"features": 4}, r"6 values, which cannot be split into features=4\. .*pairs that fit: \(1, 6\), \(2, 3\), \(3, 2\), \(6, 1\)"),
    (np.zeros((4, 6)), {"timesteps": 2, "features": 2}, "cannot be split into timesteps=2"),
    (np.zeros((2, 3, 4)), {"features": 3}, r"already 3-D \(2, 3, 4\) with 4 features, not 3"),
    (np.zeros((1, 1, 1, 1)), {}, "takes 1-D, 2-D or 3-D data; got 4-D"),
])
def test_to_3d_errors_say_which_shapes_fit(data, kwargs, match):
    with pytest.raises(ValueError, match=match):
        to_3d(data, **kwargs)
