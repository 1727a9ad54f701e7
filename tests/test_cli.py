"""The command line, tested by running it."""

import subprocess
import sys

import lstmkit


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lstmkit", *args], capture_output=True, text=True, timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"lstmkit {lstmkit.__version__}"


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "demo" in result.stdout


def test_demo_runs_and_reports_predictions():
    result = run("demo", "--epochs", "20", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "What the model learned" in result.stdout
    assert "never seen" in result.stdout


def test_bad_option_exits_with_usage_error():
    result = run("demo", "--epochs", "0")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
