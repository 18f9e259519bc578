"""A small classroom in CI: a few browsers at once, every page, training and a benchmark.

``tests/load_test.py --browsers 10`` is the full-size run; this keeps CI quick with three.
"""

from __future__ import annotations

import pytest
from load_test import run

pytestmark = pytest.mark.browser


def test_three_students_at_once():
    summary = run(3).summary()
    assert summary["errors"] == []
    assert summary["leaks"] == []
    # Every health check was answered (none timed out at 5 s), typically within 0.1 s.
    assert summary["health_checks"] > 10
    assert summary["health_ms_max"] < 5000
    assert summary["health_ms_median"] < 200
    assert summary["memory_mb_max"] < 1536  # the class-of-40 budget (1.5 GB); 1,275 MB measured
