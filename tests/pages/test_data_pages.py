"""The Data, Vocabulary and Batches pages in AppTest: pasting, uploads and their errors, shared state."""

from __future__ import annotations

import codecs

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import all_text, open_page, session
from textlab.i18n import plural
from textlab.ui.data_input import LABEL_COLUMN, NO_LABEL, SAMPLE, TEXT_BOX, TEXT_COLUMN, UPLOAD
from textlab.ui.texts import t

NOTEBOOK_FIRST_BATCH = "tensor([[2, 3, 4, 5, 0],\n        [6, 7, 4, 3, 2]])"
TYPED = "o gato dorme\no cachorro late alto"


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key=TEXT_BOX).set_value(text)
    return at.button[0].click().run()


def upload(at: AppTest, name: str, raw: bytes) -> AppTest:
    return at.file_uploader(key=UPLOAD).set_value((name, raw, "application/octet-stream")).run()


def table(at: AppTest, index: int = 0):
    return at.dataframe[index].value


def shown_errors(at: AppTest) -> list[str]:
    return [element.value for element in at.error]


def test_the_text_box_starts_with_the_notebooks_texts() -> None:
    at = open_page("data")
    assert not at.exception
    assert at.text_area(key=TEXT_BOX).value.splitlines() == [
        "exemplo de texto 1", "mais um texto de exemplo", "PyTorch é incrível"]
    assert table(at)["tokens"].tolist() == [4, 5, 3]


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_pasting_updates_the_table(lang) -> None:
    at = paste(open_page("data", lang=lang), "um dois três\tpos\nquatro\tneg\ncinco seis\tpos")
    assert not at.exception
    rows = table(at)
    assert rows[t("datatable.text", lang)].tolist() == ["um dois três", "quatro", "cinco seis"]
    assert rows[t("datatable.label", lang)].tolist() == ["pos", "neg", "pos"]
    assert rows[t("datatable.tokens", lang)].tolist() == [3, 1, 2]
    labels = table(at, 1)
    assert labels[t("datatable.count", lang)].tolist() == [1, 2]  # neg, pos
    assert session(at).dataset.texts == ("um dois três", "quatro", "cinco seis")


def test_empty_text_shows_an_error_and_keeps_the_data_and_the_text() -> None:
    at = paste(open_page("data"), TYPED)
    at = paste(at, "   \n\n")
    assert not at.exception
    assert shown_errors(at) == [t("data.empty", "en")]
    assert session(at).dataset.texts == ("o gato dorme", "o cachorro late alto")
    assert at.text_area(key=TEXT_BOX).value == "   \n\n"  # what was typed stays, to be fixed


def test_mixed_labels_show_a_message_naming_the_lines() -> None:
    at = paste(open_page("data", lang="pt"), "bom\tpos\nruim")
    assert not at.exception
    assert "2" in shown_errors(at)[0] and "rótulo" in shown_errors(at)[0]


@pytest.mark.parametrize(("name", "raw", "texts"), [
    ("utf8.csv", "text,label\nótimo produto,pos\npéssimo,neg\n".encode(), ("ótimo produto", "péssimo")),
    ("bom.csv", codecs.BOM_UTF8 + "texto,nota\nótimo,5\nruim,1\n".encode(), ("ótimo", "ruim")),
    ("lines.txt", b"primeira linha\nsegunda linha\n", ("primeira linha", "segunda linha")),
    ("rows.jsonl", b'{"text": "a b", "label": 1}\n{"text": "c", "label": 2}\n', ("a b", "c")),
    ("tabs.tsv", b"text\tlabel\nvai\tsim\n", ("vai",)),
])
def test_uploads_replace_the_data(name, raw, texts) -> None:
    at = upload(open_page("data"), name, raw)
    assert not at.exception and not at.error
    assert session(at).dataset.texts == texts
    assert table(at)["text"].tolist() == list(texts)
    assert t("datapage.source_file", "en", name=name.replace(".", "\\.")) in all_text(at)  # Markdown-escaped


def test_a_file_name_is_shown_as_typed_not_as_markdown() -> None:
    at = upload(open_page("data"), "**bold** [x](javascript:alert(1)).txt", b"um texto\n")
    assert not at.exception
    (banner,) = at.success
    assert r"\*\*bold\*\* \[x\]\(javascript:alert\(1\)\)\.txt" in banner.value


def test_a_cp1252_file_loads_with_a_notice_in_the_users_language() -> None:
    at = upload(open_page("data", lang="pt"), "latin.csv", "texto,nota\nação rápida,5\n".encode("cp1252"))
    assert not at.exception and not at.error
    assert session(at).dataset.texts == ("ação rápida",)
    assert [info.value for info in at.info][0] == t("data.decoded_cp1252", "pt")


