"""lstmkit forecast / predict / datasets, run as a user runs them."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

QUICK = ["--epochs", "30", "--repeats", "2", "--quiet"]


def lstmkit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "lstmkit", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def flat(text: str) -> str:
    return " ".join(text.split())


def write_csv(path, steps=96, newest_first=False, **extra):
    t = np.arange(steps)
    frame = pd.DataFrame({"Month": pd.date_range("2010-01-01", periods=steps, freq="MS").strftime("%Y-%m"),
                          "Sales": 100 + 10 * np.sin(2 * np.pi * t / 12) + t, **extra})
    (frame.iloc[::-1] if newest_first else frame).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One forecast on a small seasonal CSV stored newest-first, shared by the tests below."""
    folder = tmp_path_factory.mktemp("forecast")
    csv = write_csv(folder / "sales.csv", newest_first=True)
    result = lstmkit("forecast", csv, "--target", "Sales", "--out", folder / "out", *QUICK)
    return folder, result


def test_forecast_writes_report_metrics_plots_and_model(run):
    folder, result = run
    assert result.returncode == 0, result.stderr
    out = folder / "out"
    assert {p.name for p in out.iterdir()} == {"report.html", "report.md", "metrics.json", "forecast.png",
                                              "learning_curves.png", "model"}
    metrics = json.loads((out / "metrics.json").read_text())
    assert set(metrics["model"]) >= {"rmse", "mae", "mape", "smape", "mase", "rmse_std"}
    assert set(metrics["baselines"]) == {"persistence", "seasonal_naive", "mean"}
    assert metrics["settings"]["season"] == 12 and metrics["settings"]["horizon"] == 12
    assert metrics["settings"]["test_size"] == 12 and metrics["settings"]["lookback"] == 24
    assert "newest-first; sorted oldest-first" in " ".join(metrics["notes"])
    printed = flat(result.stdout)
    assert "Test errors" in printed and "seasonal naive" in printed and "persistence" in printed
    assert "beat" in metrics["verdict"] and metrics["verdict"] in printed


def test_predict_from_the_saved_model_in_a_new_process(run):
    folder, _ = run
    metrics = json.loads((folder / "out" / "metrics.json").read_text())
    result = lstmkit("predict", folder / "out" / "model", "--out", folder / "next.csv")
    assert result.returncode == 0, result.stderr
    saved = pd.read_csv(folder / "next.csv")
    assert saved["step"].tolist()[:2] == ["2018-01-01", "2018-02-01"]  # after the last month, 2017-12
    np.testing.assert_allclose(saved["Sales"].to_numpy(), list(metrics["future"].values()), rtol=1e-6)


def test_predict_after_newer_data(run):
    folder, _ = run
    newer = write_csv(folder / "newer.csv", steps=108)
    result = lstmkit("predict", folder / "out" / "model", "--input", newer, "--horizon", "3")
    assert result.returncode == 0, result.stderr
    assert "2019-01-01" in result.stdout and "2019-03-01" in result.stdout


def test_html_report_opens_in_chromium_and_shows_its_images(run):
    folder, _ = run
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; scripts/setup.sh installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (scripts/setup.sh installs it as root)")
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
             (folder / "out" / "report.html").as_uri()],
            capture_output=True, text=True, timeout=120).stdout
    assert "<h1>Forecast of Sales" in dom
    assert re.search(r'data-images-shown="2"', dom), "the report's two plots did not load in the browser"


def test_datasets_are_listed_and_usable_by_name(tmp_path):
    listing = lstmkit("datasets")
    assert listing.returncode == 0
    assert all(name in listing.stdout for name in ("airline", "shampoo", "nse-tataglobal"))
    result = lstmkit("forecast", "shampoo", "--out", tmp_path / "out", "--epochs", "5", "--repeats", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "out" / "metrics.json").read_text())["settings"]["csv"] == "shampoo"


def bad_input_cases(tmp_path: Path):
    good = write_csv(tmp_path / "good.csv")
    text = tmp_path / "text.csv"
    pd.DataFrame({"Month": ["2020-01"] * 3, "Sales": ["a", "b", "c"]}).to_csv(text, index=False)
    dates = tmp_path / "dates.csv"
    pd.DataFrame({"Date": ["2020-01-01", "not a date", "2020-01-03"], "Sales": [1, 2, 3]}).to_csv(dates, index=False)
    empty_column = write_csv(tmp_path / "nan.csv", Empty=[np.nan] * 96)
    return {
        "missing file": ([tmp_path / "nope.csv"], r"No such file: '.*nope\.csv'"),
        "unknown column": ([good, "--target", "Revenue"], r"Unknown target column 'Revenue'\. The columns are: Sales"),
        "non-numeric target": ([text, "--target", "Sales"], r"Column 'Sales' is not numeric: it holds values such as 'a'"),
        "too few rows": ([good, "--target", "Sales", "--lookback", "60"], r"The data has 84 rows; lookback=60 .* need at least \d+"),
        "bad dates": ([dates], r"Column 'Date' cannot be read as dates: 'not a date' \(row 1\)"),
        "all-NaN column": ([empty_column, "--target", "Sales", "--features", "Empty"], r"Column 'Empty' holds no values at all"),
        "unknown date column": ([good, "--date-column", "When"], r"Unknown date column 'When'"),
    }


@pytest.mark.parametrize("case", ["missing file", "unknown column", "non-numeric target", "too few rows",
                                  "bad dates", "all-NaN column", "unknown date column"])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(case, tmp_path):
    arguments, message = bad_input_cases(tmp_path)[case]
    out = tmp_path / "out"
    result = lstmkit("forecast", *arguments, "--out", out, *QUICK)
    assert result.returncode == 2, result.stdout + result.stderr
    assert re.search(message, flat(result.stderr)), result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no temporary folder left


def test_predict_with_a_missing_model(tmp_path):
    result = lstmkit("predict", tmp_path / "nothing")
    assert result.returncode == 2 and "No saved forecaster" in flat(result.stderr)
