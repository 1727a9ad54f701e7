"""Memory of windowing: ``make_windows`` on a long series must cost O(series), not O(series x lookback).

Makes a 10-million-step, 8-feature float32 series (320 MB), records the process's peak resident
memory (VmHWM), windows it with lookback 512, draws and reads training batches from the windows,
and records the peak again. Copying the windows would need about 164 GB.

Usage:
    .venv/bin/python bench/data_memory.py [--steps 10000000] [--append-results]
"""

from __future__ import annotations

import argparse
import datetime
import time

import numpy as np

import lstmkit
from lstmkit.data import make_windows
from results import append_section  # bench/results.py


def peak_rss_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("VmHWM not found in /proc/self/status (this benchmark needs Linux).")


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0), so earlier peaks cannot hide new ones."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def make_series(steps: int, features: int, rng: np.random.Generator) -> np.ndarray:
    """Filled in chunks, so making it leaves no peak above the series itself."""
    series = np.empty((steps, features), dtype=np.float32)
    for start in range(0, steps, 1_000_000):
        stop = min(steps, start + 1_000_000)
        series[start:stop] = rng.standard_normal((stop - start, features), dtype=np.float32)
    return series


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000_000)
    parser.add_argument("--features", type=int, default=8)
    parser.add_argument("--lookback", type=int, default=512)
    parser.add_argument("--batches", type=int, default=100, help="training batches of 64 drawn from the windows")
    parser.add_argument("--append-results", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    rng = np.random.default_rng(0)
    series = make_series(args.steps, args.features, rng)
    reset = reset_peak_rss()
    before = peak_rss_bytes()

    X, y = make_windows(series, lookback=args.lookback, horizon=1, target=0)
    checksum = 0.0
    for _ in range(args.batches):  # what training does: a small copy of one batch at a time
        index = rng.integers(0, len(X), 64)
        checksum += float(X[index].sum() + y[index].sum())
    checksum += float(X[0].sum() + X[-1].sum())
    after = peak_rss_bytes()

    extra = after - before
    copied = X.shape[0] * X.shape[1] * X.shape[2] * X.itemsize
    seconds = time.perf_counter() - started
    lines = [
        f"- Series: {args.steps:,} steps x {args.features} features, float32: {series.nbytes / 1e6:,.0f} MB",
        f"- Windows: X {X.shape}, y {y.shape}; as copies X alone would take {copied / 1e9:,.0f} GB",
        f"- Peak RSS reset before windowing: {'yes' if reset else 'no (not supported here)'}",
        f"- Peak RSS before windowing {before / 1e6:,.0f} MB, after windowing and {args.batches} "
        f"batches of 64 {after / 1e6:,.0f} MB: **+{extra / 1e6:,.1f} MB, "
        f"{100 * extra / series.nbytes:.2f}% of the series** (target: under 10%)",
    ]
    print("\n".join(lines))
    print(f"took {seconds:.1f} s (checksum {checksum:.3f})")
    if args.append_results:
        append_section("\n".join([
            f"## Windowing memory: {datetime.date.today().isoformat()}", "",
            f"- Command: `.venv/bin/python bench/data_memory.py --steps {args.steps} --lookback {args.lookback}`; "
            f"lstmkit {lstmkit.__version__}, NumPy {np.__version__}; took {seconds:.1f} s",
            *lines, ""]))


if __name__ == "__main__":
    main()
