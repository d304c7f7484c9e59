"""Readers, decoding, labels and splitting of textlab.data.dataset, on bytes built here and on the shared data."""

from __future__ import annotations

import io
import string
from collections import Counter
from pathlib import Path

import pytest

from textlab.data import dataset as data
from textlab.data.dataset import (
    Dataset,
    decode_bytes,
    infer_label_kind,
    list_columns,
    read_file,
    read_pasted,
    read_path,
    train_validation_split,
)
from textlab.data.decoding import Notice
from textlab.errors import (
    BadLabelError,
    BinaryInputError,
    ConfigError,
    DataError,
    EmptyInputError,
    MissingColumnError,
    TooLargeError,
)
from textlab.i18n import data as data_texts

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def assert_translated(error: Exception) -> None:
    """The error reads differently in Portuguese and English, and neither is empty."""
    english, portuguese = error.message("en"), error.message("pt")
    assert english and portuguese and english != portuguese


# Decoding


def test_utf8_is_read_without_notice():
    text, notices = decode_bytes("Ótimo produto, não recomendo".encode())
    assert text == "Ótimo produto, não recomendo"
    assert notices == ()


def test_utf8_bom_is_stripped_from_the_first_column_name():
    raw = "\ufefftexto,rótulo\nbom,pos\n".encode()
    assert list_columns("a.csv", raw) == ["texto", "rótulo"]
    dataset = read_file("a.csv", raw)
    assert dataset.texts == ("bom",)
    assert dataset.labels == ("pos",)


def test_cp1252_is_read_with_a_notice():
    raw = "Ótimo produto, não recomendo\nPéssimo\n".encode("cp1252")
    dataset = read_file("reviews.txt", raw)
    assert dataset.texts == ("Ótimo produto, não recomendo", "Péssimo")
    assert [notice.key for notice in dataset.notices] == ["data.decoded_cp1252"]
    notice = dataset.notices[0]
    assert "Windows-1252" in notice.message("en")
    assert notice.message("pt") != notice.message("en")


def test_utf16_with_bom_from_a_spreadsheet_is_read():
    raw = "text\tlabel\nótimo\tpos\nruim\tneg\n".encode("utf-16")
    dataset = read_file("export.tsv", raw)
    assert dataset.texts == ("ótimo", "ruim")
    assert dataset.label_names == ("neg", "pos")


@pytest.mark.parametrize(
    ("magic", "file_format"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1f\x8b\x08", "GZIP"),
    ],
)
def test_known_binary_formats_are_refused_by_name(magic, file_format):
    raw = magic + b"\x00" * 16 + b"IHDR"
    with pytest.raises(BinaryInputError) as caught:
        read_file("data.csv", raw)
    assert file_format in caught.value.message("en")
    assert file_format in caught.value.message("pt")
    assert_translated(caught.value)


def test_nul_bytes_are_refused_as_binary():
    with pytest.raises(BinaryInputError) as caught:
        decode_bytes(b"texto normal\n\x00\x00\x00 mais texto\n")
    assert caught.value.key == "data.binary_content"


def test_many_control_bytes_are_refused_as_binary():
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(1, 9)) * 50 + b"some text")


def test_a_stray_control_byte_in_text_is_tolerated():
    raw = b"a line with an escape \x1b in it and plenty of ordinary text around it\n" * 3
    text, notices = decode_bytes(raw)
    assert "\x1b" in text and notices == ()


def test_bytes_no_encoding_reads_are_reported_with_their_line():
    # 0x81 is invalid in UTF-8 and undefined in Windows-1252.
    with pytest.raises(DataError) as caught:
        decode_bytes(b"first line\nsecond \x81 line\n")
    error = caught.value
    assert not isinstance(error, BinaryInputError)
    assert error.key == "data.undecodable"
    assert error.params == {"byte": "0x81", "line": 2}
    assert_translated(error)


