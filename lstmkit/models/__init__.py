"""Models with the Keras life-cycle: ``from lstmkit.models import Sequential, Model, load_model``."""

from lstmkit.models.model import Model, load_model
from lstmkit.models.saving import ModelFileError
from lstmkit.models.sequential import Sequential

__all__ = ["Model", "ModelFileError", "Sequential", "load_model"]
