"""The Streamlit glue: the only part of textlab that imports streamlit.

``state`` holds what several pages share (language, dataset, settings, the job);
``widgets`` draws the controls every page uses. Pages stay thin on top of these.
"""
