"""The command line: ``python -m textlab vocab | batches | train | runs | export | predict | serve``.

Bad arguments print one line and exit with status 2; every message comes from the
translation table, in the language chosen with ``--lang``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import torch

from textlab import serving
from textlab.data.dataset import Dataset, read_path
from textlab.errors import TextlabError
from textlab.i18n import LANGUAGES, Counted, field_help, normalize_language, option_label, plural, t
from textlab.i18n.numbers import format_decimal
from textlab.runs import checkpoint, comparison
from textlab.runs.export_notebook import export_notebook
from textlab.runs.export_script import dataset_csv, export_script
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import Store, StoreError
from textlab.text.batching import EncodedTexts, epoch_loader
from textlab.text.corpus import TokenizedCorpus
from textlab.text.vocab import Vocab
from textlab.train.config import DEFAULTS, FIELDS, Range, TrainConfig
from textlab.train.control import Control
from textlab.train.events import EpochEnd, Event, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.loop import train
from textlab.train.prepare import tokenized_for_run

USAGE_ERROR = 2


class OneLineParser(argparse.ArgumentParser):
    """argparse, but an error is a single line (no usage block) and exits with status 2."""

    lang = "en"

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, t("cli.error", self.lang, message=message) + "\n")


def _language_from(argv: Sequence[str]) -> str:
    # Read --lang before parsing, so even --help comes out in the chosen language.
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return normalize_language(argv[index + 1])
        if argument.startswith("--lang="):
            return normalize_language(argument.split("=", 1)[1])
    return "en"


def _add_input_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("file", help=t("cli.file", lang))
    parser.add_argument("--text-col", help=t("cli.text_col", lang))
    parser.add_argument("--label-col", help=t("cli.label_col", lang))


def _add_config_arguments(parser: argparse.ArgumentParser, lang: str, names: Sequence[str]) -> None:
    """One flag per TrainConfig field, typed, with its range or choices in the help."""
    for name in names:
        rule, default = FIELDS[name], DEFAULTS[name]
        flag = "--" + name.replace("_", "-")
        choices = rule if isinstance(rule, tuple) else ()
        help_text = f"{t(f'field.{name}', lang)}: {field_help(name, choices, lang, labelled=False)}"
        if isinstance(default, bool):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None,
                                help=f"{help_text} [{default}]")
        elif isinstance(rule, tuple):
            parser.add_argument(flag, choices=rule, default=None, help=f"{help_text} [{default}]")
        else:
            assert isinstance(rule, Range)
            parser.add_argument(flag, type=type(default), default=None, metavar=type(default).__name__.upper(),
                                help=f"{help_text} [{rule.low}..{rule.high}, {default}]")


def _port(value: str, lang: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(t("cli.serve_bad_port", lang, value=value))
    return int(value)


def build_parser(lang: str = "en") -> OneLineParser:
    OneLineParser.lang = lang
    # --lang is accepted before or after the command; its value was already read by _language_from.
    language = argparse.ArgumentParser(add_help=False)
    language.add_argument("--lang", choices=LANGUAGES, default=lang, help=t("cli.lang", lang))
    parser = OneLineParser(prog="python -m textlab", description=t("cli.description", lang), parents=[language])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    def add_command(name: str) -> OneLineParser:
        return commands.add_parser(name, help=t(f"cli.{name}", lang), description=t(f"cli.{name}", lang),
                                   parents=[language])

    vocab = add_command("vocab")
    _add_input_arguments(vocab, lang)
    _add_config_arguments(vocab, lang, ("tokenizer", "lowercase", "vocab_size", "min_freq", "max_size"))

    batches = add_command("batches")
    _add_input_arguments(batches, lang)
    _add_config_arguments(batches, lang, ("tokenizer", "lowercase", "vocab_size", "min_freq", "max_size",
                                          "batch_size", "bucketing", "max_length", "seed"))
    batches.add_argument("--no-shuffle", action="store_true", help=t("cli.no_shuffle", lang))

    training = add_command("train")
    _add_input_arguments(training, lang)
    training.add_argument("--json", action="store_true", help=t("cli.json", lang))
    training.add_argument("--config", metavar="JSON_FILE", help=t("cli.config", lang))
    training.add_argument("--no-store", action="store_true", help=t("cli.no_store", lang))
    _add_config_arguments(training, lang, list(FIELDS))

    runs = add_command("runs")
    runs.add_argument("--json", action="store_true", help=t("cli.runs_json", lang))

    exporting = add_command("export")
    exporting.add_argument("run", type=int, metavar="RUN", help=t("cli.run_id", lang))
    output = exporting.add_mutually_exclusive_group(required=True)
    output.add_argument("--script", metavar="OUT.py", help=t("cli.script", lang))
    output.add_argument("--notebook", metavar="OUT.ipynb", help=t("cli.notebook", lang))
    exporting.add_argument("--data", metavar="OUT.csv", help=t("cli.data", lang))

    predicting = add_command("predict")
    predicting.add_argument("--checkpoint", required=True, metavar="PATH", help=t("cli.checkpoint", lang))
    predicting.add_argument("texts", nargs="+", metavar="TEXT", help=t("cli.texts", lang))

    serve = add_command("serve")
    serve.add_argument("--port", type=lambda value: _port(value, lang), default=serving.DEFAULT_PORT,
                       help=t("cli.serve_port", lang))
    serve.add_argument("--lan", action="store_true", help=t("cli.serve_lan", lang))
    return parser


def _config_from(args: argparse.Namespace) -> TrainConfig:
    base = TrainConfig()
    if getattr(args, "config", None):
        with open(args.config, encoding="utf-8") as handle:
            base = TrainConfig.from_json(handle.read())
    given = {name: getattr(args, name) for name in FIELDS if getattr(args, name, None) is not None}
    return base.with_changes(**given)


def _read(args: argparse.Namespace) -> Dataset:
    dataset = read_path(args.file, args.text_col, args.label_col)
    for notice in dataset.notices:
        print(t("cli.notice", args.lang, message=notice.message(args.lang)), file=sys.stderr)
    return dataset


def _tokenized(args: argparse.Namespace, dataset: Dataset) -> tuple[TokenizedCorpus, Vocab, TrainConfig]:
    """Every text's tokens and the vocabulary of all texts (a subword tokenizer learned from them)."""
    config = _config_from(args)
    corpus, vocab = tokenized_for_run(dataset.texts, torch.arange(len(dataset)), False, config)
    return corpus, vocab, config


