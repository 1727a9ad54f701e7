"""GRU: the Gated Recurrent Unit, as ``keras.layers.GRU`` (``reset_after=True``)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from lstmkit.layers.base import Shape, copy_into
from lstmkit.layers.recurrence import gru_cell
from lstmkit.layers.recurrent import _Gated

# Keras orders the GRU's gates z, r, h; PyTorch r, z, n. Weights are kept in PyTorch's order.
_KERAS_TO_TORCH = (1, 0, 2)


def _reorder(array: np.ndarray, units: int, axis: int) -> np.ndarray:
    """Swap the first two gate blocks along ``axis`` (the swap is its own inverse)."""
    blocks = np.split(array, 3, axis=axis)
    return np.concatenate([blocks[i] for i in _KERAS_TO_TORCH], axis=axis)


class GRU(_Gated):
    """Gated Recurrent Unit (Cho et al., 2014) with Keras's ``reset_after=True`` convention: the
    reset gate applies after the recurrent matrix product, and there are input and recurrent
    biases (``3 * (units * (input_dim + units) + 2 * units)`` parameters). Fewer parameters than
    an LSTM of the same size, often as good.

    Takes the arguments of every recurrent layer (see ``_Recurrent``) and
    ``recurrent_activation`` ('sigmoid'). Runs on PyTorch's fused GRU kernel with the default
    activations and no recurrent dropout, else on the step loop.

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, units)`` or ``(samples, timesteps, units)``.

    Example:
        >>> layer = GRU(4)
        >>> layer.build((10, 3)), layer.count_params()  # 3 * (4 * (3 + 4) + 2 * 4)
        ((4,), 108)
    """

    gates = 3
    state_count = 1
    fused_kind = "gru"

    def __init__(self, units: int, activation: str | None = "tanh", recurrent_activation: str | None = "sigmoid",
                 reset_after: bool = True, **kwargs: Any):
        if not reset_after:
            raise ValueError("GRU supports Keras's default reset_after=True only (the convention of PyTorch's GRU).")
        super().__init__(units, activation=activation, recurrent_activation=recurrent_activation, **kwargs)

    def _cell(self):
        return gru_cell

    def _build(self, input_shape: Shape) -> None:
        features, units = input_shape[-1], self.units
        self.weight_ih = nn.Parameter(torch.empty(3 * units, features))
        self.weight_hh = nn.Parameter(torch.empty(3 * units, units))
        nn.init.xavier_uniform_(self.weight_ih)
        nn.init.orthogonal_(self.weight_hh)
        if self.use_bias:
            self.bias = nn.Parameter(torch.zeros(3 * units))
            self.bias_hh = nn.Parameter(torch.zeros(3 * units))
        else:
            self.register_parameter("bias", None)
            self.register_parameter("bias_hh", None)

    def _bias_hh(self) -> torch.Tensor | None:
        return self.bias_hh

    def _fused_params(self) -> tuple[torch.Tensor, ...]:
        if not self.use_bias:
            return (self.weight_ih, self.weight_hh)
        return (self.weight_ih, self.weight_hh, self.bias, self.bias_hh)

    def keras_weights(self) -> list[torch.Tensor]:
        units = self.units
        order = torch.tensor([*range(units, 2 * units), *range(units), *range(2 * units, 3 * units)])
        weights = [self.weight_ih[order].T, self.weight_hh[order].T]
        if self.use_bias:
            weights.append(torch.stack([self.bias[order], self.bias_hh[order]]))  # (2, 3U)
        return weights

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        copy_into(self.weight_ih, _reorder(weights[0], self.units, axis=1).T)
        copy_into(self.weight_hh, _reorder(weights[1], self.units, axis=1).T)
        if self.use_bias:
            bias = _reorder(weights[2], self.units, axis=1)
            copy_into(self.bias, bias[0])
            copy_into(self.bias_hh, bias[1])
