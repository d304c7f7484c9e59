"""The session's data as the pages show it, cached by content fingerprint and settings.

Tokenizing is keyed by (fingerprint, tokenizer options) and the prepared data by the fingerprint
and ``preparation_settings(config)`` (a subword tokenizer is learned there, from the training
texts those settings select), so changing min_freq reuses the tokens and revisiting a page
after no change costs a dictionary lookup. Values are shared between sessions (equal data
gives equal results) and never modified after they are built.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from textlab.data.dataset import Dataset
from textlab.text import subword
from textlab.text.corpus import TokenizedCorpus
from textlab.text.coverage import OovReport, held_out_check
from textlab.text.vocab import TOKENIZERS, TokenizerOptions
from textlab.train import prepare as preparation
from textlab.train.config import TrainConfig
from textlab.train.prepare import EpochPlan, PreparedData, preparation_settings, preview, tokenize, tokenizer_options
from textlab.ui import state, table_fit

# A class of 30 on the same few data sets needs only a handful of entries; a 100,000-text corpus takes tens of MB.
MAX_ENTRIES = 8


def fingerprint(dataset: Dataset) -> str:
    """The dataset's content hash, computed once per dataset object in this session."""
    return state.session().fingerprint(dataset)


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _corpus(_dataset: Dataset, key: tuple[str, TokenizerOptions]) -> TokenizedCorpus:
    return tokenize(_dataset, key[1])


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _prepared(_dataset: Dataset, key: tuple[str, TrainConfig]) -> PreparedData:
    digest, settings = key
    if settings.text.tokenizer not in TOKENIZERS:  # a subword tokenizer is learned from this split's training texts
        return preview(settings, _dataset)
    return preview(settings, _dataset, _corpus(_dataset, (digest, tokenizer_options(settings))))


def _preparation_key(dataset: Dataset, config: TrainConfig) -> tuple[str, TrainConfig]:
    return fingerprint(dataset), preparation_settings(config)


def prepared_for(dataset: Dataset, config: TrainConfig) -> PreparedData:
    """``preview(config, dataset)``, cached by content and the settings preparation reads."""
    return _prepared(dataset, _preparation_key(dataset, config))


def prepared() -> PreparedData:
    """The session's dataset, tokenized, split and encoded with the session's settings."""
    return prepared_for(state.session().dataset, state.session().config)


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _epoch_plan(_prepared: PreparedData, _config: TrainConfig, key: tuple) -> EpochPlan:
    return preparation.epoch_plan(_prepared, _config)


def epoch_plan() -> EpochPlan:
    """The session's first-epoch batches as training will draw them."""
    dataset, config = state.session().dataset, state.session().config
    key = (*_preparation_key(dataset, config), config.batches)
    return _epoch_plan(prepared_for(dataset, config), config, key)


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _oov(_prepared: PreparedData, _config: TrainConfig, key: tuple) -> OovReport:
    return held_out_check(_prepared, _config, key[-1])


def oov(fraction: float) -> OovReport:
    """The out-of-vocabulary rate of held-out texts (``fraction`` applies when the settings hold none out)."""
    dataset, config = state.session().dataset, state.session().config
    return _oov(prepared_for(dataset, config), config, (*_preparation_key(dataset, config), fraction))


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _training_words(_prepared: PreparedData, key: tuple) -> list[str]:
    texts, options = _prepared.dataset.texts, _prepared.vocab.options
    return subword.frequent_words([options.prepared(texts[i]) for i in _prepared.train_indices.tolist()])


def training_words(config: TrainConfig) -> list[str]:
    """The most frequent words of the training texts under ``config``: the examples BPE merges assemble."""
    dataset = state.session().dataset
    return _training_words(prepared_for(dataset, config), _preparation_key(dataset, config))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _text_rows(_dataset: Dataset, key: tuple) -> dict[str, Any]:
    return table_fit.text_rows(_dataset.texts, **dict(key[1]))


def text_rows(dataset: Dataset, **options: Any) -> dict[str, Any]:
    """``table_fit.text_rows`` for every text of ``dataset``, measured once per data and options (tens of
    thousands of texts take tens of milliseconds, on each rerun of the page otherwise)."""
    return _text_rows(dataset, (fingerprint(dataset), tuple(sorted(options.items()))))
