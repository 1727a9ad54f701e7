"""The ``lstmkit forecast`` job: a CSV in; a forecast, a report with plots and a model out."""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from lstmkit.data import count_missing, train_test_split_time
from lstmkit.datasets import DATASETS, load_dataset
from lstmkit.forecasting.baselines import detect_season
from lstmkit.forecasting.evaluation import Evaluation
from lstmkit.forecasting.forecaster import Forecaster
from lstmkit.forecasting.frames import select_columns
from lstmkit.forecasting.loading import read_table


@dataclass
class ForecastSettings:
    """What ``lstmkit forecast`` runs with; None means "choose from the data" (shown in the report)."""

    csv: str | None = None  # a CSV file or a built-in dataset name; None: the Airline data
    target: str | None = None  # column to forecast
    date_column: str | None = None  # column with the dates (found by name when None)
    features: list[str] = field(default_factory=list)  # extra input columns
    lookback: int | None = None  # input steps; None: two seasons
    horizon: int | None = None  # steps forecast at once; None: one season, or 1
    test_size: int | None = None  # final steps held out for testing; None: one season, or 10%
    architecture: str = "stacked"  # a builder in lstmkit.architectures
    epochs: int = 500  # the most epochs (early stopping decides)
    repeats: int = 5  # models trained with different seeds; mean +- std reported
    seed: int = 0  # the first seed
    out: str = "forecast"  # output folder
    verbose: int = 1  # 1: a progress bar per model


@dataclass
class ForecastResult:
    settings: dict
    notes: list[str]
    forecaster: Forecaster
    evaluation: Evaluation
    series: pd.Series  # the target, whole, as used
    test_start: int
    future: pd.Series  # the forecast after the end of the data
    seconds: float


def load_data(csv: str | None, date_column: str | None) -> tuple[pd.DataFrame, list[str], str]:
    """The table to forecast, notes on how it was read, and its name."""
    if csv is None or (not Path(csv).exists() and csv.lower() in DATASETS):
        name = "airline" if csv is None else csv.lower()
        frame = load_dataset(name)
        return frame, [f"Built-in dataset {name!r}: {DATASETS[name]}"], name
    frame, notes = read_table(csv, date_column)
    return frame, notes, Path(csv).name


def choose_sizes(values: np.ndarray, settings: ForecastSettings) -> tuple[int, int, int | None]:
    """Horizon and test size from the settings, or from the season detected in the first 80%."""
    season = detect_season(values[: int(0.8 * len(values))])
    horizon = settings.horizon or season or 1
    test_size = settings.test_size or (max(horizon, season) if season else max(horizon, math.ceil(0.1 * len(values))))
    return horizon, test_size, season


def run_forecast(settings: ForecastSettings) -> ForecastResult:
    """Read, split, fit, evaluate against the baselines, and forecast past the end of the data.

    Raises:
        FileNotFoundError, ValueError, TypeError: for bad input, before anything is written.
    """
    started = time.perf_counter()
    frame, notes, name = load_data(settings.csv, settings.date_column)
    selected, target, features = select_columns(frame, settings.target, settings.features)
    missing = {k: v for k, v in count_missing(selected).items() if v}
    if missing:
        notes.append("Missing values, filled by interpolation: " + ", ".join(f"{k}: {v}" for k, v in missing.items()) + ".")
    horizon, test_size, season = choose_sizes(selected[target].interpolate().to_numpy(), settings)
    if test_size >= len(selected):
        raise ValueError(f"The data has {len(selected)} rows, too few for a test period of {test_size}; "
                         "use more data or a smaller --test-size.")
    train, test = train_test_split_time(selected, test_size=test_size)
    forecaster = Forecaster(lookback=settings.lookback, horizon=horizon, architecture=settings.architecture,
                            epochs=settings.epochs, repeats=settings.repeats, seed=settings.seed,
                            verbose=settings.verbose)
    forecaster.fit(train, target, features)
    evaluation = forecaster.evaluate(test)
    forecaster.observe(test)  # the saved model forecasts from the end of the data
    future = forecaster.predict()
    chosen = {**asdict(settings), "csv": name, "target": target, "features": features, "horizon": horizon,
              "test_size": test_size, "lookback": forecaster.lookback_, "season": forecaster.season_,
              "detected_season": season, "rows": len(selected), "train_rows": len(train),
              "validation_windows": forecaster.validation_size_, "epochs_chosen": forecaster.epochs_}
    return ForecastResult(
        settings=chosen, notes=notes, forecaster=forecaster, evaluation=evaluation,
        series=selected[target].interpolate(limit_direction="both"), test_start=len(train),
        future=pd.Series(future, index=forecaster.future_index(len(future)), name=target),
        seconds=time.perf_counter() - started)
