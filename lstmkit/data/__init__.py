"""Data preparation for LSTMs (lesson 3): NumPy in and out, pandas accepted.

- Framing: ``series_to_supervised`` (lag columns), ``make_windows`` (zero-copy windows).
- Splits in time order: ``train_test_split_time``, ``walk_forward``.
- Scaling without leakage: ``SequenceScaler`` (scikit-learn scalers, fitted on training data).
- Categories: ``to_categorical``, ``from_categorical``, ``CategoryEncoder``.
- Missing values: ``handle_missing``, ``count_missing``.
- Variable lengths: ``pad_sequences``.
- Long sequences: ``split_sequence``, ``tbptt_batches``.
- Shapes: ``to_3d``.
"""

from lstmkit.data.encoding import CategoryEncoder, from_categorical, to_categorical
from lstmkit.data.framing import make_windows, series_to_supervised
from lstmkit.data.missing import count_missing, handle_missing
from lstmkit.data.padding import pad_sequences
from lstmkit.data.reshape import to_3d
from lstmkit.data.scaling import SequenceScaler
from lstmkit.data.sequences import split_sequence, tbptt_batches
from lstmkit.data.splits import Fold, train_test_split_time, walk_forward
from lstmkit.data.validation import check_finite

__all__ = [
    "CategoryEncoder", "Fold", "SequenceScaler", "check_finite", "count_missing", "from_categorical",
    "handle_missing", "make_windows", "pad_sequences", "series_to_supervised", "split_sequence",
    "tbptt_batches", "to_3d", "to_categorical", "train_test_split_time", "walk_forward",
]
