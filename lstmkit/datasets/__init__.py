"""Small built-in datasets, so that examples and lessons run offline.

- ``load_airline()``: monthly international airline passengers (thousands), 1949-01 to 1960-12,
  144 values; trend and yearly seasonality.
- ``load_shampoo()``: monthly shampoo sales over three years, 36 values.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd


def _load(filename: str, date_column: str, value_column: str) -> pd.Series:
    with resources.files(__package__).joinpath(filename).open("r") as handle:
        frame = pd.read_csv(handle)
    index = pd.PeriodIndex(frame[date_column], freq="M").to_timestamp()
    return pd.Series(frame[value_column].astype(float).to_numpy(), index=index, name=value_column)


def load_airline() -> pd.Series:
    """Monthly airline passengers, 1949-1960: a Series of 144 values with a monthly DatetimeIndex.

    Example:
        >>> series = load_airline()
        >>> len(series), float(series.iloc[0]), str(series.index[0].date())
        (144, 112.0, '1949-01-01')
    """
    return _load("Airline.csv", "Date", "Passengers")


def load_shampoo() -> pd.Series:
    """Monthly shampoo sales over three years: a Series of 36 values."""
    return _load("ShampooSales.csv", "Time", "Sales")
