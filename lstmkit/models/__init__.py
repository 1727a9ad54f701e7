"""Models with the Keras life-cycle: ``from lstmkit.models import Sequential, load_model``."""

from lstmkit.models.model import load_model
from lstmkit.models.saving import ModelFileError
from lstmkit.models.sequential import Sequential

__all__ = ["ModelFileError", "Sequential", "load_model"]
