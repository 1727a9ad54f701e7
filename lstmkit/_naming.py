"""Turning user-facing names into objects, with errors that list the known names."""

from __future__ import annotations

from typing import Mapping, TypeVar

T = TypeVar("T")


def lookup(kind: str, name: str, known: Mapping[str, T], plural: str | None = None) -> T:
    """Return ``known[name]`` (case-insensitive), or raise a ValueError listing the known names.

    Raises:
        TypeError: if ``name`` is not a string.
        ValueError: if ``name`` is not one of ``known``.
    """
    if not isinstance(name, str):
        raise TypeError(f"{kind} must be given by name (a string); got {type(name).__name__} {name!r}.")
    key = name.lower()
    if key not in known:
        options = ", ".join(repr(k) for k in sorted(known))
        raise ValueError(f"Unknown {kind} {name!r}. Known {plural or kind + 's'}: {options}.")
    return known[key]
