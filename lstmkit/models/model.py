"""The Keras life-cycle (compile, fit, evaluate, predict, save) around a ``torch.nn.Module``.

``Model`` holds the module and what ``compile`` chose; the loop itself is in ``training.py``.
Subclasses (``Sequential``) say how inputs are checked and how the model is described in a file.
"""

from __future__ import annotations

import math
import os
import warnings
from pathlib import Path
from typing import Any, Callable, ClassVar, Sequence

import numpy as np
import torch
from torch import nn

from lstmkit import losses, metrics as metrics_module, optimizers
from lstmkit._checks import positive_int
from lstmkit.callbacks import Callback, History
from lstmkit.layers.base import Shape, as_shape
from lstmkit.models import saving, training
from lstmkit.data.validation import to_array
from lstmkit.models.arrays import align_targets, check_input, check_targets
from lstmkit.progress import FitProgress

MODEL_CLASSES: dict[str, type["Model"]] = {}


class Model:
    """The Keras life-cycle around any ``torch.nn.Module``: for architectures that ``Sequential``
    cannot express, written as a plain PyTorch ``forward``.

    Args:
        module: the network; its ``forward`` maps a batch of inputs to a batch of outputs.
        config: the keyword arguments that rebuild ``module`` (``type(module)(**config)``), so that
            ``save`` / ``load_model`` work; taken from ``module.get_config()`` when it has one.
        input_shape: the shape of one sample, to check inputs against (optional).
        name: the model's name.

    Example:
        >>> import torch
        >>> class Net(torch.nn.Module):
        ...     def __init__(self, hidden=8):
        ...         super().__init__()
        ...         self.lstm, self.head = torch.nn.LSTM(1, hidden, batch_first=True), torch.nn.Linear(hidden, 1)
        ...     def forward(self, x):
        ...         return self.head(self.lstm(x)[0][:, -1])
        >>> model = Model(Net(hidden=8), config={"hidden": 8})
        >>> model.compile(optimizer="adam", loss="mse")
        >>> model.predict(torch.zeros(3, 5, 1).numpy()).shape
        (3, 1)
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        MODEL_CLASSES[cls.__name__] = cls

    def __init__(self, module: nn.Module, config: dict[str, Any] | None = None,
                 input_shape: Sequence[int | None] | None = None, name: str = "model"):
        if not isinstance(module, nn.Module):
            raise TypeError(f"Model wraps a torch.nn.Module; got {type(module).__name__}.")
        self.module = module
        self.name = name
        self.module_config = config if config is not None else getattr(module, "get_config", lambda: None)()
        self.declared_input_shape = None if input_shape is None else as_shape(input_shape, "input_shape")
        self._output_shape: Shape | None = None
        self.stop_training = False
        self.history: History | None = None
        self._loss: losses.Loss | None = None
        self._metric_names: list[str | Callable] = []
        self._optimizer: optimizers.Optimizer | torch.optim.Optimizer | None = None
        self._objective: training.Objective | None = None

    # ----------------------------------------------------------------- shapes and inputs
    @property
    def sample_output_shape(self) -> Shape | None:
        """The shape of one sample's output, once known (from a first input for a plain module)."""
        return self._output_shape

    def _prepare_input(self, x: Any, argument: str = "x") -> np.ndarray:
        """Convert and check ``x``."""
        array = to_array(x, argument)
        if self.declared_input_shape is not None:
            check_input(array, self.declared_input_shape, None)
        if self._output_shape is None:  # one sample through the network tells the output shape
            self.module.eval()
            with torch.inference_mode():
                sample = torch.as_tensor(np.ascontiguousarray(array[:1], dtype=np.float32), device=self._device())
                output = self.module(sample)
            if isinstance(output, torch.Tensor):
                self._output_shape = tuple(output.shape[1:])
        return array

    def get_config(self) -> dict[str, Any]:
        if self.module_config is None:
            cls = type(self.module).__name__
            raise ValueError(f"To save a Model wrapping {cls}, give the arguments that rebuild it: "
                             f"Model({cls}(...), config={{...}}), or define {cls}.get_config().")
        return {"class_name": "Model", "name": self.name, "module": type(self.module).__name__,
                "module_config": self.module_config,
                "input_shape": None if self.declared_input_shape is None else list(self.declared_input_shape)}

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: dict[str, type] | None = None) -> "Model":
        name = config.get("module")
        module_cls = (custom_objects or {}).get(name)
        if module_cls is None:
            raise ValueError(f"the file holds a custom module {name!r}; rebuild it by passing its class: "
                             f"load_model(path, custom_objects={{{name!r}: {name}}})")
        return cls(module_cls(**config.get("module_config", {})), config=config.get("module_config"),
                   input_shape=config.get("input_shape"), name=config.get("name", "model"))

    def summary(self, print_fn=None) -> None:
        """Print the wrapped module and its parameter count."""
        lines = [f'Model: "{self.name}" wrapping {type(self.module).__name__}', repr(self.module),
                 f" Total params: {self.count_params():,}"]
        for line in lines:
            (print_fn or print)(line)

    # ----------------------------------------------------------------- compile
    def compile(self, optimizer: str | optimizers.Optimizer | torch.optim.Optimizer = "rmsprop",
                loss: str | Callable | None = None,
                metrics: Sequence[str | Callable] | str | None = None) -> None:
        """Choose the optimiser, the loss and the metrics reported by ``fit`` and ``evaluate``.

        Args:
            optimizer: 'sgd', 'adam', 'rmsprop', 'adagrad', 'adamw', an ``lstmkit.optimizers``
                object such as ``Adam(learning_rate=0.01)``, or a ``torch.optim`` optimiser.
            loss: 'mean_squared_error' ('mse'), 'mean_absolute_error' ('mae'),
                'binary_crossentropy', 'categorical_crossentropy',
                'sparse_categorical_crossentropy', or a function ``fn(y_true, y_pred)``.
            metrics: names such as ['accuracy'], ['mae'], ['mse'].

        Raises:
            ValueError: for unknown names (the message lists the known ones) or a missing loss.
        """
        if loss is None:
            raise ValueError("compile() needs a loss, e.g. loss='mse' for regression or "
                             "loss='binary_crossentropy' for two classes.")
        self._optimizer = optimizers.get(optimizer)
        self._loss = losses.get(loss)
        names = [metrics] if isinstance(metrics, str) else list(metrics or [])
        for name in names:
            metrics_module.get(name, self._loss, 1)  # unknown names fail here, not in fit
        self._metric_names = names
        self._objective = None

    @property
    def compiled(self) -> bool:
        return self._loss is not None

    def _require_compiled(self) -> None:
        if not self.compiled:
            raise RuntimeError("The model must be compiled before training or evaluation: call "
                               "model.compile(optimizer='adam', loss='mse') first.")

    def _objective_for_training(self) -> training.Objective:
        """The loss, metrics and optimiser; built on first use, once the model has parameters."""
        self._require_compiled()
        if self._objective is None:
            width = (self.sample_output_shape or (1,))[-1] or 1
            spec = self._optimizer if isinstance(self._optimizer, optimizers.Optimizer) else None
            built = spec.build(self.module.parameters()) if spec else self._optimizer
            self._objective = training.Objective(
                self._loss, [metrics_module.get(m, self._loss, width) for m in self._metric_names],
                built, spec)
        return self._objective

    # ----------------------------------------------------------------- data
    def _device(self) -> torch.device:
        parameter = next(self.module.parameters(), None)
        return parameter.device if parameter is not None else torch.device("cpu")

    def _tensors(self, x: Any, y: Any, suffix: str = "") -> tuple[torch.Tensor, torch.Tensor]:
        """Checked tensors for inputs ``x`` and targets ``y`` ('x_val' and 'y_val' with a suffix)."""
        x = self._prepare_input(x, f"x{suffix}")
        y = to_array(y, f"y{suffix}")
        check_targets(y, len(x))
        if self.sample_output_shape is None:
            raise ValueError("The model's output is not a single tensor, so there is no one target to fit.")
        y = align_targets(y, self.sample_output_shape, self._loss.target)
        device = self._device()
        x_t = torch.as_tensor(np.ascontiguousarray(x, dtype=np.float32), device=device)
        dtype = np.int64 if self._loss.target == "index" else np.float32
        return x_t, torch.as_tensor(np.ascontiguousarray(y, dtype=dtype), device=device)

    # ----------------------------------------------------------------- fit / evaluate / predict
    def fit(self, x: Any = None, y: Any = None, batch_size: int | None = None, epochs: int = 1,
            verbose: int = 1, callbacks: Sequence[Callback] | None = None,
            validation_split: float = 0.0, validation_data: tuple | None = None,
            shuffle: bool = True, initial_epoch: int = 0) -> History:
        """Train the model on ``x`` and ``y``.

        Args:
            x: inputs ``(samples, timesteps, features)`` (NumPy, list, or pandas).
            y: targets, one per sample, shaped like the model's output.
            batch_size: samples per gradient update (32).
            epochs: the epoch to stop at (training runs epochs ``initial_epoch .. epochs-1``).
            verbose: 0 silent, 1 progress bar, 2 one line per epoch.
            callbacks: e.g. ``[EarlyStopping(patience=5)]``.
            validation_split: the fraction of samples, taken from the end before shuffling (as
                Keras does), held out to report 'val_loss'.
            validation_data: ``(x_val, y_val)``; takes precedence over ``validation_split``.
            shuffle: shuffle the training samples before every epoch.
            initial_epoch: the epoch to start from, when resuming.

        Returns:
            A ``History`` whose ``.history`` maps 'loss', 'val_loss' and metric names to lists.

        Raises:
            ValueError: for data of the wrong shape, NaN values, or bad settings.
            RuntimeError: when the model is not compiled.
        """
        batch_size = positive_int(32 if batch_size is None else batch_size, "batch_size")
        epochs = positive_int(epochs, "epochs")
        if shuffle and any(getattr(layer, "stateful", False) for layer in self.module.modules()):
            warnings.warn("The model has stateful layers, which carry each row's state into the next batch; "
                          "pass shuffle=False so that batches follow each other in time.", UserWarning, stacklevel=2)
        if not 0 <= initial_epoch < epochs:
            raise ValueError(f"initial_epoch must be in [0, epochs); got {initial_epoch!r} with epochs={epochs}.")
        self._require_compiled()
        x_t, y_t = self._tensors(x, y)  # builds the model from the data if needed
        objective = self._objective_for_training()
        validation = None
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) < 2:
                raise ValueError("validation_data must be a tuple (x_val, y_val).")
            validation = self._tensors(validation_data[0], validation_data[1], "_val")
        elif validation_split:
            if not 0.0 < validation_split < 1.0:
                raise ValueError(f"validation_split must be in (0, 1); got {validation_split!r}.")
            split = int(math.floor(len(x_t) * (1.0 - validation_split)))
            if split == 0 or split == len(x_t):
                raise ValueError(f"validation_split={validation_split} leaves no samples for "
                                 f"{'training' if split == 0 else 'validation'} out of {len(x_t)}.")
            x_t, y_t, validation = x_t[:split], y_t[:split], (x_t[split:], y_t[split:])
        progress = FitProgress(verbose, epochs, math.ceil(len(x_t) / batch_size), initial_epoch)
        self.history = training.fit(
            self, objective, x_t, y_t, batch_size=batch_size, epochs=epochs,
            initial_epoch=initial_epoch, shuffle=shuffle, validation=validation,
            callbacks=list(callbacks or []), progress=progress)
        return self.history

    def evaluate(self, x: Any = None, y: Any = None, batch_size: int | None = None,
                 verbose: int = 0, return_dict: bool = False) -> float | list[float] | dict[str, float]:
        """The loss (and metrics) on ``x`` and ``y``: a number without metrics, otherwise
        ``[loss, metric, ...]`` (a dict with ``return_dict=True``), as Keras returns."""
        batch_size = positive_int(32 if batch_size is None else batch_size, "batch_size")
        self._require_compiled()
        x_t, y_t = self._tensors(x, y)
        scores = training.evaluate(self.module, self._objective_for_training(), x_t, y_t, batch_size)
        if verbose:
            print(" - ".join(f"{k}: {v:.4g}" for k, v in scores.items()))
        if return_dict:
            return scores
        values = list(scores.values())
        return values[0] if len(values) == 1 else values

    def predict(self, x: Any, batch_size: int | None = None, verbose: int = 0) -> np.ndarray:
        """The model's outputs for ``x`` as a NumPy array ``(samples, *output_shape)`` (a list of
        arrays for a model with several outputs)."""
        batch_size = positive_int(32 if batch_size is None else batch_size, "batch_size")
        x = self._prepare_input(x)
        x_t = torch.as_tensor(np.ascontiguousarray(x, dtype=np.float32), device=self._device())
        output = training.predict(self.module, x_t, batch_size)
        if isinstance(output, (list, tuple)):
            return [part.cpu().numpy() for part in output]
        return output.cpu().numpy()

    def predict_proba(self, x: Any, batch_size: int | None = None, verbose: int = 0) -> np.ndarray:
        """The predicted probabilities (the output of a sigmoid or softmax layer)."""
        return self.predict(x, batch_size, verbose)

    def predict_classes(self, x: Any, batch_size: int | None = None, verbose: int = 0) -> np.ndarray:
        """Class predictions: the argmax of a softmax output, or a sigmoid output thresholded at
        0.5 (as ``(samples, 1)`` int32), as Keras's ``predict_classes`` returned."""
        proba = self.predict(x, batch_size, verbose)
        if proba.shape[-1] > 1:
            return proba.argmax(axis=-1)
        return (proba > 0.5).astype("int32")

    def reset_states(self) -> None:
        """Forget the states that stateful recurrent layers carry from batch to batch."""
        for layer in self.module.modules():
            if hasattr(layer, "reset_states") and layer is not self.module:
                layer.reset_states()

    # ----------------------------------------------------------------- weights and files
    def count_params(self) -> int:
        """The number of weights (Keras's count: one bias per LSTM gate)."""
        return sum(p.numel() for p in self.module.parameters())

    def get_weights(self) -> list[np.ndarray]:
        return [p.detach().cpu().numpy().copy() for p in self.module.parameters()]

    def set_weights(self, weights: Sequence[np.ndarray]) -> None:
        parameters = list(self.module.parameters())
        if len(weights) != len(parameters):
            raise ValueError(f"The model has {len(parameters)} weight arrays; got {len(weights)}.")
        with torch.no_grad():
            for parameter, value in zip(parameters, weights):
                if tuple(np.shape(value)) != tuple(parameter.shape):
                    raise ValueError(f"Weight of shape {tuple(parameter.shape)} cannot be set "
                                     f"from an array of shape {np.shape(value)}.")
                parameter.copy_(torch.as_tensor(np.asarray(value), dtype=parameter.dtype))

    def _compile_config(self) -> dict[str, Any] | None:
        if not self.compiled:
            return None
        named = all(isinstance(m, str) for m in self._metric_names)
        spec = self._optimizer if isinstance(self._optimizer, optimizers.Optimizer) else None
        if self._loss.name not in losses.LOSSES or not named or spec is None:
            warnings.warn("The model was compiled with a custom loss, metric or torch optimizer, "
                          "which a model file cannot hold; compile the loaded model again.",
                          RuntimeWarning, stacklevel=3)
            return None
        return {"optimizer": spec.get_config(), "loss": self._loss.name, "metrics": self._metric_names}

    def save(self, filepath: str | os.PathLike) -> Path:
        """Save the architecture, weights, compile settings and optimiser state to one file.

        The file is safetensors with the configuration as JSON metadata (no pickle), written
        under a temporary name and renamed, so a crash never leaves half a model.
        """
        config = {**self.get_config(), "compile": self._compile_config()}
        tensors = {f"module.{k}": v for k, v in self.module.state_dict().items()}
        groups = None
        if config["compile"] is not None and self._objective is not None:
            state, groups = saving.optimizer_tensors(self._objective.optimizer)
            tensors.update({f"optimizer.{k}": v for k, v in state.items()})
        return saving.write(filepath, config, tensors, groups)


