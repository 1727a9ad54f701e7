"""Bidirectional LSTM: each output sees the whole sequence, before and after it (lesson 9)."""

from __future__ import annotations

from typing import Sequence

from lstmkit._checks import positive_int
from lstmkit.layers import LSTM, Bidirectional, Dense, Dropout, TimeDistributed
from lstmkit.models import Sequential


def bidirectional(input_shape: Sequence[int | None], outputs: int, units: int = 32, layers: int | None = 1,
                  dropout: float = 0.0, activation: str | None = None, merge_mode: str = "concat",
                  per_step: bool = False) -> Sequential:
    """``layers`` Bidirectional LSTM layers, then a Dense output (for every timestep with ``per_step``).

    Use it when the whole sequence is known before predicting (classifying a sentence or labelling
    each of its steps), not for forecasting, where the future is not an input.

    Args:
        input_shape: ``(timesteps, features)``.
        outputs: values predicted per sample (per timestep with ``per_step``).
        units: the size of each direction's LSTM.
        layers: Bidirectional layers (1 by default).
        dropout: dropout between layers and before the output.
        activation: of the output layer.
        merge_mode: how the two directions combine: 'concat', 'sum', 'mul' or 'ave'.
        per_step: one output per timestep ``(samples, timesteps, outputs)``.

    Example:
        >>> bidirectional(input_shape=(10, 1), outputs=1, units=20, per_step=True).output_shape
        (None, 10, 1)
    """
    layers = positive_int(1 if layers is None else layers, "layers")
    model = Sequential(name="bidirectional")
    for index in range(layers):
        sequences = per_step or index < layers - 1
        kwargs = {"input_shape": tuple(input_shape)} if index == 0 else {}
        model.add(Bidirectional(LSTM(units, return_sequences=sequences), merge_mode=merge_mode, **kwargs))
        if dropout:
            model.add(Dropout(dropout))
    model.add(TimeDistributed(Dense(outputs, activation=activation)) if per_step else Dense(outputs, activation=activation))
    return model
