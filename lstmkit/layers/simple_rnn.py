"""SimpleRNN: the plain recurrent layer ``h = activation(x W + h U + b)``, as ``keras.layers.SimpleRNN``."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from lstmkit.layers.base import Shape
from lstmkit.layers.recurrence import simple_cell
from lstmkit.layers.recurrent import _Recurrent


class SimpleRNN(_Recurrent):
    """A fully connected recurrent layer: the baseline the LSTM was invented to beat (its
    gradients vanish over long sequences). ``units * (input_dim + units) + units`` parameters.

    Takes the arguments of every recurrent layer (see ``_Recurrent``). Runs on PyTorch's fused
    kernel for 'tanh' and 'relu' without recurrent dropout, else on the step loop.

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, units)`` or ``(samples, timesteps, units)``.
    """

    gates = 1
    state_count = 1
    fused_requirement = "activation 'tanh' or 'relu'"

    def __init__(self, units: int, activation: str | None = "tanh", **kwargs: Any):
        super().__init__(units, activation=activation, **kwargs)
        self._check_fused_request()

    @property
    def fused_kind(self) -> str:  # type: ignore[override]
        return "rnn_relu" if self.activation == "relu" else "rnn_tanh"

    def _fusable(self) -> bool:
        return self.activation in ("tanh", "relu")

    def _cell(self):
        return simple_cell

    def _build(self, input_shape: Shape) -> None:
        self.weight_ih = nn.Parameter(torch.empty(self.units, input_shape[-1]))
        self.weight_hh = nn.Parameter(torch.empty(self.units, self.units))
        nn.init.xavier_uniform_(self.weight_ih)
        nn.init.orthogonal_(self.weight_hh)
        if self.use_bias:
            self.bias = nn.Parameter(torch.zeros(self.units))
        else:
            self.register_parameter("bias", None)
        self.register_buffer("zero_bias", torch.zeros(self.units), persistent=False)

    def _fused_params(self) -> tuple[torch.Tensor, ...]:
        if not self.use_bias:
            return (self.weight_ih, self.weight_hh)
        return (self.weight_ih, self.weight_hh, self.bias, self.zero_bias)
