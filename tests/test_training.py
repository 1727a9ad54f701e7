"""fit / evaluate / predict: history, validation, callbacks, progress, determinism, learning."""

import numpy as np
import pytest
import torch

import lstmkit
from lstmkit.callbacks import Callback, EarlyStopping, ModelCheckpoint
from lstmkit.layers import LSTM, Dense, Dropout
from lstmkit.models import Sequential, load_model
from lstmkit.optimizers import SGD, Adam


def model_for(timesteps=3, features=1, outputs=1, activation=None, loss="mse", **compile_kwargs):
    model = Sequential([LSTM(8, input_shape=(timesteps, features)), Dense(outputs, activation=activation)])
    model.compile(optimizer=compile_kwargs.pop("optimizer", "adam"), loss=loss, **compile_kwargs)
    return model


def sequence_data(rng, samples=64, timesteps=3):
    x = rng.random((samples, timesteps, 1)).astype(np.float32)
    return x, x.sum(axis=1)  # target: the sum of the sequence, (samples, 1)


def test_history_has_loss_val_loss_and_metrics(rng):
    x, y = sequence_data(rng)
    history = model_for(metrics=["mae", "mse"]).fit(x, y, epochs=4, validation_split=0.25, verbose=0)
    assert set(history.history) == {"loss", "mae", "mse", "val_loss", "val_mae", "val_mse"}
    assert all(len(values) == 4 for values in history.history.values())
    assert history.epoch == [0, 1, 2, 3]
    np.testing.assert_allclose(history.history["loss"], history.history["mse"], rtol=1e-5)


def test_validation_split_takes_the_last_samples_before_shuffling(rng):
    x, y = sequence_data(rng, samples=10)
    model = model_for()
    history = model.fit(x, y, epochs=1, validation_split=0.3, verbose=0, shuffle=True)
    # val_loss is the loss on the last 3 samples, evaluated after the epoch.
    assert history.history["val_loss"][0] == pytest.approx(model.evaluate(x[7:], y[7:]), rel=1e-5)


def test_validation_data_is_used(rng):
    x, y = sequence_data(rng)
    model = model_for()
    history = model.fit(x[:48], y[:48], epochs=1, validation_data=(x[48:], y[48:]), verbose=0)
    assert history.history["val_loss"][0] == pytest.approx(model.evaluate(x[48:], y[48:]), rel=1e-5)


def test_learns_a_small_problem(rng):
    x, y = sequence_data(rng, samples=128)
    model = model_for(optimizer=Adam(learning_rate=0.01))
    before = model.evaluate(x, y)
    model.fit(x, y, epochs=60, verbose=0)
    assert model.evaluate(x, y) < before / 20


def test_binary_classification_accuracy(rng):
    x = rng.random((200, 4, 1)).astype(np.float32)
    y = (x.sum(axis=(1, 2)) > 2).astype(np.float32)
    model = Sequential([LSTM(8, input_shape=(4, 1)), Dense(1, activation="sigmoid")])
    model.compile(optimizer=Adam(learning_rate=0.02), loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=40, verbose=0)
    assert history.history["accuracy"][-1] > 0.9
    loss, accuracy = model.evaluate(x, y)
    assert accuracy == pytest.approx(np.mean(model.predict_classes(x)[:, 0] == y))


