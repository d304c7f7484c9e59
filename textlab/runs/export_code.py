"""The code of an exported run, as named sections that the script and the notebook both write.

Plain PyTorch and the standard library only (and Hugging Face ``tokenizers`` for a subword
tokenizer, whose learned JSON the code carries). It repeats every step textlab takes, in the same
order and with the same random generators (split, vocabulary, ids, seeded model, batch order,
labels), so on the CPU it prints the run's per-epoch losses again. Only the code the run's settings
need is written: a notebook run gets notebook-sized code. The sections differ only in where the
data comes from: a CSV file beside the script, or the same CSV inside the notebook's data cell.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from typing import ClassVar

import torch

from textlab.data.dataset import Dataset
from textlab.i18n import t
from textlab.model.models import MAX_POSITIONS, build_model
from textlab.runs.export_model import model_source
from textlab.text.batching import BUCKET_POOL_BATCHES
from textlab.text.vocab import TOKENIZERS
from textlab.train.config import TrainConfig
from textlab.train.prepare import prepare
from textlab.train.tasks import resolve_task

# The sections in the order the code runs them; the notebook explains each one in a markdown cell.
SECTION_NAMES = ("imports", "settings", "data", "split", "vocabulary", "batches", "model", "training_setup",
                 "evaluation", "training_loop")


def csv_records(dataset: Dataset) -> list[str]:
    """The texts (and labels) as CSV records, header first: ``text`` or ``text,label``; each ends in a newline."""
    rows = [["text"], *([text] for text in dataset.texts)] if dataset.labels is None else [
        ["text", "label"], *([text, label] for text, label in zip(dataset.texts, dataset.labels, strict=True))]
    records = []
    for row in rows:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        records.append(buffer.getvalue())
    return records


def dataset_csv(dataset: Dataset) -> str:
    """The texts (and labels) as one CSV text with a header: what the script reads and the notebook embeds."""
    return "".join(csv_records(dataset))


@dataclass(frozen=True)
class Section:
    """One step of the exported code: its name (one of SECTION_NAMES) and its Python source."""

    name: str
    code: str


@dataclass(frozen=True)
class DataFile:
    """The script's data: the CSV file ``data_file`` beside it, or the path given on the command line."""

    data_file: str
    modules: ClassVar[tuple[str, ...]] = ()  # imported beside the ones every section needs

    def lines(self, comment: str) -> list[str]:
        return [
            comment,
            f"data_path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / {self.data_file!r}",
            'with open(data_path, newline="", encoding="utf-8") as file:',
            "    rows = list(csv.DictReader(file))",
        ]


@dataclass(frozen=True)
class EmbeddedData:
    """The notebook's data: the same CSV, one record per line inside the cell, so no other file is needed."""

    dataset: Dataset
    modules: ClassVar[tuple[str, ...]] = ("io",)

    def lines(self, comment: str) -> list[str]:
        return [
            comment,
            "DATA_CSV = (",
            *(f"    {record!r}" for record in csv_records(self.dataset)),
            ")",
            'rows = list(csv.DictReader(io.StringIO(DATA_CSV, newline="")))',
        ]


def learned_tokenizer(config: TrainConfig, dataset: Dataset) -> str:
    """The subword tokenizer a run of ``config`` learns on ``dataset``, learned again (for runs stored without it).

    BPE and Unigram learn the same tokenizer every time; Hugging Face's WordPiece trainer breaks
    count ties in hash-map order, so on small data a second WordPiece training may learn other
    pieces: an export reads the run's stored tokenizer instead whenever there is one.
    """
    return prepare(config, dataset).vocab.options.model


