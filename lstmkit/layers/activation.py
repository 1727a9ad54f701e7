"""Activation: applies an activation function, as in ``model.add(Activation('sigmoid'))``."""

from __future__ import annotations

from typing import Any

import torch

from lstmkit import activations
from lstmkit.layers.base import Layer


class Activation(Layer):
    """Applies the activation called ``activation`` element-wise (softmax: over the last axis).

    Shapes:
        unchanged.
    """

    def __init__(self, activation: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.activation_name = activations.canonical_name(activation)
        self.activation = activations.get(activation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.activation(x)

    def get_config(self) -> dict[str, Any]:
        return {"activation": self.activation_name, **super().get_config()}
