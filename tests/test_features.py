"""The hand-made features against independent oracles: scipy's labelling and skimage's skeleton."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import ndimage
from skimage.morphology import skeletonize as sk_skeletonize

from explainer import data, features

EIGHT = np.ones((3, 3), dtype=bool)


@pytest.fixture(scope="module")
def digits() -> torch.Tensor:
    train_images, _ = data.load_mnist("train")
    test_images, _ = data.load_mnist("test")
    return torch.cat([train_images, test_images])  # (5000, 28, 28)


@pytest.fixture(scope="module")
def table(digits: torch.Tensor):
    return features.extract(digits)


def scipy_holes(ink: np.ndarray) -> int:
    """4-connected background components that do not touch the border (scipy's default labels)."""
    labels, count = ndimage.label(~ink)
    on_border = set(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]).tolist())
    return len(set(range(1, count + 1)) - on_border)


def canvas() -> np.ndarray:
    return np.zeros((28, 28), dtype=np.uint8)


def ring(image: np.ndarray, cy: float, cx: float, r_in: float, r_out: float) -> np.ndarray:
    yy, xx = np.mgrid[0:28, 0:28]
    distance = np.hypot(yy - cy, xx - cx)
    image[(distance >= r_in) & (distance <= r_out)] = 255
    return image


def one(image: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(image)[None]  # (1, 28, 28)


def test_holes_match_scipy_on_every_bundled_digit(digits, table) -> None:
    ink = features.binarize(digits).numpy()
    expected = np.array([scipy_holes(image) for image in ink])
    assert len(expected) == 5000
    assert expected.max() >= 2  # the data set really has digits with several holes
    np.testing.assert_array_equal(table["holes"].to_numpy(), expected)


def test_hole_areas_match_scipy(digits) -> None:
    ink = features.binarize(digits[:500])
    holes = features.find_holes(features.pack(ink))
    for index, image in enumerate(ink.numpy()):
        labels, count = ndimage.label(~image)
        border = set(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]).tolist())
        sizes = sorted(
            (int((labels == k).sum()) for k in range(1, count + 1) if k not in border),
            reverse=True,
        )
        ours = [int(a) for a in holes.areas[index].tolist() if a > 0]
        assert ours == sizes


def test_ring_has_one_hole_and_no_endpoints() -> None:
    row = features.extract(one(ring(canvas(), 14, 14, 6, 9))).iloc[0]
    assert row["holes"] == 1
    assert row["endpoints"] == 0
    assert row["junctions"] == 0
    assert row["strokes"] == 1


def test_eight_has_two_holes() -> None:
    image = ring(ring(canvas(), 8.5, 14, 3, 5.5), 19.5, 14, 3, 5.5)
    row = features.extract(one(image)).iloc[0]
    assert row["holes"] == 2
    assert row["hole1_y"] >= 0 and row["hole2_y"] >= 0


def test_bar_has_two_endpoints() -> None:
    image = canvas()
    image[13:16, 5:23] = 255
    row = features.extract(one(image)).iloc[0]
    assert row["endpoints"] == 2
    assert row["junctions"] == 0
    assert row["holes"] == 0
    assert row["strokes"] == 1
    assert row["aspect"] < 0.25  # wide and flat


def test_t_has_one_junction_and_three_endpoints() -> None:
    image = canvas()
    image[5:8, 4:24] = 255  # the top bar
    image[5:24, 13:16] = 255  # the stem
    row = features.extract(one(image)).iloc[0]
    assert row["junctions"] == 1
    assert row["endpoints"] == 3
    assert row["strokes"] == 3


def test_hole_position_separates_six_from_nine() -> None:
    six = ring(canvas(), 18, 14, 3, 6)
    six[4:18, 8:11] = 255  # a stem rising from the loop's left side
    nine = np.flipud(np.fliplr(six)).copy()
    rows = features.extract(torch.from_numpy(np.stack([six, nine])))
    assert rows["holes"].tolist() == [1, 1]
    assert rows["hole1_y"][0] > 0.6 > 0.4 > rows["hole1_y"][1]
    assert rows["holes_bottom"].tolist() == [1, 0] and rows["holes_top"].tolist() == [0, 1]


def test_thinning_never_breaks_a_connected_stroke(digits) -> None:
    ink = features.binarize(digits)
    skeleton = features.unpack(features.skeletonize(features.pack(ink))).numpy()
    ink = ink.numpy()
    assert not (skeleton & ~ink).any()  # the skeleton lies inside the ink
    for image, thin in zip(ink, skeleton):
        assert ndimage.label(image, EIGHT)[1] == ndimage.label(thin, EIGHT)[1]


def test_thinning_keeps_an_isolated_two_by_two_square() -> None:
    image = canvas()
    image[10:12, 10:12] = 255  # Zhang-Suen alone would delete this whole component
    skeleton = features.skeletonize(features.pack(features.binarize(one(image))))
    assert int(features.popcount(skeleton).sum()) == 1


