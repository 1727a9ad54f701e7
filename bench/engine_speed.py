"""Engine speed: lstmkit's ``fit`` against a hand-written PyTorch loop, and ``predict`` latency.

For each configuration (batch, timesteps, features, units, layers), all train the same model
(stacked LSTMs and a Dense(1) head, MSE, Adam with the same settings) on the same data with the
same batch size; throughputs are in samples/s. The hand-written loop is the bare minimum (no loss tracking, no validation, no
progress): shuffle with randperm, index a batch, zero_grad, forward, loss, backward, step. It
runs in two forms (one multi-layer nn.LSTM; one nn.LSTM per layer) and lstmkit is compared with
the faster. All are timed in rounds in one process, in rotating order; the throughputs are
medians over rounds, and the ratio is the median of each round's ratio (runs in one round are
close in time, so load from elsewhere on the machine affects them alike).

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

import numpy as np
import torch
from torch import nn

import lstmkit
from lstmkit.layers import LSTM, Dense
from lstmkit.models import Sequential
from lstmkit.optimizers import Adam
from results import append_section  # bench/results.py

CONFIGS = [(64, 50, 8, 64, 2), (32, 100, 1, 32, 1), (128, 30, 16, 256, 2)]
EPSILON = 1e-7


class HandWritten(nn.Module):
    """The same model in plain PyTorch: one multi-layer nn.LSTM, or (per_layer) one nn.LSTM per
    layer as lstmkit runs it; on CPU the second is a few percent faster for two layers."""

    def __init__(self, features: int, units: int, layers: int, per_layer: bool = False):
        super().__init__()
        if per_layer:
            self.lstms = nn.ModuleList(nn.LSTM(features if i == 0 else units, units, batch_first=True)
                                       for i in range(layers))
        else:
            self.lstms = nn.ModuleList([nn.LSTM(features, units, num_layers=layers, batch_first=True)])
        self.head = nn.Linear(units, 1)

    def forward(self, x):
        for lstm in self.lstms:
            x, _ = lstm(x)
        return self.head(x[:, -1])


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
    hand_written = {}
    for per_layer in (False, True):
        module = HandWritten(features, units, layers, per_layer)
        hand_written[per_layer] = (module, torch.optim.Adam(module.parameters(), lr=1e-3, eps=EPSILON))
        # Same weights count, less PyTorch's second bias per gate that Keras (and lstmkit) lack.
        assert ours.count_params() == sum(p.numel() for p in module.parameters()) - 4 * units * layers

    def time_ours():
        start = time.perf_counter()
        ours.fit(x, y, batch_size=batch, epochs=1, verbose=0)
        return samples / (time.perf_counter() - start)

    def time_theirs(per_layer):
        module, optimizer = hand_written[per_layer]
        start = time.perf_counter()
        hand_written_epoch(module, optimizer, xt, yt, batch)
        return samples / (time.perf_counter() - start)

    timers = {"ours": time_ours, False: lambda: time_theirs(False), True: lambda: time_theirs(True)}
    rates = {key: [] for key in timers}
    ratios = []
    for timer in timers.values():
        timer()  # warm-up
    for round_ in range(rounds):
        keys = list(timers)
        keys = keys[round_ % 3:] + keys[:round_ % 3]  # rotate the order, so none always goes first
        for key in keys:
            rates[key].append(timers[key]())
        # Paired within a round: neighbours' load on this machine shifts all three alike.
        ratios.append(rates["ours"][-1] / max(rates[False][-1], rates[True][-1]))
    medians = {key: statistics.median(values) for key, values in rates.items()}
    medians["ratio"] = statistics.median(ratios)
    medians["ratio_min"] = min(ratios)
    return medians


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
    parser.add_argument("--rounds", type=int, default=11, help="timed epochs per side and config")
    parser.add_argument("--batches", type=int, default=30, help="batches per epoch")
    parser.add_argument("--append-results", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    lines = ["| batch, timesteps, features, units, layers | lstmkit | hand-written, one nn.LSTM | "
             "hand-written, nn.LSTM per layer | lstmkit / faster hand-written: median (lowest) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for config in CONFIGS:
        rates = measure_fit(config, args.rounds, args.batches)
        lines.append(f"| {config} | {rates['ours']:,.0f} | {rates[False]:,.0f} | {rates[True]:,.0f} | "
                     f"{rates['ratio']:.3f} ({rates['ratio_min']:.3f}) |")
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
        append_section(section)


if __name__ == "__main__":
    main()
