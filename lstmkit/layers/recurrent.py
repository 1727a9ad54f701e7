"""What LSTM, GRU and SimpleRNN share: arguments, masks, states, stateful layers, dropout.

A subclass says how many gates it has, how many state tensors, how to build its weights, which
fused PyTorch op it can run on, and which cell the step loop uses.
"""

from __future__ import annotations

from typing import Any, ClassVar, Sequence

import torch
import torch.nn.functional as F

from lstmkit import activations
from lstmkit._checks import positive_int
from lstmkit.layers.base import Layer, Shape, copy_into
from lstmkit.layers.recurrence import fused, step_loop


def rate(value: float, layer: str, argument: str) -> float:
    if not 0.0 <= float(value) < 1.0:
        raise ValueError(f"{layer} {argument} must be in [0, 1); got {value!r}.")
    return float(value)


def right_padded_lengths(mask: torch.Tensor) -> torch.Tensor | None:
    """Sequence lengths when every row of ``mask`` ``(N, T)`` is True then False (right padding)
    with at least one True; None otherwise."""
    lengths = mask.sum(1)
    steps = torch.arange(mask.size(1), device=mask.device)
    if (lengths == 0).any() or not torch.equal(mask, steps[None, :] < lengths[:, None]):
        return None
    return lengths


