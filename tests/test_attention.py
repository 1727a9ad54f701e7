"""AttentionDecoder: weights that sum to one, and attention that reaches far back."""

import numpy as np
import pytest
import torch

import lstmkit
from lstmkit.data import to_categorical
from lstmkit.layers import LSTM, AttentionDecoder
from lstmkit.models import Sequential
from lstmkit.optimizers import Adam


@pytest.mark.parametrize("score", ["additive", "dot"])
def test_attention_weights_are_a_distribution_over_input_steps(score):
    layer = AttentionDecoder(8, 3, score=score)
    layer.build((7, 5))
    out = layer(torch.randn(4, 7, 5))
    assert out.shape == (4, 7, 3)
    torch.testing.assert_close(out.sum(-1), torch.ones(4, 7))  # softmax outputs
    weights = layer.attention_weights
    assert weights.shape == (4, 7, 7) and (weights >= 0).all()
    torch.testing.assert_close(weights.sum(-1), torch.ones(4, 7))


def test_bad_score_and_input():
    with pytest.raises(ValueError, match="score must be 'additive' or 'dot'; got 'cosine'"):
        AttentionDecoder(4, 2, score="cosine")
    with pytest.raises(ValueError, match=r"AttentionDecoder expects 3D input .*encoder's outputs"):
        Sequential([LSTM(4, input_shape=(5, 2)), AttentionDecoder(4, 2)])


def test_echoes_the_first_values_of_a_sequence():
    # Echo the first 2 of 8 random values (one-hot, 4 kinds): the decoder must look back to the start.
    lstmkit.set_random_seed(0)
    rng = np.random.default_rng(0)
    values = rng.integers(0, 4, (400, 8))
    x = to_categorical(values, 4)
    y = np.zeros_like(x)
    y[:, :2] = x[:, :2]
    y[:, 2:, 0] = 1  # the rest of the output is class 0
    model = Sequential([LSTM(24, return_sequences=True, input_shape=(8, 4)), AttentionDecoder(24, 4)])
    model.compile(optimizer=Adam(learning_rate=0.01), loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=25, batch_size=32, verbose=0)
    predicted = model.predict_classes(x)
    assert (predicted[:, :2] == values[:, :2]).mean() > 0.9
