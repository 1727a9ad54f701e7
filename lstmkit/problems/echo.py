"""Echo: remember the value at one position of a random sequence (lesson 5)."""

from __future__ import annotations

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.data import from_categorical, to_categorical
from lstmkit.problems.base import Problem, generator


def echo(samples: int, length: int = 5, n_values: int = 10, position: int = 0, seed: int | None = None) -> Problem:
    """Sequences of random integers in ``[0, n_values)``, one-hot encoded; the target is the value
    at ``position``, so the LSTM must carry it through the rest of the sequence.

    Shapes:
        X ``(samples, length, n_values)``; y ``(samples, n_values)`` one-hot; ``decode`` -> ``(samples,)`` ints.

    Example:
        >>> problem = echo(2, length=4, n_values=5, seed=0)
        >>> problem.X.shape, problem.y.shape
        ((2, 4, 5), (2, 5))
    """
    samples, length, n_values = (positive_int(v, name) for v, name in
                                 ((samples, "samples"), (length, "length"), (n_values, "n_values")))
    if not 0 <= position < length:
        raise ValueError(f"position must be in [0, {length}); got {position}.")
    values = generator(seed).integers(0, n_values, (samples, length))
    return Problem(to_categorical(values, n_values), to_categorical(values[:, position], n_values),
                   from_categorical, f"echo the value at position {position} of {length} random integers in [0, {n_values})")


def echo_start(samples: int, length: int = 50, n_values: int = 10, count: int = 3, seed: int | None = None) -> Problem:
    """Echo the first ``count`` integers of a random sequence of ``length``: the rest of the sequence
    is neutral, random values that do not matter, so the answer sits far back (lesson 10).

    Shapes:
        X ``(samples, length, n_values)``; y ``(samples, count, n_values)`` one-hot; ``decode`` ->
        ``(samples, count)`` ints.

    Example:
        >>> problem = echo_start(2, length=8, n_values=5, count=2, seed=0)
        >>> problem.X.shape, problem.y.shape
        ((2, 8, 5), (2, 2, 5))
    """
    samples, length, n_values, count = (positive_int(v, name) for v, name in
                                        ((samples, "samples"), (length, "length"), (n_values, "n_values"), (count, "count")))
    if count > length:
        raise ValueError(f"count ({count}) cannot exceed length ({length}).")
    values = generator(seed).integers(0, n_values, (samples, length))
    return Problem(to_categorical(values, n_values), to_categorical(values[:, :count], n_values), from_categorical,
                   f"echo the first {count} of {length} random integers in [0, {n_values}); the rest is noise")
