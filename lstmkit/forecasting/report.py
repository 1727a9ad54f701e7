"""The forecast report: ``metrics.json``, ``report.md``, a self-contained ``report.html`` (plots
embedded), the plots as PNG, and the saved model, all written to a temporary folder first."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from lstmkit.files import atomic_directory, atomic_write_bytes  # noqa: E402
from lstmkit.forecasting.job import ForecastResult  # noqa: E402
from lstmkit.forecasting.metrics import METRICS  # noqa: E402

LABELS = {"model": "LSTM (mean ± std)", "ensemble": "LSTM (averaged forecast)",
          "persistence": "persistence", "seasonal_naive": "seasonal naive", "mean": "training mean"}


def metrics_json(result: ForecastResult) -> dict:
    evaluation = result.evaluation
    model = {**evaluation.metrics, **{f"{m}_std": evaluation.metrics_std[m] for m in METRICS}}
    return {"model": model, "ensemble": evaluation.ensemble_metrics, "baselines": evaluation.baseline_metrics,
            "best_baseline": evaluation.best_baseline, "beats_baselines": evaluation.beats_baselines,
            "verdict": evaluation.verdict(), "future": dict(zip(result.future.index, result.future.tolist())),
            "settings": result.settings, "notes": result.notes, "seconds": round(result.seconds, 2)}


def error_rows(result: ForecastResult) -> list[list[str]]:
    """Rows of the error table: method, then each metric (mean +- std for the LSTM)."""
    evaluation = result.evaluation
    rows = [[LABELS["model"], *(f"{evaluation.metrics[m]:.4g} ± {evaluation.metrics_std[m]:.2g}" for m in METRICS)],
            [LABELS["ensemble"], *(f"{evaluation.ensemble_metrics[m]:.4g}" for m in METRICS)]]
    for name, values in evaluation.baseline_metrics.items():
        rows.append([LABELS[name], *(f"{values[m]:.4g}" for m in METRICS)])
    return rows


def plot_forecast(result: ForecastResult, path: Path) -> None:
    series, start, evaluation = result.series, result.test_start, result.evaluation
    shown = max(0, start - 4 * max(len(evaluation.actual), result.settings["lookback"]))
    x = np.arange(len(series))
    figure, axis = plt.subplots(figsize=(10, 4.5))
    axis.plot(x[shown:start], series.to_numpy()[shown:start], color="0.45", label="training data")
    axis.plot(x[start:], evaluation.actual, color="black", linewidth=2, label="actual (test)")
    axis.fill_between(x[start:], evaluation.forecasts.min(axis=0), evaluation.forecasts.max(axis=0),
                      color="tab:red", alpha=0.2, label="LSTM repeats (range)")
    axis.plot(x[start:], evaluation.forecast, color="tab:red", linewidth=2, label="LSTM forecast")
    for name, style in (("seasonal_naive", "--"), ("persistence", ":")):
        axis.plot(x[start:], evaluation.baselines[name], style, color="tab:blue" if name == "persistence" else "tab:green",
                  label=LABELS[name])
    future_x = np.arange(len(series), len(series) + len(result.future))
    axis.plot(future_x, result.future.to_numpy(), color="tab:purple", linewidth=2, label="forecast beyond the data")
    axis.axvline(start - 0.5, color="0.7", linewidth=0.8)
    labels = [str(i.date()) if hasattr(i, "date") else str(i) for i in series.index]
    ticks = np.linspace(shown, len(series) - 1, 6).astype(int)
    axis.set_xticks(ticks, [labels[t] for t in ticks])
    axis.set_title(f"{result.settings['target']}: test period and forecast")
    axis.legend(fontsize=8, loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def plot_learning_curves(result: ForecastResult, path: Path) -> None:
    figure, axis = plt.subplots(figsize=(10, 3.5))
    for index, history in enumerate(result.forecaster.histories_):
        axis.plot(history["loss"], color="tab:blue", alpha=0.6, label="train" if index == 0 else None)
        axis.plot(history["val_loss"], color="tab:orange", alpha=0.8, label="validation" if index == 0 else None)
    axis.set_yscale("log")
    axis.set_xlabel("epoch")
    axis.set_ylabel("loss (MSE, normalised)")
    axis.set_title("Learning curves of each repeat (early stopping chooses the epochs)")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _sections(result: ForecastResult) -> dict:
    header = ["method", *(m.upper() if m != "smape" else "sMAPE" for m in METRICS)]
    settings = [[key, str(value)] for key, value in result.settings.items() if key not in ("out", "verbose")]
    future = [[str(k), f"{v:.6g}"] for k, v in result.future.items()]
    return {"errors": (header, error_rows(result)), "settings": (["setting", "value"], settings),
            "future": (["step", f"forecast of {result.settings['target']}"], future)}


def markdown(result: ForecastResult) -> str:
    sections = _sections(result)
    notes = "\n".join(f"- {note}" for note in result.notes)
    return f"""# Forecast of {result.settings['target']} ({result.settings['csv']})

