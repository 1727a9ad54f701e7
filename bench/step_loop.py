"""How to run the LSTM step loop (the fallback for non-default activations and recurrent dropout):
eager PyTorch, TorchScript, or ``torch.compile`` of one cell step. Times forward + backward of a
ReLU LSTM layer, the seed's ``LSTM(50, activation='relu')`` kind, and reports the compile time.

Usage:
    .venv/bin/python bench/step_loop.py [--append-results]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time

import torch

from lstmkit.layers.recurrence import lstm_cell, step_loop
from results import append_section  # bench/results.py

SHAPES = [(32, 1, 50), (64, 50, 64), (32, 100, 32)]  # (batch, timesteps, units)


def cell(x_t, h, c, weight_hh_t):
    i, f, g, o = torch.addmm(x_t, h, weight_hh_t).chunk(4, 1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.relu(g)
    return torch.sigmoid(o) * torch.relu(c), c


def loop_over(step):
    def run(x_proj, h, c, weight_hh):
        weight_hh_t, outputs = weight_hh.t(), []
        for t in range(x_proj.size(1)):
            h, c = step(x_proj[:, t], h, c, weight_hh_t)
            outputs.append(h)
        return torch.stack(outputs, 1)
    return run


def eager(x_proj, h, c, weight_hh):
    return step_loop(lstm_cell, x_proj, (h, c), weight_hh, None, torch.relu, torch.sigmoid, None, None, True)[0]


def scripted_loop():
    def _loop(x_proj: torch.Tensor, h: torch.Tensor, c: torch.Tensor, weight_hh: torch.Tensor) -> torch.Tensor:
        weight_hh_t = weight_hh.t()
        outputs: list[torch.Tensor] = []
        for t in range(x_proj.size(1)):
            i, f, g, o = torch.addmm(x_proj[:, t], h, weight_hh_t).chunk(4, 1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.relu(g)
            h = torch.sigmoid(o) * torch.relu(c)
            outputs.append(h)
        return torch.stack(outputs, 1)
    return torch.jit.script(_loop)


def time_it(fn, shape, repeats=20):
    batch, timesteps, units = shape
    x = torch.randn(batch, timesteps, 4 * units, requires_grad=True)
    w = torch.randn(4 * units, units, requires_grad=True)
    h, c = torch.zeros(batch, units), torch.zeros(batch, units)
    start = time.perf_counter()
    for _ in range(3):
        fn(x, h, c, w).sum().backward()
    warmup = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(x, h, c, w).sum().backward()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, warmup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--append-results", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    variants = {"eager (used)": eager, "TorchScript loop": scripted_loop(),
                "torch.compile cell": loop_over(torch.compile(cell, dynamic=False))}
    lines = ["| batch, timesteps, units | " + " | ".join(variants) + " |",
             "| --- |" + " ---: |" * len(variants)]
    for shape in SHAPES:
        cells = []
        for fn in variants.values():
            ms, warmup = time_it(fn, shape)
            cells.append(f"{ms:.2f} ms (first 3 calls {warmup:.1f} s)")
        lines.append(f"| {shape} | " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
    seconds = time.perf_counter() - started
    section = "\n".join([
        f"## LSTM step loop, forward + backward: {datetime.date.today().isoformat()}", "",
        f"- Command: `.venv/bin/python bench/step_loop.py`; torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads; took {seconds:.0f} s", "", *lines, ""])
    print(f"took {seconds:.0f} s")
    if args.append_results:
        append_section(section)


if __name__ == "__main__":
    main()
