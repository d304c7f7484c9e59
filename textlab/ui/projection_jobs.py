"""t-SNE off the script thread: one background future per (run, weights, settings), kept in the session.

The page asks for a map and gets either the finished one or None (still running); a fragment
polls the future and reruns the page when it is done, so the controls stay usable meanwhile.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import streamlit as st
import torch

from textlab.analysis.tsne import TsneMap, fit_tsne
from textlab.ui.state import tr

POLL_SECONDS = 0.5
_KEY = "_emb_tsne_jobs"
_KEPT = 4  # a few recent maps, so switching back and forth between settings is instant
# One worker for the whole app: t-SNE is CPU-bound and two at once would only slow each other.
_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="textlab-tsne")


def tsne_map(key: tuple, matrix: torch.Tensor, seed: int, dims: int) -> TsneMap | None:
    """The t-SNE map for ``key`` when computed; otherwise start it (once) and show its progress."""
    jobs: dict[tuple, Future] = st.session_state.setdefault(_KEY, {})
    future = jobs.get(key)
    if future is None:
        future = _EXECUTOR.submit(fit_tsne, matrix.detach().cpu().clone(), seed, dims)
        jobs[key] = future
        for old in list(jobs)[:-_KEPT]:
            jobs.pop(old).cancel()  # a live run makes new weights every snapshot: drop the queued stale maps
    if future.done():
        return future.result()
    _wait(future)
    return None


def _wait(future: Future) -> None:
    @st.fragment(run_every=POLL_SECONDS)
    def poll() -> None:
        if future.done():
            st.rerun()
        st.info(tr("emb.map.tsne_running"), icon=":material/hourglass_top:")

    poll()
