"""Choosing the target and feature columns of the data given to a Forecaster."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd


def as_frame(data: Any) -> pd.DataFrame:
    """A DataFrame view of a Series, DataFrame or array (array columns are named '0', '1', ...)."""
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame(name=str(data.name) if data.name is not None else "value")
    array = np.asarray(data)
    if array.ndim not in (1, 2) or array.size == 0:
        raise ValueError(f"data must be a series (timesteps,) or table (timesteps, columns); got shape {array.shape}.")
    array = array.reshape(len(array), -1)
    return pd.DataFrame(array, columns=[str(i) for i in range(array.shape[1])])


def _column(frame: pd.DataFrame, key: str | int, role: str) -> str:
    columns = [str(c) for c in frame.columns]
    if isinstance(key, (int, np.integer)) and not isinstance(key, bool) and str(key) not in columns:
        if not -len(columns) <= key < len(columns):
            raise ValueError(f"{role} column {key} is out of range; the data has {len(columns)} columns: {columns}.")
        return columns[key]
    if str(key) not in columns:
        raise ValueError(f"Unknown {role} column {key!r}. The columns are: {', '.join(columns)}.")
    return str(key)


def select_columns(data: Any, target: str | int | None, features: Sequence[str | int] | None
                   ) -> tuple[pd.DataFrame, str, list[str]]:
    """The target and feature columns as a float DataFrame (target first), and their names.

    Raises:
        ValueError: for unknown columns (listing them), an ambiguous target, or an empty column.
        TypeError: for a non-numeric column.
    """
    frame = as_frame(data)
    frame = frame.rename(columns=str)
    if target is None:
        numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
        if len(frame.columns) == 1:
            target = frame.columns[0]
        elif len(numeric) == 1 and not features:
            target = numeric[0]
        else:
            raise ValueError(f"Which column should be forecast? Give a target; the columns are: "
                             f"{', '.join(frame.columns)}.")
    target = _column(frame, target, "target")
    names = [_column(frame, f, "feature") for f in (features or [])]
    if target in names:
        raise ValueError(f"The target {target!r} is also listed among the features; list only other columns.")
    selected = frame[[target, *names]]
    for column in selected.columns:
        values = selected[column]
        if not pd.api.types.is_numeric_dtype(values):
            converted = pd.to_numeric(values, errors="coerce")
            bad = values[converted.isna() & values.notna()]
            if len(bad):
                raise TypeError(f"Column {column!r} is not numeric: it holds values such as {bad.iloc[0]!r} "
                                f"(row {bad.index[0]}). Choose numeric columns, or clean this one.")
            selected = selected.assign(**{column: converted})
        if selected[column].isna().all():
            raise ValueError(f"Column {column!r} holds no values at all (every row is empty).")
    return selected.astype(float), target, names