# Empty input


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n"])
def test_pasting_nothing_is_empty_input(text):
    with pytest.raises(EmptyInputError) as caught:
        read_pasted(text)
    assert_translated(caught.value)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("a.txt", b""),
        ("a.csv", b""),
        ("a.csv", b"text,label\n"),
        ("a.csv", b"text,label\n  ,1\n,2\n"),
        ("a.jsonl", b"\n\n"),
        ("a.jsonl", b'{"text": "", "label": "x"}\n'),
    ],
)
def test_files_without_any_text_are_empty_input(name, raw):
    with pytest.raises(EmptyInputError):
        read_file(name, raw)


# Pasted text and .txt files


def test_pasted_lines_without_labels():
    dataset = read_pasted("exemplo de texto 1\n\n  mais um texto de exemplo  \nPyTorch é incrível")
    assert dataset.texts == ("exemplo de texto 1", "mais um texto de exemplo", "PyTorch é incrível")
    assert dataset.labels is None
    assert dataset.label_kind == "none"
    assert dataset.label_names == ()
    assert dataset.targets() is None
    assert len(dataset) == 3


def test_pasted_lines_with_tab_labels_are_categorical():
    dataset = read_pasted("adorei\tpositivo\r\nodiei\tnegativo\r\nmuito bom\tpositivo\r\n")
    assert dataset.texts == ("adorei", "odiei", "muito bom")
    assert dataset.labels == ("positivo", "negativo", "positivo")
    assert dataset.label_kind == "categorical"
    assert dataset.label_names == ("negativo", "positivo")
    assert dataset.targets() == [1, 0, 1]


def test_pasted_numeric_labels_are_numeric():
    dataset = read_pasted("ótimo\t5\nruim\t1.5\n")
    assert dataset.label_kind == "numeric"
    assert dataset.targets() == [5.0, 1.5]


def test_mixed_labelled_and_unlabelled_lines_name_the_unlabelled_lines():
    with pytest.raises(BadLabelError) as caught:
        read_pasted("bom\tpos\nsem rótulo\n\nruim\tneg\noutro sem rótulo\n")
    error = caught.value
    assert error.key == "data.mixed_labels"
    assert error.params == {"lines": "2, 5", "count": 2}
    assert "2, 5" in error.message("en") and "2, 5" in error.message("pt")
    assert_translated(error)


def test_mixed_labels_list_at_most_five_lines_and_the_total():
    text = "bom\tpos\n" + "".join(f"texto {i}\n" for i in range(8))
    with pytest.raises(BadLabelError) as caught:
        read_pasted(text)
    assert caught.value.params == {"lines": "2, 3, 4, 5, 6", "count": 8}
    assert "8" in caught.value.message("en")


def test_a_nan_label_in_pasted_text_counts_as_missing():
    with pytest.raises(BadLabelError):
        read_pasted("bom\tpos\nruim\tnan\n")


def test_a_pasted_header_line_is_skipped_with_a_notice():
    dataset = read_pasted("text\tlabel\nbom\tpos\nruim\tneg\n")
    assert dataset.texts == ("bom", "ruim")
    assert [notice.key for notice in dataset.notices] == ["data.header_skipped"]


def test_a_label_without_text_is_skipped_with_a_notice():
    dataset = read_pasted("bom\tpos\n\tneg\nruim\tneg\n")
    assert dataset.texts == ("bom", "ruim")
    notice = dataset.notices[0]
    assert notice.key == "data.blank_texts.lines"
    assert notice.params == {"where": "2", "count": 1}


def test_txt_file_follows_the_pasted_rules():
    dataset = read_file("notas.TXT", b"um texto\tbom\noutro texto\truim\n")
    assert dataset.texts == ("um texto", "outro texto")
    assert dataset.label_kind == "categorical"
    assert list_columns("notas.txt", b"a\tb\n") == []


# Delimited tables


def test_csv_with_a_quoted_comma():
    raw = b'text,label\n"Bom, muito bom",pos\nRuim,neg\n'
    dataset = read_file("a.csv", raw)
    assert dataset.texts == ("Bom, muito bom", "Ruim")
    assert dataset.labels == ("pos", "neg")


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_delimiter_is_sniffed_from_the_header(delimiter):
    raw = f"texto{delimiter}nota\nmuito bom, gostei{delimiter}5\nruim{delimiter}1\n".encode()
    assert list_columns("avaliacoes.csv", raw) == ["texto", "nota"]
    dataset = read_file("avaliacoes.csv", raw)
    assert dataset.texts == ("muito bom, gostei", "ruim")
    assert dataset.label_kind == "numeric"
    assert dataset.targets() == [5.0, 1.0]


