"""Missing values: each strategy, the indicator, and the report."""

import numpy as np
import pandas as pd
import pytest

from lstmkit.data import count_missing, handle_missing

NAN = np.nan


def test_strategies_on_a_series():
    series = np.array([NAN, 1.0, NAN, 3.0, NAN])
    assert handle_missing(series, "drop").tolist() == [1.0, 3.0]
    assert handle_missing(series, "ffill").tolist() == [1.0, 1.0, 1.0, 3.0, 3.0]
    assert handle_missing(series, "interpolate").tolist() == [1.0, 1.0, 2.0, 3.0, 3.0]
    assert handle_missing(series, "value", value=-5).tolist() == [-5, 1.0, -5, 3.0, -5]
    assert handle_missing(series, "mask", mask_value=-1).tolist() == [-1, 1.0, -1, 3.0, -1]


def test_mask_with_indicator_columns_on_a_dataframe():
    frame = pd.DataFrame({"a": [1.0, NAN, 3.0], "b": [1.0, 2.0, 3.0]})
    out = handle_missing(frame, "mask", mask_value=-1, indicator=True)
    assert list(out.columns) == ["a", "b", "a_missing"]
    assert out["a"].tolist() == [1.0, -1.0, 3.0] and out["a_missing"].tolist() == [0.0, 1.0, 0.0]


def test_drop_keeps_the_rows_of_the_indicator_aligned():
    frame = pd.DataFrame({"a": [1.0, NAN, 3.0], "b": [NAN, 2.0, 3.0]}, index=[10, 11, 12])
    out = handle_missing(frame, "drop", indicator=True)
    assert out.index.tolist() == [12] and out.shape == (1, 4)


def test_series_keeps_its_name():
    out = handle_missing(pd.Series([1.0, NAN], name="sales"), "ffill")
    assert out.name == "sales" and out.tolist() == [1.0, 1.0]


def test_mask_value_that_occurs_in_the_data_warns():
    with pytest.warns(UserWarning, match="mask_value=0.0 also occurs in the observed data"):
        handle_missing(np.array([0.0, NAN]), "mask")


def test_count_missing():
    assert count_missing(np.array([[NAN, 1.0], [NAN, NAN]])) == {"0": 2, "1": 1}


@pytest.mark.parametrize("data,kwargs,match", [
    ([1.0, NAN], {"strategy": "mean"}, "Unknown strategy 'mean'; use one of 'drop', 'ffill'"),
    ([1.0, NAN], {"strategy": "value"}, "strategy='value' needs a finite fill value"),
    ([NAN, NAN], {"strategy": "drop"}, "Every timestep has a missing value"),
    ([[NAN, 1.0], [NAN, 2.0]], {"strategy": "ffill"}, r"Column\(s\) \['0'\] hold no values at all"),
])
def test_errors(data, kwargs, match):
    with pytest.raises(ValueError, match=match):
        handle_missing(np.array(data), **kwargs)
