"""Sequential: building, naming, summary, Keras-layout weights."""

import numpy as np
import pytest

from lstmkit.layers import LSTM, Dense, Dropout, Input
from lstmkit.models import Sequential


def test_input_layer_declares_the_shape():
    model = Sequential([Input(shape=(10, 2)), LSTM(4), Dense(1)])
    assert model.input_shape == (None, 10, 2)
    assert model.output_shape == (None, 1)
    assert [layer.name for layer in model.layers] == ["lstm", "dense"]


def test_input_must_come_first():
    with pytest.raises(ValueError, match="Input\\(...\\) must be the first"):
        Sequential([LSTM(4, input_shape=(3, 1)), Input(shape=(3, 1))])


def test_layer_names_are_unique_and_snake_case():
    model = Sequential([LSTM(4, input_shape=(3, 1), return_sequences=True), LSTM(4), Dropout(0.1), Dense(1)])
    assert [layer.name for layer in model.layers] == ["lstm", "lstm_1", "dropout", "dense"]
    with pytest.raises(ValueError, match="A layer named 'dense' is already in this model"):
        model.add(Dense(1, name="dense"))


def test_input_shape_on_a_later_layer_warns():
    model = Sequential([LSTM(4, input_shape=(3, 1))])
    with pytest.warns(UserWarning, match="input_shape on Dense is ignored"):
        model.add(Dense(1, input_shape=(7,)))


def test_summary_matches_keras_counts(capsys):
    model = Sequential([LSTM(32, input_shape=(50, 2), return_sequences=True), LSTM(16), Dense(1)])
    model.summary()
    out = capsys.readouterr().out
    # Keras: 4 * (32 * (2 + 32) + 32) = 4480; 4 * (16 * (32 + 16) + 16) = 3136; 16 + 1 = 17.
    assert "lstm (LSTM)" in out and "(None, 50, 32)" in out and "4,480" in out
    assert "lstm_1 (LSTM)" in out and "(None, 16)" in out and "3,136" in out
    assert "Total params: 7,633" in out and "Non-trainable params: 0" in out
    assert model.count_params() == 7633


def test_summary_through_print_fn():
    lines = []
    Sequential([Dense(2, input_shape=(3,))]).summary(print_fn=lines.append)
    assert any("Total params: 8" in line for line in lines)


def test_weights_in_keras_layout():
    model = Sequential([LSTM(3, input_shape=(5, 2)), Dense(4)])
    shapes = [w.shape for w in model.get_weights()]
    assert shapes == [(2, 12), (3, 12), (12,), (3, 4), (4,)]
    with pytest.raises(ValueError, match=r"Weight 0 of layer 'lstm' \(LSTM\) has shape \(2, 12\); got \(12, 2\)"):
        model.set_weights([np.zeros((12, 2)), np.zeros((3, 12)), np.zeros(12), np.zeros((3, 4)), np.zeros(4)])
    with pytest.raises(ValueError, match="The model has 5 weight arrays; got 1"):
        model.set_weights([np.zeros(1)])


def test_build_with_batch_first_shape():
    model = Sequential([LSTM(3), Dense(1)])
    model.build((None, 7, 2))
    assert model.output_shape == (None, 1)
    with pytest.raises(ValueError, match="defined for inputs \\(None, 7, 2\\)"):
        model.build((None, 7, 3))
