"""Masking: marks timesteps whose features all equal ``mask_value`` for the layers after it to skip."""

from __future__ import annotations

from typing import Any

import torch

from lstmkit.layers.base import Layer


class Masking(Layer):
    """Skip padded or missing timesteps: a timestep whose features all equal ``mask_value`` is
    masked, and the recurrent layers after it carry their state over it (as Keras does); with
    sequence outputs, masked timesteps are also left out of the loss and metrics.

    Pair it with ``pad_sequences(..., value=mask_value)`` or ``handle_missing(..., 'mask')``.

    Args:
        mask_value: the value that marks a timestep to skip.

    Shapes:
        ``(samples, timesteps, features)`` -> the same (masked timesteps set to 0, as Keras).

    Example:
        >>> from lstmkit.models import Sequential
        >>> from lstmkit.layers import LSTM, Dense
        >>> model = Sequential([Masking(mask_value=-1.0, input_shape=(5, 2)), LSTM(4), Dense(1)])
    """

    input_ndim = 2
    input_layout = "(samples, timesteps, features)"

    def __init__(self, mask_value: float = 0.0, **kwargs: Any):
        super().__init__(**kwargs)
        self.mask_value = float(mask_value)

    def compute_mask(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        return (x != self.mask_value).any(dim=-1)  # (N, T)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * (x != self.mask_value).any(dim=-1, keepdim=True).to(x.dtype)

    def get_config(self) -> dict[str, Any]:
        return {"mask_value": self.mask_value, **super().get_config()}
