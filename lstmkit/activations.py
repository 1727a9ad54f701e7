"""Activation functions by their Keras names.

Example:
    >>> import torch
    >>> from lstmkit.activations import get
    >>> get("relu")(torch.tensor([-1.0, 2.0]))
    tensor([0., 2.])
"""

from __future__ import annotations

from typing import Callable

import torch
import torch.nn.functional as F

from lstmkit._naming import lookup

Activation = Callable[[torch.Tensor], torch.Tensor]


def linear(x: torch.Tensor) -> torch.Tensor:
    return x


def softmax(x: torch.Tensor) -> torch.Tensor:
    return torch.softmax(x, dim=-1)


def hard_sigmoid(x: torch.Tensor) -> torch.Tensor:
    # Keras 3 definition: relu6(x + 3) / 6.
    return F.hardsigmoid(x)


ACTIVATIONS: dict[str, Activation] = {
    "linear": linear,
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "softmax": softmax,
    "hard_sigmoid": hard_sigmoid,
    "elu": F.elu,
    "selu": F.selu,
    "softplus": F.softplus,
    "softsign": F.softsign,
    "swish": F.silu,
    "silu": F.silu,
    "gelu": F.gelu,
    "exponential": torch.exp,
}


def get(name: str | None) -> Activation:
    """Return the activation function called ``name`` (``None`` means linear).

    Raises:
        ValueError: if the name is unknown; the message lists the known names.
    """
    if name is None:
        return linear
    return lookup("activation", name, ACTIVATIONS)


def canonical_name(name: str | None) -> str:
    """The name under which ``name`` is stored in a model file ('linear' for None)."""
    if name is None:
        return "linear"
    get(name)
    return name.lower()
