"""Problem generators: shapes, determinism, and targets that are right."""

import numpy as np
import pytest

from lstmkit import problems
from lstmkit.problems.addition import decode_text

GENERATORS = {
    "echo": lambda seed: problems.echo(20, length=6, n_values=7, position=2, seed=seed),
    "damped_sine": lambda seed: problems.damped_sine(20, length=30, horizon=5, seed=seed),
    "moving_square": lambda seed: problems.moving_square(20, size=8, seed=seed),
    "addition": lambda seed: problems.addition(20, digits=3, seed=seed),
    "cumulative_sum": lambda seed: problems.cumulative_sum(20, length=10, seed=seed),
}
SHAPES = {
    "echo": ((20, 6, 7), (20, 7)), "damped_sine": ((20, 30, 1), (20, 5)),
    "moving_square": ((20, 8, 8, 8, 1), (20, 1)), "addition": ((20, 7, 12), (20, 4, 12)),
    "cumulative_sum": ((20, 10, 1), (20, 10, 1)),
}


@pytest.mark.parametrize("name", GENERATORS)
def test_shapes_and_determinism(name):
    a, b, c = GENERATORS[name](1), GENERATORS[name](1), GENERATORS[name](2)
    assert (a.X.shape, a.y.shape) == SHAPES[name]
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)
    assert a.description


def test_echo_target_is_the_value_at_the_position():
    problem = GENERATORS["echo"](0)
    np.testing.assert_array_equal(problem.decode(problem.y), problem.X[:, 2].argmax(-1))


def test_addition_answers_are_the_sums():
    problem = GENERATORS["addition"](0)
    for question, answer in zip(decode_text(problem.X), problem.decode(problem.y)):
        left, right = question.split("+")
        assert int(left) + int(right) == int(answer)


def test_cumulative_sum_labels_follow_the_running_sum():
    problem = problems.cumulative_sum(5, length=8, limit=2.0, seed=3)
    expected = (np.cumsum(problem.X[..., 0], axis=1) > 2.0).astype(int)
    np.testing.assert_array_equal(problem.decode(problem.y), expected)


def test_moving_square_moves_one_column_per_frame_in_its_direction():
    problem = problems.moving_square(6, size=7, seed=4)
    columns = problem.X[..., 0].max(axis=2).argmax(axis=-1)  # (samples, frames)
    for row, label in zip(columns, problem.y[:, 0]):
        assert np.all(np.diff(row) == (1 if label == 1 else -1))


def test_damped_sine_continues_the_same_wave():
    problem = problems.damped_sine(4, length=20, horizon=3, seed=5)
    assert np.abs(problem.X).max() <= 1 and np.abs(problem.y).max() <= 1
    assert np.abs(problem.y[:, 0] - problem.X[:, -1, 0]).max() < 0.7  # one step on, not a jump


@pytest.mark.parametrize("call,match", [
    (lambda: problems.echo(5, length=4, position=4), r"position must be in \[0, 4\)"),
    (lambda: problems.moving_square(2, frames=12, size=10), "frames \\(12\\) cannot exceed the frame width"),
    (lambda: problems.addition(0), "samples must be a positive integer"),
])
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()
