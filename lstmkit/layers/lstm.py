"""LSTM: the Long Short-Term Memory layer, with Keras's arguments, defaults and initialisers."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from lstmkit import activations
from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape, copy_into
from lstmkit.layers.recurrence import fused_lstm, step_loop


def _rate(value: float, argument: str) -> float:
    if not 0.0 <= float(value) < 1.0:
        raise ValueError(f"LSTM {argument} must be in [0, 1); got {value!r}.")
    return float(value)


class LSTM(Layer):
    """Long Short-Term Memory layer (Hochreiter & Schmidhuber, 1997), as ``keras.layers.LSTM``.

    With the default activations and no recurrent dropout it runs on PyTorch's fused LSTM kernel;
    otherwise (e.g. ``activation='relu'``) on a step loop that computes the same
    equations. Both are exact implementations of the Keras LSTM (see ``recurrence.py``).

    Args:
        units: size of the hidden state (the output size).
        activation: for the cell candidate and the output ('tanh' by default; 'relu' is common).
        recurrent_activation: for the input, forget and output gates ('sigmoid').
        use_bias: whether the gates have a bias (one per gate, as Keras).
        return_sequences: return the output at every timestep ``(samples, timesteps, units)``
            instead of only the last ``(samples, units)``; needed to stack another LSTM on top.
        dropout: fraction of the input features dropped while training (one mask per sequence).
        recurrent_dropout: fraction of the recurrent state dropped while training.
        go_backwards: read the sequence from last to first (and return the outputs reversed).
        unit_forget_bias: start the forget-gate bias at 1 (Keras's default).
        use_fused: 'auto' picks the fused kernel when the layer allows it; False forces the step
            loop; True requires the fused kernel and raises if the settings rule it out.
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

    input_ndim = 2
    input_layout = "(samples, timesteps, features)"

    def __init__(
        self,
        units: int,
        activation: str | None = "tanh",
        recurrent_activation: str | None = "sigmoid",
        use_bias: bool = True,
        return_sequences: bool = False,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        go_backwards: bool = False,
        unit_forget_bias: bool = True,
        use_fused: bool | str = "auto",
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.units = positive_int(units, "LSTM units")
        self.activation = activations.canonical_name(activation)
        self.recurrent_activation = activations.canonical_name(recurrent_activation)
        self.use_bias = bool(use_bias)
        self.return_sequences = bool(return_sequences)
        self.dropout = _rate(dropout, "dropout")
        self.recurrent_dropout = _rate(recurrent_dropout, "recurrent_dropout")
        self.go_backwards = bool(go_backwards)
        self.unit_forget_bias = bool(unit_forget_bias)
        if use_fused not in ("auto", True, False):
            raise ValueError(f"LSTM use_fused must be 'auto', True or False; got {use_fused!r}.")
        self.use_fused = use_fused
        fusable = (self.activation, self.recurrent_activation) == ("tanh", "sigmoid")
        if use_fused is True and not fusable:
            raise ValueError(
                "LSTM use_fused=True needs activation='tanh' and recurrent_activation='sigmoid' "
                f"(got {self.activation!r}, {self.recurrent_activation!r}); use use_fused='auto'."
            )
        # Recurrent dropout only acts in training, so inference stays on the fused kernel.
        self._fused_in_inference = fusable and use_fused is not False
        self._fused_in_training = self._fused_in_inference and self.recurrent_dropout == 0.0
        self._activation = activations.get(self.activation)
        self._recurrent_activation = activations.get(self.recurrent_activation)

    def _build(self, input_shape: Shape) -> None:
        features, units = input_shape[-1], self.units
        if features is None:
            raise ValueError("LSTM needs a known number of features: input_shape=(timesteps, features).")
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
        self.register_buffer("zero_bias", torch.zeros(4 * units), persistent=False)

    def output_shape_for(self, input_shape: Shape) -> Shape:
        timesteps = input_shape[0]
        return (timesteps, self.units) if self.return_sequences else (self.units,)

    @property
    def uses_fused_kernel(self) -> bool:
        """Whether the next forward pass (in the current train/eval mode) runs the fused kernel."""
        return self._fused_in_training if self.training else self._fused_in_inference

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Shapes: x ``(N, T, D)`` -> ``(N, T, U)`` or ``(N, U)``."""
        if self.go_backwards:
            x = x.flip(1)
        batch = x.size(0)
        if self.training and self.dropout > 0.0:
            # One mask per sequence, the same at every timestep (Keras).
            x = x * F.dropout(x.new_ones(batch, 1, x.size(2)), self.dropout, True)
        h = x.new_zeros(batch, self.units)
        c = x.new_zeros(batch, self.units)
        if self.uses_fused_kernel:
            outputs, h, _ = fused_lstm(x, h, c, self.weight_ih, self.weight_hh, self.bias,
                                       self.zero_bias, self.training)
        else:
            x_proj = F.linear(x, self.weight_ih, self.bias)  # (N, T, 4U), all timesteps at once
            mask = None
            if self.training and self.recurrent_dropout > 0.0:
                mask = F.dropout(h.new_ones(batch, self.units), self.recurrent_dropout, True)
            outputs, h, _ = step_loop(x_proj, h, c, self.weight_hh, self._activation, self._recurrent_activation,
                                      mask, self.return_sequences)
        return outputs if self.return_sequences else h

    def get_config(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "activation": self.activation,
            "recurrent_activation": self.recurrent_activation,
            "use_bias": self.use_bias,
            "return_sequences": self.return_sequences,
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "go_backwards": self.go_backwards,
            "unit_forget_bias": self.unit_forget_bias,
            "use_fused": self.use_fused,
            **super().get_config(),
        }

    def keras_weights(self) -> list[torch.Tensor]:
        weights = [self.weight_ih.T, self.weight_hh.T]
        return weights + [self.bias] if self.use_bias else weights

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        copy_into(self.weight_ih, weights[0].T)
        copy_into(self.weight_hh, weights[1].T)
        if self.use_bias:
            copy_into(self.bias, weights[2])
