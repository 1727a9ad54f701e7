"""Cumulative sum: label each step by whether the running sum has passed a limit (lesson 9)."""

from __future__ import annotations

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.problems.base import Problem, generator


def cumulative_sum(samples: int, length: int = 10, limit: float | None = None, seed: int | None = None) -> Problem:
    """Random values in [0, 1]; each step's label is 1 once the running sum exceeds ``limit``
    (by default ``length / 4``), else 0. A step's label depends on everything before it.

    Shapes:
        X ``(samples, length, 1)``; y ``(samples, length, 1)`` of 0/1; ``decode`` -> ``(samples, length)`` ints.

    Example:
        >>> problem = cumulative_sum(1, length=6, seed=0)
        >>> problem.decode(problem.y).tolist()
        [[0, 0, 0, 0, 1, 1]]
    """
    samples, length = positive_int(samples, "samples"), positive_int(length, "length")
    limit = length / 4 if limit is None else float(limit)
    values = generator(seed).random((samples, length)).astype(np.float32)
    labels = (np.cumsum(values, axis=1) > limit).astype(np.float32)
    decode = lambda y: (np.asarray(y)[..., 0] > 0.5).astype(int)  # noqa: E731
    return Problem(values[..., None], labels[..., None], decode,
                   f"label each of {length} steps by whether the running sum exceeds {limit:g}")
