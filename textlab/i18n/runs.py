"""Strings of the runs pages."""

TEXTS: dict[str, dict[str, str]] = {}
