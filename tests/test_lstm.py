"""The LSTM layer: both paths against the LSTM equations, Keras's parameters and initialisers."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

from lstmkit.layers import LSTM
from reference import lstm_reference


def built(units=4, timesteps=5, features=3, **kwargs):
    layer = LSTM(units, **kwargs)
    layer.build((timesteps, features))
    return layer.eval()


def random_weights(layer, rng):
    weights = [rng.normal(0, 0.5, w.shape).astype(np.float32) for w in layer.get_weights()]
    layer.set_weights(weights)
    return weights


@pytest.mark.parametrize("use_fused", ["auto", False])
@pytest.mark.parametrize("go_backwards", [False, True])
def test_default_lstm_matches_equations_on_both_paths(rng, use_fused, go_backwards):
    layer = built(use_fused=use_fused, go_backwards=go_backwards, return_sequences=True)
    assert layer.uses_fused_kernel == (use_fused == "auto")
    kernel, recurrent, bias = random_weights(layer, rng)
    x = rng.normal(size=(6, 5, 3)).astype(np.float32)
    expected = lstm_reference(x, kernel, recurrent, bias, go_backwards=go_backwards)
    got = layer(torch.from_numpy(x)).detach().numpy()
    np.testing.assert_allclose(got, expected, atol=1e-5)


@pytest.mark.parametrize("activation,recurrent_activation",
                         [("relu", "sigmoid"), ("tanh", "hard_sigmoid"), ("linear", "sigmoid")])
def test_other_activations_use_step_loop_and_match_equations(rng, activation, recurrent_activation):
    layer = built(activation=activation, recurrent_activation=recurrent_activation)
    assert not layer.uses_fused_kernel
    kernel, recurrent, bias = random_weights(layer, rng)
    x = rng.normal(size=(6, 5, 3)).astype(np.float32)
    expected = lstm_reference(x, kernel, recurrent, bias, activation, recurrent_activation)[:, -1]
    np.testing.assert_allclose(layer(torch.from_numpy(x)).detach().numpy(), expected, atol=1e-5)


def test_fused_and_step_loop_gradients_agree(rng):
    fused, loop = built(return_sequences=True), built(use_fused=False, return_sequences=True)
    loop.load_state_dict(fused.state_dict())
    x = torch.from_numpy(rng.normal(size=(4, 5, 3)).astype(np.float32))
    for layer in (fused, loop):
        layer.train()
        (layer(x) ** 2).sum().backward()
    for a, b in zip(fused.parameters(), loop.parameters()):
        torch.testing.assert_close(a.grad, b.grad, atol=1e-5, rtol=1e-4)


def test_same_as_torch_lstm_with_copied_weights(rng):
    layer = built(units=6)
    random_weights(layer, rng)
    reference = torch.nn.LSTM(3, 6, batch_first=True)
    with torch.no_grad():
        reference.weight_ih_l0.copy_(layer.weight_ih)
        reference.weight_hh_l0.copy_(layer.weight_hh)
        reference.bias_ih_l0.copy_(layer.bias)
        reference.bias_hh_l0.zero_()
    x = torch.from_numpy(rng.normal(size=(2, 5, 3)).astype(np.float32))
    torch.testing.assert_close(layer(x), reference(x)[0][:, -1])


def test_recurrent_dropout_trains_on_step_loop_and_predicts_on_fused_kernel(rng):
    layer = built(recurrent_dropout=0.5)
    assert layer.uses_fused_kernel  # eval mode: dropout does nothing, so the fast path is exact
    layer.train()
    assert not layer.uses_fused_kernel
    x = torch.from_numpy(rng.normal(size=(8, 5, 3)).astype(np.float32))
    assert not torch.equal(layer(x), layer(x))  # a fresh mask each call while training


def test_parameter_count_is_keras_formula():
    for units, features in [(5, 1), (32, 2), (50, 1), (64, 8)]:
        layer = built(units=units, features=features)
        assert layer.count_params() == 4 * (units * (features + units) + units)


def test_keras_initialisers():
    layer = built(units=8, features=3)
    kernel, recurrent, bias = layer.get_weights()
    assert kernel.shape == (3, 32) and recurrent.shape == (8, 32) and bias.shape == (32,)
    assert np.abs(kernel).max() <= np.sqrt(6 / (3 + 32)) + 1e-6  # Glorot uniform
    np.testing.assert_allclose(recurrent @ recurrent.T, np.eye(8), atol=1e-5)  # orthogonal
    np.testing.assert_array_equal(bias, np.r_[np.zeros(8), np.ones(8), np.zeros(16)])


def test_output_shapes():
    assert LSTM(7).build((None, 3)) == (7,)
    assert LSTM(7, return_sequences=True).build((10, 3)) == (10, 7)


@pytest.mark.parametrize("kwargs,match", [
    ({"units": 0}, "units must be a positive integer"),
    ({"units": 4, "dropout": 1.5}, r"dropout must be in \[0, 1\)"),
    ({"units": 4, "activation": "nope"}, "Unknown activation 'nope'. Known activations: .*'relu'"),
    ({"units": 4, "activation": "relu", "use_fused": True}, "use_fused=True needs activation='tanh'"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        LSTM(**kwargs)


@settings(max_examples=25, deadline=None)
@given(batch=st.integers(1, 5), timesteps=st.integers(1, 8), features=st.integers(1, 4),
       units=st.integers(1, 6), go_backwards=st.booleans(), return_sequences=st.booleans())
def test_fused_kernel_equals_step_loop_for_any_shape(batch, timesteps, features, units, go_backwards,
                                                     return_sequences):
    kwargs = dict(units=units, timesteps=timesteps, features=features, go_backwards=go_backwards,
                  return_sequences=return_sequences)
    fused, loop = built(**kwargs), built(use_fused=False, **kwargs)
    loop.load_state_dict(fused.state_dict())
    x = torch.randn(batch, timesteps, features)
    torch.testing.assert_close(fused(x), loop(x), atol=1e-5, rtol=1e-4)
