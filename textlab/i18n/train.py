"""Strings of the train pages."""

TEXTS: dict[str, dict[str, str]] = {}
