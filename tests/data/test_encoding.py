"""Categorical data: integers and one-hot vectors, and back."""

import numpy as np
import pytest

from lstmkit.data import CategoryEncoder, from_categorical, to_categorical


def test_to_categorical_as_keras():
    assert to_categorical([0, 2, 1], num_classes=4).tolist() == [[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0]]
    assert to_categorical(np.array([[1], [0]])).shape == (2, 2)  # trailing axis of 1 dropped, as Keras
    assert to_categorical(np.zeros((3, 5), dtype=int), 2).shape == (3, 5, 2)  # sequences of labels
    labels = np.random.default_rng(0).integers(0, 7, size=(4, 6))
    np.testing.assert_array_equal(from_categorical(to_categorical(labels, 7)), labels)


@pytest.mark.parametrize("labels,kwargs,match", [
    ([0, 3], {"num_classes": 3}, r"Label 3 is out of range for num_classes=3 \(labels must be 0..2\)"),
    ([-1, 0], {}, "Class labels must be >= 0; got -1"),
    ([0.5], {}, "to_categorical takes integer class labels"),
    (["a"], {}, "Turn categories into integers first with CategoryEncoder"),
])
def test_to_categorical_errors(labels, kwargs, match):
    with pytest.raises(ValueError, match=match):
        to_categorical(labels, **kwargs)


def test_category_encoder_round_trips_strings():
    values = ["sun", "rain", "snow", "rain", "sun"]
    encoder = CategoryEncoder().fit(values)
    assert encoder.categories_ == ["rain", "snow", "sun"]
    codes = encoder.to_integers(values)
    assert codes.tolist() == [2, 0, 1, 0, 2]
    one_hot = encoder.to_one_hot(values)
    assert one_hot.shape == (5, 3) and one_hot.sum(axis=1).tolist() == [1] * 5
    np.testing.assert_array_equal(one_hot, to_categorical(codes, 3))
    assert encoder.from_integers(codes).tolist() == values
    assert encoder.from_one_hot(one_hot).tolist() == values


def test_category_encoder_errors():
    encoder = CategoryEncoder().fit(["a", "b"])
    with pytest.raises(ValueError, match=r"Unknown categories \['c'\]; the encoder knows \['a', 'b'\]"):
        encoder.to_integers(["a", "c"])
    with pytest.raises(ValueError, match=r"Codes must be in 0..1; got 0..2"):
        encoder.from_integers([0, 2])
    with pytest.raises(ValueError, match="not fitted yet"):
        CategoryEncoder().to_one_hot(["a"])
