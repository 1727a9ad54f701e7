"""Damped sine waves with random period and decay: predict the next steps (lesson 6)."""

from __future__ import annotations

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.problems.base import Problem, generator


def damped_sine(samples: int, length: int = 50, horizon: int = 5, seed: int | None = None) -> Problem:
    """Waves ``sin(2 pi t / period) * exp(-decay t)`` with random period (10 to 20 steps), decay
    (0.01 to 0.1) and phase; from the first ``length`` steps, predict the next ``horizon``.
    Values lie in [-1, 1].

    Shapes:
        X ``(samples, length, 1)``; y ``(samples, horizon)``; ``decode`` returns y unchanged.

    Example:
        >>> problem = damped_sine(3, length=20, horizon=4, seed=0)
        >>> problem.X.shape, problem.y.shape, bool(abs(problem.X).max() <= 1)
        ((3, 20, 1), (3, 4), True)
    """
    samples, length, horizon = positive_int(samples, "samples"), positive_int(length, "length"), positive_int(horizon, "horizon")
    rng = generator(seed)
    period = rng.uniform(10, 20, (samples, 1))
    decay = rng.uniform(0.01, 0.1, (samples, 1))
    phase = rng.uniform(0, 2 * np.pi, (samples, 1))
    t = np.arange(length + horizon)[None, :]
    waves = (np.sin(2 * np.pi * t / period + phase) * np.exp(-decay * t)).astype(np.float32)
    return Problem(waves[:, :length, None], waves[:, length:], lambda y: np.asarray(y),
                   f"continue a damped sine wave for {horizon} steps after {length}")
