"""The CNN: shapes, an independent functional oracle, hand kernels, prediction, pretrained weights."""

from __future__ import annotations

import json

import pytest
import torch
import torch.nn.functional as F
from safetensors.torch import load as load_safetensors

from explainer import data, model


def reference_forward(net: model.DigitCNN, x: torch.Tensor) -> torch.Tensor:
    """The textbook LeNet order (ReLU, then pool) in plain NCHW functional ops: the oracle."""
    x = F.max_pool2d(
        F.relu(F.conv2d(x, net.conv1.weight.contiguous(), net.conv1.bias, padding=2)), 2
    )
    x = F.max_pool2d(F.relu(F.conv2d(x, net.conv2.weight.contiguous(), net.conv2.bias)), 2)
    x = F.relu(F.linear(x.flatten(1), net.fc1.weight, net.fc1.bias))
    return F.linear(x, net.fc2.weight, net.fc2.bias)


@pytest.fixture(scope="module")
def test_split() -> tuple[torch.Tensor, torch.Tensor]:
    return data.load_mnist("test")


def test_forward_matches_the_functional_oracle(test_split):
    net = model.build_model(seed=1)
    x = data.to_model_input(test_split[0][:32])  # (32, 1, 28, 28)
    logits = net(x)
    assert logits.shape == (32, 10)
    torch.testing.assert_close(logits, reference_forward(net, x), rtol=1e-4, atol=1e-5)


def test_feature_maps_are_each_conv_layer_after_relu(test_split):
    net = model.build_model(seed=2)
    x = data.to_model_input(test_split[0][:1])
    maps = net.feature_maps(x)
    assert list(maps) == ["conv1", "conv2"]
    assert maps["conv1"].shape == (1, 16, 28, 28) and maps["conv2"].shape == (1, 32, 10, 10)
    conv1 = F.relu(F.conv2d(x, net.conv1.weight.contiguous(), net.conv1.bias, padding=2))
    conv2 = F.relu(F.conv2d(F.max_pool2d(conv1, 2), net.conv2.weight.contiguous(), net.conv2.bias))
    torch.testing.assert_close(maps["conv1"], conv1, rtol=1e-4, atol=1e-5)
    torch.testing.assert_close(maps["conv2"], conv2, rtol=1e-4, atol=1e-5)
    assert (maps["conv1"] >= 0).all() and not maps["conv1"].requires_grad


def test_top_filters_ranks_by_mean_response():
    maps = torch.zeros(4, 3, 3)
    maps[2] += 5.0
    maps[0] += 1.0
    maps[3, 0, 0] = 90.0  # mean 10
    assert [i for i, _ in model.top_filters(maps, k=3)] == [3, 2, 0]
    assert model.top_filters(maps, k=9)[0][1] == pytest.approx(10.0)


def test_build_model_is_seeded_and_leaves_the_global_rng_alone():
    a, b, c = model.build_model(seed=5), model.build_model(seed=5), model.build_model(seed=6)
    assert torch.equal(a.fc1.weight, b.fc1.weight)
    assert not torch.equal(a.fc1.weight, c.fc1.weight)
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    model.build_model(seed=7)
    assert torch.equal(torch.rand(3), expected)


def test_config_rejects_bad_sizes():
    with pytest.raises(ValueError):
        model.CNNConfig(conv1_channels=0)
    with pytest.raises(ValueError):
        model.CNNConfig(kernel_size=4)
    small = model.DigitCNN(model.CNNConfig(4, 8, 3, 16))
    assert small(torch.zeros(2, 1, 28, 28)).shape == (2, 10)


