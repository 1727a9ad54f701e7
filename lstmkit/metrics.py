"""Metrics by their Keras names: 'accuracy' (binary, categorical or sparse, chosen from the loss
and the output shape, as Keras does), 'mae' and 'mse'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch

from lstmkit import losses
from lstmkit._naming import lookup

MetricFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def binary_accuracy(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    return ((y_pred > 0.5).to(y_true.dtype) == y_true).float().mean()


def categorical_accuracy(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    return (y_pred.argmax(-1) == y_true.argmax(-1)).float().mean()


def sparse_categorical_accuracy(y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
    return (y_pred.argmax(-1) == y_true).float().mean()


@dataclass(frozen=True)
class Metric:
    """A metric as it appears in ``History.history`` under ``name``."""

    name: str
    fn: MetricFn

    def __call__(self, y_true: torch.Tensor, y_pred: torch.Tensor) -> torch.Tensor:
        return self.fn(y_true, y_pred)


METRICS: dict[str, MetricFn] = {
    "accuracy": binary_accuracy,  # resolved by `get` from the loss and the output shape
    "acc": binary_accuracy,
    "binary_accuracy": binary_accuracy,
    "categorical_accuracy": categorical_accuracy,
    "sparse_categorical_accuracy": sparse_categorical_accuracy,
    "mae": losses.mean_absolute_error,
    "mean_absolute_error": losses.mean_absolute_error,
    "mse": losses.mean_squared_error,
    "mean_squared_error": losses.mean_squared_error,
}


def get(identifier: str | Callable, loss: losses.Loss, output_width: int) -> Metric:
    """Return the metric called ``identifier`` for a model trained with ``loss`` whose outputs
    have ``output_width`` values on the last axis.

    'accuracy' follows Keras: sparse categorical for integer targets, binary for one output
    (threshold 0.5), categorical (argmax) otherwise.

    Raises:
        ValueError: for an unknown name; the message lists the known ones.
    """
    if callable(identifier) and not isinstance(identifier, str):
        return Metric(getattr(identifier, "__name__", "custom_metric"), identifier)
    fn = lookup("metric", identifier, METRICS)
    if identifier.lower() in ("accuracy", "acc"):
        if loss.target == "index":
            fn = sparse_categorical_accuracy
        elif output_width == 1:
            fn = binary_accuracy
        else:
            fn = categorical_accuracy
    return Metric(identifier, fn)
