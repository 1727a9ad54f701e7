"""pad_sequences against Keras's documented outputs and its semantics on random ragged input."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lstmkit.data import pad_sequences

KERAS_EXAMPLE = [[1], [2, 3], [4, 5, 6]]


def test_known_keras_outputs():
    # keras.utils.pad_sequences's documented results for this input.
    assert pad_sequences(KERAS_EXAMPLE, dtype="int32").tolist() == [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
    assert pad_sequences(KERAS_EXAMPLE, dtype="int32", value=-1).tolist() == [[-1, -1, 1], [-1, 2, 3], [4, 5, 6]]
    assert pad_sequences(KERAS_EXAMPLE, dtype="int32", padding="post").tolist() == [[1, 0, 0], [2, 3, 0], [4, 5, 6]]
    assert pad_sequences(KERAS_EXAMPLE, dtype="int32", maxlen=2).tolist() == [[0, 1], [2, 3], [5, 6]]
    assert pad_sequences(KERAS_EXAMPLE).dtype == np.float32


def keras_semantics(sequences, maxlen, padding, truncating, value):
    """The rules as Keras states them, written out with Python lists."""
    maxlen = max((len(s) for s in sequences), default=0) if maxlen is None else maxlen
    rows = []
    for s in sequences:
        kept = list(s[-maxlen:]) if truncating == "pre" else list(s[:maxlen])
        fill = [value] * (maxlen - len(kept))
        rows.append(fill + kept if padding == "pre" else kept + fill)
    return rows


@settings(max_examples=80, deadline=None)
@given(sequences=st.lists(st.lists(st.integers(-50, 50), max_size=8), min_size=1, max_size=6),
       maxlen=st.none() | st.integers(1, 10), padding=st.sampled_from(["pre", "post"]),
       truncating=st.sampled_from(["pre", "post"]), value=st.integers(-9, 9))
def test_equals_keras_semantics_on_random_ragged_input(sequences, maxlen, padding, truncating, value):
    if maxlen is None and not any(sequences):
        maxlen = 1
    got = pad_sequences(sequences, maxlen, "int64", padding, truncating, value)
    assert got.tolist() == keras_semantics(sequences, maxlen, padding, truncating, value)


def test_sequences_of_feature_vectors():
    sequences = [np.ones((2, 3)), np.full((4, 3), 2.0)]
    padded = pad_sequences(sequences, maxlen=3, padding="post", value=-1.0)
    assert padded.shape == (2, 3, 3)
    assert padded[0, 2].tolist() == [-1.0, -1.0, -1.0] and padded[1, 0].tolist() == [2.0, 2.0, 2.0]


@pytest.mark.parametrize("kwargs,match", [
    ({"padding": "middle"}, "padding must be 'pre' or 'post'; got 'middle'"),
    ({"truncating": "both"}, "truncating must be 'pre' or 'post'"),
    ({"maxlen": 0}, "maxlen must be a positive integer or None"),
])
def test_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        pad_sequences(KERAS_EXAMPLE, **kwargs)


def test_mismatched_feature_shapes():
    with pytest.raises(ValueError, match=r"Sequence 1 has steps of shape \(2,\), but earlier sequences have \(3,\)"):
        pad_sequences([np.ones((2, 3)), np.ones((2, 2))])


def test_nan_in_a_sequence_is_refused():
    with pytest.raises(ValueError, match=r"Sequence 1 contains NaN or infinite values in 1 row\(s\) \(rows 1\)"):
        pad_sequences([[1.0, 2.0], [3.0, np.nan]])
