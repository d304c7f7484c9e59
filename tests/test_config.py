"""TrainConfig: defaults, validation with helpful messages, JSON and URL round trips."""

from __future__ import annotations

import math
from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlab.errors import ConfigError
from textlab.i18n.numbers import format_general
from textlab.train.config import DEFAULTS, FIELDS, PARTS, Range, TrainConfig, coerce


def test_defaults_are_valid_and_frozen():
    config = TrainConfig()
    assert config == TrainConfig.from_dict({})
    with pytest.raises(AttributeError):
        config.optimisation.lr = 0.1  # type: ignore[misc]
    assert set(FIELDS) == {field.name for part in PARTS.values() for field in fields(part)}


@pytest.mark.parametrize(("changes", "named"), [
    ({"lr": 0.0}, ["lr", "0", "100"]),
    ({"lr": -0.01}, ["lr", "0", "100"]),
    ({"lr": math.nan}, ["lr", "0", "100"]),
    ({"lr": math.inf}, ["lr", "0", "100"]),
    ({"embed_dim": 0}, ["embed_dim", "1", "1024"]),
    ({"embed_dim": 1025}, ["embed_dim", "1", "1024"]),
    ({"batch_size": 0}, ["batch_size", "1", "4096"]),
    ({"epochs": 0}, ["epochs", "1"]),
    ({"val_fraction": 0.6}, ["val_fraction", "0.5"]),
    ({"dropout": 1.0}, ["dropout", "0.9"]),
    ({"encoder": "cnn"}, ["encoder", "none", "gru", "lstm", "transformer"]),
    ({"encoder": "transformer", "embed_dim": 10, "heads": 4}, ["10", "4"]),
    ({"layers": 5}, ["layers", "1", "4"]),
    ({"optimizer": "rmsprop"}, ["optimizer", "adam", "adamw", "sgd"]),
    ({"pooling": "sum"}, ["pooling", "mean", "masked_mean", "max", "attention", "last"]),
    ({"device": "tpu"}, ["device", "auto", "cpu", "cuda", "mps"]),
    ({"tokenizer": "sentencepiece"}, ["tokenizer", "whitespace", "words", "chars", "bpe", "unigram"]),
        ({"vocab_size": 10}, ["vocab_size", "50", "50000"]),
    ({"lr_schedule": "linear"}, ["lr_schedule", "cosine", "plateau"]),
    ({"label_mode": "ordinal"}, ["label_mode", "random", "regression", "classification"]),
    ({"shuffle": "yes"}, ["shuffle", "true/false"]),
])
def test_impossible_values_raise_config_error_naming_the_valid_ones(changes, named):
    with pytest.raises(ConfigError) as caught:
        TrainConfig.of(**changes)
    for lang in ("en", "pt"):
        message = caught.value.message(lang)
        for word in named:
            # Numbers come in the language's own marks: 1.024 and 0,5 in Portuguese.
            shown = format_general(float(word), lang) if word.replace(".", "").isdigit() else word
            assert shown in message, (shown, message)


def test_embed_dim_limits_are_inclusive():
    assert TrainConfig.of(embed_dim=1).model.embed_dim == 1
    assert TrainConfig.of(embed_dim=1024).model.embed_dim == 1024
    assert TrainConfig.of(lr=100.0).optimisation.lr == 100.0


def test_integer_settings_refuse_fractions():
    with pytest.raises(ConfigError):
        TrainConfig.of(embed_dim=10.5)


def test_bool_is_not_a_number():
    with pytest.raises(ConfigError):
        TrainConfig.of(epochs=True)


def test_patience_needs_validation():
    with pytest.raises(ConfigError) as caught:
        TrainConfig.of(patience=2)
    assert caught.value.key == "config.patience_needs_validation"
    assert "validation" in caught.value.message("en") and "validação" in caught.value.message("pt")
    assert TrainConfig.of(patience=2, val_fraction=0.2).optimisation.patience == 2


def test_messages_exist_in_both_languages():
    errors = []
    for changes in ({"lr": -1.0}, {"embed_dim": 0}, {"encoder": "x"}, {"shuffle": 3}, {"patience": 1}):
        with pytest.raises(ConfigError) as caught:
            TrainConfig.of(**changes)
        errors.append(caught.value)
    with pytest.raises(ConfigError) as caught:
        TrainConfig.from_json("{not json")
    errors.append(caught.value)
    with pytest.raises(ConfigError) as caught:
        TrainConfig.from_dict({"learning_rate": 0.1})
    errors.append(caught.value)
    for error in errors:
        assert error.message("pt") != error.message("en"), error.key
        assert error.message("pt-BR") == error.message("pt")
        assert str(error) == error.message("en")


