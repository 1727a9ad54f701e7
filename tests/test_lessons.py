"""The lessons, run end to end through the command line."""

import json
import subprocess
import sys

import pytest

from lstmkit.datasets import load_airline, load_shampoo


def lstmkit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "lstmkit", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_lesson_3_writes_metrics_report_and_plot(tmp_path):
    out = tmp_path / "l3"
    result = lstmkit("lesson", "3", "--out", str(out))
    assert result.returncode == 0, result.stderr
    printed = " ".join(result.stdout.split())  # the terminal width may wrap lines anywhere
    assert "Windows (zero-copy views)" in printed and "shape (120, 12, 1)" in printed
    metrics = json.loads((out / "metrics.json").read_text())
    assert set(metrics) == {"lesson", "metric", "value", "results", "settings", "seconds"}
    assert metrics["lesson"] == 3 and metrics["metric"] == "pipeline_roundtrip_max_abs_error"
    assert metrics["value"] < 1e-6
    assert metrics["results"]["windows_share_memory"] is True
    assert metrics["results"]["scaled_test_max"] > 1.0 >= metrics["results"]["leaky_scaled_test_max"]
    assert len(metrics["results"]["stages"]) == 10
    report = (out / "report.md").read_text()
    assert report.startswith("# Lesson 3") and "![stages](stages.png)" in report
    assert (out / "stages.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_lesson_default_folder(tmp_path):
    assert lstmkit("lesson", "3", cwd=tmp_path).returncode == 0
    assert (tmp_path / "lesson03" / "metrics.json").exists()


@pytest.mark.parametrize("number,metric,plots", [
    (4, "mse", ["learning_curve.png"]),
    (5, "accuracy", ["learning_curves.png"]),
    (6, "stacked_rmse", ["forecasts.png", "learning_curves.png"]),
    (7, "accuracy", ["video.png", "learning_curves.png"]),
    (8, "exact_match_accuracy", ["learning_curves.png"]),
    (9, "accuracy_forward_and_bidirectional_min", ["learning_curves.png", "merge_modes.png"]),
    (10, "attention_accuracy_longest", ["accuracy_by_length.png", "attention_heatmap.png"]),
])
def test_lessons_run_quick_end_to_end(number, metric, plots, tmp_path):
    out = tmp_path / f"l{number}"
    result = lstmkit("lesson", str(number), "--quick", "--seed", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["lesson"] == number and metrics["metric"] == metric
    assert isinstance(metrics["value"], float) and metrics["results"] and metrics["seconds"] > 0
    assert metrics["settings"]["quick"] is True and metrics["settings"]["seed"] == 1
    report = (out / "report.md").read_text()
    assert report.startswith(f"# Lesson {number}") and "## The lesson's questions" in report
    assert f"lstmkit lesson {number} --seed 1 --quick" in report
    for plot in plots:
        assert (out / plot).read_bytes()[:4] == b"\x89PNG" and f"({plot})" in report


def test_lesson_list_and_unknown_lesson():
    listing = lstmkit("lesson", "--list")
    assert listing.returncode == 0 and "How to prepare data for LSTMs" in " ".join(listing.stdout.split())
    unknown = lstmkit("lesson", "42")
    assert unknown.returncode == 2
    assert "There is no runnable lesson 42; available: 3, 4, 5, 6, 7, 8, 9, 10" in " ".join(unknown.stderr.split())
    assert "Traceback" not in unknown.stderr


def test_built_in_datasets():
    airline, shampoo = load_airline(), load_shampoo()
    assert len(airline) == 144 and airline.index.is_monotonic_increasing and airline.notna().all()
    assert len(shampoo) == 36 and shampoo.name == "Sales"
