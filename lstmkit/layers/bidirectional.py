"""Bidirectional: a recurrent layer run forwards and backwards, outputs merged (lesson 9)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from lstmkit.layers.base import Layer, Shape, layer_config, layer_from

MERGE_MODES = ("concat", "sum", "mul", "ave", None)


class Bidirectional(Layer):
    """Run a recurrent layer over the sequence forwards and a copy of it backwards, and merge the
    two outputs, so each timestep's output sees both its past and its future.

    Args:
        layer: a recurrent layer (``LSTM``, ``GRU``, ``SimpleRNN``); the backward copy has the same
            settings with ``go_backwards`` flipped.
        merge_mode: 'concat' (the default: twice the units), 'sum', 'mul', 'ave', or None to return
            ``[forward, backward]`` (only as a model's last layer).

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, [timesteps,] units)``, or ``2 * units``
        for 'concat'. With ``return_sequences`` the backward outputs are re-reversed so both line
        up by timestep, as in Keras.

    Example:
        >>> from lstmkit.layers import LSTM
        >>> layer = Bidirectional(LSTM(20, return_sequences=True), merge_mode="concat")
        >>> layer.build((10, 1)), layer.count_params()
        ((10, 40), 3520)
    """

    input_ndim = 2
    input_layout = "(samples, timesteps, features)"
    supports_mask = True

    def __init__(self, layer: Any, merge_mode: str | None = "concat", **kwargs: Any):
        super().__init__(**kwargs)
        layer = layer_from(layer, "Bidirectional")
        if not hasattr(layer, "go_backwards") or not hasattr(layer, "return_sequences"):
            raise TypeError(f"Bidirectional wraps a recurrent layer (LSTM, GRU, SimpleRNN); got {type(layer).__name__}.")
        if getattr(layer, "return_state", False) or getattr(layer, "stateful", False):
            raise ValueError("Bidirectional does not support return_state or stateful layers yet.")
        if merge_mode not in MERGE_MODES:
            raise ValueError(f"merge_mode must be one of 'concat', 'sum', 'mul', 'ave' or None; got {merge_mode!r}.")
        self.merge_mode = merge_mode
        self.forward_layer = layer
        if self.declared_input_shape is None:  # input_shape given to the wrapped layer counts too
            self.declared_input_shape = layer.declared_input_shape
        config = {**layer.get_config(), "go_backwards": not layer.go_backwards, "name": None, "input_shape": None}
        self.backward_layer = type(layer)(**config)

    @property
    def return_sequences(self) -> bool:
        return self.forward_layer.return_sequences

    @property
    def units(self) -> int:
        return self.forward_layer.units

    def _build(self, input_shape: Shape) -> None:
        self.forward_layer.build(input_shape)
        self.backward_layer.build(input_shape)

    def output_shape_for(self, input_shape: Shape) -> Shape:
        shape = self.forward_layer.output_shape_for(input_shape)
        return (*shape[:-1], 2 * shape[-1]) if self.merge_mode == "concat" else shape

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None):
        forward = self.forward_layer(x, mask=mask)
        backward = self.backward_layer(x, mask=mask)
        if self.return_sequences:
            backward = backward.flip(1)  # back in time order
        if self.merge_mode == "concat":
            return torch.cat([forward, backward], dim=-1)
        if self.merge_mode == "sum":
            return forward + backward
        if self.merge_mode == "mul":
            return forward * backward
        if self.merge_mode == "ave":
            return (forward + backward) / 2
        return [forward, backward]

    def compute_mask(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor | None:
        return mask if self.return_sequences else None

    def get_config(self) -> dict[str, Any]:
        return {"layer": layer_config(self.forward_layer), "merge_mode": self.merge_mode, **super().get_config()}

    def keras_weights(self) -> list[torch.Tensor]:
        return self.forward_layer.keras_weights() + self.backward_layer.keras_weights()

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        count = len(self.forward_layer.keras_weights())
        self.forward_layer.set_keras_weights(weights[:count])
        self.backward_layer.set_keras_weights(weights[count:])
