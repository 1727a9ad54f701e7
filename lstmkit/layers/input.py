"""Input: declares the shape of one sample at the start of a model."""

from __future__ import annotations

from typing import Any, Sequence

from lstmkit.layers.base import Layer, as_shape


class Input(Layer):
    """Declares the input shape of a model, as ``keras.Input`` does inside ``Sequential``.

    ``Sequential([Input(shape=(50, 2)), LSTM(32), Dense(1)])`` is the same model as
    ``Sequential([LSTM(32, input_shape=(50, 2)), Dense(1)])``.

    Args:
        shape: the shape of one sample, without the batch dimension: ``(timesteps, features)``.
        batch_size: accepted for compatibility; the batch size is set by ``fit`` (stateful layers
            keep the batch size of the first batch they see).
        batch_shape: ``(batch_size, *shape)``, as in Keras 3.
    """

    def __init__(self, shape: Sequence[int | None] | None = None, batch_size: int | None = None,
                 name: str | None = None, batch_shape: Sequence[int | None] | None = None):
        if batch_shape is not None:  # Keras 3's Input(batch_shape=(batch, timesteps, features))
            batch_size, shape = batch_shape[0], tuple(batch_shape)[1:]
        if shape is None:
            raise ValueError("Input needs shape=(timesteps, features) (or batch_shape=(batch, timesteps, features)).")
        super().__init__(input_shape=as_shape(shape, "Input shape"), name=name)
        self.batch_size = batch_size

    def forward(self, x):  # pragma: no cover - Sequential never calls it
        return x

    def get_config(self) -> dict[str, Any]:
        return {"shape": list(self.declared_input_shape), "batch_size": self.batch_size, "name": self.name}
