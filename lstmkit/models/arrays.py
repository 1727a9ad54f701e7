"""Turning what users pass to ``fit`` / ``predict`` into checked arrays, with errors that say
what was expected and how to fix it."""

from __future__ import annotations

import numpy as np

from lstmkit.layers.base import Layer, Shape, format_shape


def check_input(x: np.ndarray, expected: Shape | None, first: Layer | None) -> None:
    """Check that ``x`` fits a model whose samples have shape ``expected`` (None: not yet known).

    The classic mistake, 2-D data for an LSTM, gets the ``reshape`` that fixes it.
    """
    ndim = len(expected) if expected is not None else (first.input_ndim if first is not None else None)
    name = type(first).__name__ if first is not None else "The model"
    layout = first.input_layout if first is not None else ""
    if ndim is not None and x.ndim - 1 != ndim:
        message = f"{name} expects {ndim + 1}D input {layout}; got shape {x.shape}.".replace("  ", " ")
        hint = _reshape_hint(x.shape, expected, ndim)
        raise ValueError(f"{message} {hint}" if hint else message)
    if expected is not None:
        for got, want in zip(x.shape[1:], expected):
            if want is not None and got != want:
                raise ValueError(
                    f"The model expects input of shape {format_shape(expected)} but got {x.shape}. "
                    f"Each sample must be {tuple(expected)}; build the model with "
                    f"input_shape={tuple(x.shape[1:])} to train on this data."
                )


def _reshape_hint(shape: tuple[int, ...], expected: Shape | None, ndim: int) -> str:
    samples, size = shape[0], int(np.prod(shape[1:], dtype=np.int64))
    if expected is not None and None not in expected and int(np.prod(expected)) == size:
        target = (samples, *expected)
        return f"Reshape with X.reshape{target}."
    if ndim == 2 and len(shape) <= 2:
        if expected is not None and expected[-1] is not None and size % expected[-1] == 0:
            return f"Reshape with X.reshape({samples}, {size // expected[-1]}, {expected[-1]})."
        return (f"Reshape with X.reshape({samples}, {size}, 1) for {size} timesteps of 1 feature, "
                f"or X.reshape({samples}, 1, {size}) for 1 timestep of {size} features.")
    return ""


def check_targets(y: np.ndarray, samples: int) -> None:
    if y.shape[0] != samples:
        raise ValueError(
            f"x and y must have the same number of samples; x has {samples} and y has {y.shape[0]}."
        )


def align_targets(y: np.ndarray, output_shape: Shape, target: str) -> np.ndarray:
    """Return ``y`` shaped to the model's output: ``(N,)`` targets for ``(N, 1)`` outputs get
    their trailing axis (never a silent ``(N,) - (N, 1)`` broadcast to ``(N, N)``).

    Args:
        target: 'float' for values, 'index' for class indices (sparse categorical losses).
    """
    per_sample = y.shape[1:]
    if target == "index":
        expected = tuple(output_shape[:-1])
        if per_sample == (*expected, 1):
            y = y.reshape(y.shape[:-1])
        elif per_sample != expected:
            raise ValueError(
                f"Sparse categorical targets must be class indices of shape (samples, "
                f"{', '.join(map(str, expected))}) for outputs {format_shape(output_shape)}; "
                f"got y of shape {y.shape}."
            )
        if not np.all(np.mod(y, 1) == 0) or y.min() < 0 or y.max() >= output_shape[-1]:
            raise ValueError(
                f"Sparse categorical targets must be integers in [0, {output_shape[-1]}); got values "
                f"from {y.min()} to {y.max()}."
            )
        return y.astype(np.int64)
    expected = tuple(output_shape)
    if per_sample == expected:
        return y
    if per_sample == (*expected, 1) or (*per_sample, 1) == expected:
        return y.reshape(y.shape[0], *expected)
    hint = ""
    if len(per_sample) + 1 == len(expected) and expected[-1] and expected[-1] > 1:
        hint = (" For class labels, one-hot encode y (to_categorical) or use "
                "loss='sparse_categorical_crossentropy'.")
    elif per_sample and len(per_sample) == len(expected):
        hint = f" Make the last layer output {per_sample[-1]} values, e.g. Dense({per_sample[-1]})."
    raise ValueError(
        f"y has shape {y.shape}, but the model outputs {format_shape(output_shape)}: each target must "
        f"have shape {expected}.{hint}"
    )
