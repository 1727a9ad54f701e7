"""Reproducible runs: one seed for Python, NumPy and PyTorch."""

from __future__ import annotations

import random

import numpy as np
import torch


def set_random_seed(seed: int) -> None:
    """Seed Python's, NumPy's and PyTorch's random generators, as ``keras.utils.set_random_seed``.

    The same seed gives the same initial weights, shuffles and dropout masks, and so the same
    trained weights on CPU.

    Example:
        >>> import lstmkit
        >>> lstmkit.set_random_seed(7)
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}.")
    random.seed(int(seed))
    np.random.seed(int(seed) % 2**32)
    torch.manual_seed(int(seed))
