"""Categorical data: integer codes and one-hot vectors, and the way back.

An LSTM must not see categories as plain numbers ('red'=1 < 'green'=2 means nothing): give each
category an integer code, then a one-hot vector.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.preprocessing import LabelEncoder, OneHotEncoder


def to_categorical(y: Any, num_classes: int | None = None, dtype: str = "float32") -> np.ndarray:
    """One-hot encode integer class labels, as ``keras.utils.to_categorical``.

    Args:
        y: integer labels in ``[0, num_classes)``, any shape.
        num_classes: number of classes; by default ``max(y) + 1``.

    Shapes:
        ``y.shape + (num_classes,)``; a trailing axis of size 1 in ``y`` is dropped first (as Keras).

    Example:
        >>> to_categorical([0, 2, 1]).tolist()
        [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    labels = np.asarray(y)
    if labels.size == 0:
        raise ValueError("y is empty; to_categorical needs at least one label.")
    if not np.issubdtype(labels.dtype, np.number) or not np.all(np.mod(labels, 1) == 0):
        raise ValueError(
            f"to_categorical takes integer class labels; got {labels.dtype} values such as "
            f"{labels.ravel()[0]!r}. Turn categories into integers first with CategoryEncoder."
        )
    labels = labels.astype(np.int64)
    if labels.ndim > 1 and labels.shape[-1] == 1:
        labels = labels.reshape(labels.shape[:-1])
    if labels.min() < 0:
        raise ValueError(f"Class labels must be >= 0; got {labels.min()}.")
    if num_classes is None:
        num_classes = int(labels.max()) + 1
    elif labels.max() >= num_classes:
        raise ValueError(f"Label {labels.max()} is out of range for num_classes={num_classes} "
                         f"(labels must be 0..{num_classes - 1}).")
    return np.eye(num_classes, dtype=dtype)[labels]


def from_categorical(one_hot: Any) -> np.ndarray:
    """Integer labels from one-hot vectors or class probabilities (the argmax of the last axis).

    Example:
        >>> from_categorical([[0.1, 0.9], [0.8, 0.2]]).tolist()
        [1, 0]
    """
    array = np.asarray(one_hot)
    if array.ndim == 0 or array.shape[-1] < 1:
        raise ValueError(f"from_categorical needs vectors on the last axis; got shape {array.shape}.")
    return array.argmax(axis=-1)


class CategoryEncoder:
    """Categories of any kind (strings, numbers) to integer codes and one-hot vectors, and back,
    with scikit-learn's ``LabelEncoder`` and ``OneHotEncoder``.

    Example:
        >>> encoder = CategoryEncoder().fit(["red", "green", "blue", "green"])
        >>> encoder.categories_
        ['blue', 'green', 'red']
        >>> encoder.to_integers(["red", "blue"]).tolist()
        [2, 0]
        >>> encoder.to_one_hot(["green"]).tolist()
        [[0.0, 1.0, 0.0]]
        >>> encoder.from_one_hot([[0.0, 0.0, 1.0]]).tolist()
        ['red']
    """

    def fit(self, values: Any) -> "CategoryEncoder":
        """Learn the categories (sorted) from a 1-D sequence of values."""
        column = self._column(values)
        self.labels_ = LabelEncoder().fit(column)
        self.one_hot_ = OneHotEncoder(categories=[self.labels_.classes_], sparse_output=False,
                                      dtype=np.float32).fit(column.reshape(-1, 1))
        return self

    @property
    def categories_(self) -> list:
        return self.labels_.classes_.tolist()

    @staticmethod
    def _column(values: Any) -> np.ndarray:
        column = np.asarray(values.to_numpy() if hasattr(values, "to_numpy") else values, dtype=object)
        if column.ndim != 1:
            raise ValueError(f"CategoryEncoder takes a 1-D sequence of categories; got shape {column.shape}.")
        if column.size == 0:
            raise ValueError("CategoryEncoder got no values.")
        return column

    def _check_known(self, column: np.ndarray) -> None:
        if not hasattr(self, "labels_"):
            raise ValueError("This CategoryEncoder is not fitted yet; call fit(values) first.")
        unknown = sorted({str(v) for v in column} - {str(c) for c in self.labels_.classes_})
        if unknown:
            raise ValueError(f"Unknown categories {unknown}; the encoder knows {self.categories_}.")

    def to_integers(self, values: Any) -> np.ndarray:
        """Integer codes ``(n,)`` in ``[0, len(categories_))``."""
        column = self._column(values)
        self._check_known(column)
        return self.labels_.transform(column)

    def to_one_hot(self, values: Any) -> np.ndarray:
        """One-hot vectors ``(n, len(categories_))``."""
        column = self._column(values)
        self._check_known(column)
        return self.one_hot_.transform(column.reshape(-1, 1))

    def from_integers(self, codes: Any) -> np.ndarray:
        """The categories of integer codes."""
        codes = np.asarray(codes)
        if codes.size and (codes.min() < 0 or codes.max() >= len(self.categories_)):
            raise ValueError(f"Codes must be in 0..{len(self.categories_) - 1}; got {codes.min()}..{codes.max()}.")
        return self.labels_.inverse_transform(codes.astype(np.int64).ravel()).reshape(codes.shape)

    def from_one_hot(self, one_hot: Any) -> np.ndarray:
        """The categories of one-hot vectors or class probabilities (their argmax)."""
        array = np.asarray(one_hot)
        if array.shape[-1] != len(self.categories_):
            raise ValueError(f"Expected vectors of {len(self.categories_)} values (one per category); "
                             f"got shape {array.shape}.")
        return self.from_integers(from_categorical(array))
