"""Stacked LSTM: several LSTM layers, each reading the sequence of the one below (lesson 6)."""

from __future__ import annotations

from typing import Sequence

from lstmkit._checks import positive_int
from lstmkit.layers import LSTM, Dense, Dropout
from lstmkit.models import Sequential


def stacked(input_shape: Sequence[int | None], outputs: int, units: int = 32, layers: int | None = 2,
            dropout: float = 0.0, activation: str | None = None) -> Sequential:
    """``layers`` LSTM layers (all but the last return sequences), then a Dense layer.

    Use it when the sequence has structure at more than one time scale (a season inside a
    trend): the lower layers summarise short patterns that the upper ones combine.

    Args:
        input_shape: ``(timesteps, features)`` of one sample.
        outputs: values predicted per sample.
        units: the size of every LSTM layer.
        layers: number of LSTM layers (2 by default).
        dropout: dropout between the layers and before the output layer.
        activation: of the output layer (None: linear).

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, outputs)``.

    Example:
        >>> model = stacked(input_shape=(24, 1), outputs=12, units=8)
        >>> [layer.name for layer in model.layers]
        ['lstm', 'lstm_1', 'dense']
    """
    layers = positive_int(2 if layers is None else layers, "layers")
    model = Sequential(name="stacked")
    for index in range(layers):
        last = index == layers - 1
        kwargs = {"input_shape": tuple(input_shape)} if index == 0 else {}
        model.add(LSTM(units, return_sequences=not last, **kwargs))
        if dropout:
            model.add(Dropout(dropout))
    model.add(Dense(outputs, activation=activation))
    return model
