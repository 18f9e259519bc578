"""The graph autograd recorded: found by walking ``loss.grad_fn`` and its ``next_functions``.

Every tensor made by an operation on tensors that require gradients carries ``grad_fn``: the node
that knows the derivative of that operation. Each node lists, in ``next_functions``, the nodes of
its inputs. Leaves are ``AccumulateGrad`` nodes: a weight (or the input) whose gradient ends up in
its ``.grad``. Walking from the loss visits the whole forward pass, backwards.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import torch
from torch import nn

LEAF = "AccumulateGrad"

# Each operation's name in plain words: a key of the string tables (``autograd.op.<key>``).
PLAIN_WORDS: dict[str, str] = {
    "NllLossBackward0": "loss",
    "LogSoftmaxBackward0": "log_softmax",
    "AddmmBackward0": "linear",
    "TBackward0": "transpose",
    "ReluBackward0": "relu",
    "MaxPool2DWithIndicesBackward0": "max_pool",
    "ConvolutionBackward0": "convolution",
    "UnsafeViewBackward0": "flatten",
    "ViewBackward0": "flatten",
    "ReshapeAliasBackward0": "flatten",
    "CloneBackward0": "copy",
    LEAF: "leaf",
}


@dataclass(frozen=True)
class Node:
    """One node of the graph: its operation and, for a leaf, which tensor it stands for."""

    id: int  # its place in the walk: 0 is the loss
    op: str  # the node's class name, e.g. "ConvolutionBackward0"
    word: str  # its plain word's key, e.g. "convolution" ("other" when we have none)
    tensor: str | None = None  # a leaf's name: "conv1.weight", "input"
    shape: tuple[int, ...] | None = None  # a leaf's shape


@dataclass(frozen=True)
class Graph:
    """The nodes, the loss first, in the order a breadth-first walk meets them, and the edges."""

    nodes: tuple[Node, ...]
    edges: tuple[tuple[int, int], ...]  # (a, b): node a passes its gradient on to node b

    def ops(self) -> list[str]:
        """The nodes' operation names, in walking order."""
        return [node.op for node in self.nodes]

    def leaves(self) -> list[Node]:
        """The leaves: the tensors whose gradients the walk ends at."""
        return [node for node in self.nodes if node.op == LEAF]


def leaf_names(model: nn.Module, inputs: torch.Tensor | None = None) -> dict[int, str]:
    """Names for the leaves, by tensor identity: the model's parameters, and ``inputs``."""
    names = {id(p): name for name, p in model.named_parameters()}
    if inputs is not None:
        names[id(inputs)] = "input"
    return names


def walk(loss: torch.Tensor, names: dict[int, str] | None = None) -> Graph:
    """The autograd graph behind ``loss``, breadth-first from ``loss.grad_fn``."""
    if loss.grad_fn is None:
        raise ValueError("this tensor has no grad_fn: nothing that requires grad made it")
    names = names or {}
    ids: dict[object, int] = {loss.grad_fn: 0}
    queue, nodes, edges = deque([loss.grad_fn]), [], []
    while queue:
        fn = queue.popleft()
        op = type(fn).__name__
        leaf = getattr(fn, "variable", None)  # only AccumulateGrad nodes hold a tensor
        nodes.append(
            Node(
                id=ids[fn],
                op=op,
                word=PLAIN_WORDS.get(op, "other"),
                tensor=None if leaf is None else names.get(id(leaf), "?"),
                shape=None if leaf is None else tuple(leaf.shape),
            )
        )
        for child, _ in fn.next_functions:
            if child is None:  # an input that needs no gradient
                continue
            if child not in ids:
                ids[child] = len(ids)
                queue.append(child)
            edges.append((ids[fn], ids[child]))
    return Graph(tuple(nodes), tuple(edges))
