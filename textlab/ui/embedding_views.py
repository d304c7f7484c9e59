"""The embeddings page's glue: which model to show, the embedding map, neighbours and live refresh.

The page never reads the live model's weights for the map: it draws the snapshots that the run's
EmbeddingHistory copied between batches, so watching never slows training down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
import torch

from textlab.analysis.inspection import frozen_copy
from textlab.analysis.projection import movement, project_frames
from textlab.analysis.snapshots import EmbeddingHistory, embedding_weight, model_snapshot_index
from textlab.analysis.token_association import TokenAssociation, associate_tokens
from textlab.errors import TextlabError
from textlab.figures.embeddings import TokenColours, embedding_map
from textlab.runs.report import kept_epoch
from textlab.text.vocab import SPECIAL_TOKENS
from textlab.train.jobs import TrainingJob
from textlab.train.loop import TrainingRun
from textlab.ui import projection_jobs, state, token_selection, widgets
from textlab.ui.literal import literal_table
from textlab.ui.presentation import show_figure, text_scale
from textlab.ui.state import tr

LIVE_REFRESH_SECONDS = 2.0
LABELLED_TOKENS = 30  # the most frequent tokens get a text label on the map; every point has a hover label
DEFAULT_SHOWN = 80  # enough to see groups form, few enough to read on a projector
MOVERS = 10


@dataclass(frozen=True)
class ModelSource:
    """The run whose model the page shows, and how it got there."""

    # "preview" (no run: a fresh, untrained model), "starting" (the preview while a run prepares),
    # "live" or "finished"
    kind: str
    run: TrainingRun
    history: EmbeddingHistory
    job: TrainingJob | None
    version: tuple  # changes whenever the shown weights may have changed


def memo(name: str, version: object, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per ``version``, kept in this session (one value per name)."""
    key = f"_emb_memo_{name}"
    cached = st.session_state.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    value = compute()
    st.session_state[key] = (version, value)
    return value


def clamp_widget(key: str, low: int, high: int) -> None:
    """Bring a kept slider or number value back into range: another run may have fewer batches or tokens."""
    if key in st.session_state:
        st.session_state[key] = min(max(st.session_state[key], low), high)


def _preview(job: TrainingJob | None) -> ModelSource | None:
    config, dataset = state.session().config, state.session().dataset

    def prepare() -> tuple[TrainingRun, EmbeddingHistory]:
        run = TrainingRun(config, dataset)
        history = EmbeddingHistory()
        history.start(run.vocab, embedding_weight(run.model))
        return run, history

    try:
        run, history = memo("preview", (config, dataset), prepare)
    except TextlabError as error:
        widgets.show_error(error)
        return None
    starting = job is not None and job.snapshot().is_active
    return ModelSource("starting" if starting else "preview", run, history, job, ("preview", config, id(run), starting))


def model_source() -> ModelSource | None:
    """The current job's run when it has one, else an untrained model for the current data and settings."""
    job = state.current_job()
    if job is None or job.run is None:
        return _preview(job)
    snapshot = job.snapshot()
    history = job.embedding_history
    if history is None or not len(history):
        # A job started without the observer: show its current weights as the only frame.
        history = EmbeddingHistory()
        history.start(job.run.vocab, embedding_weight(job.run.model))
    kind = "live" if snapshot.is_active else "finished"
    return ModelSource(kind, job.run, history, job, (job.job_id, kind, len(history), len(snapshot.epochs)))


def frozen_model(source: ModelSource) -> torch.nn.Module:
    """A CPU copy of the source's model, taken once per version: the live model is never touched."""
    return memo("model", source.version, lambda: frozen_copy(source.run.model))


def source_notice(source: ModelSource) -> None:
    """Say whose weights these are: untrained, a run in progress or a finished run."""
    if source.kind in ("preview", "starting"):
        st.info(tr(f"emb.source.{source.kind}"), icon=":material/info:")
    elif source.kind == "live":
        st.info(tr("emb.source.live"), icon=":material/autorenew:")
    else:
        snapshot = source.job.snapshot()
        epochs = state.tr_count("epochs", len(snapshot.epochs))
        kept = kept_epoch(snapshot)
        if kept is not None:
            st.success(tr("emb.source.early_stopped", epochs=epochs, kept=kept), icon=":material/check:")
        else:
            st.success(tr("emb.source.finished", state=tr(f"emb.state.{snapshot.state}"), epochs=epochs),
                       icon=":material/check:")


