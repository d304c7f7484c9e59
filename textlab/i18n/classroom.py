"""Strings of the classroom features: lesson links, the guided tour, experiments, presentation."""

TEXTS: dict[str, dict[str, str]] = {}
