"""What every problem generator returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np


@dataclass
class Problem:
    """Ready-to-fit arrays of a generated problem.

    Attributes:
        X: inputs ``(samples, timesteps, ...)``.
        y: targets.
        decode: turns targets or predictions (e.g. one-hot or probabilities) back into readable
            values: integers, numbers, words or strings.
        description: one line on what the problem asks.
    """

    X: np.ndarray
    y: np.ndarray
    decode: Callable[[np.ndarray], Any]
    description: str


def generator(seed: int | None) -> np.random.Generator:
    return np.random.default_rng(seed)
