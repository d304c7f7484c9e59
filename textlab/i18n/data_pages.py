"""Strings of the data_pages pages."""

TEXTS: dict[str, dict[str, str]] = {}
