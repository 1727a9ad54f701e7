"""Lesson 3: how to prepare data for LSTMs.

The experiment takes a real series (monthly airline passengers, 1949-1960) through every step of
data preparation, showing each stage's shape and a few rows: missing values, a time-ordered
split, scaling fitted on the training part only (and what leaks when it is not), framing as
supervised learning, zero-copy windows, categorical features, padding, long sequences, and the
3-D shape an LSTM takes. It checks the pipeline by inverting it: the targets, scaled and
windowed, must map back to the original passenger counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from rich.console import Console  # noqa: E402

from lstmkit.data import (  # noqa: E402
    CategoryEncoder, SequenceScaler, count_missing, handle_missing, make_windows, pad_sequences,
    series_to_supervised, split_sequence, tbptt_batches, to_3d, train_test_split_time,
)
from lstmkit.datasets import load_airline  # noqa: E402

LOOKBACK, TEST_MONTHS, REMOVED = 12, 12, 3
console = Console()


def _stage(stages: list[dict], name: str, call: str, value: Any, note: str = "") -> None:
    shape = tuple(np.shape(value))
    stages.append({"stage": name, "call": call, "shape": list(shape), "note": note})
    console.print(f"[bold cyan]{len(stages)}. {name}[/]  [dim]{call}[/]  shape {shape}")
    if note:
        console.print(f"   {note}", highlight=False)


def _rows(array: np.ndarray, count: int = 3) -> str:
    return np.array2string(np.asarray(array)[:count], precision=3, suppress_small=True, max_line_width=100)


def run(out: Path, seed: int = 0, quick: bool = False) -> "LessonResult":
    """The experiment (already quick: ``quick`` changes nothing)."""
    from lstmkit.lessons.report import LessonResult

    rng = np.random.default_rng(seed)
    stages: list[dict] = []
    series = load_airline()
    _stage(stages, "Raw series", "load_airline()", series,
           f"monthly passengers (thousands) {series.index[0]:%Y-%m} to {series.index[-1]:%Y-%m}; "
           f"first values {series.to_numpy()[:3].tolist()}")

    # Missing values: the data has none, so remove a few (a demonstration) and fill them back.
    holes = np.sort(rng.choice(np.arange(1, len(series) - TEST_MONTHS - 1), REMOVED, replace=False))
    gappy = series.copy()
    gappy.iloc[holes] = np.nan
    filled = handle_missing(gappy, "interpolate")
    interpolation_error = float(np.abs(filled.iloc[holes] - series.iloc[holes]).mean())
    _stage(stages, "Missing values filled", "handle_missing(series, 'interpolate')", filled,
           f"{count_missing(gappy)['Passengers']} values removed for the demonstration (months "
           f"{', '.join(f'{series.index[h]:%Y-%m}' for h in holes)}) and interpolated; mean error "
           f"{interpolation_error:.1f} thousand passengers")

    train, test = train_test_split_time(filled.to_numpy(), test_size=TEST_MONTHS)
    _stage(stages, "Time-ordered split", f"train_test_split_time(series, test_size={TEST_MONTHS})", train,
           f"train {train.shape}, test {test.shape}: the last {TEST_MONTHS} months are never seen in training")

    scaler = SequenceScaler("minmax").fit(train)
    scaled_train, scaled_test = scaler.transform(train), scaler.transform(test)
    leaky_test = SequenceScaler("minmax").fit(filled.to_numpy()).transform(test)
    _stage(stages, "Scaled (fitted on train only)", "SequenceScaler('minmax').fit(train)", scaled_train,
           f"first values {_rows(scaled_train, 4)}; train in [{scaled_train.min():.2f}, "
           f"{scaled_train.max():.2f}]; test reaches "
           f"{scaled_test.max():.2f} (above 1: its peak is new). A scaler fitted on all the data "
           f"squeezes the test into [.., {leaky_test.max():.2f}]: the test set's peak has leaked.")

    table = series_to_supervised(scaled_train, n_in=3, n_out=1)
    _stage(stages, "Framed as supervised learning", "series_to_supervised(train, n_in=3, n_out=1)", table,
           f"columns {list(table.columns)}; first row {_rows(table.to_numpy(), 1)}")

    X, y = make_windows(scaled_train, lookback=LOOKBACK, horizon=1)
    _stage(stages, "Windows (zero-copy views)", f"make_windows(train, lookback={LOOKBACK})", X,
           f"X {X.shape}, y {y.shape}; X[0] = {_rows(X[0, :, 0], 12)} -> y[0] = {_rows(y[0, :, 0])}; "
           f"shares memory with the series: {np.shares_memory(X, scaled_train)}; "
           f"as copies X would take {X.size * X.itemsize:,} bytes, the series takes {scaled_train.nbytes:,}")
    round_trip = scaler.inverse_transform(y.reshape(-1))  # (N,) passengers again
    roundtrip_error = float(np.abs(round_trip - train[LOOKBACK:]).max())

    months = [f"{d:%b}" for d in filled.index]
    encoder = CategoryEncoder().fit(months)
    month_one_hot = encoder.to_one_hot(months)
    features = np.column_stack([scaler.transform(filled.to_numpy()), month_one_hot])
    X_multi, _ = make_windows(features[:len(train)], lookback=LOOKBACK, target=0)
    _stage(stages, "Categorical feature, one-hot", "CategoryEncoder().fit(months).to_one_hot(months)", X_multi,
           f"month names as {len(encoder.categories_)} one-hot columns beside the scaled value; "
           f"windows now have {X_multi.shape[2]} features")

    years = [scaled_train[i * 12:i * 12 + int(rng.integers(6, 13))] for i in range(4)]
    padded = pad_sequences(years, maxlen=12, value=-1.0)
    _stage(stages, "Variable lengths padded", "pad_sequences(years, maxlen=12, value=-1.0)", padded,
           f"4 sequences of {[len(y_) for y_ in years]} months, pre-padded with -1 (a Masking(-1) "
           "layer would skip it)")

    pieces = split_sequence(scaled_train, 24)
    chunks, _ = tbptt_batches(to_3d(pieces), chunk_length=12)  # (5, 24, 1) -> 10 chunks of 12
    _stage(stages, "Long sequence split", "split_sequence(train, 24); tbptt_batches(..., chunk_length=12)",
           pieces, f"{pieces.shape[0]} pieces of 24 months; for truncated BPTT: {chunks.shape[0]} chunks "
           "of 12 steps, batch k holding chunk k of every sequence")

    three_d = to_3d(scaled_train)
    hint = ""
    try:
        to_3d(scaled_train, timesteps=5)
    except ValueError as error:
        hint = str(error)
    _stage(stages, "Reshaped to (samples, timesteps, features)", "to_3d(train)", three_d,
           f"1-D data becomes {three_d.shape}; asked for timesteps=5 it explains: {hint}")

    plot = _plot(out, series, holes, filled, scaled_train, scaled_test, leaky_test, X, y)
    results = {
        "stages": stages,
        "interpolation_mean_abs_error": interpolation_error,
        "scaled_test_max": float(scaled_test.max()),
        "leaky_scaled_test_max": float(leaky_test.max()),
        "windows_share_memory": bool(np.shares_memory(X, scaled_train)),
        "windows_as_copies_bytes": int(X.size * X.itemsize),
        "series_bytes": int(scaled_train.nbytes),
    }
    settings = {"seed": seed, "dataset": "airline", "lookback": LOOKBACK, "test_months": TEST_MONTHS,
                "removed_values": REMOVED, "scaler": "minmax"}
    console.print(f"\n[bold]Pipeline check[/]: windows' targets inverted back to passengers differ from "
                  f"the data by at most {roundtrip_error:.2e}.")
    report = _report(stages, results, roundtrip_error, plot)
    return LessonResult(3, "pipeline_roundtrip_max_abs_error", roundtrip_error, results, settings,
                        report=report, plots=[plot])


def _plot(out: Path, series, holes, filled, scaled_train, scaled_test, leaky_test, X, y) -> str:
    out.mkdir(parents=True, exist_ok=True)
    figure, axes = plt.subplots(3, 1, figsize=(9, 10))
    axes[0].plot(series.index, series.to_numpy(), color="0.6", label="data")
    axes[0].scatter(series.index[holes], filled.iloc[holes], color="tab:red", zorder=3, label="removed, then interpolated")
    axes[0].set_title("1. Missing values: removed (demonstration) and interpolated")
    axes[0].set_ylabel("passengers (thousands)")
    axes[0].legend()
    steps = np.arange(len(scaled_train) + len(scaled_test))
    axes[1].plot(steps[:len(scaled_train)], scaled_train, label="train (scaler fitted here)")
    axes[1].plot(steps[len(scaled_train):], scaled_test, label="test, scaled with the train scaler")
    axes[1].plot(steps[len(scaled_train):], leaky_test, "--", label="test, scaler fitted on all data (leak)")
    axes[1].axhline(1.0, color="0.5", linewidth=0.8)
    axes[1].set_title("2. Scaling without leakage: the test set may leave [0, 1]")
    axes[1].legend(fontsize=8)
    start = 40
    axes[2].plot(np.arange(start, start + LOOKBACK), X[start, :, 0], "o-", label=f"window X[{start}] ({LOOKBACK} steps)")
    axes[2].plot([start + LOOKBACK], y[start, 0, 0], "s", color="tab:red", label=f"target y[{start}]")
    axes[2].plot(np.arange(len(scaled_train)), scaled_train, color="0.8", zorder=0)
    axes[2].set_title("3. One training window and the value it predicts")
    axes[2].set_xlabel("month")
    axes[2].legend()
    figure.tight_layout()
    figure.savefig(out / "stages.png", dpi=100)
    plt.close(figure)
    return "stages.png"


def _report(stages: list[dict], results: dict, roundtrip_error: float, plot: str) -> str:
    rows = "\n".join(f"| {i + 1} | {s['stage']} | `{s['call']}` | {tuple(s['shape'])} |" for i, s in enumerate(stages))
    return f"""# Lesson 3: How to prepare data for LSTMs

