"""Every page as a Jupyter notebook: the page's main figures, made by the real ``explainer`` code.

One builder per page key (the page's string area: ``home``, ``features``, ...). A builder is pure:
it returns an ``nbformat`` notebook with short markdown in the page's language, real code cells, and
no outputs; the figures are Plotly figures left as a cell's last value, which Jupyter displays.
Everything runs offline and quickly (a 1-epoch training on 500 digits; small benchmarks);
``tests/test_notebooks.py`` runs every notebook top to bottom in a real kernel.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from explainer import i18n

Text = Callable[..., str]  # (key, **values) -> the string in the notebook's language
Cells = list[NotebookNode]


def _md(text: Text, key: str, **values: object) -> NotebookNode:
    return new_markdown_cell(text(f"notebook.{key}", **values))


def _code(source: str) -> NotebookNode:
    return new_code_cell(textwrap.dedent(source).strip())


def home(text: Text) -> Cells:
    """The exercises (which Python, which torch), and the digits as tensors."""
    return [
        _md(text, "home.exercise"),
        _code(
            """
            import sys

            import torch

            print(sys.version)
            print(torch.__version__, torch.version.cuda, torch.cuda.is_available())
            """
        ),
        _md(text, "home.kernel"),
        _code(
            """
            from explainer import environment

            environment.probe()  # the Python and the torch of this notebook's kernel
            """
        ),
        _md(text, "home.data"),
        _code(
            """
            from explainer import data
            from explainer.figures import digits

            images, labels = data.load_mnist("test")
            print(images.shape, images.dtype, labels[:10])
            digits.digit_grid(images, labels, per_class=10)
            """
        ),
        _code(
            """
            digits.tensor_heatmap(images[0])  # one digit: a 28x28 tensor of numbers
            """
        ),
    ]


def features(text: Text) -> Cells:
    """The extractor step by step on one digit, its feature values, two classifiers on them."""
    holes = text("features.steps.holes", count="{count}")  # filled in by the notebook
    titles = [text(f"features.steps.{k}") for k in ("binarized", "skeleton", "scanlines")]
    axes = text("features.all.predicted"), text("features.all.true")
    return [
        _md(text, "features.steps"),
        _code(
            f"""
            from explainer import classifiers, data, features
            from explainer.figures import features as figs

            images, labels = data.load_mnist("test")
            steps = features.steps(images[0])
            binarized, skeleton, scanlines = {titles!r}
            holes = {holes!r}.format(count=int(steps.holes.max()))
            figs.steps_figure(steps, [binarized, holes, skeleton, scanlines])
            """
        ),
        _md(text, "features.table"),
        _code(
            """
            table = features.extract(images)  # one row of feature values per digit
            table.head()
            """
        ),
        _md(text, "features.classifiers"),
        _code(
            f"""
            truth = labels.numpy()
            rules = classifiers.predict_rules(table)
            linear = classifiers.predict_linear(classifiers.load_linear(), table)
            print(f"rules: {{(rules == truth).mean():.1%}}, linear: {{(linear == truth).mean():.1%}}")
            figs.confusion_figure(figs.confusion_matrix(truth, linear), {axes[0]!r}, {axes[1]!r})
            """
        ),
    ]


def cnn_vs_hand(text: Text) -> Cells:
    """The CNN beside the hand-made features: accuracy per class, the CNN's confusion matrix."""
    names = {key: text(f"cnn_vs_hand.name.{key}") for key in ("rules", "linear", "cnn")}
    axes = text("cnn_vs_hand.all.predicted"), text("cnn_vs_hand.all.true")
    return [
        _md(text, "cnn_vs_hand.answers"),
        _code(
            """
            from explainer import answers, data
            from explainer.figures import cnn_vs_hand as compare
            from explainer.figures import features as figs

            images, labels = data.load_mnist("test")
            result = answers.answer_all(images)  # rules, linear classifier and CNN, every digit
            result.accuracy(labels)
            """
        ),
        _md(text, "cnn_vs_hand.per_class"),
        _code(
            f"""
            truth = labels.numpy()
            right = {text("cnn_vs_hand.all.right")!r}
            compare.per_class_accuracy(
                truth, {{k: result.of(k) for k in answers.LEARNERS}}, {names!r}, right
            )
            """
        ),
        _code(
            f"""
            figs.confusion_figure(figs.confusion_matrix(truth, result.cnn), {axes[0]!r}, {axes[1]!r})
            """
        ),
    ]


