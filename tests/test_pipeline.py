"""The PNG-decoding Dataset and its collate: checked against the digits they were made from."""

from __future__ import annotations

import pytest
import torch

from explainer import data, pipeline


@pytest.fixture(scope="module")
def digits():
    images, labels = data.load_mnist("train")
    return images[::20], labels[::20]  # 200 digits, every class


def test_png_bytes_decode_to_the_same_digits(digits):
    images, labels = digits
    dataset = pipeline.PngDigits(tuple(pipeline.encode_png(images)), labels)
    assert len(dataset) == 200
    for index in (0, 57, 199):
        image, label = dataset[index]
        assert image.shape == (28, 28) and image.dtype == torch.uint8
        assert torch.equal(image, images[index]) and label == int(labels[index])


def test_augmentation_is_seeded_per_item_and_changes_the_digit(digits):
    images, labels = digits
    pngs = tuple(pipeline.encode_png(images))
    augmented = pipeline.PngDigits(pngs, labels, augment=True, seed=3)
    again = pipeline.PngDigits(pngs, labels, augment=True, seed=3)
    assert torch.equal(augmented[5][0], again[5][0])  # whichever process asks
    assert not torch.equal(augmented[5][0], images[5])
    assert not torch.equal(augmented[5][0], pipeline.PngDigits(pngs, labels, True, 4)[5][0])


def test_collate_stacks_then_normalises_once(digits):
    images, labels = digits
    dataset = pipeline.PngDigits(tuple(pipeline.encode_png(images)), labels)
    inputs, batch_labels = pipeline.collate_digits([dataset[i] for i in range(8)])
    assert inputs.shape == (8, 1, 28, 28) and inputs.dtype == torch.float32
    assert torch.equal(inputs, data.to_model_input(images[:8]))
    assert torch.equal(batch_labels, labels[:8])


def test_bundled_dataset_repeats_past_4000():
    dataset = pipeline.bundled_dataset(4005)
    assert len(dataset) == 4005 and dataset.pngs[4000] == dataset.pngs[0]
    with pytest.raises(ValueError):
        pipeline.bundled_dataset(0)