def test_with_changes_coerces_strings():
    config = TrainConfig().with_changes(lr="0.01", epochs="7", shuffle="false", encoder="gru")
    assert (config.optimisation.lr, config.optimisation.epochs) == (0.01, 7)
    assert (config.batches.shuffle, config.model.encoder) == (False, "gru")
    assert isinstance(config.optimisation.epochs, int)
    with pytest.raises(ConfigError):
        TrainConfig().with_changes(epochs="2.5")


def test_coerce_refuses_unknown_fields_and_bad_types():
    with pytest.raises(ConfigError):
        coerce("nope", 1)
    with pytest.raises(ConfigError) as caught:
        coerce("lr", "fast")
    assert "lr" in str(caught.value)
    assert coerce("embed_dim", "16") == 16 and coerce("embed_dim", 16.0) == 16


# JSON


def _value(name: str, rule) -> st.SearchStrategy:
    default = DEFAULTS[name]
    if rule is None:
        return st.booleans()
    if isinstance(rule, tuple):
        return st.sampled_from(rule)
    assert isinstance(rule, Range)
    if isinstance(default, int):
        return st.integers(int(rule.low) + int(rule.low_open), int(rule.high))
    return st.floats(rule.low, rule.high, exclude_min=rule.low_open, allow_nan=False)


def _consistent(values: dict) -> TrainConfig:
    """Settings valid alone, made to fit together: patience needs validation, heads divide embed_dim."""
    patience = values["patience"] if values["val_fraction"] else 0
    heads = values["heads"] if values["embed_dim"] % values["heads"] == 0 else 1
    return TrainConfig.of(**{**values, "patience": patience, "heads": heads})


valid_configs = st.fixed_dictionaries({name: _value(name, rule) for name, rule in FIELDS.items()}).map(_consistent)


@settings(max_examples=50, deadline=None)
@given(config=valid_configs)
def test_json_round_trip(config):
    again = TrainConfig.from_json(config.to_json())
    assert again == config
    assert all(type(again.value(name)) is type(config.value(name)) for name in FIELDS)


@settings(max_examples=50, deadline=None)
@given(config=valid_configs)
def test_query_round_trip(config):
    query = config.to_query()
    assert all(isinstance(value, str) for value in query.values())
    assert set(query) == set(config.differences(TrainConfig()))
    again, problems = TrainConfig.from_query(query)
    assert problems == []
    assert again == config


def test_to_query_lists_only_changed_settings():
    assert TrainConfig().to_query() == {}
    assert TrainConfig.of(lr=0.01, shuffle=False).to_query() == {"lr": "0.01", "shuffle": "false"}


@pytest.mark.parametrize("text", ["", "{not json", "[1, 2]", "42", "null", '"adam"'])
def test_from_json_on_garbage(text):
    with pytest.raises(ConfigError) as caught:
        TrainConfig.from_json(text)
    assert caught.value.key == "config.bad_json"


def test_from_json_with_unknown_or_bad_fields():
    with pytest.raises(ConfigError) as caught:
        TrainConfig.from_json('{"learning_rate": 0.1}')
    assert "learning_rate" in str(caught.value) and "lr" in str(caught.value)
    with pytest.raises(ConfigError):
        TrainConfig.from_json('{"lr": "fast"}')
    with pytest.raises(ConfigError):
        TrainConfig.from_json('{"lr": -1}')


def test_from_query_falls_back_to_defaults_and_reports_each_problem():
    params = {"lr": "abc", "epochs": "0", "encoder": "cnn", "batch_size": "8", "lang": "pt",
              "shuffle": "maybe"}
    config, problems = TrainConfig.from_query(params)
    defaults = TrainConfig()
    assert (config.optimisation.lr, config.optimisation.epochs, config.model.encoder, config.batches.shuffle) == (
        defaults.optimisation.lr, defaults.optimisation.epochs, defaults.model.encoder, defaults.batches.shuffle)
    assert config.batches.batch_size == 8  # the good value is kept
    assert len(problems) == 4
    assert all(isinstance(problem, ConfigError) for problem in problems)
    named = " ".join(problem.message("en") for problem in problems)
    for name in ("lr", "epochs", "encoder", "shuffle"):
        assert name in named


