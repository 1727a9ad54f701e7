"""Speed of the layer vocabulary: lstmkit's ``fit`` against a hand-written PyTorch equivalent
(same computation, same data, batch size and optimiser), for a bidirectional LSTM, masked
(right-padded) input, the CNN-LSTM, and a stateful LSTM trained over consecutive chunks.

Timed in rounds in one process, in rotating order; the ratio is the median of each round's
ratio (see engine_speed.py).

Usage:
    .venv/bin/python bench/layer_cases.py [--rounds 7] [--append-results]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

import lstmkit
from lstmkit import layers as L
from lstmkit.models import Sequential
from lstmkit.optimizers import Adam
from results import record  # bench/results.py

EPSILON = 1e-7
BATCH = 64


def loop(model, x, y, shuffle=True, before_batch=None):
    """A hand-written epoch over tensors: index a batch, zero_grad, forward, MSE, backward, step."""
    optimizer = model.optimizer
    order = torch.randperm(len(x)) if shuffle else torch.arange(len(x))
    for start in range(0, len(x), BATCH):
        index = order[start:start + BATCH]
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x[index]), y[index]).backward()
        optimizer.step()


def with_optimizer(module):
    module.optimizer = torch.optim.Adam(module.parameters(), lr=1e-3, eps=EPSILON)
    return module


def compiled(model):
    model.compile(optimizer=Adam(learning_rate=1e-3, epsilon=EPSILON), loss="mse")
    return model


class BiLSTM(nn.Module):
    def __init__(self, features, units):
        super().__init__()
        self.lstm, self.head = nn.LSTM(features, units, batch_first=True, bidirectional=True), nn.Linear(2 * units, 1)

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return self.head(torch.cat([h[0], h[1]], dim=1))


class PackedLSTM(nn.Module):
    def __init__(self, features, units):
        super().__init__()
        self.lstm, self.head = nn.LSTM(features, units, batch_first=True), nn.Linear(units, 1)

    def forward(self, x):
        lengths = (x != 0).any(-1).sum(1)
        _, (h, _) = self.lstm(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
        return self.head(h[0])


class CnnLstm(nn.Module):
    def __init__(self, steps, features):
        super().__init__()
        self.conv, self.lstm, self.head = nn.Conv1d(features, 64, 1), nn.LSTM(64 * (steps // 2), 50, batch_first=True), nn.Linear(50, 1)

    def forward(self, x):  # (N, S, steps, features)
        n, s = x.shape[:2]
        z = torch.relu(self.conv(x.reshape(n * s, *x.shape[2:]).transpose(1, 2)))
        z = nn.functional.max_pool1d(z, 2).transpose(1, 2).reshape(n, s, -1)
        return self.head(self.lstm(z)[0][:, -1])


class StatefulLSTM(nn.Module):
    def __init__(self, features, units):
        super().__init__()
        self.lstm, self.head, self.state = nn.LSTM(features, units, batch_first=True), nn.Linear(units, 1), None

    def forward(self, x):
        out, state = self.lstm(x, self.state)
        self.state = tuple(s.detach() for s in state)
        return self.head(out)


def cases(rng):
    """(name, samples, our epoch, hand-written epoch) for each case."""
    x = torch.from_numpy(rng.standard_normal((BATCH * 20, 50, 8)).astype(np.float32))
    y = torch.from_numpy(rng.standard_normal((BATCH * 20, 1)).astype(np.float32))
    padded = x.clone()
    lengths = rng.integers(10, 51, len(x))
    for row, length in enumerate(lengths):
        padded[row, length:] = 0.0
    video = torch.from_numpy(rng.standard_normal((BATCH * 20, 4, 8, 1)).astype(np.float32))
    chunks = torch.from_numpy(rng.standard_normal((BATCH * 20, 25, 8)).astype(np.float32))
    chunk_y = torch.from_numpy(rng.standard_normal((BATCH * 20, 25, 1)).astype(np.float32))

    bi = compiled(Sequential([L.Bidirectional(L.LSTM(64), input_shape=(50, 8)), L.Dense(1)]))
    masked = compiled(Sequential([L.Masking(0.0, input_shape=(50, 8)), L.LSTM(64), L.Dense(1)]))
    cnn = compiled(Sequential([L.TimeDistributed(L.Conv1D(64, 1, activation="relu"), input_shape=(4, 8, 1)),
                               L.TimeDistributed(L.MaxPooling1D(2)), L.TimeDistributed(L.Flatten()), L.LSTM(50),
                               L.Dense(1)]))
    stateful = compiled(Sequential([L.Input(batch_shape=(BATCH, 25, 8)),
                                    L.LSTM(64, stateful=True, return_sequences=True), L.Dense(1)]))
    hand = {"bi": with_optimizer(BiLSTM(8, 64)), "masked": with_optimizer(PackedLSTM(8, 64)),
            "cnn": with_optimizer(CnnLstm(8, 1)), "stateful": with_optimizer(StatefulLSTM(8, 64))}
    fit = dict(batch_size=BATCH, epochs=1, verbose=0)
    return [
        ("Bidirectional(LSTM(64)), (64, 50, 8)", len(x), lambda: bi.fit(x, y, **fit), lambda: loop(hand["bi"], x, y)),
        ("Masking + LSTM(64), right-padded lengths 10..50", len(x), lambda: masked.fit(padded, y, **fit),
         lambda: loop(hand["masked"], padded, y)),
        ("CNN-LSTM: TimeDistributed Conv1D(64)/MaxPooling1D/Flatten + LSTM(50), (64, 4, 8, 1)", len(video),
         lambda: cnn.fit(video, y, **fit), lambda: loop(hand["cnn"], video, y)),
        ("stateful LSTM(64) over consecutive chunks, (64, 25, 8)", len(chunks),
         lambda: stateful.fit(chunks, chunk_y, shuffle=False, **fit), lambda: loop(hand["stateful"], chunks, chunk_y, shuffle=False)),
    ]


def paired(ours, theirs, samples, rounds):
    ours(), theirs()  # warm-up
    rates, ratios = {"ours": [], "theirs": []}, []
    for round_ in range(rounds):
        pair = [("ours", ours), ("theirs", theirs)]
        for key, run in (pair if round_ % 2 == 0 else pair[::-1]):
            start = time.perf_counter()
            run()
            rates[key].append(samples / (time.perf_counter() - start))
        ratios.append(rates["ours"][-1] / rates["theirs"][-1])
    return statistics.median(rates["ours"]), statistics.median(rates["theirs"]), statistics.median(ratios), min(ratios)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--append-results", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    torch.manual_seed(0)
    lines = ["| case | lstmkit (samples/s) | hand-written PyTorch (samples/s) | ratio: median (lowest) |",
             "| --- | ---: | ---: | ---: |"]
    for name, samples, ours, theirs in cases(np.random.default_rng(0)):
        a, b, ratio, lowest = paired(ours, theirs, samples, args.rounds)
        lines.append(f"| {name} | {a:,.0f} | {b:,.0f} | {ratio:.3f} ({lowest:.3f}) |")
        print(lines[-1], flush=True)
    seconds = time.perf_counter() - started
    print(f"took {seconds:.0f} s")
    if args.append_results:
        record("Layer cases", [
            f"Command: `.venv/bin/python bench/layer_cases.py --rounds {args.rounds}`; lstmkit {lstmkit.__version__}, "
            f"torch {torch.__version__} ({torch.get_num_threads()} threads); took {seconds:.0f} s"], lines)


if __name__ == "__main__":
    main()
