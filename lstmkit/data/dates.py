"""Dates of a time series."""

from __future__ import annotations

import warnings

import pandas as pd


def infer_frequency(index: pd.DatetimeIndex) -> str | None:
    """The regular frequency of a date index as a pandas alias ('MS', 'D', 'h'), or None.

    Example:
        >>> infer_frequency(pd.date_range("2020-01-01", periods=4, freq="MS"))
        'MS'
    """
    if not isinstance(index, pd.DatetimeIndex) or len(index) < 3:
        return None
    with warnings.catch_warnings():
        # pandas 3 announces that infer_freq will return an offset; accept either and ask for text.
        warnings.simplefilter("ignore", category=DeprecationWarning)
        frequency = pd.infer_freq(index)
    return getattr(frequency, "freqstr", frequency)
