"""embeddings page (being built)."""

import streamlit as st

from textlab.ui.state import tr

st.title(tr("nav.embeddings"))