def test_tsv_fields_are_not_unquoted_so_a_stray_quote_keeps_the_next_lines():
    raw = b'Label\tSMS\nham\t"Quoted start of a message\nspam\tWin a prize now\n'
    dataset = read_file("sms.tsv", raw)
    assert dataset.texts == ('"Quoted start of a message', "Win a prize now")
    assert dataset.labels == ("ham", "spam")


def test_known_column_names_are_found_ignoring_case():
    raw = b"ID,Review,Sentiment\n1,loved it,pos\n2,hated it,neg\n"
    dataset = read_file("a.csv", raw)
    assert dataset.texts == ("loved it", "hated it")
    assert dataset.labels == ("pos", "neg")


def test_text_column_name_preference_follows_the_known_names_order():
    raw = b"review,text,label\nfrom review,from text,x\n"
    assert read_file("a.csv", raw).texts == ("from text",)


def test_the_only_column_of_words_is_the_text_without_known_label():
    raw = b"id,body,stars\n1,loved it,5\n2,hated it,1\n"
    dataset = read_file("a.csv", raw)
    assert dataset.texts == ("loved it", "hated it")
    assert dataset.labels is None


def test_two_columns_of_words_need_a_choice():
    raw = b"title,body\nGood,loved it\nBad,hated it\n"
    with pytest.raises(MissingColumnError) as caught:
        read_file("a.csv", raw)
    assert caught.value.key == "data.no_text_column"
    assert "title, body" in caught.value.message("en")
    dataset = read_file("a.csv", raw, text_column="body", label_column="Title")
    assert dataset.texts == ("loved it", "hated it")
    assert dataset.labels == ("Good", "Bad")


def test_a_missing_column_names_itself_and_the_columns_that_exist():
    raw = b"text,label\nbom,1\n"
    with pytest.raises(MissingColumnError) as caught:
        read_file("a.csv", raw, text_column="comentario")
    message = caught.value.message("en")
    assert "comentario" in message and "text, label" in message
    assert_translated(caught.value)
    with pytest.raises(MissingColumnError) as caught:
        read_file("a.csv", raw, label_column="nota")
    assert "nota" in caught.value.message("pt")


def test_the_same_column_cannot_be_text_and_label():
    with pytest.raises(DataError) as caught:
        read_file("a.csv", b"text,label\nbom,1\n", text_column="text", label_column="text")
    assert caught.value.key == "data.same_column"


def test_blank_and_nan_labels_are_refused_with_spreadsheet_row_numbers():
    raw = b"text,label\na,1\nb,\nc,nan\nd,NaN\ne,2\n"
    with pytest.raises(BadLabelError) as caught:
        read_file("a.csv", raw)
    error = caught.value
    # Header is row 1, so the texts b, c and d sit in rows 3, 4 and 5.
    assert error.params == {"column": "label", "where": "3, 4, 5", "count": 3}
    assert "rows 3, 4, 5" in error.message("en")
    assert "header" in error.message("en") and "cabeçalho" in error.message("pt")
    assert_translated(error)


def test_blank_labels_list_at_most_five_rows_and_the_total():
    raw = b"text,label\n" + b"".join(b"t%d,\n" % i for i in range(7))
    with pytest.raises(BadLabelError) as caught:
        read_file("a.csv", raw)
    assert caught.value.params["where"] == "2, 3, 4, 5, 6"
    assert caught.value.params["count"] == 7


def test_rows_with_blank_text_are_skipped_with_a_notice():
    raw = b"text,label\na,1\n,2\nb,3\n"
    dataset = read_file("a.csv", raw)
    assert dataset.texts == ("a", "b")
    assert dataset.labels == ("1", "3")
    assert dataset.notices == (Notice("data.blank_texts.rows", {"where": "3", "count": 1}),)


def test_rows_with_more_cells_than_the_header_are_refused():
    raw = b"text,label\nbom,pos\nbom, muito bom,pos\n"
    with pytest.raises(DataError) as caught:
        read_file("a.csv", raw)
    assert caught.value.key == "data.ragged_rows"
    assert caught.value.params["rows"] == "3"
    assert_translated(caught.value)


