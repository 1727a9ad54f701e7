"""Lesson 6: stacked against vanilla LSTM on damped sine waves, with similar parameter counts."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit import architectures
from lstmkit.lessons.common import console, markdown_table, plot_learning_curves, reproduce, train
from lstmkit.lessons.report import LessonResult
from lstmkit.problems import damped_sine
from lstmkit.seeding import set_random_seed

LENGTH, HORIZON = 50, 5


def _plot_waves(path: Path, fresh, forecasts: dict[str, np.ndarray]) -> str:
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 3, figsize=(12, 3.2), sharey=True)
    for index, axis in enumerate(axes):
        axis.plot(range(LENGTH), fresh.X[index, :, 0], color="0.5", label="input")
        axis.plot(range(LENGTH, LENGTH + HORIZON), fresh.y[index], "k-", linewidth=2, label="truth")
        for name, forecast in forecasts.items():
            axis.plot(range(LENGTH, LENGTH + HORIZON), forecast[index], "--", label=name)
    axes[0].legend(fontsize=7)
    figure.suptitle("Lesson 6: forecasts of fresh damped sine waves")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path.name


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    samples, epochs = (500, 3) if quick else (5000, 25)
    data = damped_sine(samples, LENGTH, HORIZON, seed=seed)
    fresh = damped_sine(1000, LENGTH, HORIZON, seed=seed + 1)
    # Units chosen so the two models have about the same number of parameters.
    builds = {"vanilla LSTM(40)": lambda: architectures.vanilla(input_shape=(LENGTH, 1), outputs=HORIZON, units=40),
              "stacked 2 x LSTM(25)": lambda: architectures.stacked(input_shape=(LENGTH, 1), outputs=HORIZON, units=25)}
    histories, forecasts, results = {}, {}, {}
    for name, build in builds.items():
        set_random_seed(seed)
        model = build()
        model.compile(optimizer="adam", loss="mse")
        histories[name] = train(name, model, data.X, data.y, epochs=epochs, quick=quick)
        forecasts[name] = model.predict(fresh.X)
        rmse = float(np.sqrt(np.mean((forecasts[name] - fresh.y) ** 2)))
        results[name] = {"rmse": rmse, "parameters": model.count_params()}
        console.print(f"{name}: RMSE on 1,000 fresh waves [bold]{rmse:.4f}[/]")
    curves = plot_learning_curves(histories, out / "learning_curves.png", "Lesson 6: stacked vs vanilla")
    waves = _plot_waves(out / "forecasts.png", fresh, forecasts)
    rows = [[name, f"{r['parameters']:,}", f"{r['rmse']:.4f}"] for name, r in results.items()]
    stacked_rmse = results["stacked 2 x LSTM(25)"]["rmse"]
    report = f"""# Lesson 6: How to develop stacked LSTMs

**Problem**: {data.description}; waves in [-1, 1]. {samples:,} training waves, {epochs} epochs; test on
1,000 fresh waves.

{markdown_table(["model", "parameters", "test RMSE"], rows)}

![forecasts]({waves})

![learning curves]({curves})

## The lesson's questions

- **Why stack?** A single layer must find every time scale at once; stacked layers build a
  hierarchy, the lower ones summarising short patterns (one oscillation) for the upper ones
  (the decay across the window).
- **What is a stacked LSTM?** LSTM layers on top of each other; all but the last return the
  whole sequence (`return_sequences=True`), so the next layer has a sequence to read.
- **Where has it been used?** Speech recognition and translation, where depth beats width.
- **In lstmkit**: `architectures.stacked(input_shape, outputs, units, layers=2)`.

## Reproduce

{reproduce(6, seed, quick)}
"""
    return LessonResult(6, "stacked_rmse", stacked_rmse, results,
                        {"seed": seed, "quick": quick, "samples": samples, "epochs": epochs, "length": LENGTH,
                         "horizon": HORIZON}, report=report, plots=[waves, curves])
