"""The Train page's parts: settings, buttons, the live status and chart, and the run's frozen settings.

Everything drawn while a run trains comes from one ``JobSnapshot`` per refresh, taken under the
job's lock; nothing here waits for the training thread.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from textlab.figures.loss import X_AXES, loss_figure, panel_metrics
from textlab.i18n import describe_changes, option_label
from textlab.i18n.numbers import format_decimal, format_general
from textlab.model.devices import DEVICE_CHOICES, available_devices, unavailable_reason
from textlab.runs import report as run_report
from textlab.train.defaults import size_tier, suggested_config
from textlab.train.jobs import JobSnapshot, SlotPool, TrainingJob
from textlab.train.tasks import task_for
from textlab.ui import lesson_links, state
from textlab.ui.label_choice import label_mode_choice
from textlab.ui.literal import literal_table
from textlab.ui.presentation import show_figure, show_table, tile_columns
from textlab.ui.state import tr
from textlab.ui.widgets import config_input, decimal_stops

REFRESH_SECONDS = 0.5
# A paused run does not move, and with more runs than training slots each one moves only in its turns
# (textlab.train.jobs.SlotPool): then a slower redraw leaves the server's CPU to the training the class
# is waiting for (bench/load.py measured it). A run with no point yet keeps the fast one: its student
# is waiting for the first point, which a new run gets within a moment.
SLOW_REFRESH_SECONDS = 2.0
# After Train, the page waits this long for the run to end before drawing: a short run (the notebook's)
# then appears whole in the same redraw, and a long one shows its first steps without a refresh's delay.
FIRST_DRAW_WAIT_SECONDS = 0.25
MAIN_FIELDS = ("embed_dim", "lr", "batch_size", "epochs")
MODEL_FIELDS = ("encoder", "pooling", "hidden_dim", "layers", "heads", "dropout", "optimizer", "seed", "val_fraction",
                "patience")
ADVANCED_FIELDS = ("lr_schedule", "bucketing", "shuffle", "max_length", "weight_decay", "grad_clip")
SUGGESTION_NOTICE = "train_suggestion_applied"
LIVE_HISTORY_ROWS, HISTORY_ROWS = 50, 500
FIGURE_CACHE_ENTRIES = 200  # a class of 40, a few chart options each


# Settings


def settings_panel() -> None:
    """Every setting of the next run, and the suggestion for this data."""
    st.caption(tr("train.data", texts=state.tr_count("texts", len(state.session().dataset))))
    label_mode_choice()
    _suggestion_button()
    for name in MAIN_FIELDS:
        config_input(name)
    _device_input()
    st.subheader(tr("train.section.model"))
    for name in MODEL_FIELDS:
        config_input(name, disabled=_unused(name, state.session().config.model.encoder))
    with st.expander(tr("train.section.advanced")):
        for name in ADVANCED_FIELDS:
            config_input(name)


def _unused(name: str, encoder: str) -> bool:
    """Settings the chosen encoder ignores stay visible but greyed out."""
    if name == "hidden_dim":
        return encoder == "none"
    return name in ("layers", "heads") and encoder != "transformer"


def _suggestion() -> dict:
    """Suggested changes for the current data, leaving alone what a lesson hid or locked."""
    fixed = set(lesson_links.locked_fields()) | set(lesson_links.hidden_fields())
    changes = state.session().config.differences(suggested_config(state.session().config, state.session().dataset))
    return {name: values for name, values in changes.items() if name not in fixed}


def _suggestion_button() -> None:
    data = state.session().dataset
    changes = _suggestion()
    described = describe_changes(changes, state.session().language)
    st.button(tr("train.suggest.button"), key="train_suggest", disabled=not changes, on_click=_apply_suggestion,
              help=tr("train.suggest.help", changes=described) if changes else None)
    applied = st.session_state.pop(SUGGESTION_NOTICE, None)
    if applied:
        st.success(tr("train.suggest.applied", changes=applied), icon="✅")
    if changes or applied:
        st.caption(tr(f"train.suggest.why.{size_tier(data)}"))
    else:
        st.caption(tr("train.suggest.matching"))


def _apply_suggestion() -> None:
    changes, lang = _suggestion(), state.session().language
    error = state.session().update_config(**{name: suggested for name, (_, suggested) in changes.items()})
    # A lesson may lock a setting the suggestion needs (e.g. no validation for early stopping).
    notice = describe_changes(changes, lang) if error is None else error.on_screen(lang)
    st.session_state[SUGGESTION_NOTICE] = notice


def _device_input() -> None:
    """Only the devices this machine has can be chosen; the others are named with the reason."""
    if "device" in lesson_links.hidden_fields():
        return
    present = ["auto", *available_devices()]
    requested = state.session().config.run.device
    if requested not in present:  # e.g. a link made on a machine with a GPU
        state.session().update_config(device="auto")
        st.warning(tr("train.device_fallback", device=option_label("device", requested, state.session().language),
                      reason=tr(unavailable_reason(requested))))
    config_input("device", options=present)
    missing = [device for device in DEVICE_CHOICES if device not in present]
    if missing:
        st.caption(tr("train.device_missing", reasons=" ".join(tr(unavailable_reason(d)) for d in missing)))


# Buttons


def buttons(snapshot: JobSnapshot | None) -> None:
    """Train, Pause/Resume, Step, Stop and Reset; each one disabled where it would do nothing."""
    active = snapshot is not None and snapshot.is_active
    queued = snapshot is not None and snapshot.state == "queued"
    paused = snapshot is not None and snapshot.state == "paused"
    no_data = len(state.session().dataset) == 0
    train, pause, step, stop, reset = st.columns(5)
    train.button(tr("train.button.train"), key="train_start", type="primary", on_click=_start, width="stretch",
                 disabled=active or no_data, help=tr("train.button.train.help"))
    pause.button(tr("train.button.resume" if paused else "train.button.pause"), key="train_pause",
                 on_click=_toggle_pause, disabled=not active or queued, width="stretch",
                 help=tr("train.button.pause.help"))
    step.button(tr("train.button.step"), key="train_step", on_click=_step, disabled=queued or no_data,
                width="stretch", help=tr("train.button.step.help"))
    stop.button(tr("train.button.stop"), key="train_stop", on_click=_stop, disabled=not active, width="stretch",
                help=tr("train.button.stop.help"))
    reset.button(tr("train.button.reset"), key="train_reset", on_click=state.clear_job, disabled=snapshot is None,
                 width="stretch", help=tr("train.button.reset.help"))


def _start(step_first: bool = False) -> None:
    # The settings and data of this moment: the run keeps them, whatever changes afterwards.
    job = state.start_job(state.session().config, state.session().dataset, step_first=step_first)
    job.join(FIRST_DRAW_WAIT_SECONDS)


def _active_job() -> TrainingJob | None:
    job = state.current_job()
    return job if job is not None and job.thread_alive else None


def _toggle_pause() -> None:
    job = _active_job()
    if job is not None:
        job.resume() if job.control.paused else job.pause()


def _step() -> None:
    job = _active_job()
    if job is None:
        _start(step_first=True)
    else:
        job.step()


def _stop() -> None:
    job = _active_job()
    if job is not None:
        job.stop()


# The run: status, chart and history


def refresh_seconds(snapshot: JobSnapshot, pool: SlotPool) -> float:
    """How often the live panel redraws this run: twice a second, unless it would show little new."""
    if not snapshot.steps:
        return REFRESH_SECONDS
    return SLOW_REFRESH_SECONDS if snapshot.state == "paused" or pool.crowded else REFRESH_SECONDS


def live_panel(snapshot: JobSnapshot) -> None:
    """The active run, redrawn every ``refresh_seconds``; one full rerun when it ends turns the timer off."""
    interval = refresh_seconds(snapshot, state.slot_pool())
    st.fragment(_live_redraw, run_every=interval)(interval)


def _live_redraw(interval: float) -> None:
    job = state.current_job()
    snapshot = job.snapshot() if job is not None else None
    if snapshot is None or not snapshot.is_active or refresh_seconds(snapshot, state.slot_pool()) != interval:
        st.rerun()  # the buttons and the panel are drawn again, with the timer the run needs now, or none
    _draw_run(snapshot)


def still_panel(snapshot: JobSnapshot | None) -> None:
    """The ended run, or the empty chart."""
    _draw_run(snapshot)


def _draw_run(snapshot: JobSnapshot | None) -> None:
    lang = state.session().language
    level, sentence = run_report.status(snapshot, lang)
    getattr(st, level)(sentence)
    started = snapshot.started if snapshot is not None else None
    metrics = panel_metrics(started.label_mode, started.val_size > 0) if started else ()
    if snapshot is not None:
        _draw_progress(snapshot, lang)
    smoothing, x_axis = state.session().loss_smoothing, state.session().loss_x_axis
    # What the chart depends on: a run between two turns, queued or paused is redrawn from the cache.
    drawn = (snapshot.job_id, len(snapshot.steps), len(snapshot.epochs), snapshot.is_active) if snapshot else None
    figure = _loss_figure(snapshot, (drawn, metrics, x_axis, smoothing, lang))
    show_figure(figure, key="train_loss_chart", config={"displaylogo": False})
    if started is not None and not task_for(started.label_mode).reads_labels:
        st.caption(tr("train.random_labels"))
    elif started is not None and not metrics:
        st.caption(tr("train.no_validation"))
    st.markdown(f"**{tr('train.history.title')}**")
    epochs = snapshot.epochs if snapshot else ()
    if not epochs:
        st.caption(tr("train.history.empty"))
        return
    # An HTML table, whose headers wrap to fit the run's column; it scrolls down after a dozen rows (CSS).
    # While training, fewer rows: the table is rebuilt at every refresh.
    limit = LIVE_HISTORY_ROWS if snapshot.is_active else HISTORY_ROWS
    with st.container(key="train_history"):
        literal_table(run_report.epoch_table(epochs, metrics, lang, limit), hide_index=True)
    caption = tr("train.history.caption")
    if len(epochs) > limit:
        caption += " " + tr("train.history.latest", shown=limit, total=len(epochs))
    st.caption(caption)


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _loss_figure(_snapshot: JobSnapshot | None, key: tuple) -> go.Figure:
    """The run's loss chart, built once per step count and chart option (``key``), for every session alike."""
    _, metrics, x_axis, smoothing, lang = key
    started = _snapshot.started if _snapshot is not None else None
    return loss_figure(_snapshot.steps if _snapshot else (), _snapshot.epochs if _snapshot else (),
                       steps_per_epoch=started.steps_per_epoch if started else 1, metrics=metrics,
                       x_axis=x_axis, smoothing=smoothing, lang=lang,
                       waiting=_snapshot is not None and _snapshot.is_active)


