"""Model files: round trips, resuming training, and files that are damaged or not ours."""

import json
import os
import pickle

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from lstmkit.layers import LSTM, Dense, Dropout
from lstmkit.models import ModelFileError, Sequential, load_model
from lstmkit.optimizers import RMSprop


def trained_model(rng):
    model = Sequential([LSTM(6, input_shape=(4, 2), return_sequences=True, recurrent_dropout=0.1),
                        LSTM(5, activation="relu"), Dropout(0.2), Dense(1)])
    model.compile(optimizer=RMSprop(learning_rate=0.01), loss="mse", metrics=["mae"])
    x = rng.random((32, 4, 2)).astype(np.float32)
    y = x.sum(axis=(1, 2))[:, None]
    model.fit(x, y, epochs=2, verbose=0)
    return model, x, y


def test_round_trip_gives_identical_predictions(rng, tmp_path):
    model, x, _ = trained_model(rng)
    path = model.save(tmp_path / "model.lstmkit")
    loaded = load_model(path)
    np.testing.assert_array_equal(loaded.predict(x), model.predict(x))
    assert loaded.get_config() == model.get_config()
    assert loaded.count_params() == model.count_params()


def test_file_is_one_safetensors_file_with_json_config(tmp_path, rng):
    model, _, _ = trained_model(rng)
    path = model.save(tmp_path / "model.h5")  # any name: Keras users write .h5 or .keras
    assert [p.name for p in tmp_path.iterdir()] == ["model.h5"]
    header_size = int.from_bytes(path.read_bytes()[:8], "little")
    header = json.loads(path.read_bytes()[8:8 + header_size])
    config = json.loads(header["__metadata__"]["config"])
    assert [layer["class_name"] for layer in config["layers"]] == ["LSTM", "LSTM", "Dropout", "Dense"]
    assert config["compile"]["loss"] == "mean_squared_error"


def test_loaded_model_continues_training_exactly_like_the_original(rng, tmp_path):
    model, x, y = trained_model(rng)
    model.save(tmp_path / "model.lstmkit")
    loaded = load_model(tmp_path / "model.lstmkit")
    for m in (model, loaded):
        torch.manual_seed(5)
        m.fit(x, y, epochs=2, verbose=0)
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_load_without_compile(rng, tmp_path):
    model, x, _ = trained_model(rng)
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m", compile=False)
    assert not loaded.compiled
    np.testing.assert_array_equal(loaded.predict(x), model.predict(x))


def test_uncompiled_and_unbuilt_models_save(tmp_path):
    Sequential([LSTM(3), Dense(1)]).save(tmp_path / "a")
    loaded = load_model(tmp_path / "a")
    assert loaded.input_shape is None and len(loaded.layers) == 2


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="No model file at"):
        load_model(tmp_path / "nope.lstmkit")


def test_truncated_file(rng, tmp_path):
    model, _, _ = trained_model(rng)
    path = model.save(tmp_path / "model.lstmkit")
    data = path.read_bytes()
    for cut in (4, 100, len(data) - 10):
        path.write_bytes(data[:cut])
        with pytest.raises(ModelFileError, match="not a readable lstmkit model file.*truncated or corrupted"):
            load_model(path)


def test_corrupted_weights_fail_the_checksum(rng, tmp_path):
    model, _, _ = trained_model(rng)
    path = model.save(tmp_path / "model.lstmkit")
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF  # flip bits inside the tensor data
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="is corrupted: its weights do not match the checksum"):
        load_model(path)


class _Exploit:
    def __reduce__(self):
        return (os.system, ("touch EXPLOITED",))


def test_pickle_file_is_rejected_without_running_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "model.lstmkit"
    path.write_bytes(pickle.dumps(_Exploit()))
    with pytest.raises(ModelFileError, match="not a readable lstmkit model file"):
        load_model(path)
    assert not (tmp_path / "EXPLOITED").exists()


def test_torch_checkpoint_is_rejected(tmp_path):
    path = tmp_path / "model.pt"
    torch.save({"weight": torch.zeros(2)}, path)
    with pytest.raises(ModelFileError, match="not a readable lstmkit model file"):
        load_model(path)


def test_foreign_safetensors_file(tmp_path):
    path = tmp_path / "weights.safetensors"
    save_file({"weight": torch.zeros(2)}, str(path))
    with pytest.raises(ModelFileError, match="a safetensors file but not an lstmkit model"):
        load_model(path)


def test_unknown_layer_in_config_is_refused(rng, tmp_path):
    from lstmkit.models import saving

    model, _, _ = trained_model(rng)
    config = model.get_config()
    config["layers"][0]["class_name"] = "os.system"
    tensors = {f"module.{k}": v for k, v in model.module.state_dict().items()}
    saving.write(tmp_path / "evil", config, tensors)
    with pytest.raises(ModelFileError, match="does not describe a valid model: layer 0 is of unknown kind 'os.system'"):
        load_model(tmp_path / "evil")


def test_newer_format_version_asks_for_upgrade(rng, tmp_path, monkeypatch):
    from lstmkit.models import saving

    monkeypatch.setattr(saving, "FORMAT_VERSION", 99)
    Sequential([Dense(1, input_shape=(2,))]).save(tmp_path / "m")
    monkeypatch.setattr(saving, "FORMAT_VERSION", 1)
    with pytest.raises(ModelFileError, match="format version '99'.*upgrade lstmkit"):
        load_model(tmp_path / "m")


def test_failed_save_keeps_the_old_file(rng, tmp_path, monkeypatch):
    model, x, _ = trained_model(rng)
    path = model.save(tmp_path / "model.lstmkit")
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        Sequential([Dense(1, input_shape=(2,))]).save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["model.lstmkit"]  # no temporary left behind


def test_save_into_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="the folder .* does not exist"):
        Sequential([Dense(1, input_shape=(2,))]).save(tmp_path / "no" / "model.lstmkit")


def test_custom_loss_warns_that_compile_is_not_saved(tmp_path):
    model = Sequential([Dense(1, input_shape=(2,))])
    model.compile(optimizer="adam", loss=lambda y_true, y_pred: ((y_true - y_pred) ** 2).mean())
    with pytest.warns(RuntimeWarning, match="custom loss.*compile the loaded model again"):
        model.save(tmp_path / "m")
    assert not load_model(tmp_path / "m").compiled
