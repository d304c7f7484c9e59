"""Projections, neighbours, embedding snapshots and token-label association."""

from __future__ import annotations

import threading

import pytest
import torch

from textlab.analysis.projection import cosine_neighbours, fit_pca, movement, project_frames
from textlab.analysis.snapshots import EmbeddingHistory, model_snapshot_index, most_frequent_ids, thin_evenly
from textlab.analysis.token_association import associate_tokens
from textlab.text.vocab import PAD_ID, UNK_ID, Vocab
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd, Finished
from textlab.train.jobs import SlotPool, TrainingJob
from textlab.train.loop import TrainingRun


def random_orthogonal(size: int, seed: int) -> torch.Tensor:
    matrix, _ = torch.linalg.qr(torch.randn(size, size, generator=torch.Generator().manual_seed(seed)))
    return matrix


# Projection


@pytest.mark.parametrize("dims", [2, 3])
def test_projection_shapes(dims) -> None:
    frames = [torch.randn(30, 8) for _ in range(5)]
    coordinates, axes = project_frames(frames, dims)
    assert coordinates.shape == (5, 30, dims)
    assert axes.components.shape == (8, dims)
    assert torch.allclose(axes.components.T @ axes.components, torch.eye(dims), atol=1e-5)
    assert torch.all(axes.explained[:-1] >= axes.explained[1:]) and float(axes.explained.sum()) <= 1 + 1e-6


def test_first_axis_follows_the_direction_of_largest_spread() -> None:
    direction = torch.nn.functional.normalize(torch.tensor([1.0, 2.0, -2.0, 0.5]), dim=0)
    steps = torch.linspace(-5, 5, 40).unsqueeze(1)
    points = steps * direction + 0.01 * torch.randn(40, 4, generator=torch.Generator().manual_seed(0))
    axes = fit_pca(points, 2)
    assert abs(float(axes.components[:, 0] @ direction)) > 0.999
    assert float(axes.explained[0]) > 0.99


@pytest.mark.parametrize("dims", [2, 3])
def test_a_rotated_or_mirrored_copy_projects_to_the_same_picture(dims) -> None:
    embeddings = torch.randn(50, 6, generator=torch.Generator().manual_seed(1)) * torch.tensor([5, 3, 2, 1, 1, 1])
    rotation = random_orthogonal(6, seed=2)
    mirror = torch.diag(torch.tensor([-1.0, 1, 1, 1, 1, 1]))
    original, _ = project_frames([embeddings], dims)
    for transform in (rotation, mirror, rotation @ mirror):
        moved, _ = project_frames([embeddings @ transform], dims)
        assert torch.allclose(moved, original, atol=1e-4)


def test_every_frame_uses_the_last_frames_axes_so_only_moved_points_move() -> None:
    before = torch.randn(20, 5, generator=torch.Generator().manual_seed(3))
    after = before.clone()
    after[7] += torch.tensor([3.0, -1.0, 0.5, 0.0, 2.0])
    coordinates, axes = project_frames([before, after], 2)
    moved = (coordinates[1] - coordinates[0]).norm(dim=1)
    assert float(moved[7]) > 0.1
    assert torch.allclose(torch.cat([moved[:7], moved[8:]]), torch.zeros(19), atol=1e-5)
    assert torch.allclose(coordinates[1], axes.project(after))


def test_axis_signs_put_the_furthest_point_on_the_positive_side() -> None:
    coordinates, _ = project_frames([torch.randn(25, 4, generator=torch.Generator().manual_seed(4))], 2)
    furthest = coordinates[0].abs().argmax(0)
    assert torch.all(coordinates[0][furthest, torch.arange(2)] > 0)


def test_fewer_dimensions_than_axes_leave_the_missing_axis_at_zero() -> None:
    coordinates, axes = project_frames([torch.randn(10, 2)], 3)
    assert coordinates.shape == (1, 10, 3)
    assert torch.all(coordinates[0, :, 2] == 0) and float(axes.explained[2]) == 0.0


# Neighbours and movement


def test_cosine_neighbours_on_a_constructed_matrix() -> None:
    matrix = torch.tensor([[1.0, 0.0], [10.0, 1.0], [1.0, 3.0], [-2.0, 0.0], [0.0, 0.0]])
    found = cosine_neighbours(matrix, 0, count=10)
    assert [n.row for n in found] == [1, 2, 4, 3]
    assert found[0].score == pytest.approx(10 / (101 ** 0.5), abs=1e-5)
    assert found[1].score == pytest.approx(1 / (10 ** 0.5), abs=1e-5)
    assert found[2].score == 0.0  # a zero vector points nowhere
    assert found[-1].score == pytest.approx(-1.0)
    assert all(n.row != 0 for n in found)


