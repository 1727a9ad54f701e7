"""Sequential: a stack of layers, each feeding the next, as ``keras.models.Sequential``."""

from __future__ import annotations

import re
import warnings
from typing import Any, Iterable, Sequence

import numpy as np
from lstmkit.layers.base import REGISTRY, Layer, Shape, as_shape, format_shape
from lstmkit.layers.input import Input
from lstmkit.layers.stack import LayerStack
from lstmkit.data.validation import to_array
from lstmkit.models.arrays import check_input
from lstmkit.models.model import Model
from lstmkit.models.summary import print_summary


def _snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


class Sequential(Model):
    """A linear stack of layers with the Keras life-cycle: define, compile, fit, evaluate, predict.

    Shapes are checked as layers are added, when the input shape is known (``input_shape`` on the
    first layer, or an ``Input``); otherwise when the model first sees data.

    Args:
        layers: layers to add, in order.
        name: the model's name in ``summary()``.

    Example:
        >>> import numpy as np
        >>> from lstmkit.models import Sequential
        >>> from lstmkit.layers import LSTM, Dense
        >>> model = Sequential()
        >>> model.add(LSTM(5, input_shape=(2, 1)))
        >>> model.add(Dense(1))
        >>> model.compile(optimizer="adam", loss="mean_squared_error")
        >>> history = model.fit(np.zeros((8, 2, 1)), np.zeros(8), epochs=2, verbose=0)
        >>> model.predict(np.zeros((3, 2, 1))).shape
        (3, 1)
    """

    def __init__(self, layers: Iterable[Layer] | None = None, name: str | None = None):
        super().__init__(LayerStack(), config={}, name=name or "sequential")
        self._sample_shape: Shape | None = None
        for layer in layers or []:
            self.add(layer)

    @property
    def layers(self) -> list[Layer]:
        return list(self.module)

    @property
    def built(self) -> bool:
        return self._sample_shape is not None and all(layer.built for layer in self.module)

    @property
    def input_shape(self) -> tuple | None:
        """Keras's ``(None, timesteps, features)``, or None before the shape is known."""
        return None if self._sample_shape is None else (None, *self._sample_shape)

    @property
    def output_shape(self) -> tuple | None:
        shape = self.sample_output_shape
        return None if shape is None else (None, *shape)

    @property
    def sample_output_shape(self) -> Shape | None:
        if not self.built or not len(self.module):
            return None
        return self.module[-1].output_shape

    def add(self, layer: Layer) -> None:
        """Add a layer on top of the stack, checking that it accepts the previous layer's output.

        Raises:
            TypeError: when ``layer`` is not a layer instance.
            ValueError: when its input shape does not fit, with a message that says how to fix it.
        """
        if isinstance(layer, type):
            raise TypeError(f"add() takes a layer instance; got the class {layer.__name__}. "
                            f"Write model.add({layer.__name__}(...)).")
        if not isinstance(layer, Layer):
            raise TypeError(f"add() takes an lstmkit layer (from lstmkit.layers); got {type(layer).__name__}.")
        if isinstance(layer, Input):
            if len(self.module) or self._sample_shape is not None:
                raise ValueError("Input(...) must be the first thing added to a Sequential model.")
            self._sample_shape = layer.declared_input_shape
            return
        if any(layer is existing for existing in self.module):
            raise ValueError(f"Layer {layer.label} is already in this model; create a new layer instead.")
        if layer.declared_input_shape is not None:
            if not len(self.module) and self._sample_shape is None:
                self._sample_shape = layer.declared_input_shape
            else:
                warnings.warn(f"input_shape on {type(layer).__name__} is ignored: only the first "
                              "layer's input_shape sets the model's input.", UserWarning, stacklevel=2)
        previous = self.module[-1] if len(self.module) else None
        if previous is not None and getattr(previous, "merge_mode", "concat") is None:
            raise ValueError(f"{previous.label} has merge_mode=None and returns two outputs [forward, backward]; "
                             "it can only be the last layer. Choose merge_mode 'concat', 'sum', 'mul' or 'ave'.")
        self._name_layer(layer)
        if self._sample_shape is not None:
            previous = self.module[-1].output_shape if len(self.module) else self._sample_shape
            self._build_layer(layer, previous, self.module[-1] if len(self.module) else None)
        self.module.append(layer)
        self._objective = None  # the optimiser must see the new parameters

    def _name_layer(self, layer: Layer) -> None:
        names = {existing.name for existing in self.module}
        if layer.name is None:
            base = _snake_case(type(layer).__name__)
            layer.name = base
            count = 0
            while layer.name in names:
                count += 1
                layer.name = f"{base}_{count}"
        elif layer.name in names:
            raise ValueError(f"A layer named {layer.name!r} is already in this model; names must be unique.")

    def _build_layer(self, layer: Layer, input_shape: Shape, previous: Layer | None) -> None:
        try:
            layer.build(input_shape)
        except ValueError as error:
            raise ValueError(f"{error}{self._shape_hint(layer, input_shape, previous)}") from None

    @staticmethod
    def _shape_hint(layer: Layer, input_shape: Shape, previous: Layer | None) -> str:
        if layer.input_ndim is None or len(input_shape) == layer.input_ndim:
            return ""
        if previous is not None and getattr(previous, "return_sequences", True) is False:
            return (f" The layer before it, {previous.label}, returns only its last output "
                    f"{format_shape(previous.output_shape)}; to stack recurrent layers, set "
                    f"return_sequences=True on it: {type(previous).__name__}({previous.units}, "
                    "return_sequences=True).")
        if previous is None and len(input_shape) == 1 and layer.input_ndim == 2:
            steps = input_shape[0]
            return (f" input_shape is the shape of one sample, (timesteps, features): for example "
                    f"input_shape=({steps}, 1) for {steps} timesteps of 1 feature, and reshape the "
                    f"data to (samples, {steps}, 1).")
        return ""

    def build(self, input_shape: Sequence[int | None]) -> None:
        """Build every layer for inputs of ``input_shape``, batch first as in Keras:
        ``model.build((None, timesteps, features))``."""
        shape = as_shape(tuple(input_shape)[1:], "input_shape")
        if self._sample_shape is not None and self._sample_shape != shape:
            raise ValueError(f"The model was defined for inputs {format_shape(self._sample_shape)}; "
                             f"cannot build it for {format_shape(shape)}.")
        self._sample_shape = shape
        for index, layer in enumerate(self.module):
            previous = self.module[index - 1] if index else None
            self._build_layer(layer, previous.output_shape if previous else self._sample_shape, previous)

    def _prepare_input(self, x: Any, argument: str = "x") -> np.ndarray:
        if not len(self.module):
            raise ValueError("The model has no layers; add some with model.add(...) first.")
        array = to_array(x, argument)
        check_input(array, self._sample_shape, self.module[0])
        if not self.built:
            # Built from data: every axis but the last may vary, as with input_shape=(None, F).
            self.build((None, *(None,) * (array.ndim - 2), array.shape[-1]))
        return array

    def summary(self, print_fn=None) -> None:
        """Print a table of the layers, their output shapes and parameter counts (Keras's)."""
        print_summary(self, print_fn)

    def get_weights(self) -> list[np.ndarray]:
        """All layers' weights in Keras's order and layout (see ``Layer.get_weights``)."""
        return [w for layer in self.module for w in layer.get_weights()]

    def set_weights(self, weights: Sequence[np.ndarray]) -> None:
        weights = list(weights)
        counts = [len(layer.get_weights()) for layer in self.module]
        if len(weights) != sum(counts):
            raise ValueError(f"The model has {sum(counts)} weight arrays; got {len(weights)}.")
        for layer, count in zip(self.module, counts):
            layer.set_weights(weights[:count])
            weights = weights[count:]

    def get_config(self) -> dict[str, Any]:
        return {
            "class_name": "Sequential",
            "name": self.name,
            "input_shape": None if self._sample_shape is None else list(self._sample_shape),
            "layers": [{"class_name": type(layer).__name__, "config": layer.get_config()}
                       for layer in self.module],
        }

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: dict[str, type] | None = None) -> "Sequential":
        """Rebuild an (unweighted) model from ``get_config()``; only lstmkit's layers can appear."""
        model = cls(name=config.get("name"))
        layers = config.get("layers")
        if not isinstance(layers, list):
            raise ValueError("the configuration has no list of layers")
        for index, entry in enumerate(layers):
            kind = entry.get("class_name") if isinstance(entry, dict) else None
            if kind not in REGISTRY:
                raise ValueError(f"layer {index} is of unknown kind {kind!r}")
            model.add(REGISTRY[kind](**entry.get("config", {})))
        if config.get("input_shape") is not None and not model.built:
            model.build((None, *config["input_shape"]))
        return model
