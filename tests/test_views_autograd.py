"""The Autograd page's words about one step and the gradient check, read off the results."""

from __future__ import annotations

import math

from explainer import gradient_check, i18n, one_step
from explainer.views import autograd as view


def t_en(key: str, **values: object) -> str:
    return i18n.t(key, "en", **values)


def result(after: float) -> one_step.StepResult:
    before, worse = one_step.Score(0.07, 0.976), one_step.Score(0.08, 0.97)
    return one_step.StepResult(0.1, 3, 0.5, after, (), before, worse)


def test_a_lower_loss_is_a_success_with_its_own_numbers() -> None:
    report = view.step_report(result(0.25), 1000, t_en)
    assert report.level == "success"
    before, after, test = report.metrics
    assert (before.value, after.value, after.delta) == ("0.5", "0.25", "-0.25")
    assert after.delta_color == "inverse"  # a falling loss is good news
    assert test.value == "97.0%" and test.delta == "-0.6%"
    assert report.outcome == t_en("autograd.step.lower", lr=0.1, before=0.5, after=0.25)
    assert not report.forgot


def test_an_exploded_step_is_an_error_without_a_change_arrow() -> None:
    report = view.step_report(result(math.nan), 1000, t_en)
    assert report.level == "error" and report.metrics[1].delta is None


def test_check_report_names_the_largest_difference_and_gradchecks_verdict() -> None:
    samples = [gradient_check.Sample("conv1.weight", (0, 0, 0, 0), 1.0, 1.0 + 3e-9)]
    passed = gradient_check.GradcheckResult(passed=True, weights=5, eps=1e-6, atol=1e-5, rtol=1e-3)
    metrics, caption = view.check_report(samples, passed, t_en)
    assert metrics[0].value == f"{gradient_check.max_error(samples):.1e}"
    assert metrics[1].value == t_en("autograd.check.passed")
    assert str(len(samples)) in caption