def _draw_progress(snapshot: JobSnapshot, lang: str) -> None:
    if snapshot.state == "failed":
        st.caption(tr("train.state.failed_next"))
    for detail in snapshot.observer_errors:
        st.warning(tr("train.observer_failed", detail=detail))
    st.progress(snapshot.progress, text=run_report.progress_text(snapshot, lang))
    loss, rate, eta, device = tile_columns(4, per_row=2)
    last_loss = format_decimal(snapshot.steps[-1].loss, lang, 4) if snapshot.steps else "–"
    loss.metric(tr("train.metric.loss"), last_loss)
    rate.metric(tr("train.metric.rate"), run_report.format_rate(
        snapshot.steps_per_second if snapshot.is_active else snapshot.overall_steps_per_second, lang))
    eta.metric(tr("train.metric.eta"), run_report.format_seconds(snapshot.eta_seconds, lang)
               if snapshot.eta_seconds is not None else "–")
    device.metric(tr("train.metric.device"), option_label("device", snapshot.started.device, lang)
                  if snapshot.started else "–")


def chart_options() -> None:
    """Smoothing and x axis of the loss chart, kept in the session so they survive a visit to another page.

    Outside the live panel: widgets redrawn twice a second for each student cost the server more than the chart.
    """
    session = state.session()
    st.session_state["train_smoothing_widget"] = session.loss_smoothing
    st.session_state["train_x_axis_widget"] = session.loss_x_axis
    smoothing_column, axis_column = st.columns([3, 2])
    lang = session.language
    smoothing_column.select_slider(
        tr("train.chart.smoothing"), sorted({*decimal_stops(0.0, 0.99, 0.01), session.loss_smoothing}),
        format_func=lambda value: format_general(value, lang), key="train_smoothing_widget",
        help=tr("train.chart.smoothing.help"), on_change=_copy_widget, args=("loss_smoothing",))
    axis_column.segmented_control(tr("train.chart.x_axis"), X_AXES, key="train_x_axis_widget",
                                  format_func=lambda axis: tr(f"train.chart.x_{axis}"),
                                  on_change=_copy_widget, args=("loss_x_axis",))


_CHART_WIDGETS = {"loss_smoothing": "train_smoothing_widget", "loss_x_axis": "train_x_axis_widget"}


def _copy_widget(attribute: str) -> None:
    value = st.session_state[_CHART_WIDGETS[attribute]]
    if value is not None:  # a segmented control can be clicked off; keep the last choice
        setattr(state.session(), attribute, value)


# The run's frozen settings


def frozen_settings(job: TrainingJob) -> None:
    """What this run uses, and which controls now differ from it (they apply to the next run)."""
    current = state.session().config
    changes = job.config.differences(current)
    if changes:
        st.info(tr("train.frozen.changed", changes=describe_changes(changes, state.session().language)), icon="🧊")
    lang = state.session().language
    with st.expander(tr("train.frozen.title")):
        st.caption(tr("train.frozen.data", texts=state.tr_count("texts", len(job.dataset))))
        rows = [{tr("train.frozen.setting"): tr(f"field.{name}"),
                 tr("train.frozen.this_run"): option_label(name, value, lang),
                 tr("train.frozen.next_run"): option_label(name, current.value(name), lang)}
                for name, value in job.config.flat().items()]
        show_table(rows, hide_index=True, key="train_frozen")
