"""The default path reproduces the notebook exactly: vocabulary, encoding, padding, model and run."""

from __future__ import annotations

import torch
import torch.nn as nn

from textlab.model.models import SimpleModel, build_model
from textlab.text.batching import EncodedTexts, batch_indices
from textlab.text.corpus import build_vocab
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd, Finished, RunStarted, Step
from textlab.train.loop import TrainingRun, train

NOTEBOOK_TOKEN2IDX = {"<PAD>": 0, "<UNK>": 1, "exemplo": 2, "de": 3, "texto": 4, "1": 5, "mais": 6, "um": 7,
                      "PyTorch": 8, "é": 9, "incrível": 10}


class NotebookSimpleModel(nn.Module):
    """Copied from the notebook, unchanged."""

    def __init__(self, vocab_size, embed_dim):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.fc = nn.Linear(embed_dim, 1)

    def forward(self, x):
        embedded = self.embedding(x)
        pooled = embedded.mean(dim=1)
        out = self.fc(pooled)
        return out


def notebook_token2idx(texts):
    token2idx = {"<PAD>": 0, "<UNK>": 1}
    for text in texts:
        for token in text.split():
            if token not in token2idx:
                token2idx[token] = len(token2idx)
    return token2idx


def notebook_encode(token2idx, text):
    return [token2idx.get(token, token2idx["<UNK>"]) for token in text.split()]


def notebook_collate(sequences):
    return nn.utils.rnn.pad_sequence([torch.tensor(seq) for seq in sequences], batch_first=True)


def test_token2idx_is_the_notebooks(notebook_texts):
    vocab = build_vocab(notebook_texts)
    assert vocab.token2idx == NOTEBOOK_TOKEN2IDX
    assert vocab.token2idx == notebook_token2idx(notebook_texts)
    assert vocab.idx2token == list(NOTEBOOK_TOKEN2IDX)


def test_encode_matches_the_notebook(notebook_texts):
    vocab = build_vocab(notebook_texts)
    token2idx = notebook_token2idx(notebook_texts)
    for text in [*notebook_texts, "texto novo de exemplo", "PyTorch  é\tmuito incrível", ""]:
        assert vocab.encode(text) == notebook_encode(token2idx, text)


def test_unknown_tokens_are_one(notebook_texts):
    vocab = build_vocab(notebook_texts)
    assert vocab.encode("exemplo desconhecido de Exemplo") == [2, 1, 3, 1]


def test_padded_batch_equals_pad_sequence_on_notebook_texts(notebook_texts):
    vocab = build_vocab(notebook_texts)
    sequences = [vocab.encode(text) for text in notebook_texts]
    encoded = EncodedTexts.from_lists(sequences)
    for indices in ([0, 1], [2], [2, 0, 1], [1, 2]):
        batch = encoded.collate(indices)
        expected = notebook_collate([sequences[i] for i in indices])
        assert batch.ids.dtype == expected.dtype
        assert torch.equal(batch.ids, expected)


