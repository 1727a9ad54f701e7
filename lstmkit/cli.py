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
# Logs and CI are not terminals; give them room for the tables instead of rich's 80 columns.
console = Console(width=None if sys.stdout.isatty() else 120)


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
    quick: bool = typer.Option(False, "--quick", help="A small version that runs in seconds (lesson 3 always does)."),
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
    result, files = run_lesson(number, folder, seed, quick)
    console.print(f"\n[bold]Lesson {number}[/]: {result.metric} = {result.value:.4g} "
                  f"({result.seconds:.1f} s)")
    console.print("Wrote " + ", ".join(str(f) for f in files))


def _columns(value: Optional[str]) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()] if value else []


@app.command()
def forecast(
    csv: Optional[str] = typer.Argument(None, help="A CSV file, or a built-in dataset name (see "
                                        "'lstmkit datasets'); default: the Airline passengers data."),
    target: Optional[str] = typer.Option(None, help="The column to forecast (needed when there are several)."),
    date_column: Optional[str] = typer.Option(None, help="The column of dates (found by name if not given)."),
    features: Optional[str] = typer.Option(None, help="Extra input columns, comma-separated."),
    lookback: Optional[int] = typer.Option(None, min=1, help="Input steps per window (default: two seasons)."),
    horizon: Optional[int] = typer.Option(None, min=1, help="Steps forecast at once (default: one season, or 1)."),
    test_size: Optional[int] = typer.Option(None, min=1, help="Final steps held out for testing "
                                            "(default: one season, or 10%)."),
    architecture: str = typer.Option("stacked", help="Model architecture: stacked or vanilla."),
    epochs: int = typer.Option(500, min=1, help="The most epochs; early stopping usually stops sooner."),
    repeats: int = typer.Option(5, min=1, help="Models trained with different seeds; mean ± std reported."),
    seed: int = typer.Option(0, min=0, help="The first random seed."),
    out: Path = typer.Option(Path("forecast"), help="Folder for the report, plots and model."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Forecast a series with an LSTM, compared with naive baselines on a held-out test period;
    writes report.html, report.md, metrics.json, plots and the model to --out."""
    from lstmkit.forecasting.job import ForecastSettings, run_forecast
    from lstmkit.forecasting.report import error_rows, write_forecast_report
    from lstmkit.forecasting.metrics import METRICS

    settings = ForecastSettings(csv=csv, target=target, date_column=date_column, features=_columns(features),
                                lookback=lookback, horizon=horizon, test_size=test_size,
                                architecture=architecture, epochs=epochs, repeats=repeats, seed=seed,
                                out=str(out), verbose=0 if quiet else 1)
    result = run_forecast(settings)
    files = write_forecast_report(result, out)
    table = Table(title=f"Test errors: last {result.settings['test_size']} steps of {result.settings['target']}")
    for column in ["method", *(m.upper() if m != "smape" else "sMAPE" for m in METRICS)]:
        table.add_column(column, justify="left" if column == "method" else "right")
    for row in error_rows(result):
        table.add_row(*row)
    for note in result.notes:
        console.print(f"[dim]{note}[/]", highlight=False)
    console.print(table)
    style = "green" if result.evaluation.beats_baselines else "bold red"
    console.print(f"[{style}]{result.evaluation.verdict()}[/]", highlight=False)
    console.print(f"Next {len(result.future)} steps: "
                  + ", ".join(f"{k}: {v:.4g}" for k, v in result.future.items()), highlight=False)
    console.print(f"Wrote {files[0]} (and report.md, metrics.json, plots, model/) in {result.seconds:.0f} s.")


@app.command()
def predict(
    model: Path = typer.Argument(..., help="A model folder written by 'lstmkit forecast' (its model/)."),
    input: Optional[Path] = typer.Option(None, "--input", help="A CSV with newer data (the same columns); the "
                                         "forecast starts after its last row. Default: after the training data."),
    horizon: Optional[int] = typer.Option(None, min=1, help="Steps to forecast (default: the model's horizon)."),
    date_column: Optional[str] = typer.Option(None, help="The date column of --input (found by name if not given)."),
    out: Optional[Path] = typer.Option(None, help="Write the forecast to this CSV file."),
) -> None:
    """Forecast beyond the end of the data with a saved model."""
    import pandas as pd

    from lstmkit.files import atomic_write_bytes
    from lstmkit.forecasting import Forecaster
    from lstmkit.forecasting.loading import read_table

    forecaster = Forecaster.load(model)
    data = None
    if input is not None:
        data, _ = read_table(input, date_column)
        forecaster.observe(data)
    values = forecaster.predict(horizon=horizon)
    index = forecaster.future_index(len(values))
    table = Table(title=f"Forecast of {forecaster.target_}")
    table.add_column("step")
    table.add_column("forecast", justify="right")
    for step, value in zip(index, values):
        table.add_row(step, f"{value:.6g}")
    console.print(table)
    if out is not None:
        table_csv = pd.DataFrame({"step": index, forecaster.target_: values}).to_csv(index=False)
        atomic_write_bytes(out, table_csv.encode())
        console.print(f"Wrote {out}")


@app.command()
def datasets() -> None:
    """List the built-in datasets (use a name in place of a CSV: lstmkit forecast shampoo)."""
    from lstmkit.datasets import DATASETS

    table = Table(title="Built-in datasets")
    table.add_column("name")
    table.add_column("contents")
    for name, description in DATASETS.items():
        table.add_row(name, description)
    console.print(table)


def main() -> None:
    """Entry point: user errors become one readable line and exit code 2, never a traceback."""
    try:
        app()
    except (ValueError, TypeError, FileNotFoundError, FileExistsError, RuntimeError) as error:
        Console(stderr=True).print(f"[red]Error:[/] {error}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        Console(stderr=True).print("Interrupted; no output was written (files are written only at the end).")
        sys.exit(130)


if __name__ == "__main__":
    main()
