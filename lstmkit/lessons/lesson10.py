"""Lesson 10: attention against a plain encoder-decoder when the answer sits far back in a long input."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit import architectures
from lstmkit.lessons.common import console, markdown_table, reproduce, train
from lstmkit.lessons.report import LessonResult
from lstmkit.optimizers import Adam
from lstmkit.problems import echo_start
from lstmkit.seeding import set_random_seed

VALUES, COUNT = 10, 3


def _accuracy(model, fresh) -> float:
    """The share of echoed values that are right."""
    return float(np.mean(fresh.decode(model.predict(fresh.X, batch_size=256)) == fresh.decode(fresh.y)))


def _plots(out: Path, lengths, results, weights, example) -> list[str]:
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6, 3.5))
    for name in ("attention", "encoder_decoder"):
        axis.plot(lengths, [results[str(n)][name] for n in lengths], "o-", label=name)
    axis.set_xlabel("input length (steps)")
    axis.set_ylabel("accuracy of the echoed values")
    axis.set_ylim(0, 1.05)
    axis.set_title("Lesson 10: accuracy against input length")
    axis.legend()
    figure.tight_layout()
    figure.savefig(out / "accuracy_by_length.png", dpi=100)
    plt.close(figure)
    figure, axis = plt.subplots(figsize=(10, 2.2))
    axis.imshow(weights, aspect="auto", cmap="viridis")
    axis.set_xlabel("input step")
    axis.set_ylabel("output step")
    axis.set_yticks(range(len(weights)))
    axis.set_title(f"Attention weights for one input starting {example}: each output looks at its input step")
    figure.tight_layout()
    figure.savefig(out / "attention_heatmap.png", dpi=100)
    plt.close(figure)
    return ["accuracy_by_length.png", "attention_heatmap.png"]


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    lengths, samples, epochs = ([10], 500, 2) if quick else ([10, 25, 50], 5000, 20)
    results: dict[str, dict[str, float]] = {}
    for length in lengths:
        data = echo_start(samples, length, VALUES, COUNT, seed=seed)
        fresh = echo_start(1000, length, VALUES, COUNT, seed=seed + 1)
        results[str(length)] = {}
        for name in ("attention", "encoder_decoder"):
            set_random_seed(seed)
            model = architectures.get(name)(input_shape=(length, VALUES), outputs=(COUNT, VALUES), units=64)
            model.compile(optimizer=Adam(learning_rate=0.005), loss="categorical_crossentropy", metrics=["accuracy"])
            train(f"{name}, {length} steps", model, data.X, data.y, epochs=epochs, batch_size=64, quick=quick)
            results[str(length)][name] = _accuracy(model, fresh)
            if name == "attention":
                attention_model = model
            console.print(f"{name}, input of {length} steps: accuracy [bold]{results[str(length)][name]:.1%}[/]")
    longest = lengths[-1]
    example = echo_start(1, longest, VALUES, COUNT, seed=seed + 2)
    attention_model.predict(example.X)  # the model trained on the longest inputs, kept from the loop
    weights = attention_model.layers[-1].attention_weights[0].numpy()  # (COUNT, longest)
    plots = _plots(out, lengths, results, weights, example.X[0, :COUNT].argmax(-1).tolist())
    rows = [[n, f"{r['attention']:.1%}", f"{r['encoder_decoder']:.1%}"] for n, r in results.items()]
    headline = results[str(longest)]["attention"]
    report = f"""# Lesson 10: How to develop LSTMs with attention

**Problem**: echo the first {COUNT} of a sequence of random integers in [0, {VALUES}) (one-hot); every later
step is neutral noise, so the answer sits at the very start of a long input. Both models have an
LSTM(64) encoder; {samples:,} training sequences, {epochs} epochs; accuracy of the echoed values on 1,000
fresh sequences.

{markdown_table(["input length", "with attention", "encoder-decoder without"], rows)}

![accuracy by length]({plots[0]})

![attention heatmap]({plots[1]})

## The lesson's questions

- **What do long sequences of neutral information do to an LSTM?** The encoder must carry the
  first values through every later step in one state vector; the longer the noise, the more of
  that memory is washed out, and the plain encoder-decoder's accuracy falls with the length.
- **What is attention?** At each output step the decoder scores every encoder output against its
  own state, turns the scores into weights that sum to 1, and reads their weighted sum: it looks
  straight back at the steps it needs (the heatmap: output k looks at input step k).
- **Where is it used?** Translation, summarisation, speech, captioning.
- **What does it offer?** Accuracy that holds as inputs grow, and weights that show what the model used.
- **In lstmkit**: `architectures.attention`, built on `layers.AttentionDecoder` (score 'additive' or 'dot').

## Reproduce

{reproduce(10, seed, quick)}
"""
    return LessonResult(10, "attention_accuracy_longest", headline, results,
                        {"seed": seed, "quick": quick, "lengths": lengths, "samples": samples, "epochs": epochs,
                         "values": VALUES, "count": COUNT}, report=report, plots=plots)
