"""Strings of the command line (``python -m textlab``) and of the notebook-style training log."""

TEXTS: dict[str, dict[str, str]] = {
    "cli.description": {
        "en": "textlab: see how a neural network reads text. The notebook's pipeline, from the command line.",
        "pt": "textlab: veja como uma rede neural lê texto. O pipeline do notebook, na linha de comando.",
    },
    "cli.lang": {"en": "Language of the output (pt or en).", "pt": "Idioma da saída (pt ou en)."},
    "cli.file": {
        "en": "A .txt, .csv, .tsv or .jsonl file, or - for standard input (one text per line, optional TAB label).",
        "pt": "Um arquivo .txt, .csv, .tsv ou .jsonl, ou - para a entrada padrão (um texto por linha, "
              "rótulo opcional após TAB).",
    },
    "cli.text_col": {"en": "Column holding the texts (csv/tsv/jsonl).",
                     "pt": "Coluna com os textos (csv/tsv/jsonl)."},
    "cli.label_col": {"en": "Column holding the labels (csv/tsv/jsonl).",
                      "pt": "Coluna com os rótulos (csv/tsv/jsonl)."},
    "cli.vocab": {"en": "Print token2idx as JSON.", "pt": "Mostra o token2idx em JSON."},
    "cli.batches": {"en": "Print each padded batch as PyTorch prints a tensor, with the lengths.",
                    "pt": "Mostra cada lote preenchido como o PyTorch imprime um tensor, com os comprimentos."},
    "cli.no_shuffle": {"en": "Keep the texts in file order.", "pt": "Mantém os textos na ordem do arquivo."},
    "cli.train": {"en": "Train and print one line per epoch, in the notebook's format.",
                  "pt": "Treina e mostra uma linha por época, no formato do notebook."},
    "cli.json": {"en": "Print one JSON object per event instead.",
                 "pt": "Mostra um objeto JSON por evento, em vez disso."},
    "cli.config": {"en": "Read the settings from a JSON file (the flags below override it).",
                   "pt": "Lê as configurações de um arquivo JSON (as opções abaixo têm precedência)."},
    "cli.batch_header": {"en": "Batch {number}", "pt": "Lote {number}"},
    "cli.lengths": {"en": "lengths", "pt": "comprimentos"},
    "cli.padding": {"en": "padding: {fraction:.1%} of the cells", "pt": "preenchimento: {fraction:.1%} das células"},
    "cli.error": {"en": "textlab: error: {message}", "pt": "textlab: erro: {message}"},
    "cli.notice": {"en": "textlab: note: {message}", "pt": "textlab: aviso: {message}"},
    # The notebook prints: Época 1, Perda: 0.4647
    "log.epoch": {"en": "Epoch {epoch}, Loss: {loss:.4f}", "pt": "Época {epoch}, Perda: {loss:.4f}"},
    "log.val_loss": {"en": "Validation loss: {value:.4f}", "pt": "Perda de validação: {value:.4f}"},
    "log.started": {
        "en": "{train_size} training texts, {val_size} for validation, vocabulary of {vocab_size}, "
              "labels: {label_mode}, device: {device}",
        "pt": "{train_size} textos de treino, {val_size} de validação, vocabulário de {vocab_size}, "
              "rótulos: {label_mode}, dispositivo: {device}",
    },
    "log.finished.completed": {"en": "Finished: {epochs} epochs.", "pt": "Concluído: {epochs} épocas."},
    "log.finished.early_stopping": {
        "en": "Stopped early after epoch {epochs}: the validation loss stopped improving (best weights kept).",
        "pt": "Parada antecipada após a época {epochs}: a perda de validação parou de melhorar "
              "(mantidos os melhores pesos).",
    },
    "log.stopped": {"en": "Stopped by the user.", "pt": "Interrompido pelo usuário."},
    "metric.mse": {"en": "MSE", "pt": "EQM"},
    "metric.mae": {"en": "MAE", "pt": "EAM"},
    "metric.accuracy": {"en": "accuracy", "pt": "acurácia"},
    "metric.macro_f1": {"en": "macro-F1", "pt": "F1 macro"},
}
