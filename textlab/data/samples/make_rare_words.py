"""Writes rare_words.tsv: product reviews whose sentiment often rests on one rare word, used twice.

Generated, not collected. A third of the reviews are the sentiment sample's kind (common sentiment
words a model learns). Each of the others says its sentiment with one less common adjective
("O teclado é impecável.", "The lamp is shoddy.") that appears in exactly two reviews of the whole
sample, then adds neutral remarks. Whether such a word is in a vocabulary that keeps words seen at
least twice depends on which texts were counted: this is the data the vocabulary-leak experiment
runs on (textlab/classroom/experiments.py).

    python -m textlab.data.samples.make_rare_words     # rewrites rare_words.tsv beside this file
"""

from __future__ import annotations

import random
from pathlib import Path

from textlab.data.samples.make_sentiment import WORDS, review

SEED = 2027
COMMON_PER_LANGUAGE_AND_LABEL = 80
USES_PER_RARE_WORD = 2  # the least a vocabulary with min_freq 2 keeps, when both uses are counted

# Adjectives that the common reviews never use, each ending its sentence (so it is one token with its
# full stop, the same in both of its reviews). Portuguese ones agree with the masculine products.
RARE = {
    "pt": {
        "positive": ["espetacular", "impecável", "sensacional", "fantástico", "incrível", "formidável",
                     "esplêndido", "primoroso", "fenomenal", "estupendo", "magnífico", "admirável", "caprichado",
                     "encantador", "deslumbrante", "notável", "sublime", "irretocável", "exemplar", "divino",
                     "bacana", "supimpa", "excepcional", "genial", "valioso", "robusto", "eficiente", "elegante",
                     "charmoso", "caprichoso", "fabuloso", "surpreendente", "agradável", "confiável",
                     "durável", "silencioso", "macio", "potente", "leve", "bem-feito"],
        "negative": ["lamentável", "vergonhoso", "medíocre", "deplorável", "desastroso", "precário", "defeituoso",
                     "capenga", "tosco", "malfeito", "sofrível", "insuportável", "inaceitável", "barulhento",
                     "vagabundo", "furado", "pavoroso", "detestável", "frustrante", "ridículo", "abominável",
                     "fajuto", "chinfrim", "ordinário", "imprestável", "estragado", "enguiçado", "bambo",
                     "desajeitado", "mixuruca", "quebradiço", "lento", "pesado", "apertado", "esquisito",
                     "horroroso", "nojento", "cafona", "falsificado", "travado"],
    },
    "en": {
        "positive": ["superb", "flawless", "splendid", "fantastic", "terrific", "marvellous", "outstanding",
                     "brilliant", "stellar", "delightful", "exquisite", "impressive", "magnificent", "phenomenal",
                     "exceptional", "admirable", "charming", "gorgeous", "fabulous", "remarkable", "majestic",
                     "top-notch", "first-rate", "peerless", "dazzling", "nifty", "solid", "reliable", "elegant",
                     "spotless", "amazing", "durable", "quiet", "powerful", "lightweight", "sleek", "smooth", "cosy",
                     "faultless", "handsome"],
        "negative": ["dreadful", "shoddy", "lousy", "pathetic", "abysmal", "atrocious", "dismal", "wretched",
                     "faulty", "rubbish", "crummy", "appalling", "deplorable", "disgraceful", "mediocre", "inferior",
                     "unbearable", "unacceptable", "noisy", "dodgy", "rickety", "botched", "substandard", "woeful",
                     "miserable", "hopeless", "frustrating", "ridiculous", "laughable", "wobbly", "sluggish",
                     "heavy", "cramped", "weird", "hideous", "gross", "tacky", "counterfeit", "glitchy", "leaky"],
    },
}
VERB = {"pt": "é", "en": "is"}
# The whitespace tokenizer keeps the mark on the word: "impecável." and "impecável!" are two tokens.
MARKS = (".", "!")


def rare_review(rng: random.Random, lang: str, word: str) -> str:
    """A review whose only sentiment is ``word``, then zero to three neutral remarks."""
    words = WORDS[lang]
    sentence = f"{rng.choice(words['products'])} {VERB[lang]} {word}"
    neutral = rng.sample(words["neutral"], rng.choice((0, 1, 2, 3)))
    if neutral:
        remark = ", ".join(neutral)
        sentence += f" {remark[0].upper()}{remark[1:]}."
    return sentence


def sample_rows(seed: int = SEED) -> list[tuple[str, str]]:
    """Every review once (a repeated one is drawn again), shuffled."""
    rng, seen, rows = random.Random(seed), set(), []

    def add(label: str, draw, *args: str) -> None:
        text = draw(rng, *args)
        while text in seen:
            text = draw(rng, *args)
        seen.add(text)
        rows.append((text, label))

    for lang, labels in RARE.items():
        for label, rare_words in labels.items():
            for _ in range(COMMON_PER_LANGUAGE_AND_LABEL):
                add(label, review, lang, label)
            for word in rare_words:
                for mark in MARKS:
                    for _ in range(USES_PER_RARE_WORD):
                        add(label, rare_review, lang, word + mark)
    rng.shuffle(rows)
    return rows


def main() -> None:
    lines = ["text\tlabel"] + [f"{text}\t{label}" for text, label in sample_rows()]
    (Path(__file__).parent / "rare_words.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
