"""The training loop: one prepared run, yielding events between batches.

``for event in train(config, dataset, control): ...`` works the same in a test,
the CLI and a background thread. With the default config it is the notebook:
fresh ``torch.randn(B, 1)`` labels every batch, MSELoss, Adam, lr 0.001.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator

import torch
import torch.nn as nn

from textlab.data.dataset import Dataset
from textlab.errors import DataError, TextlabError
from textlab.model.devices import resolve_device
from textlab.model.models import MAX_POSITIONS, TextModel, build_model
from textlab.model.outputs import batched_outputs
from textlab.text.batching import Batch, EncodedTexts, epoch_loader
from textlab.train.config import TrainConfig
from textlab.train.control import Control, Gate
from textlab.train.events import END_EVENTS, EpochEnd, Event, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.prepare import PreparedData, prepare

# Model construction draws from torch's global generator; serialising it keeps a seed's
# initial weights the same when several sessions start runs at once.
_GLOBAL_SEED_LOCK = threading.Lock()

OPTIMIZER_CLASSES = {"adam": torch.optim.Adam, "adamw": torch.optim.AdamW, "sgd": torch.optim.SGD}


class TrainingRun:
    """Everything a run needs, prepared once: device, split, vocabulary, tensors, model, optimizer."""

    def __init__(self, config: TrainConfig, dataset: Dataset, prepared: PreparedData | None = None) -> None:
        self.config = config
        self.device = resolve_device(config.run.device)
        self.prepared = prepared if prepared is not None else prepare(config, dataset)
        self.task, self.dataset, self.corpus = self.prepared.task, self.prepared.dataset, self.prepared.corpus
        self.train_indices, self.val_indices = self.prepared.train_indices, self.prepared.val_indices
        self.vocab, self.encoded, self.targets = self.prepared.vocab, self.prepared.encoded, self.prepared.targets
        longest = int(self.encoded.lengths.max())
        if config.model.encoder == "transformer" and longest > MAX_POSITIONS:  # said before training, not mid-epoch
            raise DataError("model.text_too_long", length=longest, limit=MAX_POSITIONS)
        self.num_outputs = self.task.num_outputs(self.dataset.label_names)
        with _GLOBAL_SEED_LOCK:
            torch.manual_seed(config.run.seed)
            model = build_model(len(self.vocab), config.model.embed_dim, self.num_outputs, config.model.encoder,
                                config.model.pooling, config.model.hidden_dim, config.model.dropout,
                                config.model.layers, config.model.heads)
        self.model = model.to(self.device)
        if isinstance(self.model, TextModel):
            self.model.dropout.generator = torch.Generator(self.device).manual_seed(config.run.seed + 2)
        self.optimizer = OPTIMIZER_CLASSES[config.optimisation.optimizer](
            self.model.parameters(), lr=config.optimisation.lr, weight_decay=config.optimisation.weight_decay,
            # One fused kernel per step instead of a dozen passes over the parameters: the dense
            # embedding gradient makes the optimizer step most of a batch's time otherwise.
            fused=self.device.type in ("cpu", "cuda"))
        self.steps_per_epoch = math.ceil(len(self.train_indices) / config.batches.batch_size)
        self.scheduler = self._scheduler()

    def _scheduler(self) -> torch.optim.lr_scheduler.LRScheduler | torch.optim.lr_scheduler.ReduceLROnPlateau | None:
        schedule, epochs = self.config.optimisation.lr_schedule, self.config.optimisation.epochs
        if schedule == "step":  # halve the rate after every quarter of the run
            return torch.optim.lr_scheduler.StepLR(self.optimizer, step_size=math.ceil(epochs / 4), gamma=0.5)
        if schedule == "cosine":  # per batch, down to zero at the last step
            return torch.optim.lr_scheduler.CosineAnnealingLR(self.optimizer, T_max=self.steps_per_epoch * epochs)
        if schedule == "plateau":
            return torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, factor=0.5, patience=1)
        return None

    @property
    def loss_fn(self) -> nn.Module:
        return self.task.criterion

    @property
    def label_mode(self) -> str:
        return self.task.name

    @property
    def has_validation(self) -> bool:
        return len(self.val_indices) > 0 and self.task.reads_labels

    def loss(self, batch: Batch, random_labels: torch.Generator | None = None) -> torch.Tensor:
        """The batch's loss; in random mode, against fresh N(0, 1) labels as the notebook draws them."""
        outputs = self.model(batch.ids, batch.mask)  # (B, num_outputs)
        return self.task.loss(outputs, batch, random_labels)

    def events(self, control: Gate | None = None) -> Iterator[Event]:
        """Train for ``config.optimisation.epochs`` epochs, checking ``control`` before every batch."""
        config, control = self.config, control or Control()
        shuffle_generator = torch.Generator().manual_seed(config.run.seed)
        label_generator = torch.Generator().manual_seed(config.run.seed + 1)
        batches = config.batches
        loader = epoch_loader(self.encoded, self.train_indices, batches.batch_size, self.targets, batches.shuffle,
                              batches.bucketing, shuffle_generator)
        yield RunStarted(str(self.device), len(self.vocab), len(self.train_indices), len(self.val_indices),
                         self.steps_per_epoch, self.steps_per_epoch * config.optimisation.epochs, self.label_mode,
                         self.num_outputs)
        started, step = time.perf_counter(), 0
        best_val_loss, best_state, best_epoch, epochs_without_gain = math.inf, None, None, 0
        for epoch in range(1, config.optimisation.epochs + 1):
            self.model.train()
            loss_total, texts_seen, value = 0.0, 0, math.nan
            # The epoch's batches are gathered up front, as a hand-written loop over prebuilt batches
            # would have them: small allocations between steps measured slower (bench/train_speed.py).
            for batch in list(loader):
                if not control.wait_for_go():
                    yield Stopped("user")
                    return
                batch = batch.to(self.device)
                loss = self.loss(batch, label_generator)
                value = loss.item()
                if not math.isfinite(value):
                    yield Failed("diverged", "training.diverged",
                                 {"step": step + 1, "lr": config.optimisation.lr,
                                  "suggested": config.optimisation.lr / 10})
                    return
                lr = self.optimizer.param_groups[0]["lr"]
                self.optimizer.zero_grad()
                loss.backward()
                if config.optimisation.grad_clip:
                    nn.utils.clip_grad_norm_(self.model.parameters(), config.optimisation.grad_clip)
                self.optimizer.step()
                if config.optimisation.lr_schedule == "cosine":
                    self.scheduler.step()
                step += 1
                loss_total, texts_seen = loss_total + value * len(batch), texts_seen + len(batch)
                yield Step(epoch, step, value, lr, time.perf_counter() - started)
            val_loss, metrics = self.evaluate() if self.has_validation else (None, {})
            train_loss = loss_total / max(texts_seen, 1)
            if config.optimisation.lr_schedule == "step":
                self.scheduler.step()
            elif config.optimisation.lr_schedule == "plateau":
                self.scheduler.step(val_loss if val_loss is not None else train_loss)
            yield EpochEnd(epoch, train_loss, value, val_loss, metrics, time.perf_counter() - started)
            if config.optimisation.patience and val_loss is not None:
                if val_loss < best_val_loss:
                    best_val_loss, epochs_without_gain = val_loss, 0
                    best_state = {name: tensor.detach().clone() for name, tensor in self.model.state_dict().items()}
                    best_epoch = epoch
                else:
                    epochs_without_gain += 1
                if epochs_without_gain >= config.optimisation.patience:
                    if best_state is not None:  # keep the weights of the best epoch
                        self.model.load_state_dict(best_state)
                    yield Finished("early_stopping", epoch, best_epoch)
                    return
        yield Finished("completed", config.optimisation.epochs)

    def outputs(self, text_indices: torch.Tensor, encoded: EncodedTexts | None = None) -> torch.Tensor:
        """(N, num_outputs) model outputs for the given texts (of this run's data by default)."""
        self.model.eval()
        # The same batch size as training: with the plain mean, padding changes the outputs.
        return batched_outputs(self.model, encoded or self.encoded, text_indices, self.config.batches.batch_size,
                               self.config.batches.bucketing, self.device)

    def predict(self, texts: list[str]) -> torch.Tensor:
        """(N, num_outputs) outputs for new texts, encoded with this run's vocabulary."""
        encoded = EncodedTexts.from_lists([self.vocab.encode(text) for text in texts], self.config.text.max_length)
        return self.outputs(torch.arange(len(texts)), encoded)

    def evaluate(self) -> tuple[float, dict[str, float]]:
        """Validation loss and metrics, as the task measures them."""
        return self.task.evaluate(self.outputs(self.val_indices), self.targets[self.val_indices])


