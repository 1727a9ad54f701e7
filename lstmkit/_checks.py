"""Checks of user-given arguments, with messages that name the argument and the value."""

from __future__ import annotations

from typing import Any

import numpy as np


def positive_int(value: Any, argument: str) -> int:
    """Return ``value`` as an int, or raise a ValueError if it is not a positive integer."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value <= 0:
        raise ValueError(f"{argument} must be a positive integer; got {value!r}.")
    return int(value)