def train_page(text: Text) -> Cells:
    """A short training run with the app's own loop, its loss curve, and the loop's source."""
    return [
        _md(text, "train.train"),
        _code(
            """
            from explainer import train

            config = train.TrainConfig(train.cnn_fit(epochs=1, seed=0), train_size=500)
            result = train.train_cnn(config)
            print(result.status, len(result.losses), "steps, test accuracy", result.test_accuracy)
            """
        ),
        _code(
            """
            from explainer.figures import train as figures

            figures.loss_figure(result.losses)
            """
        ),
        _md(text, "train.loop"),
        _code(
            """
            import inspect

            print(inspect.getsource(train.fit))  # the loop that just ran
            """
        ),
    ]


def inside(text: Text) -> Cells:
    """The learned first-layer filters, hand-made kernels, and one digit's feature maps."""
    return [
        _md(text, "inside.filters"),
        _code(
            """
            import torch

            from explainer import data, model
            from explainer.figures import inside

            cnn = model.load_pretrained()
            inside.kernel_grid(cnn.conv1.weight)  # learned from data
            """
        ),
        _code(
            """
            hand = model.hand_kernels()  # designed by people
            inside.kernel_grid(torch.stack(list(hand.values())), list(hand), columns=2)
            """
        ),
        _md(text, "inside.maps"),
        _code(
            """
            images, labels = data.load_mnist("test")
            maps = cnn.feature_maps(data.to_model_input(images[:1]))
            print({layer: tuple(m.shape) for layer, m in maps.items()})
            inside.feature_map_grid(next(iter(maps.values()))[0])
            """
        ),
    ]


def autograd(text: Text) -> Cells:
    """One digit's loss, the graph autograd recorded, its input gradient, and the parameters."""
    return [
        _md(text, "autograd.graph"),
        _code(
            """
            from explainer import autograd_graph, data, gradients, model, parameters
            from explainer.figures import autograd as figs

            cnn = model.load_pretrained()
            images, labels = data.load_mnist("test")
            step = gradients.forward(cnn, images[3], int(labels[3]))
            graph = autograd_graph.walk(step.loss, autograd_graph.leaf_names(cnn, step.inputs))
            print(step.loss.item(), [node.op for node in graph.nodes][:8])
            """
        ),
        _md(text, "autograd.gradient"),
        _code(
            """
            found = gradients.gradients(cnn, step)
            figs.input_gradient(images[3], found.input, ["digit", "d loss / d pixel"], "gradient")
            """
        ),
        _code(
            """
            counts = {"CNN": {c.layer: c.count for c in parameters.count_by_layer(cnn)}}
            figs.parameter_bars(counts, "parameters")
            """
        ),
    ]


def tensors(text: Text) -> Cells:
    """The same sum three ways (Python loops, NumPy, torch) and memory shared with NumPy."""
    return [
        _md(text, "tensors.sums"),
        _code(
            """
            from explainer import data, numpy_torch
            from explainer.figures import tensors as figs

            values = numpy_torch.pixel_values(data.load_mnist("test")[0][:200])
            timing = numpy_torch.time_sums(values)
            print(timing.totals)  # the same total, three ways
            times = {"loops": timing.loops_s, "NumPy": timing.numpy_s, "torch": timing.torch_s}
            figs.time_bars({name: 1000 * s for name, s in times.items()}, "milliseconds")
            """
        ),
        _md(text, "tensors.shared"),
        _code(
            """
            import torch

            a = data.load_mnist("test")[0][0].numpy().copy()
            t = torch.from_numpy(a)  # no copy: the same memory
            a[0, 0] = 255
            print(int(t[0, 0]), t.data_ptr() == a.ctypes.data)
            """
        ),
        _code(
            """
            c = t.to(torch.float64)  # a new tensor: .to() copies
            c[0, 0] = 0
            print(int(a[0, 0]), c.data_ptr() == a.ctypes.data)
            """
        ),
    ]


