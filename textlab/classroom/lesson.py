"""A lesson link: data, settings, hidden or locked controls, a prompt and a tour step, in one URL.

The settings use ``TrainConfig``'s own query parameters, so a lesson link is an ordinary app link
with a few more parameters: ``sample`` (a bundled sample's name) or ``text`` (pasted texts,
zlib-compressed and URL-safe base64), ``hide`` and ``lock`` (comma-separated setting names),
``prompt`` and ``tour``. Reading a link never raises: every part that is broken, tampered with or
too large falls back to its default and is reported.
"""

from __future__ import annotations

import base64
import binascii
import functools
import zlib
from dataclasses import dataclass, field
from typing import Any

from textlab.classroom.tour import STEP_IDS
from textlab.data.dataset import Dataset, read_pasted
from textlab.data.samples import SAMPLES, load_sample
from textlab.errors import TextlabError
from textlab.i18n import LANGUAGES
from textlab.train.config import FIELDS, TrainConfig
from textlab.train.prepare import to_pasted

MAX_TEXT_BYTES = 4096  # pasted texts a link may carry, as UTF-8
# Compressed and base64-encoded, 4 KB of text never needs more than this; anything longer is
# refused before it is decoded.
MAX_ENCODED_CHARS = 8192
MAX_PROMPT_CHARS = 500
SAMPLE, TEXT, HIDE, LOCK, PROMPT, TOUR = "sample", "text", "hide", "lock", "prompt", "tour"
LESSON_KEYS = (SAMPLE, TEXT, HIDE, LOCK, PROMPT, TOUR)
LANG = "lang"  # not a lesson key: every link of the app may carry it


class LessonError(TextlabError, ValueError):
    """A part of a lesson (or of its link) that cannot be used."""


@dataclass(frozen=True)
class Lesson:
    """Everything a teacher's link sets up; the defaults leave the app as it opens."""

    config: TrainConfig = field(default_factory=TrainConfig)
    sample: str | None = None  # a bundled sample by name ...
    text: str | None = None  # ... or pasted texts, one per line (``text<TAB>label``)
    hidden: frozenset[str] = frozenset()  # settings whose controls are not drawn
    locked: frozenset[str] = frozenset()  # settings whose controls are drawn but disabled
    prompt: str = ""  # a question shown at the top of every page
    tour_step: str | None = None  # the guided-tour step to open at
    lang: str | None = None  # the language the teacher wrote it in; the students' app opens in it

    def __post_init__(self) -> None:
        # Normalised here so that a lesson read back from its link equals the one that made it.
        object.__setattr__(self, "hidden", frozenset(self.hidden))
        object.__setattr__(self, "locked", frozenset(self.locked))
        object.__setattr__(self, "prompt", clean_prompt(self.prompt))
        if self.sample is not None and self.text is not None:
            raise LessonError("lesson.both_data")
        if self.sample is not None and self.sample not in SAMPLES:
            raise LessonError("lesson.unknown_sample", name=self.sample, choices=", ".join(SAMPLES))
        if self.text is not None:
            _check_text(self.text)
        for names in (self.hidden, self.locked):
            unknown = sorted(set(names) - set(FIELDS))
            if unknown:
                raise LessonError("lesson.unknown_controls", names=", ".join(unknown))
        if len(self.prompt) > MAX_PROMPT_CHARS:
            raise LessonError("lesson.prompt_too_long", limit=MAX_PROMPT_CHARS)
        if self.tour_step is not None and self.tour_step not in STEP_IDS:
            raise LessonError("lesson.unknown_tour_step", step=self.tour_step, choices=", ".join(STEP_IDS))

    def dataset(self) -> Dataset | None:
        """The lesson's data, or None when the lesson keeps whatever data the app has."""
        if self.sample is not None:
            return load_sample(self.sample)
        if self.text is not None:
            return read_pasted(self.text)
        return None

    def to_query(self) -> dict[str, str]:
        """URL query parameters: the settings that differ from the defaults, then the lesson's own."""
        query = {LANG: self.lang} if self.lang is not None else {}
        query.update(self.config.to_query())
        if self.sample is not None:
            query[SAMPLE] = self.sample
        if self.text is not None:
            query[TEXT] = compress_text(self.text)
        if self.hidden:
            query[HIDE] = ",".join(sorted(self.hidden))
        if self.locked:
            query[LOCK] = ",".join(sorted(self.locked))
        if self.prompt:
            query[PROMPT] = self.prompt
        if self.tour_step is not None:
            query[TOUR] = self.tour_step
        return query

    @classmethod
    def from_query(cls, params: dict[str, str]) -> tuple[Lesson, list[TextlabError]]:
        """Read a link's parameters; each bad part falls back to its default and is reported."""
        config, config_problems = TrainConfig.from_query(params)
        problems: list[TextlabError] = list(config_problems)
        parts: dict[str, Any] = {"config": config}
        if params.get(LANG) in LANGUAGES:  # anything else: the app's own fallback to the browser's language
            parts["lang"] = params[LANG]
        # Each reader returns the part or raises; one that keeps part of a value (the known
        # setting names of a list) adds a notice for what it dropped to ``problems`` itself.
        readers = ((SAMPLE, "sample", _read_sample), (TEXT, "text", _read_text),
                   (HIDE, "hidden", _read_controls), (LOCK, "locked", _read_controls),
                   (PROMPT, "prompt", _read_prompt), (TOUR, "tour_step", _read_tour_step))
        for key, attribute, read in readers:
            if key not in params:
                continue
            try:
                parts[attribute] = read(params[key], problems)
            except TextlabError as error:
                problems.append(error)
        if "sample" in parts and "text" in parts:
            problems.append(LessonError("lesson.both_data"))
            del parts["text"]
        return cls(**parts), problems


