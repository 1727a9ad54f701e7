"""Lesson 9: forward, backward and bidirectional LSTMs on cumulative sums, and the merge modes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit import architectures
from lstmkit.lessons.common import console, markdown_table, plot_learning_curves, reproduce, train
from lstmkit.lessons.report import LessonResult
from lstmkit.problems import cumulative_sum
from lstmkit.seeding import set_random_seed

LENGTH = 10


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    samples, epochs = (300, 2) if quick else (5000, 20)
    data = cumulative_sum(samples, LENGTH, seed=seed)
    fresh = cumulative_sum(1000, LENGTH, seed=seed + 1)
    shape = (LENGTH, 1)
    builds = {
        "forward": lambda: architectures.vanilla(input_shape=shape, outputs=1, units=20, per_step=True, activation="sigmoid"),
        "backward": lambda: architectures.vanilla(input_shape=shape, outputs=1, units=20, per_step=True,
                                                  go_backwards=True, activation="sigmoid"),
        **{f"bidirectional ({mode})": (lambda mode=mode: architectures.bidirectional(
            input_shape=shape, outputs=1, units=20, per_step=True, merge_mode=mode, activation="sigmoid"))
           for mode in ("concat", "sum", "mul", "ave")},
    }
    histories, results = {}, {}
    for name, build in builds.items():
        set_random_seed(seed)
        model = build()
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        histories[name] = train(name, model, data.X, data.y, epochs=epochs, quick=quick)
        accuracy = float(np.mean(fresh.decode(model.predict(fresh.X)) == fresh.decode(fresh.y)))
        results[name] = {"accuracy": accuracy, "parameters": model.count_params()}
        console.print(f"{name}: per-step accuracy on 1,000 fresh sequences [bold]{accuracy:.1%}[/]")
    curves = plot_learning_curves({k: histories[k] for k in ("forward", "backward", "bidirectional (concat)")},
                                  out / "learning_curves.png", "Lesson 9: forward, backward, bidirectional")
    modes = plot_learning_curves({k: v for k, v in histories.items() if k.startswith("bidirectional")},
                                 out / "merge_modes.png", "Lesson 9: the four merge modes")
    rows = [[name, f"{r['parameters']:,}", f"{r['accuracy']:.1%}"] for name, r in results.items()]
    report = f"""# Lesson 9: How to develop bidirectional LSTMs

**Problem**: {data.description}. Each model outputs a probability per step; {samples:,} training
sequences, {epochs} epochs; accuracy per step on 1,000 fresh sequences.

{markdown_table(["model", "parameters", "per-step accuracy"], rows)}

![forward, backward, bidirectional]({curves})

![merge modes]({modes})

## The lesson's questions

- **What is a bidirectional LSTM?** Two LSTMs over the same sequence, one forwards and one
  backwards, their outputs merged at each step (`Bidirectional(LSTM(...), merge_mode=...)`).
- **What does it offer?** Each output sees the whole sequence. Here a step's label depends on the
  steps before it: the forward model sees them, the backward model sees only the steps after it
  (and does worst), and the bidirectional model has both.
- **Which concern about time does it raise?** It needs the whole sequence before predicting any
  step: fine for labelling a finished sequence, not for forecasting the future.
- **Merge modes**: 'concat' (the default, twice the outputs), 'sum', 'mul', 'ave'; compared above.

## Reproduce

{reproduce(9, seed, quick)}
"""
    headline = min(results["forward"]["accuracy"], results["bidirectional (concat)"]["accuracy"])
    return LessonResult(9, "accuracy_forward_and_bidirectional_min", headline, results,
                        {"seed": seed, "quick": quick, "samples": samples, "epochs": epochs, "length": LENGTH},
                        report=report, plots=[curves, modes])
