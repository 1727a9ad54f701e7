import numpy as np
import pytest

import lstmkit


@pytest.fixture(autouse=True)
def _seeded():
    """Every test starts from the same seed, so results do not depend on test order."""
    lstmkit.set_random_seed(0)


@pytest.fixture
def rng():
    return np.random.default_rng(0)
