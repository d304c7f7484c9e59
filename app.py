"""textlab: the entry point. `streamlit run app.py`

Sets up the page, the language switch and the navigation. The pages live in app_pages/, a folder
only st.navigation reads: one named pages/ would switch on Streamlit's older pages-folder mode,
which serves a page's URL without running this script.
"""

import streamlit as st

from textlab.ui import lesson_links, presentation, state, tour_panel, widgets
from textlab.ui.state import tr

st.set_page_config(page_title="textlab", page_icon=":material/text_fields:", layout="wide")
lesson_notices = lesson_links.apply_lesson_from_url()  # first: it sets the data and settings the pages read
widgets.language_switch()
presentation.presentation_toggle()

PAGES = (
    ("app_pages/home.py", "nav.home", ":material/home:"),
    ("app_pages/data.py", "nav.data", ":material/edit_note:"),
    ("app_pages/vocabulary.py", "nav.vocabulary", ":material/tag:"),
    ("app_pages/batches.py", "nav.batches", ":material/view_module:"),
    ("app_pages/train.py", "nav.train", ":material/show_chart:"),
    ("app_pages/embeddings.py", "nav.embeddings", ":material/scatter_plot:"),
    ("app_pages/runs.py", "nav.runs", ":material/folder_open:"),
    ("app_pages/classroom.py", "nav.classroom", ":material/school:"),
)
navigation = st.navigation([
    st.Page(path, title=tr(title), icon=icon, default=index == 0)
    for index, (path, title, icon) in enumerate(PAGES)
])
widgets.url_notices(navigation.url_path)
for notice in lesson_notices:
    st.warning(notice, icon=":material/link:")
lesson_links.show_prompt()
tour_panel.tour_panel(navigation.url_path)
state.slot_pool().start_warm_up()  # torch's one-time costs, paid while the user reads
state.current_job()  # marks this session's job as watched from any page (see state.RELEASE_GRACE_SECONDS)
navigation.run()
state.sync_url({**presentation.url_parameters(), **lesson_links.url_parameters()})
