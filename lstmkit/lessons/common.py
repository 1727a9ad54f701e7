"""What the lesson experiments share: training with a progress bar, learning-curve plots, tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from rich.console import Console  # noqa: E402

console = Console()


def train(name: str, model: Any, X, y, *, epochs: int, batch_size: int = 32, validation_split: float = 0.1,
          quick: bool = False) -> dict[str, list[float]]:
    """Fit ``model`` with a progress bar (none in quick mode) and return its history."""
    console.print(f"[bold]{name}[/]: {model.count_params():,} parameters, {epochs} epochs on {len(X):,} samples")
    history = model.fit(X, y, epochs=epochs, batch_size=batch_size, validation_split=validation_split,
                        verbose=0 if quick else 1, shuffle=True)
    return history.history


def plot_learning_curves(histories: dict[str, dict[str, list[float]]], path: Path, title: str) -> str:
    """One line per model for training and validation loss; returns the file name."""
    figure, axis = plt.subplots(figsize=(8, 4))
    for index, (name, history) in enumerate(histories.items()):
        color = f"C{index}"
        axis.plot(history["loss"], color=color, label=f"{name} (train)")
        if "val_loss" in history:
            axis.plot(history["val_loss"], "--", color=color, label=f"{name} (validation)")
    axis.set_xlabel("epoch")
    axis.set_ylabel("loss")
    axis.set_yscale("log")
    axis.set_title(title)
    axis.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path.name


def markdown_table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows])


def reproduce(number: int, seed: int, quick: bool) -> str:
    return f"    lstmkit lesson {number} --seed {seed}{' --quick' if quick else ''} --out lesson{number:02d}"
