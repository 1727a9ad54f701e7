"""Forecasting a series with LSTMs: ``Forecaster``, its baselines, metrics and reports."""

from lstmkit.forecasting.evaluation import Evaluation
from lstmkit.forecasting.forecaster import Forecaster

__all__ = ["Evaluation", "Forecaster"]
