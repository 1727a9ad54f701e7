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


def padded(x, side):
    """Zero some timesteps: sequence 0 and 1 at the end (right) or start (left), as padding."""
    x = x.copy()
    if side == "right":
        x[0, 5:], x[1, 2:] = 0, 0
    else:
        x[0, :2], x[2, :4] = 0, 0
    return x


@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("name", ["LSTM", "GRU", "SimpleRNN"])
@pytest.mark.parametrize("return_sequences", [False, True])
def test_masking_skips_padded_timesteps(side, name, return_sequences, x):
    data = padded(x, side)
    theirs, ours = outputs(
        [keras.layers.Masking(0.0), getattr(keras.layers, name)(5, return_sequences=return_sequences)],
        [L.Masking(0.0), getattr(L, name)(5, return_sequences=return_sequences)], data)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


def test_right_padding_runs_on_the_fused_kernel_and_left_padding_on_the_step_loop(x, monkeypatch):
    from lstmkit.layers import recurrent

    calls = []
    monkeypatch.setattr(recurrent, "fused", lambda *a, **k: calls.append("fused") or original_fused(*a, **k))
    original_fused = __import__("lstmkit.layers.recurrence", fromlist=["fused"]).fused
    model = Sequential([L.Input(shape=x.shape[1:]), L.Masking(0.0), L.LSTM(4)])
    model.predict(padded(x, "right"))
    assert calls == ["fused"]
    model.predict(padded(x, "left"))
    assert calls == ["fused"]  # the left-padded batch went through the step loop


def test_embedding_with_mask_zero():
    tokens = np.array([[0, 0, 3, 4, 5], [1, 2, 3, 0, 0], [7, 8, 9, 1, 2]], dtype="int32")
    theirs = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Embedding(10, 4, mask_zero=True),
                               keras.layers.LSTM(3, return_sequences=True)])
    ours = Sequential([L.Input(shape=(5,)), L.Embedding(10, 4, mask_zero=True), L.LSTM(3, return_sequences=True)])
    ours.set_weights(theirs.get_weights())
    np.testing.assert_allclose(ours.predict(tokens), theirs.predict(tokens, verbose=0), atol=ATOL)


@pytest.mark.parametrize("merge_mode", ["concat", "sum", "mul", "ave", None])
@pytest.mark.parametrize("return_sequences", [False, True])
def test_bidirectional_merge_modes(merge_mode, return_sequences, x):
    theirs, ours = outputs(
        [keras.layers.Bidirectional(keras.layers.LSTM(5, return_sequences=return_sequences), merge_mode=merge_mode)],
        [L.Bidirectional(L.LSTM(5, return_sequences=return_sequences), merge_mode=merge_mode)], x)
    np.testing.assert_allclose(np.asarray(ours), np.asarray(theirs), atol=ATOL)


def test_time_distributed_dense(x):
    theirs, ours = outputs([keras.layers.TimeDistributed(keras.layers.Dense(4, activation="sigmoid"))],
                           [L.TimeDistributed(L.Dense(4, activation="sigmoid"))], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


def test_seed_cnn_lstm_time_distributed_conv1d():
    # The seed's CNN-LSTM: subsequences of steps, each read by a Conv1D, then an LSTM.
    x = np.random.default_rng(1).normal(size=(5, 2, 2, 1)).astype("float32")  # (samples, subsequences, steps, features)
    theirs, ours = outputs(
        [keras.layers.TimeDistributed(keras.layers.Conv1D(filters=64, kernel_size=1, activation="relu")),
         keras.layers.TimeDistributed(keras.layers.MaxPooling1D(pool_size=2)),
         keras.layers.TimeDistributed(keras.layers.Flatten()), keras.layers.LSTM(50, activation="relu"),
         keras.layers.Dense(1)],
        [L.TimeDistributed(L.Conv1D(filters=64, kernel_size=1, activation="relu")),
         L.TimeDistributed(L.MaxPooling1D(pool_size=2)), L.TimeDistributed(L.Flatten()),
         L.LSTM(50, activation="relu"), L.Dense(1)], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


def test_video_cnn_lstm_time_distributed_conv2d():
    x = np.random.default_rng(2).normal(size=(2, 3, 8, 8, 1)).astype("float32")
    theirs, ours = outputs(
        [keras.layers.TimeDistributed(keras.layers.Conv2D(2, (2, 2), activation="relu")),
         keras.layers.TimeDistributed(keras.layers.MaxPooling2D((2, 2))), keras.layers.TimeDistributed(keras.layers.Flatten()),
         keras.layers.LSTM(4), keras.layers.Dense(1, activation="sigmoid")],
        [L.TimeDistributed(L.Conv2D(2, (2, 2), activation="relu")), L.TimeDistributed(L.MaxPooling2D((2, 2))),
         L.TimeDistributed(L.Flatten()), L.LSTM(4), L.Dense(1, activation="sigmoid")], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


def test_encoder_decoder_with_repeat_vector(x):
    theirs, ours = outputs(
        [keras.layers.LSTM(5), keras.layers.RepeatVector(3), keras.layers.LSTM(4, return_sequences=True),
         keras.layers.TimeDistributed(keras.layers.Dense(2, activation="softmax"))],
        [L.LSTM(5), L.RepeatVector(3), L.LSTM(4, return_sequences=True),
         L.TimeDistributed(L.Dense(2, activation="softmax"))], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


@pytest.mark.parametrize("padding", ["valid", "same", "causal"])
def test_conv1d_paddings(padding, x):
    theirs, ours = outputs([keras.layers.Conv1D(4, 3, padding=padding)], [L.Conv1D(4, 3, padding=padding)], x)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


@pytest.mark.parametrize("name", ["LSTM", "GRU"])
def test_stateful_layer_over_two_chunks(name):
    # A stateful layer carries each row's state into the next call, so two chunks equal the whole
    # sequence. (Keras's predict() on the JAX backend starts every call from fresh states; its
    # direct calls carry them, and those are compared here.)
    x = np.random.default_rng(3).normal(size=(2, 6, 3)).astype("float32")
    theirs = keras.Sequential([keras.Input(batch_shape=(2, 3, 3)),
                               getattr(keras.layers, name)(4, stateful=True, return_sequences=True)])
    ours = Sequential([L.Input(batch_shape=(2, 3, 3)), getattr(L, name)(4, stateful=True, return_sequences=True)])
    ours.set_weights(theirs.get_weights())
    for chunk in (x[:, :3], x[:, 3:]):
        np.testing.assert_allclose(ours.predict(chunk), np.asarray(theirs(chunk)), atol=ATOL)
    ours.reset_states()
    theirs.layers[-1].reset_states()
    np.testing.assert_allclose(ours.predict(x[:, :3]), np.asarray(theirs(x[:, :3])), atol=ATOL)