@pytest.mark.parametrize(("name", "raw", "key", "params"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "data.binary", {"format": "PNG"}),
    ("sheet.csv", b"PK\x03\x04" + bytes(200), "data.binary", {"format": "ZIP (.zip, .xlsx, .docx)"}),
    ("noise.txt", bytes(range(256)) * 8, "data.binary_content", {}),
    ("numbers.csv", b"a,b\n1,2\n3,4\n", "data.no_text_column", {"columns": "a, b"}),
    ("empty.csv", b"text,label\n", "data.empty", {}),
])
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_a_failed_upload_shows_a_message_and_loses_nothing(name, raw, key, params, lang) -> None:
    at = paste(open_page("data", lang=lang), TYPED)
    at = upload(at, name, raw)
    assert not at.exception
    assert shown_errors(at) == [t(key, lang, **params)]
    assert at.text_area(key=TEXT_BOX).value == TYPED
    assert session(at).dataset.texts == ("o gato dorme", "o cachorro late alto")
    assert t("datapage.kept_previous", lang, texts=plural("count.texts", 2, lang)) in all_text(at)


def test_the_column_pickers_choose_text_and_labels() -> None:
    at = upload(open_page("data"), "reviews.csv", b"review,rating,shop\ngood,5,A\nbad,1,B\n")
    assert session(at).dataset.labels == ("5", "1")
    at.selectbox(key=LABEL_COLUMN).set_value("shop").run()
    assert session(at).dataset.labels == ("A", "B")
    at.selectbox(key=TEXT_COLUMN).set_value("shop").run()
    assert not at.exception
    assert shown_errors(at) == [t("data.same_column", "en", column="shop")]
    at.selectbox(key=TEXT_COLUMN).set_value("review")
    at.selectbox(key=LABEL_COLUMN).set_value(NO_LABEL).run()
    assert not at.error
    assert session(at).dataset.texts == ("good", "bad")
    assert session(at).dataset.labels is None


def test_too_many_rows_are_refused(monkeypatch) -> None:
    monkeypatch.setattr("textlab.data.dataset.MAX_ROWS", 3)
    at = upload(open_page("data"), "big.txt", b"a\nb\nc\nd\n")
    assert not at.exception
    assert shown_errors(at) == ["The input has 4 texts; the limit is 3. Use a smaller part of the data."]


def test_a_file_over_the_size_limit_is_refused(monkeypatch) -> None:
    monkeypatch.setattr("textlab.data.dataset.MAX_BYTES", 2 * 1024 * 1024)
    at = upload(open_page("data", lang="pt"), "big.txt", b"texto\n" * 500_000)
    assert not at.exception
    assert shown_errors(at) == [t("data.too_large", "pt", size_mb=2.9, limit_mb=2)]


def test_undecodable_bytes_are_refused_naming_the_line() -> None:
    at = upload(open_page("data"), "odd.txt", b"primeira\ncaf\x81 bom\n")
    assert not at.exception
    assert shown_errors(at) == [t("data.undecodable", "en", byte="0x81", line=2)]


def test_a_sample_loads_and_can_be_copied_into_the_text_box() -> None:
    at = open_page("data")
    at.selectbox(key=SAMPLE).set_value("word_order")
    at.button[1].click().run()
    dataset = session(at).dataset
    assert len(dataset) > 10 and dataset.label_kind == "categorical"
    assert at.text_area(key=TEXT_BOX).value.startswith("exemplo de texto 1")  # the typed text is untouched
    copy = next(button for button in at.button if button.label == t("datapage.copy_to_text_box", "en"))
    at = copy.click().run()
    assert at.text_area(key=TEXT_BOX).value.splitlines()[0] == f"{dataset.texts[0]}\t{dataset.labels[0]}"
    assert session(at).dataset.texts == dataset.texts


def test_the_vocabulary_page_reflects_a_change_on_the_data_page() -> None:
    at = paste(open_page("data"), "zebra girafa zebra\nleão")
    at.switch_page("app_pages/vocabulary.py").run()
    assert not at.exception
    vocabulary = table(at)
    assert vocabulary["token"].tolist() == ["<PAD>", "<UNK>", "zebra", "girafa", "leão"]
    assert vocabulary["count"].tolist()[2:] == [2, 1, 1]


def test_the_vocabulary_page_shows_token2idx_and_its_settings_change_it() -> None:
    at = open_page("vocabulary")
    vocabulary = table(at)
    assert vocabulary.loc[vocabulary["token"] == "incrível", "index"].item() == 10
    assert vocabulary["special"].tolist()[:3] == ["yes", "yes", "no"]  # in words, not Python literals
    at.number_input(key="cfg_min_freq").set_value(2).run()
    assert not at.exception
    assert table(at)["token"].tolist() == ["<PAD>", "<UNK>", "exemplo", "de", "texto"]
    assert session(at).config.text.min_freq == 2


def test_the_vocabulary_table_is_searchable_and_sortable() -> None:
    at = open_page("vocabulary")
    assert at.text_input(key="vocab_search").placeholder == "e.g. exemplo"  # a word the search finds
    at.text_input(key="vocab_search").set_value("EXEMP").run()
    assert table(at)["token"].tolist() == ["exemplo"]
    at.text_input(key="vocab_search").set_value("")
    at.get("button_group")[0].set_value("count").run()
    assert not at.exception
    assert table(at)["count"].tolist()[:3] == [2, 2, 2]
    assert table(at)["token"].tolist()[:3] == ["exemplo", "de", "texto"]


