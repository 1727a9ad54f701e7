"""The base class of every lstmkit layer.

A layer is a ``torch.nn.Module`` that is *built* once the shape of its input is known: ``build``
checks that shape (with a message that says how to fix it) and creates the parameters. Shapes
leave out the batch dimension, as Keras's ``input_shape`` does: an LSTM fed ``(samples, 50, 2)``
has ``input_shape=(50, 2)``. ``None`` stands for a length that may vary (usually timesteps).

Every subclass is registered under its class name, so a model file names its layers and loading
rebuilds them from this registry alone: a file can never name code to run.
"""

from __future__ import annotations

from typing import Any, ClassVar, Sequence

import numpy as np
import torch
from torch import nn

Shape = tuple[int | None, ...]

REGISTRY: dict[str, type["Layer"]] = {}


def format_shape(shape: Shape) -> str:
    """``(50, 2)`` -> ``'(None, 50, 2)'``: a shape as Keras prints it, batch first."""
    return "(" + ", ".join(str(d) for d in (None, *shape)) + ")"


def as_shape(value: Any, argument: str) -> Shape:
    """Validate a user-given shape such as ``input_shape=(50, 2)`` and return it as a tuple."""
    if isinstance(value, (int, np.integer)):
        value = (value,)
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise TypeError(f"{argument} must be a tuple of sizes such as (timesteps, features); got {value!r}.")
    shape = tuple(None if d is None else int(d) for d in value)
    if any(d is not None and d <= 0 for d in shape):
        raise ValueError(f"{argument} sizes must be positive (or None for any length); got {tuple(value)}.")
    return shape


class Layer(nn.Module):
    """Base class: subclasses set ``input_ndim`` and implement ``_build``, ``output_shape_for``,
    ``forward`` and ``get_config`` (the constructor arguments, JSON-serialisable).

    Args:
        input_shape: the shape of one sample (no batch dimension), for the first layer of a model.
        name: a name for ``summary()``; the model makes one up when it is None.
    """

    #: Number of dimensions of one input sample this layer accepts (None: any number >= 1).
    input_ndim: ClassVar[int | None] = None
    #: The layout of the input, for error messages, e.g. "(samples, timesteps, features)".
    input_layout: ClassVar[str] = ""
    #: Whether ``forward`` takes a ``mask`` (samples, timesteps) of the timesteps to use.
    supports_mask: ClassVar[bool] = False
    #: Whether the output keeps the input's timestep axis, so an incoming mask still applies.
    keeps_timesteps: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__name__.startswith("_"):
            REGISTRY[cls.__name__] = cls

    def __init__(self, *, input_shape: Sequence[int | None] | None = None, name: str | None = None,
                 batch_input_shape: Sequence[int | None] | None = None):
        super().__init__()
        if batch_input_shape is not None:  # Keras 2's (batch, timesteps, features), for stateful layers
            input_shape = tuple(batch_input_shape)[1:]
        self.declared_input_shape: Shape | None = (
            None if input_shape is None else as_shape(input_shape, "input_shape")
        )
        self.name = name
        self.input_shape: Shape | None = None
        self.output_shape: Shape | None = None

    @property
    def built(self) -> bool:
        return self.input_shape is not None

    def build(self, input_shape: Shape) -> Shape:
        """Check ``input_shape``, create the parameters, and return the output shape.

        Raises:
            ValueError: when this layer cannot take inputs of that shape.
        """
        self.check_input_shape(input_shape)
        if self.built and self.input_shape != input_shape:
            raise ValueError(
                f"Layer {self.label} was built for inputs {format_shape(self.input_shape)} "
                f"and cannot be reused for {format_shape(input_shape)}."
            )
        if not self.built:
            self._build(input_shape)
        self.input_shape = input_shape
        self.output_shape = self.output_shape_for(input_shape)
        return self.output_shape

    def check_input_shape(self, input_shape: Shape) -> None:
        if self.input_ndim is not None and len(input_shape) != self.input_ndim:
            raise ValueError(
                f"{type(self).__name__} expects {self.input_ndim + 1}D input {self.input_layout}; "
                f"got {len(input_shape) + 1}D input of shape {format_shape(input_shape)}."
            )

    @property
    def label(self) -> str:
        return f"'{self.name}' ({type(self).__name__})" if self.name else type(self).__name__

    def _build(self, input_shape: Shape) -> None:
        """Create parameters for inputs of ``input_shape``. Layers without parameters skip it."""

    def output_shape_for(self, input_shape: Shape) -> Shape:
        return input_shape

    def compute_mask(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor | None:
        """The mask ``(samples, timesteps)`` that goes with this layer's output, given its input
        ``x`` and the incoming mask: passed on by layers that keep the timesteps, else dropped."""
        return mask if self.keeps_timesteps else None

    def get_config(self) -> dict[str, Any]:
        """The constructor arguments that rebuild this layer (without weights)."""
        config: dict[str, Any] = {"name": self.name}
        if self.declared_input_shape is not None:
            config["input_shape"] = list(self.declared_input_shape)
        return config

    def count_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def keras_weights(self) -> list[torch.Tensor]:
        """The weights in Keras's order and layout (see ``get_weights``); layers without a Keras
        counterpart give their parameters in the order they were created."""
        return list(self.parameters())

    def set_keras_weights(self, weights: list[np.ndarray]) -> None:
        for parameter, value in zip(self.parameters(), weights):
            copy_into(parameter, value)

    def get_weights(self) -> list[np.ndarray]:
        """The weights as NumPy arrays in Keras's order and layout, e.g. an LSTM's
        ``[kernel (input_dim, 4*units), recurrent_kernel (units, 4*units), bias (4*units,)]``,
        so weights can be exchanged with a Keras model of the same architecture."""
        return [w.detach().cpu().numpy().copy() for w in self.keras_weights()]

    def set_weights(self, weights: Sequence[np.ndarray]) -> None:
        """Set the weights from arrays in the order and layout of ``get_weights``."""
        weights = [np.asarray(w, dtype=np.float32) for w in weights]
        expected = self.get_weights()
        if len(weights) != len(expected):
            raise ValueError(
                f"Layer {self.label} has {len(expected)} weight arrays; got {len(weights)}."
            )
        for i, (new, old) in enumerate(zip(weights, expected)):
            if new.shape != old.shape:
                raise ValueError(
                    f"Weight {i} of layer {self.label} has shape {old.shape}; got {new.shape}."
                )
        self.set_keras_weights(weights)

    def extra_repr(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "name")


def copy_into(param: torch.Tensor, value: np.ndarray) -> None:
    """Copy a NumPy array into a parameter in place, without recording gradients."""
    with torch.no_grad():
        param.copy_(torch.as_tensor(value, dtype=param.dtype))


def layer_from(value: Any, argument: str) -> "Layer":
    """A layer given as an instance, or as ``{"class_name": ..., "config": ...}`` (from a model
    file: only lstmkit's registered layers can be built)."""
    if isinstance(value, Layer):
        return value
    if isinstance(value, dict) and value.get("class_name") in REGISTRY:
        return REGISTRY[value["class_name"]](**value.get("config", {}))
    if isinstance(value, type) and issubclass(value, Layer):
        raise TypeError(f"{argument} takes a layer instance; got the class {value.__name__}. "
                        f"Write {value.__name__}(...).")
    raise TypeError(f"{argument} must be an lstmkit layer; got {value!r}.")


def layer_config(layer: "Layer") -> dict[str, Any]:
    return {"class_name": type(layer).__name__, "config": layer.get_config()}