def test_trailing_empty_cells_are_tolerated():
    dataset = read_file("a.csv", b"text,label,\nbom,pos,\nruim,neg,,\n")
    assert dataset.labels == ("pos", "neg")


# JSON lines


def test_jsonl_objects_with_keys_as_columns():
    raw = b'{"texto": "bom", "nota": 5}\n\n{"texto": "ruim", "nota": 1, "extra": true}\n'
    assert list_columns("a.jsonl", raw) == ["texto", "nota"]
    dataset = read_file("a.jsonl", raw)
    assert dataset.texts == ("bom", "ruim")
    assert dataset.labels == ("5", "1")
    assert dataset.label_kind == "numeric"


def test_jsonl_null_label_is_refused_with_its_line():
    raw = b'{"text": "bom", "label": "pos"}\n{"text": "ruim", "label": null}\n'
    with pytest.raises(BadLabelError) as caught:
        read_file("a.jsonl", raw)
    assert caught.value.key == "data.blank_labels.lines"
    assert caught.value.params["where"] == "2"


def test_malformed_jsonl_line_is_named():
    raw = b'{"text": "bom"}\n\n{"text": "ruim"\n'
    with pytest.raises(DataError) as caught:
        read_file("a.jsonl", raw)
    assert caught.value.key == "data.bad_jsonl"
    assert caught.value.params["line"] == 3
    assert "3" in caught.value.message("pt")


def test_jsonl_line_that_is_not_an_object_is_named():
    with pytest.raises(DataError) as caught:
        read_file("a.jsonl", b'{"text": "bom"}\n["ruim"]\n')
    assert caught.value.key == "data.jsonl_not_object"
    assert caught.value.params == {"line": 2}


def test_unknown_extension_lists_the_supported_ones():
    with pytest.raises(DataError) as caught:
        read_file("planilha.xlsx", b"PK\x03\x04")
    message = caught.value.message("en")
    assert "planilha.xlsx" in message
    assert all(extension in message for extension in (".txt", ".csv", ".tsv", ".jsonl"))
    with pytest.raises(DataError):
        list_columns("notes", b"text\n")


# read_path


def test_dash_reads_pasted_format_from_stdin():
    stdin = io.BytesIO("bom\tpos\nruim\tneg\n".encode("cp1252"))
    dataset = read_path("-", stdin=stdin)
    assert dataset.texts == ("bom", "ruim")
    assert dataset.label_names == ("neg", "pos")


def test_dash_decodes_cp1252_stdin_with_a_notice():
    dataset = read_path("-", stdin=io.BytesIO("Ótimo produto\n".encode("cp1252")))
    assert dataset.texts == ("Ótimo produto",)
    assert dataset.notices[0].key == "data.decoded_cp1252"


