"""TimeDistributed: the same layer applied to every timestep (or every frame of a video)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from lstmkit.layers.base import Layer, Shape, format_shape, layer_config, layer_from


class TimeDistributed(Layer):
    """Apply ``layer`` to each timestep separately, with the same weights: a ``Dense`` for one
    output per timestep, or ``Conv1D`` / ``Conv2D`` / ``MaxPooling`` / ``Flatten`` to read each
    subsequence or frame before an LSTM (the CNN-LSTM of lesson 7).

    Shapes:
        ``(samples, timesteps, *inner)`` -> ``(samples, timesteps, *layer_output)``.

    Example:
        >>> from lstmkit.layers import Conv1D
        >>> layer = TimeDistributed(Conv1D(filters=64, kernel_size=1, activation="relu"))
        >>> layer.build((None, 2, 1))
        (None, 2, 64)
    """

    def __init__(self, layer: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self.layer = layer_from(layer, "TimeDistributed")
        if self.declared_input_shape is None and self.layer.declared_input_shape is not None:
            raise ValueError("Give input_shape to TimeDistributed itself, including the timestep axis: "
                             "TimeDistributed(Conv1D(...), input_shape=(None, steps, features)).")

    def check_input_shape(self, input_shape: Shape) -> None:
        if len(input_shape) < 2:
            raise ValueError(f"TimeDistributed needs inputs (samples, timesteps, ...) with at least one axis per "
                             f"timestep; got {format_shape(input_shape)}.")
        try:
            self.layer.check_input_shape(input_shape[1:])
        except ValueError as error:
            raise ValueError(f"TimeDistributed({type(self.layer).__name__}) applies it to each timestep of "
                             f"{format_shape(input_shape)}: {error}") from None

    def _build(self, input_shape: Shape) -> None:
        self.layer.build(input_shape[1:])

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (input_shape[0], *self.layer.output_shape_for(input_shape[1:]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, steps = x.shape[:2]
        y = self.layer(x.reshape(batch * steps, *x.shape[2:]))  # every timestep as one sample
        return y.reshape(batch, steps, *y.shape[1:])

    def get_config(self) -> dict[str, Any]:
        return {"layer": layer_config(self.layer), **super().get_config()}

    def keras_weights(self) -> list[torch.Tensor]:
        return self.layer.keras_weights()

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        self.layer.set_keras_weights(weights)
