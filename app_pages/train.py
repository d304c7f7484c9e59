"""Train: set the knobs, press Train, and watch the loss curve grow while a background thread trains.

The run lives in session state (textlab.ui.state), so another page and back shows it still live.
"""

import streamlit as st

from textlab.ui import state, train_view
from textlab.ui.state import tr

st.title(tr("train.title"))
st.caption(tr("train.intro"))

# The settings column is as wide as its longest option label needs at 1280 px in presentation mode's size.
settings_column, run_column = st.columns([1, 1.6], gap="medium")
with run_column:  # drawn first, so the chart reaches the browser before the settings
    # A button's callback has already run: the job is started, paused or cleared by now.
    job = state.current_job()
    snapshot = job.snapshot() if job is not None else None
    train_view.buttons(snapshot)
    train_view.chart_options()
    if snapshot is not None and snapshot.is_active:
        train_view.live_panel(snapshot)  # redraws itself until the run ends
    else:
        train_view.still_panel(snapshot)
    if job is not None:
        train_view.frozen_settings(job)

with settings_column:
    st.subheader(tr("train.settings"))
    train_view.settings_panel()
