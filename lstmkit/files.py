"""Writing files so that a crash never leaves half a file, nor destroys the previous one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