def is_lesson_link(params: dict[str, str]) -> bool:
    """Whether a URL's parameters hold anything beyond settings and the language."""
    return any(key in params for key in LESSON_KEYS)


def compress_text(text: str) -> str:
    """Texts as one URL-safe parameter: zlib at its best level, then base64 without '=' padding."""
    packed = zlib.compress(text.encode("utf-8"), level=9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decompress_text(value: str) -> str:
    """The inverse of ``compress_text``, refusing bad encoding and anything over ``MAX_TEXT_BYTES``."""
    if len(value) > MAX_ENCODED_CHARS:
        raise LessonError("lesson.text_too_large", limit_kb=MAX_TEXT_BYTES // 1024)
    try:
        packed = base64.b64decode(value.translate(_URLSAFE_TO_STANDARD) + "=" * (-len(value) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise LessonError("lesson.text_unreadable") from None
    inflater = zlib.decompressobj()
    try:
        # At most one byte past the limit is inflated, whatever the stream claims: no zip bombs.
        raw = inflater.decompress(packed, MAX_TEXT_BYTES + 1)
    except zlib.error:
        raise LessonError("lesson.text_unreadable") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise LessonError("lesson.text_too_large", limit_kb=MAX_TEXT_BYTES // 1024)
    if not inflater.eof or inflater.unused_data:
        raise LessonError("lesson.text_unreadable")  # cut short, or something appended
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LessonError("lesson.text_unreadable") from None


_URLSAFE_TO_STANDARD = str.maketrans("-_", "+/")


def text_for_link(dataset: Dataset) -> str:
    """Pasted-text form of ``dataset`` that reads back into the very same data, if it fits in a link."""
    text = to_pasted(dataset)
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise LessonError("lesson.data_too_large", size_kb=round(len(text.encode("utf-8")) / 1024, 1),
                          limit_kb=MAX_TEXT_BYTES // 1024)
    try:
        same = read_pasted(text).fingerprint() == dataset.fingerprint()
    except TextlabError:
        same = False
    if not same:  # texts with tabs or line breaks, or labels read as another kind
        raise LessonError("lesson.data_not_pastable")
    return text


@functools.cache
def _sample_fingerprints() -> dict[str, str]:
    return {name: load_sample(name).fingerprint() for name in SAMPLES}


def sample_name(dataset: Dataset) -> str | None:
    """The bundled sample ``dataset`` is, or None."""
    fingerprint = dataset.fingerprint()
    return next((name for name, known in _sample_fingerprints().items() if known == fingerprint), None)


def lesson_data(dataset: Dataset) -> dict[str, str]:
    """How a link names ``dataset``: ``{"sample": name}`` or ``{"text": pasted}``; LessonError if neither fits."""
    name = sample_name(dataset)
    return {"sample": name} if name is not None else {"text": text_for_link(dataset)}


def clean_prompt(prompt: str) -> str:
    """The prompt without control characters (line breaks excepted) or surrounding blanks."""
    return "".join(char for char in prompt if char == "\n" or char.isprintable()).strip()


def _check_text(text: str) -> None:
    """Refuse texts over the size limit or that do not read as pasted data (the reader's own error)."""
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_TEXT_BYTES:
        raise LessonError("lesson.data_too_large", size_kb=round(size / 1024, 1), limit_kb=MAX_TEXT_BYTES // 1024)
    read_pasted(text)


def _read_sample(value: str, problems: list[TextlabError]) -> str:
    if value not in SAMPLES:
        raise LessonError("lesson.unknown_sample", name=_shorten(value), choices=", ".join(SAMPLES))
    return value


def _read_text(value: str, problems: list[TextlabError]) -> str:
    text = decompress_text(value)
    _check_text(text)
    return text


def _read_controls(value: str, problems: list[TextlabError]) -> frozenset[str]:
    """The known setting names in a comma-separated list; unknown ones are reported and dropped."""
    names = {name.strip() for name in value.split(",") if name.strip()}
    unknown = sorted(names - set(FIELDS))
    if unknown:
        problems.append(LessonError("lesson.unknown_controls", names=_shorten(", ".join(unknown))))
    return frozenset(names & set(FIELDS))


def _read_prompt(value: str, problems: list[TextlabError]) -> str:
    prompt = clean_prompt(value)
    if len(prompt) > MAX_PROMPT_CHARS:
        raise LessonError("lesson.prompt_too_long", limit=MAX_PROMPT_CHARS)
    return prompt


def _read_tour_step(value: str, problems: list[TextlabError]) -> str:
    if value not in STEP_IDS:
        raise LessonError("lesson.unknown_tour_step", step=_shorten(value), choices=", ".join(STEP_IDS))
    return value


def _shorten(value: str, limit: int = 40) -> str:
    """A tampered value quoted in a notice, cut so it cannot flood the page."""
    return value if len(value) <= limit else value[:limit] + "…"
