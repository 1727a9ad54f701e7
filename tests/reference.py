"""A plain NumPy implementation of Keras's LSTM equations, the reference for golden tests."""

import numpy as np

ACTIVATIONS = {
    "tanh": np.tanh,
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "relu": lambda x: np.maximum(x, 0.0),
    "hard_sigmoid": lambda x: np.clip(x / 6.0 + 0.5, 0.0, 1.0),
    "linear": lambda x: x,
}


def lstm_reference(x, kernel, recurrent_kernel, bias, activation="tanh",
                   recurrent_activation="sigmoid", go_backwards=False):
    """x (N, T, D); kernel (D, 4U); recurrent_kernel (U, 4U); bias (4U,). Returns (N, T, U)."""
    act, rec = ACTIVATIONS[activation], ACTIVATIONS[recurrent_activation]
    x = x[:, ::-1] if go_backwards else x
    units = recurrent_kernel.shape[0]
    h = np.zeros((x.shape[0], units))
    c = np.zeros((x.shape[0], units))
    outputs = []
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + h @ recurrent_kernel + bias
        i, f, g, o = (z[:, k * units:(k + 1) * units] for k in range(4))
        c = rec(f) * c + rec(i) * act(g)
        h = rec(o) * act(c)
        outputs.append(h)
    return np.stack(outputs, axis=1)
