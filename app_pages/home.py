"""Start page: what textlab is and the path through the pages."""

import streamlit as st

from textlab.ui import state
from textlab.ui.data_input import describe_source
from textlab.ui.state import tr

st.title(tr("home.title"))
st.write(tr("home.intro"))
for number, page in enumerate(("data", "vocabulary", "batches", "train", "embeddings", "runs", "classroom"), start=1):
    st.page_link(f"app_pages/{page}.py", label=f"{number}. {tr(f'nav.{page}')}: {tr(f'home.step.{page}')}")
session = state.session()
st.caption(tr("home.current_data", texts=state.tr_count("texts", len(session.dataset)),
              source=describe_source(session.data_source)))
