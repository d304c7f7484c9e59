"""Shared fixtures: the notebook's texts, small learnable data sets and the real data folder."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import torch

from tests.services import RAY_VARIABLE, empty_postgres_url, service_address
from textlab.data.dataset import Dataset

# The tests train tiny models: one thread avoids thread start-up costs and fights over 2 shared cores.
torch.set_num_threads(1)

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
NOTEBOOK_TEXTS = ("exemplo de texto 1", "mais um texto de exemplo", "PyTorch é incrível")

POSITIVE_WORDS = ("bom", "ótimo", "excelente", "adorei", "perfeito", "recomendo")
NEGATIVE_WORDS = ("ruim", "péssimo", "horrível", "odiei", "defeito", "quebrou")
NEUTRAL_WORDS = ("produto", "entrega", "caixa", "loja", "preço", "cor", "chegou", "o", "a", "muito")


def sentiment_texts(count: int = 80, seed: int = 0) -> tuple[list[str], list[int]]:
    """Texts of neutral words plus one or two positive (label 1) or negative (label 0) words."""
    rng = random.Random(seed)
    texts, labels = [], []
    for index in range(count):
        label = index % 2
        words = rng.choices(NEUTRAL_WORDS, k=rng.randint(2, 8))
        for _ in range(rng.randint(1, 2)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(POSITIVE_WORDS if label else NEGATIVE_WORDS))
        texts.append(" ".join(words))
        labels.append(label)
    return texts, labels


@pytest.fixture(autouse=True)
def isolated_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes runs into the checkout's ./textlab-data."""
    monkeypatch.setenv("TEXTLAB_DATA_DIR", str(tmp_path_factory.mktemp("store")))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str | None:
    """Each store test runs on SQLite (None: the file in the data directory) and on an empty PostgreSQL."""
    return None if request.param == "sqlite" else empty_postgres_url()


@pytest.fixture(scope="session")
def ray_address() -> str:
    """The test Ray cluster, joined once per test session (joining costs seconds)."""
    address = service_address(RAY_VARIABLE, "a Ray cluster")
    from textlab.train.ray_jobs import connect

    connect(address)
    return address


@pytest.fixture
def notebook_texts() -> tuple[str, ...]:
    return NOTEBOOK_TEXTS


@pytest.fixture
def notebook_dataset() -> Dataset:
    return Dataset(texts=NOTEBOOK_TEXTS, labels=None, label_kind="none", label_names=())


@pytest.fixture
def classification_dataset() -> Dataset:
    """80 texts, "pos"/"neg" by the sentiment words they contain: learnable to ~100% accuracy."""
    texts, labels = sentiment_texts()
    names = ("neg", "pos")
    return Dataset(texts=tuple(texts), labels=tuple(names[label] for label in labels),
                   label_kind="categorical", label_names=names)


@pytest.fixture
def regression_dataset() -> Dataset:
    """80 texts whose target is (positive words - negative words) * 2 + 1: a linear function of the counts."""
    texts, _ = sentiment_texts(seed=1)
    targets = []
    for text in texts:
        words = text.split()
        score = sum(word in POSITIVE_WORDS for word in words) - sum(word in NEGATIVE_WORDS for word in words)
        targets.append(str(score * 2 + 1))
    return Dataset(texts=tuple(texts), labels=tuple(targets), label_kind="numeric", label_names=())


def shared_data_dir() -> Path:
    """The workplace's real data folder, or a skip when it is absent (as on a user's machine)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder not found: {SHARED_DATA} (it exists only in the workplace)")
    return SHARED_DATA


@pytest.fixture
def shared_data() -> Path:
    return shared_data_dir()
