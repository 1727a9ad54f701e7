"""Lesson 5: a vanilla LSTM remembers a value through a sequence (echo)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit import architectures
from lstmkit.lessons.common import console, markdown_table, plot_learning_curves, reproduce, train
from lstmkit.lessons.report import LessonResult
from lstmkit.problems import echo
from lstmkit.seeding import set_random_seed

LENGTH, VALUES, POSITION = 5, 10, 0


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    set_random_seed(seed)
    samples, epochs = (1000, 5) if quick else (5000, 30)
    data = echo(samples, LENGTH, VALUES, POSITION, seed=seed)
    fresh = echo(1000, LENGTH, VALUES, POSITION, seed=seed + 1)
    model = architectures.vanilla(input_shape=(LENGTH, VALUES), outputs=VALUES, units=25, activation="softmax")
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    history = train("vanilla LSTM(25)", model, data.X, data.y, epochs=epochs, quick=quick)
    predicted = fresh.decode(model.predict(fresh.X))
    accuracy = float(np.mean(predicted == fresh.decode(fresh.y)))
    console.print(f"Accuracy on 1,000 fresh sequences: [bold]{accuracy:.1%}[/]")
    examples = [[" ".join(map(str, row.argmax(-1))), int(t), int(p)]
                for row, t, p in zip(fresh.X[:5], fresh.decode(fresh.y[:5]), predicted[:5])]
    plot = plot_learning_curves({"vanilla": history}, out / "learning_curves.png", "Lesson 5: vanilla LSTM on echo")
    report = f"""# Lesson 5: How to develop vanilla LSTMs

**Problem**: {data.description} (one-hot). **Model**: `architectures.vanilla` = LSTM(25) + Dense(10, softmax),
{model.count_params():,} parameters, {epochs} epochs on {samples:,} sequences.

**Accuracy on 1,000 fresh sequences: {accuracy:.1%}**

{markdown_table(["sequence", "expected", "predicted"], examples)}

![learning curves]({plot})

## The lesson's questions

- **What is the vanilla LSTM?** One LSTM layer reading the input sequence, then a Dense output
  layer: the memory cell carries what matters (here the first value) across the later steps.
- **Where has it been applied?** Sequence classification and one-step prediction: the model of
  choice to try first on a new sequence problem.

## Reproduce

{reproduce(5, seed, quick)}
"""
    return LessonResult(5, "accuracy", accuracy, {"vanilla": {"accuracy": accuracy, "parameters": model.count_params()}},
                        {"seed": seed, "quick": quick, "samples": samples, "epochs": epochs, "length": LENGTH,
                         "n_values": VALUES, "position": POSITION}, report=report, plots=[plot])
