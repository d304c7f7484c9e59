"""Classroom page: one-click "what if?" experiments, and the panel that shares the current state as a lesson."""

import streamlit as st

from textlab.classroom.experiments import EXPERIMENTS
from textlab.ui import experiment_views, lesson_links, tour_panel
from textlab.ui.state import tr

st.title(tr("classroom.title"))
st.caption(tr("tour.intro"))
tour_panel.start_button()
st.write(tr("classroom.intro"))
# Labels translated here, not inside format_func, which may be called outside this script run.
data_labels = {option: tr(f"classroom.data.{option}") for option in ("sample", "current")}
choice = st.radio(tr("classroom.data_choice"), tuple(data_labels), horizontal=True, key="classroom_data",
                  format_func=data_labels.get)
for name in EXPERIMENTS:
    experiment_views.experiment_card(name, use_current_data=choice == "current")

st.divider()
lesson_links.share_panel()
