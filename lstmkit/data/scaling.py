"""Scaling without leakage: scikit-learn's scalers, per feature, on sequences of any rank.

Fit the scaler on the training part only, then transform every part with it: the test set's
minimum, maximum, mean and spread must not shape what the model sees in training.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.exceptions import NotFittedError
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, RobustScaler, StandardScaler

from lstmkit._naming import lookup
from lstmkit.data.validation import to_array

SCALERS = {"minmax": MinMaxScaler, "standard": StandardScaler, "robust": RobustScaler, "maxabs": MaxAbsScaler}
_BY_CLASS = {cls.__name__: cls for cls in SCALERS.values()}


class SequenceScaler(TransformerMixin, BaseEstimator):
    """Scale each feature of ``(timesteps, features)`` or ``(samples, timesteps, features)`` data
    with a scikit-learn scaler fitted on the training data.

    The last axis is the feature axis; every other axis is flattened into rows for the scaler, so
    each feature gets one scaling, whatever the timestep. 1-D data is one feature.

    Args:
        scaler: 'minmax' (to ``feature_range``), 'standard', 'robust', 'maxabs', or an unfitted
            scikit-learn scaler.
        feature_range: for 'minmax'.

    Attributes:
        scaler_: the fitted scikit-learn scaler.
        n_features_in_: the number of features it was fitted on.

    Example:
        >>> train, test = np.arange(8.0).reshape(4, 2), np.array([[8.0, 9.0]])
        >>> scaler = SequenceScaler("minmax").fit(train)   # fitted on the training part only
        >>> scaler.transform(test).tolist()                 # may leave [0, 1]: no leakage
        [[1.3333333333333333, 1.3333333333333333]]
        >>> scaler.inverse_transform(scaler.transform(test)).tolist()
        [[8.0, 9.0]]
    """

    def __init__(self, scaler: str | BaseEstimator = "minmax", feature_range: tuple[float, float] = (0.0, 1.0)):
        self.scaler = scaler
        self.feature_range = feature_range

    def _make_scaler(self) -> BaseEstimator:
        if isinstance(self.scaler, str):
            cls = lookup("scaler", self.scaler, SCALERS)
            return cls(feature_range=tuple(self.feature_range)) if cls is MinMaxScaler else cls()
        if hasattr(self.scaler, "fit") and hasattr(self.scaler, "inverse_transform"):
            return clone(self.scaler)
        raise TypeError(f"scaler must be a name ({', '.join(SCALERS)}) or a scikit-learn scaler; got {self.scaler!r}.")

    @staticmethod
    def _rows(X: Any, argument: str) -> tuple[np.ndarray, tuple[int, ...]]:
        array = to_array(X, argument)
        shape = array.shape
        return (array.reshape(-1, 1) if array.ndim == 1 else array.reshape(-1, shape[-1])), shape

    def fit(self, X: Any, y: Any = None) -> "SequenceScaler":
        """Learn the scaling of each feature from ``X`` (the training part)."""
        rows, _ = self._rows(X, "X")
        self.scaler_ = self._make_scaler().fit(rows)
        self.n_features_in_ = rows.shape[1]
        return self

    def _check(self, rows: np.ndarray, columns: Sequence[int] | None) -> None:
        if not hasattr(self, "scaler_"):
            raise NotFittedError("This SequenceScaler is not fitted yet; call fit(train) first.")
        expected = self.n_features_in_ if columns is None else len(columns)
        if rows.shape[1] != expected:
            which = f"the {expected} selected column(s)" if columns is not None else f"{expected} feature(s)"
            raise ValueError(
                f"The scaler was fitted on {self.n_features_in_} feature(s) and expects {which} on the "
                f"last axis; got {rows.shape[1]}. Scale data with the same columns as the training data, "
                "or pass columns=[...] to invert only some of them."
            )

    def transform(self, X: Any) -> np.ndarray:
        """Scale ``X`` with the fitted scaling; same shape as ``X``."""
        rows, shape = self._rows(X, "X")
        self._check(rows, None)
        return self.scaler_.transform(rows).reshape(shape)

    def inverse_transform(self, X: Any, columns: Sequence[int] | int | None = None) -> np.ndarray:
        """Undo the scaling, e.g. of predictions, back to original units.

        Args:
            X: scaled values; the last axis holds all fitted features, or only ``columns``.
            columns: which fitted features the last axis holds, e.g. ``columns=[3]`` to invert
                predictions of the fourth column of a multivariate series.

        Shapes:
            same as ``X``.
        """
        if isinstance(columns, (int, np.integer)):
            columns = [int(columns)]
        rows, shape = self._rows(X, "X")
        self._check(rows, columns)
        if columns is None:
            return self.scaler_.inverse_transform(rows).reshape(shape)
        bad = [c for c in columns if not 0 <= c < self.n_features_in_]
        if bad:
            raise ValueError(f"columns {bad} are out of range for a scaler fitted on {self.n_features_in_} feature(s).")
        # Invert through the scaler itself (not a rewrite of its formula): place the columns in a
        # full-width array, invert, and take them back out.
        full = np.zeros((rows.shape[0], self.n_features_in_), dtype=rows.dtype)
        full[:, columns] = rows
        return self.scaler_.inverse_transform(full)[:, columns].reshape(shape)

    def to_dict(self) -> dict[str, Any]:
        """The fitted scaling as plain JSON-ready data (no pickle): the scikit-learn class name,
        its parameters, and its learned attributes.

        Raises:
            ValueError: for a scaler outside ``SCALERS`` (it could not be rebuilt safely).
        """
        if not hasattr(self, "scaler_"):
            raise NotFittedError("This SequenceScaler is not fitted yet; call fit(train) first.")
        name = type(self.scaler_).__name__
        if name not in _BY_CLASS:
            raise ValueError(f"Only the scalers {sorted(_BY_CLASS)} can be saved; got {name}.")
        learned = {key: np.asarray(value).tolist() for key, value in vars(self.scaler_).items()
                   if key.endswith("_") and not key.startswith("_")}
        params = {key: list(value) if isinstance(value, tuple) else value
                  for key, value in self.scaler_.get_params().items()}
        return {"class": name, "params": params, "learned": learned, "n_features_in": self.n_features_in_}

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> "SequenceScaler":
        """Rebuild a fitted scaler from ``to_dict()``; only lstmkit's known scalers are built.

        Raises:
            ValueError: for an unknown scaler class or damaged state.
        """
        try:
            scaler_cls = _BY_CLASS[state["class"]]
            params = {key: tuple(value) if isinstance(value, list) else value for key, value in state["params"].items()}
            scaler = scaler_cls(**params)
            for key, value in state["learned"].items():
                setattr(scaler, key, np.asarray(value) if isinstance(value, list) else value)
            result = cls(scaler=scaler_cls.__name__)
            result.scaler_, result.n_features_in_ = scaler, int(state["n_features_in"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"Cannot rebuild the scaler from its saved state: {error!r}.") from None
        return result