def _progress_key(job: TrainingJob) -> tuple:
    """What the page has drawn of a job: whether its run exists, its latest snapshot's epoch, its state."""
    history = job.embedding_history
    snapshots = history.snapshots() if history else ()
    # The epoch, not the count: once thinning starts, the count stays at the cap.
    return job.run is not None, snapshots[-1].epoch if snapshots else None, job.snapshot().state


def live_updates(source: ModelSource) -> None:
    """While a run prepares or trains, rerun the page when a new snapshot arrives or the run ends."""
    if source.kind not in ("starting", "live"):
        return
    job, drawn = source.job, _progress_key(source.job)

    @st.fragment(run_every=LIVE_REFRESH_SECONDS)
    def watch() -> None:
        snapshot = job.snapshot()
        progress = tr("emb.live.progress", epoch=len(snapshot.epochs), epochs=snapshot.config.optimisation.epochs,
                      state=tr(f"emb.state.{snapshot.state}"))
        st.progress(snapshot.progress, text=progress)
        if _progress_key(job) != drawn:
            st.rerun()

    watch()


def _association(source: ModelSource) -> TokenAssociation | None:
    run = source.run
    if not run.task.reads_labels or source.history.token_ids is None:
        return None
    return memo("association", (run, len(source.history.tokens)), lambda: associate_tokens(
        run.corpus.encode(run.vocab), run.corpus.lengths, run.train_indices, run.targets,
        source.history.token_ids, run.label_mode, run.num_outputs))


def _colours(source: ModelSource, by_label: bool, shown: int) -> TokenColours:
    association = _association(source) if by_label else None
    if association is None:
        return TokenColours("frequency", source.history.counts[:shown])
    if association.classes is not None:
        return TokenColours("class", association.classes[:shown].tolist(), source.run.dataset.label_names)
    return TokenColours("value", association.mean_labels[:shown].tolist())


def map_section(source: ModelSource) -> None:
    """The embedding map with its controls, then neighbours and the tokens that moved most."""
    history = source.history
    # A run that diverged can leave infinite weights behind: draw the snapshots taken before that.
    recorded = history.snapshots()
    snapshots = tuple(snapshot for snapshot in recorded if torch.isfinite(snapshot.weights).all())
    if len(snapshots) < len(recorded):
        st.warning(tr("emb.map.not_finite"))
    if not snapshots:
        return
    tracked = len(history.tokens)
    left, projection_column, middle, right = st.columns([1, 1, 2, 2])
    dims = left.segmented_control(tr("emb.map.dims"), (2, 3), default=2, key="emb_dims", required=True,
                                  format_func=lambda value: f"{value}D")
    projection = projection_column.segmented_control(
        tr("emb.map.projection"), ("pca", "tsne"), default="pca", key="emb_projection", required=True,
        format_func=lambda value: tr(f"emb.map.projection.{value}"), help=tr("emb.map.projection_help"))
    colour_names = {value: tr(f"emb.map.colour.{value}")
                    for value in ["frequency"] + (["label"] if source.run.task.reads_labels else [])}
    colour_by = middle.selectbox(tr("emb.map.colour_by"), list(colour_names), index=len(colour_names) - 1,
                                 key="emb_colour", format_func=colour_names.get)
    clamp_widget("emb_shown", 2, tracked)
    shown = tracked if tracked <= 2 else right.slider(tr("emb.map.shown"), 2, tracked, min(DEFAULT_SHOWN, tracked),
                                                      key="emb_shown", help=tr("emb.map.shown_help"))
    kept = model_snapshot_index(snapshots, history.kept_epoch)  # the weights the model ended with
    tokens = history.tokens[:shown]
    selected = token_selection.selected_rows(tokens, source.run)
    if projection == "tsne":
        # One map of the kept weights: t-SNE has no shared axes, so there is no epoch time-lapse.
        seed = source.run.config.run.seed
        found = projection_jobs.tsne_map((source.version, kept, shown, dims, seed), snapshots[kept].weights[:shown],
                                         seed, dims)
        if found is None:
            return
        coordinates, explained, drawn, kept_frame = found.coordinates[None], [], (snapshots[kept],), 0
    else:
        coordinates, axes = project_frames([snapshot.weights[:shown] for snapshot in snapshots], dims)
        explained, drawn, kept_frame = axes.explained.tolist(), snapshots, kept
    labelled = [row for row, token in enumerate(tokens) if row < LABELLED_TOKENS or token in SPECIAL_TOKENS]
    neighbours = token_selection.neighbours(snapshots[kept].weights[:shown], selected, tokens)
    figure = embedding_map(coordinates, tokens, history.counts[:shown], _colours(source, colour_by == "label", shown),
                           [s.epoch for s in drawn], [s.train_loss for s in drawn], explained,
                           state.session().language, labelled, untrained=source.kind in ("preview", "starting"),
                           kept_frame=kept_frame, projection=projection,
                           highlighted_rows=selected, neighbour_rows=[n.row for n in neighbours],
                           text_scale=text_scale())
    token_selection.remember_click(show_figure(figure, theme=None, key="emb_map", on_select="rerun",
                                               selection_mode="points"), tokens)
    token_selection.neighbours_table(selected, neighbours, tokens)
    if kept != len(snapshots) - 1:
        st.info(tr("emb.map.kept_notice", kept=snapshots[kept].epoch, last=snapshots[-1].epoch),
                icon=":material/history:")
    st.caption(tr("emb.map.notice_frames" if len(drawn) > 1 else "emb.map.notice_single",
                  count=shown, total=len(source.run.vocab)))
    if projection == "tsne":
        st.caption(tr("emb.map.notice_tsne", perplexity=state.decimal(found.perplexity, 1), count=shown))
    else:
        st.caption(tr("emb.map.notice_pca"))
    neighbours_section(snapshots[0].weights[:shown], snapshots[kept].weights[:shown], tokens, len(snapshots) > 1)
    if len(snapshots) > 1:
        movers_section(snapshots[0].weights[:shown], snapshots[kept].weights[:shown], tokens, history.counts)


