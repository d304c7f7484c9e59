"""One batch step by step, the gradient check, predictions and error analysis: all on copies of the model."""

from __future__ import annotations

import pytest
import torch

from textlab.analysis.inspection import forward_pass, frozen_copy, gradient_check, text_label
from textlab.analysis.predictions import analyse_errors, predict_text
from textlab.errors import EmptyInputError
from textlab.model.models import SimpleModel, TextModel
from textlab.text.batching import EncodedTexts
from textlab.text.vocab import PAD_ID, Vocab
from textlab.train.config import TrainConfig
from textlab.train.loop import TrainingRun

VOCAB = Vocab(["<PAD>", "<UNK>", "gato", "preto", "cão", "branco"], [0, 0, 2, 1, 1, 1])


def batch_of(*texts: list[int]):
    return EncodedTexts.from_lists(texts).collate(range(len(texts)))


def hand_made_model() -> SimpleModel:
    """The notebook's model with hand-picked rows: <PAD> = [1, 1] (no padding_idx), gato = [2, 0], preto = [0, 4]."""
    model = SimpleModel(len(VOCAB), 2)
    with torch.no_grad():
        model.embedding.weight.zero_()
        model.embedding.weight[PAD_ID] = torch.tensor([1.0, 1.0])
        model.embedding.weight[2] = torch.tensor([2.0, 0.0])
        model.embedding.weight[3] = torch.tensor([0.0, 4.0])
    return model


def test_plain_and_masked_mean_on_a_hand_computed_example() -> None:
    batch = batch_of([2, 3], [2, 3, 2, 3])  # "gato preto" is padded with two <PAD>
    result = forward_pass(hand_made_model(), batch, VOCAB, "random")
    # plain: ([2, 0] + [0, 4] + [1, 1] + [1, 1]) / 4; masked: ([2, 0] + [0, 4]) / 2
    assert result.plain_mean[0].tolist() == [1.0, 1.5]
    assert result.masked_mean[0].tolist() == [1.0, 2.0]
    assert result.mean_gap[0] == pytest.approx(0.5)
    assert result.pad_share.tolist() == [0.5, 0.0]
    assert torch.equal(result.plain_mean[1], result.masked_mean[1])  # no padding, no difference
    assert torch.equal(result.pooled, result.plain_mean)  # the notebook's model pools with the plain mean
    assert result.tokens[0] == ("gato", "preto", "<PAD>", "<PAD>")


def test_shapes_follow_the_data_through_the_model() -> None:
    model = TextModel(len(VOCAB), 4, output_dim=3, encoder="gru", pooling="attention", hidden_dim=5)
    result = forward_pass(model, batch_of([2], [3, 4, 5]), VOCAB, "random")
    shapes = [tuple(stage.shape) for stage in (result.ids, result.embedded, result.pooled, result.outputs)]
    assert shapes == [(2, 3), (2, 3, 4), (2, 5), (2, 3)] and isinstance(result.loss, float)
    assert result.attention.shape == (2, 3)
    assert result.attention[0, 1:].abs().sum() == 0  # no attention on padding
    assert torch.allclose(result.attention.sum(1), torch.ones(2))


def test_gradient_reaches_only_the_batchs_tokens_and_padding_idx_keeps_pad_at_zero() -> None:
    torch.manual_seed(0)
    model = TextModel(len(VOCAB), 4, pooling="masked_mean")
    batch = batch_of([2, 3], [2, 4, 4])
    check = gradient_check(model, batch, "random")
    assert check.rows_with_gradient == (2, 3, 4)
    assert check.batch_token_ids == (2, 3, 4)
    assert set(check.rows_with_gradient) <= set(check.batch_token_ids) and check.uses_padding_idx
    assert check.pad_in_batch and check.pad_gradient_norm == 0.0
    assert set(check.gradient_norms) == {2, 3, 4} and all(value > 0 for value in check.gradient_norms.values())


def test_without_padding_idx_the_pad_row_gets_a_gradient() -> None:
    check = gradient_check(hand_made_model(), batch_of([2, 3], [2, 3, 5]), "random")
    assert not check.uses_padding_idx
    assert check.pad_gradient_norm > 0
    assert set(check.rows_with_gradient) == {PAD_ID, 2, 3, 5}
    assert not set(check.rows_with_gradient) <= set(check.batch_token_ids)  # <PAD> is not a real token of the batch


def test_inspection_never_changes_the_live_model(classification_dataset) -> None:
    run = TrainingRun(TrainConfig.of(epochs=1, batch_size=8, pooling="attention", dropout=0.2), classification_dataset)
    list(run.events())
    run.model.train()
    before = {name: tensor.clone() for name, tensor in run.model.state_dict().items()}
    grads_before = [None if p.grad is None else p.grad.clone() for p in run.model.parameters()]
    batch = run.encoded.collate(run.train_indices[:8], run.targets)
    forward_pass(run.model, batch, run.vocab, run.label_mode)
    gradient_check(run.model, batch, run.label_mode)
    predict_text(frozen_copy(run.model), run.vocab, "bom produto", run.label_mode)
    after = run.model.state_dict()
    assert all(torch.equal(before[name], after[name]) for name in before)
    for old, parameter in zip(grads_before, run.model.parameters(), strict=True):
        assert (old is None and parameter.grad is None) or torch.equal(old, parameter.grad)
    assert run.model.training  # still in training mode: dropout stays on for the live run


