"""Figures of autograd on one digit, checked without a browser."""

from __future__ import annotations

import pytest
import torch

from explainer import autograd_graph, data, gradient_check, gradients, model
from explainer.figures import autograd as figs


@pytest.fixture(scope="module")
def found():
    cnn = model.load_pretrained()
    images, labels = data.load_mnist("test")
    step = gradients.forward(cnn, images[3], int(labels[3]))
    graph = autograd_graph.walk(step.loss, autograd_graph.leaf_names(cnn, step.inputs))
    return images[3], graph, gradients.gradients(cnn, step)


def test_graph_dot_names_every_node_and_edge(found) -> None:
    _, graph, _ = found
    dot = figs.graph_dot(graph, {"convolution": "convolution", "loss": "loss"}, "your digit")
    assert dot.startswith("digraph") and dot.rstrip().endswith("}")
    assert dot.count("ConvolutionBackward0\\nconvolution") == 2
    assert "NllLossBackward0\\nloss" in dot
    assert "conv1.weight\\n[16, 1, 5, 5]" in dot and "your digit\\n[1, 1, 28, 28]" in dot
    assert dot.count(" -> ") == len(graph.edges)
    assert figs.LOSS_FILL in dot and figs.INPUT_FILL in dot


def test_graph_dot_escapes_quotes() -> None:
    node = autograd_graph.Node(0, "SumBackward0", "other")
    dot = figs.graph_dot(autograd_graph.Graph((node,), ()), {"other": 'a "word"'})
    assert 'a \\"word\\"' in dot


def test_input_gradient_is_symmetric_and_diverging(found) -> None:
    image, _, grads = found
    figure = figs.input_gradient(image, grads.input, ["digit", "gradient"], "d loss")
    heat = figure.data[1]
    assert heat.zmin == -heat.zmax and heat.zmid == 0
    assert heat.zmax == pytest.approx(float(grads.input.abs().max()))
    assert torch.tensor(figure.data[0].z).shape == (28, 28)


def test_filter_gradients_have_one_tile_per_filter(found) -> None:
    _, _, grads = found
    figure = figs.filter_gradients(grads.filters, "d loss")
    assert len(figure.data[1].text) == 16


def test_check_scatter_puts_each_weight_on_the_diagonal() -> None:
    samples = [
        gradient_check.Sample("fc1.weight", (0, 1), 1e-3, 1e-3 + 1e-12),
        gradient_check.Sample("conv1.bias", (2,), -2e-3, -2e-3),
    ]
    figure = figs.check_scatter(samples, "|autograd|", "|finite difference|")
    positive, negative = figure.data[1], figure.data[2]
    assert list(positive.x) == [1e-3] and list(positive.text) == ["fc1.weight[0, 1]"]
    assert list(negative.x) == [2e-3] and list(negative.y) == [2e-3]
    assert list(negative.customdata[0]) == [-2e-3, -2e-3]  # signed values on hover
    assert figure.layout.xaxis.type == "log" and figure.layout.yaxis.type == "log"
    low, high = figure.data[0].x
    assert low < 1e-3 and high > 2e-3


def test_parameter_bars() -> None:
    figure = figs.parameter_bars(
        {"CNN": {"conv1": 416, "fc1": 51264}, "linear": {"linear": 660}}, "n"
    )
    assert list(figure.data[0].x) == [416, 51264, 660]
    assert list(figure.data[0].y) == ["CNN · conv1", "CNN · fc1", "linear · linear"]