def command_vocab(args: argparse.Namespace) -> None:
    _, vocab, _ = _tokenized(args, _read(args))
    print(json.dumps(vocab.token2idx, ensure_ascii=False))


def command_batches(args: argparse.Namespace) -> None:
    corpus, vocab, config = _tokenized(args, _read(args))
    encoded = EncodedTexts(corpus.encode(vocab), corpus.lengths, config.text.max_length)
    generator = torch.Generator().manual_seed(config.run.seed)
    batches = config.batches
    # The batches training draws: the same DataLoader, over all the texts.
    loader = epoch_loader(encoded, torch.arange(len(encoded)), batches.batch_size, shuffle=not args.no_shuffle,
                          bucketing=batches.bucketing, generator=generator)
    for number, batch in enumerate(loader, start=1):
        print(t("cli.batch_header", args.lang, number=number))
        print(batch.ids)
        print(f"{t('cli.lengths', args.lang)}: {batch.lengths}")
        print(t("cli.padding", args.lang, fraction=batch.pad_fraction))


def describe_event(event: Event, lang: str) -> str | None:
    """The notebook-style log line for an event, or None for events it does not print."""
    if isinstance(event, RunStarted):
        details = {**dataclasses.asdict(event), "label_mode": option_label("label_mode", event.label_mode, lang),
                   "device": option_label("device", event.device, lang),
                   "train_size": Counted("texts", event.train_size)}
        return t("log.started", lang, **details)
    if isinstance(event, EpochEnd):
        parts = [t("log.epoch", lang, epoch=event.epoch, loss=event.last_loss)]
        if event.val_loss is not None:
            parts.append(t("log.val_loss", lang, value=event.val_loss))
        parts += [f"{t(f'metric.{name}', lang)}: {format_decimal(value, lang, 4)}"
                  for name, value in event.metrics.items()]
        return ", ".join(parts)
    if isinstance(event, Finished):
        epochs = plural("count.epochs", event.epochs_run, lang) if event.reason == "completed" else event.epochs_run
        return t(f"log.finished.{event.reason}", lang, epochs=epochs)
    if isinstance(event, Stopped):
        return t("log.stopped", lang)
    if isinstance(event, Failed):
        return t("cli.error", lang, message=event.message(lang))
    return None


def event_to_json(event: Event, lang: str) -> str:
    record = {"event": type(event).__name__, **dataclasses.asdict(event)}
    if isinstance(event, Failed):
        record["message"] = event.message(lang)
    return json.dumps(record, ensure_ascii=False)


def _data_source(args: argparse.Namespace) -> str:
    return "pasted" if args.file == "-" else f"file:{Path(args.file).name}"


def _recorder(args: argparse.Namespace, config: TrainConfig, dataset: Dataset) -> RunRecorder | None:
    """A recorder into the run store, or None with --no-store or when the store cannot be opened."""
    if args.no_store:
        return None
    try:
        return RunRecorder(Store(), config, dataset, data_source=_data_source(args))
    except StoreError as error:  # the run still trains; only its record is lost, and the user is told
        print(t("cli.notice", args.lang, message=error.message(args.lang)), file=sys.stderr)
        return None


