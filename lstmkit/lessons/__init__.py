"""The course's lessons as runnable experiments: ``lstmkit lesson N``.

Each lesson module has a ``run(out, seed, quick)`` that does the experiment, prints what happens,
writes its plots into ``out``, and returns a ``LessonResult``; ``run_lesson`` adds the report
files. ``quick`` runs a small version in seconds (for CI); the default runs the real experiment.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lstmkit.lessons import lesson03, lesson04, lesson05, lesson06, lesson07, lesson08, lesson09, lesson10
from lstmkit.lessons.report import LessonResult, write_report


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str
    run: Callable[[Path, int, bool], LessonResult]


LESSONS = {
    3: Lesson(3, "How to prepare data for LSTMs: a series turned step by step into training data",
              lesson03.run),
    4: Lesson(4, "How to develop LSTMs: the 5-step life-cycle on a small sequence", lesson04.run),
    5: Lesson(5, "Vanilla LSTM: echo a value from the start of a random sequence", lesson05.run),
    6: Lesson(6, "Stacked vs vanilla LSTM on damped sine waves (similar parameter counts)", lesson06.run),
    7: Lesson(7, "CNN-LSTM: the direction of a square moving through video frames", lesson07.run),
    8: Lesson(8, "Encoder-decoder LSTM: add numbers written as text ('123+45' -> '168')", lesson08.run),
    9: Lesson(9, "Forward vs backward vs bidirectional LSTM on cumulative sums; the merge modes", lesson09.run),
    10: Lesson(10, "Attention vs a plain encoder-decoder as the input grows long (echo the first values)",
               lesson10.run),
}


def run_lesson(number: int, out: Path, seed: int = 0, quick: bool = False) -> tuple[LessonResult, list[Path]]:
    """Run lesson ``number``, write its files into ``out``, and return the result and the files.

    Raises:
        ValueError: when there is no such lesson.
    """
    if number not in LESSONS:
        available = ", ".join(str(n) for n in sorted(LESSONS))
        raise ValueError(f"There is no runnable lesson {number}; available: {available} "
                         "(see lstmkit lesson --list).")
    started = time.perf_counter()
    Path(out).mkdir(parents=True, exist_ok=True)
    result = LESSONS[number].run(Path(out), seed, quick)
    result.seconds = time.perf_counter() - started
    return result, write_report(result, Path(out))
