"""One suite over every layer: output shape, bad-input message, save/load, learning.

Each case is a layer and the shape of one input sample; new layers join by adding a case.
"""

import numpy as np
import pytest
import torch

import lstmkit.layers
from lstmkit.layers import (GRU, LSTM, Activation, AttentionDecoder, Bidirectional, Conv1D, Conv2D, Dense, Dropout, Embedding,
                            Flatten, Layer, Masking, MaxPooling1D, MaxPooling2D, RepeatVector, Reverse, SimpleRNN,
                            TimeDistributed)
from lstmkit.layers.base import REGISTRY
from lstmkit.models import Sequential, load_model
from lstmkit.optimizers import Adam

CASES = {
    "lstm": (lambda: LSTM(5), (6, 3)),
    "lstm_sequences": (lambda: LSTM(5, return_sequences=True), (6, 3)),
    "lstm_relu": (lambda: LSTM(5, activation="relu"), (6, 3)),
    "lstm_backwards": (lambda: LSTM(5, go_backwards=True, return_sequences=True), (6, 3)),
    "lstm_dropout": (lambda: LSTM(5, dropout=0.2, recurrent_dropout=0.2), (6, 3)),
    "lstm_no_bias": (lambda: LSTM(5, use_bias=False), (6, 3)),
    "gru": (lambda: GRU(5, return_sequences=True), (6, 3)),
    "gru_step_loop": (lambda: GRU(5, recurrent_dropout=0.2), (6, 3)),
    "simple_rnn": (lambda: SimpleRNN(5), (6, 3)),
    "simple_rnn_relu_backwards": (lambda: SimpleRNN(5, activation="relu", go_backwards=True), (6, 3)),
    "dense": (lambda: Dense(4), (3,)),
    "dense_on_sequences": (lambda: Dense(4, activation="tanh"), (6, 3)),
    "activation": (lambda: Activation("softmax"), (6, 3)),
    "dropout": (lambda: Dropout(0.3), (6, 3)),
    "masking": (lambda: Masking(mask_value=0.0), (6, 3)),
    "embedding": (lambda: Embedding(10, 4), (6,)),
    "embedding_mask_zero": (lambda: Embedding(10, 4, mask_zero=True), (6,)),
    "bidirectional_concat": (lambda: Bidirectional(LSTM(4, return_sequences=True)), (6, 3)),
    "bidirectional_sum_gru": (lambda: Bidirectional(GRU(4), merge_mode="sum"), (6, 3)),
    "bidirectional_mul": (lambda: Bidirectional(SimpleRNN(4), merge_mode="mul"), (6, 3)),
    "bidirectional_ave": (lambda: Bidirectional(LSTM(4, return_sequences=True), merge_mode="ave"), (6, 3)),
    "time_distributed_dense": (lambda: TimeDistributed(Dense(3)), (6, 3)),
    "time_distributed_conv1d": (lambda: TimeDistributed(Conv1D(4, 2, activation="relu")), (3, 4, 2)),
    "conv1d": (lambda: Conv1D(4, 3), (8, 2)),
    "conv1d_causal": (lambda: Conv1D(4, 3, padding="causal", activation="tanh"), (8, 2)),
    "conv2d": (lambda: Conv2D(3, (2, 2), activation="relu"), (5, 5, 2)),
    "max_pooling1d": (lambda: MaxPooling1D(2), (8, 2)),
    "max_pooling2d": (lambda: MaxPooling2D((2, 2)), (4, 4, 2)),
    "flatten": (lambda: Flatten(), (4, 3)),
    "repeat_vector": (lambda: RepeatVector(3), (4,)),
    "reverse": (lambda: Reverse(), (5, 3)),
    "attention_additive": (lambda: AttentionDecoder(6, 3), (5, 4)),
    "attention_dot_linear": (lambda: AttentionDecoder(6, 2, score="dot", activation="linear"), (5, 4)),
}
TOKENS = {"embedding", "embedding_mask_zero"}  # cases whose inputs are integer tokens


