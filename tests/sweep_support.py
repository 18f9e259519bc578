"""Synthetic sweep points for the tests of what a sweep shows (``test_sweep``, ``test_captions``)."""

from __future__ import annotations

from explainer.sweep import SweepPoint

# The CNN behind at 50 digits, ahead from 500 on, clearly so (its worst run beats the linear's best).
CROSSING = {
    ("linear", 50): [0.78, 0.76, 0.80],
    ("cnn", 50): [0.65, 0.66, 0.64],
    ("linear", 500): [0.90, 0.91, 0.89],
    ("cnn", 500): [0.93, 0.94, 0.92],
    ("linear", 4000): [0.945, 0.947, 0.946],
    ("cnn", 4000): [0.98, 0.979, 0.981],
}


def make_points(table: dict[tuple[str, int], list[float]]) -> list[SweepPoint]:
    """One 600-step point per run: ``table`` maps (learner, size) to each seed's test accuracy."""
    return [
        SweepPoint(learner, size, seed, 600, accuracy, 1.0)
        for (learner, size), runs in table.items()
        for seed, accuracy in enumerate(runs)
    ]
