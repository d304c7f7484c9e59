"""TrainConfig: every setting of a run in one frozen, validated object, grouped in five parts.

The defaults are the notebook's. Each setting is declared once, in its part, with its rule
(a range or the choices) beside its default; the rules drive validation, JSON, URL query
parameters and the CLI. Setting names are unique across the parts, so URLs, the CLI and
``with_changes`` keep using the flat names (``?lr=0.01&batch_size=4``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields, replace
from typing import Any

from textlab.errors import ConfigError
from textlab.model.devices import DEVICE_CHOICES
from textlab.model.models import ENCODERS, POOLINGS, check_heads
from textlab.text.subword import DEFAULT_VOCAB_SIZE
from textlab.text.vocab import TOKENIZER_KINDS
from textlab.train.tasks import TASKS

# "auto" picks the task that reads the data's kind of labels; the others are the tasks themselves.
LABEL_MODES = ("auto", *TASKS)
OPTIMIZERS = ("adam", "adamw", "sgd")
LR_SCHEDULES = ("none", "step", "cosine", "plateau")
VOCAB_SOURCES = ("train", "all")


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    low_open: bool = False  # True when ``low`` itself is not allowed (a learning rate of 0)

    def accepts(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return math.isfinite(value) and above and value <= self.high


Rule = Range | tuple[str, ...] | None  # None: a switch, true or false


def setting(default: Any, rule: Rule = None) -> Any:
    """A dataclass field with its rule beside its default."""
    return field(default=default, metadata={"rule": rule})


class _Part:
    """Validates every setting of a part against the rule declared beside it."""

    def __post_init__(self) -> None:
        for part_field in fields(self):  # type: ignore[arg-type]
            _validate(part_field.name, getattr(self, part_field.name))


@dataclass(frozen=True)
class TextSettings(_Part):
    """Text -> tokens -> vocabulary."""

    tokenizer: str = setting("whitespace", TOKENIZER_KINDS)
    lowercase: bool = setting(False)
    # The subword tokenizers' size, <PAD> and <UNK> included; the word ones use max_size.
    vocab_size: int = setting(DEFAULT_VOCAB_SIZE, Range(50, 50_000))
    min_freq: int = setting(1, Range(1, 1_000_000))
    max_size: int = setting(0, Range(0, 10_000_000))  # 0 = keep every token
    vocab_from: str = setting("train", VOCAB_SOURCES)  # "all" leaks validation words into the vocabulary
    # Tokens kept per text (0 = all). A recurrent encoder walks a batch one token at a time, so
    # the longest text sets how long a batch takes, and how long a Stop waits. 256 keeps every
    # text of the notebook, the bundled samples and the SMS collection (172 words at most) whole,
    # and cuts 12 of the 10,000 B2W reviews (up to 696 words); character tokens are cut sooner.
    max_length: int = setting(256, Range(0, 100_000))


@dataclass(frozen=True)
class BatchSettings(_Part):
    """Which texts are held out for validation, and how the rest become batches."""

    val_fraction: float = setting(0.0, Range(0.0, 0.5))
    batch_size: int = setting(2, Range(1, 4096))
    shuffle: bool = setting(True)
    bucketing: bool = setting(False)


@dataclass(frozen=True)
class ModelSettings(_Part):
    encoder: str = setting("none", ENCODERS)
    pooling: str = setting("mean", POOLINGS)  # the notebook's plain mean, PAD included
    embed_dim: int = setting(10, Range(1, 1024))
    hidden_dim: int = setting(32, Range(1, 1024))  # the GRU/LSTM state, or the transformer's feed-forward width
    layers: int = setting(2, Range(1, 4))  # transformer encoder layers
    heads: int = setting(2, Range(1, 64))  # transformer attention heads; embed_dim must be a multiple
    dropout: float = setting(0.0, Range(0.0, 0.9))

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.encoder == "transformer":
            check_heads(self.embed_dim, self.heads)


@dataclass(frozen=True)
class OptimisationSettings(_Part):
    optimizer: str = setting("adam", OPTIMIZERS)
    lr: float = setting(0.001, Range(0.0, 100.0, low_open=True))
    weight_decay: float = setting(0.0, Range(0.0, 1.0))
    lr_schedule: str = setting("none", LR_SCHEDULES)
    grad_clip: float = setting(0.0, Range(0.0, 1000.0))  # 0 = no clipping
    epochs: int = setting(3, Range(1, 10_000))
    patience: int = setting(0, Range(0, 1000))  # 0 = no early stopping


@dataclass(frozen=True)
class RunSettings(_Part):
    """What the run learns, where, and how reproducibly."""

    label_mode: str = setting("auto", LABEL_MODES)  # auto: random when the data has no labels (the notebook)
    seed: int = setting(0, Range(0, 2**31 - 1))
    device: str = setting("auto", DEVICE_CHOICES)


PARTS: dict[str, type] = {"text": TextSettings, "batches": BatchSettings, "model": ModelSettings,
                          "optimisation": OptimisationSettings, "run": RunSettings}
PART_OF: dict[str, str] = {setting_field.name: part for part, cls in PARTS.items() for setting_field in fields(cls)}
FIELDS: dict[str, Rule] = {setting_field.name: setting_field.metadata["rule"]
                           for cls in PARTS.values() for setting_field in fields(cls)}
DEFAULTS: dict[str, Any] = {setting_field.name: setting_field.default
                            for cls in PARTS.values() for setting_field in fields(cls)}

# Settings added after runs were first stored, with the value that reproduces those older runs
# (which kept every token). Readers of stored runs and checkpoints fill these in first.
ADDED_SETTINGS: dict[str, Any] = {"max_length": 0}


@dataclass(frozen=True)
class TrainConfig:
    """All settings of one training run. The defaults reproduce the notebook."""

    text: TextSettings = field(default_factory=TextSettings)
    batches: BatchSettings = field(default_factory=BatchSettings)
    model: ModelSettings = field(default_factory=ModelSettings)
    optimisation: OptimisationSettings = field(default_factory=OptimisationSettings)
    run: RunSettings = field(default_factory=RunSettings)

    def __post_init__(self) -> None:
        for name, cls in PARTS.items():
            if not isinstance(getattr(self, name), cls):
                raise TypeError(f"TrainConfig.{name} must be a {cls.__name__}")
        if self.optimisation.patience and not self.batches.val_fraction:
            raise ConfigError("config.patience_needs_validation")

    @classmethod
    def of(cls, **settings: Any) -> TrainConfig:
        """A config from flat setting names (``TrainConfig.of(lr=0.1, epochs=5)``); values are not coerced."""
        _check_names(settings)
        return cls(**{part: PARTS[part](**{name: value for name, value in settings.items() if PART_OF[name] == part})
                      for part in PARTS})

    def value(self, name: str) -> Any:
        """One setting by its flat name, as the URL, the CLI and the widgets name it."""
        _check_names([name])
        return getattr(getattr(self, PART_OF[name]), name)

    def flat(self) -> dict[str, Any]:
        """Every setting by its flat name, in declaration order."""
        return {name: self.value(name) for name in FIELDS}

    def with_changes(self, **changes: Any) -> TrainConfig:
        """A validated copy with some settings changed (values may be strings, as from a URL)."""
        coerced = {name: coerce(name, value) for name, value in changes.items()}
        parts = {part: replace(getattr(self, part), **{name: value for name, value in coerced.items()
                                                        if PART_OF[name] == part})
                 for part in PARTS if any(PART_OF[name] == part for name in coerced)}
        return replace(self, **parts)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {part: {name: getattr(getattr(self, part), name) for name in PART_OF if PART_OF[name] == part}
                for part in PARTS}

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, drop_unknown: bool = False) -> TrainConfig:
        """Read grouped JSON (``{"model": {"embed_dim": 16}}``) or the older flat form (``{"embed_dim": 16}``).

        ``drop_unknown`` skips settings this version does not know (a run stored before one was removed).
        """
        flat = _flatten(data)
        if drop_unknown:
            flat = {name: value for name, value in flat.items() if name in FIELDS}
        _check_names(flat)
        return cls.of(**{name: coerce(name, value) for name, value in flat.items()})

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_json(cls, text: str) -> TrainConfig:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ConfigError("config.bad_json", detail=str(error)) from error
        if not isinstance(data, dict):
            raise ConfigError("config.bad_json", detail="not an object")
        return cls.from_dict(data)

    def to_query(self) -> dict[str, str]:
        """Only the settings that differ from the defaults, as URL query strings under their flat names."""
        return {name: _to_text(value) for name, value in self.flat().items() if value != DEFAULTS[name]}

    @classmethod
    def from_query(cls, params: dict[str, str]) -> tuple[TrainConfig, list[ConfigError]]:
        """Read settings from URL parameters; a bad value falls back to its default and is reported."""
        changes, problems = {}, []
        for name, value in params.items():
            if name not in FIELDS:
                continue  # other parameters (the language, the page) belong to the app
            try:
                changes[name] = coerce(name, value)
                _validate(name, changes[name])
            except ConfigError as error:
                changes.pop(name, None)
                problems.append(error)
        while True:
            try:
                return cls.of(**changes), problems
            except ConfigError as error:  # settings valid alone but not together: one falls back to its default
                problems.append(error)
                given = [name for name in _FALLS_BACK_WHEN[error.key] if name in changes]
                changes.pop(given[0])

    def differences(self, other: TrainConfig) -> dict[str, tuple[Any, Any]]:
        """Settings whose values differ: flat name -> (this value, other value)."""
        ours, theirs = self.flat(), other.flat()
        return {name: (ours[name], theirs[name]) for name in FIELDS if ours[name] != theirs[name]}


# The settings, in order of preference, that return to their defaults when URL settings do not fit together.
_FALLS_BACK_WHEN = {"config.patience_needs_validation": ("patience",),
                    "config.heads_divide_embed_dim": ("heads", "embed_dim")}


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in PARTS and isinstance(value, dict):
            flat.update(value)
        else:
            flat[key] = value
    return flat


def _check_names(names: Any) -> None:
    unknown = sorted(set(names) - set(FIELDS))
    if unknown:
        raise ConfigError("config.unknown_field", name=unknown[0], choices=", ".join(FIELDS))


def _to_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


def coerce(name: str, value: Any) -> Any:
    """Convert a value (possibly a string from a URL or the CLI) to the setting's type."""
    _check_names([name])
    default = DEFAULTS[name]
    try:
        if isinstance(default, bool):
            if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
                return value.lower() in _TRUE
            if isinstance(value, bool):
                return value
            raise ValueError(value)
        if isinstance(default, int):
            if isinstance(value, bool):
                raise ValueError(value)
            number = float(value)
            if not number.is_integer():
                raise ValueError(value)
            return int(number)
        if isinstance(default, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError, OverflowError):
        # Examples rather than words, so the message needs no translation of its own.
        expected = {bool: "true/false", int: "0, 1, 2…", float: "0.5, 1e-3…"}[type(default)]
        raise ConfigError("config.bad_type", name=name, expected=expected, value=value) from None


def _validate(name: str, value: Any) -> None:
    rule = FIELDS[name]
    if isinstance(rule, Range):
        whole_number_expected = isinstance(DEFAULTS[name], int)
        wrong_type = isinstance(value, bool) or not isinstance(value, int if whole_number_expected else (int, float))
        if wrong_type or not rule.accepts(value):
            key = "config.above_and_at_most" if rule.low_open else "config.out_of_range"
            raise ConfigError(key, name=name, low=rule.low, high=rule.high, value=value)
    elif isinstance(rule, tuple):
        if value not in rule:
            raise ConfigError("config.bad_choice", name=name, value=value, choices=", ".join(rule))
    elif not isinstance(value, bool):
        raise ConfigError("config.bad_type", name=name, expected="true/false", value=value)
