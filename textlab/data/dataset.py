"""Reading text into a Dataset: pasted lines, .txt, .csv/.tsv and .jsonl files, and splitting it.

Row numbers in messages are counted the way the user sees them: lines of pasted text and of
.txt/.jsonl files from 1, and rows of a .csv/.tsv as a spreadsheet shows them (the header is row 1).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Literal

from textlab.data.decoding import Notice, decode_bytes, listed_numbers, parse_table
from textlab.errors import (
    BadLabelError,
    ConfigError,
    DataError,
    EmptyInputError,
    MissingColumnError,
    TooLargeError,
)
from textlab.i18n import Counted

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "Dataset",
    "LabelKind",
    "Notice",
    "decode_bytes",
    "infer_label_kind",
    "list_columns",
    "read_file",
    "read_pasted",
    "read_path",
    "train_validation_split",
]

LabelKind = Literal["none", "numeric", "categorical"]
LABEL_KINDS: tuple[LabelKind, ...] = ("none", "numeric", "categorical")
MAX_ROWS = 100_000
MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_EXTENSIONS = (".txt", ".csv", ".tsv", ".jsonl")
# Column names recognised without asking, in order of preference, compared case-insensitively.
TEXT_COLUMN_NAMES = ("text", "texto", "sms", "review", "sentence", "frase", "content", "review_text")
LABEL_COLUMN_NAMES = (
    "label", "labels", "rotulo", "rótulo", "rating", "nota", "target", "class", "classe", "sentiment", "y",
)  # fmt: skip
# What spreadsheets and pandas write into an empty label cell.
_MISSING_LABELS = frozenset({"", "nan"})


@dataclass(frozen=True)
class Dataset:
    """Texts with optional labels, as read from the user's input."""

    texts: tuple[str, ...]
    labels: tuple[str, ...] | None
    label_kind: LabelKind
    label_names: tuple[str, ...]
    notices: tuple[Notice, ...] = ()

    def __post_init__(self) -> None:
        if self.labels is not None and len(self.labels) != len(self.texts):
            raise ValueError("texts and labels differ in length")
        if (self.labels is None) != (self.label_kind == "none"):
            raise ValueError("label_kind is 'none' exactly when labels is None")

    def __len__(self) -> int:
        return len(self.texts)

    def targets(self) -> list[float] | list[int] | None:
        """Labels as model targets: floats when numeric, indices into label_names when categorical."""
        if self.labels is None:
            return None
        if self.label_kind == "numeric":
            return [float(label) for label in self.labels]
        index = {name: position for position, name in enumerate(self.label_names)}
        return [index[label] for label in self.labels]

    def with_label_kind(self, kind: LabelKind) -> Dataset:
        """The same data with its labels read as ``kind``; "none" drops them."""
        if kind not in LABEL_KINDS:
            raise ConfigError(
                "config.bad_choice", name="label_kind", value=kind, choices=", ".join(LABEL_KINDS)
            )
        if kind == "none":
            return replace(self, labels=None, label_kind="none", label_names=())
        if self.labels is None:
            raise BadLabelError("data.no_labels")
        if kind == "numeric":
            _require_numbers(self.labels)
            return replace(self, label_kind="numeric", label_names=())
        return replace(self, label_kind="categorical", label_names=_class_names(self.labels))

    def subset(self, indices: Iterable[int]) -> Dataset:
        """The rows at ``indices``, keeping label_names so class indices stay the same."""
        chosen = list(indices)
        labels = None if self.labels is None else tuple(self.labels[i] for i in chosen)
        return replace(self, texts=tuple(self.texts[i] for i in chosen), labels=labels)

    def fingerprint(self) -> str:
        """SHA-256 of texts, labels and label kind: equal data gives the same hex digest in any run."""
        payload = json.dumps([self.texts, self.labels, self.label_kind], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def infer_label_kind(labels: Iterable[str] | None) -> LabelKind:
    """Numeric when every label is a finite number, categorical otherwise, none without labels."""
    values = [] if labels is None else list(labels)
    if not values:
        return "none"
    return "numeric" if all(_as_number(value) is not None for value in values) else "categorical"


def read_pasted(text: str) -> Dataset:
    """One text per line; ``text<TAB>label`` gives it a label; blank lines are skipped."""
    _check_size(len(text.encode("utf-8")))
    return _read_lines(text, ())


def list_columns(name: str, raw: bytes) -> list[str]:
    """Column names of a .csv/.tsv header or of the first .jsonl object; [] for .txt."""
    extension = _extension(name)
    if extension == ".txt":
        return []
    text, _ = _decode(raw)
    columns, _ = parse_table(text, extension)
    return columns


def read_file(
    name: str, raw: bytes, text_column: str | None = None, label_column: str | None = None
) -> Dataset:
    """Read an uploaded file by its extension, choosing text and label columns by name when not given."""
    extension = _extension(name)
    text, notices = _decode(raw)
    if extension == ".txt":
        return _read_lines(text, notices)
    columns, rows = parse_table(text, extension)
    unit = "lines" if extension == ".jsonl" else "rows"
    return _read_table(columns, list(rows), text_column, label_column, unit, notices)


def read_path(
    path: str, text_column: str | None = None, label_column: str | None = None, stdin: BinaryIO | None = None
) -> Dataset:
    """Read a file by its extension, or pasted-text format from stdin when ``path`` is "-"."""
    if path == "-":
        source = stdin if stdin is not None else sys.stdin.buffer
        text, notices = _decode(source.read(MAX_BYTES + 1))
        return _read_lines(text, notices)
    file = Path(path)
    _extension(file.name)
    try:
        _check_size(file.stat().st_size)
        raw = file.read_bytes()
    except FileNotFoundError:
        raise DataError("data.file_not_found", path=path) from None
    except OSError as exc:
        raise DataError("data.cannot_read", path=path, detail=exc.strerror or str(exc)) from None
    return read_file(file.name, raw, text_column, label_column)


def train_validation_split(dataset: Dataset, val_fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Sorted train and validation indices, the same for the same seed, stratified by class."""
    if not 0 <= val_fraction < 1:
        raise ConfigError("config.out_of_range", name="val_fraction", low=0, high=1, value=val_fraction)
    if len(dataset) == 0:
        raise EmptyInputError("data.empty")
    if val_fraction == 0:
        return list(range(len(dataset))), []
    rng = random.Random(seed)
    validation: list[int] = []
    for group in _strata(dataset):
        rng.shuffle(group)
        # Every group keeps at least one row in train, so train is never empty.
        validation += group[: min(round(len(group) * val_fraction), len(group) - 1)]
    held_out = set(validation)
    return [i for i in range(len(dataset)) if i not in held_out], sorted(validation)


def _strata(dataset: Dataset) -> list[list[int]]:
    """Row indices grouped by class for categorical labels, else one group of all rows."""
    if dataset.label_kind != "categorical":
        return [list(range(len(dataset)))]
    groups: list[list[int]] = [[] for _ in dataset.label_names]
    for row, target in enumerate(dataset.targets() or []):
        groups[target].append(row)
    return [group for group in groups if group]


def _as_number(value: str) -> float | None:
    """The value as a finite float, or None."""
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _class_names(labels: Iterable[str]) -> tuple[str, ...]:
    """Distinct labels sorted, numeric-looking ones by value first (so "2" comes before "10")."""

    def order(name: str) -> tuple[int, float, str]:
        number = _as_number(name)
        return (1, 0.0, name) if number is None else (0, number, name)

    return tuple(sorted(set(labels), key=order))


def _require_numbers(labels: Sequence[str]) -> None:
    """Raise BadLabelError naming the first rows whose label is not a number."""
    bad = [row for row, label in enumerate(labels, start=1) if _as_number(label) is None]
    if bad:
        example = labels[bad[0] - 1]
        raise BadLabelError("data.not_numeric", rows=listed_numbers(bad), count=len(bad), example=example)


def _check_size(size: int) -> None:
    """Refuse input over MAX_BYTES."""
    if size > MAX_BYTES:
        megabyte = 1024 * 1024
        raise TooLargeError(
            "data.too_large", size_mb=round(size / megabyte, 1), limit_mb=MAX_BYTES // megabyte
        )


def _decode(raw: bytes) -> tuple[str, tuple[Notice, ...]]:
    """Check the size, then decode."""
    _check_size(len(raw))
    return decode_bytes(raw)


def _extension(name: str) -> str:
    """The lower-case extension of ``name``, refusing unsupported ones."""
    extension = Path(name).suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        raise DataError("data.unsupported_extension", name=name, supported=", ".join(SUPPORTED_EXTENSIONS))
    return extension


def _build(texts: list[str], labels: list[str] | None, notices: Iterable[Notice]) -> Dataset:
    """A Dataset with its label kind inferred, refusing empty or oversized input."""
    if not texts:
        raise EmptyInputError("data.empty")
    if len(texts) > MAX_ROWS:
        raise TooLargeError("data.too_many_rows", texts=Counted("texts", len(texts)), limit=MAX_ROWS)
    kind = infer_label_kind(labels)
    names = _class_names(labels) if labels is not None and kind == "categorical" else ()
    return Dataset(tuple(texts), None if labels is None else tuple(labels), kind, names, tuple(notices))


def _split_label(line: str) -> tuple[str, str]:
    """Text and label of a pasted line: the label follows the last tab; a missing label is ""."""
    body, tab, label = line.rpartition("\t")
    if not tab:
        return line.strip(), ""
    label = label.strip()
    return body.strip(), "" if label.lower() in _MISSING_LABELS else label


def _is_header(body: str, label: str) -> bool:
    """Whether a first line such as ``text<TAB>label`` is a header rather than data."""
    return body.lower() in TEXT_COLUMN_NAMES and label.lower() in LABEL_COLUMN_NAMES


def _read_lines(text: str, notices: tuple[Notice, ...]) -> Dataset:
    """Pasted-text format: one text per line, optional ``<TAB>label``, blank lines skipped."""
    entries: list[tuple[int, str, str]] = []
    label_only: list[int] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        body, label = _split_label(line)
        if body:
            entries.append((number, body, label))
        elif label:
            label_only.append(number)
    if entries and _is_header(entries[0][1], entries[0][2]):
        entries = entries[1:]
        notices += (Notice("data.header_skipped"),)
    if label_only:
        notices += (
            Notice("data.blank_texts.lines", {"where": listed_numbers(label_only), "count": len(label_only)}),
        )
    unlabelled = [number for number, _, label in entries if not label]
    if unlabelled and len(unlabelled) < len(entries):
        raise BadLabelError("data.mixed_labels", lines=listed_numbers(unlabelled), count=len(unlabelled))
    labels = None if unlabelled else [label for _, _, label in entries]
    return _build([body for _, body, _ in entries], labels, notices)


def _read_table(
    columns: list[str],
    rows: list[tuple[int, dict[str, str]]],
    text_column: str | None,
    label_column: str | None,
    unit: str,
    notices: tuple[Notice, ...],
) -> Dataset:
    """A Dataset from table rows: rows with blank text are skipped, blank labels refused."""
    text_column, label_column = _choose_columns(columns, rows, text_column, label_column)
    texts: list[str] = []
    labels: list[str] = []
    blank_texts: list[int] = []
    blank_labels: list[int] = []
    for number, row in rows:
        body = row.get(text_column, "").strip()
        if not body:
            blank_texts.append(number)
            continue
        texts.append(body)
        if label_column is not None:
            label = row.get(label_column, "").strip()
            labels.append(label)
            if label.lower() in _MISSING_LABELS:
                blank_labels.append(number)
    if blank_labels:
        raise BadLabelError(
            f"data.blank_labels.{unit}",
            column=label_column,
            where=listed_numbers(blank_labels),
            count=len(blank_labels),
        )
    if blank_texts and texts:
        notices += (
            Notice(
                f"data.blank_texts.{unit}", {"where": listed_numbers(blank_texts), "count": len(blank_texts)}
            ),
        )
    return _build(texts, labels if label_column is not None else None, notices)


def _choose_columns(
    columns: list[str],
    rows: list[tuple[int, dict[str, str]]],
    text_column: str | None,
    label_column: str | None,
) -> tuple[str, str | None]:
    """The text and label columns: as given, else by a known name, else the only column of words."""
    text = _given_column(columns, text_column) if text_column else _named_column(columns, TEXT_COLUMN_NAMES)
    if label_column:
        label = _given_column(columns, label_column)
    else:
        label = _named_column([column for column in columns if column != text], LABEL_COLUMN_NAMES)
    if text is None:
        text = _only_word_column(columns, rows, label)
    if text == label:
        raise DataError("data.same_column", column=text)
    return text, label


def _given_column(columns: list[str], asked: str) -> str:
    """The column the user named, matched exactly or else ignoring case."""
    if asked in columns:
        return asked
    for column in columns:
        if column.lower() == asked.strip().lower():
            return column
    raise MissingColumnError("data.missing_column", column=asked, columns=", ".join(columns))


def _named_column(columns: list[str], known_names: tuple[str, ...]) -> str | None:
    """The column whose name comes first in ``known_names``, ignoring case."""
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(column.strip().lower(), column)
    return next((by_name[name] for name in known_names if name in by_name), None)


def _only_word_column(columns: list[str], rows: list[tuple[int, dict[str, str]]], label: str | None) -> str:
    """The one column, other than the label, holding something that is not a number."""
    wordy = [
        column
        for column in columns
        if column != label
        and any(value and _as_number(value) is None for value in (row.get(column, "") for _, row in rows))
    ]
    if len(wordy) != 1:
        raise MissingColumnError("data.no_text_column", columns=", ".join(columns))
    return wordy[0]
