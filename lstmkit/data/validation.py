"""Turning what users pass (NumPy arrays, lists, pandas objects, tensors) into checked numeric
arrays, with errors that say what was wrong, where, and how to fix it."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np


def column_names(data: Any) -> list[str] | None:
    """The column names of a pandas DataFrame or Series, or None for arrays."""
    if hasattr(data, "columns"):
        return [str(c) for c in data.columns]
    if hasattr(data, "to_numpy") and getattr(data, "name", None) is not None:
        return [str(data.name)]
    return None


def to_array(data: Any, argument: str, check_nan: bool = True) -> np.ndarray:
    """Convert NumPy arrays, lists, pandas objects and tensors to a numeric NumPy array.

    Raises:
        ValueError: for missing, empty or ragged data, or NaN / infinite values (naming where).
        TypeError: for non-numeric data.
    """
    if data is None:
        raise ValueError(f"{argument} is missing; pass a NumPy array.")
    names = column_names(data)
    if hasattr(data, "to_numpy"):  # pandas DataFrame / Series
        data = data.to_numpy()
    elif hasattr(data, "detach"):  # torch tensor
        data = data.detach().cpu().numpy()
    try:
        array = np.asarray(data)
    except ValueError as error:
        raise ValueError(
            f"{argument} holds sequences of different lengths ({error}); pad or truncate them to one "
            "length first (lstmkit.data.pad_sequences), so the data forms one array."
        ) from None
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        try:
            array = array.astype(np.float32)
        except (TypeError, ValueError):
            example = next((v for v in array.ravel() if not _is_number(v)), None)
            example = example.item() if isinstance(example, np.generic) else example
            raise TypeError(
                f"{argument} must be numeric; it holds values such as {example!r} (dtype "
                f"{array.dtype}). Encode categories as integers or one-hot vectors first "
                "(lstmkit.data.CategoryEncoder, lstmkit.data.to_categorical)."
            ) from None
    if array.ndim == 0 or array.shape[0] == 0:
        raise ValueError(f"{argument} is empty (shape {array.shape}); it needs at least one sample.")
    if check_nan:
        check_finite(array, argument, names)
    return array


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _listed(items: Sequence[Any], limit: int = 5) -> str:
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (", ..." if len(items) > limit else "")


def check_finite(array: np.ndarray, argument: str, columns: Sequence[str] | None = None) -> None:
    """Raise a ValueError naming the rows (first axis) and columns (last axis) that hold NaN or
    infinite values; do nothing when all values are finite.

    Example:
        >>> check_finite(np.array([[1.0, np.nan], [2.0, 3.0]]), "series", ["a", "b"])
        Traceback (most recent call last):
        ValueError: series contains NaN or infinite values in 1 row(s) (rows 0) and 1 column(s) (columns 'b'). ...
    """
    if not np.issubdtype(array.dtype, np.floating):
        return
    # In chunks of about a million values, so checking a long series costs little extra memory.
    rows_per_chunk = max(1, 2**20 // max(1, array[:1].size))
    rows: list[int] = []
    by_column = np.zeros(array.shape[-1] if array.ndim >= 2 else 1, dtype=bool)
    for start in range(0, array.shape[0], rows_per_chunk):
        bad = ~np.isfinite(array[start:start + rows_per_chunk])
        if bad.any():
            rows += (start + np.flatnonzero(bad.reshape(bad.shape[0], -1).any(axis=1))).tolist()
            if array.ndim >= 2:
                by_column |= bad.reshape(-1, array.shape[-1]).any(axis=0)
    if not rows:
        return
    where = f"in {len(rows)} row(s) (rows {_listed(rows)})"
    if array.ndim >= 2:
        cols = np.flatnonzero(by_column).tolist()
        if columns is not None and len(columns) == array.shape[-1]:
            cols = [repr(columns[c]) for c in cols]
        where += f" and {len(cols)} column(s) (columns {_listed(cols)})"
    raise ValueError(
        f"{argument} contains NaN or infinite values {where}. Handle them first, e.g. "
        "lstmkit.data.handle_missing(data, strategy='interpolate') (or 'drop', 'ffill', 'value', "
        "'mask')."
    )
