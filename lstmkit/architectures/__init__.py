"""Named model architectures: builders with one signature that return an uncompiled model.

Every builder takes ``(input_shape, outputs, units, layers, dropout, activation)`` and returns an
uncompiled ``Sequential`` (output ``(samples, outputs)``; ``encoder_decoder`` and ``attention`` take ``outputs=
(steps, features)``), so experiments and the ``Forecaster`` swap one for another by name::

    model = architectures.get("stacked")(input_shape=(24, 1), outputs=12)
"""

from __future__ import annotations

from typing import Callable

from lstmkit._naming import lookup
from lstmkit.architectures.attention import attention
from lstmkit.architectures.bidirectional import bidirectional
from lstmkit.architectures.cnn_lstm import cnn_lstm
from lstmkit.architectures.encoder_decoder import encoder_decoder
from lstmkit.architectures.stacked import stacked
from lstmkit.architectures.vanilla import vanilla
from lstmkit.models import Sequential

Builder = Callable[..., Sequential]

ARCHITECTURES: dict[str, Builder] = {"vanilla": vanilla, "stacked": stacked, "cnn_lstm": cnn_lstm,
                                     "encoder_decoder": encoder_decoder, "bidirectional": bidirectional,
                                     "attention": attention}


def get(name: str) -> Builder:
    """The builder called ``name``.

    Raises:
        ValueError: for an unknown name; the message lists the known ones.
    """
    return lookup("architecture", name, ARCHITECTURES)


__all__ = ["ARCHITECTURES", "attention", "bidirectional", "cnn_lstm", "encoder_decoder", "get", "stacked", "vanilla"]
