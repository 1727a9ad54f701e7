"""Engine speed: lstmkit's ``fit`` against a hand-written PyTorch loop, and ``predict`` latency.

For each configuration (batch, timesteps, features, units, layers), both train the same model
(stacked LSTMs and a Dense(1) head, MSE, Adam with the same settings) on the same data with the
same batch size. The hand-written loop is the bare minimum (no loss tracking, no validation, no
progress): shuffle with randperm, index a batch, zero_grad, forward, loss, backward, step. The two
are timed in alternating rounds in one process and the median throughput of each is reported.

Usage:
    .venv/bin/python bench/engine_speed.py [--rounds 5] [--batches 30] [--append-results]

``--append-results`` adds a dated section to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

import lstmkit
from lstmkit.layers import LSTM, Dense
from lstmkit.models import Sequential
from lstmkit.optimizers import Adam

CONFIGS = [(64, 50, 8, 64, 2), (32, 100, 1, 32, 1), (128, 30, 16, 256, 2)]
EPSILON = 1e-7


class HandWritten(nn.Module):
    def __init__(self, features: int, units: int, layers: int):
        super().__init__()
        self.lstm = nn.LSTM(features, units, num_layers=layers, batch_first=True)
        self.head = nn.Linear(units, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def hand_written_epoch(model, optimizer, x, y, batch_size):
    model.train()
    perm = torch.randperm(len(x))
    for start in range(0, len(x), batch_size):
        idx = perm[start:start + batch_size]
        xb, yb = x[idx], y[idx]
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        optimizer.step()


def lstmkit_model(timesteps, features, units, layers):
    model = Sequential()
    for i in range(layers):
        kwargs = {"input_shape": (timesteps, features)} if i == 0 else {}
        model.add(LSTM(units, return_sequences=i < layers - 1, **kwargs))
    model.add(Dense(1))
    model.compile(optimizer=Adam(learning_rate=1e-3, epsilon=EPSILON), loss="mse")
    return model


def measure_fit(config, rounds, batches):
    batch, timesteps, features, units, layers = config
    samples = batch * batches
    rng = np.random.default_rng(0)
    x = rng.standard_normal((samples, timesteps, features)).astype(np.float32)
    y = rng.standard_normal((samples, 1)).astype(np.float32)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)

    torch.manual_seed(0)
    ours = lstmkit_model(timesteps, features, units, layers)
    theirs = HandWritten(features, units, layers)
    optimizer = torch.optim.Adam(theirs.parameters(), lr=1e-3, eps=EPSILON)
    assert ours.count_params() == sum(p.numel() for p in theirs.parameters()) - 4 * units * layers

    def time_ours():
        start = time.perf_counter()
        ours.fit(x, y, batch_size=batch, epochs=1, verbose=0)
        return samples / (time.perf_counter() - start)

    def time_theirs():
        start = time.perf_counter()
        hand_written_epoch(theirs, optimizer, xt, yt, batch)
        return samples / (time.perf_counter() - start)

    time_ours(), time_theirs()  # warm-up
    ours_rates, theirs_rates = [], []
    for _ in range(rounds):
        ours_rates.append(time_ours())
        theirs_rates.append(time_theirs())
    return statistics.median(ours_rates), statistics.median(theirs_rates)


def measure_predict_latency(calls=2000):
    batch, timesteps, features, units, layers = CONFIGS[0]
    model = lstmkit_model(timesteps, features, units, layers)
    x = np.random.default_rng(1).standard_normal((1, timesteps, features)).astype(np.float32)
    for _ in range(100):
        model.predict(x)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        model.predict(x)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, float(np.percentile(times, 99)) * 1e3


def machine() -> str:
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"torch {torch.__version__} ({torch.get_num_threads()} threads), Python {platform.python_version()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed epochs per side and config")
    parser.add_argument("--batches", type=int, default=30, help="batches per epoch")
    parser.add_argument("--append-results", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    lines = ["| batch, timesteps, features, units, layers | lstmkit (samples/s) | hand-written PyTorch (samples/s) | ratio |",
             "| --- | ---: | ---: | ---: |"]
    for config in CONFIGS:
        ours, theirs = measure_fit(config, args.rounds, args.batches)
        lines.append(f"| {config} | {ours:,.0f} | {theirs:,.0f} | {ours / theirs:.3f} |")
        print(lines[-1], flush=True)
    median_ms, p99_ms = measure_predict_latency()
    latency = (f"Single-sample `predict` latency, model {CONFIGS[0]}: median {median_ms:.3f} ms, "
               f"99th percentile {p99_ms:.3f} ms.")
    print(latency)
    seconds = time.perf_counter() - started
    section = "\n".join([
        f"## Engine speed: {datetime.date.today().isoformat()}",
        "",
        f"- Machine: {machine()}",
        f"- Command: `.venv/bin/python bench/engine_speed.py --rounds {args.rounds} --batches {args.batches}`",
        f"- lstmkit {lstmkit.__version__}; took {seconds:.0f} s",
        "",
        *lines,
        "",
        latency,
        "",
    ])
    print(f"took {seconds:.0f} s")
    if args.append_results:
        path = Path(__file__).with_name("RESULTS.md")
        text = path.read_text() if path.exists() else "# Benchmark results\n\n"
        path.write_text(text.rstrip("\n") + "\n\n" + section)


if __name__ == "__main__":
    main()
