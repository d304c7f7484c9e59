"""Runs: every recorded run in a table, their loss curves overlaid, notes, downloads and checkpoints."""

import streamlit as st

from textlab.errors import TextlabError
from textlab.ui import run_store, run_views, widgets
from textlab.ui.state import tr

st.title(tr("nav.runs"))
st.caption(tr("runs.intro"))
try:
    records = run_store.store().runs()
except TextlabError as error:
    widgets.show_error(error)
    st.stop()

if records:
    run_views.runs_table(records)
    run_views.overlay(records)
    st.divider()
    run_views.manage(records)
else:
    st.info(tr("runs.empty"), icon=":material/info:")
st.divider()
run_views.import_checkpoint()
