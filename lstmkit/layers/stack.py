"""The module behind ``Sequential``: layers applied in order, with Keras's mask propagation."""

from __future__ import annotations

import torch
from torch import nn


class LayerStack(nn.ModuleList):
    """Applies its layers in order. A mask ``(samples, timesteps)`` made by ``Masking`` or
    ``Embedding(mask_zero=True)`` travels to the layers after it that take one (recurrent layers
    skip masked timesteps); the mask that reaches the end is kept in ``output_mask``, so the
    loss can leave masked timesteps out."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mask = None
        for layer in self:
            y = layer(x, mask=mask) if layer.supports_mask and mask is not None else layer(x)
            mask = layer.compute_mask(x, mask)
            x = y
        self.output_mask = mask
        return x
