"""The engine's end-to-end demo: the course's first program, "learn to add one".

An LSTM sees the numbers 0..99 and learns to output the next number (1..100), then predicts
the successor of numbers it never saw, such as 100. This is the seed program with only its
imports changed, plus a seed and a report of what was learned.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from lstmkit.layers import LSTM, Dense
from lstmkit.models import Sequential
from lstmkit.seeding import set_random_seed


@dataclass
class DemoResult:
    inputs: np.ndarray  # (k,) numbers given to the trained model
    predictions: np.ndarray  # (k,) what it predicted for each
    final_loss: float
    final_val_loss: float
    seconds: float


def run_demo(epochs: int = 600, seed: int = 0, verbose: int = 0) -> DemoResult:
    """Train ``LSTM(50, activation='relu')`` on 0..99 -> 1..100 and predict unseen numbers.

    As in the seed, the last 20% (80..99) are held out for validation, so predicting 100 -> 101
    is extrapolation.
    """
    start = time.perf_counter()
    set_random_seed(seed)
    data = np.arange(100, dtype=np.float32).reshape((100, 1, 1))  # (samples, timesteps, features)
    target = np.arange(1, 101, dtype=np.float32).reshape((100, 1))
    model = Sequential()
    model.add(LSTM(50, activation="relu", input_shape=(1, 1)))
    model.add(Dense(1))
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(data, target, epochs=epochs, validation_split=0.2, verbose=verbose)
    inputs = np.array([0, 50, 99, 100, 110], dtype=np.float32)
    predictions = model.predict(inputs.reshape((-1, 1, 1)))[:, 0]
    return DemoResult(inputs, predictions, history.history["loss"][-1],
                      history.history["val_loss"][-1], time.perf_counter() - start)
