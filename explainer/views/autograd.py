"""The Autograd page's words about one SGD step, pure (no Streamlit), from the measured result."""

from __future__ import annotations

from dataclasses import dataclass

from torch import nn

from explainer import gradient_check, parameters
from explainer.i18n import Translate
from explainer.one_step import StepResult

# The learning rates a student can try for one step: from a nudge to far past where it explodes.
RATES = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1e4, 1e8, 1e16)
# How the page's tables print their numbers, column by column.
CHECK_FORMATS = {"autograd": "%.6e", "numeric": "%.6e", "difference": "%.1e"}
WEIGHT_FORMATS = {"before": "%.5f", "after": "%.5f", "change": "%+.2e"}


@dataclass(frozen=True)
class Metric:
    """One headline number: its label, value and change (``None``: no change to show)."""

    label: str
    value: str
    delta: str | None
    delta_color: str = "normal"  # "inverse": a fall is good (a loss)


@dataclass(frozen=True)
class StepReport:
    """What the page says about one step: three metrics, the outcome and the other digits."""

    metrics: tuple[Metric, Metric, Metric]
    level: str  # "success" (lower), "warning" (higher) or "error" (exploded)
    outcome: str
    others: str
    forgot: bool  # the step wrecked the model on the other digits, though this loss is finite


def step_report(result: StepResult, test_digits: int, t: Translate) -> StepReport:
    """The sentences and numbers for ``result``, every one read off the measurement."""
    old, new = result.others_before, result.others_after
    finite = result.outcome != "exploded"
    change = f"{result.loss_after - result.loss_before:+.3g}" if finite else None
    metrics = (
        Metric(t("autograd.step.before"), f"{result.loss_before:.4g}", None),
        Metric(t("autograd.step.after"), f"{result.loss_after:.4g}", change, "inverse"),
        Metric(
            t("autograd.step.test"), f"{new.accuracy:.1%}", f"{new.accuracy - old.accuracy:+.1%}"
        ),
    )
    losses = dict(lr=result.lr, before=result.loss_before, after=result.loss_after)
    scores = dict(before=old.loss, after=new.loss, acc_before=old.accuracy, acc_after=new.accuracy)
    return StepReport(
        metrics,
        {"lower": "success", "higher": "warning", "exploded": "error"}[result.outcome],
        t(f"autograd.step.{result.outcome}", **losses),
        t("autograd.step.others", n=test_digits, **scores),
        result.others_exploded and finite,
    )


def parameter_counts(
    cnn: nn.Module, linear: nn.Module, t: Translate
) -> tuple[dict[str, list[parameters.LayerCount]], str]:
    """Parameters per layer of the CNN and of the linear classifier, and the sentence about them."""
    counts = {
        t("autograd.params.cnn"): parameters.count_by_layer(cnn),
        t("autograd.params.linear"): parameters.count_by_layer(linear),
    }
    cnn_total, linear_total = (parameters.total(layers) for layers in counts.values())
    return counts, t("autograd.params.caption", cnn=cnn_total, linear=linear_total)


def check_report(
    samples: list[gradient_check.Sample], passed: gradient_check.GradcheckResult, t: Translate
) -> tuple[tuple[Metric, Metric], str]:
    """The gradient check's two headline numbers and its caption, from the measured samples."""
    word = t(f"autograd.check.{'passed' if passed.passed else 'failed'}")
    metrics = (
        Metric(t("autograd.check.largest"), f"{gradient_check.max_error(samples):.1e}", None),
        Metric(t("autograd.check.gradcheck"), word, None),
    )
    step = gradient_check.CheckSettings().step
    return metrics, t("autograd.check.caption", n=len(samples), step=step, **vars(passed))
