"""Plotly figures built from plain data: pure functions returning ``go.Figure``, one module per page area."""
