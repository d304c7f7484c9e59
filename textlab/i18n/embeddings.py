"""Strings of the embeddings pages."""

TEXTS: dict[str, dict[str, str]] = {}
