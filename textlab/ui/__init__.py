"""The Streamlit glue: the only part of textlab that imports streamlit.

``state`` holds what several pages share (language, dataset, settings, the job);
``widgets`` draws the controls every page uses. Pages stay thin on top of these.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# Until some script calls st.navigation, Streamlit serves a file of pages/ directly (its older
# pages-folder mode): a first visit straight to /train would skip app.py, its navigation and the
# language switch. Leave that mode the first time a page loads this package, and rerun through app.py.
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
