"""Framing a series as supervised learning: lag columns, and windows as zero-copy views."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from lstmkit._checks import positive_int
from lstmkit.data.validation import column_names, to_array


def as_series_2d(data: Any, argument: str = "series") -> tuple[np.ndarray, list[str] | None]:
    """A series as a checked ``(timesteps, features)`` array, and its column names if any."""
    names = column_names(data)
    array = to_array(data, argument)
    if array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2:
        raise ValueError(f"{argument} must be 1-D (timesteps,) or 2-D (timesteps, features); "
                         f"got shape {array.shape}.")
    return array, names


def series_to_supervised(data: Any, n_in: int = 1, n_out: int = 1, dropnan: bool = True) -> pd.DataFrame:
    """Frame a series as a supervised learning table of lagged copies (pandas ``shift``).

    Column ``var{j}(t-{i})`` holds variable j shifted i steps into the past (an input),
    ``var{j}(t)`` the current value and ``var{j}(t+{i})`` values i steps ahead (outputs).

    Args:
        data: a series ``(timesteps,)``, a table ``(timesteps, variables)``, a list, or pandas.
        n_in: number of lag observations as input (t-n_in .. t-1); may be 0.
        n_out: number of observations as output (t .. t+n_out-1); at least 1.
        dropnan: drop the rows with NaN that shifting creates at both ends.

    Returns:
        A DataFrame of ``(n_in + n_out) * variables`` columns, indexed like the input.

    Example:
        >>> series_to_supervised([1, 2, 3, 4], n_in=1, n_out=2).values.tolist()
        [[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]]
        >>> list(series_to_supervised([1, 2, 3, 4], n_in=1, n_out=2).columns)
        ['var1(t-1)', 'var1(t)', 'var1(t+1)']
    """
    if isinstance(n_in, bool) or not isinstance(n_in, (int, np.integer)) or n_in < 0:
        raise ValueError(f"n_in must be a non-negative integer; got {n_in!r}.")
    n_out = positive_int(n_out, "n_out")
    index = data.index if isinstance(data, (pd.Series, pd.DataFrame)) else None
    values, _ = as_series_2d(data, "data")
    frame = pd.DataFrame(values, index=index).astype(float)
    variables = values.shape[1]
    columns, names = [], []
    for i in range(n_in, 0, -1):
        columns.append(frame.shift(i))
        names += [f"var{j + 1}(t-{i})" for j in range(variables)]
    for i in range(n_out):
        columns.append(frame.shift(-i))
        suffix = "" if i == 0 else f"+{i}"
        names += [f"var{j + 1}(t{suffix})" for j in range(variables)]
    table = pd.concat(columns, axis=1)
    table.columns = names
    return table.dropna() if dropnan else table


def _target_columns(target: Any, features: int, names: list[str] | None) -> slice | list[int]:
    """Target columns as a slice where possible (a view), else a list of indices (a copy)."""
    if target is None:
        return slice(0, features)
    targets = [target] if isinstance(target, (int, np.integer, str)) else list(target)
    indices = []
    for t in targets:
        if isinstance(t, str):
            if names is None or t not in names:
                raise ValueError(f"target {t!r} is not a column; columns are {names}.")
            indices.append(names.index(t))
        elif isinstance(t, (int, np.integer)) and -features <= t < features:
            indices.append(int(t) % features)
        else:
            raise ValueError(f"target {t!r} is out of range for {features} feature(s); use 0..{features - 1}.")
    if indices == list(range(indices[0], indices[0] + len(indices))):
        return slice(indices[0], indices[0] + len(indices))
    return indices


def make_windows(series: Any, lookback: int, horizon: int = 1, stride: int = 1,
                 target: int | str | Sequence[int | str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Cut a series into input windows and the values that follow them, without copying.

    Window i covers steps ``[i*stride, i*stride + lookback)`` and its target the next
    ``horizon`` steps. Both are read-only views into the series
    (``numpy.lib.stride_tricks.sliding_window_view``), so memory stays O(series) however long
    the lookback; index a batch (``X[idx]``) to get a small copy to train on.

    Args:
        series: ``(timesteps,)`` or ``(timesteps, features)``, NumPy or pandas.
        lookback: timesteps in each input window.
        horizon: timesteps to predict after each window.
        stride: step between the starts of consecutive windows.
        target: the column(s) to predict (index or name); None predicts every column.

    Shapes:
        X ``(N, lookback, features)``, y ``(N, horizon, targets)`` with
        ``N = (timesteps - lookback - horizon) // stride + 1``.

    Raises:
        ValueError: when the series is shorter than ``lookback + horizon``, holds NaN, or the
            target is unknown.

    Example:
        >>> X, y = make_windows(np.arange(6.0), lookback=3)
        >>> X.shape, y.shape
        ((3, 3, 1), (3, 1, 1))
        >>> X[0, :, 0].tolist(), y[0, :, 0].tolist()
        ([0.0, 1.0, 2.0], [3.0])
    """
    lookback = positive_int(lookback, "lookback")
    horizon = positive_int(horizon, "horizon")
    stride = positive_int(stride, "stride")
    values, names = as_series_2d(series)
    steps, features = values.shape
    if steps < lookback + horizon:
        raise ValueError(
            f"The series has {steps} timesteps, too short for one window of lookback={lookback} "
            f"plus horizon={horizon}; use a shorter lookback (at most {max(steps - horizon, 0)})."
        )
    count = (steps - lookback - horizon) // stride + 1
    X = sliding_window_view(values, lookback, axis=0)  # (steps - lookback + 1, features, lookback)
    X = X[: (count - 1) * stride + 1 : stride].transpose(0, 2, 1)  # (N, lookback, features)
    targets = values[lookback:, _target_columns(target, features, names)]
    y = sliding_window_view(targets, horizon, axis=0)  # (steps - lookback - horizon + 1, k, horizon)
    y = y[: (count - 1) * stride + 1 : stride].transpose(0, 2, 1)  # (N, horizon, targets)
    return X, y
