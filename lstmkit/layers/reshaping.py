"""Layers that only change the shape: Flatten and RepeatVector."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape, format_shape


class Flatten(Layer):
    """Flatten each sample to one vector (e.g. the features a CNN found, before an LSTM or Dense).

    Shapes:
        ``(samples, *dims)`` -> ``(samples, prod(dims))``.
    """

    keeps_timesteps = False

    def check_input_shape(self, input_shape: Shape) -> None:
        if None in input_shape:
            raise ValueError(f"Flatten needs fixed sizes; got {format_shape(input_shape)}.")

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (int(np.prod(input_shape)),)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.size(0), -1)


class RepeatVector(Layer):
    """Repeat a vector ``n`` times: the encoder's summary handed to every decoder step of an
    encoder-decoder (lesson 8).

    Shapes:
        ``(samples, features)`` -> ``(samples, n, features)``.
    """

    input_ndim = 1
    input_layout = "(samples, features)"
    keeps_timesteps = False

    def __init__(self, n: int, **kwargs: Any):
        super().__init__(**kwargs)
        self.n = positive_int(n, "RepeatVector n")

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (self.n, input_shape[0])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.unsqueeze(1).expand(-1, self.n, -1)

    def get_config(self) -> dict[str, Any]:
        return {"n": self.n, **super().get_config()}


class Reverse(Layer):
    """Reverse the timestep axis: puts the outputs of a ``go_backwards`` layer back in time order.

    Shapes:
        ``(samples, timesteps, ...)`` -> the same, timesteps reversed.
    """

    def check_input_shape(self, input_shape: Shape) -> None:
        if len(input_shape) < 1:
            raise ValueError("Reverse needs inputs with a timestep axis (samples, timesteps, ...).")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.flip(1)

    def compute_mask(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor | None:
        return None if mask is None else mask.flip(1)
