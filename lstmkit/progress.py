"""Progress display for ``fit``: a rich progress bar (verbose=1), one line per epoch (verbose=2),
or nothing (verbose=0)."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from lstmkit.callbacks import Callback


def format_logs(logs: dict[str, float]) -> str:
    return " - ".join(f"{key}: {value:.4g}" for key, value in logs.items())


class FitProgress(Callback):
    """Shows training progress; ``advance()`` is called once per batch."""

    def __init__(self, verbose: int, epochs: int, batches_per_epoch: int, initial_epoch: int = 0):
        super().__init__()
        if verbose not in (0, 1, 2):
            raise ValueError(f"verbose must be 0 (silent), 1 (progress bar) or 2 (one line per epoch); got {verbose!r}.")
        self.verbose = verbose
        self.epochs = epochs
        self.batches = batches_per_epoch
        self.initial_epoch = initial_epoch
        self._bar: Progress | None = None

    def on_train_begin(self, logs=None):
        if self.verbose == 1:
            self._bar = Progress(
                TextColumn("[bold]Epoch {task.fields[epoch]}/{task.fields[epochs]}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.fields[logs]}"),
                console=Console(),
            )
            self._bar.start()
            total = (self.epochs - self.initial_epoch) * self.batches
            self._task = self._bar.add_task("fit", total=total, epoch=self.initial_epoch + 1,
                                            epochs=self.epochs, logs="")
        self._started = time.perf_counter()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch_started = time.perf_counter()
        if self._bar is not None:
            self._bar.update(self._task, epoch=epoch + 1)

    def on_epoch_end(self, epoch, logs=None):
        if self._bar is not None:
            self._bar.update(self._task, logs=format_logs(logs or {}))
        elif self.verbose == 2:
            seconds = time.perf_counter() - self._epoch_started
            print(f"Epoch {epoch + 1}/{self.epochs} - {seconds:.2f}s - {format_logs(logs or {})}", flush=True)

    def on_train_end(self, logs=None):
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
