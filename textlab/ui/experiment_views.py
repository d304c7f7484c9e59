"""The classroom page's experiments: a Run button each, and the result drawn as curves, numbers and a sentence."""

from __future__ import annotations

import threading

import streamlit as st

from textlab.classroom.experiments import EXPERIMENTS, FAILED, ExperimentResult, run_experiment
from textlab.data.samples import SAMPLES
from textlab.figures.experiments import experiment_figure
from textlab.ui import presentation, state
from textlab.ui.state import tr

RESULTS = "classroom_results"  # experiment name -> (result, sample name or None for the user's data, texts)
PERCENT_METRICS = ("accuracy", "new_accuracy", "short_padded", "short_alone", "val_unknown_rate")


def _run_in_slot(name: str, use_current_data: bool) -> ExperimentResult:
    """Run the experiment in one of the process's training slots, so many clicks cannot swamp the CPU."""
    pool = state.slot_pool()
    ticket = -threading.get_ident()  # unique among running threads, and never a job's (positive) id
    pool.acquire(ticket, cancelled=lambda: False)
    try:
        return run_experiment(name, state.session().dataset if use_current_data else None)
    finally:
        pool.release(ticket)


def experiment_card(name: str, use_current_data: bool) -> None:
    """Title, question and Run button of one experiment, then its last result."""
    experiment = EXPERIMENTS[name]
    results = st.session_state.setdefault(RESULTS, {})
    with st.container(border=True, key=f"classroom_card_{name}"):
        st.subheader(tr(experiment.title_key), anchor=False)
        st.write(tr(experiment.question_key))
        if st.button(tr("classroom.run"), key=f"classroom_run_{name}", icon=":material/play_arrow:"):
            with st.spinner(tr("classroom.running")):
                result = _run_in_slot(name, use_current_data)
            sample = None if use_current_data else experiment.sample
            results[name] = (result, sample, len(state.session().dataset))
        if name in results:
            _draw_result(*results[name])


def _draw_result(result: ExperimentResult, sample: str | None, count: int) -> None:
    lang = state.session().language
    if sample is not None:
        st.caption(tr("classroom.on_sample", title=tr(SAMPLES[sample].title_key)))
    else:
        st.caption(tr("classroom.on_current", texts=state.tr_count("texts", count)))
    presentation.show_figure(experiment_figure(result, lang), key=f"classroom_figure_{result.name}")
    for metric in EXPERIMENTS[result.name].highlights:
        runs = [run for run in result.runs if metric in run.metrics]
        if not runs:
            continue
        st.caption(tr(f"experiment.metric.{metric}"))
        for column, run in zip(st.columns(len(runs)), runs, strict=True):
            value = run.metrics[metric]
            shown = state.percent(value) if metric in PERCENT_METRICS else state.decimal(value, 2)
            column.metric(tr(run.label_key), shown)
    show = st.warning if result.conclusion_key == FAILED else st.info
    show(result.conclusion(lang), icon=":material/lightbulb:")
