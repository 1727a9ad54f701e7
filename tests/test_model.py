"""Model: the Keras life-cycle around a plain PyTorch module."""

import numpy as np
import pytest
import torch

from lstmkit.models import Model, ModelFileError, load_model
from lstmkit.optimizers import Adam


class Net(torch.nn.Module):
    """An encoder whose last state starts a second LSTM: not expressible as a Sequential."""

    def __init__(self, hidden: int = 8):
        super().__init__()
        self.encoder = torch.nn.LSTM(1, hidden, batch_first=True)
        self.decoder = torch.nn.LSTM(1, hidden, batch_first=True)
        self.head = torch.nn.Linear(hidden, 1)

    def forward(self, x):
        _, state = self.encoder(x)
        out, _ = self.decoder(x.flip(1), state)
        return self.head(out[:, -1])


def data(rng, samples=64):
    x = rng.random((samples, 5, 1)).astype(np.float32)
    return x, x.sum(axis=1)


def test_fit_evaluate_predict_on_a_plain_module(rng):
    x, y = data(rng)
    model = Model(Net(hidden=8), config={"hidden": 8})
    model.compile(optimizer=Adam(learning_rate=0.01), loss="mse", metrics=["mae"])
    before = model.evaluate(x, y)[0]
    history = model.fit(x, y[:, 0], epochs=60, batch_size=16, verbose=0, validation_split=0.25)
    assert set(history.history) == {"loss", "mae", "val_loss", "val_mae"}
    assert model.evaluate(x, y)[0] < before / 5
    assert model.predict(x).shape == (64, 1)
    assert model.count_params() == sum(p.numel() for p in model.module.parameters())


def test_save_and_load_with_custom_objects(rng, tmp_path):
    x, y = data(rng)
    model = Model(Net(hidden=6), config={"hidden": 6})
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=2, verbose=0)
    model.save(tmp_path / "net.lstmkit")
    loaded = load_model(tmp_path / "net.lstmkit", custom_objects={"Net": Net})
    np.testing.assert_array_equal(loaded.predict(x), model.predict(x))
    loaded.fit(x, y, epochs=1, verbose=0)  # the optimiser state came along


def test_loading_needs_the_class_and_never_guesses(rng, tmp_path):
    model = Model(Net(), config={"hidden": 8})
    model.save(tmp_path / "net.lstmkit")
    with pytest.raises(ModelFileError, match=r"custom module 'Net'; .* custom_objects=\{'Net': Net\}"):
        load_model(tmp_path / "net.lstmkit")


def test_saving_needs_the_rebuild_arguments(tmp_path):
    with pytest.raises(ValueError, match=r"give the arguments that rebuild it: Model\(Net\(...\), config=\{...\}\)"):
        Model(Net()).save(tmp_path / "net.lstmkit")


def test_get_config_on_the_module_is_used(tmp_path):
    class Configured(Net):
        def get_config(self):
            return {"hidden": 4}

    model = Model(Configured(hidden=4))
    model.save(tmp_path / "c.lstmkit")
    assert load_model(tmp_path / "c.lstmkit", custom_objects={"Configured": Configured}).count_params() == model.count_params()


def test_input_shape_is_checked_and_bad_modules_refused():
    model = Model(Net(), config={}, input_shape=(5, 1))
    with pytest.raises(ValueError, match=r"expects input of shape \(None, 5, 1\) but got \(2, 5, 2\)"):
        model.predict(np.zeros((2, 5, 2)))
    with pytest.raises(TypeError, match="Model wraps a torch.nn.Module; got function"):
        Model(lambda x: x)
