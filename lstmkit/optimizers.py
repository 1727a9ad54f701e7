"""Optimisers by their Keras names and defaults: ``compile(optimizer='adam')`` or
``compile(optimizer=Adam(learning_rate=0.01))``.

An optimiser here is a small, typed specification (so it can be given before the model exists and
saved in a model file); ``build(parameters)`` makes the ``torch.optim`` optimiser that runs.
"""

from __future__ import annotations

from dataclasses import InitVar, asdict, dataclass, fields
from typing import Any, ClassVar, Iterable

import torch

from lstmkit._naming import lookup


@dataclass
class Optimizer:
    """Base specification.

    Args:
        learning_rate: the step size.
        clipnorm: if set, rescale the gradients so their global norm is at most this.
        clipvalue: if set, clip every gradient value to ``[-clipvalue, clipvalue]``.
        lr: the older Keras name of ``learning_rate`` (as in the course's ``Adam(lr=0.01)``).
    """

    learning_rate: float = 0.001
    clipnorm: float | None = None
    clipvalue: float | None = None
    lr: InitVar[float | None] = None
    name: ClassVar[str] = "optimizer"

    def __post_init__(self, lr: float | None) -> None:
        if lr is not None:
            self.learning_rate = lr
        problems = []
        if not self.learning_rate > 0:
            problems.append(f"learning_rate must be positive; got {self.learning_rate!r}")
        for argument in ("clipnorm", "clipvalue"):
            value = getattr(self, argument)
            if value is not None and not value > 0:
                problems.append(f"{argument} must be positive or None; got {value!r}")
        if problems:
            raise ValueError(f"Invalid {type(self).__name__} settings: " + "; ".join(problems) + ".")

    def build(self, parameters: Iterable[torch.nn.Parameter]) -> torch.optim.Optimizer:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, **asdict(self)}

    def clip_gradients(self, parameters: list[torch.nn.Parameter]) -> None:
        if self.clipvalue is not None:
            torch.nn.utils.clip_grad_value_(parameters, self.clipvalue)
        if self.clipnorm is not None:
            torch.nn.utils.clip_grad_norm_(parameters, self.clipnorm)


@dataclass
class SGD(Optimizer):
    """Stochastic gradient descent (Keras defaults: learning_rate=0.01, no momentum)."""

    learning_rate: float = 0.01
    momentum: float = 0.0
    nesterov: bool = False
    name: ClassVar[str] = "sgd"

    def build(self, parameters):
        return torch.optim.SGD(parameters, lr=self.learning_rate, momentum=self.momentum,
                               nesterov=self.nesterov)


@dataclass
class Adam(Optimizer):
    """Adam (Keras defaults: learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)."""

    beta_1: float = 0.9
    beta_2: float = 0.999
    epsilon: float = 1e-7
    amsgrad: bool = False
    name: ClassVar[str] = "adam"

    def build(self, parameters):
        return torch.optim.Adam(parameters, lr=self.learning_rate, betas=(self.beta_1, self.beta_2),
                                eps=self.epsilon, amsgrad=self.amsgrad)


@dataclass
class AdamW(Adam):
    """Adam with decoupled weight decay (Keras default weight_decay=0.004)."""

    weight_decay: float = 0.004
    name: ClassVar[str] = "adamw"

    def build(self, parameters):
        return torch.optim.AdamW(parameters, lr=self.learning_rate, betas=(self.beta_1, self.beta_2),
                                 eps=self.epsilon, amsgrad=self.amsgrad, weight_decay=self.weight_decay)


@dataclass
class RMSprop(Optimizer):
    """RMSprop (Keras defaults: learning_rate=0.001, rho=0.9, epsilon=1e-7)."""

    rho: float = 0.9
    momentum: float = 0.0
    epsilon: float = 1e-7
    centered: bool = False
    name: ClassVar[str] = "rmsprop"

    def build(self, parameters):
        return torch.optim.RMSprop(parameters, lr=self.learning_rate, alpha=self.rho, eps=self.epsilon,
                                   momentum=self.momentum, centered=self.centered)


@dataclass
class Adagrad(Optimizer):
    """Adagrad (Keras defaults: learning_rate=0.001, initial_accumulator_value=0.1)."""

    initial_accumulator_value: float = 0.1
    epsilon: float = 1e-7
    name: ClassVar[str] = "adagrad"

    def build(self, parameters):
        return torch.optim.Adagrad(parameters, lr=self.learning_rate, eps=self.epsilon,
                                   initial_accumulator_value=self.initial_accumulator_value)


OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in (SGD, Adam, AdamW, RMSprop, Adagrad)}


def get(identifier: str | Optimizer | torch.optim.Optimizer) -> Optimizer | torch.optim.Optimizer:
    """Return an optimiser specification for a name, or the given object unchanged.

    Raises:
        ValueError: for an unknown name; the message lists the known ones.
        TypeError: for anything that is neither a name nor an optimiser.
    """
    if isinstance(identifier, (Optimizer, torch.optim.Optimizer)):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Optimizer):
        return identifier()
    if not isinstance(identifier, str):
        raise TypeError(
            "optimizer must be a name such as 'adam', an lstmkit.optimizers object such as "
            f"Adam(learning_rate=0.01), or a torch.optim optimizer; got {identifier!r}."
        )
    return lookup("optimizer", identifier, OPTIMIZERS)()


def from_config(config: dict[str, Any]) -> Optimizer:
    """Rebuild an optimiser specification from ``Optimizer.get_config()``."""
    config = dict(config)
    cls = lookup("optimizer", config.pop("name", ""), OPTIMIZERS)
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in config.items() if k in known})
