"""Missing values in a series: drop them, fill them, or mark them for a Masking layer."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd


STRATEGIES = ("drop", "ffill", "interpolate", "value", "mask")


def count_missing(data: Any) -> dict[str, int]:
    """Number of missing (NaN) values per column, for reports.

    Example:
        >>> count_missing(pd.DataFrame({"a": [1.0, None], "b": [1.0, 2.0]}))
        {'a': 1, 'b': 0}
    """
    frame = _as_frame(data)
    return {str(column): int(count) for column, count in frame.isna().sum().items()}


def _as_frame(data: Any) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    array = np.asarray(data, dtype=float)
    if array.ndim not in (1, 2):
        raise ValueError(f"handle_missing takes a series (timesteps,) or table (timesteps, features); "
                         f"got shape {array.shape}.")
    return pd.DataFrame(array.reshape(len(array), -1))


def handle_missing(data: Any, strategy: str = "interpolate", value: float | None = None,
                   mask_value: float = 0.0, indicator: bool = False) -> Any:
    """Deal with missing values (NaN) in a series, keeping its time order.

    Strategies:
        'drop': remove the timesteps with any missing value (the series gets shorter, and its
            steps are no longer evenly spaced).
        'ffill': carry the last observed value forward (leading gaps take the first observation).
        'interpolate': linear interpolation between neighbours (ends take the nearest value).
        'value': fill with ``value``.
        'mask': fill with ``mask_value``, which a ``Masking(mask_value)`` layer skips. Apply it after
            scaling, and choose a value that never occurs in the data (a warning says if it does).
            A timestep is skipped only when all of its features equal ``mask_value``.

    Args:
        data: ``(timesteps,)`` or ``(timesteps, features)``, NumPy or pandas.
        indicator: also add one 0/1 column per feature that had missing values, marking where
            (named ``<column>_missing`` for pandas), so the model can learn from the gaps.

    Returns:
        The same kind of object as ``data`` (DataFrame, Series or array); a 1-D array becomes 2-D
        when ``indicator`` adds columns.

    Example:
        >>> handle_missing(np.array([1.0, np.nan, 3.0]), "interpolate").tolist()
        [1.0, 2.0, 3.0]
        >>> handle_missing(np.array([1.0, np.nan]), "mask", mask_value=-1.0, indicator=True).tolist()
        [[1.0, 0.0], [-1.0, 1.0]]
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"Unknown strategy {strategy!r}; use one of {', '.join(map(repr, STRATEGIES))}.")
    if strategy == "value" and (value is None or not np.isfinite(value)):
        raise ValueError("strategy='value' needs a finite fill value, e.g. handle_missing(data, 'value', value=0.0).")
    frame = _as_frame(data)
    missing = frame.isna()
    filled = _fill(frame, missing, strategy, value, mask_value)
    if indicator:
        flagged = [c for c in frame.columns if missing[c].any()]
        marks = missing[flagged].astype(float).loc[filled.index]
        marks.columns = [f"{c}_missing" for c in flagged]
        filled = pd.concat([filled, marks], axis=1)
    return _like(data, filled, indicator)


def _fill(frame: pd.DataFrame, missing: pd.DataFrame, strategy: str, value: float | None,
          mask_value: float) -> pd.DataFrame:
    if strategy == "drop":
        kept = frame.dropna()
        if kept.empty:
            raise ValueError("Every timestep has a missing value, so 'drop' would leave nothing; "
                             "try 'interpolate' or 'ffill'.")
        return kept
    if missing.all().any():
        empty = [str(c) for c in frame.columns[missing.all()]]
        raise ValueError(f"Column(s) {empty} hold no values at all; drop them before filling.")
    if strategy == "ffill":
        return frame.ffill().bfill()
    if strategy == "interpolate":
        return frame.interpolate(method="linear", limit_direction="both")
    if strategy == "value":
        return frame.fillna(value)
    observed = frame.where(~missing)
    if (observed == mask_value).to_numpy().any():
        warnings.warn(f"mask_value={mask_value} also occurs in the observed data, so a Masking layer "
                      "would skip real values too; choose a value that never occurs (e.g. -1 for data "
                      "scaled to [0, 1]).", UserWarning, stacklevel=3)
    return frame.fillna(mask_value)


def _like(data: Any, filled: pd.DataFrame, indicator: bool) -> Any:
    if isinstance(data, pd.DataFrame):
        return filled
    if isinstance(data, pd.Series) and not indicator:
        return filled.iloc[:, 0].rename(data.name)
    if isinstance(data, pd.Series):
        return filled
    values = filled.to_numpy()
    return values[:, 0] if np.ndim(data) == 1 and values.shape[1] == 1 else values