# Called with the run (None until it is prepared) and each event, end event included.
Observer = Callable[["TrainingRun | None", Event], None]


def failure(error: Exception, config: TrainConfig) -> Failed:
    """The end event for an exception that stopped a run."""
    if isinstance(error, TextlabError):
        return Failed("invalid", error.key, error.params)
    if isinstance(error, torch.cuda.OutOfMemoryError):
        return Failed("out_of_memory", "training.out_of_memory", {"batch_size": config.batches.batch_size})
    return Failed("error", "training.crashed", {"detail": f"{type(error).__name__}: {error}"})


def train(config: TrainConfig, dataset: Dataset, control: Gate | None = None,
          observer: Observer | None = None) -> Iterator[Event]:
    """Prepare and run, ending in exactly one Finished/Stopped/Failed event, never an exception.

    ``observer(run, event)`` sees each event before it is yielded; the run is None when
    preparing it failed.
    """
    run = None
    try:
        run = TrainingRun(config, dataset)
        for event in run.events(control):
            if observer is not None:
                observer(run, event)
            yield event
            if isinstance(event, END_EVENTS):
                return
        end: Event = Failed("error", "training.crashed", {"detail": "the training loop ended without an end event"})
    except Exception as error:  # noqa: BLE001 - a background run must end in an event, never a dead thread
        end = failure(error, config)
    if observer is not None:
        observer(run, end)
    yield end
