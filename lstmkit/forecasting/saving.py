"""A saved Forecaster is a folder: ``config.json`` (settings, learned state, scaler, the last
window) and one lstmkit model file per repeated model. JSON and safetensors only: loading runs no
code from the files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from lstmkit.data import SequenceScaler
from lstmkit.files import atomic_directory, atomic_write_bytes
from lstmkit.models import ModelFileError, load_model

FORMAT = "lstmkit.forecaster"
FORMAT_VERSION = 1
CONFIG = "config.json"


def is_forecaster_folder(path: Path) -> bool:
    try:
        return json.loads((path / CONFIG).read_text()).get("format") == FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def save_forecaster(forecaster: Any, path: Path) -> Path:
    from lstmkit import __version__

    names = [f"model_{index}.lstmkit" for index in range(len(forecaster.models_))]
    config = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "lstmkit_version": __version__,
        "params": forecaster.get_params(),
        "state": {
            "target": forecaster.target_, "features": forecaster.features_, "season": forecaster.season_,
            "lookback": forecaster.lookback_, "validation_size": forecaster.validation_size_,
            "missing": forecaster.missing_, "epochs": forecaster.epochs_,
            "last_index": getattr(forecaster, "last_index_", None),
        },
        "scaler": forecaster.scaler_.to_dict(),
        "last_window": forecaster.last_window_.tolist(),
        "history": forecaster.history_.tolist(),
        "histories": forecaster.histories_,
        "models": names,
    }
    with atomic_directory(path, is_forecaster_folder) as folder:
        atomic_write_bytes(folder / CONFIG, json.dumps(config).encode())
        for model, name in zip(forecaster.models_, names):
            model.save(folder / name)
    return path


def load_forecaster(path: Path) -> Any:
    from lstmkit.forecasting.forecaster import Forecaster

    if not (path / CONFIG).is_file():
        raise FileNotFoundError(f"No saved forecaster at {str(path)!r} (expected a folder with {CONFIG}).")
    try:
        config = json.loads((path / CONFIG).read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise ModelFileError(f"{str(path / CONFIG)!r} is damaged: {error}.") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise ModelFileError(f"{str(path)!r} is not a saved lstmkit Forecaster.")
    if config.get("format_version", 0) > FORMAT_VERSION:
        raise ModelFileError(f"{str(path)!r} was saved by a newer lstmkit (format "
                             f"{config.get('format_version')}); upgrade lstmkit to load it.")
    try:
        forecaster = Forecaster(**config["params"])
        state = config["state"]
        forecaster.target_, forecaster.features_ = state["target"], list(state["features"])
        forecaster.season_, forecaster.lookback_ = state["season"], int(state["lookback"])
        forecaster.validation_size_, forecaster.missing_ = state["validation_size"], state["missing"]
        forecaster.epochs_, forecaster.last_index_ = state["epochs"], state.get("last_index")
        forecaster.scaler_ = SequenceScaler.from_dict(config["scaler"])
        forecaster.last_window_ = np.asarray(config["last_window"], dtype=float)
        forecaster.history_ = np.asarray(config["history"], dtype=float)
        forecaster.histories_ = config["histories"]
        names = config["models"]
    except (KeyError, TypeError, ValueError) as error:
        raise ModelFileError(f"{str(path / CONFIG)!r} does not describe a forecaster: {error!r}.") from None
    if any(not isinstance(n, str) or Path(n).name != n for n in names):
        raise ModelFileError(f"{str(path / CONFIG)!r} names model files outside its folder.")
    forecaster.models_ = [load_model(path / name) for name in names]
    return forecaster
