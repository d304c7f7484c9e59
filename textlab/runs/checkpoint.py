"""Checkpoints: a run's weights with everything needed to use them (vocabulary, settings, labels).

Files are read with ``torch.load(weights_only=True)`` only: its unpickler builds tensors and
plain containers and refuses every other object, so a crafted file cannot run code. What it
returns is then checked piece by piece against the model the settings describe.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import pickletools
import tempfile
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import torch
import torch.nn as nn

from textlab.analysis.predictions import Prediction, predict_text
from textlab.errors import CheckpointError, TextlabError
from textlab.i18n import Counted
from textlab.model.models import build_model
from textlab.text.vocab import Vocab
from textlab.train.config import ADDED_SETTINGS, TrainConfig
from textlab.train.loop import TrainingRun
from textlab.train.tasks import TASKS, Task, task_for

FORMAT = "textlab-checkpoint"
FORMAT_VERSION = 1
IMPORTING_OPCODES = frozenset({"GLOBAL", "STACK_GLOBAL", "INST", "OBJ"})


@dataclass(frozen=True)
class Checkpoint:
    """A loaded, validated checkpoint: a model in eval mode on the CPU, and how to feed it."""

    config: TrainConfig
    vocab: Vocab
    label_mode: str
    label_names: tuple[str, ...]
    model: nn.Module
    run_id: int | None

    @property
    def model_kind(self) -> str:
        return type(self.model).__name__

    @property
    def task(self) -> Task:
        return task_for(self.label_mode)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """One prediction per text; each text alone, so no padding changes its output."""
        return [predict_text(self.model, self.vocab, text, self.label_mode, self.label_names,
                             self.config.text.max_length) for text in texts]


def payload(run: TrainingRun, run_id: int | None = None) -> dict[str, Any]:
    """What a checkpoint holds: only tensors, strings, numbers and plain containers."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model_kind": type(run.model).__name__,
        "run_id": run_id,
        "config": run.config.to_dict(),
        "vocab": run.vocab.to_dict(),
        "label_mode": run.label_mode,
        "label_names": list(run.task.class_names(run.dataset.label_names)),
        "state_dict": {name: tensor.detach().cpu().clone() for name, tensor in run.model.state_dict().items()},
    }


def to_bytes(run: TrainingRun, run_id: int | None = None) -> bytes:
    buffer = io.BytesIO()
    torch.save(payload(run, run_id), buffer)
    return buffer.getvalue()


