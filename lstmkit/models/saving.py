"""Model files: one safetensors file holding the weights, with the model's configuration as JSON
in the file's metadata. Never a pickle: loading parses JSON and raw tensors and rebuilds layers
from lstmkit's own registry, so an untrusted file cannot run code.

Layout of the metadata (all strings, as safetensors requires):
    format          "lstmkit.model"
    format_version  "1"
    lstmkit_version the version that wrote the file
    config          JSON: the model's ``get_config()``
    optimizer       JSON: the optimiser's param_groups, when its state is saved
    checksum        SHA-256 over every tensor's name, dtype, shape and bytes
Tensors: ``module.<name>`` for weights, ``optimizer.<index>.<name>`` for optimiser state.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save as safetensors_bytes

from lstmkit.files import atomic_write_bytes

FORMAT = "lstmkit.model"
FORMAT_VERSION = 1


class ModelFileError(ValueError):
    """A file that cannot be loaded as an lstmkit model: truncated, corrupted, or foreign."""


def checksum(tensors: dict[str, torch.Tensor]) -> str:
    digest = hashlib.sha256()
    for name in sorted(tensors):
        tensor = tensors[name].detach().cpu().contiguous()
        digest.update(f"{name}|{tensor.dtype}|{tuple(tensor.shape)}|".encode())
        digest.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def write(path: str | os.PathLike, config: dict[str, Any], tensors: dict[str, torch.Tensor],
          optimizer_groups: list[dict[str, Any]] | None = None) -> Path:
    """Write a model file atomically (see the module docstring for the layout)."""
    from lstmkit import __version__

    tensors = {name: t.detach().cpu().contiguous() for name, t in tensors.items()}
    metadata = {
        "format": FORMAT,
        "format_version": str(FORMAT_VERSION),
        "lstmkit_version": __version__,
        "config": json.dumps(config),
        "checksum": checksum(tensors),
    }
    if optimizer_groups is not None:
        metadata["optimizer"] = json.dumps(optimizer_groups)
    return atomic_write_bytes(path, safetensors_bytes(tensors, metadata=metadata))


def read(path: str | os.PathLike) -> tuple[dict[str, Any], dict[str, torch.Tensor], list | None]:
    """Read a model file: returns (config, tensors, optimizer param_groups or None).

    Raises:
        FileNotFoundError: when there is no such file.
        ModelFileError: when the file is not a complete, intact lstmkit model file.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"No model file at {str(path)!r}.")
    if path.is_dir():
        raise ModelFileError(f"{str(path)!r} is a folder, not an lstmkit model file.")
    try:
        with safe_open(str(path), framework="pt") as handle:
            metadata = handle.metadata() or {}
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    except (SafetensorError, OSError, ValueError, RuntimeError) as error:
        raise ModelFileError(
            f"{str(path)!r} is not a readable lstmkit model file ({error}). It may be truncated or "
            "corrupted, or written by another program; save the model again with model.save()."
        ) from None
    if metadata.get("format") != FORMAT:
        raise ModelFileError(
            f"{str(path)!r} is a safetensors file but not an lstmkit model (it has no lstmkit "
            "configuration). Load plain weights with safetensors.torch.load_file instead."
        )
    version = metadata.get("format_version", "")
    if not version.isdigit() or int(version) > FORMAT_VERSION:
        raise ModelFileError(
            f"{str(path)!r} uses model format version {version!r}, newer than this lstmkit "
            f"understands ({FORMAT_VERSION}); upgrade lstmkit to load it."
        )
    if metadata.get("checksum") != checksum(tensors):
        raise ModelFileError(
            f"{str(path)!r} is corrupted: its weights do not match the checksum written with them."
        )
    try:
        config = json.loads(metadata["config"])
        optimizer = json.loads(metadata["optimizer"]) if "optimizer" in metadata else None
    except (KeyError, json.JSONDecodeError) as error:
        raise ModelFileError(f"{str(path)!r} has a damaged configuration ({error}).") from None
    if not isinstance(config, dict):
        raise ModelFileError(f"{str(path)!r} has a damaged configuration (not a JSON object).")
    return config, tensors, optimizer


def split_tensors(tensors: dict[str, torch.Tensor], prefix: str) -> dict[str, torch.Tensor]:
    """The tensors whose names start with ``prefix + '.'``, with the prefix removed."""
    start = len(prefix) + 1
    return {name[start:]: t for name, t in tensors.items() if name.startswith(prefix + ".")}


def optimizer_tensors(optimizer: torch.optim.Optimizer) -> tuple[dict[str, torch.Tensor], list]:
    """Flatten an optimiser's state into named tensors and JSON-ready param_groups."""
    state = optimizer.state_dict()
    tensors = {}
    for index, values in state["state"].items():
        for key, value in values.items():
            if isinstance(value, torch.Tensor):
                tensors[f"{index}.{key}"] = value
            elif isinstance(value, (int, float)):
                tensors[f"{index}.{key}"] = torch.tensor(value)
    return tensors, state["param_groups"]


def optimizer_state(tensors: dict[str, torch.Tensor], groups: list) -> dict[str, Any]:
    """The inverse of ``optimizer_tensors``: a ``state_dict`` for ``optimizer.load_state_dict``."""
    state: dict[int, dict[str, torch.Tensor]] = {}
    for name, tensor in tensors.items():
        index, key = name.split(".", 1)
        state.setdefault(int(index), {})[key] = tensor
    return {"state": state, "param_groups": groups}
