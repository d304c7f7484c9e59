"""From uploaded bytes to text and table rows: the encoding, refusing binary, csv/tsv/jsonl parsing."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from textlab.errors import BinaryInputError, DataError, EmptyInputError
from textlab.i18n import t

# Leading bytes of the files people upload by mistake: a screenshot, a PDF, a spreadsheet.
MAGIC_NUMBERS: dict[bytes, str] = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP (.zip, .xlsx, .docx)",
    b"\x1f\x8b": "GZIP",
    b"\xd0\xcf\x11\xe0": "XLS/DOC",
    b"7z\xbc\xaf": "7-Zip",
    b"Rar!": "RAR",
}
# The control bytes plain text really uses: tab, newline, form feed and carriage return.
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r")
# Text has almost no other control bytes, while random binary has about one in eight.
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 8192
DELIMITERS = ("\t", ",", ";", "|")
_MAX_LISTED = 5


@dataclass(frozen=True)
class Notice:
    """A non-fatal remark for the user, kept as a translation key and its parameters."""

    key: str
    # Left out of the hash so a Notice (and a Dataset holding it) stays hashable.
    params: dict[str, object] = field(default_factory=dict, hash=False)

    def message(self, lang: str = "en") -> str:
        """The remark in ``lang``."""
        return t(self.key, lang, **self.params)


def decode_bytes(raw: bytes) -> tuple[str, tuple[Notice, ...]]:
    """Decode as UTF-8 (BOM stripped), else as Windows-1252 with a notice; refuse binary content."""
    # Excel's "Unicode text" export is UTF-16 with a BOM; its NUL bytes must not look binary.
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(raw), ()
    _refuse_binary(raw)
    try:
        return raw.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), (Notice("data.decoded_cp1252"),)
    except UnicodeDecodeError as exc:
        raise _undecodable(raw, exc.start) from None


def _decode_utf16(raw: bytes) -> str:
    """Decode UTF-16 text that starts with its byte-order mark."""
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise _undecodable(raw, exc.start) from None


def _undecodable(raw: bytes, position: int) -> DataError:
    """The error for a byte that no supported encoding can read, located by line."""
    return DataError(
        "data.undecodable", byte=f"0x{raw[position]:02X}", line=raw.count(b"\n", 0, position) + 1
    )


def _refuse_binary(raw: bytes) -> None:
    """Raise BinaryInputError for known binary formats, NUL bytes or many control bytes."""
    for magic, file_format in MAGIC_NUMBERS.items():
        if raw.startswith(magic):
            raise BinaryInputError("data.binary", format=file_format)
    head = raw[:_SNIFF_BYTES]
    if b"\x00" in raw or (head and _control_share(head) > _MAX_CONTROL_SHARE):
        raise BinaryInputError("data.binary_content")


def _control_share(head: bytes) -> float:
    """Fraction of bytes that are control characters plain text does not use."""
    controls = sum(1 for byte in head if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    return controls / len(head)


def listed_numbers(numbers: Sequence[int]) -> str:
    """The first few row or line numbers, comma-separated, for a message."""
    return ", ".join(str(number) for number in numbers[:_MAX_LISTED])


def parse_table(text: str, extension: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Column names and numbered rows of a .csv/.tsv/.jsonl text; rows are read lazily."""
    if extension == ".jsonl":
        objects = _jsonl_records(text)
        first = next(objects, None)
        if first is None:
            raise EmptyInputError("data.empty")
        return list(first[1]), itertools.chain([first], objects)
    records = _delimited_records(text, extension)
    header = next(records, None)
    if header is None:
        raise EmptyInputError("data.empty")
    columns = header[1]
    return columns, ((number, dict(zip(columns, fields, strict=True))) for number, fields in records)


def _delimited_records(text: str, extension: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a delimited table, numbered as a spreadsheet numbers them (the header is row 1)."""
    delimiter = _sniff_delimiter(text, "\t" if extension == ".tsv" else ",")
    # Tab-separated files have no quoting (IANA text/tab-separated-values); a stray quote in a
    # message, as in the SMS Spam Collection, would otherwise swallow the lines after it.
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting)
    width = None
    ragged: list[int] = []
    for number, raw_fields in enumerate(reader, start=1):
        fields = [field.strip() for field in raw_fields]
        if not any(fields):
            continue
        if width is None:
            width = len(fields)
        elif any(fields[width:]):
            ragged.append(number)
        yield number, (fields + [""] * width)[:width]
    if ragged:
        raise DataError("data.ragged_rows", rows=listed_numbers(ragged), count=len(ragged), expected=width)


def _sniff_delimiter(text: str, preferred: str) -> str:
    """The candidate delimiter found most often in the header line; ``preferred`` wins ties."""
    header = next((line for line in io.StringIO(text) if line.strip()), "")
    candidates = sorted(DELIMITERS, key=lambda delimiter: delimiter != preferred)
    return max(candidates, key=header.count)


def _jsonl_records(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Every object of a JSON-lines text with its line number and its values as strings."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError("data.bad_jsonl", line=number, detail=exc.msg) from None
        if not isinstance(record, dict):
            raise DataError("data.jsonl_not_object", line=number)
        yield number, {str(key): _cell(value) for key, value in record.items()}


def _cell(value: object) -> str:
    """A JSON value as the string a table cell would hold; null is empty."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)