class _Recurrent(Layer):
    """Base of the recurrent layers (Keras's arguments and defaults).

    Args:
        units: size of the hidden state.
        activation: of the candidate and output ('tanh').
        use_bias: whether to add biases.
        return_sequences: output every timestep ``(samples, timesteps, units)`` instead of the last.
        return_state: also return the final states (``[output, *states]``), for encoder-decoders.
        go_backwards: read the sequence from last to first (outputs come reversed, as in Keras).
        stateful: carry each sample's final state into the same row of the next batch, until
            ``reset_states()``; for truncated backpropagation through time over long sequences.
        dropout: fraction of input features dropped while training (one mask per sequence).
        recurrent_dropout: fraction of the recurrent state dropped while training.
        use_fused: 'auto' runs PyTorch's fused kernel where the settings allow; False forces the
            step loop; True requires the fused kernel.
    """

    input_ndim = 2
    input_layout = "(samples, timesteps, features)"
    supports_mask = True
    gates: ClassVar[int] = 1
    state_count: ClassVar[int] = 1
    fused_kind: ClassVar[str] = ""

    def __init__(self, units: int, activation: str | None = "tanh", use_bias: bool = True,
                 return_sequences: bool = False, return_state: bool = False, go_backwards: bool = False,
                 stateful: bool = False, dropout: float = 0.0, recurrent_dropout: float = 0.0,
                 use_fused: bool | str = "auto", **kwargs: Any):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.units = positive_int(units, f"{name} units")
        self.activation = activations.canonical_name(activation)
        self.use_bias = bool(use_bias)
        self.return_sequences = bool(return_sequences)
        self.return_state = bool(return_state)
        self.go_backwards = bool(go_backwards)
        self.stateful = bool(stateful)
        self.dropout = rate(dropout, name, "dropout")
        self.recurrent_dropout = rate(recurrent_dropout, name, "recurrent_dropout")
        if use_fused not in ("auto", True, False):
            raise ValueError(f"{name} use_fused must be 'auto', True or False; got {use_fused!r}.")
        self.use_fused = use_fused
        self._activation = activations.get(self.activation)
        self.states: tuple[torch.Tensor, ...] | None = None

    # ----------------------------------------------------------------- for subclasses
    def _fusable(self) -> bool:
        """Whether the activations allow the fused kernel (recurrent dropout aside)."""
        return False

    def _fused_params(self) -> tuple[torch.Tensor, ...]:
        raise NotImplementedError

    def _cell(self):
        raise NotImplementedError

    def _recurrent_activation(self):
        return torch.sigmoid

    #: What the fused kernel needs, for the error when ``use_fused=True`` cannot be honoured.
    fused_requirement: ClassVar[str] = "activation='tanh' and recurrent_activation='sigmoid'"

    def _check_fused_request(self) -> None:
        if self.use_fused is True and not self._fusable():
            current = ", ".join(repr(getattr(self, a)) for a in ("activation", "recurrent_activation") if hasattr(self, a))
            raise ValueError(f"{type(self).__name__} use_fused=True needs {self.fused_requirement} (got "
                             f"{current}); use use_fused='auto'.")

    # ----------------------------------------------------------------- shapes
    def output_shape_for(self, input_shape: Shape) -> Shape:
        return (input_shape[0], self.units) if self.return_sequences else (self.units,)

    @property
    def uses_fused_kernel(self) -> bool:
        """Whether the next forward pass (in the current train/eval mode, without an irregular
        mask) runs the fused kernel. Recurrent dropout acts only in training."""
        dropping = self.training and self.recurrent_dropout > 0.0
        return self._fusable() and self.use_fused is not False and not dropping

    # ----------------------------------------------------------------- forward
    def _initial_states(self, x: torch.Tensor, initial_state: Sequence[torch.Tensor] | None) -> tuple:
        batch = x.size(0)
        if initial_state is not None:
            states = tuple(initial_state)
            if len(states) != self.state_count or any(s.shape != (batch, self.units) for s in states):
                raise ValueError(f"{type(self).__name__} initial_state must be {self.state_count} tensor(s) "
                                 f"of shape ({batch}, {self.units}).")
            return states
        if self.stateful and self.states is not None:
            if self.states[0].size(0) != batch:
                raise ValueError(
                    f"This stateful {type(self).__name__} holds states for batches of {self.states[0].size(0)} "
                    f"samples; got {batch}. Keep one batch size (fit and predict with batch_size="
                    f"{self.states[0].size(0)}), or call reset_states() first.")
            return self.states
        return tuple(x.new_zeros(batch, self.units) for _ in range(self.state_count))

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None,
                initial_state: Sequence[torch.Tensor] | None = None):
        """Shapes: x ``(N, T, D)``, mask ``(N, T)`` bool -> ``(N, T, U)`` or ``(N, U)``
        (and the final states ``(N, U)`` each with ``return_state``)."""
        if self.go_backwards:
            x = x.flip(1)
            mask = None if mask is None else mask.flip(1)
        if self.training and self.dropout > 0.0:
            # One mask per sequence, the same at every timestep (Keras).
            x = x * F.dropout(x.new_ones(x.size(0), 1, x.size(2)), self.dropout, True)
        states = self._initial_states(x, initial_state)
        if mask is not None and bool(mask.all()):
            mask = None  # nothing is masked in this batch
        fused_path = self.uses_fused_kernel
        lengths = right_padded_lengths(mask) if fused_path and mask is not None else None
        if fused_path and (mask is None or lengths is not None):
            outputs, states = fused(self.fused_kind, x, states, self._fused_params(), self.training, lengths,
                                    sequences=self.return_sequences)
            outputs = outputs if self.return_sequences else states[0][:, None]  # h at each last step
        else:
            outputs, states = self._step_loop(x, states, mask)
        if self.stateful:
            self.states = tuple(s.detach() for s in states)  # truncated BPTT: no gradient across batches
        output = outputs if self.return_sequences else outputs[:, 0]
        return [output, *states] if self.return_state else output

    def _step_loop(self, x: torch.Tensor, states: tuple, mask: torch.Tensor | None):
        x_proj = F.linear(x, self.weight_ih, self.bias if self.use_bias else None)  # (N, T, G*U)
        recurrent_mask = None
        if self.training and self.recurrent_dropout > 0.0:
            recurrent_mask = F.dropout(x.new_ones(x.size(0), self.units), self.recurrent_dropout, True)
        return step_loop(self._cell(), x_proj, states, self.weight_hh, self._bias_hh(),
                         self._activation, self._recurrent_activation(), mask, recurrent_mask,
                         self.return_sequences)

    def _bias_hh(self) -> torch.Tensor | None:
        return None

    def compute_mask(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor | None:
        if mask is None or not self.return_sequences:
            return None
        return mask.flip(1) if self.go_backwards else mask

    def reset_states(self) -> None:
        """Forget the states a stateful layer carries between batches."""
        self.states = None

    def keras_weights(self) -> list[torch.Tensor]:
        """Keras's ``[kernel (D, G*U), recurrent_kernel (U, G*U), bias (G*U,)]``."""
        weights = [self.weight_ih.T, self.weight_hh.T]
        return weights + [self.bias] if self.use_bias else weights

    def set_keras_weights(self, weights: list) -> None:
        copy_into(self.weight_ih, weights[0].T)
        copy_into(self.weight_hh, weights[1].T)
        if self.use_bias:
            copy_into(self.bias, weights[2])

    def get_config(self) -> dict[str, Any]:
        return {
            "units": self.units, "activation": self.activation, "use_bias": self.use_bias,
            "return_sequences": self.return_sequences, "return_state": self.return_state,
            "go_backwards": self.go_backwards, "stateful": self.stateful, "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout, "use_fused": self.use_fused,
            **super().get_config(),
        }



class _Gated(_Recurrent):
    """LSTM and GRU: gates with a ``recurrent_activation``; fused only with tanh and sigmoid."""

    def __init__(self, units: int, activation: str | None = "tanh", recurrent_activation: str | None = "sigmoid",
                 **kwargs: Any):
        super().__init__(units, activation=activation, **kwargs)
        self.recurrent_activation = activations.canonical_name(recurrent_activation)
        self._check_fused_request()

    def _fusable(self) -> bool:
        return (self.activation, self.recurrent_activation) == ("tanh", "sigmoid")

    def _recurrent_activation(self):
        return activations.get(self.recurrent_activation)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "recurrent_activation": self.recurrent_activation}
