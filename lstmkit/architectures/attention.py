"""Encoder-decoder with attention: the decoder looks back at every input step (lesson 10)."""

from __future__ import annotations

from typing import Sequence

from lstmkit._checks import positive_int
from lstmkit.architectures.encoder_decoder import sequence_outputs
from lstmkit.layers import LSTM, AttentionDecoder, Dropout
from lstmkit.models import Sequential


def attention(input_shape: Sequence[int | None], outputs: tuple[int, int], units: int = 64, layers: int | None = 1,
              dropout: float = 0.0, activation: str | None = "softmax", score: str = "additive") -> Sequential:
    """An encoder LSTM returning every step's output, and an ``AttentionDecoder`` that, at each
    output step, weighs all of them.

    Use it instead of ``encoder_decoder`` when the input is long and the answer depends on a few
    steps far back: the plain encoder must squeeze everything into one state vector, the attention
    decoder reads the steps it needs directly.

    Args:
        input_shape: ``(timesteps, features)``.
        outputs: ``(output_steps, output_features)``.
        units: the size of the encoder and of the decoder.
        layers: encoder LSTM layers (1 by default).
        dropout: dropout after the encoder.
        activation: of the outputs ('softmax' for classes).
        score: 'additive' (Bahdanau) or 'dot' (Luong).

    Shapes:
        ``(samples, timesteps, features)`` -> ``(samples, output_steps, output_features)``.

    Example:
        >>> attention(input_shape=(50, 10), outputs=(3, 10), units=16).output_shape
        (None, 3, 10)
    """
    steps, features = sequence_outputs(outputs, "attention")
    model = Sequential(name="attention")
    for index in range(positive_int(1 if layers is None else layers, "layers")):
        kwargs = {"input_shape": tuple(input_shape)} if index == 0 else {}
        model.add(LSTM(units, return_sequences=True, **kwargs))
    if dropout:
        model.add(Dropout(dropout))
    model.add(AttentionDecoder(units, features, score=score, activation=activation, output_steps=steps))
    return model
