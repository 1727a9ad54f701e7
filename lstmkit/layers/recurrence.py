"""The recurrences of LSTM, GRU and SimpleRNN: PyTorch's fused kernels, and one step loop for
everything they cannot do (other activations, recurrent dropout, masks that are not right-padded).

Keras's equations, with PyTorch's gate order (LSTM i, f, c, o; GRU r, z, n)::

    LSTM       z = x_t W + h U + b;  c = f*c + i*act(z_c);  h = o*act(c)
    GRU        r, z = rec(x W_r + b_ir + h U_r + b_hr), rec(...);  n = act(x W_n + b_in + r*(h U_n + b_hn))
               h = (1 - z)*n + z*h          (Keras's reset_after=True)
    SimpleRNN  h = act(x W + h U + b)

The step loop is plain eager PyTorch: on CPU, TorchScript and ``torch.compile`` of the cell were
measured slower or only sometimes faster, after seconds of compiling (``bench/step_loop.py``).
Masked timesteps are skipped: state and output carry over from the last unmasked step.
"""

from __future__ import annotations

from typing import Callable

import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

Activation = Callable[[torch.Tensor], torch.Tensor]
States = tuple[torch.Tensor, ...]


def lstm_cell(x_t, states, weight_hh_t, bias_hh, activation, recurrent_activation):
    h, c = states
    i, f, g, o = torch.addmm(x_t, h, weight_hh_t).chunk(4, 1)  # (N, U) each
    c = recurrent_activation(f) * c + recurrent_activation(i) * activation(g)
    h = recurrent_activation(o) * activation(c)
    return h, (h, c)


def gru_cell(x_t, states, weight_hh_t, bias_hh, activation, recurrent_activation):
    h = states[0]
    recurrent = torch.addmm(bias_hh, h, weight_hh_t) if bias_hh is not None else h @ weight_hh_t
    x_r, x_z, x_n = x_t.chunk(3, 1)
    h_r, h_z, h_n = recurrent.chunk(3, 1)
    r = recurrent_activation(x_r + h_r)
    z = recurrent_activation(x_z + h_z)
    n = activation(x_n + r * h_n)
    h = (1 - z) * n + z * h
    return h, (h,)


def simple_cell(x_t, states, weight_hh_t, bias_hh, activation, recurrent_activation):
    h = activation(torch.addmm(x_t, states[0], weight_hh_t))
    return h, (h,)


def step_loop(cell, x_proj: torch.Tensor, states: States, weight_hh: torch.Tensor, bias_hh: torch.Tensor | None,
              activation: Activation, recurrent_activation: Activation, mask: torch.Tensor | None,
              recurrent_mask: torch.Tensor | None, return_sequences: bool) -> tuple[torch.Tensor, States]:
    """Run ``cell`` over precomputed input projections.

    Shapes:
        x_proj ``(N, T, G*U)`` = ``x @ kernel + bias``; states ``(N, U)`` each; mask ``(N, T)`` bool
        or None; recurrent_mask ``(N, U)`` or None. Returns outputs ``(N, T, U)`` (``(N, 1, U)``
        without ``return_sequences``) and the last states.
    """
    weight_hh_t = weight_hh.t()  # (U, G*U)
    output = torch.zeros_like(states[0])
    outputs: list[torch.Tensor] = []
    for t in range(x_proj.size(1)):
        h_in = states[0] if recurrent_mask is None else states[0] * recurrent_mask
        new_output, new_states = cell(x_proj[:, t], (h_in, *states[1:]), weight_hh_t, bias_hh,
                                      activation, recurrent_activation)
        if mask is not None:
            keep = mask[:, t, None]  # (N, 1): masked rows keep their state and last output
            new_states = tuple(torch.where(keep, new, old) for new, old in zip(new_states, states))
            new_output = torch.where(keep, new_output, output)
        states, output = new_states, new_output
        if return_sequences:
            outputs.append(output)
    if not return_sequences:
        outputs.append(output)
    return torch.stack(outputs, 1), states


FUSED_OPS = {"lstm": torch.lstm, "gru": torch.gru, "rnn_tanh": torch.rnn_tanh, "rnn_relu": torch.rnn_relu}


def fused(kind: str, x: torch.Tensor, states: States, params: tuple[torch.Tensor, ...], training: bool,
          lengths: torch.Tensor | None = None, sequences: bool = True) -> tuple[torch.Tensor | None, States]:
    """One recurrent layer on PyTorch's fused kernel (the op behind ``torch.nn.LSTM`` / ``GRU`` / ``RNN``).

    ``lengths`` (right-padded sequences) runs the kernel on packed sequences, so padding is skipped;
    outputs past each sequence's end repeat its last output, as the step loop's masking does.

    Shapes:
        x ``(N, T, D)``; states ``(N, U)`` each. Returns outputs ``(N, T, U)`` (None for packed input
        when ``sequences`` is False: only the final states are needed) and the last states.
    """
    op = FUSED_OPS[kind]
    hx = tuple(s.unsqueeze(0) for s in states)
    hx = hx if kind == "lstm" else hx[0]
    if lengths is None:
        result = op(x, hx, params, len(params) == 4, 1, 0.0, training, False, True)
        return result[0], tuple(s[0] for s in result[1:])
    packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
    order = packed.sorted_indices
    hx = tuple(h.index_select(1, order) for h in hx) if kind == "lstm" else hx.index_select(1, order)
    result = op(packed.data, packed.batch_sizes, hx, params, len(params) == 4, 1, 0.0, training, False)
    finals = tuple(s[0].index_select(0, packed.unsorted_indices) for s in result[1:])
    if not sequences:
        return None, finals
    output = PackedSequence(result[0], packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
    padded, _ = pad_packed_sequence(output, batch_first=True, total_length=x.size(1))
    last = padded.gather(1, (lengths - 1).clamp(min=0).view(-1, 1, 1).expand(-1, 1, padded.size(2)))
    steps = torch.arange(x.size(1), device=x.device)
    padded = torch.where((steps[None, :] < lengths[:, None])[..., None], padded, last)
    return padded, finals
