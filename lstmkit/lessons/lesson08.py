"""Lesson 8: an encoder-decoder LSTM learns to add numbers written as text ('123+45' -> '168')."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lstmkit import architectures
from lstmkit.lessons.common import console, markdown_table, plot_learning_curves, reproduce, train
from lstmkit.lessons.report import LessonResult
from lstmkit.optimizers import Adam
from lstmkit.problems import addition
from lstmkit.problems.addition import ALPHABET, decode_text
from lstmkit.seeding import set_random_seed

DIGITS = 3


def run(out: Path, seed: int = 0, quick: bool = False) -> LessonResult:
    set_random_seed(seed)
    samples, epochs, units = (2000, 2, 32) if quick else (50000, 40, 128)
    data = addition(samples, DIGITS, seed=seed)
    fresh = addition(5000, DIGITS, seed=seed + 1)
    # Reading the question backwards puts its last digits, where addition starts, next to the
    # answer's first steps: the course's (and Keras's) trick for faster learning.
    X, X_fresh = data.X[:, ::-1], fresh.X[:, ::-1]
    model = architectures.encoder_decoder(input_shape=X.shape[1:], outputs=data.y.shape[1:], units=units)
    model.compile(optimizer=Adam(learning_rate=0.002), loss="categorical_crossentropy", metrics=["accuracy"])
    history = train("encoder-decoder", model, X, data.y, epochs=epochs, batch_size=128, quick=quick)
    answers = data.decode(model.predict(X_fresh, batch_size=512))
    truth = fresh.decode(fresh.y)
    exact = float(np.mean([a == t for a, t in zip(answers, truth)]))
    console.print(f"Exact-match accuracy on 5,000 fresh sums: [bold]{exact:.2%}[/]")
    questions = decode_text(fresh.X[:8])
    examples = [[q, t, a, "yes" if a == t else "no"] for q, t, a in zip(questions, truth, answers)]
    curves = plot_learning_curves({"encoder-decoder": history}, out / "learning_curves.png", "Lesson 8: addition")
    report = f"""# Lesson 8: How to develop encoder-decoder LSTMs

**Problem**: {data.description}: '{questions[0]}' -> '{truth[0]}', characters one-hot over
'{ALPHABET}'. **Model**: `architectures.encoder_decoder`: LSTM({units}) encoder, RepeatVector({DIGITS + 1}),
LSTM({units}) decoder, TimeDistributed(Dense({len(ALPHABET)}, softmax)); {model.count_params():,} parameters,
{epochs} epochs on {samples:,} sums (questions read backwards).

**Exact-match accuracy (the whole answer right) on 5,000 fresh sums: {exact:.2%}**

{markdown_table(["question", "answer", "predicted", "right"], examples)}

![learning curves]({curves})

## The lesson's questions

- **What are seq2seq problems?** An input sequence maps to an output sequence whose length may
  differ: '123+45' (6 characters) -> '168' (3).
- **Why not a vanilla LSTM?** It gives one output per input step, or one in all; neither fits an
  answer of its own length.
- **What is the encoder-decoder?** An encoder LSTM reads the whole input into a fixed vector; a
  decoder LSTM, given that vector at each output step (`RepeatVector`), writes the output, one
  `TimeDistributed` softmax per character.
- **Examples**: translation, summarisation, captioning, multi-step forecasting.

## Reproduce

{reproduce(8, seed, quick)}
"""
    return LessonResult(8, "exact_match_accuracy", exact,
                        {"encoder_decoder": {"exact_match": exact, "parameters": model.count_params(),
                                             "character_accuracy": history["accuracy"][-1]}},
                        {"seed": seed, "quick": quick, "samples": samples, "epochs": epochs, "units": units,
                         "digits": DIGITS}, report=report, plots=[curves])
