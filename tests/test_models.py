"""Models: masked poolings ignore padding, the plain mean does not, shapes and gradients."""

from __future__ import annotations

import pytest
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from textlab.errors import ConfigError, DataError
from textlab.model.models import (
    ENCODERS,
    MAX_POSITIONS,
    SimpleModel,
    TextModel,
    build_model,
    last_real,
    masked_max,
    masked_mean,
)
from textlab.text.batching import EncodedTexts

VOCAB_SIZE, EMBED_DIM, HIDDEN_DIM = 30, 6, 5
MASKED_POOLINGS = ("masked_mean", "max", "attention", "last")
SHORT = [4, 7, 2]
LONG = [3, 9, 12, 5, 5, 8, 20, 11, 2, 6, 14, 17, 9, 3, 22, 4]


def tiny_model(encoder: str, pooling: str, output_dim: int = 1, seed: int = 0) -> TextModel:
    torch.manual_seed(seed)
    model = TextModel(VOCAB_SIZE, EMBED_DIM, output_dim, encoder, pooling, hidden_dim=HIDDEN_DIM)
    return model.eval()


def batch_of(*sequences: list[int]):
    return EncodedTexts.from_lists(list(sequences)).collate(list(range(len(sequences))))


@pytest.mark.parametrize("encoder", ENCODERS)
@pytest.mark.parametrize("pooling", MASKED_POOLINGS)
def test_masked_models_ignore_padding(encoder, pooling):
    model = tiny_model(encoder, pooling)
    alone = batch_of(SHORT)
    padded = batch_of(LONG, SHORT, [1])
    assert padded.ids.shape[1] == len(LONG) and padded.mask[1].sum() == len(SHORT)
    with torch.no_grad():
        expected = model(alone.ids, alone.mask)[0]
        inside = model(padded.ids, padded.mask)[1]
        # Moving the text to the front of the batch changes nothing either.
        front = batch_of(SHORT, LONG)
        first = model(front.ids, front.mask)[0]
    torch.testing.assert_close(inside, expected, atol=1e-5, rtol=0)
    torch.testing.assert_close(first, expected, atol=1e-5, rtol=0)


@pytest.mark.parametrize("encoder", ENCODERS)
def test_plain_mean_changes_with_padding(encoder):
    model = tiny_model(encoder, "mean")
    alone = batch_of(SHORT)
    padded = batch_of(LONG, SHORT)
    with torch.no_grad():
        expected = model(alone.ids, alone.mask)[0]
        inside = model(padded.ids, padded.mask)[1]
    assert not torch.allclose(inside, expected, atol=1e-3)
    # Precisely: the mean over T positions counts the PAD vectors.
    with torch.no_grad():
        trace = model.trace(padded.ids, padded.mask)
    torch.testing.assert_close(trace.pooled[1], trace.encoded[1].mean(0))


def test_simple_model_changes_with_padding():
    torch.manual_seed(0)
    model = SimpleModel(VOCAB_SIZE, EMBED_DIM)
    with torch.no_grad():
        alone = model(torch.tensor([SHORT]))[0]
        inside = model(batch_of(LONG, SHORT).ids)[1]
        pad_vector = model.embedding.weight[0]
        expected = model.fc((model.embedding(torch.tensor(SHORT)).sum(0) + pad_vector * (len(LONG) - len(SHORT)))
                            / len(LONG))
    assert not torch.allclose(alone, inside, atol=1e-3)
    torch.testing.assert_close(inside, expected)


@pytest.mark.parametrize("encoder", ENCODERS)
def test_attention_weights_sum_to_one_over_real_tokens(encoder):
    model = tiny_model(encoder, "attention")
    batch = batch_of(LONG, SHORT, [5], [])
    with torch.no_grad():
        weights = model.trace(batch.ids, batch.mask).attention
    assert weights.shape == batch.ids.shape
    assert torch.all(weights[~batch.mask] == 0)
    assert torch.all(weights[batch.mask] > 0)
    torch.testing.assert_close(weights[:3].sum(1), torch.ones(3))
    assert weights[3].sum() == 0  # an empty text has no token to attend to


