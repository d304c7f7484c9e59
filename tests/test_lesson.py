"""Lesson links: round trips, tampered and fuzzed links that fall back with notices, and reproducible runs."""

from __future__ import annotations

import base64
import math
import zlib
from urllib.parse import parse_qsl, urlencode

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textlab.classroom.lesson import (
    LESSON_KEYS,
    MAX_ENCODED_CHARS,
    MAX_PROMPT_CHARS,
    MAX_TEXT_BYTES,
    Lesson,
    LessonError,
    compress_text,
    decompress_text,
    is_lesson_link,
    lesson_data,
    sample_name,
    text_for_link,
)
from textlab.classroom.tour import STEP_IDS
from textlab.data.dataset import Dataset, read_pasted
from textlab.data.samples import SAMPLES, load_sample
from textlab.errors import ConfigError, DataError, TextlabError
from textlab.text.batching import epoch_loader
from textlab.train.config import DEFAULTS, FIELDS, Range, TrainConfig
from textlab.train.events import Step
from textlab.train.loop import TrainingRun

LABELLED_TEXT = "\n".join(
    f"{words}\t{label}" for words, label in [
        ("o filme é bom", "pos"), ("o filme é ruim", "neg"), ("adorei o livro", "pos"), ("odiei o final", "neg"),
        ("muito bom mesmo", "pos"), ("bem ruim e chato", "neg"), ("ótimo", "pos"), ("péssimo atendimento", "neg"),
    ])


def through_url(lesson: Lesson) -> dict[str, str]:
    """The parameters a browser hands back after the link is opened: encoded, then decoded."""
    return dict(parse_qsl(urlencode(lesson.to_query()), keep_blank_values=True))


def keys_of(problems: list[TextlabError]) -> list[str]:
    return [problem.key for problem in problems]


# ---- round trips -------------------------------------------------------------------------------

def test_the_default_lesson_is_an_empty_query() -> None:
    assert Lesson().to_query() == {}
    assert Lesson.from_query({}) == (Lesson(), [])
    assert Lesson().dataset() is None  # keeps whatever data the app has


def test_a_full_lesson_round_trips_through_a_url() -> None:
    lesson = Lesson(config=TrainConfig.of(lr=0.1, epochs=5, pooling="masked_mean", val_fraction=0.2, patience=2),
                    text=LABELLED_TEXT, hidden=frozenset({"lr", "seed"}), locked=frozenset({"epochs"}),
                    prompt="Before pressing Train: what happens to the loss if lr is 100× larger?",
                    tour_step="padding", lang="pt")
    query = lesson.to_query()
    assert query["lang"] == "pt"
    assert "sample" not in query and query["hide"] == "lr,seed" and query["tour"] == "padding"
    assert len(query["text"]) < len(LABELLED_TEXT)  # compressed, and URL-safe
    assert set(query["text"]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert Lesson.from_query(through_url(lesson)) == (lesson, [])


def test_a_sample_lesson_names_the_sample() -> None:
    lesson = Lesson(sample="sentiment")
    assert lesson.to_query() == {"sample": "sentiment"}
    assert lesson.dataset() == load_sample("sentiment")


def _configs() -> st.SearchStrategy[TrainConfig]:
    """Any valid TrainConfig, drawing each field from its declared range or choices."""
    def field_strategy(name: str) -> st.SearchStrategy:
        rule, default = FIELDS[name], DEFAULTS[name]
        if isinstance(default, bool):
            return st.booleans()
        if isinstance(rule, tuple):
            return st.sampled_from(rule)
        assert isinstance(rule, Range)
        if isinstance(default, int):
            return st.integers(int(rule.low), min(int(rule.high), 100_000))
        return st.floats(rule.low, rule.high, exclude_min=rule.low_open, allow_nan=False)

    def build(values: dict) -> TrainConfig:
        if not values["val_fraction"]:
            values["patience"] = 0  # early stopping needs validation
        if values["embed_dim"] % values["heads"]:
            values["heads"] = 1  # attention heads split the embedding evenly
        return TrainConfig.of(**values)

    return st.fixed_dictionaries({name: field_strategy(name) for name in FIELDS}).map(build)


_LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40).filter(
    lambda line: line.strip())


