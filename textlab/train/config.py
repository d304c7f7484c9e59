"""TrainConfig: every setting of a run in one frozen, validated dataclass.

The defaults are the notebook's. Each field is described once in ``FIELDS`` (its
range or choices), which drives validation, JSON, URL query parameters and the CLI.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from textlab.errors import ConfigError
from textlab.model.devices import DEVICE_CHOICES
from textlab.model.models import ENCODERS, POOLINGS
from textlab.text.vocab import TOKENIZERS

LABEL_MODES = ("auto", "random", "regression", "classification")
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



FIELDS: dict[str, Range | tuple[str, ...] | None] = {
    "tokenizer": tuple(TOKENIZERS), "lowercase": None,
    "min_freq": Range(1, 1_000_000), "max_size": Range(0, 10_000_000),
    "vocab_from": VOCAB_SOURCES, "label_mode": LABEL_MODES, "val_fraction": Range(0.0, 0.5),
    "batch_size": Range(1, 4096), "shuffle": None, "bucketing": None,
    "encoder": ENCODERS, "pooling": POOLINGS, "embed_dim": Range(1, 1024), "hidden_dim": Range(1, 1024),
    "dropout": Range(0.0, 0.9),
    "optimizer": OPTIMIZERS, "lr": Range(0.0, 100.0, low_open=True), "weight_decay": Range(0.0, 1.0),
    "lr_schedule": LR_SCHEDULES, "grad_clip": Range(0.0, 1000.0),
    "epochs": Range(1, 10_000), "patience": Range(0, 1000),
    "seed": Range(0, 2**31 - 1), "device": DEVICE_CHOICES,
}


@dataclass(frozen=True)
class TrainConfig:
    """All settings of one training run. The defaults reproduce the notebook."""

    # Text -> tokens -> vocabulary
    tokenizer: str = "whitespace"
    lowercase: bool = False
    min_freq: int = 1
    max_size: int = 0  # 0 = keep every token
    vocab_from: str = "train"  # "all" leaks validation words into the vocabulary
    # Labels and validation
    label_mode: str = "auto"  # auto: random when the data has no labels (the notebook)
    val_fraction: float = 0.0
    # Batches
    batch_size: int = 2
    shuffle: bool = True
    bucketing: bool = False
    # Model
    encoder: str = "none"
    pooling: str = "mean"  # the notebook's plain mean, PAD included
    embed_dim: int = 10
    hidden_dim: int = 32
    dropout: float = 0.0
    # Optimisation
    optimizer: str = "adam"
    lr: float = 0.001
    weight_decay: float = 0.0
    lr_schedule: str = "none"
    grad_clip: float = 0.0  # 0 = no clipping
    epochs: int = 3
    patience: int = 0  # 0 = no early stopping
    # Where and how reproducibly
    seed: int = 0
    device: str = "auto"

    def __post_init__(self) -> None:
        for field in fields(self):
            _validate(field.name, getattr(self, field.name))
        if self.patience and not self.val_fraction:
            raise ConfigError("config.patience_needs_validation")

    def with_changes(self, **changes: Any) -> TrainConfig:
        """A validated copy with some settings changed (values may be strings, as from a URL)."""
        return replace(self, **{name: coerce(name, value) for name, value in changes.items()})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        unknown = set(data) - set(FIELDS)
        if unknown:
            raise ConfigError("config.unknown_field", name=sorted(unknown)[0], choices=", ".join(FIELDS))
        return cls(**{name: coerce(name, value) for name, value in data.items()})

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
        """Only the settings that differ from the defaults, as URL query strings."""
        defaults = TrainConfig()
        return {name: _to_text(value) for name, value in asdict(self).items()
                if value != getattr(defaults, name)}

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
        try:
            return cls(**changes), problems
        except ConfigError as error:  # settings valid alone but not together: patience without validation
            problems.append(error)
            changes.pop("patience", None)
            return cls(**changes), problems

    def differences(self, other: TrainConfig) -> dict[str, tuple[Any, Any]]:
        """Settings whose values differ: name -> (this value, other value)."""
        return {name: (getattr(self, name), getattr(other, name)) for name in FIELDS
                if getattr(self, name) != getattr(other, name)}


def _to_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


def coerce(name: str, value: Any) -> Any:
    """Convert a value (possibly a string from a URL or the CLI) to the field's type."""
    if name not in FIELDS:
        raise ConfigError("config.unknown_field", name=name, choices=", ".join(FIELDS))
    default = getattr(TrainConfig, name)
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
        whole_number_expected = isinstance(getattr(TrainConfig, name), int)
        wrong_type = isinstance(value, bool) or not isinstance(value, int if whole_number_expected else (int, float))
        if wrong_type or not rule.accepts(value):
            key = "config.above_and_at_most" if rule.low_open else "config.out_of_range"
            raise ConfigError(key, name=name, low=rule.low, high=rule.high, value=value)
    elif isinstance(rule, tuple):
        if value not in rule:
            raise ConfigError("config.bad_choice", name=name, value=value, choices=", ".join(rule))
    elif not isinstance(value, bool):
        raise ConfigError("config.bad_type", name=name, expected="true/false", value=value)