def test_non_attention_poolings_have_no_weights():
    batch = batch_of(SHORT)
    for pooling in ("mean", "masked_mean", "max", "last"):
        assert tiny_model("none", pooling).trace(batch.ids, batch.mask).attention is None


@pytest.mark.parametrize("encoder", ENCODERS)
@pytest.mark.parametrize("pooling", ("mean", *MASKED_POOLINGS))
def test_output_sizes(encoder, pooling):
    batch = batch_of(LONG, SHORT, [])
    assert tiny_model(encoder, pooling, 1)(batch.ids, batch.mask).shape == (3, 1)
    assert tiny_model(encoder, pooling, 4)(batch.ids, batch.mask).shape == (3, 4)
    trace = tiny_model(encoder, pooling, 4).trace(batch.ids, batch.mask)
    features = HIDDEN_DIM if encoder in ("gru", "lstm") else EMBED_DIM
    assert trace.embedded.shape == (3, len(LONG), EMBED_DIM)
    assert trace.encoded.shape == (3, len(LONG), features)
    assert trace.pooled.shape == (3, features)


def test_masked_mean_by_hand():
    values = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]],
                           [[5.0, -1.0], [7.0, 7.0], [9.0, 0.0]],
                           [[8.0, 8.0], [8.0, 8.0], [8.0, 8.0]]])
    mask = torch.tensor([[True, True, False], [True, True, True], [False, False, False]])
    assert masked_mean(values, mask).tolist() == [[2.0, 3.0], [7.0, 2.0], [0.0, 0.0]]


def test_masked_max_and_last_by_hand():
    values = torch.tensor([[[1.0, -2.0], [3.0, -4.0], [100.0, 100.0]],
                           [[-5.0, -1.0], [-7.0, 7.0], [9.0, 0.0]]])
    mask = torch.tensor([[True, True, False], [True, True, True]])
    assert masked_max(values, mask).tolist() == [[3.0, -2.0], [9.0, 7.0]]
    assert last_real(values, mask.sum(1)).tolist() == [[3.0, -4.0], [9.0, 0.0]]


@pytest.mark.parametrize("encoder", ENCODERS)
@pytest.mark.parametrize("pooling", MASKED_POOLINGS)
def test_embedding_gradient_only_on_batch_tokens_and_never_on_pad(encoder, pooling):
    model = tiny_model(encoder, pooling).train()
    batch = batch_of(LONG, SHORT)
    model(batch.ids, batch.mask).sum().backward()
    gradient = model.embedding.weight.grad
    in_batch = set(batch.ids[batch.mask].tolist())
    for token in range(VOCAB_SIZE):
        if token not in in_batch:
            assert torch.all(gradient[token] == 0), token
    assert torch.all(gradient[0] == 0)  # PAD: masked pooling + padding_idx
    assert any(gradient[token].abs().sum() > 0 for token in in_batch)


def test_plain_mean_learns_the_pad_row():
    # The notebook's model averages PAD in, so PAD's row gets a gradient where a batch is padded.
    for model in (tiny_model("none", "mean").train(), SimpleModel(VOCAB_SIZE, EMBED_DIM)):
        batch = batch_of(LONG, SHORT)
        model(batch.ids, batch.mask).sum().backward()
        gradient = model.embedding.weight.grad
        assert gradient[0].abs().sum() > 0
        unused = set(range(VOCAB_SIZE)) - set(batch.ids.flatten().tolist())
        assert unused and all(torch.all(gradient[token] == 0) for token in unused)


