"""Appending a dated section to bench/RESULTS.md."""

from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def append_section(section: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    RESULTS.write_text(text.rstrip("\n") + "\n\n" + section)
