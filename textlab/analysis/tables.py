"""pandas tables the data pages show: the dataset with token counts, labels, token2idx and a batch's texts.

Columns have stable names (``COLUMNS``); ``localize`` renames them for the reader's language.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import torch

from textlab.data.dataset import Dataset
from textlab.i18n import t
from textlab.i18n.numbers import format_percent
from textlab.text.vocab import SPECIAL_TOKENS, Vocab

COLUMNS = ("row", "text", "label", "tokens", "count", "share", "index", "token", "special", "length", "padding", "cut")
VOCAB_SORTS = ("index", "count")


def localize(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table with its column names in ``lang``, and yes/no in words rather than True/False."""
    words = {True: t("datatable.yes", lang), False: t("datatable.no", lang)}
    table = table.assign(**{name: table[name].map(words) for name in table.columns if table[name].dtype == bool})
    if "share" in table.columns:  # a fraction of the texts: 50,0% in Portuguese
        table = table.assign(share=[format_percent(value, lang) for value in table["share"]])
    return table.rename(columns={name: t(f"datatable.{name}", lang) for name in table.columns if name in COLUMNS})


def dataset_table(dataset: Dataset, lengths: torch.Tensor) -> pd.DataFrame:
    """One row per text: its row number (from 1), token count, label when there are labels, and text.

    The text comes last: long texts would push the short columns out of sight.
    """
    table = pd.DataFrame({"row": range(1, len(dataset) + 1), "tokens": lengths.tolist()})
    if dataset.labels is not None:
        table["label"] = dataset.labels
    table["text"] = dataset.texts
    return table


def label_table(dataset: Dataset) -> pd.DataFrame:
    """How many texts carry each label, in label order (numeric labels by value), with the share."""
    if dataset.labels is None:
        return pd.DataFrame({"label": [], "count": [], "share": []})
    counts = Counter(dataset.labels)
    names = list(dataset.label_names) if dataset.label_kind == "categorical" else sorted(counts, key=float)
    return pd.DataFrame({"label": names, "count": [counts[name] for name in names],
                         "share": [counts[name] / len(dataset) for name in names]})


def vocab_table(vocab: Vocab) -> pd.DataFrame:
    """token2idx as a table: index, token, how often it was seen, and whether it is <PAD>/<UNK>."""
    return pd.DataFrame({"index": range(len(vocab)), "token": vocab.idx2token, "count": vocab.counts,
                         "special": [index < len(SPECIAL_TOKENS) for index in range(len(vocab))]})


def search_vocab(table: pd.DataFrame, query: str = "", sort: str = "index") -> pd.DataFrame:
    """Rows whose token contains ``query`` (ignoring case), by index or by count (most frequent first)."""
    if sort not in VOCAB_SORTS:
        raise ValueError(f"sort must be one of {VOCAB_SORTS}")
    query = query.strip()
    if query:
        table = table[table["token"].str.contains(query, case=False, regex=False)]
    if sort == "count":
        return table.sort_values(["count", "index"], ascending=[False, True], kind="stable")
    return table.sort_values("index", kind="stable")


SEARCH_EXAMPLE_LETTERS = 3  # "O" or "é" reads as a typo in a placeholder; a word of 3+ letters does not


def search_example(vocab: Vocab) -> str | None:
    """A token the vocabulary search finds, to suggest: the most frequent word of a few letters, else
    the first token after <PAD> and <UNK>; None when there is none."""
    pairs = enumerate(zip(vocab.idx2token, vocab.counts, strict=True))
    words = [(count, -index, token) for index, (token, count) in pairs
             if index >= len(SPECIAL_TOKENS) and token.isalpha() and len(token) >= SEARCH_EXAMPLE_LETTERS]
    if words:
        return max(words)[2]
    return vocab.idx2token[len(SPECIAL_TOKENS)] if len(vocab) > len(SPECIAL_TOKENS) else None


def batch_table(dataset: Dataset, indices: torch.Tensor, lengths: torch.Tensor, width: int,
                full_lengths: torch.Tensor | None = None) -> pd.DataFrame:
    """The batch's texts: dataset row (from 1), length, padding cells, tokens cut by ``max_length``
    (when ``full_lengths`` are given), label and text (last, as it is long)."""
    rows = indices.tolist()
    table = pd.DataFrame({"row": [row + 1 for row in rows], "length": lengths.tolist(),
                          "padding": [width - length for length in lengths.tolist()]})
    if full_lengths is not None:
        table["cut"] = (full_lengths - lengths).tolist()
    if dataset.labels is not None:
        table["label"] = [dataset.labels[row] for row in rows]
    table["text"] = [dataset.texts[row] for row in rows]
    return table
