"""Speed settings: torch's thread count is set for one block and always restored."""

from __future__ import annotations

import pytest
import torch

from explainer import perf


def test_torch_threads_sets_the_count_for_the_block_and_restores_it():
    before = torch.get_num_threads()
    with perf.torch_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with pytest.raises(ValueError), perf.torch_threads(1):
        raise ValueError("boom")
    assert torch.get_num_threads() == before


def test_torch_threads_none_leaves_the_count_alone_and_still_restores_it():
    before = torch.get_num_threads()
    with perf.torch_threads(None):
        assert torch.get_num_threads() == before
        torch.set_num_threads(1)  # the block changes it: put back afterwards
    assert torch.get_num_threads() == before