def save(run: TrainingRun, path: Path | str, run_id: int | None = None) -> Path:
    """Write atomically: a temporary file in the same folder, then a rename over the target."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(to_bytes(run, run_id))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a checkpoint is an ordinary file
        os.replace(temporary, path)  # readers see the old file or the new one, never half of one
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load(source: Path | str | bytes | IO[bytes]) -> Checkpoint:
    """Read and validate a checkpoint; any problem raises CheckpointError with a clear message."""
    data = _unpickle_safely(_read_bytes(source))
    if not isinstance(data, dict):
        raise CheckpointError("checkpoint.not_textlab")
    if data.get("format") != FORMAT:
        if data and all(isinstance(value, torch.Tensor) for value in data.values()):
            raise CheckpointError("checkpoint.bare_state_dict", tensors=Counted("tensors", len(data)))
        raise CheckpointError("checkpoint.not_textlab")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CheckpointError("checkpoint.newer", version=version, supported=FORMAT_VERSION)
    config = _part("config", lambda: TrainConfig.from_dict({**ADDED_SETTINGS, **data["config"]}))
    vocab = _part("vocab", lambda: Vocab.from_dict(data["vocab"]))
    label_mode, label_names = data.get("label_mode"), data.get("label_names")
    if label_mode not in TASKS or not isinstance(label_names, list) or not all(
            isinstance(name, str) for name in label_names) or TASKS[label_mode].has_classes != bool(label_names):
        raise CheckpointError("checkpoint.invalid", part="label_names", detail=repr(label_names)[:80])
    num_outputs = TASKS[label_mode].num_outputs(label_names)
    # Built on the meta device: no memory, and no draws from torch's global generator, which a
    # run starting in another thread may have just seeded.
    with torch.device("meta"):
        settings = config.model
        model = build_model(len(vocab), settings.embed_dim, num_outputs, settings.encoder, settings.pooling,
                            settings.hidden_dim, settings.dropout, settings.layers, settings.heads)
    if data.get("model_kind") != type(model).__name__:
        raise CheckpointError("checkpoint.wrong_model", found=data.get("model_kind"), expected=type(model).__name__)
    _check_state(data.get("state_dict"), model)
    model = model.to_empty(device="cpu")
    model.load_state_dict(data["state_dict"])
    run_id = data.get("run_id")
    return Checkpoint(config, vocab, label_mode, tuple(label_names), model.eval(),
                      run_id if isinstance(run_id, int) else None)


def _read_bytes(source: Path | str | bytes | IO[bytes]) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, Path)):
        try:
            return Path(source).read_bytes()
        except FileNotFoundError:
            raise CheckpointError("checkpoint.not_found", path=str(source)) from None
        except OSError as error:
            raise CheckpointError("checkpoint.corrupt", detail=_short(error)) from None
    return source.read()


def _unpickle_safely(raw: bytes) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch warns about unusual pickle protocols; we report errors ourselves
            return torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        # torch names the import it blocked; an old-style pickle may be refused at an earlier opcode.
        blocked = "global" in str(error).lower() or _imports_something(raw)
        key = "checkpoint.unsafe" if blocked else "checkpoint.corrupt"
        raise CheckpointError(key, detail=_short(error)) from None
    except Exception as error:  # noqa: BLE001 - zip, EOF, key and value errors all mean a damaged file
        raise CheckpointError("checkpoint.corrupt", detail=_short(error)) from None


def _imports_something(raw: bytes) -> bool:
    """Whether a bare pickle (not torch's zip format) names a Python object to import and call.

    Read with pickletools, which only lists the opcodes and never runs them: it tells a crafted
    file (refused for what it would do) from a merely damaged one.
    """
    if zipfile.is_zipfile(io.BytesIO(raw)):
        return False  # inside torch's format, torch itself names any import it blocked
    with contextlib.suppress(Exception):  # a damaged pickle ends the listing early
        for opcode, _, _ in pickletools.genops(raw):
            if opcode.name in IMPORTING_OPCODES:
                return True
    return False


def _short(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error).splitlines()[0][:120] if str(error) else ''}"


def _part(part: str, build: Any) -> Any:
    try:
        return build()
    except TextlabError as error:
        raise CheckpointError("checkpoint.invalid", part=part, detail=error.message("en")) from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise CheckpointError("checkpoint.invalid", part=part, detail=_short(error)) from None


def _check_state(state: Any, model: nn.Module) -> None:
    """Every tensor the model expects is there, with the shape its vocabulary and settings give."""
    if not isinstance(state, dict) or not all(isinstance(value, torch.Tensor) for value in state.values()):
        raise CheckpointError("checkpoint.invalid", part="state_dict", detail=type(state).__name__)
    expected = model.state_dict()
    missing, unexpected = sorted(set(expected) - set(state)), sorted(set(state) - set(expected))
    if missing or unexpected:
        raise CheckpointError("checkpoint.wrong_model", found=", ".join(unexpected[:3]) or "-",
                              expected=", ".join(missing[:3]) or "-")
    for name, tensor in expected.items():
        if tuple(state[name].shape) != tuple(tensor.shape) or not state[name].is_floating_point():
            raise CheckpointError("checkpoint.shape_mismatch", name=name, expected=tuple(tensor.shape),
                                  found=tuple(state[name].shape))


def warm_start(run: TrainingRun, checkpoint: Checkpoint) -> None:
    """Copy a checkpoint's weights into a freshly prepared run, to continue training from them."""
    if (run.vocab.idx2token != checkpoint.vocab.idx2token or run.task is not checkpoint.task
            or run.task.class_names(run.dataset.label_names) != checkpoint.label_names):
        raise CheckpointError("checkpoint.vocab_mismatch", ours=len(checkpoint.vocab), theirs=len(run.vocab))
    if type(run.model) is not type(checkpoint.model):
        raise CheckpointError("checkpoint.wrong_model", found=checkpoint.model_kind, expected=type(run.model).__name__)
    state = checkpoint.model.state_dict()
    _check_state(state, run.model)
    with torch.no_grad():
        run.model.load_state_dict(state)  # copies in place: the optimizer keeps the same parameters