def command_train(args: argparse.Namespace) -> int:
    config, dataset = _config_from(args), _read(args)
    recorder = _recorder(args, config, dataset)
    status, control = 0, Control()
    events = train(config, dataset, control, observer=recorder)
    try:
        for event in events:
            if args.json:
                print(event_to_json(event, args.lang), flush=True)
            elif not isinstance(event, Step):
                line = describe_event(event, args.lang)
                print(line, file=sys.stderr if isinstance(event, Failed) else sys.stdout, flush=True)
            if isinstance(event, Failed):
                # A setting or input the run refused is the caller's mistake, like a bad flag.
                status = USAGE_ERROR if event.reason == "invalid" else 1
    except BrokenPipeError:
        # The reader went away (``| head -1``): stop the run, so the store records it as stopped
        # with its weights, and print nothing more to the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        control.stop()
        for _ in events:
            pass  # the loop yields Stopped at its next batch; the recorder records it
    if recorder is not None and recorder.run_id is not None and recorder.error is None:
        print(t("cli.saved", args.lang, run_id=recorder.run_id, path=recorder.store.location), file=sys.stderr)
    elif recorder is not None and recorder.error is not None:
        print(t("cli.notice", args.lang, message=t("cli.not_saved", args.lang, detail=recorder.error)),
              file=sys.stderr)
    return status


RUNS_COLUMNS = ("id", "name", "status", "started", "epochs", "train_loss", "val_loss", "metric", "data", "settings")


def command_runs(args: argparse.Namespace) -> None:
    with Store() as store:
        records = store.runs()
    if args.json:
        for record in records:
            final = dataclasses.asdict(record.final) if record.final else None
            print(json.dumps({**dataclasses.asdict(record), "config": record.config.to_dict(), "final": final},
                             ensure_ascii=False, default=str))
        return
    if not records:
        print(t("cli.runs_empty", args.lang, path=store.location))
        return
    table = comparison.runs_table(records, args.lang)
    columns = [t(f"runs.col.{name}", args.lang) for name in RUNS_COLUMNS]
    print(table[columns].to_string(index=False))


def command_export(args: argparse.Namespace) -> None:
    with Store() as store:
        record = store.run(args.run)
        dataset = store.dataset(record.dataset_fingerprint)
        tokenizer, epochs = store.tokenizer(record.run_id), store.epochs(record.run_id)
    title = f"#{record.run_id} {comparison.display_name(record, args.lang)}"
    if args.notebook:
        notebook = Path(args.notebook)
        notebook.parent.mkdir(parents=True, exist_ok=True)
        notebook.write_text(export_notebook(record.config, dataset, args.lang, title, tokenizer, epochs),
                            encoding="utf-8")
        print(t("cli.exported_notebook", args.lang, notebook=notebook))
        return
    script = Path(args.script)
    data = Path(args.data) if args.data else script.with_name(f"{script.stem}-data.csv")
    for folder in {script.parent, data.parent}:
        folder.mkdir(parents=True, exist_ok=True)
    relative = os.path.relpath(data.resolve(), script.resolve().parent)
    script.write_text(export_script(record.config, dataset, relative, args.lang, title, tokenizer), encoding="utf-8")
    data.write_text(dataset_csv(dataset), encoding="utf-8", newline="")
    print(t("cli.exported", args.lang, script=script, data=data))


def command_predict(args: argparse.Namespace) -> None:
    loaded = checkpoint.load(args.checkpoint)
    for prediction in loaded.predict(args.texts):
        if prediction.label is not None:
            print(t("cli.prediction_class", args.lang, text=prediction.text, label=prediction.label,
                    probability=prediction.probabilities[prediction.label]))
        else:
            print(t("cli.prediction_value", args.lang, text=prediction.text, value=prediction.value))


def serve_banner(link: str, lan: bool, lang: str, other_links: Sequence[str] = ()) -> str:
    """What the teacher sees before the server starts: the link, its QR code, the machine's other links, how to stop."""
    lines = [t("cli.serve_link", lang, link=link), serving.qr_code(link)]
    if other_links:  # a laptop on wifi and cable, or with a container network: the first guess may be wrong
        lines.append(t("cli.serve_other_links", lang, links=", ".join(other_links)))
    lines.append(t("cli.serve_lan_notice" if lan else "cli.serve_local_notice", lang))
    lines.append(t("cli.serve_stop", lang))
    return "\n".join(lines)


def command_serve(args: argparse.Namespace) -> int:
    link = serving.student_link(args.port, args.lan)
    others = [f"http://{address}:{args.port}" for address in serving.lan_addresses()[1:]] if args.lan else []
    print(serve_banner(link, args.lan, args.lang, others), flush=True)
    try:
        return subprocess.call(serving.streamlit_command(args.port, args.lan))
    except KeyboardInterrupt:  # Ctrl+C reaches Streamlit too, which shuts down by itself
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language_from(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            return command_train(args)
        if args.command == "serve":
            return command_serve(args)
        {"vocab": command_vocab, "batches": command_batches, "runs": command_runs, "export": command_export,
         "predict": command_predict}[args.command](args)
    except TextlabError as error:
        print(t("cli.error", args.lang, message=error.message(args.lang)), file=sys.stderr)
        return USAGE_ERROR
    except OSError as error:
        print(t("cli.error", args.lang, message=str(error)), file=sys.stderr)
        return USAGE_ERROR
    return 0
