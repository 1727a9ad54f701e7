"""Attention for encoder-decoders (lesson 10): a decoder that looks back at every encoder step."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from lstmkit import activations
from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape

SCORES = ("additive", "dot")


class AttentionDecoder(Layer):
    """An LSTM decoder with attention, placed after an encoder ``LSTM(..., return_sequences=True)``.

    At each output step the decoder scores every encoder output against its own state, turns the
    scores into weights that sum to 1 (softmax over the input steps), and reads their weighted sum
    (the context) together with its previous output. So the answer can come from any input step,
    however far back, instead of squeezing the whole input into one state vector.

    Args:
        units: size of the decoder's state.
        n_features: values per output step (e.g. the one-hot size of the output vocabulary).
        score: 'additive' (Bahdanau: ``v . tanh(W_enc h_j + W_dec s)``) or 'dot' (Luong:
            ``(W_enc h_j) . s``).
        activation: of the outputs ('softmax' for classes, 'linear' for values).
        output_steps: how many steps to write (default: as many as the input has).

    Attributes:
        attention_weights: the weights of the last batch, ``(samples, output_steps, input_steps)``,
            for plotting which input steps each output looked at.

    Shapes:
        ``(samples, timesteps, encoder_units)`` -> ``(samples, output_steps or timesteps, n_features)``.

    Example:
        >>> from lstmkit.models import Sequential
        >>> from lstmkit.layers import LSTM
        >>> model = Sequential([LSTM(16, return_sequences=True, input_shape=(20, 5)), AttentionDecoder(16, 5)])
        >>> model.output_shape
        (None, 20, 5)
    """

    input_ndim = 2
    input_layout = "(samples, timesteps, features): the encoder's outputs (return_sequences=True)"
    keeps_timesteps = False

    def __init__(self, units: int, n_features: int, score: str = "additive", activation: str | None = "softmax",
                 output_steps: int | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.units = positive_int(units, "AttentionDecoder units")
        self.n_features = positive_int(n_features, "AttentionDecoder n_features")
        self.output_steps = None if output_steps is None else positive_int(output_steps, "AttentionDecoder output_steps")
        if score not in SCORES:
            raise ValueError(f"AttentionDecoder score must be 'additive' or 'dot'; got {score!r}.")
        self.score = score
        self.activation_name = activations.canonical_name(activation)
        self.activation = activations.get(activation)
        self.attention_weights: torch.Tensor | None = None

    def _build(self, input_shape: Shape) -> None:
        encoder_units = input_shape[-1]
        self.keys = nn.Linear(encoder_units, self.units, bias=False)
        if self.score == "additive":
            self.query = nn.Linear(self.units, self.units)
            self.energy = nn.Linear(self.units, 1, bias=False)
        self.cell = nn.LSTMCell(self.n_features + encoder_units, self.units)
        self.out = nn.Linear(self.units + encoder_units, self.n_features)

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (self.output_steps or input_shape[0], self.n_features)

    def _weights(self, keys: torch.Tensor, state: torch.Tensor) -> torch.Tensor:
        """Attention weights ``(N, T)`` of the encoder steps for decoder state ``(N, U)``."""
        if self.score == "additive":
            scores = self.energy(torch.tanh(keys + self.query(state)[:, None])).squeeze(-1)
        else:
            scores = torch.bmm(keys, state[:, :, None]).squeeze(-1)
        return torch.softmax(scores, dim=1)

    def forward(self, encoded: torch.Tensor) -> torch.Tensor:
        """Shapes: encoded ``(N, T, H)`` -> ``(N, output_steps or T, n_features)``."""
        batch, steps, _ = encoded.shape
        keys = self.keys(encoded)  # (N, T, U), computed once for every decoder step
        state = encoded.new_zeros(batch, self.units)
        cell = encoded.new_zeros(batch, self.units)
        previous = encoded.new_zeros(batch, self.n_features)
        outputs, weights = [], []
        for _ in range(self.output_steps or steps):
            attention = self._weights(keys, state)  # (N, T)
            context = torch.bmm(attention[:, None], encoded).squeeze(1)  # (N, H)
            state, cell = self.cell(torch.cat([previous, context], dim=1), (state, cell))
            previous = self.activation(self.out(torch.cat([state, context], dim=1)))
            outputs.append(previous)
            weights.append(attention)
        self.attention_weights = torch.stack(weights, 1).detach()  # (N, T_out, T_in)
        return torch.stack(outputs, 1)

    def get_config(self) -> dict[str, Any]:
        return {"units": self.units, "n_features": self.n_features, "score": self.score,
                "activation": self.activation_name, "output_steps": self.output_steps, **super().get_config()}
