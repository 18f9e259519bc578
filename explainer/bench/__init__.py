"""Tensors and speed: a careful benchmark of tensor operations on every device this machine has.

A sweep is one grid of cells (op x dtype x size x device x CPU threads); each cell becomes one row
of a pandas DataFrame. One module per job:

- :mod:`~explainer.bench.ops`: the operations, what their size means, their FLOP and byte counts;
- :mod:`~explainer.bench.grid`: the settings (``BenchConfig``) and the grid of cells they make;
- :mod:`~explainer.bench.timing`: timing one cell with ``torch.utils.benchmark``;
- :mod:`~explainer.bench.lock`: one run at a time, per process and per machine;
- :mod:`~explainer.bench.run`: a whole sweep, cell by cell, under the lock;
- :mod:`~explainer.bench.verdict`: speedups, crossovers and the chapter's "40-50x" claim;
- :mod:`~explainer.bench.reference`: where a result came from, and the shipped GPU reference.

Device names come from :func:`explainer.machine.device_name`.
"""