def sample(case, rng, count):
    """``count`` inputs for a case: integer tokens (some 0, the padding token) or floats."""
    shape = (count, *CASES[case][1])
    return rng.integers(0, 10, shape).astype(np.float32) if case in TOKENS else rng.random(shape).astype(np.float32)


# Layers that take inputs of one rank only (the others accept any rank).
RANKED = [case for case, (make, _) in CASES.items() if make().input_ndim is not None]


def with_head(layer, sample_shape):
    """The layer as the first of a model, with a Dense head so that there is something to train."""
    model = Sequential([layer])
    model.build((None, *sample_shape))
    model.add(Dense(2))
    return model


@pytest.mark.parametrize("case", CASES)
def test_output_shape_matches_declared(case, rng):
    make, sample_shape = CASES[case]
    layer = make()
    declared = layer.build(sample_shape)
    x = torch.from_numpy(sample(case, rng, 7))
    assert tuple(layer.eval()(x).shape) == (7, *declared)


@pytest.mark.parametrize("case", RANKED)
def test_wrong_rank_gets_a_clear_message(case):
    make, sample_shape = CASES[case]
    layer = make()
    with pytest.raises(ValueError, match=rf"{type(layer).__name__} expects {layer.input_ndim + 1}D input"):
        layer.build((*sample_shape, 2))


@pytest.mark.parametrize("case", CASES)
def test_save_load_gives_identical_outputs(case, rng, tmp_path):
    make, sample_shape = CASES[case]
    model = with_head(make(), sample_shape)
    x = sample(case, rng, 5)
    model.save(tmp_path / "m.lstmkit")
    np.testing.assert_array_equal(load_model(tmp_path / "m.lstmkit").predict(x), model.predict(x))


@pytest.mark.parametrize("case", CASES)
def test_get_set_weights_round_trip(case, rng):
    make, sample_shape = CASES[case]
    a, b = with_head(make(), sample_shape), with_head(make(), sample_shape)
    b.set_weights(a.get_weights())
    x = sample(case, rng, 4)
    np.testing.assert_array_equal(a.predict(x), b.predict(x))


@pytest.mark.parametrize("case", CASES)
def test_can_overfit_one_small_batch(case, rng):
    # Targets come from a second, differently initialised model of the same architecture, so a
    # perfect fit exists; the model must move most of the way there.
    make, sample_shape = CASES[case]
    teacher, model = with_head(make(), sample_shape), with_head(make(), sample_shape)
    model.compile(optimizer=Adam(learning_rate=0.02), loss="mse")
    x = sample(case, rng, 8)
    y = teacher.predict(x)
    first = model.evaluate(x, y)
    model.fit(x, y, epochs=100, batch_size=8, verbose=0)
    assert model.evaluate(x, y) < first / 4


def test_dense_needs_a_known_feature_count():
    with pytest.raises(ValueError, match="Dense needs inputs with a known last dimension"):
        Dense(2).build((5, None))


@pytest.mark.parametrize("make,shape,match", [
    (lambda: Conv1D(4, 3), (8,), r"Conv1D expects 3D input \(samples, steps, channels\)"),
    (lambda: Conv1D(4, 9), (8, 2), "kernel_size 9 is larger than the input's 8 steps"),
    (lambda: MaxPooling2D((3, 3)), (2, 2, 1), "pool_size 3 is larger than the input's 2 steps"),
    (lambda: TimeDistributed(Conv1D(4, 2)), (5, 3), r"TimeDistributed\(Conv1D\) applies it to each timestep"),
    (lambda: Bidirectional(Dense(3)), None, "Bidirectional wraps a recurrent layer"),
])
def test_shape_errors_of_the_cnn_layers(make, shape, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make().build(shape)


def test_every_public_layer_is_covered():
    covered = {type(make()).__name__ for make, _ in CASES.values()}
    public = {name for name in lstmkit.layers.__all__ if name not in ("Layer", "Input")}
    assert public <= covered
    assert all(issubclass(REGISTRY[name], Layer) for name in public)
