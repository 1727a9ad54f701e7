"""Callbacks for ``fit``, with Keras's names and hooks: ``History``, ``EarlyStopping``,
``ModelCheckpoint``; subclass ``Callback`` for your own.

A callback sees ``self.model``; setting ``self.model.stop_training = True`` ends training after
the current epoch. ``logs`` maps 'loss', 'val_loss' and the metric names to this epoch's values.
"""

from __future__ import annotations

import copy
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np


class Callback:
    """Base class: override the hooks you need."""

    def __init__(self) -> None:
        self.model: Any = None
        self.params: dict[str, Any] = {}

    def set_model(self, model: Any) -> None:
        self.model = model

    def set_params(self, params: dict[str, Any]) -> None:
        self.params = params

    def on_train_begin(self, logs: dict[str, float] | None = None) -> None: ...
    def on_train_end(self, logs: dict[str, float] | None = None) -> None: ...
    def on_epoch_begin(self, epoch: int, logs: dict[str, float] | None = None) -> None: ...
    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None: ...


class History(Callback):
    """Records every epoch's logs: ``history.history['loss']`` is the list of training losses."""

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []

    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)


def _improvement_sign(monitor: str, mode: str) -> float:
    """+1 when larger is better, -1 when smaller is better."""
    if mode not in ("auto", "min", "max"):
        raise ValueError(f"mode must be 'auto', 'min' or 'max'; got {mode!r}.")
    if mode == "auto":
        mode = "max" if any(word in monitor for word in ("acc", "auc", "precision", "recall")) else "min"
    return 1.0 if mode == "max" else -1.0


class _Monitor(Callback):
    """Shared bookkeeping for callbacks that watch one quantity for improvement."""

    def __init__(self, monitor: str, mode: str, min_delta: float = 0.0):
        super().__init__()
        self.monitor = monitor
        self.sign = _improvement_sign(monitor, mode)
        self.min_delta = abs(min_delta)
        self.best = -math.inf
        self._warned = False

    def current(self, logs: dict[str, float] | None) -> float | None:
        value = (logs or {}).get(self.monitor)
        if value is None and not self._warned:
            self._warned = True
            warnings.warn(
                f"{type(self).__name__} monitors {self.monitor!r}, which is not among the logged "
                f"values {sorted(logs or {})}. Pass validation data (validation_split or "
                "validation_data) to monitor 'val_loss', or choose monitor='loss'.",
                RuntimeWarning,
                stacklevel=2,
            )
        return value

    def improved(self, value: float) -> bool:
        return self.sign * value - self.min_delta > self.best


class EarlyStopping(_Monitor):
    """Stop training when ``monitor`` has not improved for ``patience`` epochs.

    Args:
        monitor: the logged quantity to watch ('val_loss' by default).
        min_delta: the smallest change that counts as an improvement.
        patience: epochs without improvement before stopping.
        mode: 'min', 'max', or 'auto' (max for accuracies, min otherwise).
        restore_best_weights: at the end, put back the weights of the best epoch.
        verbose: 1 prints a line when training stops.

    Example:
        >>> stop = EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True)
        >>> # model.fit(X, y, validation_split=0.2, epochs=500, callbacks=[stop])
    """

    def __init__(self, monitor: str = "val_loss", min_delta: float = 0.0, patience: int = 0,
                 verbose: int = 0, mode: str = "auto", restore_best_weights: bool = False):
        super().__init__(monitor, mode, min_delta)
        if patience < 0:
            raise ValueError(f"patience must be >= 0; got {patience!r}.")
        self.patience = patience
        self.verbose = verbose
        self.restore_best_weights = restore_best_weights
        self.stopped_epoch = 0
        self.best_epoch = 0

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.best = -math.inf
        self.best_weights = None
        self.stopped_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        value = self.current(logs)
        if value is None:
            return
        if self.improved(value):
            self.best, self.best_epoch, self.wait = self.sign * value, epoch, 0
            if self.restore_best_weights:
                self.best_weights = copy.deepcopy(self.model.module.state_dict())
            return
        self.wait += 1
        if self.wait > self.patience:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.restore_best_weights and self.best_weights is not None:
            self.model.module.load_state_dict(self.best_weights)
        if self.stopped_epoch and self.verbose:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping; best {self.monitor} "
                  f"{self.sign * self.best:.6g} at epoch {self.best_epoch + 1}.")


class ModelCheckpoint(_Monitor):
    """Save the model after every epoch, or only when ``monitor`` improves.

    Args:
        filepath: where to save; may contain ``{epoch}`` and logged names, e.g.
            ``'model-{epoch:02d}-{val_loss:.3f}.lstmkit'``.
        monitor: the quantity that decides the best model ('val_loss').
        save_best_only: keep only models that improve on the best so far.
        mode: 'min', 'max' or 'auto'.
        verbose: 1 prints a line when a model is saved.
    """

    def __init__(self, filepath: str | Path, monitor: str = "val_loss", verbose: int = 0,
                 save_best_only: bool = False, mode: str = "auto"):
        super().__init__(monitor, mode)
        self.filepath = str(filepath)
        self.verbose = verbose
        self.save_best_only = save_best_only

    def on_train_begin(self, logs=None):
        self.best = -math.inf

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.save_best_only:
            value = self.current(logs)
            if value is None or not np.isfinite(value) or not self.improved(value):
                return
            self.best = self.sign * value
        path = self.filepath.format(epoch=epoch + 1, **logs)
        self.model.save(path)
        if self.verbose:
            print(f"Epoch {epoch + 1}: saved model to {path}")
