"""Reshaping data to the ``(samples, timesteps, features)`` that LSTMs take."""

from __future__ import annotations

from typing import Any

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.data.validation import to_array


def _divisors(n: int) -> list[int]:
    return [d for d in range(1, n + 1) if n % d == 0]


def to_3d(X: Any, timesteps: int | None = None, features: int | None = None) -> np.ndarray:
    """Reshape 1-D or 2-D data into ``(samples, timesteps, features)``.

    - 1-D ``(n,)``: by default n samples of one timestep and one feature, ``(n, 1, 1)`` (the
      course's ``data.reshape((100, 1, 1))``); with ``timesteps=t``, ``(n / t, t, 1)``: e.g.
      ``to_3d(x, timesteps=len(x))`` is one sequence, the course's ``data.reshape(1, 10, 1)``.
    - 2-D ``(samples, m)``: by default each column is a timestep of one feature, ``(samples, m, 1)``
      (lag columns from ``series_to_supervised``); or give ``timesteps`` or ``features`` to
      split the m values of each row differently.
    - 3-D data is returned as it is (checked against ``timesteps`` and ``features`` if given).

    Returns a view where NumPy can (no copy).

    Raises:
        ValueError: when the numbers do not fit, naming the values that would.

    Example:
        >>> to_3d(np.arange(6.0)).shape
        (6, 1, 1)
        >>> to_3d(np.zeros((4, 6)), features=2).shape
        (4, 3, 2)
    """
    array = to_array(X, "X")
    timesteps = None if timesteps is None else positive_int(timesteps, "timesteps")
    features = None if features is None else positive_int(features, "features")
    if array.ndim == 3:
        for name, want, got in (("timesteps", timesteps, array.shape[1]), ("features", features, array.shape[2])):
            if want is not None and want != got:
                raise ValueError(f"X is already 3-D {array.shape} with {got} {name}, not {want}.")
        return array
    if array.ndim == 1:
        n = array.shape[0]
        if features not in (None, 1):
            raise ValueError(f"1-D data has one feature; got features={features}. For several features, "
                             "pass 2-D data (samples, values).")
        steps = timesteps or 1
        if n % steps:
            raise ValueError(f"{n} values do not divide into sequences of timesteps={steps}; "
                             f"timesteps that fit: {_divisors(n)}.")
        return array.reshape(n // steps, steps, 1)
    if array.ndim != 2:
        raise ValueError(f"to_3d takes 1-D, 2-D or 3-D data; got {array.ndim}-D of shape {array.shape}.")
    samples, values = array.shape
    if timesteps is None and features is None:
        timesteps, features = values, 1
    elif features is None and values % timesteps == 0:
        features = values // timesteps
    elif timesteps is None and values % features == 0:
        timesteps = values // features
    if timesteps is None or features is None or timesteps * features != values:
        pairs = ", ".join(f"({t}, {values // t})" for t in _divisors(values))
        raise ValueError(
            f"Each row of X {array.shape} has {values} values, which cannot be split into "
            f"{'timesteps=' + str(timesteps) if timesteps else 'features=' + str(features)}. "
            f"(timesteps, features) pairs that fit: {pairs}."
        )
    return array.reshape(samples, timesteps, features)
