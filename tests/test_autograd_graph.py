"""The graph walker finds what autograd recorded: the convolutions, the loss, every weight."""

from __future__ import annotations

import pytest
import torch

from explainer import autograd_graph, data, gradients, model


@pytest.fixture(scope="module")
def cnn() -> model.DigitCNN:
    return model.load_pretrained()


@pytest.fixture(scope="module")
def graph(cnn) -> autograd_graph.Graph:
    images, labels = data.load_mnist("test")
    step = gradients.forward(cnn, images[3], int(labels[3]))
    return autograd_graph.walk(step.loss, autograd_graph.leaf_names(cnn, step.inputs))


def test_the_walk_starts_at_the_loss_and_finds_both_convolutions(graph) -> None:
    ops = graph.ops()
    assert ops[0] == "NllLossBackward0" and ops[1] == "LogSoftmaxBackward0"
    assert ops.count("ConvolutionBackward0") == 2
    assert ops.count("MaxPool2DWithIndicesBackward0") == 2
    assert ops.count("AddmmBackward0") == 2  # fc1, fc2
    assert [n.id for n in graph.nodes] == list(range(len(graph.nodes)))


def test_every_parameter_and_the_input_is_a_named_leaf(cnn, graph) -> None:
    leaves = {node.tensor: node.shape for node in graph.leaves()}
    expected = {name: tuple(p.shape) for name, p in cnn.named_parameters()}
    assert leaves == expected | {"input": (1, 1, 28, 28)}


def test_edges_follow_next_functions(graph) -> None:
    ids = {node.id for node in graph.nodes}
    assert all(a in ids and b in ids for a, b in graph.edges)
    assert (0, 1) in graph.edges  # the loss hands its gradient to log-softmax
    leaf_ids = {node.id for node in graph.leaves()}
    assert not any(a in leaf_ids for a, _ in graph.edges)  # leaves pass nothing on
    assert len(graph.edges) == len(graph.nodes) - 1  # this CNN's graph is a tree


def test_every_operation_has_plain_words(graph) -> None:
    assert all(node.word != "other" for node in graph.nodes)
    words = {node.op: node.word for node in graph.nodes}
    assert words["ConvolutionBackward0"] == "convolution"
    assert words["NllLossBackward0"] == "loss" and words["ReluBackward0"] == "relu"


def test_a_small_graph_by_hand() -> None:
    w = torch.ones(3, requires_grad=True)
    x = torch.arange(3.0)  # needs no gradient: no node for it
    loss = (w * x).sum()
    graph = autograd_graph.walk(loss, {id(w): "w"})
    assert graph.ops() == ["SumBackward0", "MulBackward0", "AccumulateGrad"]
    assert graph.leaves()[0].tensor == "w" and graph.nodes[0].word == "other"
    with pytest.raises(ValueError, match="grad_fn"):
        autograd_graph.walk(x.sum())