def test_skeleton_close_to_skimage(digits) -> None:
    ink = features.binarize(digits[:1000])
    ours = features.unpack(features.skeletonize(features.pack(ink))).numpy()
    theirs = np.stack([sk_skeletonize(image) for image in ink.numpy()])
    far, total = 0, 0
    for a, b in zip(ours, theirs):
        distance = ndimage.distance_transform_edt(~b)  # to skimage's skeleton
        assert distance[a].max() <= 2.3  # every pixel of ours is next to one of theirs
        far += int((ndimage.distance_transform_edt(~a)[b] > 1.5).sum())
        total += int(b.sum())
    assert far / total < 0.05  # and almost all of theirs is next to ours
    lengths = ours.sum((1, 2)), theirs.sum((1, 2))
    assert np.corrcoef(*lengths)[0, 1] > 0.95


def test_skeleton_is_one_pixel_wide_mostly(digits) -> None:
    skeleton = features.unpack(features.skeletonize(features.pack(features.binarize(digits))))
    s = skeleton.numpy()
    blocks = s[:, 1:, 1:] & s[:, :-1, 1:] & s[:, 1:, :-1] & s[:, :-1, :-1]
    assert blocks.any((1, 2)).mean() < 0.05


def test_pack_unpack_round_trip(digits) -> None:
    ink = features.binarize(digits[:200])
    packed = features.pack(ink)
    assert packed.shape == (200, 28) and packed.dtype == torch.int32
    assert torch.equal(features.unpack(packed), ink)
    assert torch.equal(features.popcount(packed).sum(1), ink.sum((1, 2)).to(torch.int32))


def test_scanline_crossings_match_a_direct_count(digits) -> None:
    ink = features.binarize(digits[:300])
    packed = features.pack(ink)
    box = features.bounding_box(packed)
    rows, cols = features.scanline_positions(box)
    horizontal, vertical = features.scanline_crossings(packed, box)
    for n in range(300):
        for k in range(rows.shape[1]):
            line = ink[n, rows[n, k]].numpy()
            assert horizontal[n, k] == ndimage.label(line)[1]
            line = ink[n, :, cols[n, k]].numpy()
            assert vertical[n, k] == ndimage.label(line)[1]


def test_bounding_box_and_symmetry(digits) -> None:
    ink = features.binarize(digits[:300])
    box = features.bounding_box(features.pack(ink))
    for n in range(300):
        rows, cols = np.nonzero(ink[n].numpy())
        assert box[n].tolist() == [rows.min(), rows.max(), cols.min(), cols.max()]
    bar = canvas()
    bar[13:16, 5:23] = 255
    row = features.extract(one(bar)).iloc[0]
    assert row["symmetry_lr"] == pytest.approx(1.0)
    assert row["symmetry_tb"] == pytest.approx(1.0)
    assert row["density"] == pytest.approx(1.0)


def test_extract_table_shape_and_columns(table) -> None:
    assert len(table) == 5000
    for name in features.COUNT_COLUMNS:
        assert name in table.columns
    assert not table.isna().any().any()
    assert (table["holes"] >= table["holes_big"]).all()
    where = table["holes_top"] + table["holes_middle"] + table["holes_bottom"]
    assert (where == table["holes"]).all()  # every hole has exactly one position


def test_extract_rejects_wrong_input() -> None:
    with pytest.raises(ValueError):
        features.extract(torch.zeros(2, 28, 28, dtype=torch.float32))
    with pytest.raises(ValueError):
        features.extract(torch.zeros(2, 20, 20, dtype=torch.uint8))


def test_empty_image_has_no_features() -> None:
    row = features.extract(torch.zeros(1, 28, 28, dtype=torch.uint8)).iloc[0]
    assert row["holes"] == 0 and row["endpoints"] == 0 and row["strokes"] == 0


def test_steps_agree_with_extract(digits, table) -> None:
    for index in (0, 7, 123):
        shown = features.steps(digits[index])
        row = table.iloc[index]
        assert int(shown.holes.max()) == row["holes"]
        assert int(shown.endpoints.sum()) == row["endpoints"]
        assert shown.ink.shape == (28, 28) and shown.skeleton.dtype == torch.bool
        assert len(shown.scan_rows) == len(shown.row_crossings) == len(features.SCAN_FRACTIONS)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.05, 0.95), st.integers(1, 3))
def test_random_images_holes_and_thinning_match_scipy(seed: int, density: float, blur: int) -> None:
    """On random blobs (any density, any size of blob) holes stay exact and thinning connected."""
    rng = np.random.default_rng(seed)
    noise = rng.random((64, 28, 28))
    smooth = ndimage.uniform_filter(noise, size=(1, blur, blur))  # (64, 28, 28) blobs
    ink = smooth < np.quantile(smooth, density)
    images = torch.from_numpy(ink.astype(np.uint8) * 255)
    table = features.extract(images)
    np.testing.assert_array_equal(table["holes"], [scipy_holes(image) for image in ink])
    skeleton = features.unpack(features.skeletonize(features.pack(features.binarize(images))))
    for image, thin in zip(ink, skeleton.numpy()):
        assert ndimage.label(image, EIGHT)[1] == ndimage.label(thin, EIGHT)[1]


def test_extract_runs_on_one_thread_and_restores_the_setting(digits, monkeypatch) -> None:
    before, seen = torch.get_num_threads(), []
    real = features._extract_columns

    def spy(images: torch.Tensor) -> dict[str, torch.Tensor]:
        seen.append(torch.get_num_threads())
        return real(images)

    monkeypatch.setattr(features, "_extract_columns", spy)
    features.extract(digits[:10])
    assert seen == [1]
    assert torch.get_num_threads() == before
