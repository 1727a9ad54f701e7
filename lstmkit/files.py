"""Writing files so that a crash never leaves half a file, nor destroys the previous one."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Until the rename, an existing file at ``path`` is untouched; if anything fails, the temporary
    file is removed and the old file stays as it was.

    Raises:
        FileNotFoundError: when the folder of ``path`` does not exist.
        IsADirectoryError: when ``path`` is a folder.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"Cannot save to {str(path)!r}: it is a folder. Give a file name, e.g. {str(path / 'model.lstmkit')!r}.")
    if not path.parent.exists():
        raise FileNotFoundError(f"Cannot save to {str(path)!r}: the folder {str(path.parent)!r} does not exist.")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


@contextmanager
def atomic_directory(path: str | os.PathLike, replaceable: Callable[[Path], bool]) -> Iterator[Path]:
    """Build a folder under a temporary name, then move it to ``path`` in one step.

    An existing folder at ``path`` is replaced only if ``replaceable(path)`` says it is one of
    ours (a previous model or report), so a wrong path never deletes a user's files. If anything
    fails, the temporary folder is removed and ``path`` is left as it was.

    Raises:
        FileExistsError: when ``path`` exists and is not ours to replace.
        FileNotFoundError: when the parent folder does not exist.
    """
    path = Path(path)
    if not path.parent.exists():
        raise FileNotFoundError(f"Cannot write {str(path)!r}: the folder {str(path.parent)!r} does not exist.")
    if path.exists() and not (path.is_dir() and (not any(path.iterdir()) or replaceable(path))):
        raise FileExistsError(f"{str(path)!r} exists and is not an lstmkit output folder; choose another "
                              "path, or remove it first.")
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        yield temporary
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=path.parent))
            os.replace(path, old / path.name)
            os.replace(temporary, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temporary, path)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