def test_neighbours_skip_excluded_rows_and_never_exceed_what_exists() -> None:
    matrix = torch.eye(3)
    found = cosine_neighbours(matrix, 0, count=10, excluded=[1])
    assert [n.row for n in found] == [2]


def test_movement_is_the_distance_each_row_travelled() -> None:
    first = torch.zeros(3, 2)
    last = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, 0.0]])
    assert movement(first, last).tolist() == [5.0, 0.0, 1.0]


# Snapshots


def vocab_with_counts(counts: list[int]) -> Vocab:
    return Vocab(["<PAD>", "<UNK>", *[f"w{i}" for i in range(len(counts))]], [0, 3, *counts])


def test_at_most_500_tokens_tracked_and_they_are_the_most_frequent() -> None:
    counts = torch.randint(1, 1000, (1200,), generator=torch.Generator().manual_seed(5)).tolist()
    vocab = vocab_with_counts(counts)
    history = EmbeddingHistory()
    history.start(vocab, torch.randn(len(vocab), 4))
    ids = history.token_ids.tolist()
    assert len(ids) == 500 and ids[:2] == [PAD_ID, UNK_ID] and len(set(ids)) == 500
    kept = [vocab.counts[i] for i in ids[2:]]
    dropped = [vocab.counts[i] for i in range(2, len(vocab)) if i not in set(ids)]
    assert min(kept) >= max(dropped)
    assert history.snapshots()[0].weights.shape == (500, 4)


def test_a_small_vocabulary_is_tracked_whole() -> None:
    vocab = vocab_with_counts([5, 1, 9])
    assert most_frequent_ids(vocab, 500).tolist() == [PAD_ID, UNK_ID, 4, 2, 3]


def test_at_most_50_snapshots_thinned_evenly_keeping_first_and_last() -> None:
    history = EmbeddingHistory()
    vocab = vocab_with_counts([1, 2, 3])
    history.start(vocab, torch.zeros(len(vocab), 2))
    for epoch in range(1, 201):
        history.record(torch.full((len(vocab), 2), float(epoch)), epoch, 1.0 / epoch, None)
    snapshots = history.snapshots()
    epochs = [s.epoch for s in snapshots]
    assert len(snapshots) == 50 and epochs[0] == 0 and epochs[-1] == 200
    assert epochs == sorted(epochs)
    gaps = torch.tensor(epochs).diff()
    assert int(gaps.max()) <= 3 * 200 / 49  # no long hole in the time line
    assert all(float(s.weights[0, 0]) == s.epoch for s in snapshots)  # each snapshot kept its own weights
    assert all(s.train_loss == pytest.approx(1.0 / s.epoch) for s in snapshots[1:])


def test_thin_evenly_keeps_the_limit_and_both_ends() -> None:
    kept = thin_evenly(list(range(0, 100, 2)), 10)
    assert len(kept) == 10 and kept[0] == 0 and kept[-1] == 49
    assert thin_evenly([0, 5], 50) == [0, 1]


def test_history_as_an_observer_of_a_real_run(classification_dataset) -> None:
    run = TrainingRun(TrainConfig.of(epochs=3, batch_size=16, pooling="masked_mean", lr=0.05), classification_dataset)
    history = EmbeddingHistory(max_tokens=20)
    epoch_ends = []
    for event in run.events():
        history(run, event)
        if isinstance(event, EpochEnd):
            epoch_ends.append(event)
    snapshots = history.snapshots()
    assert [s.epoch for s in snapshots] == [0, 1, 2, 3]
    assert [s.train_loss for s in snapshots[1:]] == [e.train_loss for e in epoch_ends]
    weight = run.model.embedding.weight.detach()
    final = weight[history.token_ids.to(weight.device)].cpu()
    assert torch.equal(snapshots[-1].weights, final)
    assert not torch.equal(snapshots[0].weights, final)  # training moved them; the first snapshot is a copy
    assert history.tokens[:2] == ("<PAD>", "<UNK>") and len(history.tokens) == 20
    with torch.no_grad():
        run.model.embedding.weight.add_(1.0)
    assert torch.equal(history.snapshots()[-1].weights, final)


def test_reading_while_the_training_thread_writes() -> None:
    vocab = vocab_with_counts([1, 2, 3, 4])
    history = EmbeddingHistory(max_snapshots=10)
    history.start(vocab, torch.zeros(len(vocab), 3))

    def write() -> None:
        for epoch in range(1, 500):
            history.record(torch.full((len(vocab), 3), float(epoch)), epoch, 0.0, None)

    writer = threading.Thread(target=write)
    writer.start()
    while writer.is_alive():
        snapshots = history.snapshots()
        assert 1 <= len(snapshots) <= 10 and snapshots[0].epoch == 0
    writer.join()
    assert history.snapshots()[-1].epoch == 499


