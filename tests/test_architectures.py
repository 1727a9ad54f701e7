"""Every architecture through the common checks: shapes, interchangeable by name, save/load, learning."""

import numpy as np
import pytest

from lstmkit import architectures
from lstmkit.models import load_model
from lstmkit.optimizers import Adam

CASES = {
    "vanilla": dict(input_shape=(6, 2), outputs=3),
    "stacked": dict(input_shape=(6, 2), outputs=3),
    "cnn_lstm": dict(input_shape=(3, 4, 2), outputs=3),
    "encoder_decoder": dict(input_shape=(6, 2), outputs=(2, 3), activation=None),
    "bidirectional": dict(input_shape=(6, 2), outputs=3),
    "attention": dict(input_shape=(6, 2), outputs=(2, 3), activation=None),
}


def expected_output(name):
    outputs = CASES[name]["outputs"]
    return (None, *outputs) if isinstance(outputs, tuple) else (None, outputs)


@pytest.mark.parametrize("name", CASES)
def test_builds_by_name_with_the_expected_output(name):
    model = architectures.get(name)(units=8, **CASES[name])
    assert model.output_shape == expected_output(name)
    assert model.count_params() > 0 and model.name == name


@pytest.mark.parametrize("name", CASES)
def test_learns_a_small_batch_and_round_trips(name, rng, tmp_path):
    build = architectures.get(name)
    teacher, model = build(units=8, **CASES[name]), build(units=8, **CASES[name])
    x = rng.random((16, *CASES[name]["input_shape"])).astype(np.float32)
    y = teacher.predict(x)
    model.compile(optimizer=Adam(learning_rate=0.02), loss="mse")
    first = model.evaluate(x, y)
    model.fit(x, y, epochs=80, batch_size=16, verbose=0)
    assert model.evaluate(x, y) < first / 4
    model.save(tmp_path / "m.lstmkit")
    np.testing.assert_array_equal(load_model(tmp_path / "m.lstmkit").predict(x), model.predict(x))


def test_per_step_outputs_and_backward_reading():
    forward = architectures.vanilla(input_shape=(5, 1), outputs=1, per_step=True)
    backward = architectures.vanilla(input_shape=(5, 1), outputs=1, per_step=True, go_backwards=True)
    both = architectures.bidirectional(input_shape=(5, 1), outputs=1, per_step=True, merge_mode="sum")
    assert forward.output_shape == backward.output_shape == both.output_shape == (None, 5, 1)


def test_unknown_architecture_and_bad_arguments():
    with pytest.raises(ValueError, match="Unknown architecture 'deep'. Known architectures: 'attention', 'bidirectional'"):
        architectures.get("deep")
    with pytest.raises(ValueError, match=r"encoder_decoder needs outputs=\(output_steps, output_features\)"):
        architectures.encoder_decoder(input_shape=(5, 2), outputs=3)
    with pytest.raises(ValueError, match="cnn_lstm needs input_shape"):
        architectures.cnn_lstm(input_shape=(5, 2), outputs=1)
    with pytest.warns(UserWarning, match="vanilla has one LSTM layer; layers=3 is ignored"):
        architectures.vanilla(input_shape=(5, 2), outputs=1, layers=3)
