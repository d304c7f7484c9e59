"""textlab: the entry point. `streamlit run app.py`

Sets up the page, the language switch and the navigation; each page lives in pages/.
"""

import streamlit as st

from textlab.ui import presentation, state, widgets
from textlab.ui.state import tr

st.set_page_config(page_title="textlab", page_icon=":material/text_fields:", layout="wide")
widgets.language_switch()
presentation.presentation_toggle()

PAGES = (
    ("pages/home.py", "nav.home", ":material/home:"),
    ("pages/data.py", "nav.data", ":material/edit_note:"),
    ("pages/vocabulary.py", "nav.vocabulary", ":material/tag:"),
    ("pages/batches.py", "nav.batches", ":material/view_module:"),
    ("pages/train.py", "nav.train", ":material/show_chart:"),
    ("pages/embeddings.py", "nav.embeddings", ":material/scatter_plot:"),
    ("pages/runs.py", "nav.runs", ":material/folder_open:"),
)
navigation = st.navigation([
    st.Page(path, title=tr(title), icon=icon, default=index == 0)
    for index, (path, title, icon) in enumerate(PAGES)
])
widgets.url_notices()
navigation.run()
state.sync_url(presentation.url_parameters())
