"""The course's experiments (lessons 5 to 10) in their default, full mode, against the targets.

Usage:
    .venv/bin/python bench/lessons.py [--lessons 5 6 7 8 9] [--append-results]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import lstmkit
from lstmkit.lessons import run_lesson
from results import record  # bench/results.py

TARGETS = {
    5: ("echo accuracy on fresh sequences", lambda r: r.value >= 0.95, ">= 95%"),
    6: ("test RMSE on fresh waves, stacked and vanilla", lambda r: max(m["rmse"] for m in r.results.values()) < 0.1, "both < 0.1"),
    7: ("direction accuracy on fresh videos", lambda r: r.value >= 0.95, ">= 95%"),
    8: ("exact-match accuracy on 5,000 fresh 3-digit sums", lambda r: r.value >= 0.99, ">= 99%"),
    9: ("per-step accuracy, forward and bidirectional", lambda r: r.value >= 0.97, ">= 97% (both)"),
    10: ("accuracy of the echoed values by input length, with and without attention",
         lambda r: r.value >= 0.95 and r.value > r.results["50"]["encoder_decoder"] + 0.1,
         ">= 95% with attention at 50 steps, clearly above without"),
}


def describe(number: int, result) -> str:
    if number == 6:
        return ", ".join(f"{name}: {m['rmse']:.4f}" for name, m in result.results.items())
    if number == 10:
        return ", ".join(f"{n} steps: {m['attention']:.1%} vs {m['encoder_decoder']:.1%}" for n, m in result.results.items())
    if number == 9:
        return ", ".join(f"{name}: {m['accuracy']:.1%}" for name, m in result.results.items())
    return f"{result.value:.2%}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, nargs="+", default=sorted(TARGETS))
    parser.add_argument("--append-results", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    lines = ["| lesson | measure | result | target | met | time |", "| --- | --- | --- | --- | --- | ---: |"]
    with tempfile.TemporaryDirectory() as folder:
        for number in args.lessons:
            result, _ = run_lesson(number, Path(folder) / f"lesson{number:02d}", seed=0)
            measure, met, target = TARGETS[number]
            lines.append(f"| {number} | {measure} | {describe(number, result)} | {target} | "
                         f"{'yes' if met(result) else 'NO'} | {result.seconds:.0f} s |")
            print(lines[-1], flush=True)
    seconds = time.perf_counter() - started
    print(f"took {seconds:.0f} s")
    if args.append_results:
        record("Lessons, full mode", [
            f"Command: `.venv/bin/python bench/lessons.py --lessons {' '.join(map(str, args.lessons))}` (each is "
            f"`lstmkit lesson N --seed 0`); lstmkit {lstmkit.__version__}; 2-core CPU; took {seconds:.0f} s"], lines)


if __name__ == "__main__":
    main()
