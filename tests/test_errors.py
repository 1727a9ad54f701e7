"""Bad input gets a message that says what happened, what was expected, and how to fix it."""

import numpy as np
import pytest

from lstmkit.layers import LSTM, Dense, Dropout
from lstmkit.models import Sequential


def regression_model(timesteps=1, features=1):
    model = Sequential([LSTM(4, input_shape=(timesteps, features)), Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model


def test_2d_data_for_lstm_names_the_reshape():
    model = regression_model(1, 1)
    with pytest.raises(ValueError, match=r"LSTM expects 3D input \(samples, timesteps, features\); "
                                         r"got shape \(100, 1\)\. Reshape with X\.reshape\(100, 1, 1\)"):
        model.fit(np.zeros((100, 1)), np.zeros(100), verbose=0)


def test_2d_data_for_multistep_lstm_names_the_reshape():
    model = regression_model(10, 2)
    with pytest.raises(ValueError, match=r"Reshape with X\.reshape\(5, 10, 2\)"):
        model.predict(np.zeros((5, 20)))


def test_2d_data_for_unbuilt_lstm_offers_both_readings():
    model = Sequential([LSTM(4), Dense(1)])
    with pytest.raises(ValueError, match=r"X\.reshape\(5, 7, 1\) for 7 timesteps of 1 feature, "
                                         r"or X\.reshape\(5, 1, 7\) for 1 timestep of 7 features"):
        model.predict(np.zeros((5, 7)))


def test_stacked_lstm_without_return_sequences_names_the_fix():
    model = Sequential()
    model.add(LSTM(32, input_shape=(10, 1)))
    with pytest.raises(ValueError, match=r"LSTM expects 3D input .* got 2D input of shape \(None, 32\)\. "
                                         r"The layer before it, 'lstm' \(LSTM\), returns only its last "
                                         r"output .* set return_sequences=True on it: "
                                         r"LSTM\(32, return_sequences=True\)"):
        model.add(LSTM(16))
    assert len(model.layers) == 1  # the failed layer was not added


def test_stacked_lstm_error_also_when_built_from_data():
    model = Sequential([LSTM(8), LSTM(4), Dense(1)])
    with pytest.raises(ValueError, match="return_sequences=True"):
        model.predict(np.zeros((2, 5, 3)))


def test_lstm_input_shape_of_one_number_explains_timesteps_and_features():
    with pytest.raises(ValueError, match=r"input_shape=\(2, 1\) for 2 timesteps of 1 feature"):
        Sequential([LSTM(5, input_shape=(2,))])


def test_wrong_feature_count():
    model = regression_model(10, 2)
    with pytest.raises(ValueError, match=r"expects input of shape \(None, 10, 2\) but got \(4, 10, 3\)"):
        model.predict(np.zeros((4, 10, 3)))


@pytest.mark.parametrize("argument,value,match", [
    ("optimizer", "adamax2", r"Unknown optimizer 'adamax2'\. Known optimizers: .*'adam'.*'rmsprop'.*'sgd'"),
    ("loss", "msee", r"Unknown loss 'msee'\. Known losses: .*'binary_crossentropy'.*'mse'"),
    ("metrics", ["acuracy"], r"Unknown metric 'acuracy'\. Known metrics: .*'accuracy'.*'mae'"),
])
def test_unknown_names_list_the_known_ones(argument, value, match):
    model = regression_model()
    kwargs = {"optimizer": "adam", "loss": "mse", argument: value}
    with pytest.raises(ValueError, match=match):
        model.compile(**kwargs)


def test_unknown_activation_lists_known_ones():
    with pytest.raises(ValueError, match=r"Unknown activation 'rellu'\. Known activations: .*'relu'"):
        Dense(1, activation="rellu")


def test_compile_without_loss():
    with pytest.raises(ValueError, match="compile\\(\\) needs a loss, e.g. loss='mse'"):
        regression_model().compile(optimizer="adam")


def test_fit_before_compile():
    model = Sequential([LSTM(4, input_shape=(1, 1)), Dense(1)])
    with pytest.raises(RuntimeError, match=r"must be compiled .* model\.compile\(optimizer='adam', loss='mse'\)"):
        model.fit(np.zeros((4, 1, 1)), np.zeros(4), verbose=0)


def test_nan_in_data_names_the_rows():
    x = np.zeros((10, 1, 1))
    x[3, 0, 0] = np.nan
    x[7, 0, 0] = np.inf
    with pytest.raises(ValueError, match=r"x contains NaN or infinite values in 2 row\(s\) \(rows 3, 7\) and 1 column\(s\) \(columns 0\)\. Handle them first, e\.g\. lstmkit\.data\.handle_missing"):
        regression_model().fit(x, np.zeros(10), verbose=0)
    y = np.zeros(10)
    y[5] = np.nan
    with pytest.raises(ValueError, match=r"y contains NaN or infinite values in 1 row\(s\) \(rows 5\)"):
        regression_model().fit(np.zeros((10, 1, 1)), y, verbose=0)


def test_non_numeric_data():
    x = np.array([[["a"]], [["b"]]], dtype=object)
    with pytest.raises(TypeError, match=r"x must be numeric; it holds values such as 'a'.*Encode categories"):
        regression_model().predict(x)


def test_empty_data():
    with pytest.raises(ValueError, match=r"x is empty \(shape \(0, 1, 1\)\)"):
        regression_model().predict(np.zeros((0, 1, 1)))


def test_ragged_sequences():
    with pytest.raises(ValueError, match="sequences of different lengths.*pad or truncate"):
        regression_model().predict([[[1.0]], [[1.0], [2.0]]])


def test_sample_count_mismatch():
    with pytest.raises(ValueError, match="x has 10 and y has 9"):
        regression_model().fit(np.zeros((10, 1, 1)), np.zeros(9), verbose=0)


def test_target_shape_mismatch_suggests_output_size():
    with pytest.raises(ValueError, match=r"y has shape \(10, 2\), but the model outputs \(None, 1\).*Dense\(2\)"):
        regression_model().fit(np.zeros((10, 1, 1)), np.zeros((10, 2)), verbose=0)


def test_integer_labels_with_categorical_crossentropy_suggest_one_hot():
    model = Sequential([LSTM(4, input_shape=(3, 1)), Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    with pytest.raises(ValueError, match="one-hot encode y .* or use loss='sparse_categorical_crossentropy'"):
        model.fit(np.zeros((6, 3, 1)), np.array([0, 1, 2, 0, 1, 2]), verbose=0)


def test_sparse_labels_out_of_range():
    model = Sequential([LSTM(4, input_shape=(3, 1)), Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match=r"integers in \[0, 3\); got values from 0 to 5"):
        model.fit(np.zeros((2, 3, 1)), np.array([0, 5]), verbose=0)


@pytest.mark.parametrize("kwargs,match", [
    ({"batch_size": 0}, "batch_size must be a positive integer"),
    ({"epochs": -1}, "epochs must be a positive integer"),
    ({"validation_split": 1.5}, r"validation_split must be in \(0, 1\)"),
    ({"validation_split": 0.95}, "leaves no samples for training out of 10"),
    ({"verbose": 5}, "verbose must be 0 .* 1 .* or 2"),
])
def test_bad_fit_settings(kwargs, match):
    with pytest.raises(ValueError, match=match):
        regression_model().fit(np.zeros((10, 1, 1)), np.zeros(10), **{"verbose": 0, **kwargs})


def test_adding_a_class_instead_of_a_layer():
    with pytest.raises(TypeError, match=r"got the class LSTM\. Write model\.add\(LSTM\(\.\.\.\)\)"):
        Sequential().add(LSTM)


def test_dropout_rate_out_of_range():
    with pytest.raises(ValueError, match=r"Dropout rate must be in \[0, 1\); got 1\.2"):
        Dropout(1.2)


def test_summary_of_unbuilt_model_says_how_to_build():
    with pytest.raises(ValueError, match="not built yet.*input_shape"):
        Sequential([LSTM(3), Dense(1)]).summary()