MODEL_CLASSES["Model"] = Model


def load_model(filepath: str | os.PathLike, compile: bool = True,
               custom_objects: dict[str, type] | None = None) -> Model:
    """Load a model saved with ``model.save``: architecture, weights, and (with ``compile``)
    the compile settings and optimiser state, so training can continue. A ``Model`` wrapping a
    module of your own needs its class: ``custom_objects={"Net": Net}`` (the file names the class;
    only classes given here are built).

    Raises:
        FileNotFoundError: when there is no file at ``filepath``.
        ModelFileError: when the file is truncated, corrupted, or not an lstmkit model.

    Example:
        >>> # model.save("model.lstmkit"); later, in another process:
        >>> # model = load_model("model.lstmkit"); model.predict(X)
    """
    config, tensors, groups = saving.read(filepath)
    name = config.get("class_name")
    if name not in MODEL_CLASSES:
        raise saving.ModelFileError(f"{str(filepath)!r} holds a model of unknown kind {name!r}.")
    try:
        model = MODEL_CLASSES[name].from_config(config, custom_objects=custom_objects)
        model.module.load_state_dict(saving.split_tensors(tensors, "module"), strict=True)
    except (TypeError, ValueError, KeyError, RuntimeError) as error:
        raise saving.ModelFileError(
            f"{str(filepath)!r} does not describe a valid model: {error}") from None
    compile_config = config.get("compile")
    if compile and compile_config:
        model.compile(optimizers.from_config(compile_config["optimizer"]), compile_config["loss"],
                      compile_config["metrics"])
        optimizer_tensors = saving.split_tensors(tensors, "optimizer")
        if groups is not None:
            objective = model._objective_for_training()
            try:
                objective.optimizer.load_state_dict(saving.optimizer_state(optimizer_tensors, groups))
            except (ValueError, KeyError, RuntimeError) as error:
                raise saving.ModelFileError(
                    f"{str(filepath)!r} has a damaged optimiser state: {error}") from None
    return model
