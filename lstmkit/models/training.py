"""The training loop: epochs of mini-batch gradient descent, evaluation and prediction.

Nothing here knows about particular layers or architectures: it takes any ``torch.nn.Module``
mapping a batch of inputs to a batch of outputs, a loss, metrics and an optimiser. Data are
tensors already checked by the model; batches are taken by indexing, with no copies per epoch
beyond the batch itself.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Sequence

import torch
from torch import nn

from lstmkit.callbacks import Callback, History
from lstmkit.losses import Loss
from lstmkit.metrics import Metric
from lstmkit.optimizers import Optimizer
from lstmkit.progress import FitProgress


@dataclass
class Objective:
    """What training minimises and reports: the loss, the metrics, and the optimiser."""

    loss: Loss
    metrics: list[Metric] = field(default_factory=list)
    optimizer: torch.optim.Optimizer | None = None
    spec: Optimizer | None = None

    def names(self) -> list[str]:
        return ["loss", *(m.name for m in self.metrics)]

    def measure(self, y: torch.Tensor, pred: torch.Tensor, loss: torch.Tensor) -> torch.Tensor:
        """Loss and metrics of one batch as a tensor ``(1 + num_metrics,)``, without gradients."""
        with torch.no_grad():
            return torch.stack([loss.detach(), *(m(y, pred).detach() for m in self.metrics)])

    def summarise(self, per_batch: list[torch.Tensor], sizes: list[int]) -> dict[str, float]:
        """Sample-weighted means over the batches, read back once (one sync per epoch)."""
        values = torch.stack(per_batch).reshape(len(sizes), -1)  # (batches, 1 + num_metrics)
        weights = torch.tensor(sizes, dtype=values.dtype, device=values.device)
        return dict(zip(self.names(), ((weights @ values) / sum(sizes)).tolist()))


def unmasked(module: nn.Module, pred: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Predictions and targets without the masked timesteps, when the model's output is a masked
    sequence ``(N, T, ...)`` (the loss and metrics then average over real timesteps only)."""
    mask = getattr(module, "output_mask", None)
    if mask is None or pred.dim() < 3 or mask.shape != pred.shape[:2]:
        return pred, y
    return pred[mask], y[mask]


def _batches(samples: int, batch_size: int, shuffle: bool) -> list[torch.Tensor | slice]:
    if not shuffle:
        return [slice(start, start + batch_size) for start in range(0, samples, batch_size)]
    return list(torch.randperm(samples).split(batch_size))


def train_epoch(module: nn.Module, objective: Objective, x: torch.Tensor, y: torch.Tensor,
                batch_size: int, shuffle: bool, progress: FitProgress | None) -> dict[str, float]:
    """One pass over the data; returns the sample-weighted mean loss and metrics."""
    module.train()
    optimizer, spec = objective.optimizer, objective.spec
    clip = spec is not None and (spec.clipnorm is not None or spec.clipvalue is not None)
    parameters = [p for p in module.parameters() if p.requires_grad]
    per_batch, sizes = [], []
    for index in _batches(len(x), batch_size, shuffle):
        xb, yb = x[index], y[index]
        pred, yb = unmasked(module, module(xb), yb)
        loss = objective.loss(yb, pred)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if clip:
            spec.clip_gradients(parameters)
        optimizer.step()
        # Keep the loss as a tensor: reading it back every batch would cost a sync on a GPU.
        per_batch.append(objective.measure(yb, pred, loss) if objective.metrics else loss.detach())
        sizes.append(len(yb))
        if progress is not None:
            progress.advance()
    return objective.summarise(per_batch, sizes)


def evaluate(module: nn.Module, objective: Objective, x: torch.Tensor, y: torch.Tensor,
             batch_size: int) -> dict[str, float]:
    """Sample-weighted mean loss and metrics over ``x``, in inference mode."""
    module.eval()
    per_batch, sizes = [], []
    with torch.inference_mode():
        for index in _batches(len(x), batch_size, shuffle=False):
            pred, yb = unmasked(module, module(x[index]), y[index])
            per_batch.append(objective.measure(yb, pred, objective.loss(yb, pred)))
            sizes.append(len(yb))
    return objective.summarise(per_batch, sizes)


def predict(module: nn.Module, x: torch.Tensor, batch_size: int) -> torch.Tensor | list[torch.Tensor]:
    """Outputs for ``x`` in inference mode, batch by batch (a list for several outputs)."""
    module.eval()
    with torch.inference_mode():
        if len(x) <= batch_size:
            return module(x)
        parts = [module(x[index]) for index in _batches(len(x), batch_size, False)]
    if isinstance(parts[0], (list, tuple)):  # several outputs, e.g. Bidirectional(merge_mode=None)
        return [torch.cat(group) for group in zip(*parts)]
    return torch.cat(parts)


def fit(model: Any, objective: Objective, x: torch.Tensor, y: torch.Tensor, *, batch_size: int,
        epochs: int, initial_epoch: int, shuffle: bool,
        validation: tuple[torch.Tensor, torch.Tensor] | None,
        callbacks: Sequence[Callback], progress: FitProgress) -> History:
    """Train ``model.module`` for ``epochs``; ``model`` is what callbacks see (``stop_training``,
    ``save``). Stops with a warning when the loss becomes NaN or infinite."""
    history = History()
    callbacks = [history, progress, *callbacks]
    params = {"epochs": epochs, "samples": len(x), "batch_size": batch_size, "verbose": progress.verbose}
    for callback in callbacks:
        callback.set_model(model)
        callback.set_params(params)
    model.stop_training = False
    for callback in callbacks:
        callback.on_train_begin()
    try:
        for epoch in range(initial_epoch, epochs):
            for callback in callbacks:
                callback.on_epoch_begin(epoch)
            logs = train_epoch(model.module, objective, x, y, batch_size, shuffle, progress)
            if validation is not None:
                scores = evaluate(model.module, objective, *validation, batch_size)
                logs.update({f"val_{key}": value for key, value in scores.items()})
            if not math.isfinite(logs["loss"]):
                model.stop_training = True
                _warn_not_finite(epoch, logs["loss"])
            for callback in callbacks:
                callback.on_epoch_end(epoch, logs)
            if model.stop_training:
                break
    finally:
        progress.on_train_end()  # never leave a live progress bar behind an exception
    for callback in callbacks:
        if callback is not progress:
            callback.on_train_end()
    return history


def _warn_not_finite(epoch: int, loss: float) -> None:
    warnings.warn(
        f"Training stopped at epoch {epoch + 1}: the loss became {loss}. Common causes: a learning "
        "rate that is too high, unscaled inputs or targets, or a loss that does not suit the "
        "output layer. Try a smaller learning_rate, scale the data, or set clipnorm on the "
        "optimizer.",
        RuntimeWarning,
        stacklevel=4,
    )
