"""Small built-in datasets, so that examples and lessons run offline.

- ``load_airline()``: monthly international airline passengers (thousands), 1949-01 to 1960-12,
  144 values; trend and yearly seasonality.
- ``load_shampoo()``: monthly shampoo sales over three years, 36 values.
- ``load_dataset('nse-tataglobal')``: daily stock prices of Tata Global Beverages on the NSE,
  2010-2018 (the file runs newest-first; the loader sorts it).

``load_dataset(name)`` returns any of them as a date-indexed DataFrame, oldest first.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

from lstmkit.data.dates import infer_frequency


DATASETS = {
    "airline": "monthly airline passengers (thousands), 1949-1960, 144 rows; column Passengers",
    "shampoo": "monthly shampoo sales over three years, 36 rows; column Sales",
    "nse-tataglobal": "daily NSE stock prices of Tata Global Beverages, 2010-2018, 2035 rows; "
                      "columns Open, High, Low, Last, Close, Total Trade Quantity, Turnover (Lacs)",
}
_FILES = {"airline": ("Airline.csv", "Date"), "shampoo": ("ShampooSales.csv", "Time"),
          "nse-tataglobal": ("NSE-TATAGLOBAL.csv", "Date")}


def load_dataset(name: str) -> pd.DataFrame:
    """A built-in dataset as a DataFrame indexed by date, oldest first.

    Raises:
        ValueError: for an unknown name; the message lists the datasets.

    Example:
        >>> load_dataset("nse-tataglobal").index.is_monotonic_increasing
        True
    """
    key = name.lower()
    if key not in _FILES:
        raise ValueError(f"Unknown dataset {name!r}. Built-in datasets: {', '.join(DATASETS)}.")
    filename, date_column = _FILES[key]
    with resources.files(__package__).joinpath(filename).open("r") as handle:
        frame = pd.read_csv(handle)
    frame.index = pd.DatetimeIndex(pd.to_datetime(frame.pop(date_column)), name=date_column)
    frame = frame.sort_index()
    if key != "nse-tataglobal":
        frame.index.freq = infer_frequency(frame.index)
    return frame.astype(float)


def load_airline() -> pd.Series:
    """Monthly airline passengers, 1949-1960: a Series of 144 values with a monthly DatetimeIndex.

    Example:
        >>> series = load_airline()
        >>> len(series), float(series.iloc[0]), str(series.index[0].date())
        (144, 112.0, '1949-01-01')
    """
    return load_dataset("airline")["Passengers"]


def load_shampoo() -> pd.Series:
    """Monthly shampoo sales over three years: a Series of 36 values."""
    return load_dataset("shampoo")["Sales"]
