"""Small datasets written for textlab and shipped inside the package, one per teaching point."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from textlab.data.dataset import Dataset, read_file
from textlab.errors import DataError


@dataclass(frozen=True)
class Sample:
    """A bundled data file with the translation keys of its title and description."""

    name: str
    title_key: str
    description_key: str
    filename: str


def _sample(name: str, filename: str) -> Sample:
    """A Sample whose translation keys follow its name."""
    return Sample(name, f"sample.{name}.title", f"sample.{name}.description", filename)


SAMPLES: dict[str, Sample] = {
    "notebook": _sample("notebook", "notebook.txt"),
    "sentiment": _sample("sentiment", "sentiment.tsv"),
    "ratings": _sample("ratings", "ratings.tsv"),
    "word_order": _sample("word_order", "word_order.tsv"),
    "rare_words": _sample("rare_words", "rare_words.tsv"),
}


def sample_bytes(name: str) -> bytes:
    """The raw file of the sample ``name``, as a download button offers it."""
    if name not in SAMPLES:
        raise DataError("data.unknown_sample", name=name, choices=", ".join(SAMPLES))
    return resources.files(__name__).joinpath(SAMPLES[name].filename).read_bytes()


def load_sample(name: str) -> Dataset:
    """The sample ``name`` read the same way as an uploaded file."""
    raw = sample_bytes(name)
    return read_file(SAMPLES[name].filename, raw)
