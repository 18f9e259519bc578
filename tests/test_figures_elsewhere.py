"""The digits-from-elsewhere scoreboard figure."""

from __future__ import annotations

from explainer.figures.elsewhere import scoreboard


def test_scoreboard_has_a_bar_per_learner_and_set_with_its_percentage() -> None:
    accuracy = {
        "test": {"rules": 0.7, "linear": 0.95, "cnn": 0.976},
        "photo": {"rules": 0.5, "linear": 0.9, "cnn": 0.95},
    }
    names = {"rules": "Rules", "linear": "Linear", "cnn": "CNN"}
    sets = {"test": "test split", "photo": "photo-like"}
    figure = scoreboard(accuracy, sets, names, "share right")
    assert [trace.name for trace in figure.data] == ["Rules", "Linear", "CNN"]
    cnn = figure.data[2]
    assert list(cnn.x) == ["test split", "photo-like"]
    assert list(cnn.y) == [0.976, 0.95]
    assert list(cnn.text) == ["98%", "95%"]
    assert figure.layout.yaxis.title.text == "share right"
