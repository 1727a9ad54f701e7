"""The LSTM recurrence: PyTorch's fused kernel, and a step loop for everything it cannot do.

Both compute Keras's LSTM equations, with gates in Keras's (and PyTorch's) order i, f, c, o::

    z = x_t @ kernel + h_{t-1} @ recurrent_kernel + bias        # (N, 4U)
    i, f, o = recurrent_activation(z_i, z_f, z_o)
    c_t = f * c_{t-1} + i * activation(z_c)
    h_t = o * activation(c_t)

The fused kernel (``torch.lstm``, the op behind ``torch.nn.LSTM``) hard-codes sigmoid and tanh
and has no recurrent dropout; the step loop takes any activation and applies a recurrent
dropout mask to ``h_{t-1}`` that stays fixed across timesteps (Keras's variational dropout).

The step loop is plain eager PyTorch: on CPU, TorchScript and ``torch.compile`` of the cell were
measured slower or only sometimes faster, after seconds of compiling (``bench/step_loop.py``).
"""

from __future__ import annotations

from typing import Callable

import torch

Activation = Callable[[torch.Tensor], torch.Tensor]


def step_loop(
    x_proj: torch.Tensor,
    h: torch.Tensor,
    c: torch.Tensor,
    weight_hh: torch.Tensor,
    activation: Activation,
    recurrent_activation: Activation,
    recurrent_mask: torch.Tensor | None,
    return_sequences: bool,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Run the recurrence over precomputed input projections.

    Shapes:
        x_proj ``(N, T, 4U)`` = ``x @ kernel + bias``; h, c ``(N, U)``; weight_hh ``(4U, U)``;
        recurrent_mask ``(N, U)`` or None. Returns outputs ``(N, T, U)`` (``(N, 1, U)`` when
        ``return_sequences`` is False), and the last h and c.
    """
    weight_hh_t = weight_hh.t()  # (U, 4U)
    outputs: list[torch.Tensor] = []
    for t in range(x_proj.size(1)):
        h_in = h if recurrent_mask is None else h * recurrent_mask
        z = torch.addmm(x_proj[:, t], h_in, weight_hh_t)  # (N, 4U)
        i, f, g, o = z.chunk(4, 1)
        i, f, o = recurrent_activation(i), recurrent_activation(f), recurrent_activation(o)
        c = f * c + i * activation(g)
        h = o * activation(c)
        if return_sequences:
            outputs.append(h)
    if not return_sequences:
        outputs.append(h)
    return torch.stack(outputs, 1), h, c



def fused_lstm(
    x: torch.Tensor,
    h: torch.Tensor,
    c: torch.Tensor,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias: torch.Tensor | None,
    zero_bias: torch.Tensor,
    training: bool,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One LSTM layer on PyTorch's fused kernel.

    PyTorch's kernel adds two biases (input and recurrent); Keras has one per gate, so the second
    is a constant zero and the parameter count stays Keras's.

    Shapes:
        x ``(N, T, D)``; h, c ``(N, U)``. Returns outputs ``(N, T, U)`` and the last h and c.
    """
    params = (weight_ih, weight_hh) if bias is None else (weight_ih, weight_hh, bias, zero_bias)
    output, h_n, c_n = torch.lstm(
        x, (h.unsqueeze(0), c.unsqueeze(0)), params, bias is not None, 1, 0.0, training, False, True
    )
    return output, h_n[0], c_n[0]
