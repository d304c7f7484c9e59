"""Typed errors whose messages are written for the person using the app.

Each error carries a translation key and its parameters rather than a fixed
sentence, so the page can show it in the user's language and the CLI in its own.
"""

from __future__ import annotations

from textlab.i18n import t


class TextlabError(Exception):
    """Base class: a problem the user can understand and fix."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.params)


class ConfigError(TextlabError, ValueError):
    """A setting outside its valid range or choices."""


class DeviceError(TextlabError):
    """The requested device is not present on this machine."""


class DataError(TextlabError, ValueError):
    """Input text or a file that cannot be used as a dataset."""


class EmptyInputError(DataError):
    """No usable text at all."""


class BinaryInputError(DataError):
    """Content that is not text (an image, a zip, ...)."""


class MissingColumnError(DataError):
    """A table without the text or label column asked for."""


class BadLabelError(DataError):
    """Labels that are blank, NaN or of the wrong kind."""


class TooLargeError(DataError):
    """Input beyond the size or row limits."""


class CheckpointError(TextlabError):
    """A checkpoint that is corrupt, unsafe or does not match its model."""
