"""Export a run as a standalone PyTorch script, in the notebook's style, plus its data as CSV.

The script is the run's code sections (``textlab.runs.export_code``) under a header that says
how to run it; it reads the CSV written beside it.
"""

from __future__ import annotations

import io
import zipfile

import torch

from textlab.data.dataset import Dataset
from textlab.runs.export_code import DataFile, RunCode, dataset_csv
from textlab.train.config import TrainConfig

__all__ = ["dataset_csv", "export_script", "export_zip"]


def export_script(config: TrainConfig, dataset: Dataset, data_file: str, lang: str = "en", title: str = "",
                  tokenizer: str = "") -> str:
    """The Python source of a script that trains ``config`` on the CSV at ``data_file`` (relative to it).

    ``tokenizer`` is the subword tokenizer JSON the run trained on (learned again when not given).
    """
    code = RunCode(config, dataset, lang, tokenizer)
    header = "\n".join([
        "#!/usr/bin/env python3",
        code.c("header", title=title or "textlab"),
        code.c("usage", data_file=data_file),
        code.c("reproduces", version=torch.__version__.split("+")[0]),
    ])
    return "\n\n".join([header, *(section.code for section in code.sections(DataFile(data_file)))]) + "\n"


def export_zip(config: TrainConfig, dataset: Dataset, stem: str, lang: str = "en", title: str = "",
               tokenizer: str = "") -> bytes:
    """``<stem>.py`` and ``<stem>-data.csv`` in one zip, ready to unpack and run."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{stem}.py", export_script(config, dataset, f"{stem}-data.csv", lang, title, tokenizer))
        archive.writestr(f"{stem}-data.csv", dataset_csv(dataset))
    return buffer.getvalue()
