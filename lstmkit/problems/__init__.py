"""Seeded generators of the course's sequence problems, each returning a ``Problem``: ready-to-fit
``X`` and ``y``, and a ``decode`` back to readable values.

- ``echo``: remember the value at a position (lesson 5).
- ``echo_start``: echo the first values of a long, otherwise irrelevant sequence (lesson 10).
- ``damped_sine``: continue a damped sine wave (lesson 6).
- ``moving_square``: the direction of a square moving through video frames (lesson 7).
- ``addition``: '123+45' -> '168' as text (lesson 8).
- ``cumulative_sum``: label each step by whether the running sum passed a limit (lesson 9).
"""

from lstmkit.problems.addition import addition
from lstmkit.problems.base import Problem
from lstmkit.problems.cumsum import cumulative_sum
from lstmkit.problems.echo import echo, echo_start
from lstmkit.problems.sine import damped_sine
from lstmkit.problems.squares import moving_square

__all__ = ["Problem", "addition", "cumulative_sum", "damped_sine", "echo", "echo_start", "moving_square"]