def test_padded_batch_equals_pad_sequence_on_random_sequences():
    generator = torch.Generator().manual_seed(0)
    for _ in range(30):
        count = int(torch.randint(1, 9, (1,), generator=generator))
        sequences = [torch.randint(1, 50, (int(torch.randint(1, 12, (1,), generator=generator)),),
                                   generator=generator).tolist() for _ in range(count)]
        encoded = EncodedTexts.from_lists(sequences)
        indices = torch.randperm(count, generator=generator)[:max(1, count // 2 + 1)]
        expected = notebook_collate([sequences[i] for i in indices.tolist()])
        assert torch.equal(encoded.collate(indices).ids, expected)


def test_first_unshuffled_batch_of_two(notebook_texts):
    vocab = build_vocab(notebook_texts)
    encoded = EncodedTexts.from_lists([vocab.encode(text) for text in notebook_texts])
    batches = batch_indices(encoded.lengths, batch_size=2, shuffle=False)
    assert [b.tolist() for b in batches] == [[0, 1], [2]]
    assert torch.equal(encoded.collate(batches[0]).ids, torch.tensor([[2, 3, 4, 5, 0], [6, 7, 4, 3, 2]]))


def test_simple_model_has_the_notebooks_layers():
    model = SimpleModel(11, 10)
    assert [name for name, _ in model.named_children()] == ["embedding", "fc"]
    assert isinstance(model.embedding, nn.Embedding) and model.embedding.weight.shape == (11, 10)
    assert model.embedding.padding_idx is None  # the notebook learns the PAD row like any other
    assert isinstance(model.fc, nn.Linear) and model.fc.weight.shape == (1, 10) and model.fc.bias.shape == (1,)
    reference = NotebookSimpleModel(11, 10)
    assert {n: p.shape for n, p in model.named_parameters()} == {n: p.shape for n, p in reference.named_parameters()}


def test_simple_model_output_equals_the_notebooks(notebook_texts):
    vocab = build_vocab(notebook_texts)
    sequences = [vocab.encode(text) for text in notebook_texts]
    batch = EncodedTexts.from_lists(sequences).collate([0, 1, 2])
    torch.manual_seed(7)
    reference = NotebookSimpleModel(len(vocab), 10)
    torch.manual_seed(7)
    model = SimpleModel(len(vocab), 10)
    # Same seed, same construction order: the same initial weights without copying...
    for (name, ours), (_, theirs) in zip(model.state_dict().items(), reference.state_dict().items(), strict=True):
        assert torch.equal(ours, theirs), name
    # ...and after copying random other weights in, still the same output, PAD averaged in.
    with torch.no_grad():
        for parameter in reference.parameters():
            parameter.normal_()
    model.load_state_dict(reference.state_dict())
    expected = reference(notebook_collate(sequences))
    assert torch.equal(model(batch.ids, batch.mask), expected)
    assert expected.shape == (3, 1)
    # PAD is in the mean: the short third text's output is not its unpadded output.
    alone = reference(torch.tensor([sequences[2]]))
    assert not torch.allclose(alone, expected[2:3])


def test_build_model_gives_simple_model_for_notebook_settings():
    config = TrainConfig()
    model = build_model(11, config.model.embed_dim, 1, config.model.encoder, config.model.pooling,
                        config.model.hidden_dim, config.model.dropout)
    assert type(model) is SimpleModel


def test_train_config_defaults_are_the_notebooks():
    config = TrainConfig()
    assert config.model.embed_dim == 10
    assert config.optimisation.lr == 0.001
    assert config.batches.batch_size == 2
    assert config.optimisation.epochs == 3
    assert config.optimisation.optimizer == "adam"
    assert config.model.pooling == "mean" and config.model.encoder == "none" and config.model.dropout == 0.0
    assert config.batches.shuffle is True
    assert config.run.label_mode == "auto"  # random on unlabelled data, checked below
    assert config.batches.val_fraction == 0.0
    assert config.text.tokenizer == "whitespace" and config.text.lowercase is False


def test_default_run_on_notebook_texts(notebook_dataset):
    events = list(train(TrainConfig.of(device="cpu"), notebook_dataset))
    started = events[0]
    assert isinstance(started, RunStarted)
    assert started.label_mode == "random" and started.num_outputs == 1
    assert started.vocab_size == len(NOTEBOOK_TOKEN2IDX)
    assert started.train_size == 3 and started.val_size == 0 and started.steps_per_epoch == 2
    epoch_ends = [e for e in events if isinstance(e, EpochEnd)]
    assert [e.epoch for e in epoch_ends] == [1, 2, 3]
    assert all(e.val_loss is None and e.metrics == {} for e in epoch_ends)
    assert len([e for e in events if isinstance(e, Step)]) == 6
    assert events[-1] == Finished("completed", 3)


def test_default_run_uses_mse_and_notebook_model(notebook_dataset):
    run = TrainingRun(TrainConfig.of(device="cpu"), notebook_dataset)
    assert isinstance(run.loss_fn, nn.MSELoss)
    assert type(run.model) is SimpleModel
    assert isinstance(run.optimizer, torch.optim.Adam) and run.optimizer.param_groups[0]["lr"] == 0.001
    assert run.vocab.token2idx == NOTEBOOK_TOKEN2IDX
    assert run.targets is None
    # Random labels: the loss is MSE against N(0, 1) draws, not against anything in the data.
    batch = run.encoded.collate([0, 1])
    first = run.loss(batch, torch.Generator().manual_seed(1)).item()
    second = run.loss(batch, torch.Generator().manual_seed(2)).item()
    outputs = run.model(batch.ids, batch.mask).detach()
    labels = torch.randn(2, 1, generator=torch.Generator().manual_seed(1))
    assert first == torch.nn.functional.mse_loss(outputs, labels).item()
    assert first != second
