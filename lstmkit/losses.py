"""Loss functions by their Keras names, computed as Keras computes them.

Every loss takes ``(y_true, y_pred)`` (Keras's order) and returns the mean over samples and
timesteps. Cross-entropies take probabilities (the output of a sigmoid or softmax layer), clipped
to ``[1e-7, 1 - 1e-7]`` as Keras does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch
import torch.nn.functional as F

from lstmkit._naming import lookup

EPSILON = 1e-7


def mean_squared_error(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    return F.mse_loss(y_pred, y_true)


def mean_absolute_error(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    return F.l1_loss(y_pred, y_true)


def binary_crossentropy(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    return F.binary_cross_entropy(y_pred.clamp(EPSILON, 1.0 - EPSILON), y_true)


def categorical_crossentropy(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    """Shapes: y_true one-hot ``(..., classes)``; y_pred probabilities ``(..., classes)``."""
    y_pred = y_pred / y_pred.sum(dim=-1, keepdim=True)
    return -(y_true * y_pred.clamp(EPSILON, 1.0 - EPSILON).log()).sum(dim=-1).mean()


def sparse_categorical_crossentropy(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    """Shapes: y_true class indices ``(...)`` (int64); y_pred probabilities ``(..., classes)``."""
    y_pred = y_pred / y_pred.sum(dim=-1, keepdim=True)
    picked = y_pred.gather(-1, y_true.unsqueeze(-1)).squeeze(-1)
    return -picked.clamp(EPSILON, 1.0).log().mean()


@dataclass(frozen=True)
class Loss:
    """A named loss and the kind of targets it takes ('float' values or 'index' class labels)."""

    name: str
    fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
    target: str = "float"

    def __call__(self, y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
        return self.fn(y_true, y_pred)


_LOSSES = [
    Loss("mean_squared_error", mean_squared_error),
    Loss("mean_absolute_error", mean_absolute_error),
    Loss("binary_crossentropy", binary_crossentropy),
    Loss("categorical_crossentropy", categorical_crossentropy),
    Loss("sparse_categorical_crossentropy", sparse_categorical_crossentropy, target="index"),
]
LOSSES: dict[str, Loss] = {loss.name: loss for loss in _LOSSES}
LOSSES["mse"] = LOSSES["mean_squared_error"]
LOSSES["mae"] = LOSSES["mean_absolute_error"]


def get(identifier: str | Callable) -> Loss:
    """Return the loss called ``identifier``, or wrap a function ``fn(y_true, y_pred) -> tensor``.

    Raises:
        ValueError: for an unknown name; the message lists the known ones.
    """
    if callable(identifier) and not isinstance(identifier, str):
        if isinstance(identifier, Loss):
            return identifier
        return Loss(getattr(identifier, "__name__", "custom_loss"), identifier)
    return lookup("loss", identifier, LOSSES, plural="losses")
