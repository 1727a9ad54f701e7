"""Max pooling over steps (MaxPooling1D) and images (MaxPooling2D), channels last."""

from __future__ import annotations

from typing import Any, Sequence

import torch
import torch.nn.functional as F

from lstmkit.layers.base import Layer, Shape
from lstmkit.layers.convolution import _out_size, _tuple


class _MaxPooling(Layer):
    rank: int = 1
    keeps_timesteps = False

    def __init__(self, pool_size: int | Sequence[int] = 2, strides: int | Sequence[int] | None = None,
                 padding: str = "valid", **kwargs: Any):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.pool_size = _tuple(pool_size, self.rank, f"{name} pool_size")
        self.strides = self.pool_size if strides is None else _tuple(strides, self.rank, f"{name} strides")
        if padding != "valid":
            raise ValueError(f"{name} supports padding='valid' only; got {padding!r}.")
        self.padding = padding

    def check_input_shape(self, input_shape: Shape) -> None:
        if len(input_shape) != self.rank + 1:
            raise ValueError(f"{type(self).__name__} expects {self.rank + 2}D input; got "
                             f"{len(input_shape) + 1}D (None, {', '.join(map(str, input_shape))}).")
        for size, pool in zip(input_shape[:-1], self.pool_size):
            if size is not None and size < pool:
                raise ValueError(f"{type(self).__name__} pool_size {pool} is larger than the input's {size} steps; "
                                 "use a smaller pool_size.")

    def output_shape_for(self, input_shape: Shape) -> Shape:
        sizes = [_out_size(size, p, s, "valid") for size, p, s in zip(input_shape[:-1], self.pool_size, self.strides)]
        return (*sizes, input_shape[-1])

    def get_config(self) -> dict[str, Any]:
        return {"pool_size": list(self.pool_size), "strides": list(self.strides), "padding": self.padding,
                **super().get_config()}


class MaxPooling1D(_MaxPooling):
    """The maximum of each window of ``pool_size`` steps, per channel.

    Shapes:
        ``(samples, steps, channels)`` -> ``(samples, steps // pool_size, channels)`` (default strides).
    """

    rank = 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.max_pool1d(x.transpose(1, 2), self.pool_size, self.strides).transpose(1, 2)


class MaxPooling2D(_MaxPooling):
    """The maximum of each ``pool_size`` patch of an image, per channel.

    Shapes:
        ``(samples, rows, cols, channels)`` -> ``(samples, rows // p, cols // p, channels)``.
    """

    rank = 2

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.max_pool2d(x.permute(0, 3, 1, 2), self.pool_size, self.strides).permute(0, 2, 3, 1)
