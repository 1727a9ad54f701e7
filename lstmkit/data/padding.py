"""Variable-length sequences: pad (or truncate) them to one length, as Keras does."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from lstmkit.data.validation import check_finite

SIDES = ("pre", "post")


def pad_sequences(sequences: Sequence[Any], maxlen: int | None = None, dtype: str = "float32",
                  padding: str = "pre", truncating: str = "pre", value: float = 0.0) -> np.ndarray:
    """Pad sequences to the same length, with the semantics of ``keras.utils.pad_sequences``.

    Sequences shorter than ``maxlen`` (default: the longest) are filled with ``value`` before
    ('pre') or after ('post') them; longer ones lose values at the start ('pre') or the end
    ('post'). Pre-padding suits an LSTM that reads to the end; a ``Masking(mask_value=value)``
    layer lets it skip the padding. Unlike Keras, whose default dtype 'int32' truncates floats,
    the default here is 'float32'.

    Args:
        sequences: a list of sequences, each of scalars ``(length,)`` or feature vectors
            ``(length, features)``; lengths may differ, the vectors' shape may not.

    Shapes:
        ``(len(sequences), maxlen)`` or ``(len(sequences), maxlen, features)``.

    Example:
        >>> pad_sequences([[1], [2, 3], [4, 5, 6]], dtype="int32").tolist()
        [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
        >>> pad_sequences([[1], [2, 3], [4, 5, 6]], maxlen=2, padding="post").tolist()
        [[1.0, 0.0], [2.0, 3.0], [5.0, 6.0]]
    """
    if isinstance(sequences, np.ndarray) and sequences.dtype != object:
        sequences = list(sequences)
    if not hasattr(sequences, "__len__") or isinstance(sequences, str):
        raise TypeError(f"sequences must be a list of sequences; got {type(sequences).__name__}.")
    for argument, side in (("padding", padding), ("truncating", truncating)):
        if side not in SIDES:
            raise ValueError(f"{argument} must be 'pre' or 'post'; got {side!r}.")
    arrays = []
    for index, sequence in enumerate(sequences):
        try:
            arrays.append(np.asarray(sequence, dtype=dtype))
        except (TypeError, ValueError) as error:
            raise ValueError(f"Sequence {index} cannot be read as {dtype} values ({error}).") from None
        if np.issubdtype(arrays[-1].dtype, np.floating) and arrays[-1].size:
            check_finite(arrays[-1].reshape(len(arrays[-1]) if arrays[-1].ndim else 1, -1), f"Sequence {index}")
    lengths = [len(a) if a.ndim else 1 for a in arrays]
    if maxlen is None:
        maxlen = max(lengths, default=0)
    elif isinstance(maxlen, bool) or not isinstance(maxlen, (int, np.integer)) or maxlen < 1:
        raise ValueError(f"maxlen must be a positive integer or None; got {maxlen!r}.")
    sample_shape = next((a.shape[1:] for a in arrays if a.ndim and len(a)), ())
    result = np.full((len(arrays), maxlen, *sample_shape), value, dtype=dtype)
    for index, array in enumerate(arrays):
        if array.ndim == 0:
            array = array.reshape(1)
        if not len(array):
            continue
        if array.shape[1:] != sample_shape:
            raise ValueError(f"Sequence {index} has steps of shape {array.shape[1:]}, but earlier "
                             f"sequences have {sample_shape}; every step needs the same features.")
        kept = array[-maxlen:] if truncating == "pre" else array[:maxlen]
        if padding == "post":
            result[index, :len(kept)] = kept
        else:
            result[index, -len(kept):] = kept
    return result