def test_build_model_choices():
    assert type(build_model(11, 10, 1)) is SimpleModel
    assert type(build_model(11, 10, 1, "none", "mean", dropout=0.0)) is SimpleModel
    assert isinstance(build_model(11, 10, 1, "none", "masked_mean"), TextModel)
    assert isinstance(build_model(11, 10, 1, "gru", "mean"), TextModel)
    assert isinstance(build_model(11, 10, 1, "none", "mean", dropout=0.5), TextModel)
    model = build_model(11, 10, 3, "lstm", "attention", hidden_dim=7)
    assert isinstance(model.rnn, torch.nn.LSTM) and model.fc.out_features == 3 and model.rnn.hidden_size == 7


def test_unknown_encoder_or_pooling_names_the_choices():
    with pytest.raises(ConfigError) as caught:
        TextModel(10, 4, encoder="cnn")
    assert "gru" in str(caught.value) and "lstm" in str(caught.value)
    with pytest.raises(ConfigError) as caught:
        TextModel(10, 4, pooling="sum")
    assert "masked_mean" in str(caught.value) and "attention" in str(caught.value)


@pytest.mark.parametrize("encoder", ["gru", "lstm"])
def test_the_recurrent_encoder_gives_what_packing_the_batch_gives(encoder):
    torch.manual_seed(0)
    model = TextModel(30, 6, 2, encoder, "masked_mean", hidden_dim=5)
    lengths = torch.tensor([7, 3, 1, 0, 5])  # an empty text too: packing runs its first step
    mask = torch.arange(7) < lengths[:, None]
    embedded = torch.randn(5, 7, 6, requires_grad=True)
    packed = pack_padded_sequence(embedded, lengths.clamp(min=1), batch_first=True, enforce_sorted=False)
    expected, _ = pad_packed_sequence(model.rnn(packed)[0], batch_first=True, total_length=7)
    encoded = model._encode(embedded, mask)
    torch.testing.assert_close(encoded, expected)
    (expected_grad,) = torch.autograd.grad(expected.square().sum(), embedded)
    (grad,) = torch.autograd.grad(encoded.square().sum(), embedded)
    torch.testing.assert_close(grad, expected_grad)


def test_transformer_parts_follow_the_settings():
    model = build_model(11, 12, 2, "transformer", "masked_mean", hidden_dim=7, layers=3, heads=4)
    assert len(model.transformer.layers) == 3 and model.rnn is None
    layer = model.transformer.layers[0]
    assert layer.self_attn.num_heads == 4 and layer.linear1.out_features == 7
    assert model.positions.weight.shape == (MAX_POSITIONS, 12) and model.fc.in_features == 12


def test_transformer_heads_must_divide_the_embedding_size():
    with pytest.raises(ConfigError) as caught:
        TextModel(10, 10, encoder="transformer", heads=3)
    assert "10" in str(caught.value) and "3" in str(caught.value)
    TextModel(10, 9, encoder="transformer", heads=3)  # a multiple is fine
    TextModel(10, 10, encoder="gru", heads=3)  # heads mean nothing without a transformer


def test_transformer_sees_word_order_and_the_bag_does_not():
    swapped = batch_of([4, 7, 2], [2, 7, 4])
    with torch.no_grad():
        bag = tiny_model("none", "masked_mean")(swapped.ids, swapped.mask)
        transformer = tiny_model("transformer", "masked_mean")(swapped.ids, swapped.mask)
    torch.testing.assert_close(bag[0], bag[1])
    assert not torch.allclose(transformer[0], transformer[1], atol=1e-4)


def test_transformer_rejects_texts_beyond_its_positions():
    model = tiny_model("transformer", "masked_mean")
    fits = torch.ones(1, MAX_POSITIONS, dtype=torch.long)
    with torch.no_grad():
        assert model(fits, fits.bool()).shape == (1, 1)
        with pytest.raises(DataError) as caught:
            too_long = torch.ones(1, MAX_POSITIONS + 1, dtype=torch.long)
            model(too_long, too_long.bool())
    assert str(MAX_POSITIONS) in caught.value.message("pt")