**{result.evaluation.verdict()}**

Test period: the last {result.settings['test_size']} steps, forecast {result.settings['horizon']} at a time
from data before each forecast; the LSTM never saw them. Errors over {result.settings['repeats']} models
trained with different seeds (mean ± std), and of their averaged forecast.

{_markdown_table(*sections['errors'])}

![forecast](forecast.png)

![learning curves](learning_curves.png)

## Forecast beyond the data

{_markdown_table(*sections['future'])}

## Data

{notes}

## Settings (chosen from the data where not given)

{_markdown_table(*sections['settings'])}

Reproduce: `lstmkit forecast {result.settings['csv'] if result.settings['csv'] != 'airline' else ''} --target "{result.settings['target']}" --horizon {result.settings['horizon']} --test-size {result.settings['test_size']} --repeats {result.settings['repeats']} --seed {result.settings['seed']}`.
Predict from the saved model: `lstmkit predict {result.settings['out']}/model`.
"""


def html_report(result: ForecastResult, images: dict[str, bytes]) -> str:
    sections = _sections(result)
    embedded = {name: "data:image/png;base64," + base64.b64encode(data).decode() for name, data in images.items()}
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
    verdict_class = "good" if result.evaluation.beats_baselines else "bad"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Forecast of {html.escape(result.settings['target'])}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:right}}
td:first-child,th:first-child{{text-align:left}}img{{max-width:100%}}.good{{color:#176b2c}}.bad{{color:#a31515}}</style>
</head><body>
<h1>Forecast of {html.escape(result.settings['target'])} ({html.escape(result.settings['csv'])})</h1>
<p class="{verdict_class}"><strong>{html.escape(result.evaluation.verdict())}</strong></p>
<p>Test period: the last {result.settings['test_size']} steps, forecast {result.settings['horizon']} at a time; errors over
{result.settings['repeats']} models trained with different seeds (mean ± std), and of their averaged forecast.</p>
{_html_table(*sections['errors'])}
<img alt="forecast" src="{embedded['forecast.png']}">
<img alt="learning curves" src="{embedded['learning_curves.png']}">
<h2>Forecast beyond the data</h2>{_html_table(*sections['future'])}
<h2>Data</h2><ul>{notes}</ul>
<h2>Settings</h2>{_html_table(*sections['settings'])}
<script>window.addEventListener("load", function () {{
  var shown = Array.from(document.images).filter(function (i) {{ return i.complete && i.naturalWidth > 0; }});
  document.body.setAttribute("data-images-shown", shown.length);
}});</script>
</body></html>
"""


def is_report_folder(path: Path) -> bool:
    try:
        return "verdict" in json.loads((path / "metrics.json").read_text())
    except (OSError, ValueError, TypeError):
        return False


def write_forecast_report(result: ForecastResult, out: Path) -> list[Path]:
    """Write everything into ``out`` in one step (a temporary folder renamed at the end)."""
    with atomic_directory(out, is_report_folder) as folder:
        plot_forecast(result, folder / "forecast.png")
        plot_learning_curves(result, folder / "learning_curves.png")
        images = {name: (folder / name).read_bytes() for name in ("forecast.png", "learning_curves.png")}
        atomic_write_bytes(folder / "metrics.json", json.dumps(metrics_json(result), indent=2).encode())
        atomic_write_bytes(folder / "report.md", markdown(result).encode())
        atomic_write_bytes(folder / "report.html", html_report(result, images).encode())
        result.forecaster.save(folder / "model")
    return [out / name for name in ("report.html", "report.md", "metrics.json", "forecast.png",
                                    "learning_curves.png", "model")]
