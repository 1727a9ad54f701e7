"""Addition as text: '123+45' -> '168', character by character (lesson 8)."""

from __future__ import annotations

import numpy as np

from lstmkit._checks import positive_int
from lstmkit.data import from_categorical, to_categorical
from lstmkit.problems.base import Problem, generator

ALPHABET = "0123456789+ "  # space pads on the left


def encode_text(texts: list[str], width: int) -> np.ndarray:
    """Left-pad each text to ``width`` with spaces and one-hot encode its characters."""
    indices = np.array([[ALPHABET.index(c) for c in text.rjust(width)] for text in texts])
    return to_categorical(indices, len(ALPHABET))


def decode_text(one_hot: np.ndarray) -> list[str]:
    """Characters from one-hot vectors or probabilities ``(samples, steps, len(ALPHABET))``."""
    return ["".join(ALPHABET[i] for i in row).strip() for row in from_categorical(one_hot)]


def addition(samples: int, digits: int = 3, seed: int | None = None) -> Problem:
    """Random sums of two numbers with up to ``digits`` digits, as text: the input
    '123+45' (left-padded with spaces to ``2 * digits + 1`` characters), the target '168'
    (left-padded to ``digits + 1``), both one-hot over ``ALPHABET``.

    Shapes:
        X ``(samples, 2 * digits + 1, 12)``; y ``(samples, digits + 1, 12)``; ``decode`` -> strings.

    Example:
        >>> problem = addition(2, digits=2, seed=0)
        >>> decode_text(problem.X), problem.decode(problem.y)
        (['85+51', '63+26'], ['136', '89'])
    """
    samples, digits = positive_int(samples, "samples"), positive_int(digits, "digits")
    rng = generator(seed)
    a, b = rng.integers(0, 10 ** digits, samples), rng.integers(0, 10 ** digits, samples)
    questions = [f"{x}+{y}" for x, y in zip(a, b)]
    answers = [str(x + y) for x, y in zip(a, b)]
    return Problem(encode_text(questions, 2 * digits + 1), encode_text(answers, digits + 1), decode_text,
                   f"add two numbers of up to {digits} digits written as text")
