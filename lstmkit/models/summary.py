"""``model.summary()``: the layers, their output shapes and parameter counts, as Keras prints."""

from __future__ import annotations

import io
from typing import Any, Callable

from rich import box
from rich.console import Console
from rich.table import Table

from lstmkit.layers.base import format_shape


def _size(count: int) -> str:
    size = count * 4.0  # float32
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.2f} {unit}"
        size /= 1024
    return ""


def print_summary(model: Any, print_fn: Callable[[str], None] | None = None) -> None:
    """Print the summary table of a Sequential model (through ``print_fn`` when given).

    Raises:
        ValueError: when the model is not built yet (its input shape is unknown).
    """
    if not model.built:
        raise ValueError(
            "The model is not built yet, so its shapes are unknown: give the first layer an "
            "input_shape (e.g. LSTM(32, input_shape=(10, 1))), call model.build(...), or fit it first."
        )
    table = Table(title=f'Model: "{model.name}"', box=box.HEAVY_HEAD, title_justify="left")
    table.add_column("Layer (type)")
    table.add_column("Output Shape")
    table.add_column("Param #", justify="right")
    for layer in model.layers:
        table.add_row(f"{layer.name} ({type(layer).__name__})", format_shape(layer.output_shape),
                      f"{layer.count_params():,}")
    trainable = sum(p.numel() for p in model.module.parameters() if p.requires_grad)
    total = model.count_params()
    buffer = io.StringIO() if print_fn is not None else None
    console = Console(width=100, file=buffer)
    console.print(table)
    for label, count in (("Total", total), ("Trainable", trainable), ("Non-trainable", total - trainable)):
        console.print(f" {label} params: {count:,} ({_size(count)})", highlight=False)
    if buffer is not None:
        for line in buffer.getvalue().splitlines():
            print_fn(line)
