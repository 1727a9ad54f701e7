"""LSTM: the Long Short-Term Memory layer, with Keras's arguments, defaults and initialisers."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from lstmkit.layers.base import Shape
from lstmkit.layers.recurrence import lstm_cell
from lstmkit.layers.recurrent import _Gated


class LSTM(_Gated):
    """Long Short-Term Memory layer (Hochreiter & Schmidhuber, 1997), as ``keras.layers.LSTM``.

    With the default activations and no recurrent dropout it runs on PyTorch's fused LSTM kernel
    (right-padded masks as packed sequences); otherwise (e.g. ``activation='relu'``) on a step
    loop that computes the same equations. Takes the arguments of every recurrent layer (see
    ``_Recurrent``: ``return_sequences``, ``return_state``, ``go_backwards``, ``stateful``,
    ``dropout``, ``recurrent_dropout``, ``use_fused``) and:

    Args:
        units: size of the hidden state (the output size).
        recurrent_activation: for the input, forget and output gates ('sigmoid').
        unit_forget_bias: start the forget-gate bias at 1 (Keras's default).
        input_shape: ``(timesteps, features)`` of one sample, for the first layer of a model.

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, units)``, or
        ``(samples, timesteps, units)`` with ``return_sequences=True``.

    Example:
        >>> from lstmkit.models import Sequential
        >>> from lstmkit.layers import LSTM, Dense
        >>> model = Sequential([LSTM(5, input_shape=(2, 1)), Dense(1)])
        >>> model.count_params()  # 4 * (5 * (1 + 5) + 5) + (5 + 1)
        146
    """

    gates = 4
    state_count = 2
    fused_kind = "lstm"

    def __init__(self, units: int, activation: str | None = "tanh", recurrent_activation: str | None = "sigmoid",
                 unit_forget_bias: bool = True, **kwargs: Any):
        self.unit_forget_bias = bool(unit_forget_bias)
        super().__init__(units, activation=activation, recurrent_activation=recurrent_activation, **kwargs)

    def _cell(self):
        return lstm_cell

    def _build(self, input_shape: Shape) -> None:
        features, units = input_shape[-1], self.units
        self.weight_ih = nn.Parameter(torch.empty(4 * units, features))  # kernel.T
        self.weight_hh = nn.Parameter(torch.empty(4 * units, units))  # recurrent_kernel.T
        # Keras initialisers: Glorot-uniform kernel, orthogonal recurrent kernel, zero bias with
        # the forget gate at 1, so the course's results reproduce.
        nn.init.xavier_uniform_(self.weight_ih)
        nn.init.orthogonal_(self.weight_hh)
        if self.use_bias:
            self.bias = nn.Parameter(torch.zeros(4 * units))
            if self.unit_forget_bias:
                with torch.no_grad():
                    self.bias[units:2 * units] = 1.0
        else:
            self.register_parameter("bias", None)
        # PyTorch's kernel adds two biases; Keras has one per gate, so the second is a constant 0.
        self.register_buffer("zero_bias", torch.zeros(4 * units), persistent=False)

    def _fused_params(self) -> tuple[torch.Tensor, ...]:
        if not self.use_bias:
            return (self.weight_ih, self.weight_hh)
        return (self.weight_ih, self.weight_hh, self.bias, self.zero_bias)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "unit_forget_bias": self.unit_forget_bias}
