"""Appending a dated section to bench/RESULTS.md."""

import datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def append_section(section: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    RESULTS.write_text(text.rstrip("\n") + "\n\n" + section)


def record(title: str, details: list[str], table: list[str], notes: list[str] = ()) -> None:
    """Append ``## title: date``, the bullet ``details`` (command, versions, time), the table and notes."""
    lines = [f"## {title}: {datetime.date.today().isoformat()}", "", *(f"- {d}" for d in details), "", *table, ""]
    append_section("\n".join([*lines, *notes, ""] if notes else lines))
