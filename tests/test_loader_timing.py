"""The timed DataLoader: every batch's maker and times, start-up apart, the figures of a run."""

from __future__ import annotations

import pytest
import torch

from explainer import data, loader_timing, pipeline
from explainer.figures import pipeline as figures


@pytest.fixture(scope="module")
def digits():
    images, labels = data.load_mnist("train")
    return images[::20], labels[::20]  # 200 digits, every class


@pytest.mark.parametrize("workers", [0, 2])
def test_measure_records_every_batch_and_who_made_it(workers, digits):
    images, labels = digits
    dataset = pipeline.PngDigits(tuple(pipeline.encode_png(images)), labels)
    settings = loader_timing.LoaderSettings(num_workers=workers, batch_size=32, items=200)
    threads = torch.get_num_threads()
    run = loader_timing.measure(settings, dataset)
    assert torch.get_num_threads() == threads  # restored
    assert run.items == 200 and [b.size for b in run.batches] == [32] * 6 + [8]
    makers = {b.worker for b in run.batches}
    assert makers == ({loader_timing.MAIN} if workers == 0 else {0, 1})
    for batch in run.batches:
        assert batch.started <= batch.finished and batch.asked <= batch.received <= run.seconds
    assert run.items_per_second == pytest.approx(200 / run.seconds)
    assert run.row()["num_workers"] == workers
    assert loader_timing.LoaderRun.from_dict(run.to_dict()) == run


def test_the_same_seed_gives_the_same_batches_with_or_without_workers(digits):
    images, labels = digits
    dataset = loader_timing.Timed(pipeline.PngDigits(tuple(pipeline.encode_png(images)), labels))
    orders = []
    for workers in (0, 2):
        settings = loader_timing.LoaderSettings(num_workers=workers, batch_size=50, items=200)
        loader = loader_timing.make_loader(dataset.dataset, settings)
        orders.append(torch.cat([batch.labels for batch in loader]))
    assert torch.equal(*orders) and not torch.equal(orders[0], labels)  # shuffled alike


def test_settings_are_checked():
    with pytest.raises(ValueError):
        loader_timing.LoaderSettings(num_workers=-1)
    with pytest.raises(ValueError):
        loader_timing.LoaderSettings(batch_size=0)
    with pytest.raises(ValueError):
        loader_timing.measure_best([loader_timing.LoaderSettings()], repeats=0)


def test_figures_have_a_lane_per_maker_and_a_bar_per_setting(digits):
    images, labels = digits
    dataset = pipeline.PngDigits(tuple(pipeline.encode_png(images)), labels)
    runs = [
        loader_timing.measure(loader_timing.LoaderSettings(num_workers=w, items=200), dataset)
        for w in (0, 2)
    ]
    lanes = [trace.name for trace in figures.timeline(runs[1]).data]
    assert lanes == ["waiting for a batch", "worker 0", "worker 1"]
    made = sum(len(trace.x) for trace in figures.timeline(runs[1]).data[1:])
    assert made == len(runs[1].batches)
    assert [t.name for t in figures.timeline(runs[0]).data][1:] == ["main process"]
    bars = figures.throughput(runs).data[0]
    assert list(bars.x) == [0, 2] and bars.text[0] == "1.00x"


def test_start_up_is_measured_apart_from_the_timed_pass(digits):
    images, labels = digits
    dataset = pipeline.PngDigits(tuple(pipeline.encode_png(images)), labels)
    cold = loader_timing.measure(loader_timing.LoaderSettings(num_workers=2, warmup=False), dataset)
    assert cold.startup_seconds == cold.batches[0].received  # the timed pass started the workers
    warm = loader_timing.measure(loader_timing.LoaderSettings(num_workers=2), dataset)
    assert warm.startup_seconds > 0 and {b.worker for b in warm.batches} == {0, 1}
    assert loader_timing.make_loader(dataset, warm.settings).persistent_workers
    assert not loader_timing.make_loader(dataset, cold.settings).persistent_workers


def test_parallel_ceiling_is_a_plausible_ratio():
    ratio = loader_timing.parallel_ceiling(rounds=200_000, tries=1)
    assert 0.1 < ratio < 4  # ~2 on two free cores, ~1 on a busy machine
