"""Embedding: integer tokens to dense vectors, as ``keras.layers.Embedding``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape, copy_into


class Embedding(Layer):
    """Turn integer tokens (words, characters, categories) into learned vectors.

    Args:
        input_dim: size of the vocabulary: tokens are integers in ``[0, input_dim)``.
        output_dim: size of each vector.
        mask_zero: treat token 0 as padding: its timesteps are masked for the layers after it
            (then token 0 must not be a real token).

    Shapes:
        ``(samples, timesteps)`` integers -> ``(samples, timesteps, output_dim)``.

    Example:
        >>> layer = Embedding(input_dim=10, output_dim=3)
        >>> layer.build((5,)), layer.count_params()
        ((5, 3), 30)
    """

    input_ndim = 1
    input_layout = "(samples, timesteps) of integer tokens"

    def __init__(self, input_dim: int, output_dim: int, mask_zero: bool = False, input_length: int | None = None,
                 **kwargs: Any):
        if input_length is not None and "input_shape" not in kwargs:
            kwargs["input_shape"] = (input_length,)  # the older Keras argument
        super().__init__(**kwargs)
        self.input_dim = positive_int(input_dim, "Embedding input_dim")
        self.output_dim = positive_int(output_dim, "Embedding output_dim")
        self.mask_zero = bool(mask_zero)

    def _build(self, input_shape: Shape) -> None:
        # Keras's default initialiser: uniform in [-0.05, 0.05].
        self.embeddings = nn.Parameter(torch.empty(self.input_dim, self.output_dim).uniform_(-0.05, 0.05))

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (*input_shape, self.output_dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        tokens = x.long()
        low, high = int(tokens.min()), int(tokens.max())
        if low < 0 or high >= self.input_dim:
            raise ValueError(f"Embedding(input_dim={self.input_dim}) takes tokens in [0, {self.input_dim}); "
                             f"got tokens from {low} to {high}. Raise input_dim to at least {high + 1}.")
        return self.embeddings[tokens]

    def compute_mask(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor | None:
        return (x != 0) if self.mask_zero else mask

    def get_config(self) -> dict[str, Any]:
        return {"input_dim": self.input_dim, "output_dim": self.output_dim, "mask_zero": self.mask_zero,
                **super().get_config()}

    def keras_weights(self) -> list[torch.Tensor]:
        return [self.embeddings]

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        copy_into(self.embeddings, weights[0])