@pytest.mark.parametrize(("params", "expected"), [
    # heads that do not divide the embedding size fall back first; the embedding size only when needed
    ({"encoder": "transformer", "embed_dim": "12", "heads": "5"}, (12, 2)),
    ({"encoder": "transformer", "embed_dim": "7"}, (10, 2)),
    ({"encoder": "transformer", "embed_dim": "12", "heads": "4"}, (12, 4)),
])
def test_from_query_mends_heads_that_do_not_divide_the_embedding_size(params, expected):
    config, problems = TrainConfig.from_query(params)
    model = config.model
    assert (model.encoder, model.embed_dim, model.heads) == ("transformer", *expected)
    assert [problem.key for problem in problems] == (
        [] if expected == (12, 4) else ["config.heads_divide_embed_dim"])


def test_from_query_does_not_depend_on_parameter_order():
    config, problems = TrainConfig.from_query({"patience": "2", "val_fraction": "0.2"})
    assert problems == []
    assert (config.optimisation.patience, config.batches.val_fraction) == (2, 0.2)


# Grouped parts, and what older versions wrote


def test_settings_are_reached_through_their_part():
    config = TrainConfig.of(lr=0.01, embed_dim=16, batch_size=4, tokenizer="words", seed=3)
    assert [field.name for field in fields(TrainConfig)] == list(PARTS)
    assert (config.optimisation.lr, config.model.embed_dim, config.batches.batch_size) == (0.01, 16, 4)
    assert (config.text.tokenizer, config.run.seed) == ("words", 3)
    assert config.value("lr") == 0.01 and config.flat()["embed_dim"] == 16
    with pytest.raises(AttributeError):
        config.model = config.model  # type: ignore[misc]


def test_each_rule_sits_beside_its_setting():
    for part in PARTS.values():
        for setting_field in fields(part):
            assert FIELDS[setting_field.name] == setting_field.metadata["rule"]
            assert DEFAULTS[setting_field.name] == setting_field.default
    with pytest.raises(ConfigError) as caught:
        PARTS["model"](embed_dim=0)  # a part validates on its own, too
    assert "embed_dim" in str(caught.value)


def test_json_is_grouped_by_part():
    data = TrainConfig.of(lr=0.01, pooling="masked_mean").to_dict()
    assert set(data) == set(PARTS)
    assert data["optimisation"]["lr"] == 0.01 and data["model"]["pooling"] == "masked_mean"


def test_old_flat_json_still_reads():
    # What runs stored in SQLite and checkpoints saved before the settings were grouped look like.
    old = ('{"tokenizer": "whitespace", "lowercase": true, "min_freq": 1, "max_size": 0, "vocab_from": "train", '
           '"label_mode": "classification", "val_fraction": 0.25, "batch_size": 8, "shuffle": true, '
           '"bucketing": false, "encoder": "gru", "pooling": "masked_mean", "embed_dim": 16, "hidden_dim": 32, '
           '"dropout": 0.0, "optimizer": "adam", "lr": 0.05, "weight_decay": 0.0, "lr_schedule": "none", '
           '"grad_clip": 0.0, "epochs": 4, "patience": 2, "seed": 0, "device": "cpu"}')
    config = TrainConfig.from_json(old)
    assert config == TrainConfig.of(lowercase=True, label_mode="classification", val_fraction=0.25, batch_size=8,
                                    encoder="gru", pooling="masked_mean", embed_dim=16, lr=0.05, epochs=4,
                                    patience=2, device="cpu")
    assert TrainConfig.from_json(config.to_json()) == config


def test_unknown_settings_are_dropped_only_when_asked():
    stored = {"model": {"embed_dim": 16, "retired_setting": 1}, "lr": 0.1}
    assert TrainConfig.from_dict(stored, drop_unknown=True) == TrainConfig.of(embed_dim=16, lr=0.1)
    with pytest.raises(ConfigError) as caught:
        TrainConfig.from_dict(stored)
    assert "retired_setting" in str(caught.value)


def test_old_links_keep_their_flat_parameters():
    config, problems = TrainConfig.from_query({"lr": "0.01", "batch_size": "4", "lang": "pt"})
    assert problems == []
    assert (config.optimisation.lr, config.batches.batch_size) == (0.01, 4)
    assert config.to_query() == {"lr": "0.01", "batch_size": "4"}


def test_with_changes_across_parts_keeps_the_rest():
    base = TrainConfig.of(embed_dim=16, seed=5)
    changed = base.with_changes(lr="0.1", tokenizer="chars")
    assert (changed.optimisation.lr, changed.text.tokenizer) == (0.1, "chars")
    assert (changed.model, changed.run, changed.batches) == (base.model, base.run, base.batches)
    assert changed.differences(base) == {"tokenizer": ("chars", "whitespace"), "lr": (0.1, 0.001)}
