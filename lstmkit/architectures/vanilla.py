"""Vanilla LSTM: one LSTM layer and a Dense output (lesson 5)."""

from __future__ import annotations

import warnings
from typing import Sequence

from lstmkit.layers import LSTM, Dense, Dropout, TimeDistributed
from lstmkit.layers.reshaping import Reverse
from lstmkit.models import Sequential


def vanilla(input_shape: Sequence[int | None], outputs: int, units: int = 32, layers: int | None = None,
            dropout: float = 0.0, activation: str | None = None, per_step: bool = False,
            go_backwards: bool = False) -> Sequential:
    """One LSTM layer reading the whole input sequence, then a Dense layer.

    Use it first: on most sequence problems a single layer is as good as deeper models and
    trains fastest.

    Args:
        input_shape: ``(timesteps, features)`` of one sample.
        outputs: values predicted per sample (e.g. the forecast horizon, or the classes).
        units: the LSTM's size.
        layers: must be None or 1 (use ``stacked`` for more).
        dropout: dropout before the output layer.
        activation: of the output layer (None: linear, for regression).
        per_step: one output per timestep ``(samples, timesteps, outputs)``.
        go_backwards: read the sequence from last to first (a "backward" LSTM).

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, outputs)``.

    Example:
        >>> vanilla(input_shape=(10, 1), outputs=1, units=8).count_params()
        329
    """
    if layers not in (None, 1):
        warnings.warn(f"vanilla has one LSTM layer; layers={layers} is ignored (use 'stacked').",
                      UserWarning, stacklevel=2)
    model = Sequential(name="vanilla")
    model.add(LSTM(units, input_shape=tuple(input_shape), return_sequences=per_step, go_backwards=go_backwards))
    if dropout:
        model.add(Dropout(dropout))
    if per_step:
        model.add(TimeDistributed(Dense(outputs, activation=activation)))
        if go_backwards:  # a backward LSTM's outputs come in reverse order; put them back in time order
            model.add(Reverse())
    else:
        model.add(Dense(outputs, activation=activation))
    return model