def test_frozen_copy_is_independent_and_in_eval_mode() -> None:
    model = hand_made_model()
    duplicate = frozen_copy(model)
    with torch.no_grad():
        duplicate.embedding.weight.add_(1)
    assert not duplicate.training and model.training
    assert model.embedding.weight[2].tolist() == [2.0, 0.0]


def test_prediction_flags_unknown_tokens_and_gives_class_probabilities() -> None:
    model = TextModel(len(VOCAB), 3, output_dim=2)
    prediction = predict_text(model.eval(), VOCAB, "gato azul preto", "classification")
    assert prediction.tokens == ("gato", "azul", "preto")
    assert prediction.unknown == (False, True, False)
    assert len(prediction.probabilities) == 2 and sum(prediction.probabilities.values()) == pytest.approx(1.0)
    value = predict_text(hand_made_model().eval(), VOCAB, "gato", "regression")
    assert value.probabilities == {} and isinstance(value.value, float)


def test_prediction_of_an_empty_text_is_a_clear_error() -> None:
    with pytest.raises(EmptyInputError) as caught:
        predict_text(hand_made_model(), VOCAB, "   ", "regression")
    assert caught.value.key == "emb.error.empty_text"


def test_error_analysis_for_classes_agrees_with_the_runs_own_metrics(classification_dataset) -> None:
    config = TrainConfig.of(epochs=4, batch_size=8, pooling="masked_mean", lr=0.05, val_fraction=0.25)
    run = TrainingRun(config, classification_dataset)
    list(run.events())
    analysis = analyse_errors(frozen_copy(run.model), run.encoded, run.targets, run.val_indices, run.label_mode,
                              run.dataset.label_names, config.batches.batch_size)
    _, metrics = run.evaluate()
    matrix = analysis.confusion
    assert int(matrix.sum()) == len(run.val_indices)
    assert float(matrix.diagonal().sum()) / float(matrix.sum()) == pytest.approx(metrics["accuracy"])
    assert torch.allclose(analysis.per_class_accuracy, matrix.diagonal().double() / matrix.sum(1).double())
    worst = analysis.worst(5)
    errors = analysis.errors[worst]
    assert torch.all(errors[:-1] >= errors[1:]) and float(errors[0]) == float(analysis.errors.max())
    assert torch.allclose(analysis.errors, -analysis.confidence.log(), atol=1e-5)


def test_error_analysis_for_numbers_is_the_distance_to_the_label(regression_dataset) -> None:
    config = TrainConfig.of(epochs=2, batch_size=8, pooling="masked_mean", val_fraction=0.25)
    run = TrainingRun(config, regression_dataset)
    list(run.events())
    analysis = analyse_errors(frozen_copy(run.model), run.encoded, run.targets, run.val_indices, run.label_mode,
                              (), config.batches.batch_size)
    assert analysis.confusion is None and analysis.per_class_accuracy is None
    outputs = run.outputs(run.val_indices)[:, 0]
    assert torch.allclose(analysis.predicted, outputs, atol=1e-6)
    assert torch.allclose(analysis.errors, (outputs - run.targets[run.val_indices]).abs(), atol=1e-6)


def test_text_label_cuts_long_texts() -> None:
    assert text_label(("gato", "preto", "<PAD>"), 2) == "gato preto"
    assert text_label(("a" * 50,), 1, limit=10) == "a" * 9 + "…"



def test_one_prediction_for_a_checkpoint_and_for_the_live_run(classification_dataset, tmp_path) -> None:
    from textlab.runs import checkpoint

    run = TrainingRun(TrainConfig.of(epochs=2, batch_size=8, pooling="masked_mean", lr=0.05), classification_dataset)
    list(run.events())
    (saved,) = checkpoint.load(checkpoint.save(run, tmp_path / "run.pt")).predict(["bom produto zzz"])
    live = predict_text(frozen_copy(run.model), run.vocab, "bom produto zzz", run.label_mode, run.dataset.label_names)
    assert type(saved) is type(live) and saved.label == live.label and saved.tokens == live.tokens
    assert saved.probabilities == pytest.approx(live.probabilities) and saved.unknown_tokens == live.unknown_tokens == 1
    expected = torch.softmax(run.predict(["bom produto zzz"])[0], 0)
    assert live.probabilities == pytest.approx(dict(zip(run.dataset.label_names, expected.tolist(), strict=True)))


def test_batched_outputs_put_each_text_back_in_its_place(classification_dataset) -> None:
    run = TrainingRun(TrainConfig.of(batch_size=4, bucketing=True, pooling="masked_mean"), classification_dataset)
    indices = torch.tensor([5, 0, 17, 3, 9])
    together = run.outputs(indices)
    alone = torch.cat([run.outputs(indices[i:i + 1]) for i in range(len(indices))])
    torch.testing.assert_close(together, alone)  # masked mean: padding does not change an output
    assert run.outputs(torch.tensor([], dtype=torch.long)).shape == (0, run.num_outputs)
