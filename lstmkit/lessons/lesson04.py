"""Lesson 4: the 5-step life-cycle of an LSTM model (define, compile, fit, evaluate, predict).

The course's own example: from each value of the sequence 0.0, 0.1, ..., 0.9, predict the next.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit.layers import LSTM, Dense
from lstmkit.lessons.common import console, markdown_table, plot_learning_curves, reproduce
from lstmkit.lessons.report import LessonResult
from lstmkit.models import Sequential
from lstmkit.seeding import set_random_seed


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    set_random_seed(seed)
    epochs = 100 if quick else 1000
    sequence = np.arange(0.0, 1.0, 0.1)
    X, y = sequence[:-1].reshape(9, 1, 1), sequence[1:]  # (samples, timesteps, features)

    console.print("[bold cyan]1. Define[/]: Sequential([LSTM(10, input_shape=(1, 1)), Dense(1)])")
    model = Sequential([LSTM(10, input_shape=(1, 1)), Dense(1)])
    model.summary()
    console.print("[bold cyan]2. Compile[/]: optimizer='adam', loss='mean_squared_error'")
    model.compile(optimizer="adam", loss="mean_squared_error")
    console.print(f"[bold cyan]3. Fit[/]: {epochs} epochs, batch_size=len(X), shuffle=False")
    history = model.fit(X, y, epochs=epochs, batch_size=len(X), shuffle=False, verbose=0 if quick else 1)
    loss = float(model.evaluate(X, y))
    console.print(f"[bold cyan]4. Evaluate[/]: mean squared error {loss:.5f}")
    predictions = model.predict(X)[:, 0]
    console.print("[bold cyan]5. Predict[/]: " + ", ".join(f"{a:.1f}->{p:.3f}" for a, p in zip(sequence[:-1], predictions)))

    plot = plot_learning_curves({"LSTM(10)": history.history}, out / "learning_curve.png", "Lesson 4: fitting the sequence")
    rows = [[f"{a:.1f}", f"{t:.1f}", f"{p:.3f}"] for a, t, p in zip(sequence[:-1], y, predictions)]
    report = f"""# Lesson 4: How to develop LSTMs in Keras (with lstmkit)

The five steps on the course's sequence 0.0, 0.1, ..., 0.9 (predict the next value):

1. **Define**: `Sequential([LSTM(10, input_shape=(1, 1)), Dense(1)])`: {model.count_params()} parameters.
2. **Compile**: `model.compile(optimizer='adam', loss='mean_squared_error')`.
3. **Fit**: `model.fit(X, y, epochs={epochs}, batch_size=9, shuffle=False)`.
4. **Evaluate**: mean squared error **{loss:.5f}**.
5. **Predict**:

{markdown_table(["input", "expected", "predicted"], rows)}

![learning curve]({plot})

## The lesson's questions

- **Define**: a `Sequential` of layers; the first takes `input_shape=(timesteps, features)`.
- **Compile**: choose the optimiser and the loss (and metrics) that suit the problem.
- **Fit**: `fit(X, y, epochs, batch_size)` returns a `History` of the losses.
- **Evaluate**: `evaluate(X, y)` gives the loss (and metrics) on data, ideally not seen in training.
- **Predict**: `predict(X)` (and `predict_classes` for classifiers).
- **Problem types**: one-to-one (as here), many-to-one (sequence classification), many-to-many
  (sequence to sequence); see lessons 5 to 9.

## Reproduce

{reproduce(4, seed, quick)}
"""
    return LessonResult(4, "mse", loss, {"mse": loss, "predictions": predictions.tolist()},
                        {"seed": seed, "quick": quick, "epochs": epochs}, report=report, plots=[plot])
