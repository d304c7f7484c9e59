"""Embeddings: what the model learned, the forward pass of one batch, predictions and errors."""

import streamlit as st

from textlab.ui import embedding_views, inspection_views
from textlab.ui.state import tr

st.title(tr("emb.title"))
st.caption(tr("emb.intro"))

source = embedding_views.model_source()
if source is None:
    st.stop()
embedding_views.source_notice(source)
embedding_views.live_updates(source)

map_tab, forward_tab, predict_tab = st.tabs([tr("emb.tab.map"), tr("emb.tab.forward"), tr("emb.tab.predict")])
with map_tab:
    embedding_views.map_section(source)
with forward_tab:
    inspection_views.forward_section(source)
with predict_tab:
    inspection_views.prediction_section(source)
    inspection_views.errors_section(source)