def test_a_job_exposes_the_history_that_observes_it(notebook_dataset) -> None:
    history = EmbeddingHistory()
    recorded = []
    job = TrainingJob(TrainConfig.of(device="cpu"), notebook_dataset, SlotPool(1),
                      [lambda run, event: recorded.append(len(history))], embedding_history=history)
    assert job.embedding_history is history and job.observers[-1] is history  # after the others: warm starts
    job.start().join(timeout=60)
    assert job.snapshot().state == "finished"
    assert [snapshot.epoch for snapshot in history.snapshots()] == [0, 1, 2, 3]
    assert recorded[0] == 0  # the other observers saw the run start before the first snapshot
    assert TrainingJob(TrainConfig(), notebook_dataset, SlotPool(1)).embedding_history is None


# Token association


def test_tokens_go_with_the_class_whose_texts_contain_them() -> None:
    # Vocabulary ids: 2 good, 3 film, 4 bad, 5 day. Texts: "good film", "good good day", "bad film", "bad day".
    flat = torch.tensor([2, 3, 2, 2, 5, 4, 3, 4, 5])
    lengths = torch.tensor([2, 3, 2, 2])
    targets = torch.tensor([1, 1, 0, 0])
    association = associate_tokens(flat, lengths, torch.arange(4), targets, torch.tensor([2, 3, 4, 5]),
                                   "classification", 2)
    assert association.classes[0] == 1 and association.classes[2] == 0
    assert association.strength[0] == pytest.approx(1.0) and association.strength[1] == pytest.approx(0.5)
    assert association.texts_with_token.tolist() == [2, 2, 2, 2]  # "good good" counts once in its text


def test_class_sizes_are_normalised_and_unseen_tokens_have_no_class() -> None:
    # Three texts of class 0 and one of class 1; token 2 is in two class-0 texts and the class-1 text.
    flat = torch.tensor([2, 2, 3, 2])
    lengths = torch.tensor([1, 1, 1, 1])
    targets = torch.tensor([0, 0, 0, 1])
    association = associate_tokens(flat, lengths, torch.arange(4), targets, torch.tensor([2, 6]),
                                   "classification", 2)
    assert association.classes.tolist() == [1, -1]  # 1/1 of class 1 beats 2/3 of class 0
    assert association.strength[0] == pytest.approx(1 / (1 + 2 / 3))


def test_numeric_labels_give_each_token_the_mean_label_of_its_texts() -> None:
    flat = torch.tensor([2, 3, 2, 4])
    lengths = torch.tensor([2, 1, 1])
    targets = torch.tensor([5.0, 1.0, 2.0])
    association = associate_tokens(flat, lengths, torch.tensor([0, 1]), targets, torch.tensor([2, 3, 4]),
                                   "regression")
    assert association.mean_labels[0] == pytest.approx(3.0) and association.mean_labels[1] == pytest.approx(5.0)
    assert torch.isnan(association.mean_labels[2])  # token 4 is only in text 2, which is not chosen


def test_after_early_stopping_the_map_knows_which_snapshot_the_model_kept(classification_dataset) -> None:
    # A large rate overfits fast: validation loss rises, patience 1 stops and restores the best epoch.
    config = TrainConfig().with_changes(epochs=40, batch_size=8, pooling="masked_mean", lr=0.3, val_fraction=0.3,
                                        patience=1)
    run = TrainingRun(config, classification_dataset)
    history = EmbeddingHistory(max_tokens=20)
    for event in run.events():  # observed as it happens, as the job's thread does
        history(run, event)
    finished = event
    assert isinstance(finished, Finished) and finished.reason == "early_stopping"
    assert finished.kept_epoch is not None and finished.kept_epoch < finished.epochs_run
    assert history.kept_epoch == finished.kept_epoch
    snapshots = history.snapshots()
    kept = model_snapshot_index(snapshots, history.kept_epoch)
    weight = run.model.embedding.weight.detach()
    final = weight[history.token_ids.to(weight.device)].cpu()
    assert snapshots[kept].epoch == finished.kept_epoch and torch.equal(snapshots[kept].weights, final)
    assert not torch.equal(snapshots[-1].weights, final)  # the last epoch trained is not the model's weights


def test_without_early_stopping_the_model_is_the_last_snapshot(classification_dataset) -> None:
    run = TrainingRun(TrainConfig().with_changes(epochs=2, batch_size=16), classification_dataset)
    history = EmbeddingHistory(max_tokens=10)
    for event in run.events():
        history(run, event)
    assert history.kept_epoch is None
    assert model_snapshot_index(history.snapshots(), history.kept_epoch) == len(history.snapshots()) - 1
