"""Rebuilding the vocabulary after an edit to 10,000 texts (the B2W reviews pasted into the text box).

Target: the page's path from an edited text box to its token2idx table takes at most 0.3 s on
the 2-core machine. Compared side by side with the same page path when nothing changed (a cache
hit), with an uncached ``prepare`` and with the bare ``build_vocab``.

    python -m bench.vocab_rebuild [--repeats 7]
"""

from __future__ import annotations

import argparse
import logging

from bench.common import b2w_rows, median_seconds, print_table
from textlab.analysis.tables import vocab_table
from textlab.data.dataset import Dataset, read_pasted
from textlab.text.corpus import build_vocab
from textlab.train.config import TrainConfig
from textlab.train.prepare import prepare, tokenizer_options

TARGET_SECONDS = 0.3


def page_view(dataset: Dataset, config: TrainConfig, cache: bool) -> None:
    """What a rerun of the Vocabulary page computes: the vocabulary (cached or not) and its table."""
    from textlab.ui import cached

    prepared = cached.prepared_for(dataset, config) if cache else prepare(config, dataset)
    vocab_table(prepared.vocab)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    # Outside `streamlit run` the cache warns on every call that it has no session; that is expected here.
    logging.disable(logging.WARNING)
    lines = [f"{row['text']}\t{row['rating']}" for row in b2w_rows()]
    # One different edit per round (a word added to one text), so every round misses the cache.
    edits = iter(["\n".join([*lines[:i], lines[i].replace("\t", f" edit{i}\t", 1), *lines[i + 1:]])
                  for i in range(args.repeats + 1)])
    config = TrainConfig()
    dataset = read_pasted("\n".join(lines))
    page_view(dataset, config, cache=True)  # the data as it was before the edit: cached
    print(f"{len(lines):,} texts, {sum(len(line.split()) for line in lines):,} tokens; "
          f"median of {args.repeats} interleaved runs")
    medians = median_seconds({
        "edit -> cached page (miss)": lambda: page_view(read_pasted(next(edits)), config, cache=True),
        "edit -> uncached page": lambda: page_view(read_pasted("\n".join(lines)), config, cache=False),
        "revisit -> cached page (hit)": lambda: page_view(dataset, config, cache=True),
        "revisit -> uncached page": lambda: page_view(dataset, config, cache=False),
        "build_vocab only": lambda: build_vocab(dataset.texts, tokenizer_options(config)),
    }, args.repeats)
    print_table(medians, "edit -> uncached page")
    seconds = medians["edit -> cached page (miss)"]
    print(f"target <= {TARGET_SECONDS} s after an edit: {'met' if seconds <= TARGET_SECONDS else 'MISSED'} "
          f"({seconds:.3f} s)")
    print(f"cached / uncached page: {seconds / medians['edit -> uncached page']:.2f}x after an edit (the fingerprint), "
          f"{medians['revisit -> cached page (hit)'] / medians['revisit -> uncached page']:.2f}x on a revisit")


if __name__ == "__main__":
    main()