@st.composite
def _pasted_texts(draw) -> str:
    lines = draw(st.lists(_LINE, min_size=1, max_size=20))
    labels = draw(st.none() | st.lists(st.sampled_from(["pos", "neg", "1", "2.5"]), min_size=len(lines),
                                      max_size=len(lines)))
    if labels is None:
        return "\n".join(lines)
    return "\n".join(f"{line}\t{label}" for line, label in zip(lines, labels, strict=True))


@st.composite
def _lessons(draw) -> Lesson:
    data = draw(st.sampled_from(["none", "sample", "text"]))
    fields = st.frozensets(st.sampled_from(list(FIELDS)), max_size=5)
    text = None
    if data == "text":
        text = draw(_pasted_texts())
        try:
            read_pasted(text)
        except DataError:
            text = LABELLED_TEXT  # e.g. a generated header line; the generic case is covered
        if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            text = LABELLED_TEXT
    sample = draw(st.sampled_from(list(SAMPLES))) if data == "sample" else None
    return Lesson(config=draw(_configs()), sample=sample, text=text, hidden=draw(fields), locked=draw(fields),
                  prompt=draw(st.text(max_size=MAX_PROMPT_CHARS)),
                  tour_step=draw(st.none() | st.sampled_from(STEP_IDS)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lessons())
def test_any_valid_lesson_round_trips_through_a_url(lesson: Lesson) -> None:
    assert Lesson.from_query(through_url(lesson)) == (lesson, [])


@given(st.text(max_size=MAX_TEXT_BYTES // 4))
def test_text_compression_round_trips(text: str) -> None:
    assert decompress_text(compress_text(text)) == text


# ---- tampered links ----------------------------------------------------------------------------

def _encoded(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


@pytest.mark.parametrize("value, key", [
    ("!!!not base64!!!", "lesson.text_unreadable"),
    (_encoded(b"plain bytes, not a zlib stream"), "lesson.text_unreadable"),
    (_encoded(zlib.compress("\xff\xfe invalid".encode("latin-1"))), "lesson.text_unreadable"),  # not UTF-8
    (_encoded(zlib.compress(LABELLED_TEXT.encode())[:-6]), "lesson.text_unreadable"),  # cut short
    (_encoded(zlib.compress(LABELLED_TEXT.encode()) + b"extra"), "lesson.text_unreadable"),
    ("A" * (MAX_ENCODED_CHARS + 1), "lesson.text_too_large"),
    (_encoded(zlib.compress(b"a" * (MAX_TEXT_BYTES + 1))), "lesson.text_too_large"),
    (compress_text("\n \n\t\n"), "data.empty"),  # decodes, but holds no text
])
def test_a_broken_text_parameter_falls_back_with_a_notice(value: str, key: str) -> None:
    lesson, problems = Lesson.from_query({"text": value, "epochs": "7"})
    assert lesson == Lesson(config=TrainConfig.of(epochs=7))  # the rest of the link still applies
    assert keys_of(problems) == [key]


def test_a_zip_bomb_is_refused_without_inflating_it() -> None:
    bomb = zlib.compress(b"\0" * 50_000_000, level=9)  # 50 MB that packs into ~50 KB
    small_bomb = zlib.compress(b"\0" * 5_000_000, level=9)[:5000]  # fits the parameter limit, cut
    for value in (_encoded(bomb), _encoded(small_bomb)):
        with pytest.raises(LessonError) as raised:
            decompress_text(value)
        assert raised.value.key in ("lesson.text_too_large", "lesson.text_unreadable")
    dense = zlib.compress(b"\0" * 4_000_000, level=9)
    assert len(_encoded(dense)) <= MAX_ENCODED_CHARS  # so the inflation cap, not the length check, refuses it
    with pytest.raises(LessonError, match="larger than"):
        decompress_text(_encoded(dense))


def test_each_bad_part_falls_back_alone() -> None:
    params = {"sample": "imaginary", "hide": "lr,bogus,epochs", "lock": "nothing_real", "tour": "nowhere",
              "prompt": "x" * (MAX_PROMPT_CHARS + 1), "lr": "-5", "embed_dim": "32", "lang": "pt"}
    lesson, problems = Lesson.from_query(params)
    assert lesson == Lesson(config=TrainConfig.of(embed_dim=32), hidden=frozenset({"lr", "epochs"}), lang="pt")
    assert sorted(keys_of(problems)) == sorted([
        "config.above_and_at_most", "lesson.unknown_sample", "lesson.unknown_controls", "lesson.unknown_controls",
        "lesson.unknown_tour_step", "lesson.prompt_too_long"])
    assert all(isinstance(problem, (ConfigError, LessonError)) for problem in problems)


def test_a_sample_and_texts_together_keep_the_sample() -> None:
    lesson, problems = Lesson.from_query({"sample": "ratings", "text": compress_text(LABELLED_TEXT)})
    assert lesson.sample == "ratings" and lesson.text is None
    assert keys_of(problems) == ["lesson.both_data"]


def test_a_tampered_value_is_quoted_short_in_its_notice() -> None:
    _, problems = Lesson.from_query({"sample": "x" * 10_000})
    assert len(problems[0].message("en")) < 200


def test_control_characters_are_dropped_from_the_prompt() -> None:
    lesson, problems = Lesson.from_query({"prompt": "  What\x00 happens\x1b[31m?\nThink first.  "})
    assert lesson.prompt == "What happens[31m?\nThink first." and problems == []


def _check_fell_back(params: dict[str, str], lesson: Lesson, problems: list[TextlabError]) -> None:
    """Every notice renders in both languages, and parts absent from the link keep their defaults."""
    for problem in problems:
        assert problem.message("pt") and problem.message("en")
    defaults = Lesson()
    for key, attribute in (("sample", "sample"), ("text", "text"), ("hide", "hidden"), ("lock", "locked"),
                           ("prompt", "prompt"), ("tour", "tour_step")):
        if key not in params:
            assert getattr(lesson, attribute) == getattr(defaults, attribute)
    assert Lesson.from_query(lesson.to_query()) == (lesson, [])  # what was kept is itself a valid lesson


_KEYS = st.sampled_from([*LESSON_KEYS, *FIELDS, "lang"]) | st.text(max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, st.text(max_size=200), max_size=8))
def test_fuzzed_query_strings_never_raise(params: dict[str, str]) -> None:
    lesson, problems = Lesson.from_query(params)
    _check_fell_back(params, lesson, problems)


def _mutate(value: str, data: st.DataObject) -> str:
    how = data.draw(st.sampled_from(["truncate", "flip", "insert", "replace", "duplicate"]))
    if how == "truncate" or not value:
        return value[: data.draw(st.integers(0, max(len(value) - 1, 0)))]
    position = data.draw(st.integers(0, len(value) - 1))
    if how == "flip":
        return value[:position] + data.draw(st.characters()) + value[position + 1:]
    if how == "insert":
        return value[:position] + data.draw(st.text(min_size=1, max_size=5)) + value[position:]
    if how == "duplicate":
        return value + value
    return data.draw(st.text(max_size=50))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lessons(), st.data())
def test_mutated_lesson_links_never_raise(lesson: Lesson, data: st.DataObject) -> None:
    params = lesson.to_query()
    if lesson.sample is None:
        params["text"] = compress_text(LABELLED_TEXT)
    key = data.draw(st.sampled_from(sorted(params)) if params else st.just("text"))
    params[key] = _mutate(params.get(key, ""), data)
    tampered, problems = Lesson.from_query(params)
    _check_fell_back(params, tampered, problems)
    if key == "text" and tampered.text is None:
        assert problems, "a text that could not be used is reported"


def test_mutated_text_is_caught_by_the_checksum() -> None:
    value = compress_text(LABELLED_TEXT)
    caught = 0
    for position in range(len(value)):
        replacement = "A" if value[position] != "A" else "B"
        lesson, problems = Lesson.from_query({"text": value[:position] + replacement + value[position + 1:]})
        assert (lesson.text is None) == bool(problems)
        caught += bool(problems)
    # zlib's Adler-32 catches (nearly) every single-character change; a change it lets through still
    # yields a valid lesson, never an exception.
    assert caught >= len(value) - 2


# ---- building a lesson from the app's data -----------------------------------------------------

def test_bundled_samples_are_named_and_other_data_is_packed() -> None:
    for name in SAMPLES:
        assert sample_name(load_sample(name)) == name
        assert lesson_data(load_sample(name)) == {"sample": name}
    pasted = read_pasted(LABELLED_TEXT)
    assert sample_name(pasted) is None
    assert read_pasted(lesson_data(pasted)["text"]) == pasted


def test_data_over_the_limit_or_not_pastable_is_refused() -> None:
    large = read_pasted("\n".join(f"texto número {index} com algumas palavras" for index in range(300)))
    with pytest.raises(LessonError) as too_large:
        text_for_link(large)
    assert too_large.value.key == "lesson.data_too_large"
    with_tab = Dataset(("a\tb", "c"), None, "none", ())
    with pytest.raises(LessonError) as changed:
        text_for_link(with_tab)
    assert changed.value.key == "lesson.data_not_pastable"
    numbers_as_classes = read_pasted("a\t1\nb\t2").with_label_kind("categorical")
    with pytest.raises(LessonError):
        text_for_link(numbers_as_classes)


@pytest.mark.parametrize("bad", [
    {"sample": "nope"}, {"sample": "notebook", "text": "a"}, {"text": "x" * (MAX_TEXT_BYTES + 1)},
    {"text": "\n\n"}, {"hidden": frozenset({"bogus"})}, {"prompt": "?" * (MAX_PROMPT_CHARS + 1)},
    {"tour_step": "nowhere"},
])
def test_an_invalid_lesson_cannot_be_built(bad: dict) -> None:
    with pytest.raises(TextlabError):
        Lesson(**bad)


def test_lesson_links_are_told_apart_from_plain_settings_links() -> None:
    assert not is_lesson_link({"lang": "pt", "lr": "0.1"})
    assert is_lesson_link({"lang": "pt", "prompt": "?"})


# ---- the same run from the link ----------------------------------------------------------------

def _run_trace(config: TrainConfig, dataset: Dataset) -> tuple[TrainingRun, list[float], list[torch.Tensor]]:
    """The run, its loss per step, and the padded batches of its first epoch (drawn as the run draws them)."""
    run = TrainingRun(config, dataset)
    batches = [batch.ids for batch in epoch_loader(run.encoded, run.train_indices, config.batches.batch_size,
                                                   shuffle=config.batches.shuffle, bucketing=config.batches.bucketing,
                                                   generator=torch.Generator().manual_seed(config.run.seed))]
    losses = [event.loss for event in run.events() if isinstance(event, Step)]
    return run, losses, batches


@pytest.mark.parametrize("data", [{"text": LABELLED_TEXT}, {"sample": "notebook"}])
def test_opening_the_link_reproduces_vocabulary_batches_and_loss_curve(data: dict) -> None:
    config = TrainConfig.of(seed=7, epochs=3, batch_size=3, lr=0.05, embed_dim=8, val_fraction=0.25, lowercase=True)
    lesson = Lesson(config=config, **data)
    opened, problems = Lesson.from_query(through_url(lesson))
    assert problems == []
    original_run, original_losses, original_batches = _run_trace(lesson.config, lesson.dataset())
    opened_run, opened_losses, opened_batches = _run_trace(opened.config, opened.dataset())
    assert opened_run.vocab == original_run.vocab
    assert len(opened_batches) == len(original_batches)
    assert all(torch.equal(a, b) for a, b in zip(opened_batches, original_batches, strict=True))
    assert len(opened_losses) == 3 * math.ceil(len(original_run.train_indices) / 3)
    assert opened_losses == original_losses  # exactly: the same seed gives the same curve
