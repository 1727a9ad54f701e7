"""Golden tests: lstmkit and Keras 3 (JAX backend, CPU) given identical weights give the same
outputs. The weights move with ``model.set_weights(keras_model.get_weights())``: lstmkit uses
Keras's list, order and shapes."""

import os

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
if os.environ.get("CI"):
    import keras  # CI installs the golden extra: a missing Keras is a failure there, not a skip
else:
    keras = pytest.importorskip("keras")

from lstmkit import layers as L  # noqa: E402
from lstmkit.models import Sequential  # noqa: E402

ATOL = 1e-5


def outputs(keras_layers, our_layers, x):
    """Build both models on inputs shaped like ``x``, copy Keras's weights, predict ``x``."""
    theirs = keras.Sequential([keras.Input(shape=x.shape[1:]), *keras_layers])
    ours = Sequential([L.Input(shape=x.shape[1:]), *our_layers])
    assert ours.count_params() == theirs.count_params()
    ours.set_weights(theirs.get_weights())
    return theirs.predict(x, verbose=0), ours.predict(x)


@pytest.fixture
def x():
    return np.random.default_rng(0).normal(size=(4, 7, 3)).astype("float32")


RECURRENT_SETTINGS = [{}, {"return_sequences": True}, {"go_backwards": True, "return_sequences": True},
                      {"activation": "relu"}, {"use_bias": False}]


@pytest.mark.parametrize("name", ["LSTM", "GRU", "SimpleRNN"])
@pytest.mark.parametrize("settings", RECURRENT_SETTINGS, ids=str)
def test_recurrent_layers(name, settings, x):
    theirs, ours = outputs([getattr(keras.layers, name)(5, **settings)], [getattr(L, name)(5, **settings)], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


def test_stacked_lstm_with_dense_head(x):
    theirs, ours = outputs(
        [keras.layers.LSTM(6, return_sequences=True), keras.layers.GRU(4), keras.layers.Dense(2, activation="softmax")],
        [L.LSTM(6, return_sequences=True), L.GRU(4), L.Dense(2, activation="softmax")], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)
