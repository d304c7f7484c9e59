"""Strings shared by every page: navigation, the language switch, the home page."""

TEXTS: dict[str, dict[str, str]] = {}