def test_hand_kernels_centred_in_5x5_filter_like_the_3x3_originals(test_split):
    names, bank = model.hand_filter_bank(16, 5)
    assert names[:4] == ["sobel_x", "sobel_y", "laplacian", "blob"] and names[4] == "-sobel_x"
    assert bank.shape == (16, 1, 5, 5)
    x = data.to_model_input(test_split[0][:4])
    for i, kernel in enumerate(model.hand_kernels().values()):
        small = F.conv2d(x, kernel.view(1, 1, 3, 3), padding=1)
        torch.testing.assert_close(F.conv2d(x, bank[i : i + 1], padding=2), small)
        torch.testing.assert_close(bank[i + 4], -bank[i])
    # Sobel x answers a vertical edge (dark left, bright right) and ignores a horizontal one.
    edge = torch.zeros(1, 1, 9, 9)
    edge[..., 5:] = 1.0
    sobel_x = model.hand_kernels()["sobel_x"].view(1, 1, 3, 3)
    assert F.conv2d(edge, sobel_x).abs().max() > 0.9
    assert F.conv2d(edge.transpose(2, 3), sobel_x).abs().max() == 0


def test_set_hand_filters_can_freeze_the_first_layer():
    net = model.build_model(seed=0)
    model.set_hand_filters(net, freeze=True)
    assert not net.conv1.weight.requires_grad and not net.conv1.bias.requires_grad
    assert net.conv2.weight.requires_grad
    torch.testing.assert_close(net.conv1.weight, model.hand_filter_bank(16, 5)[1])
    assert torch.count_nonzero(net.conv1.bias) == 0


def test_predict_proba_is_batched_softmax_without_gradients(test_split):
    net = model.build_model(seed=3).train()
    images = test_split[0][:50]
    probs = model.predict_proba(net, images, batch_size=7)
    assert probs.shape == (50, 10) and not probs.requires_grad
    torch.testing.assert_close(probs.sum(dim=1), torch.ones(50))
    with torch.no_grad():
        oracle = F.softmax(net(data.to_model_input(images)), dim=1)
    torch.testing.assert_close(probs, oracle, rtol=1e-5, atol=1e-6)
    assert net.training  # the caller's mode is restored
    assert model.predict_proba(net, images[:0]).shape == (0, 10)
    with pytest.raises(ValueError):
        model.predict_proba(net, images.float())


def test_pretrained_reaches_97_percent_on_the_test_digits(test_split):
    net = model.load_pretrained()
    assert not net.training
    images, labels = test_split
    assert model.accuracy(net, images, labels) >= 0.97
    meta = model.pretrained_metadata()
    assert model.CNNConfig(**json.loads(meta["config"])) == net.config
    assert float(meta["test_accuracy"]) == pytest.approx(model.accuracy(net, images, labels))


def test_load_pretrained_gives_independent_copies(test_split):
    first, second = model.load_pretrained(), model.load_pretrained()
    with torch.no_grad():
        first.fc2.bias.add_(100.0)
    assert not torch.equal(first.fc2.bias, second.fc2.bias)
    assert torch.equal(model.load_pretrained().fc2.bias, second.fc2.bias)


def test_pretrained_file_is_plain_safetensors():
    blob = model.PRETRAINED_PATH.read_bytes()
    header_length = int.from_bytes(blob[:8], "little")
    assert blob[8:9] == b"{" and header_length < len(blob)  # JSON header, then raw tensors
    tensors = load_safetensors(blob)
    assert set(tensors) == set(model.load_pretrained().state_dict())
    assert model.PRETRAINED_PATH.stat().st_size < 400_000


def test_safetensors_round_trip_keeps_config_and_weights():
    net = model.build_model(model.CNNConfig(8, 8, 3, 32), seed=4)
    again = model.from_safetensors(model.to_safetensors(net, {"note": "x"}))
    assert again.config == net.config
    for name, tensor in net.state_dict().items():
        assert torch.equal(again.state_dict()[name], tensor)


def test_seeded_initialisation_leaves_the_global_random_state_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    first = model.build_model(seed=5)
    assert torch.equal(torch.rand(3), expected)  # the caller's stream went on as if untouched
    assert torch.equal(first.conv1.weight, model.build_model(seed=5).conv1.weight)
