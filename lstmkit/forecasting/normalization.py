"""Per-window normalisation (as RevIN does, without its learned affine step).

Each input window is centred on its own mean and divided by its own spread, feature by feature,
and the targets are expressed in the same units as the target feature's window. The network
then forecasts shape and change, not levels: a series that grows beyond anything seen in
training (sales, passengers) still yields windows that look like the training windows.
"""

from __future__ import annotations

import numpy as np

EPSILON = 1e-5


def window_stats(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shapes: X ``(N, lookback, features)`` -> centre and spread ``(N, 1, features)``."""
    return X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True) + EPSILON


def normalize(X: np.ndarray, y: np.ndarray | None = None, target: int = 0):
    """Normalise windows ``X`` (and targets ``y`` ``(N, horizon, 1)`` by the target feature's stats).

    Returns:
        ``(X_normalised, y_normalised or None, centre, spread)``; centre and spread ``(N, 1, features)``.
    """
    centre, spread = window_stats(X)
    Xn = (X - centre) / spread
    yn = None if y is None else (y - centre[:, :, target:target + 1]) / spread[:, :, target:target + 1]
    return Xn, yn, centre, spread


def denormalize(yn: np.ndarray, centre: np.ndarray, spread: np.ndarray, target: int = 0) -> np.ndarray:
    """Invert ``normalize`` for predictions ``yn`` ``(N, horizon)`` -> ``(N, horizon)``."""
    return yn * spread[:, 0, target:target + 1] + centre[:, 0, target:target + 1]
