"""Features by hand: a hand-written extractor, step by step, and two classifiers that use it."""

import streamlit as st

from explainer import classifiers, features, features_loops, ui
from explainer.figures import features as figs

DIGIT = ui.DIGIT_KEY  # shared with "CNN vs hand"
test_split = ui.test_digits


def pick_section() -> None:
    ui.digit_picker()  # shows the chosen digit too; it is kept for the other sections and pages


def steps_section() -> None:
    # Presenter mode can open this section before the picker has run.
    image = (ui.current_digit() or ui.test_choice(st.session_state.get(DIGIT, 0))).image
    shown = features.steps(image)
    st.markdown(ui.t("features.steps.caption", threshold=features.INK_THRESHOLD))
    titles = [
        ui.t("features.steps.binarized"),
        ui.t("features.steps.holes", count=int(shown.holes.max())),
        ui.t("features.steps.skeleton"),
        ui.t("features.steps.scanlines"),
    ]
    ui.plot(figs.steps_figure(shown, titles), key="features_steps")
    with st.expander(ui.t("features.code.header")):
        st.code("\n\n".join(map(ui.source_of, features.STEP_FUNCTIONS)), language="python")
    row = features.extract(image[None])
    left, right = st.columns([2, 3])
    with left:
        st.subheader(ui.t("features.table.header"))
        values = row.iloc[0].round(3).rename(ui.t("features.table.value"))
        st.dataframe(values.rename_axis(ui.t("features.table.feature")), height=320)
        st.caption(ui.t("features.table.caption"))
    with right:
        st.subheader(ui.t("features.predict.rules"))
        path, digit = classifiers.rule_path(row)
        verdict = (
            ui.t("features.predict.abstains")
            if digit == classifiers.ABSTAIN
            else ui.t("features.predict.says", digit=digit)
        )
        lines = [
            f"{n}. {ui.t(f'rules.{key}')} → **{ui.t('features.predict.' + ('yes' if yes else 'no'))}**"
            for n, (key, yes) in enumerate(path, start=1)
        ]
        st.markdown(ui.t("features.predict.path") + "\n\n" + "\n".join(lines) + f"\n\n→ {verdict}")
        st.subheader(ui.t("features.predict.linear"))
        proba = classifiers.linear_proba(ui.shipped_models()[0], row)[0].numpy()
        st.markdown(ui.t("features.predict.says", digit=int(proba.argmax())))
        ui.plot(figs.probability_bars(proba), key="features_linear_proba")
        st.caption(ui.t("features.predict.linear_caption"))
        with st.expander(ui.t("features.code.rules")):
            st.code("\n\n".join(map(ui.source_of, classifiers.RULE_FUNCTIONS)), language="python")


def all_section() -> None:
    found = ui.test_answers()  # the test split, answered by every classifier
    table, rules, linear = found.features, found.rules, found.linear
    labels = test_split()[1].numpy()
    st.markdown(ui.t("features.all.caption"))
    a, b, c = st.columns(3)
    a.metric(ui.t("features.all.rules_accuracy"), f"{(rules == labels).mean():.1%}")
    b.metric(ui.t("features.all.rules_abstain"), f"{(rules == classifiers.ABSTAIN).mean():.1%}")
    c.metric(ui.t("features.all.linear_accuracy"), f"{(linear == labels).mean():.1%}")
    st.subheader(ui.t("features.all.distribution"))
    name = st.selectbox(ui.t("features.all.feature"), list(table.columns), key="features_feature")
    ui.plot(
        figs.feature_by_class(
            table[name], labels, ui.t("features.all.true"), ui.t("features.all.share")
        ),
        key="features_dist",
    )
    left, right = st.columns(2)
    axes = ui.t("features.all.predicted"), ui.t("features.all.true")
    with left:
        st.subheader(ui.t("features.all.confusion_rules"))
        matrix = figs.confusion_matrix(labels, rules, abstain=classifiers.ABSTAIN)
        ui.plot(
            figs.confusion_figure(matrix, *axes, ui.t("features.all.abstain")),
            key="features_cm_rules",
        )
    with right:
        st.subheader(ui.t("features.all.confusion_linear"))
        ui.plot(
            figs.confusion_figure(figs.confusion_matrix(labels, linear), *axes),
            key="features_cm_linear",
        )
    ui.show_code(classifiers.LinearOnFeatures)


LOOP_DIGITS = 200  # timed with both extractors: a few seconds of Python loops


def loops_section() -> None:
    st.markdown(ui.t("features.loops.caption", n=LOOP_DIGITS))
    ui.show_code(features_loops.features_of)
    with st.expander(ui.t("features.loops.code")):
        st.code("\n\n".join(map(ui.source_of, features_loops.STEP_FUNCTIONS)), language="python")
    if st.button(ui.t("features.loops.run"), key="features_loops_run", icon=":material/timer:"):
        digits = test_split()[0][:LOOP_DIGITS]
        st.session_state["features_loops"] = features_loops.time_both(digits, features.extract)
    timing = st.session_state.get("features_loops")
    if timing is not None:
        values = dict(loops=timing.loops_s, tensors=timing.tensor_s, n=timing.digits)
        st.markdown(ui.t("features.loops.result", equal=timing.equal, **values))
        verdict = "slower" if timing.ratio >= 3 else "close"
        st.markdown(ui.t(f"features.loops.{verdict}", ratio=timing.ratio))


ui.page_header("features")
ui.sections(
    [
        (ui.t("features.pick.header"), pick_section),
        (ui.t("features.steps.header"), steps_section),
        (ui.t("features.loops.header"), loops_section),
        (ui.t("features.all.header", n=len(test_split()[1])), all_section),
    ],
    key="features",
)
