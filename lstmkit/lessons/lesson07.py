"""Lesson 7: a CNN-LSTM classifies the direction of a square moving through video frames."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit import architectures
from lstmkit.lessons.common import console, markdown_table, plot_learning_curves, reproduce, train
from lstmkit.lessons.report import LessonResult
from lstmkit.problems import moving_square
from lstmkit.seeding import set_random_seed

SIZE = 10


def _plot_video(path: Path, video: np.ndarray, label: str) -> str:
    import matplotlib.pyplot as plt

    frames = video.shape[0]
    figure, axes = plt.subplots(1, frames, figsize=(frames * 1.1, 1.6))
    for index, axis in enumerate(axes):
        axis.imshow(video[index, :, :, 0], cmap="gray_r", vmin=0, vmax=1)
        axis.set_xticks([])
        axis.set_yticks([])
    figure.suptitle(f"Lesson 7: one video ({label})")
    figure.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(figure)
    return path.name


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    set_random_seed(seed)
    samples, epochs = (200, 2) if quick else (2000, 5)
    data = moving_square(samples, size=SIZE, seed=seed)
    fresh = moving_square(500, size=SIZE, seed=seed + 1)
    model = architectures.cnn_lstm(input_shape=(SIZE, SIZE, SIZE, 1), outputs=1, units=50, filters=2,
                                   activation="sigmoid")
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = train("CNN-LSTM", model, data.X, data.y, epochs=epochs, quick=quick)
    predicted = model.predict_classes(fresh.X)[:, 0]
    accuracy = float(np.mean(predicted == fresh.y[:, 0]))
    console.print(f"Direction accuracy on 500 fresh videos: [bold]{accuracy:.1%}[/]")
    video = _plot_video(out / "video.png", fresh.X[0], fresh.decode(fresh.y[:1])[0])
    curves = plot_learning_curves({"CNN-LSTM": history}, out / "learning_curves.png", "Lesson 7: CNN-LSTM")
    layers = [[layer.name, type(layer).__name__, str(layer.output_shape)] for layer in model.layers]
    report = f"""# Lesson 7: How to develop CNN LSTMs

**Problem**: {data.description}. **Model**: `architectures.cnn_lstm`: a Conv2D and max pooling read
each frame (TimeDistributed), an LSTM reads the frames' features in order, a sigmoid says the
direction. {model.count_params():,} parameters, {epochs} epochs on {samples:,} videos.

**Direction accuracy on 500 fresh videos: {accuracy:.1%}**

{markdown_table(["layer", "type", "output shape"], layers)}

![video]({video})

![learning curves]({curves})

## The lesson's questions

- **Why not a vanilla LSTM on images?** Flattened pixels lose their 2-D neighbourhoods, and the
  LSTM would need a huge input layer; a CNN finds the square in each frame with few weights.
- **What is the CNN-LSTM?** A CNN applied to every timestep (`TimeDistributed`), and an LSTM over
  the sequence of what it found.
- **Where is it used?** Activity recognition in video, image captioning, and long series cut into
  subsequences.

## Reproduce

{reproduce(7, seed, quick)}
"""
    return LessonResult(7, "accuracy", accuracy, {"cnn_lstm": {"accuracy": accuracy, "parameters": model.count_params()}},
                        {"seed": seed, "quick": quick, "samples": samples, "epochs": epochs, "size": SIZE},
                        report=report, plots=[video, curves])
