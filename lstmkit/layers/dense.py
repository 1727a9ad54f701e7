"""Dense: a fully connected layer on the last axis, ``activation(x @ kernel + bias)``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from lstmkit import activations
from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape, copy_into


class Dense(Layer):
    """A fully connected layer applied to the last axis (to every timestep of a sequence).

    Args:
        units: number of outputs.
        activation: an activation name ('linear', 'relu', 'sigmoid', 'softmax', ...); None is linear.
        use_bias: whether to add a bias.

    Shapes:
        ``(samples, ..., input_dim)`` -> ``(samples, ..., units)``.

    Example:
        >>> from lstmkit.models import Sequential
        >>> from lstmkit.layers import Dense
        >>> model = Sequential([Dense(3, activation="softmax", input_shape=(4,))])
        >>> model.count_params()
        15
    """

    input_layout = "(samples, ..., features)"

    def __init__(self, units: int, activation: str | None = None, use_bias: bool = True, **kwargs: Any):
        super().__init__(**kwargs)
        self.units = positive_int(units, "Dense units")
        self.activation_name = activations.canonical_name(activation)
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)

    def check_input_shape(self, input_shape: Shape) -> None:
        if not input_shape or input_shape[-1] is None:
            raise ValueError(
                f"Dense needs inputs with a known last dimension (features); got {input_shape!r}."
            )

    def _build(self, input_shape: Shape) -> None:
        # Keras defaults: Glorot-uniform kernel, zero bias (xavier_uniform_ on (out, in) has the
        # same limit as Keras's on (in, out)).
        self.linear = nn.Linear(input_shape[-1], self.units, bias=self.use_bias)
        nn.init.xavier_uniform_(self.linear.weight)
        if self.use_bias:
            nn.init.zeros_(self.linear.bias)

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (*input_shape[:-1], self.units)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.activation(self.linear(x))

    def get_config(self) -> dict[str, Any]:
        return {"units": self.units, "activation": self.activation_name, "use_bias": self.use_bias,
                **super().get_config()}

    def keras_weights(self) -> list[torch.Tensor]:
        weights = [self.linear.weight.T]
        return weights + [self.linear.bias] if self.use_bias else weights

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        copy_into(self.linear.weight, weights[0].T)
        if self.use_bias:
            copy_into(self.linear.bias, weights[1])
