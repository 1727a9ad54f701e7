"""Layers, with Keras's names and arguments: ``from lstmkit.layers import LSTM, Dense``.

Adding a layer is one small file: subclass ``Layer`` (``base.py``) and import it here; the
registry, shape checks, ``summary()`` and saving pick it up.
"""

from lstmkit.layers.activation import Activation
from lstmkit.layers.attention import AttentionDecoder
from lstmkit.layers.base import Layer
from lstmkit.layers.bidirectional import Bidirectional
from lstmkit.layers.convolution import Conv1D, Conv2D
from lstmkit.layers.dense import Dense
from lstmkit.layers.dropout import Dropout
from lstmkit.layers.embedding import Embedding
from lstmkit.layers.gru import GRU
from lstmkit.layers.input import Input
from lstmkit.layers.lstm import LSTM
from lstmkit.layers.masking import Masking
from lstmkit.layers.pooling import MaxPooling1D, MaxPooling2D
from lstmkit.layers.reshaping import Flatten, RepeatVector, Reverse
from lstmkit.layers.simple_rnn import SimpleRNN
from lstmkit.layers.time_distributed import TimeDistributed

__all__ = ["Activation", "AttentionDecoder", "Bidirectional", "Conv1D", "Conv2D", "Dense", "Dropout", "Embedding", "Flatten", "GRU",
           "Input", "LSTM", "Layer", "Masking", "MaxPooling1D", "MaxPooling2D", "RepeatVector", "Reverse", "SimpleRNN",
           "TimeDistributed"]
