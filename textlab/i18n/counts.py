"""Counted nouns, in each language's plural forms: "1 texto", "2 textos". Sentences take them whole."""

TEXTS: dict[str, dict[str, str]] = {
    "count.texts.one": {"en": "{count} text", "pt": "{count} texto"},
    "count.texts.other": {"en": "{count} texts", "pt": "{count} textos"},
    "count.epochs.one": {"en": "{count} epoch", "pt": "{count} época"},
    "count.epochs.other": {"en": "{count} epochs", "pt": "{count} épocas"},
    "count.steps.one": {"en": "{count} step", "pt": "{count} passo"},
    "count.steps.other": {"en": "{count} steps", "pt": "{count} passos"},
    "count.tokens.one": {"en": "{count} token", "pt": "{count} token"},
    "count.tokens.other": {"en": "{count} tokens", "pt": "{count} tokens"},
    "count.classes.one": {"en": "{count} class", "pt": "{count} classe"},
    "count.classes.other": {"en": "{count} classes", "pt": "{count} classes"},
    "count.positions.one": {"en": "{count} position", "pt": "{count} posição"},
    "count.positions.other": {"en": "{count} positions", "pt": "{count} posições"},
    "count.rows.one": {"en": "{count} row", "pt": "{count} linha"},
    "count.rows.other": {"en": "{count} rows", "pt": "{count} linhas"},
    "count.tensors.one": {"en": "{count} tensor", "pt": "{count} tensor"},
    "count.tensors.other": {"en": "{count} tensors", "pt": "{count} tensores"},
}