class RunCode:
    """The sections of one run's code, keeping only the blocks the settings use."""

    def __init__(self, config: TrainConfig, dataset: Dataset, lang: str = "en", tokenizer: str = "") -> None:
        """``tokenizer``: the subword tokenizer JSON the run trained on; learned again when not given."""
        self.config, self.lang = config, lang
        self.task, self.dataset = resolve_task(config.run.label_mode, dataset)
        self.label_names = list(self.dataset.label_names)
        self.has_labels = self.dataset.labels is not None
        # Random labels ignore the data's labels: the split is then not stratified by them either.
        self.stratified = self.dataset.label_kind == "categorical" and self.task.reads_labels
        # Which class textlab builds for these settings, so the code builds the same one.
        with torch.device("meta"):
            model = config.model
            self.model_kind = type(build_model(2, 1, 1, model.encoder, model.pooling, 1, model.dropout,
                                               heads=1)).__name__
        self.has_validation = config.batches.val_fraction > 0 and self.task.reads_labels
        # A subword tokenizer travels inside the code as the JSON textlab learned from the training texts.
        subword = config.text.tokenizer not in TOKENIZERS
        self.tokenizer_json = (tokenizer or learned_tokenizer(config, self.dataset)) if subword else ""

    def c(self, key: str, indent: int = 0, **params: object) -> str:
        """A comment in the chosen language; continuation lines get ``indent`` spaces."""
        lines = t(f"export.{key}", self.lang, **params).split("\n")
        return f"\n{' ' * indent}".join(f"# {line}" if line else "#" for line in lines)

    def sections(self, data: DataFile | EmbeddedData) -> list[Section]:
        """Every section the settings need, in SECTION_NAMES order, reading the texts from ``data``."""
        codes = [self.imports(data), self.settings(), self.data(data), self.split(), self.vocabulary(),
                 self.batches(), self.model(), self.training_setup(), self.evaluation(), self.training_loop()]
        return [Section(name, code.strip("\n")) for name, code in zip(SECTION_NAMES, codes, strict=True) if code]

    def imports(self, data: DataFile | EmbeddedData) -> str:
        modules = {"csv", "math", "sys", *data.modules}  # sys: a diverging loss ends the run with sys.exit
        if self.config.batches.val_fraction > 0:
            modules.add("random")
        if self.config.text.tokenizer == "words":
            modules.add("re")
        lines = [f"import {module}" for module in sorted(modules)]
        if isinstance(data, DataFile):
            lines.append("from pathlib import Path")
        lines += ["", "import torch", "import torch.nn as nn"]
        if self.tokenizer_json:
            lines.append("from tokenizers import Tokenizer")
        lines.append("from torch.nn.utils.rnn import pad_sequence")
        lines.append("from torch.utils.data import DataLoader" + (", Sampler" if self.config.batches.bucketing else ""))
        return "\n".join(lines)

    def settings(self) -> str:
        text, batches, model, optimisation, run = (self.config.text, self.config.batches, self.config.model,
                                                   self.config.optimisation, self.config.run)
        values = {
            "SEED": run.seed, "VAL_FRACTION": batches.val_fraction, "LOWERCASE": text.lowercase,
            "MIN_FREQ": text.min_freq, "MAX_SIZE": text.max_size, "BATCH_SIZE": batches.batch_size,
            "SHUFFLE": batches.shuffle, "BUCKETING": batches.bucketing,
            "MAX_LENGTH": text.max_length, "EMBED_DIM": model.embed_dim,
            "HIDDEN_DIM": model.hidden_dim, "DROPOUT": model.dropout, "LR": optimisation.lr,
            "WEIGHT_DECAY": optimisation.weight_decay, "GRAD_CLIP": optimisation.grad_clip,
            "EPOCHS": optimisation.epochs, "PATIENCE": optimisation.patience, "LABEL_MODE": self.task.name,
            "LABEL_NAMES": self.label_names, "DEVICE": run.device,
        }
        if model.encoder == "transformer":
            values.update(LAYERS=model.layers, HEADS=model.heads, MAX_POSITIONS=MAX_POSITIONS)
        return "\n".join([self.c("settings"), *(f"{name} = {value!r}" for name, value in values.items())])

    def data(self, data: DataFile | EmbeddedData) -> str:
        comment = self.c("data" if isinstance(data, DataFile) else "data_embedded")
        lines = [*data.lines(comment), 'texts = [row["text"] for row in rows]']
        if self.has_labels:
            lines.append('labels = [row["label"] for row in rows]')
        return "\n".join(lines)

    def split(self) -> str:
        if self.config.batches.val_fraction == 0:
            return "\n".join([self.c("no_split"), "train_idx, val_idx = list(range(len(texts))), []"])
        groups = ("[[i for i in range(len(texts)) if labels[i] == name] for name in LABEL_NAMES]"
                  if self.stratified else "[list(range(len(texts)))]")
        return "\n".join([
            self.c("split"),
            "rng = random.Random(SEED)",
            "val_idx = []",
            f"for group in {groups}:",
            "    if group:",
            "        rng.shuffle(group)",
            "        val_idx += group[:min(round(len(group) * VAL_FRACTION), len(group) - 1)]",
            "held_out = set(val_idx)",
            "train_idx, val_idx = [i for i in range(len(texts)) if i not in held_out], sorted(val_idx)",
        ])

    def vocabulary(self) -> str:
        if self.tokenizer_json:
            return self.subword_vocabulary()
        tokenize = {"whitespace": "text.split()", "words": r're.findall(r"\w+|[^\w\s]", text)',
                    "chars": "list(text)"}[self.config.text.tokenizer]
        lines = [self.c("tokenize." + self.config.text.tokenizer), "def tokenize(text):"]
        if self.config.text.lowercase:
            lines.append("    text = text.lower()")
        lines += [f"    return {tokenize}", ""]
        source = "train_idx" if self.config.text.vocab_from == "train" else "range(len(texts))"
        lines += [
            self.c("vocab_" + self.config.text.vocab_from),
            "counts = {}",
            f"for i in {source}:",
            "    for token in tokenize(texts[i]):",
            "        counts[token] = counts.get(token, 0) + 1",
            self.c("vocab_filter"),
            'kept = [token for token, n in counts.items() if n >= MIN_FREQ and token not in ("<PAD>", "<UNK>")]',
        ]
        if self.config.text.max_size:
            lines += [
                self.c("vocab_max_size"),
                "if len(kept) > MAX_SIZE:",
                "    most_frequent = set(sorted(kept, key=lambda token: -counts[token])[:MAX_SIZE])",
                "    kept = [token for token in kept if token in most_frequent]",
            ]
        lines += [
            'token2idx = {"<PAD>": 0, "<UNK>": 1}',
            "for token in kept:",
            "    token2idx[token] = len(token2idx)",
            "",
            "def encode(text):",
            f"    {self.c('encode', 4)}",
            '    return [token2idx["<UNK>"] if token == "<PAD>" else token2idx.get(token, token2idx["<UNK>"])',
            "            for token in tokenize(text)]",
            "",
        ]
        return "\n".join(lines + self.encoding())

    def encoding(self) -> list[str]:
        """Every text's ids (cut to MAX_LENGTH when set) and the targets, after ``encode`` is defined."""
        if self.config.text.max_length:
            lines = [self.c("max_length"), "encoded_texts = [encode(text)[:MAX_LENGTH] for text in texts]"]
        else:
            lines = ["encoded_texts = [encode(text) for text in texts]"]
        return [*lines, 'print(f"vocab_size = {len(token2idx)}")', *self.task.export_targets(self.c)]

    def subword_vocabulary(self) -> str:
        lines = [
            self.c("tokenize.subword", kind=self.config.text.tokenizer),
            f"TOKENIZER_JSON = {self.tokenizer_json!r}",
            "tokenizer = Tokenizer.from_str(TOKENIZER_JSON)",
            f"tokenizer.encode_special_tokens = True  {self.c('encode')}",
            "",
            "def tokenize(text):",
        ]
        if self.config.text.lowercase:
            lines.append("    text = text.lower()")
        lines += [
            "    return tokenizer.encode(text, add_special_tokens=False).tokens",
            "",
            self.c("vocab_subword"),
            "token2idx = tokenizer.get_vocab()",
            "",
            "def encode(text):",
            '    return [token2idx.get(token, token2idx["<UNK>"]) for token in tokenize(text)]',
            "",
        ]
        return "\n".join(lines + self.encoding())

    def batches(self) -> str:
        lines = [
            self.c("batches"),
            "def epoch_batches(lengths, generator=None, shuffle=SHUFFLE):",
            "    order = torch.randperm(len(lengths), generator=generator) if shuffle else torch.arange(len(lengths))",
        ]
        if self.config.batches.bucketing:
            lines += [
                f"    {self.c('bucketing', 4, pool=BUCKET_POOL_BATCHES)}",
                "    batches = []",
                f"    for pool in order.split(BATCH_SIZE * {BUCKET_POOL_BATCHES}):",
                "        by_length = pool[torch.argsort(lengths[pool], stable=True)]",
                "        batches.extend(by_length.split(BATCH_SIZE))",
                "    if shuffle:",
                "        batches = [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]",
                "    return batches",
            ]
        else:
            lines.append("    return list(order.split(BATCH_SIZE))")
        lines += [
            "",
            "def collate(text_indices):",
            "    sequences = [torch.tensor(encoded_texts[i], dtype=torch.long) for i in text_indices]",
            "    ids = pad_sequence(sequences, batch_first=True)  # (B, T)",
            "    lengths = torch.tensor([len(sequence) for sequence in sequences])",
            "    mask = torch.arange(ids.shape[1]) < lengths[:, None]  # (B, T)",
            "    return ids, mask",
            "",
        ]
        return "\n".join(lines + self.loader())

    def loader(self) -> list[str]:
        """The training DataLoader, drawing each epoch's batches from its own seeded generator."""
        lines = [
            self.c("loader"),
            "def collate_batch(batch_idx):",
            "    return (batch_idx, *collate(batch_idx))",
            "",
            "shuffle_generator = torch.Generator().manual_seed(SEED)",
        ]
        if not self.config.batches.bucketing:
            return [*lines, "train_loader = DataLoader(train_idx, batch_size=BATCH_SIZE, shuffle=SHUFFLE,",
                    "                          collate_fn=collate_batch, generator=shuffle_generator)"]
        return [
            *lines,
            "",
            "class BucketedBatches(Sampler):",
            "    def __init__(self, lengths):",
            "        self.lengths = lengths",
            "",
            "    def __iter__(self):",
            "        for positions in epoch_batches(self.lengths, shuffle_generator):",
            "            yield positions.tolist()",
            "",
            "    def __len__(self):",
            "        return math.ceil(len(self.lengths) / BATCH_SIZE)",
            "",
            "train_lengths = torch.tensor([len(encoded_texts[i]) for i in train_idx])",
            "train_loader = DataLoader(train_idx, batch_sampler=BucketedBatches(train_lengths),",
            "                          collate_fn=collate_batch, generator=shuffle_generator)",
        ]

    def model(self) -> str:
        return model_source(self.config, self.model_kind, self.c)

    @property
    def optimizer_class(self) -> str:
        """The torch.optim class the run's optimizer setting names."""
        return {"adam": "Adam", "adamw": "AdamW", "sgd": "SGD"}[self.config.optimisation.optimizer]

    def training_setup(self) -> str:
        config = self.config
        optimizer = self.optimizer_class
        lines = [
            self.c("device"),
            'if DEVICE == "auto":',
            '    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()',
            '    DEVICE = "cuda" if torch.cuda.is_available() else "mps" if mps else "cpu"',
            "device = torch.device(DEVICE)",
            "",
            self.c("seed"),
            "torch.manual_seed(SEED)",
            *(["dropout_generator = torch.Generator(device).manual_seed(SEED + 2)"]
              if self.config.model.dropout else []),
            f"model = {self.model_kind}(len(token2idx), EMBED_DIM, {self.task.export_output_dim()}).to(device)",
            "",
            self.c("criterion"),
            f"criterion = nn.{self.task.loss_name}()",
            f"optimizer = torch.optim.{optimizer}(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY,",
            f"{' ' * (len(optimizer) + 25)}fused=device.type in (\"cpu\", \"cuda\"))",
        ]
        if config.optimisation.lr_schedule == "step":
            lines += [self.c("schedule.step"), "scheduler = torch.optim.lr_scheduler.StepLR(optimizer, "
                      f"step_size={math.ceil(config.optimisation.epochs / 4)}, gamma=0.5)"]
        elif config.optimisation.lr_schedule == "cosine":
            lines += [self.c("schedule.cosine"), "steps_per_epoch = math.ceil(len(train_idx) / BATCH_SIZE)",
                      "scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, "
                      "T_max=steps_per_epoch * EPOCHS)"]
        elif config.optimisation.lr_schedule == "plateau":
            lines += [self.c("schedule.plateau"), "scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau("
                      "optimizer, factor=0.5, patience=1)"]
        return "\n".join(lines)

    def evaluation(self) -> str:
        if not self.has_validation:
            return ""
        return "\n".join([
            self.c("evaluation"),
            "@torch.no_grad()",
            "def evaluate():",
            "    model.eval()",
            "    outputs = torch.empty(len(val_idx), model.fc.out_features)",
            "    val_lengths = torch.tensor([len(encoded_texts[i]) for i in val_idx])",
            "    for positions in epoch_batches(val_lengths, shuffle=False):",
            "        ids, mask = collate([val_idx[p] for p in positions.tolist()])",
            "        outputs[positions] = model(ids.to(device), mask.to(device)).float().cpu()",
            *self.task.export_evaluation(),
        ])

    def training_loop(self) -> str:
        config = self.config
        lines = [self.c("loop"), *self.task.export_label_generator()]
        if config.optimisation.patience and self.has_validation:
            lines.append("best_val_loss, best_state, epochs_without_gain = math.inf, None, 0")
        lines += [
            "for epoch in range(1, EPOCHS + 1):",
            "    model.train()",
            "    loss_total, texts_seen = 0.0, 0",
            "    for batch_idx, ids, mask in train_loader:",
            "        outputs = model(ids.to(device), mask.to(device))  # (B, output_dim)",
        ]
        lines += self.task.export_batch_labels(self.c)
        lines += [
            "        loss = criterion(outputs, labels_batch)",
            "        loss_value = loss.item()",
            "        if not math.isfinite(loss_value):",
            f"            sys.exit({t('export.print.diverged', self.lang)!r})",
            "",
            f"        {self.c('backward', 8)}",
            "        optimizer.zero_grad()",
            "        loss.backward()",
        ]
        if config.optimisation.grad_clip:
            lines.append("        nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)")
        lines.append("        optimizer.step()")
        if config.optimisation.lr_schedule == "cosine":
            lines.append("        scheduler.step()")
        lines += [
            "        loss_total, texts_seen = loss_total + loss_value * len(batch_idx), texts_seen + len(batch_idx)",
            "",
            "    train_loss = loss_total / max(texts_seen, 1)",
        ]
        lines += self._epoch_end()
        return "\n".join(lines)

    def _epoch_end(self) -> list[str]:
        config, lang = self.config, self.lang
        printed = f"    print(f{t('export.print.epoch', lang)!r}"
        if not self.has_validation:
            lines = [printed + ")"]
            if config.optimisation.lr_schedule == "step":
                lines.insert(0, "    scheduler.step()")
            elif config.optimisation.lr_schedule == "plateau":
                lines.insert(0, "    scheduler.step(train_loss)")
            return lines
        second = self.task.export_second_metric
        lines = [f"    val_loss, {second} = evaluate()"]
        if config.optimisation.lr_schedule == "step":
            lines.append("    scheduler.step()")
        elif config.optimisation.lr_schedule == "plateau":
            lines.append("    scheduler.step(val_loss)")
        lines.append(f"    print(f{t('export.print.epoch_val_' + second, lang)!r})")
        if config.optimisation.patience:
            lines += [
                "    if val_loss < best_val_loss:",
                "        best_val_loss, epochs_without_gain = val_loss, 0",
                "        best_state = {name: tensor.detach().clone() for name, tensor in model.state_dict().items()}",
                "    else:",
                "        epochs_without_gain += 1",
                "    if epochs_without_gain >= PATIENCE:",
                f"        {self.c('early_stopping', 8)}",
                "        if best_state is not None:",
                "            model.load_state_dict(best_state)",
                f"        print(f{t('export.print.early_stopping', lang)!r})",
                "        break",
            ]
        return lines

