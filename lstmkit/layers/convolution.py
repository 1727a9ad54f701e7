"""Convolutions over steps (Conv1D) and images (Conv2D), channels last, as in Keras."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from lstmkit import activations
from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape, copy_into

PADDINGS = ("valid", "same")


def _tuple(value: int | Sequence[int], size: int, argument: str) -> tuple[int, ...]:
    values = (value,) * size if isinstance(value, (int, np.integer)) else tuple(value)
    if len(values) != size:
        raise ValueError(f"{argument} must be an integer or {size} integers; got {value!r}.")
    return tuple(positive_int(v, argument) for v in values)


def _out_size(size: int | None, kernel: int, stride: int, padding: str) -> int | None:
    if size is None:
        return None
    if padding == "valid":
        return (size - kernel) // stride + 1
    return -(-size // stride)  # same / causal: ceil(size / stride)


class _Conv(Layer):
    """Shared by Conv1D and Conv2D: filters, kernel, strides, padding, activation, bias."""

    rank: int = 1
    keeps_timesteps = False

    def __init__(self, filters: int, kernel_size: int | Sequence[int], strides: int | Sequence[int] = 1,
                 padding: str = "valid", activation: str | None = None, use_bias: bool = True, **kwargs: Any):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.filters = positive_int(filters, f"{name} filters")
        self.kernel_size = _tuple(kernel_size, self.rank, f"{name} kernel_size")
        self.strides = _tuple(strides, self.rank, f"{name} strides")
        allowed = PADDINGS + (("causal",) if self.rank == 1 else ())
        if padding not in allowed:
            raise ValueError(f"{name} padding must be one of {', '.join(map(repr, allowed))}; got {padding!r}.")
        if padding != "valid" and any(s != 1 for s in self.strides):
            raise ValueError(f"{name} padding={padding!r} is supported with strides=1 only; got {self.strides}.")
        self.padding = padding
        self.activation_name = activations.canonical_name(activation)
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)

    def check_input_shape(self, input_shape: Shape) -> None:
        if len(input_shape) != self.rank + 1 or input_shape[-1] is None:
            layout = "(samples, steps, channels)" if self.rank == 1 else "(samples, rows, cols, channels)"
            raise ValueError(f"{type(self).__name__} expects {self.rank + 2}D input {layout} with known "
                             f"channels; got {len(input_shape) + 1}D input of shape (None, {', '.join(map(str, input_shape))}).")
        for size, kernel in zip(input_shape[:-1], self.kernel_size):
            if self.padding == "valid" and size is not None and size < kernel:
                raise ValueError(f"{type(self).__name__} kernel_size {kernel} is larger than the input's {size} "
                                 "steps; use a smaller kernel or padding='same'.")

    def _build(self, input_shape: Shape) -> None:
        weight = torch.empty(self.filters, input_shape[-1], *self.kernel_size)
        nn.init.xavier_uniform_(weight)  # Keras's Glorot uniform: same fans on either layout
        self.weight = nn.Parameter(weight)
        self.bias = nn.Parameter(torch.zeros(self.filters)) if self.use_bias else None

    def output_shape_for(self, input_shape: Shape) -> Shape:
        sizes = [_out_size(size, k, s, self.padding)
                 for size, k, s in zip(input_shape[:-1], self.kernel_size, self.strides)]
        return (*sizes, self.filters)

    def get_config(self) -> dict[str, Any]:
        return {"filters": self.filters, "kernel_size": list(self.kernel_size), "strides": list(self.strides),
                "padding": self.padding, "activation": self.activation_name, "use_bias": self.use_bias,
                **super().get_config()}

    def keras_weights(self) -> list[torch.Tensor]:
        # Keras: (*kernel, in, filters); PyTorch: (filters, in, *kernel).
        kernel = self.weight.permute(*range(2, 2 + self.rank), 1, 0)
        return [kernel, self.bias] if self.use_bias else [kernel]

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        order = (self.rank + 1, self.rank, *range(self.rank))
        copy_into(self.weight, np.transpose(weights[0], order))
        if self.use_bias:
            copy_into(self.bias, weights[1])


class Conv1D(_Conv):
    """1-D convolution over steps: features from each window of ``kernel_size`` steps.

    Args:
        filters: number of output channels.
        kernel_size: steps per window.
        strides: step between windows.
        padding: 'valid' (no padding), 'same' (output as long as the input) or 'causal' (padding
            on the left only, so an output never sees later steps).
        activation: e.g. 'relu'.

    Shapes:
        ``(samples, steps, channels)`` -> ``(samples, new_steps, filters)``.
    """

    rank = 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.transpose(1, 2)  # (N, C, L)
        if self.padding == "causal":
            x = F.pad(x, (self.kernel_size[0] - 1, 0))
        padding = "same" if self.padding == "same" else 0
        y = F.conv1d(x, self.weight, self.bias, self.strides, padding)
        return self.activation(y.transpose(1, 2))


class Conv2D(_Conv):
    """2-D convolution over images (for example the frames of a video, inside TimeDistributed).

    Shapes:
        ``(samples, rows, cols, channels)`` -> ``(samples, new_rows, new_cols, filters)``.
    """

    rank = 2

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        padding = "same" if self.padding == "same" else 0
        y = F.conv2d(x.permute(0, 3, 1, 2), self.weight, self.bias, self.strides, padding)
        return self.activation(y.permute(0, 2, 3, 1))
