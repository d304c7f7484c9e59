"""The runs table's words: how each run ended in a few words, and which columns the overview keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from textlab.i18n import option_label, t
from textlab.runs.comparison import OVERVIEW_COLUMNS, end_reason, ended_text, overview_columns, run_details
from textlab.runs.store import STATUSES, RunRecord
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd

RUN = RunRecord(run_id=1, name="", notes="", status="finished", reason="completed", message_key="",
                message_params={}, config=TrainConfig(), dataset_fingerprint="f", dataset_size=3, label_kind="none",
                label_mode="random", vocab_size=12, num_outputs=1, train_size=3, val_size=0, device="cpu",
                started_at=1_700_000_000.0, ended_at=None, epochs_run=3, seconds_per_epoch=0.5, checkpoint=None,
                final=EpochEnd(3, 0.5, 0.4, None), data_source="sample:notebook")
# Every way a run ends, as (status, reason) the store records.
ENDINGS = [("finished", "completed"), ("finished", "early_stopping"), ("stopped", "user"), ("failed", "diverged"),
           ("failed", "out_of_memory"), ("failed", "invalid"), ("failed", "error"), ("running", ""),
           ("interrupted", ""), ("failed", "a reason from a newer textlab")]
MAX_CELL_CHARACTERS = 20  # one line of the table's "How it ended" column


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize(("status", "reason"), ENDINGS)
def test_every_ending_has_a_few_words_for_the_table(status, reason, lang):
    short = ended_text(replace(RUN, status=status, reason=reason), lang)
    assert short and "runs." not in short and len(short) <= MAX_CELL_CHARACTERS


def test_the_short_words_tell_the_endings_apart_and_follow_the_language():
    for lang in ("en", "pt"):
        words = [ended_text(replace(RUN, status=status, reason=reason), lang) for status, reason in ENDINGS[:-1]]
        assert len(set(words)) == len(words)
    early = replace(RUN, reason="early_stopping")
    assert (ended_text(early, "en"), ended_text(early, "pt")) == ("stopped early", "parada antecipada")
    interrupted = replace(RUN, status="interrupted", reason="")
    assert ended_text(interrupted, "en") == "its process ended" and end_reason(interrupted, "en") == "—"
    assert {f"runs.status.{status}" for status in STATUSES} == {f"runs.status.{s}" for s, _ in ENDINGS}


def test_the_overview_leaves_out_columns_no_run_fills():
    assert overview_columns([RUN]) == ["id", "reason", "train_loss", "data", "settings"]
    validated = replace(RUN, final=EpochEnd(3, 0.5, 0.4, 0.6, {"accuracy": 0.75}))
    named = replace(RUN, run_id=2, name="baseline")
    assert overview_columns([validated, named]) == list(OVERVIEW_COLUMNS)
    assert overview_columns([replace(RUN, final=None)]) == ["id", "reason", "train_loss", "data", "settings"]


def test_the_details_hold_what_the_overview_leaves_out_in_the_language():
    details = dict(run_details(replace(RUN, seconds_per_epoch=1.25, vocab_size=1500), "pt"))
    assert details[t("runs.col.epochs", "pt")] == "3" and details[t("runs.col.vocab", "pt")] == "1.500"
    assert details[t("runs.col.seconds_per_epoch", "pt")] == "1,250"
    assert details[t("runs.col.labels", "pt")] == option_label("label_mode", "random", "pt")
    started = datetime.fromtimestamp(RUN.started_at)
    assert details[t("runs.col.started", "pt")] == started.strftime("%d/%m/%Y %H:%M")  # as Brazil writes it
    english = dict(run_details(RUN, "en"))[t("runs.col.started", "en")]
    assert english.startswith(f"{started.month}/{started.day}/{started:%y}, ") and english.endswith(("AM", "PM"))
