"""CNN-LSTM: a CNN reads each subsequence or video frame, an LSTM reads the CNN's features over time (lesson 7)."""

from __future__ import annotations

from typing import Sequence

from lstmkit.layers import LSTM, Conv1D, Conv2D, Dense, Dropout, Flatten, MaxPooling1D, MaxPooling2D, TimeDistributed
from lstmkit.models import Sequential


def cnn_lstm(input_shape: Sequence[int | None], outputs: int, units: int = 50, layers: int | None = None,
             dropout: float = 0.0, activation: str | None = None, filters: int = 64, kernel_size: int = 2) -> Sequential:
    """A convolution and max pooling applied to every subsequence (or frame), flattened, then an
    LSTM over the sequence of those features, then a Dense layer.

    Use it when each timestep is itself spatial: a frame of a video (``(frames, rows, cols,
    channels)``: Conv2D), or a long series cut into subsequences (``(subsequences, steps,
    features)``: Conv1D), as the course's CNN-LSTM does.

    Args:
        input_shape: ``(timesteps, steps, features)`` or ``(timesteps, rows, cols, channels)``.
        outputs: values predicted per sample.
        units: the LSTM's size.
        layers: must be None or 1 (one LSTM layer).
        dropout: dropout before the output layer.
        activation: of the output layer.
        filters, kernel_size: of the convolution (kernel_size is capped at the steps or rows).

    Shapes:
        ``(samples, timesteps, *frame)`` -> ``(samples, outputs)``.

    Example:
        >>> cnn_lstm(input_shape=(10, 16, 16, 1), outputs=1, units=8, filters=4).output_shape
        (None, 1)
    """
    input_shape = tuple(input_shape)
    if len(input_shape) not in (3, 4):
        raise ValueError("cnn_lstm needs input_shape (timesteps, steps, features) or (timesteps, rows, cols, "
                         f"channels); got {input_shape}.")
    sizes = [d for d in input_shape[1:-1] if d]  # steps, or rows and cols, of one frame
    kernel = max(1, min(kernel_size, *sizes)) if sizes else kernel_size
    pooled = 2 if all(size - kernel + 1 >= 2 for size in sizes) else 1  # pool by 2 where the data allows
    if len(input_shape) == 3:
        conv, pool = Conv1D(filters, kernel, activation="relu"), MaxPooling1D(pooled)
    else:
        conv, pool = Conv2D(filters, (kernel, kernel), activation="relu"), MaxPooling2D((pooled, pooled))
    model = Sequential(name="cnn_lstm")
    model.add(TimeDistributed(conv, input_shape=input_shape))
    model.add(TimeDistributed(pool))
    model.add(TimeDistributed(Flatten()))
    model.add(LSTM(units))
    if dropout:
        model.add(Dropout(dropout))
    model.add(Dense(outputs, activation=activation))
    return model