def test_try_a_sentence_shows_chips_with_ids_and_escapes_markup() -> None:
    at = open_page("vocabulary")
    at.text_input(key="vocab_sentence").set_value('PyTorch <img src=x onerror="alert(1)">').run()
    assert not at.exception
    chips = next(element for element in at.get("html") if "token-chips" in element.proto.body)
    assert ">8</span>" in chips.proto.body
    assert "&lt;img" in chips.proto.body and "<img" not in chips.proto.body
    assert chips.proto.body.count("token-chip unknown") == 3


def test_the_vocabulary_page_reports_the_out_of_vocabulary_rate() -> None:
    texts = "\n".join(f"comum palavra{index}" for index in range(10))
    at = paste(open_page("data"), texts)
    at.switch_page("app_pages/vocabulary.py").run()
    at.slider(key="vocab_oov_percent").set_value(30).run()
    assert not at.exception
    assert "50.0%" in [metric.value for metric in at.metric]  # each held-out text: 1 known, 1 new word
    captions = [caption.value for caption in at.caption]
    assert "Of the 6 tokens in the 3 texts held out, 3 become <UNK>. The most frequent:" in captions


def test_the_batches_page_shows_the_notebooks_first_batch() -> None:
    at = open_page("batches", query={"shuffle": "false"})
    assert not at.exception
    assert session(at).config.batches.batch_size == 2
    assert [code.value for code in at.code][:3] == [
        NOTEBOOK_FIRST_BATCH, "tensor([4, 5])",
        "tensor([[ True,  True,  True,  True, False],\n        [ True,  True,  True,  True,  True]])"]


def test_the_batches_page_pages_through_batches_and_follows_the_settings() -> None:
    at = open_page("batches")
    at.toggle(key="cfg_shuffle").set_value(False).run()
    at.number_input(key="batch_number").set_value(2).run()
    assert not at.exception
    assert at.code[0].value == "tensor([[ 8,  9, 10]])"
    at.number_input(key="cfg_batch_size").set_value(3).run()
    assert at.number_input(key="batch_number").value == 1  # only one batch now
    assert at.code[0].value.startswith("tensor([[ 2,  3,  4,  5,  0],")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_batches_page_shows_which_texts_max_length_cut(lang) -> None:
    at = paste(open_page("data", query={"lang": lang}), "um dois três quatro cinco\nseis sete\noito nove dez onze")
    at.switch_page("app_pages/batches.py").run()
    at.toggle(key="cfg_shuffle").set_value(False).run()
    at.number_input(key="cfg_max_length").set_value(3).run()
    assert not at.exception
    assert [metric.value for metric in at.metric][-1] == "2"
    assert at.code[0].value == "tensor([[2, 3, 4],\n        [7, 8, 0]])"  # cut words stay in the vocabulary
    cut = t("batchpage.batch_cut", lang, count=plural("count.texts", 1, lang),
            max_length=plural("count.tokens", 3, lang))
    assert cut in [warning.value for warning in at.warning] and ("1 texto " if lang == "pt" else "1 text ") in cut
    assert table(at)[t("datatable.cut", lang)].tolist() == [2, 0]


def test_many_texts_are_paged_one_batch_at_a_time() -> None:
    at = paste(open_page("data"), "\n".join(f"texto número {index}" for index in range(1000)))
    at.switch_page("app_pages/batches.py").run()
    assert not at.exception
    assert at.number_input(key="batch_number").max == 500
    assert len(at.code) == 3  # one batch: its ids, lengths and mask
    at.number_input(key="batch_number").set_value(500).run()
    assert t("batchpage.batch_title", "en", number=500, count=500, percent=0.0) in all_text(at)


@pytest.mark.parametrize("page", ["data", "vocabulary", "batches"])
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_pages_run_on_a_labelled_sample_in_both_languages(page, lang) -> None:
    at = open_page("data", lang=lang)
    at.selectbox(key=SAMPLE).set_value("ratings")
    at.button[1].click().run()
    if page != "data":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    assert at.title[0].value == t(f"nav.{page}", lang)


def test_a_projected_search_that_finds_nothing_says_so_in_the_language() -> None:
    at = open_page("vocabulary", lang="pt", query={"present": "1"})
    at.text_input(key="vocab_search").set_value("zzzz").run()
    assert not at.exception
    assert "Nenhuma linha para mostrar." in [caption.value for caption in at.caption]
    assert all(len(table.value) for table in at.table)  # no empty st.table: it writes Streamlit's English "empty"


def test_a_token_with_no_break_wraps_inside_its_views(notebook_texts) -> None:
    from textlab.text.corpus import build_vocab
    from textlab.text.coverage import sentence_chips
    from textlab.ui.chips import chips_html, text_html
    sentence = "y" * 300
    chips = sentence_chips(build_vocab(notebook_texts), sentence)
    assert "overflow-wrap:anywhere" in chips_html(chips) and "max-width:100%" in chips_html(chips)
    assert "overflow-wrap:anywhere" in text_html(sentence, chips)