def speed(text: Text) -> Cells:
    """A small benchmark sweep with the app's benchmark code, and torch.utils.benchmark itself."""
    return [
        _md(text, "speed.sweep"),
        _code(
            """
            from explainer.bench.grid import BenchConfig
            from explainer.bench.run import run_sweep
            from explainer.figures import speed as figures

            config = BenchConfig(ops=("matmul", "add"), sizes=(64, 256), min_run_time=0.05)
            frame = run_sweep(config)
            frame[["op", "device", "size", "median_s", "gflops"]]
            """
        ),
        _code(
            """
            figures.gflops_vs_size(frame)
            """
        ),
        _md(text, "speed.timer"),
        _code(
            """
            import torch
            import torch.utils.benchmark as benchmark

            a = torch.randn(256, 256)
            benchmark.Timer("a @ a", globals={"a": a}).blocked_autorange(min_run_time=0.2)
            """
        ),
    ]


def data(text: Text) -> Cells:
    """The Dataset's source, one item, a collated batch, and DataLoader workers on a timeline."""
    return [
        _md(text, "data.dataset"),
        _code(
            """
            import inspect

            from explainer import pipeline

            print(inspect.getsource(pipeline.PngDigits))
            """
        ),
        _code(
            """
            dataset = pipeline.bundled_dataset(items=1024)
            image, label = dataset[0]  # decoded from PNG bytes, now
            print(len(dataset.pngs[0]), "bytes of PNG ->", image.shape, image.dtype, "label", label)
            inputs, labels = pipeline.collate_digits([dataset[i] for i in range(8)])
            inputs.shape, inputs.dtype, labels.shape
            """
        ),
        _md(text, "data.workers"),
        _code(
            """
            from explainer import loader_timing
            from explainer.figures import pipeline as figures

            settings = [loader_timing.LoaderSettings(num_workers=n, items=1024) for n in (0, 2)]
            runs = [loader_timing.measure(s, dataset) for s in settings]
            print([run.row() for run in runs])
            figures.throughput(runs)
            """
        ),
        _code(
            """
            figures.timeline(runs[-1])  # which worker made which batch; when the loop waited
            """
        ),
    ]


BUILDERS: dict[str, Callable[[Text], Cells]] = {
    "home": home,
    "features": features,
    "cnn_vs_hand": cnn_vs_hand,
    "train": train_page,
    "autograd": autograd,
    "inside": inside,
    "tensors": tensors,
    "speed": speed,
    "data": data,
}
PAGES: tuple[str, ...] = tuple(BUILDERS)


def build(page: str, lang: str = i18n.DEFAULT_LANGUAGE) -> NotebookNode:
    """Page ``page``'s notebook in ``lang``: its title, what it needs, then the page's cells."""
    if page not in BUILDERS:
        raise ValueError(f"no notebook for page {page!r}; pages: {', '.join(PAGES)}")

    def text(key: str, **values: object) -> str:
        return i18n.t(key, lang, **values)

    title = new_markdown_cell(f"# {text(f'{page}.title')}\n\n{text('notebook.needs')}")
    notebook = new_notebook(
        cells=[title, *BUILDERS[page](text)],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return notebook


def filename(page: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """``explainer_<page>.ipynb`` (``explainer_<page>_ko.ipynb`` in Korean)."""
    return f"explainer_{page}{'' if lang == i18n.DEFAULT_LANGUAGE else '_' + lang}.ipynb"


def to_bytes(notebook: NotebookNode) -> bytes:
    """The notebook as an ``.ipynb`` file's bytes."""
    return nbformat.writes(notebook).encode("utf-8")


def write_all(
    directory: Path, lang: str = i18n.DEFAULT_LANGUAGE, pages: tuple[str, ...] = PAGES
) -> list[Path]:
    """Write one notebook per page into ``directory``; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in pages:
        path = directory / filename(page, lang)
        path.write_bytes(to_bytes(build(page, lang)))
        paths.append(path)
    return paths
