"""The course's Keras snippets (../shared/seeds/) run with only their import lines changed."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import lstmkit
from lstmkit.layers import LSTM, Activation, Dense
from lstmkit.models import Sequential

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def keras_to_lstmkit(source: str) -> str:
    """The only change a learner makes: the import lines."""
    return source.replace("from keras.", "from lstmkit.")


def seed_program() -> str:
    """The whole program of seed 003 ("Python Implementation of LSTM": 0..99 -> 1..100)."""
    path = next(SEEDS.glob("003_*.txt"))
    text = path.read_text(encoding="utf-8")
    return re.search(r"```\n(from keras.*?)```", text, re.S).group(1)


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed texts live in ../shared/seeds")
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_seed_003_program_predicts_101(seed, tmp_path):
    program = keras_to_lstmkit(seed_program())
    assert "from lstmkit.models import Sequential" in program
    script = tmp_path / "program.py"
    script.write_text(f"import lstmkit\nlstmkit.set_random_seed({seed})\n" + program)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    prediction = float(re.search(r"\[\[\s*([-\d.e+]+)\s*\]\]", result.stdout).group(1))
    assert abs(prediction - 101) <= 3, prediction


LOSSES_000 = [("mean_squared_error", "linear"), ("binary_crossentropy", "sigmoid"),
              ("categorical_crossentropy", "softmax")]


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "rmsprop"])
@pytest.mark.parametrize("loss,activation", LOSSES_000)
def test_seed_000_life_cycle_with_each_loss_and_optimizer(optimizer, loss, activation, rng):
    # Seed 000: define, compile, fit, evaluate, predict (predict_classes, predict_proba).
    outputs = 3 if activation == "softmax" else 1
    model = Sequential()
    model.add(LSTM(5, input_shape=(2, 1)))
    model.add(Dense(outputs))
    model.add(Activation(activation))
    model.compile(optimizer=optimizer, loss=loss)
    X = rng.random((20, 2, 1))
    if activation == "softmax":
        y = np.eye(3)[rng.integers(0, 3, 20)]
    else:
        y = rng.integers(0, 2, (20, 1)).astype(float)
    history = model.fit(X, y, epochs=3, batch_size=10, verbose=0)
    assert len(history.history["loss"]) == 3
    assert np.isfinite(model.evaluate(X, y, verbose=0))
    assert model.predict(X).shape == (20, outputs)
    assert model.predict_proba(X).shape == (20, outputs)
    classes = model.predict_classes(X)
    assert classes.shape == ((20,) if outputs > 1 else (20, 1))


def test_seed_004_input_shapes(rng):
    # Seed 004: LSTM(32, input_shape=(50, 2)); and data.reshape(1, 10, 1) for input_shape=(10, 1).
    model = Sequential()
    model.add(LSTM(32, input_shape=(50, 2)))
    model.add(Dense(1))
    assert model.input_shape == (None, 50, 2) and model.output_shape == (None, 1)
    assert model.predict(rng.random((4, 50, 2))).shape == (4, 1)

    data = np.arange(10, dtype=float)
    data = data.reshape(1, 10, 1)
    model = Sequential()
    model.add(LSTM(32, input_shape=(10, 1)))
    model.add(Dense(1))
    assert model.predict(data).shape == (1, 1)


def test_seed_004_unbuilt_model_is_built_from_its_first_data(rng):
    model = Sequential([LSTM(8), Dense(1)])
    assert model.input_shape is None
    model.compile(optimizer="adam", loss="mse")
    model.fit(rng.random((10, 6, 2)), rng.random((10, 1)), verbose=0)
    assert model.input_shape == (None, None, 2)
    assert model.predict(rng.random((3, 9, 2))).shape == (3, 1)  # any number of timesteps


def test_top_level_seed_helper():
    lstmkit.set_random_seed(3)
    a = Sequential([LSTM(3, input_shape=(2, 1)), Dense(1)]).get_weights()
    lstmkit.set_random_seed(3)
    b = Sequential([LSTM(3, input_shape=(2, 1)), Dense(1)]).get_weights()
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


def test_seed_004_bidirectional_merge_modes(rng):
    # Seed 004: model.add(Bidirectional(LSTM(20, return_sequences=True), input_shape=(n_timesteps, 1),
    # merge_mode=mode)), with a TimeDistributed sigmoid output, for each of its four modes.
    from lstmkit.layers import Bidirectional, TimeDistributed

    n_timesteps = 10
    X = rng.random((16, n_timesteps, 1))
    y = (np.cumsum(X, axis=1) > 2.5).astype(float)
    for mode in ["sum", "ave", "mul", "concat"]:
        model = Sequential()
        model.add(Bidirectional(LSTM(20, return_sequences=True), input_shape=(n_timesteps, 1), merge_mode=mode))
        model.add(TimeDistributed(Dense(1, activation="sigmoid")))
        model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
        history = model.fit(X, y, epochs=2, batch_size=8, verbose=0)
        assert model.predict_classes(X).shape == (16, n_timesteps, 1)
        assert len(history.history["accuracy"]) == 2


def test_seed_000_cnn_lstm(rng):
    # Seed 000's note, "CNN + LSTM", as the course writes it.
    from lstmkit.layers import Conv1D, Flatten, MaxPooling1D, TimeDistributed

    n_steps, n_features = 2, 1
    X = rng.random((12, 2, n_steps, n_features))
    y = X.sum(axis=(1, 2, 3))
    model = Sequential()
    model.add(TimeDistributed(Conv1D(filters=64, kernel_size=1, activation="relu"), input_shape=(None, n_steps, n_features)))
    model.add(TimeDistributed(MaxPooling1D(pool_size=2)))
    model.add(TimeDistributed(Flatten()))
    model.add(LSTM(50, activation="relu"))
    model.add(Dense(1))
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=3, verbose=0)
    assert model.predict(X).shape == (12, 1)
