"""lstmkit: sequence prediction with LSTM networks, the Keras way, on a fast PyTorch engine.

Keras programs run after changing only their imports::

    from lstmkit.models import Sequential
    from lstmkit.layers import LSTM, Dense
"""

__version__ = "0.1.0"

from lstmkit.seeding import set_random_seed  # noqa: E402


def __getattr__(name: str):
    # Forecaster is imported on first use, so `import lstmkit` stays light for the engine alone.
    if name == "Forecaster":
        from lstmkit.forecasting import Forecaster

        return Forecaster
    raise AttributeError(f"module 'lstmkit' has no attribute {name!r}")


__all__ = ["Forecaster", "__version__", "set_random_seed"]
