"""Typed errors whose messages are written for the person using the app.

Each error carries a translation key and its parameters rather than a fixed
sentence, so the page can show it in the user's language and the CLI in its own.
"""

from __future__ import annotations

from textlab.i18n import TEXTS, option_label, t


class TextlabError(Exception):
    """Base class: a problem the user can understand and fix."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.params)

    def on_screen(self, lang: str = "en") -> str:
        """The message as the app shows it (``message`` is what the command line prints)."""
        return self.message(lang)


class ConfigError(TextlabError, ValueError):
    """A setting outside its valid range or choices."""

    def on_screen(self, lang: str = "en") -> str:
        """The message naming the setting by its label and its choices by theirs ("Taxa de aprendizado").

        ``message`` keeps the field names (``lr``), which are what a command line and a URL are written with.
        """
        name, params = self.params.get("name"), dict(self.params)
        if f"field.{name}" not in TEXTS:
            return self.message(lang)
        params["name"] = t(f"field.{name}", lang)
        if "choices" in params:  # joined with ", " where the error is raised
            params["choices"] = ", ".join(option_label(str(name), choice, lang)
                                          for choice in str(params["choices"]).split(", "))
        return t(self.key, lang, **params)


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