def neighbours_section(first: torch.Tensor, last: torch.Tensor, tokens: tuple[str, ...], compare: bool) -> None:
    """The nearest tokens by cosine similarity now and, with ``compare``, at initialisation, with their scores."""
    st.subheader(tr("emb.neighbours.title"))
    ordinary = [row for row, token in enumerate(tokens) if token not in SPECIAL_TOKENS]
    if len(ordinary) < 2:
        st.caption(tr("emb.neighbours.too_few"))
        return
    # The most frequent token with a letter in it: punctuation usually comes first and says little.
    first_word = next((place for place, r in enumerate(ordinary) if any(c.isalpha() for c in tokens[r])), 0)
    row = st.selectbox(tr("emb.neighbours.token"), ordinary, index=first_word, key="emb_token",
                       format_func=lambda r: tokens[r])
    pairs = [(last, "emb.neighbours.now")] + ([(first, "emb.neighbours.initial")] if compare else [])
    for column, (matrix, title) in zip(st.columns(2), pairs, strict=False):
        found = token_selection.nearest(matrix, row, tokens)
        column.markdown(f"**{tr(title)}**")
        literal_table({tr("emb.neighbours.col_token"): [tokens[n.row] for n in found],
                       tr("emb.neighbours.col_score"): [state.decimal(n.score, signed=True) for n in found]},
                      hide_index=True, container=column)
    st.caption(tr("emb.neighbours.notice"))


def movers_section(first: torch.Tensor, last: torch.Tensor, tokens: tuple[str, ...], counts: tuple[int, ...]) -> None:
    """The tokens whose vectors travelled furthest since the initial weights."""
    st.subheader(tr("emb.movers.title"))
    distances = movement(first, last)
    order = torch.argsort(distances, descending=True, stable=True)[:MOVERS].tolist()
    still = [tokens[row] for row in range(len(tokens)) if float(distances[row]) == 0.0]
    literal_table({tr("emb.movers.col_token"): [tokens[row] for row in order],
                   tr("emb.movers.col_distance"): [state.decimal(distances[row], 4) for row in order],
                   tr("emb.movers.col_count"): [state.decimal(counts[row], 0) for row in order]}, hide_index=True)
    st.caption(tr("emb.movers.notice"))
    if still:
        st.caption(tr("emb.movers.still", tokens=", ".join(still[:12]) + (" …" if len(still) > 12 else "")))
