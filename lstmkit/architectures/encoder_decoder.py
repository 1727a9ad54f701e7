"""Encoder-decoder LSTM: sequence in, sequence out of another length (lesson 8)."""

from __future__ import annotations

from typing import Sequence

from lstmkit._checks import positive_int
from lstmkit.layers import LSTM, Dense, Dropout, RepeatVector, TimeDistributed
from lstmkit.models import Sequential


def sequence_outputs(outputs: tuple[int, int], builder: str) -> tuple[int, int]:
    """Check ``outputs=(output_steps, output_features)`` of a sequence-to-sequence builder."""
    if isinstance(outputs, int) or len(outputs) != 2:
        raise ValueError(f"{builder} needs outputs=(output_steps, output_features); got {outputs!r}.")
    steps, features = (positive_int(v, "outputs") for v in outputs)
    return steps, features


def encoder_decoder(input_shape: Sequence[int | None], outputs: tuple[int, int], units: int = 128,
                    layers: int | None = 1, dropout: float = 0.0, activation: str | None = "softmax") -> Sequential:
    """An encoder LSTM reads the input into one vector; ``RepeatVector`` hands it to every step of
    a decoder LSTM, whose outputs a ``TimeDistributed(Dense)`` turns into each output step.

    Use it for sequence-to-sequence problems whose output length differs from the input's: '123+45'
    -> '168', translation, multi-step forecasts.

    Args:
        input_shape: ``(timesteps, features)`` of the input sequence.
        outputs: ``(output_steps, output_features)``.
        units: the size of the encoder and decoder LSTMs.
        layers: LSTM layers in the decoder (1 by default).
        dropout: dropout after the encoder.
        activation: of the output layer ('softmax' for characters or classes).

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, output_steps, output_features)``.

    Example:
        >>> encoder_decoder(input_shape=(7, 12), outputs=(4, 12), units=16).output_shape
        (None, 4, 12)
    """
    steps, features = sequence_outputs(outputs, "encoder_decoder")
    model = Sequential(name="encoder_decoder")
    model.add(LSTM(units, input_shape=tuple(input_shape)))
    if dropout:
        model.add(Dropout(dropout))
    model.add(RepeatVector(steps))
    for _ in range(positive_int(1 if layers is None else layers, "layers")):
        model.add(LSTM(units, return_sequences=True))
    model.add(TimeDistributed(Dense(features, activation=activation)))
    return model