A real series (monthly airline passengers, 1949-1960) turned step by step into LSTM training data.

| # | stage | call | shape |
| --- | --- | --- | --- |
{rows}

**Check**: the windows' targets, inverted through the scaler, match the passenger counts to
{roundtrip_error:.2e}. The windows share memory with the series: {results['windows_share_memory']}
(as copies they would take {results['windows_as_copies_bytes']:,} bytes; the series takes
{results['series_bytes']:,}).

![stages]({plot})

## The lesson's questions

- **How do you prepare numeric data?** Scale each feature (`SequenceScaler('minmax')` or
  `'standard'`), fitting the scaler on the training part only. Here the test set reaches
  {results['scaled_test_max']:.2f} on the training scale; a scaler fitted on all the data would squeeze it
  into [0, {results['leaky_scaled_test_max']:.2f}], letting the test set's peak shape training.
- **How do you prepare categorical data?** Integer-encode, then one-hot encode
  (`CategoryEncoder`, `to_categorical`): month names became 12 binary columns.
- **How do you handle missing values?** Drop the steps, fill them (`'ffill'`, `'interpolate'`,
  `'value'`), or fill with a mask value that a `Masking` layer skips (`'mask'`, optionally with
  missing-indicator columns): `handle_missing`. Interpolating 3 removed months here was off by
  {results['interpolation_mean_abs_error']:.1f} thousand passengers on average.
- **How do you frame a sequence as supervised learning?** Lagged copies (`series_to_supervised`,
  pandas `shift`) or windows (`make_windows`), which are views and cost no memory.
- **How do you handle long sequences?** Cut them into pieces of tens to hundreds of steps
  (`split_sequence`), and for truncated BPTT feed chunks in order to a stateful LSTM
  (`tbptt_batches`, k1 = k2 = chunk length).
- **How do you handle sequences of different lengths?** Pad (and truncate) them to one length
  (`pad_sequences`), and mask the padding.
- **How do you reshape input data for LSTMs?** To `(samples, timesteps, features)` (`to_3d`,
  which says which shapes fit when the numbers do not).

## Reproduce

    lstmkit lesson 3 --out lesson03
"""
