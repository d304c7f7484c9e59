"""Export a run as a Jupyter notebook: the script's code sections, each under a markdown cell explaining it.

The code cells are the exported script's sections (``textlab.runs.export_code``), so the notebook
prints the same losses; only the data section differs: the run's CSV sits inside the data cell, so
one ``.ipynb`` file opens in Jupyter or Colab with nothing else to upload.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import nbformat
import torch
from nbformat import v4

from textlab.data.dataset import Dataset
from textlab.i18n import Counted, option_label, plural, t
from textlab.i18n.numbers import format_decimal, format_integer
from textlab.runs.export_code import EmbeddedData, RunCode, Section
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd

# A data cell with more rows than this starts folded (JupyterLab and Notebook 7 honour it).
FOLDED_DATA_ROWS = 20


def export_notebook(config: TrainConfig, dataset: Dataset, lang: str = "en", title: str = "", tokenizer: str = "",
                    recorded: Sequence[EpochEnd] = ()) -> str:
    """The ``.ipynb`` (JSON) that trains ``config`` on ``dataset``, explained in ``lang``.

    ``tokenizer`` is the run's subword tokenizer JSON (learned again when not given); ``recorded``
    the run's epochs, listed at the end so a reader sees the printed losses repeat them.
    """
    code = RunCode(config, dataset, lang, tokenizer)
    packages = "tokenizers" if code.tokenizer_json else "torch"
    cells = [v4.new_markdown_cell(t("notebook.intro", lang, title=html.escape(title or "textlab"),
                                    version=torch.__version__.split("+")[0],
                                    packages=t(f"notebook.packages.{packages}", lang)))]
    for section in code.sections(EmbeddedData(dataset)):
        cells.append(v4.new_markdown_cell(_explanation(section.name, code, dataset)))
        cells.append(_code_cell(section, len(dataset)))
    cells.append(v4.new_markdown_cell(_losses(code, recorded)))
    for number, cell in enumerate(cells):
        cell["id"] = f"textlab-{number}"  # the same run always gives the same file
    notebook = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(notebook)
    return nbformat.writes(notebook)


def _code_cell(section: Section, rows: int) -> nbformat.NotebookNode:
    cell = v4.new_code_cell(section.code)
    if section.name == "data" and rows > FOLDED_DATA_ROWS:
        cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def _explanation(name: str, code: RunCode, dataset: Dataset) -> str:
    """The markdown above section ``name``: what it does, with this run's settings."""
    lang, config, task = code.lang, code.config, code.task
    if name == "imports":
        return t("notebook.imports", lang) + (t("notebook.imports.tokenizers", lang) if code.tokenizer_json else "")
    if name == "data":
        return t("notebook.data", lang, texts=plural("notebook.texts", len(dataset), lang), labels=_labels(code))
    if name == "split":
        if config.batches.val_fraction == 0:
            return t("notebook.split.none", lang)
        stratified = t("notebook.split.stratified", lang) if code.stratified else ""
        return t("notebook.split", lang, share=config.batches.val_fraction, stratified=stratified)
    if name == "vocabulary":
        kind = config.text.tokenizer
        if code.tokenizer_json:
            return t("notebook.vocabulary.subword", lang, kind=option_label("tokenizer", kind, lang))
        return t(f"notebook.vocabulary.{kind}", lang) + t("notebook.vocabulary.words_rest", lang)
    if name == "batches":
        order = ("bucketing" if config.batches.bucketing else "shuffled") if config.batches.shuffle else "fixed"
        return t("notebook.batches", lang, batch_size=Counted("texts", config.batches.batch_size),
                 order=t(f"notebook.order.{order}", lang))
    if name == "model":
        return _model(code)
    if name == "training_setup":
        schedule = config.optimisation.lr_schedule
        return t("notebook.training_setup", lang, loss=task.loss_name,
                 loss_meaning=t(f"notebook.loss.{task.loss_name}", lang),
                 optimizer=f"torch.optim.{code.optimizer_class}",
                 schedule="" if schedule == "none" else t("notebook.schedule", lang,
                                                          schedule=option_label("lr_schedule", schedule, lang)))
    if name == "evaluation":
        return t("notebook.evaluation", lang, metric=t(f"notebook.metric.{task.export_second_metric}", lang))
    if name == "training_loop":
        labels = "" if task.reads_labels else t("notebook.loop.random_labels", lang)
        return t("notebook.training_loop", lang, labels=labels)
    return t(f"notebook.{name}", lang)


def _labels(code: RunCode) -> str:
    lang, task = code.lang, code.task
    if not code.has_labels:
        return t("notebook.labels.none", lang)
    if not task.reads_labels:
        return t("notebook.labels.ignored", lang)
    if task.has_classes:
        names = ", ".join(f"`{html.escape(name)}`" for name in code.label_names)
        return t("notebook.labels.classification", lang, classes=Counted("classes", len(code.label_names)), names=names)
    return t("notebook.labels.regression", lang)


def _model(code: RunCode) -> str:
    lang, model = code.lang, code.config.model
    outputs = t("notebook.outputs.classes" if code.task.has_classes else "notebook.outputs.one", lang)
    if code.model_kind == "SimpleModel":
        return t("notebook.model.simple", lang, outputs=outputs)
    encoder = t(f"notebook.encoder.{model.encoder}", lang)
    if model.encoder == "transformer":
        encoder = t("notebook.encoder.transformer", lang, layers=plural("notebook.layers", model.layers, lang),
                    heads=plural("notebook.heads", model.heads, lang))
    return t("notebook.model.text", lang, encoder=encoder, pooling=option_label("pooling", model.pooling, lang),
             outputs=outputs)


def _losses(code: RunCode, recorded: Sequence[EpochEnd]) -> str:
    """The last cell: how to read the printed losses, and the ones textlab recorded for this run."""
    lang, task = code.lang, code.task
    if not task.reads_labels:
        meaning = t("notebook.losses.random", lang)
    elif task.has_classes:
        classes = len(code.label_names)
        meaning = t("notebook.losses.classification", lang, count=classes, classes=Counted("classes", classes),
                    chance=math.log(classes))
    else:
        meaning = t("notebook.losses.regression", lang)
    if code.has_validation:
        meaning += t("notebook.losses.validation", lang)
    text = t("notebook.losses", lang, task=meaning)
    if not recorded:
        return text
    columns = ["epoch", "last_loss", "train_loss", *(["val_loss"] if code.has_validation else [])]
    rows = [[format_integer(epoch.epoch, lang), format_decimal(epoch.last_loss, lang, 8),
             format_decimal(epoch.train_loss, lang, 8),
             *([format_decimal(epoch.val_loss, lang, 8)] if code.has_validation else [])] for epoch in recorded]
    table = [" | ".join(t(f"notebook.col.{column}", lang) for column in columns), " | ".join(["---:"] * len(columns)),
             *(" | ".join(row) for row in rows)]
    return text + t("notebook.recorded", lang) + "\n\n" + "\n".join(f"| {line} |" for line in table)
