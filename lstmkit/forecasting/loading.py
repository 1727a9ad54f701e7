"""Reading a CSV file (or a built-in dataset) as a time-ordered table, noting what was done."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATE_WORDS = ("date", "time", "month", "day", "timestamp", "period", "year", "week", "hour")


def _find_date_column(frame: pd.DataFrame) -> str | None:
    for column in frame.columns:
        if any(word in str(column).lower() for word in DATE_WORDS):
            return str(column)
    return None


def read_table(path: str | Path, date_column: str | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Read a CSV into a DataFrame indexed by its dates, oldest first.

    The date column is ``date_column`` or the first column whose name looks like a date ('Date',
    'Month', 'timestamp', ...). Files that run newest-first are sorted, and the notes say so.

    Returns:
        The table and a list of notes for the report.

    Raises:
        FileNotFoundError: when the file does not exist.
        ValueError: for an empty or unreadable file, an unknown date column, or dates that do not parse.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No such file: {str(path)!r}." + (" It is a folder." if path.is_dir() else ""))
    try:
        frame = pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise ValueError(f"{str(path)!r} cannot be read as CSV: {error}".strip()) from None
    if frame.empty:
        raise ValueError(f"{str(path)!r} has no data rows.")
    notes = [f"Read {len(frame)} rows and {len(frame.columns)} columns from {path.name}."]
    return _index_by_dates(frame, date_column, notes), notes


def _index_by_dates(frame: pd.DataFrame, date_column: str | None, notes: list[str]) -> pd.DataFrame:
    if date_column is not None and date_column not in frame.columns:
        raise ValueError(f"Unknown date column {date_column!r}. The columns are: {', '.join(map(str, frame.columns))}.")
    column = date_column or _find_date_column(frame)
    if column is None:
        notes.append("No date column found; rows are taken in file order.")
        return frame
    raw = frame[column]
    dates = pd.to_datetime(raw, errors="coerce", format="mixed")
    bad = raw[dates.isna() & raw.notna()]
    if len(bad) or dates.isna().all():
        example = bad.iloc[0] if len(bad) else raw.iloc[0]
        raise ValueError(f"Column {column!r} cannot be read as dates: {example!r} (row {bad.index[0] if len(bad) else 0}) "
                         "is not a date. Fix the value, or name the right column with --date-column.")
    frame = frame.drop(columns=[column]).set_index(pd.DatetimeIndex(dates, name=column))
    if frame.index.is_monotonic_decreasing and len(frame) > 1:
        frame = frame.iloc[::-1]
        notes.append(f"The rows ran newest-first; sorted oldest-first by {column!r}.")
    elif not frame.index.is_monotonic_increasing:
        frame = frame.sort_index(kind="stable")
        notes.append(f"The rows were out of order; sorted by {column!r}.")
    duplicates = int(frame.index.duplicated().sum())
    if duplicates:
        notes.append(f"{duplicates} rows repeat an earlier date; the last of each is kept.")
        frame = frame[~frame.index.duplicated(keep="last")]
    return frame
