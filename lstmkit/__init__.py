"""lstmkit: sequence prediction with LSTM networks, the Keras way, on a fast PyTorch engine.

Keras programs run after changing only their imports::

    from lstmkit.models import Sequential
    from lstmkit.layers import LSTM, Dense
"""

__version__ = "0.1.0"

from lstmkit.seeding import set_random_seed  # noqa: E402

__all__ = ["__version__", "set_random_seed"]
