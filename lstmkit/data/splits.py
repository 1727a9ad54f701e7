"""Time-ordered splits: the test part always comes after the training part, never shuffled in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np

from lstmkit._checks import positive_int


def _count(size: float | int, total: int, argument: str) -> int:
    """A size given as a fraction of ``total`` (float in (0, 1)) or a count (int >= 1)."""
    if isinstance(size, bool):
        raise TypeError(f"{argument} must be a fraction in (0, 1) or a count; got {size!r}.")
    if isinstance(size, (float, np.floating)):
        if not 0.0 < size < 1.0:
            raise ValueError(f"{argument} as a fraction must be in (0, 1); got {size!r}.")
        count = int(np.ceil(total * size))
    elif isinstance(size, (int, np.integer)):
        count = int(size)
    else:
        raise TypeError(f"{argument} must be a fraction in (0, 1) or a count; got {size!r}.")
    if not 0 < count < total:
        raise ValueError(f"{argument}={size!r} leaves {total - count} of {total} samples for "
                         f"training and {count} for testing; both need at least one.")
    return count


def train_test_split_time(*arrays: Any, test_size: float | int = 0.2) -> list[Any]:
    """Split arrays in time order: the last ``test_size`` samples are the test part.

    Unlike a random split, no future sample leaks into training. Works like scikit-learn's
    ``train_test_split`` (several arrays, same length, split alike) but never shuffles.

    Args:
        *arrays: arrays, lists or pandas objects with the same first dimension.
        test_size: a fraction in (0, 1) (rounded up) or a number of samples.

    Returns:
        ``[a_train, a_test, b_train, b_test, ...]``, each a slice (a view for NumPy arrays).

    Example:
        >>> train, test = train_test_split_time(np.arange(10), test_size=0.3)
        >>> train.tolist(), test.tolist()
        ([0, 1, 2, 3, 4, 5, 6], [7, 8, 9])
    """
    if not arrays:
        raise ValueError("train_test_split_time needs at least one array.")
    lengths = {len(a) for a in arrays}
    if len(lengths) != 1:
        raise ValueError(f"All arrays must have the same number of samples; got lengths {sorted(lengths)}.")
    total = lengths.pop()
    split = total - _count(test_size, total, "test_size")
    result = []
    for a in arrays:
        part = a.iloc if hasattr(a, "iloc") else a
        result += [part[:split], part[split:]]
    return result


@dataclass(frozen=True)
class Fold:
    """One walk-forward fold: train on ``train`` then test on the ``test`` steps that follow.

    Both are slices of the sample axis, so ``series[fold.train]`` and ``series[fold.test]`` are views.
    """

    train: slice
    test: slice

    @property
    def train_size(self) -> int:
        return self.train.stop - self.train.start

    @property
    def test_size(self) -> int:
        return self.test.stop - self.test.start


def walk_forward(n: int, initial: int, step: int, horizon: int,
                 max_train_size: int | None = None) -> list[Fold]:
    """Walk-forward folds for backtesting: train on the past, test on the next ``horizon`` steps,
    move forward ``step`` steps, repeat.

    The training window grows from ``initial`` samples (or slides, keeping the last
    ``max_train_size``); the test windows never reach past ``n``.

    Args:
        n: number of samples in the series.
        initial: size of the first training window.
        step: how far each fold moves forward.
        horizon: size of each test window.
        max_train_size: if given, training windows keep only this many most recent samples.

    Returns:
        A list of ``Fold`` objects, in time order.

    Example:
        >>> [(f.train.stop, f.test.start, f.test.stop) for f in walk_forward(10, initial=6, step=2, horizon=2)]
        [(6, 6, 8), (8, 8, 10)]
    """
    n, initial = positive_int(n, "n"), positive_int(initial, "initial")
    step, horizon = positive_int(step, "step"), positive_int(horizon, "horizon")
    if max_train_size is not None:
        max_train_size = positive_int(max_train_size, "max_train_size")
    if initial + horizon > n:
        raise ValueError(f"initial={initial} plus horizon={horizon} exceeds the {n} samples; "
                         "no fold fits. Use a smaller initial window or horizon.")
    return list(_folds(n, initial, step, horizon, max_train_size))


def _folds(n: int, initial: int, step: int, horizon: int, max_train_size: int | None) -> Iterator[Fold]:
    for end in range(initial, n - horizon + 1, step):
        start = 0 if max_train_size is None else max(0, end - max_train_size)
        yield Fold(train=slice(start, end), test=slice(end, end + horizon))
