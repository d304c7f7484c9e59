"""The small frozen events a training run yields, from start to its one ending."""

from __future__ import annotations

from dataclasses import dataclass, field

from textlab.i18n import t


@dataclass(frozen=True)
class RunStarted:
    device: str
    vocab_size: int
    train_size: int
    val_size: int
    steps_per_epoch: int
    total_steps: int
    label_mode: str  # "random", "regression" or "classification"
    num_outputs: int


@dataclass(frozen=True)
class Step:
    epoch: int
    step: int  # counted from 1 over the whole run
    loss: float
    lr: float  # the learning rate this step used
    seconds: float  # since the run started


@dataclass(frozen=True)
class EpochEnd:
    epoch: int
    train_loss: float  # mean over the epoch's texts
    last_loss: float  # the last batch's loss: what the notebook prints
    val_loss: float | None
    metrics: dict[str, float] = field(default_factory=dict)  # on the validation set
    seconds: float = 0.0  # since the run started, at the end of this epoch


@dataclass(frozen=True)
class Finished:
    reason: str  # "completed" or "early_stopping"
    epochs_run: int
    # The epoch whose weights the model ends with: early stopping restores the best one, so it can
    # be earlier than the last epoch trained. None when it is simply the last one.
    kept_epoch: int | None = None


@dataclass(frozen=True)
class Stopped:
    reason: str = "user"


@dataclass(frozen=True)
class Failed:
    reason: str  # "diverged", "out_of_memory", "invalid" or "error"
    key: str  # translation key of the message
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.params)


Event = RunStarted | Step | EpochEnd | Finished | Stopped | Failed
END_EVENTS = (Finished, Stopped, Failed)
