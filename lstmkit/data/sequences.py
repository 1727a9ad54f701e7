"""Long sequences: cut them into subsequences, and into chunks for truncated backpropagation
through time (TBPTT) with a stateful LSTM."""

from __future__ import annotations

from typing import Any

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.data.validation import to_array

REMAINDERS = ("drop", "pad", "error")


def split_sequence(sequence: Any, length: int, stride: int | None = None, remainder: str = "drop",
                   value: float = 0.0) -> np.ndarray:
    """Cut a long sequence into subsequences of ``length`` steps, ``stride`` apart.

    With the default ``stride=length`` the pieces do not overlap and, laid end to end, give the
    sequence back (up to the remainder). Very long sequences (thousands of steps) train poorly and
    slowly; pieces of 50 to 400 steps are typical.

    Args:
        sequence: ``(timesteps,)`` or ``(timesteps, features)``.
        length: steps per subsequence.
        stride: steps between the starts of consecutive subsequences (default ``length``).
        remainder: what to do with the steps after the last whole subsequence: 'drop' them,
            'pad' a last subsequence with ``value`` after them, or raise an 'error'.

    Shapes:
        ``(pieces, length)`` or ``(pieces, length, features)``.

    Example:
        >>> split_sequence(np.arange(7), 3).tolist()
        [[0, 1, 2], [3, 4, 5]]
        >>> split_sequence(np.arange(7), 3, remainder="pad", value=-1).tolist()
        [[0, 1, 2], [3, 4, 5], [6, -1, -1]]
    """
    array = to_array(sequence, "sequence")
    length = positive_int(length, "length")
    stride = length if stride is None else positive_int(stride, "stride")
    if remainder not in REMAINDERS:
        raise ValueError(f"remainder must be one of {', '.join(map(repr, REMAINDERS))}; got {remainder!r}.")
    steps = len(array)
    starts = list(range(0, steps - length + 1, stride))
    left = steps - (starts[-1] + length if starts else 0)
    tail = None
    if left and remainder == "error":
        raise ValueError(f"{steps} steps do not divide into pieces of {length} with stride {stride}: "
                         f"{left} step(s) are left over; use remainder='drop' or 'pad'.")
    if left and remainder == "pad":
        tail = np.full((length, *array.shape[1:]), value, dtype=array.dtype)
        rest = array[(starts[-1] + stride) if starts else 0:]
        tail[:len(rest)] = rest
    if not starts and tail is None:
        raise ValueError(f"The sequence has {steps} steps, fewer than length={length}; use "
                         "remainder='pad' or a shorter length.")
    pieces = [array[s:s + length] for s in starts] + ([tail] if tail is not None else [])
    return np.stack(pieces)


def tbptt_batches(X: Any, y: Any = None, chunk_length: int = 50) -> tuple[np.ndarray, np.ndarray | None]:
    """Reorder long sequences into chunks for truncated BPTT with a stateful LSTM (k1 = k2 =
    ``chunk_length``: the weights are updated after every chunk, and gradients flow back through
    that chunk only).

    Batch k holds chunk k of every sequence, in the same row order, so a stateful LSTM with
    ``batch_size = samples`` carries each sequence's state from one batch into the next. Train
    with ``fit(X_chunks, y_chunks, batch_size=samples, shuffle=False)`` and reset the states
    after every ``timesteps // chunk_length`` batches (one pass over the sequences).

    Args:
        X: ``(samples, timesteps, features)``; ``timesteps`` must be a multiple of ``chunk_length``.
        y: optional per-timestep targets ``(samples, timesteps, ...)``, chunked alike.

    Shapes:
        ``(chunks * samples, chunk_length, features)``, rows ``[k*samples:(k+1)*samples]`` being
        chunk k.

    Example:
        >>> X = np.arange(8.0).reshape(2, 4, 1)      # two sequences of 4 steps
        >>> chunks, _ = tbptt_batches(X, chunk_length=2)
        >>> chunks[:, :, 0].tolist()                  # chunk 0 of both, then chunk 1 of both
        [[0.0, 1.0], [4.0, 5.0], [2.0, 3.0], [6.0, 7.0]]
    """
    chunk_length = positive_int(chunk_length, "chunk_length")
    X = to_array(X, "X")
    if X.ndim != 3:
        raise ValueError(f"X must be 3-D (samples, timesteps, features); got shape {X.shape}. "
                         "Use lstmkit.data.to_3d to reshape it.")
    samples, timesteps = X.shape[:2]
    if timesteps % chunk_length:
        fits = [d for d in range(1, timesteps + 1) if timesteps % d == 0]
        raise ValueError(f"{timesteps} timesteps do not divide into chunks of {chunk_length}; use a "
                         f"chunk_length from {fits[-8:]}, or pad the sequences (pad_sequences).")
    chunks = timesteps // chunk_length

    def reorder(array: np.ndarray) -> np.ndarray:
        split = array.reshape(samples, chunks, chunk_length, *array.shape[2:])
        return split.swapaxes(0, 1).reshape(chunks * samples, chunk_length, *array.shape[2:])

    if y is None:
        return reorder(X), None
    y = to_array(y, "y")
    if y.shape[:2] != (samples, timesteps):
        raise ValueError(f"y must have one target per timestep, shape ({samples}, {timesteps}, ...); "
                         f"got {y.shape}.")
    return reorder(X), reorder(y)
