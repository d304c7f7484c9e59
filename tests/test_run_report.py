"""What the Train page says about a job: its status sentence, progress, history rows and changed settings."""

from __future__ import annotations

import pytest

from textlab.i18n import describe_changes
from textlab.runs.report import (
    epoch_table,
    format_rate,
    format_seconds,
    progress_text,
    status,
)
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.jobs import JobSnapshot

STARTED = RunStarted("cpu", 13, 3, 0, 2, 6, "random", 1)
STEPS = tuple(Step(index // 2 + 1, index + 1, 0.5, 0.001, (index + 1) * 0.5) for index in range(4))


def snapshot(state, end=None, steps=STEPS, started=STARTED, position=None, rate=2.0) -> JobSnapshot:
    return JobSnapshot(1, state, TrainConfig(), started, steps, (), end, position, rate)


def test_every_state_has_a_sentence_in_both_languages():
    cases = [snapshot("queued", started=None, steps=(), position=3), snapshot("running"), snapshot("paused"),
             snapshot("running", position=2),
             snapshot("stopped", Stopped()), snapshot("finished", Finished("completed", 3)),
             snapshot("finished", Finished("early_stopping", 2)),
             snapshot("failed", Failed("diverged", "training.diverged", {"step": 4, "lr": 10.0, "suggested": 1.0}))]
    for case in cases:
        english, portuguese = status(case, "en")[1], status(case, "pt")[1]
        assert english and portuguese and english != portuguese
    assert status(None, "en") == ("info", "No run yet: press Train.")


def test_status_details():
    assert status(snapshot("queued", started=None, steps=(), position=3), "en")[1].startswith("Queued, position 3")
    assert status(snapshot("running", started=None, steps=()), "en")[1].startswith("Preparing")
    level, sentence = status(snapshot("running", position=2), "pt")  # between two turns at a slot
    assert level == "info" and "revezamento" in sentence and "posição 2" in sentence
    assert progress_text(snapshot("running", position=2), "en") == "Step 4 of 6 · epoch 2 of 3"
    assert "step 4" in status(snapshot("paused"), "en")[1]
    level, sentence = status(snapshot("finished", Finished("completed", 3)), "en")
    assert level == "success" and "4 steps in 2.0\u00a0s (2.0 steps/s)" in sentence
    level, sentence = status(snapshot("failed", Failed("diverged", "training.diverged",
                                                        {"step": 4, "lr": 10.0, "suggested": 1.0})), "pt")
    assert level == "error" and "passo 4" in sentence and "Tente 1" in sentence
    assert "early" in status(snapshot("finished", Finished("early_stopping", 2)), "en")[1]


def test_progress_text():
    assert progress_text(snapshot("running"), "en") == "Step 4 of 6 · epoch 2 of 3"
    queued = progress_text(snapshot("queued", started=None, steps=(), position=2), "pt")
    assert queued == "Esperando na fila (posição 2)" and "Passo" not in queued


def test_after_early_stopping_the_progress_line_says_where_it_stopped_and_which_weights_it_kept():
    steps = tuple(Step(index // 200 + 1, index + 1, 0.5, 0.001, index * 0.01) for index in range(1200))
    started = RunStarted("cpu", 13, 3, 0, 200, 6000, "classification", 1)
    early = JobSnapshot(1, "finished", TrainConfig.of(epochs=30), started, steps, (),
                        Finished("early_stopping", 6, 4), None, None)
    assert progress_text(early, "pt") == "Passo 1.200 de 6.000 · parou na época 6 de 30 · pesos da época 4 mantidos"
    assert progress_text(early, "en") == "Step 1,200 of 6,000 · stopped at epoch 6 of 30 · kept epoch 4's weights"
    # A run that ran every epoch kept its last weights: nothing to add.
    completed = JobSnapshot(1, "finished", TrainConfig.of(epochs=30), started, steps, (),
                            Finished("completed", 6), None, None)
    assert progress_text(completed, "en") == "Step 1,200 of 6,000 · epoch 6 of 30"


@pytest.mark.parametrize(("seconds", "text"), [(4.24, "4.2\u00a0s"), (65, "1m\u00a005s"), (7380, "2h\u00a003m")])
def test_format_seconds(seconds, text):
    assert format_seconds(seconds) == text


def test_numbers_are_written_the_way_each_language_writes_them():
    assert format_rate(1706.6, "en") == "1,707" and format_rate(1706.6, "pt") == "1.707"
    assert format_rate(22.46, "pt") == "22,5" and format_seconds(4.24, "pt") == "4,2\u00a0s"
    assert format_rate(None, "en") == "–"


def test_epoch_table_has_translated_columns_in_the_notebooks_order_and_only_present_values():
    epochs = [EpochEnd(1, 0.9, 0.8, 0.7, {"accuracy": 0.5, "macro_f1": 0.4}, 1.234),
              EpochEnd(2, 0.6, 0.5, 0.4, {"accuracy": 0.75, "macro_f1": 0.7}, 2.5)]
    table = epoch_table(epochs, ("accuracy", "macro_f1"), "pt")
    assert table == {"Época": [1, 2], "Perda de treino (média)": ["0,9000", "0,6000"],
                     "Perda do último lote": ["0,8000", "0,5000"], "Perda de validação": ["0,7000", "0,4000"],
                     "Acurácia": ["50,0%", "75,0%"], "F1 macro": ["40,0%", "70,0%"],
                     "Segundos desde o início": ["1,23", "2,50"]}
    assert "Validation loss" not in epoch_table([EpochEnd(1, 0.9, 0.8, None)], (), "en")


def test_epoch_table_can_keep_only_the_latest_epochs():
    epochs = [EpochEnd(epoch, 1.0, 1.0, None) for epoch in range(1, 501)]
    assert epoch_table(epochs, (), "en", limit=100)["Epoch"] == list(range(401, 501))


def test_describe_changes():
    changes = {"lr": (0.001, 0.01), "epochs": (3, 10), "pooling": ("mean", "masked_mean"), "shuffle": (True, False)}
    assert describe_changes(changes, "en") == ("Learning rate 0.001 → 0.01, Epochs 3 → 10, Pooling mean, PAD "
                                               "included (the notebook's) → mean without PAD, Shuffle on → off")
    assert describe_changes({"batch_size": (2, 32), "lr": (0.001, 0.0005)}, "pt") == \
        "Tamanho do lote 2 → 32, Taxa de aprendizado 0,001 → 0,0005"
    assert describe_changes({}) == ""