def test_sparse_and_categorical_accuracy_agree(rng):
    x = rng.random((30, 3, 1)).astype(np.float32)
    labels = rng.integers(0, 3, 30)
    sparse = model_for(outputs=3, activation="softmax", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    onehot = model_for(outputs=3, activation="softmax", loss="categorical_crossentropy", metrics=["accuracy"])
    onehot.set_weights(sparse.get_weights())
    a = sparse.evaluate(x, labels, return_dict=True)
    b = onehot.evaluate(x, np.eye(3)[labels], return_dict=True)
    assert a["loss"] == pytest.approx(b["loss"], rel=1e-5)
    assert a["accuracy"] == pytest.approx(b["accuracy"])
    assert a["accuracy"] == pytest.approx(np.mean(sparse.predict_classes(x) == labels))


def test_targets_without_trailing_axis_are_not_broadcast(rng):
    # y of shape (N,) against outputs (N, 1) must not silently become an (N, N) loss.
    x, y = sequence_data(rng)
    model = model_for()
    assert model.evaluate(x, y[:, 0]) == pytest.approx(model.evaluate(x, y))


def test_same_seed_same_trained_weights(rng):
    x, y = sequence_data(rng)
    weights = []
    for _ in range(2):
        lstmkit.set_random_seed(11)
        model = Sequential([LSTM(6, input_shape=(3, 1), dropout=0.2, recurrent_dropout=0.2), Dropout(0.1), Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=3, batch_size=8, verbose=0)
        weights.append(model.get_weights())
    for a, b in zip(*weights):
        np.testing.assert_array_equal(a, b)


def test_early_stopping_restores_best_weights(rng):
    x, y = sequence_data(rng)
    model = model_for(optimizer=SGD(learning_rate=0.5))
    best = {}

    class Snapshot(Callback):
        def on_epoch_end(self, epoch, logs=None):
            if logs["val_loss"] <= min(best.get("val", [np.inf])):
                best["weights"] = [w.copy() for w in self.model.get_weights()]
            best.setdefault("val", []).append(logs["val_loss"])

    stop = EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
    history = model.fit(x, y, epochs=200, validation_split=0.25, verbose=0, callbacks=[Snapshot(), stop])
    assert len(history.history["loss"]) < 200
    assert stop.stopped_epoch == len(history.history["loss"]) - 1
    for a, b in zip(model.get_weights(), best["weights"]):
        np.testing.assert_array_equal(a, b)


def test_early_stopping_warns_about_missing_monitor(rng):
    x, y = sequence_data(rng)
    with pytest.warns(RuntimeWarning, match="monitors 'val_loss', which is not among the logged values"):
        model_for().fit(x, y, epochs=2, verbose=0, callbacks=[EarlyStopping()])


def test_model_checkpoint_keeps_best(rng, tmp_path):
    x, y = sequence_data(rng)
    model = model_for()
    path = tmp_path / "best.lstmkit"
    checkpoint = ModelCheckpoint(path, monitor="val_loss", save_best_only=True)
    history = model.fit(x, y, epochs=6, validation_split=0.25, verbose=0, callbacks=[checkpoint])
    best = int(np.argmin(history.history["val_loss"]))
    assert checkpoint.best == pytest.approx(-history.history["val_loss"][best])
    saved = load_model(path)
    assert saved.evaluate(x[48:], y[48:]) == pytest.approx(history.history["val_loss"][best], rel=1e-5)


def test_model_checkpoint_formats_epoch_in_name(rng, tmp_path):
    x, y = sequence_data(rng)
    model_for().fit(x, y, epochs=3, verbose=0,
                    callbacks=[ModelCheckpoint(str(tmp_path / "m-{epoch:02d}-{loss:.2f}.lstmkit"), monitor="loss")])
    assert sorted(p.name[:4] for p in tmp_path.iterdir()) == ["m-01", "m-02", "m-03"]


def test_nan_loss_stops_training_with_a_clear_message(rng):
    x, y = sequence_data(rng)
    model = model_for(optimizer=SGD(learning_rate=1e6))
    with pytest.warns(RuntimeWarning, match=r"Training stopped at epoch \d+: the loss became (nan|inf).*learning"):
        history = model.fit(x, y * 1e6, epochs=50, verbose=0)
    assert len(history.history["loss"]) < 50
    assert not np.isfinite(history.history["loss"][-1])


def test_clipnorm_limits_gradient_norm(rng):
    x, y = sequence_data(rng)
    model = model_for(optimizer=SGD(learning_rate=1.0, clipnorm=1e-3))
    before = [w.copy() for w in model.get_weights()]
    model.fit(x, y * 100, epochs=1, batch_size=64, verbose=0, shuffle=False)
    change = np.sqrt(sum(((a - b) ** 2).sum() for a, b in zip(model.get_weights(), before)))
    assert change <= 1e-3 * 1.0001


def test_verbose_modes(rng, capsys):
    x, y = sequence_data(rng, samples=16)
    model_for().fit(x, y, epochs=2, verbose=2)
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Epoch")]
    assert len(lines) == 2 and lines[1].startswith("Epoch 2/2") and "loss:" in lines[1]
    model_for().fit(x, y, epochs=2, verbose=0)
    assert capsys.readouterr().out == ""
    model_for().fit(x, y, epochs=2, verbose=1)
    assert "Epoch 2/2" in capsys.readouterr().out


def test_stop_training_from_a_callback(rng):
    x, y = sequence_data(rng)

    class StopAtTwo(Callback):
        def on_epoch_end(self, epoch, logs=None):
            self.model.stop_training = epoch == 1

    history = model_for().fit(x, y, epochs=10, verbose=0, callbacks=[StopAtTwo()])
    assert len(history.history["loss"]) == 2


def test_initial_epoch_resumes_numbering(rng):
    x, y = sequence_data(rng)
    history = model_for().fit(x, y, epochs=5, initial_epoch=3, verbose=0)
    assert history.epoch == [3, 4]


def test_predict_batches_equal_one_batch(rng):
    x, _ = sequence_data(rng, samples=50)
    model = model_for()
    np.testing.assert_allclose(model.predict(x, batch_size=7), model.predict(x, batch_size=64), atol=1e-6)


def test_accepts_lists_and_pandas(rng):
    pd = pytest.importorskip("pandas")
    model = Sequential([Dense(2, input_shape=(3,)), Dense(1)])
    model.compile(optimizer="sgd", loss="mae")
    frame = pd.DataFrame(rng.random((5, 3)))
    np.testing.assert_allclose(model.predict(frame), model.predict(frame.to_numpy().tolist()))
    model.fit(frame, pd.Series(rng.random(5)), verbose=0)


def test_torch_optimizer_object():
    model = Sequential([Dense(1, input_shape=(2,))])
    model.compile(optimizer=torch.optim.SGD(model.module.parameters(), lr=0.1), loss="mse")
    history = model.fit(np.ones((4, 2)), np.zeros(4), epochs=3, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]


def test_evaluate_return_forms(rng):
    x, y = sequence_data(rng)
    assert isinstance(model_for().evaluate(x, y), float)
    scores = model_for(metrics=["mae"]).evaluate(x, y)
    assert isinstance(scores, list) and len(scores) == 2
    assert set(model_for(metrics=["mae"]).evaluate(x, y, return_dict=True)) == {"loss", "mae"}


def test_predict_classes_thresholds_sigmoid_and_argmaxes_softmax():
    sigmoid = Sequential([Dense(1, activation="sigmoid", input_shape=(1,))])
    sigmoid.set_weights([np.array([[1.0]]), np.array([0.0])])
    np.testing.assert_array_equal(sigmoid.predict_classes(np.array([[-2.0], [3.0]])), [[0], [1]])
    softmax = Sequential([Dense(3, activation="softmax", input_shape=(3,))])
    softmax.set_weights([np.eye(3), np.zeros(3)])
    np.testing.assert_array_equal(softmax.predict_classes(np.array([[0, 5, 1], [9, 0, 0.0]])), [1, 0])
    np.testing.assert_allclose(softmax.predict_proba(np.eye(3)).sum(axis=1), 1.0, rtol=1e-6)


def test_optimizers_accept_the_old_keras_lr_name():
    assert Adam(lr=0.05).learning_rate == 0.05
    assert SGD(lr=0.2).get_config()["learning_rate"] == 0.2
    with pytest.raises(ValueError, match="learning_rate must be positive; got -1"):
        Adam(lr=-1)


def test_masked_timesteps_are_left_out_of_the_loss(rng):
    from lstmkit.layers import Masking

    x = rng.random((4, 5, 2)).astype(np.float32)
    x[0, 3:] = 0.0  # padding
    y = rng.random((4, 5, 1)).astype(np.float32)
    model = Sequential([Masking(0.0, input_shape=(5, 2)), LSTM(3, return_sequences=True), Dense(1)])
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    garbage = y.copy()
    garbage[0, 3:] = 1000.0  # targets at padded timesteps must not matter
    loss, mae = model.evaluate(x, y)
    assert model.evaluate(x, garbage) == pytest.approx([loss, mae])
    keep = (x != 0).any(axis=-1)
    assert loss == pytest.approx(float(((model.predict(x) - y)[keep] ** 2).mean()), rel=1e-5)
    model.fit(x, garbage, epochs=2, verbose=0)  # trains on real timesteps only


def test_stateful_lstm_trains_on_tbptt_chunks(rng):
    from lstmkit.data import tbptt_batches
    from lstmkit.layers import Input

    X = rng.random((4, 24, 1)).astype(np.float32)
    y = np.cumsum(X, axis=1) / 12  # per-timestep targets that need the state from earlier chunks
    X_chunks, y_chunks = tbptt_batches(X, y, chunk_length=6)
    model = Sequential([Input(batch_shape=(4, 6, 1)), LSTM(8, stateful=True, return_sequences=True), Dense(1)])
    model.compile(optimizer=Adam(learning_rate=0.01), loss="mse")
    first = None
    for _ in range(30):  # one pass over the sequences per epoch, states reset between passes
        history = model.fit(X_chunks, y_chunks, batch_size=4, epochs=1, shuffle=False, verbose=0)
        model.reset_states()
        first = first or history.history["loss"][0]
    assert history.history["loss"][0] < first / 3
    with pytest.raises(ValueError, match="holds states for batches of 4 samples; got 3"):
        model.predict(X_chunks[:4])  # states now for 4 rows
        model.predict(X_chunks[:3])


def test_stateful_fit_with_shuffle_warns(rng):
    model = Sequential([LSTM(2, stateful=True, input_shape=(3, 1)), Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    with pytest.warns(UserWarning, match="pass shuffle=False"):
        model.fit(rng.random((4, 3, 1)), rng.random(4), batch_size=4, verbose=0)


def test_return_state_and_initial_state():
    import torch

    layer = LSTM(3, return_state=True, return_sequences=True)
    layer.build((4, 2))
    x = torch.randn(5, 4, 2)
    output, h, c = layer(x)
    assert output.shape == (5, 4, 3) and h.shape == c.shape == (5, 3)
    torch.testing.assert_close(h, output[:, -1])
    # Continuing from the returned states equals running the whole sequence at once.
    first, h1, c1 = layer(x[:, :2])
    second, _, _ = layer(x[:, 2:], initial_state=[h1, c1])
    torch.testing.assert_close(torch.cat([first, second], 1), output)
    with pytest.raises(ValueError, match=r"initial_state must be 2 tensor\(s\) of shape \(5, 3\)"):
        layer(x, initial_state=[h1])
