"""The ``lstmkit`` command line. Each command is a thin layer over the Python API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

import lstmkit

app = typer.Typer(
    name="lstmkit",
    help="Sequence prediction with LSTM networks: Keras-style models on a fast PyTorch engine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()


def _version(value: bool) -> None:
    if value:
        print(f"lstmkit {lstmkit.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Sequence prediction with LSTM networks: Keras-style models on a fast PyTorch engine."""


@app.command()
def demo(
    epochs: int = typer.Option(600, min=1, help="Training epochs (the seed program trains 2 x 300)."),
    seed: int = typer.Option(0, min=0, help="Random seed; the same seed gives the same result."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Train an LSTM to add one (0..99 -> 1..100) and show what it predicts for unseen numbers."""
    from lstmkit.demo import run_demo

    console.print("[bold]lstmkit demo[/]: LSTM(50, activation='relu') learns x -> x + 1 on 0..99 "
                  "(80..99 held out for validation).")
    result = run_demo(epochs=epochs, seed=seed, verbose=0 if quiet else 1)
    table = Table(title="What the model learned")
    table.add_column("input", justify="right")
    table.add_column("prediction", justify="right")
    table.add_column("expected", justify="right")
    table.add_column("role in training")
    for x, pred in zip(result.inputs, result.predictions):
        role = "trained on" if x < 80 else "validation" if x < 100 else "never seen"
        table.add_row(f"{x:g}", f"{pred:.2f}", f"{x + 1:g}", role)
    console.print(table)
    console.print(f"final loss {result.final_loss:.4f}, val_loss {result.final_val_loss:.4f}, "
                  f"{result.seconds:.1f} s")


@app.command()
def lesson(
    number: Optional[int] = typer.Argument(None, help="The lesson to run, e.g. 3."),
    list_lessons: bool = typer.Option(False, "--list", help="List the runnable lessons and exit."),
    out: Optional[Path] = typer.Option(None, "--out", help="Folder for metrics.json, report.md and "
                                       "plots (default: ./lessonNN)."),
    seed: int = typer.Option(0, min=0, help="Random seed; the same seed gives the same result."),
) -> None:
    """Run lesson N of the LSTM course: its experiment, a report, and plots."""
    from lstmkit.lessons import LESSONS, run_lesson

    if list_lessons or number is None:
        table = Table(title="Runnable lessons")
        table.add_column("lesson", justify="right")
        table.add_column("experiment")
        for entry in LESSONS.values():
            table.add_row(str(entry.number), entry.title)
        console.print(table)
        if number is None and not list_lessons:
            console.print("Run one with: lstmkit lesson N")
        return
    folder = out if out is not None else Path(f"lesson{number:02d}")
    result, files = run_lesson(number, folder, seed)
    console.print(f"\n[bold]Lesson {number}[/]: {result.metric} = {result.value:.4g} "
                  f"({result.seconds:.1f} s)")
    console.print("Wrote " + ", ".join(str(f) for f in files))


def main() -> None:
    """Entry point: user errors become one readable line and exit code 2, never a traceback."""
    try:
        app()
    except (ValueError, TypeError, FileNotFoundError, RuntimeError) as error:
        Console(stderr=True).print(f"[red]Error:[/] {error}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