def test_path_is_read_by_its_extension(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_bytes(b"text;rating\nbom;4\nruim;2\n")
    dataset = read_path(str(path))
    assert dataset.texts == ("bom", "ruim")
    assert dataset.targets() == [4.0, 2.0]


def test_missing_path_is_a_data_error(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(DataError) as caught:
        read_path(str(missing))
    assert caught.value.key == "data.file_not_found"
    assert str(missing) in caught.value.message("pt")


def test_a_directory_cannot_be_read(tmp_path):
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(DataError) as caught:
        read_path(str(folder))
    assert caught.value.key == "data.cannot_read"


# Label kinds


@pytest.mark.parametrize(
    ("labels", "kind"),
    [
        (["1", "2.5", "-3", "1e2"], "numeric"),
        (["1", "2", "bom"], "categorical"),
        (["nan", "1"], "categorical"),
        (["inf"], "categorical"),
        ([], "none"),
        (None, "none"),
    ],
)
def test_infer_label_kind(labels, kind):
    assert infer_label_kind(labels) == kind


def test_categorical_override_sorts_number_names_by_value():
    dataset = read_pasted("a\t10\nb\t2\nc\t1\nd\t2\n")
    assert dataset.label_kind == "numeric"
    categorical = dataset.with_label_kind("categorical")
    assert categorical.label_names == ("1", "2", "10")
    assert categorical.targets() == [2, 1, 0, 1]
    assert categorical.with_label_kind("numeric").targets() == [10.0, 2.0, 1.0, 2.0]


def test_numeric_override_on_words_names_the_bad_rows():
    labels = ["1", "x", "2", "y", "z", "w", "v", "u"]
    dataset = read_pasted("".join(f"t{i}\t{label}\n" for i, label in enumerate(labels)))
    with pytest.raises(BadLabelError) as caught:
        dataset.with_label_kind("numeric")
    error = caught.value
    assert error.params == {"rows": "2, 4, 5, 6, 7", "count": 6, "example": "x"}
    assert_translated(error)


def test_none_override_drops_the_labels():
    dataset = read_pasted("a\tpos\nb\tneg\n").with_label_kind("none")
    assert (dataset.labels, dataset.label_kind, dataset.label_names) == (None, "none", ())
    assert dataset.targets() is None
    with pytest.raises(BadLabelError) as caught:
        dataset.with_label_kind("categorical")
    assert caught.value.key == "data.no_labels"


def test_unknown_label_kind_is_a_config_error():
    with pytest.raises(ConfigError):
        read_pasted("a\tpos\n").with_label_kind("ordinal")


def test_subset_keeps_label_names_so_indices_stay_stable():
    dataset = read_pasted("a\tx\nb\ty\nc\tz\nd\tz\n")
    part = dataset.subset([3, 2])
    assert part.texts == ("d", "c")
    assert part.label_names == ("x", "y", "z")
    assert part.targets() == [2, 2]


def test_dataset_checks_its_own_consistency():
    with pytest.raises(ValueError):
        Dataset(("a", "b"), ("x",), "categorical", ("x",))
    with pytest.raises(ValueError):
        Dataset(("a",), None, "numeric", ())


def test_dataset_with_notices_is_hashable():
    dataset = read_file("a.txt", "Péssimo\n".encode("cp1252"))
    assert hash(dataset) == hash(read_file("a.txt", "Péssimo\n".encode("cp1252")))


# Fingerprint


def test_fingerprint_is_a_fixed_digest_of_texts_labels_and_kind():
    dataset = Dataset(("bom", "ruim"), ("1", "0"), "numeric", ())
    # Recorded once: the digest must not change between runs or versions, or caches go stale.
    assert dataset.fingerprint() == "14087441ac17fe7d7ddbcd245abea70fdaf14d86e465a0e1a606dd8b2c82f972"
    assert dataset.with_label_kind("categorical").fingerprint() != dataset.fingerprint()
    assert dataset.subset([1, 0]).fingerprint() != dataset.fingerprint()
    relabelled = Dataset(("bom", "ruim"), ("1", "1"), "numeric", ())
    assert relabelled.fingerprint() != dataset.fingerprint()


def test_fingerprint_ignores_notices():
    utf8 = read_file("a.txt", "Péssimo\n".encode())
    cp1252 = read_file("a.txt", "Péssimo\n".encode("cp1252"))
    assert utf8.notices != cp1252.notices
    assert utf8.fingerprint() == cp1252.fingerprint()


# Train / validation split


def labelled(counts: dict[str, int]) -> Dataset:
    """A categorical dataset with ``counts[label]`` rows of each label, interleaved."""
    labels = [label for label, count in counts.items() for _ in range(count)]
    return read_pasted("".join(f"text {i}\t{label}\n" for i, label in enumerate(labels)))


def test_zero_validation_fraction_keeps_everything_in_train():
    dataset = labelled({"a": 3, "b": 2})
    assert train_validation_split(dataset, 0.0, seed=1) == ([0, 1, 2, 3, 4], [])


def test_split_is_deterministic_for_a_seed_and_varies_with_it():
    dataset = labelled({"a": 60, "b": 40})
    first = train_validation_split(dataset, 0.2, seed=3)
    assert train_validation_split(dataset, 0.2, seed=3) == first
    assert train_validation_split(dataset, 0.2, seed=4) != first


def test_split_is_sorted_disjoint_and_complete():
    dataset = labelled({"a": 33, "b": 17})
    train, validation = train_validation_split(dataset, 0.3, seed=0)
    assert train == sorted(train) and validation == sorted(validation)
    assert not set(train) & set(validation)
    assert sorted(train + validation) == list(range(50))


def test_split_keeps_class_proportions():
    dataset = labelled({"a": 80, "b": 20})
    _, validation = train_validation_split(dataset, 0.25, seed=7)
    counts = Counter(dataset.labels[i] for i in validation)
    assert counts == {"a": 20, "b": 5}


def test_a_class_with_one_row_stays_in_train():
    dataset = labelled({"a": 10, "rare": 1})
    train, validation = train_validation_split(dataset, 0.5, seed=0)
    assert 10 in train
    assert len(validation) == 5


def test_train_is_never_empty():
    train, validation = train_validation_split(labelled({"a": 2}), 0.9, seed=0)
    assert len(train) == 1 and len(validation) == 1
    single = read_pasted("só um texto\n")
    assert train_validation_split(single, 0.5, seed=0) == ([0], [])
    numeric = read_pasted("".join(f"t{i}\t{i}\n" for i in range(10)))
    train, validation = train_validation_split(numeric, 0.95, seed=2)
    assert len(train) == 1 and len(validation) == 9


def test_unlabelled_split_takes_the_rounded_fraction():
    dataset = read_pasted("".join(f"t{i}\n" for i in range(10)))
    train, validation = train_validation_split(dataset, 0.3, seed=5)
    assert len(validation) == 3 and len(train) == 7


@pytest.mark.parametrize("fraction", [-0.1, 1.0, 1.5])
def test_validation_fraction_out_of_range_is_a_config_error(fraction):
    with pytest.raises(ConfigError):
        train_validation_split(labelled({"a": 4}), fraction, seed=0)


# Size limits


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(data, "MAX_ROWS", 3)
    read_pasted("a\nb\nc\n")
    with pytest.raises(TooLargeError) as caught:
        read_pasted("a\nb\nc\nd\n")
    assert "3" in caught.value.message("en") and "4" in caught.value.message("en")
    assert_translated(caught.value)
    with pytest.raises(TooLargeError):
        read_file("a.csv", b"text\na\nb\nc\nd\n")


def test_too_many_bytes(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "MAX_BYTES", 10)
    with pytest.raises(TooLargeError):
        read_file("a.txt", b"0123456789A")
    with pytest.raises(TooLargeError):
        read_pasted("0123456789A")
    with pytest.raises(TooLargeError):
        read_path("-", stdin=io.BytesIO(b"x" * 100))
    path = tmp_path / "big.txt"
    path.write_bytes(b"y" * 11)
    with pytest.raises(TooLargeError):
        read_path(str(path))
    assert read_file("a.txt", b"0123456789").texts == ("0123456789",)


# Translations


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a message template fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_data_string_exists_in_both_languages_with_the_same_placeholders():
    for key, translations in data_texts.TEXTS.items():
        assert set(translations) == {"pt", "en"}, key
        assert translations["pt"] and translations["en"], key
        assert translations["pt"] != translations["en"], key
        assert placeholders(translations["pt"]) == placeholders(translations["en"]), key


# Real data sets (see ../shared/data/README.md)


def shared_file(name: str) -> Path:
    """A file of the shared data folder, or a skip when this machine does not have it."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data sets exist only on the project's machines")
    return path


def test_b2w_ratings_read_as_numeric():
    dataset = read_path(str(shared_file("b2w-rating-train-10k.csv")))
    assert len(dataset) == 10_000
    assert dataset.label_kind == "numeric"
    assert Counter(dataset.targets()) == {1.0: 2000, 2.0: 2000, 3.0: 2000, 4.0: 2000, 5.0: 2000}
    assert dataset.notices == ()


def test_sms_spam_reads_as_categorical():
    path = shared_file("sms-spam-collection.tsv")
    assert list_columns(path.name, path.read_bytes()) == ["Label", "SMS"]
    dataset = read_path(str(path))
    assert len(dataset) == 5_574
    assert dataset.label_kind == "categorical"
    assert dataset.label_names == ("ham", "spam")
    assert Counter(dataset.labels) == {"ham": 4827, "spam": 747}
