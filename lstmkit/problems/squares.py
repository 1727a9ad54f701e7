"""Moving square video: is the square moving left to right, or right to left? (lesson 7)."""

from __future__ import annotations

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.problems.base import Problem, generator

DIRECTIONS = ("right-to-left", "left-to-right")


def moving_square(samples: int, frames: int | None = None, size: int = 10, seed: int | None = None) -> Problem:
    """Videos of a single bright pixel-wide square (a line of pixels) that starts at one side of a
    ``size x size`` frame, at a random row, and moves one column per frame, a random step up or down
    each time; the label is its direction (1: left to right, 0: right to left).

    Shapes:
        X ``(samples, frames, size, size, 1)``; y ``(samples, 1)``; ``decode`` -> direction words.

    Example:
        >>> problem = moving_square(2, size=6, seed=0)
        >>> problem.X.shape, problem.decode(problem.y)
        ((2, 6, 6, 6, 1), ['left-to-right', 'left-to-right'])
    """
    samples, size = positive_int(samples, "samples"), positive_int(size, "size")
    frames = size if frames is None else positive_int(frames, "frames")
    if frames > size:
        raise ValueError(f"frames ({frames}) cannot exceed the frame width ({size}): the square moves one column a frame.")
    rng = generator(seed)
    X = np.zeros((samples, frames, size, size, 1), dtype=np.float32)
    directions = rng.integers(0, 2, samples)
    for sample, direction in enumerate(directions):
        row = int(rng.integers(0, size))
        for frame in range(frames):
            column = frame if direction == 1 else size - 1 - frame
            X[sample, frame, row, column, 0] = 1.0
            row = int(np.clip(row + rng.integers(-1, 2), 0, size - 1))
    decode = lambda y: [DIRECTIONS[int(v)] for v in (np.asarray(y).reshape(-1) > 0.5)]  # noqa: E731
    return Problem(X, directions[:, None].astype(np.float32), decode,
                   f"the direction of a square moving across {frames} frames of {size}x{size} pixels")
