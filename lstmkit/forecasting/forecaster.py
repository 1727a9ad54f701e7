"""Forecaster: an LSTM forecast of a series, with the data preparation done right inside."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.exceptions import NotFittedError

from lstmkit import architectures
from lstmkit.callbacks import EarlyStopping
from lstmkit.data import SequenceScaler, count_missing, handle_missing, make_windows, walk_forward
from lstmkit.data.dates import infer_frequency
from lstmkit.forecasting import normalization
from lstmkit.forecasting.baselines import detect_season, rolling_origins
from lstmkit.forecasting.evaluation import Evaluation, score
from lstmkit.forecasting.frames import select_columns
from lstmkit.optimizers import Adam
from lstmkit.seeding import set_random_seed

MIN_TRAIN_WINDOWS = 8
MISSING = ("interpolate", "ffill", "drop")


class Forecaster(BaseEstimator):
    """Forecast the next ``horizon`` steps of a series with LSTMs, on the scikit-learn contract.

    ``fit`` does the whole pipeline: missing values, scaling fitted on the data given (the
    training part; never the test), windows, per-window normalisation, early stopping on the
    latest windows (separated from the training windows so no target is in both), and a final
    fit on all windows, ``repeats`` times with different seeds. Forecasts are in the
    series' own units, averaged over the repeated models.

    Args:
        lookback: input steps per window; None chooses two seasons (or about 1/8 of the data).
        horizon: steps forecast at once.
        architecture: a builder in ``lstmkit.architectures`` ('stacked', 'vanilla').
        units, layers, dropout: passed to the builder.
        epochs: the most epochs; early stopping usually ends training sooner.
        batch_size, learning_rate: of the Adam training.
        patience: epochs without improvement of the validation loss before stopping.
        validation_size: windows held out (the latest) for early stopping; None: 10%, at least 3.
        normalization: 'window' (each window centred and scaled by its own statistics) or 'none'.
        scaler: 'minmax', 'standard', 'robust' or 'maxabs', fitted on the training data only.
        season: steps per season; None detects it from the data.
        missing: how to deal with missing values: 'interpolate', 'ffill' or 'drop'.
        refit: after early stopping has chosen the number of epochs on the validation windows,
            train the final model on all windows for that many epochs (the validation windows
            are the most recent, which matter most for the forecast).
        repeats: models trained with seeds ``seed .. seed+repeats-1``.
        seed: the first seed.
        verbose: 0 silent, 1 a progress bar per model.

    Example:
        >>> from lstmkit.datasets import load_airline
        >>> series = load_airline()
        >>> forecaster = Forecaster(horizon=12, epochs=5).fit(series[:-12])
        >>> forecaster.predict().shape
        (12,)
    """

    def __init__(self, lookback: int | None = None, horizon: int = 1, architecture: str = "stacked",
                 units: int = 32, layers: int | None = None, dropout: float = 0.0, epochs: int = 500,
                 batch_size: int = 16, learning_rate: float = 1e-3, patience: int = 50,
                 validation_size: int | None = None, normalization: str = "window", scaler: str = "minmax",
                 season: int | None = None, missing: str = "interpolate", refit: bool = True, repeats: int = 1,
                 seed: int = 0, verbose: int = 0):
        self.lookback = lookback
        self.horizon = horizon
        self.architecture = architecture
        self.units = units
        self.layers = layers
        self.dropout = dropout
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.patience = patience
        self.validation_size = validation_size
        self.normalization = normalization
        self.scaler = scaler
        self.season = season
        self.missing = missing
        self.refit = refit
        self.repeats = repeats
        self.seed = seed
        self.verbose = verbose

    # ----------------------------------------------------------------- checks
    def _validate_params(self) -> None:
        """Collect every problem with the settings and raise once."""
        problems = []
        for name in ("horizon", "units", "epochs", "batch_size", "repeats"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
                problems.append(f"{name} must be a positive integer (got {value!r})")
        for name in ("lookback", "layers", "validation_size", "season"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1):
                problems.append(f"{name} must be a positive integer or None (got {value!r})")
        if self.normalization not in ("window", "none"):
            problems.append(f"normalization must be 'window' or 'none' (got {self.normalization!r})")
        if self.missing not in MISSING:
            problems.append(f"missing must be one of {', '.join(map(repr, MISSING))} (got {self.missing!r})")
        if not 0 <= self.dropout < 1:
            problems.append(f"dropout must be in [0, 1) (got {self.dropout!r})")
        if not self.learning_rate > 0:
            problems.append(f"learning_rate must be positive (got {self.learning_rate!r})")
        try:
            architectures.get(self.architecture)
        except (ValueError, TypeError) as error:
            problems.append(str(error).rstrip("."))
        if problems:
            raise ValueError("Invalid Forecaster settings: " + "; ".join(problems) + ".")

    def _check_fitted(self) -> None:
        if not hasattr(self, "models_"):
            raise NotFittedError("This Forecaster is not fitted yet; call fit(data) first.")

    # ----------------------------------------------------------------- fit
    def fit(self, data: Any, target: str | int | None = None, features: Sequence[str | int] | None = None) -> "Forecaster":
        """Learn to forecast ``target`` from its past (and the past of ``features``).

        Args:
            data: a Series, a DataFrame, or an array ``(timesteps,)`` / ``(timesteps, columns)``,
                oldest first: the training part only.
            target: the column to forecast (name or index); optional for a single column.
            features: other columns to use as inputs.

        Returns:
            self.
        """
        self._validate_params()
        frame, self.target_, self.features_ = select_columns(data, target, features)
        self.missing_ = {k: v for k, v in count_missing(frame).items() if v}
        if self.missing_:
            frame = handle_missing(frame, self.missing)
        values = frame.to_numpy(dtype=float)  # (T, 1 + features), target first
        self.history_ = values[:, 0].copy()
        self.season_ = self.season or detect_season(self.history_)
        self.lookback_, self.validation_size_ = self._sizes(len(values))
        self.scaler_ = SequenceScaler(self.scaler).fit(values)
        scaled = self.scaler_.transform(values)
        X, y = make_windows(scaled, self.lookback_, self.horizon, target=0)
        X, y = self._prepare(np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32))
        # Purged split: training windows end their targets before the validation windows' targets.
        val = self.validation_size_
        cut = len(X) - val - (self.horizon - 1)
        train, validation = (X[:cut], y[:cut]), (X[-val:], y[-val:])
        self.models_, self.histories_, self.epochs_ = [], [], []
        for repeat in range(self.repeats):
            model, history = self._train(repeat, X.shape[2], train, validation, self.epochs)
            best = int(np.argmin(history["val_loss"])) + 1
            if self.refit:  # the final model learns from every window, for the epochs chosen above
                model, _ = self._train(repeat, X.shape[2], (X, y), None, best)
            self.models_.append(model)
            self.histories_.append(history)
            self.epochs_.append(best)
        self.last_window_ = scaled[-self.lookback_:].copy()  # (lookback, 1 + features)
        self.last_index_ = _index_info(data)
        return self

    def observe(self, data: Any) -> "Forecaster":
        """Append observations that follow the fitted data (same columns), without retraining:
        ``predict()`` then forecasts after them. The scaler and the models stay as fitted.

        Returns:
            self.
        """
        self._check_fitted()
        frame = self._frame(data)
        values = frame.to_numpy(dtype=float)
        self.last_window_ = np.concatenate([self.last_window_, self.scaler_.transform(values)])[-self.lookback_:]
        self.history_ = np.concatenate([self.history_, values[:, 0]])
        self.last_index_ = _index_info(data) or self.last_index_
        return self

    def future_index(self, steps: int) -> list[str]:
        """Labels for the next ``steps`` forecast steps: dates when the data had a regular date
        index, otherwise step numbers after the end ('+1', '+2', ...)."""
        info = getattr(self, "last_index_", None)
        if info and info.get("freq"):
            dates = pd.date_range(pd.Timestamp(info["last"]), periods=steps + 1, freq=info["freq"])[1:]
            return [str(d.date()) if d == d.normalize() else str(d) for d in dates]
        return [f"+{k}" for k in range(1, steps + 1)]

    def _train(self, repeat: int, features: int, data: tuple, validation: tuple | None, epochs: int):
        """One model, seeded by ``repeat``; early stopping when there is validation data."""
        set_random_seed(self.seed + repeat)
        model = architectures.get(self.architecture)(
            input_shape=(self.lookback_, features), outputs=self.horizon, units=self.units,
            layers=self.layers, dropout=self.dropout)
        model.compile(optimizer=Adam(learning_rate=self.learning_rate), loss="mse")
        callbacks = [] if validation is None else [
            EarlyStopping(monitor="val_loss", patience=self.patience, restore_best_weights=True)]
        history = model.fit(*data, validation_data=validation, epochs=epochs, batch_size=self.batch_size,
                            verbose=self.verbose, callbacks=callbacks)
        return model, history.history

    def _sizes(self, steps: int) -> tuple[int, int]:
        """The lookback and the number of validation windows, with a clear error if the data is short."""
        lookback = self.lookback or (2 * self.season_ if self.season_ else int(np.clip(steps // 8, 3, 48)))
        if self.lookback is None:  # a default lookback shrinks to leave enough windows to train on
            while lookback > 3 and steps < self._rows_needed(lookback, steps)[0]:
                lookback -= 1
        needed, validation = self._rows_needed(lookback, steps)
        if steps < needed:
            raise ValueError(
                f"The data has {steps} rows; lookback={lookback} and horizon={self.horizon} with "
                f"{validation} validation windows need at least {needed}. Use more data, or a shorter "
                "lookback or horizon."
            )
        return lookback, validation

    def _rows_needed(self, lookback: int, steps: int) -> tuple[int, int]:
        """Rows needed for ``MIN_TRAIN_WINDOWS`` training windows, the purge gap and the validation
        windows; and the number of validation windows."""
        windows = steps - lookback - self.horizon + 1
        validation = self.validation_size or max(3, round(0.1 * windows))
        return lookback + 2 * (self.horizon - 1) + validation + MIN_TRAIN_WINDOWS, validation

    def _prepare(self, X: np.ndarray, y: np.ndarray | None = None):
        """Per-window normalisation (or not): returns the network's inputs and targets."""
        if self.normalization == "none":
            return X, (None if y is None else y[:, :, 0])
        Xn, yn, _, _ = normalization.normalize(X, y)
        return Xn, (None if yn is None else yn[:, :, 0])

    # ----------------------------------------------------------------- forecasts
    def _forecast_windows(self, windows: np.ndarray) -> np.ndarray:
        """Each model's forecast for scaled windows ``(N, lookback, F)`` -> ``(repeats, N, horizon)``,
        in original units."""
        inputs = windows.astype(np.float32)
        if self.normalization == "window":
            inputs, _, centre, spread = normalization.normalize(inputs)
        results = []
        for model in self.models_:
            out = model.predict(inputs, batch_size=256)  # (N, horizon)
            if self.normalization == "window":
                out = normalization.denormalize(out, centre, spread)
            results.append(self.scaler_.inverse_transform(out.reshape(-1), columns=[0]).reshape(out.shape))
        return np.stack(results)

    def _frame(self, data: Any) -> pd.DataFrame:
        """The fitted columns of new data, with missing values handled as in ``fit``."""
        frame, _, _ = select_columns(data, self.target_, self.features_)
        return handle_missing(frame, self.missing) if frame.isna().any().any() else frame

    def _scaled(self, data: Any) -> np.ndarray:
        return self.scaler_.transform(self._frame(data).to_numpy(dtype=float))

    def predict(self, data: Any = None, horizon: int | None = None) -> np.ndarray:
        """Forecast the ``horizon`` steps after the end of ``data`` (default: after the data given
        to ``fit``), in the series' units, averaged over the repeated models.

        A horizon longer than the trained one is forecast step by step from the model's own
        forecasts (univariate models only).

        Shapes:
            ``(horizon,)``.
        """
        self._check_fitted()
        horizon = self.horizon if horizon is None else int(horizon)
        if horizon < 1:
            raise ValueError(f"horizon must be a positive integer; got {horizon}.")
        window = self.last_window_ if data is None else self._scaled(data)[-self.lookback_:]
        if len(window) < self.lookback_:
            raise ValueError(f"predict needs the last {self.lookback_} rows (the lookback); got {len(window)}.")
        if horizon > self.horizon and self.features_:
            raise ValueError(f"This model was trained with extra features, so it can forecast at most "
                             f"{self.horizon} steps (their future values are unknown); got horizon={horizon}.")
        forecast = self._forecast_windows(window[None])[:, 0].mean(axis=0)  # (trained horizon,)
        while len(forecast) < horizon:  # univariate: feed the forecasts back in as inputs
            window = np.concatenate([window, self.scaler_.transform(forecast[-self.horizon:].reshape(-1, 1))])
            window = window[-self.lookback_:]
            forecast = np.concatenate([forecast, self._forecast_windows(window[None])[:, 0].mean(axis=0)])
        return forecast[:horizon]

    def evaluate(self, test: Any) -> Evaluation:
        """Forecast the period ``test`` that follows the fitted data and compare with its values
        and with the baselines (persistence, seasonal naive, training mean).

        The forecasts start every ``horizon`` steps: from the end of the fitted data, then from
        each later origin with the actual values before it as input (no refitting), so a test
        period longer than the horizon is covered by rolling forecasts.
        """
        self._check_fitted()
        frame = self._frame(test)
        scaled_test = self.scaler_.transform(frame.to_numpy(dtype=float))
        actual = frame.to_numpy(dtype=float)[:, 0]
        context = np.concatenate([self.last_window_, scaled_test])
        origins = rolling_origins(0, len(actual), self.horizon)
        windows = np.stack([context[o:o + self.lookback_] for o, _ in origins])
        each = self._forecast_windows(windows)  # (repeats, origins, horizon)
        forecasts = np.concatenate([each[:, i, :steps] for i, (_, steps) in enumerate(origins)], axis=1)
        return score(actual, forecasts, self.history_, len(self.history_), self.horizon, self.season_)

    def backtest(self, data: Any, folds: int | Sequence = 3, target: str | int | None = None,
                 features: Sequence[str | int] | None = None) -> pd.DataFrame:
        """Walk-forward backtest: refit on each fold's past, evaluate on its next ``horizon`` steps.

        Args:
            data: the whole series.
            folds: a number of folds (the last ``folds * horizon`` steps are tested), or ``Fold``
                objects from ``lstmkit.data.walk_forward``.

        Returns:
            One row of metrics per fold, plus the best baseline's RMSE.
        """
        self._validate_params()
        frame, target, features = select_columns(data, target, features)
        if isinstance(folds, (int, np.integer)):
            folds = walk_forward(len(frame), len(frame) - int(folds) * self.horizon, self.horizon, self.horizon)
        rows = []
        for number, fold in enumerate(folds):
            fitted = clone(self).fit(frame.iloc[fold.train], target, features)
            evaluation = fitted.evaluate(frame.iloc[fold.test])
            rows.append({"fold": number, "train_size": fold.train_size, **evaluation.metrics,
                         "best_baseline": evaluation.best_baseline,
                         "best_baseline_rmse": evaluation.baseline_metrics[evaluation.best_baseline]["rmse"]})
        return pd.DataFrame(rows).set_index("fold")

    # ----------------------------------------------------------------- files
    def save(self, path: str | os.PathLike) -> Path:
        """Save to a folder: settings, learned state and scaler as JSON, each model as an lstmkit
        model file; written to a temporary folder and renamed, so a crash leaves no half model."""
        from lstmkit.forecasting.saving import save_forecaster

        self._check_fitted()
        return save_forecaster(self, Path(path))

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Forecaster":
        """Load a forecaster saved with ``save``; runs no code from the files."""
        from lstmkit.forecasting.saving import load_forecaster

        return load_forecaster(Path(path))


def _index_info(data: Any) -> dict[str, str | None] | None:
    """The last date and the frequency of a date-indexed Series or DataFrame (None otherwise)."""
    index = getattr(data, "index", None)
    if not isinstance(index, pd.DatetimeIndex) or len(index) == 0:
        return None
    return {"last": str(index[-1]), "freq": infer_frequency(index)}
