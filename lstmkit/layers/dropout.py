"""Dropout: zeroes a fraction of the inputs while training, and scales the rest up."""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

from lstmkit.layers.base import Layer


class Dropout(Layer):
    """Randomly sets a fraction ``rate`` of inputs to 0 during ``fit``; does nothing in ``predict``.

    Args:
        rate: the fraction of inputs to drop, in [0, 1).

    Shapes:
        unchanged.
    """

    def __init__(self, rate: float, **kwargs: Any):
        super().__init__(**kwargs)
        if not 0.0 <= float(rate) < 1.0:
            raise ValueError(f"Dropout rate must be in [0, 1); got {rate!r}.")
        self.rate = float(rate)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.dropout(x, self.rate, self.training)

    def get_config(self) -> dict[str, Any]:
        return {"rate": self.rate, **super().get_config()}
