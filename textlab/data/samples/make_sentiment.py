"""Writes sentiment.tsv: short product reviews in Portuguese and English, positive or negative.

Generated, not collected (nothing here comes from a real data set): each review names a product,
says one to three things about it with sentiment words that recur across the whole sample, and
may add neutral remarks that make it longer. Because the same sentiment words come back in the
training and the validation texts, a model can generalise from one to the other; negation
("não recomendo") is kept rare so that averaging word vectors is enough to learn the task.

    python -m textlab.data.samples.make_sentiment     # rewrites sentiment.tsv beside this file
"""

from __future__ import annotations

import random
from pathlib import Path

SEED = 2026
PER_LANGUAGE_AND_LABEL = 125  # 480 reviews in all, balanced
NEGATION_SHARE = 0.04  # reviews whose only sentiment is a negated phrase

WORDS = {
    "pt": {
        # Masculine nouns only, so every adjective agrees with every product.
        "products": ["O produto", "O celular", "O ventilador", "O fone", "O teclado", "O livro", "O travesseiro",
                     "O notebook", "O liquidificador", "O tênis", "O secador", "O relógio", "O mouse", "O carregador"],
        "positive": ["é ótimo", "é excelente", "funciona muito bem", "é muito bom", "superou as expectativas",
                     "tem ótima qualidade", "é lindo", "é perfeito", "vale cada centavo", "é confortável",
                     "chegou rápido", "é resistente", "é uma maravilha", "merece nota dez", "é maravilhoso",
                     "é prático"],
        "negative": ["é péssimo", "é horrível", "quebrou logo", "é muito ruim", "decepcionou",
                     "tem qualidade ruim", "é feio", "veio com defeito", "é caro demais", "é desconfortável",
                     "atrasou muito", "é frágil", "é uma porcaria", "parou de funcionar", "é terrível", "é inútil"],
        "negated": {"positive": ["não decepcionou", "não tem defeito"], "negative": ["não vale a pena", "não é bom"]},
        "neutral": ["comprei no mês passado", "usei durante a semana", "veio numa caixa de papelão",
                    "foi entregue numa terça-feira", "comprei para dar de presente", "uso todos os dias em casa",
                    "paguei no cartão", "é da cor azul", "escolhi o modelo médio", "chegou pelo correio",
                    "minha irmã também tem um", "vi o anúncio na internet"],
        "details": ["comprei na loja de {city}", "o modelo é o {code}", "quem me atendeu foi o {name}",
                    "mandei para {city}"],
        "and": " e ", "also": "Além disso,", "short": {"positive": ["Ótimo!", "Excelente.", "Adorei.", "Recomendo.",
                                                                   "Muito bom.", "Perfeito."],
                                                      "negative": ["Péssimo.", "Horrível.", "Detestei.",
                                                                   "Muito ruim.", "Terrível.", "Decepcionou."]},
    },
    "en": {
        "products": ["The product", "The phone", "The coffee maker", "The headset", "The backpack", "The book",
                     "The chair", "The laptop", "The pan", "The sneaker", "The lamp", "The watch", "The printer",
                     "The charger"],
        "positive": ["is great", "is excellent", "works really well", "is very good", "exceeded my expectations",
                     "has great quality", "is beautiful", "is perfect", "is worth every penny", "is comfortable",
                     "arrived fast", "is sturdy", "is lovely", "is recommended", "is wonderful", "is handy"],
        "negative": ["is awful", "is horrible", "broke quickly", "is very bad", "was a letdown",
                     "has poor quality", "is ugly", "came defective", "is overpriced", "is uncomfortable",
                     "arrived late", "is flimsy", "is useless", "does not work", "is terrible", "is junk"],
        "negated": {"positive": ["is not bad at all", "has no defects"],
                    "negative": ["is not recommended", "is not worth it"]},
        "neutral": ["I bought it last month", "I used it during the week", "it came in a cardboard box",
                    "it was delivered on a Tuesday", "I bought it as a gift", "I use it every day at home",
                    "I paid by card", "it is blue", "I picked the medium model", "it came by mail",
                    "my sister has one too", "I saw the ad online"],
        "details": ["I bought it at the {city} store", "the model is the {code}", "{name} served me",
                    "I sent it to {city}"],
        "and": " and ", "also": "Also,", "short": {"positive": ["Great!", "Excellent.", "Lovely.", "Recommended.",
                                                               "Very good.", "Perfect."],
                                                  "negative": ["Awful.", "Horrible.", "Terrible.", "Very bad.",
                                                               "Useless.", "A letdown."]},
    },
}


CITIES = ["Recife", "Curitiba", "Manaus", "Belém", "Natal", "Maceió", "Londrina", "Santos", "Campinas", "Osasco",
          "Niterói", "Joinville", "Sorocaba", "Uberlândia", "Aracaju", "Teresina", "Cuiabá", "Macapá", "Palmas",
          "Vitória", "Chapecó", "Blumenau", "Petrópolis", "Ilhéus", "Caruaru", "Mossoró", "Juazeiro", "Bauru"]
NAMES = ["Paulo", "Ana", "Marcos", "Júlia", "Rafael", "Beatriz", "Tiago", "Camila", "Lucas", "Fernanda", "Diego",
         "Larissa", "Bruno", "Patrícia", "Caio", "Renata", "Igor", "Sofia", "Vitor", "Helena", "Otávio", "Lívia"]
DETAIL_SHARE = 0.7  # reviews with a name, a city or a model code: rare words, so new text has unknown ones


def detail(rng: random.Random, lang: str) -> str:
    """A neutral detail with a rare word in it (a city, a name, a model code)."""
    code = f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.randint(10, 999)}"
    return rng.choice(WORDS[lang]["details"]).format(city=rng.choice(CITIES), name=rng.choice(NAMES), code=code)


def review(rng: random.Random, lang: str, label: str) -> str:
    words = WORDS[lang]
    if rng.random() < 0.15:  # a one- or two-word review: the short texts padding weighs on most
        return rng.choice(words["short"][label])
    if rng.random() < NEGATION_SHARE:
        phrases = [rng.choice(words["negated"][label])]
    else:
        phrases = rng.sample(words[label], rng.choice((1, 1, 2, 2, 3)))
    sentence = f"{rng.choice(words['products'])} {words['and'].join(phrases)}."
    neutral = rng.sample(words["neutral"], rng.choice((0, 0, 1, 2, 4, 6)))
    if rng.random() < DETAIL_SHARE:
        neutral.insert(rng.randint(0, len(neutral)), detail(rng, lang))
    if neutral:  # neutral remarks, the same for both labels: longer texts, no extra signal
        remark = ", ".join(neutral)
        sentence += f" {words['also']} {remark}." if rng.random() < 0.5 else f" {remark[0].upper()}{remark[1:]}."
    return sentence


def sample_rows(seed: int = SEED) -> list[tuple[str, str]]:
    """Every review once (a repeated one is drawn again), shuffled."""
    rng, seen, rows = random.Random(seed), set(), []
    for lang in WORDS:
        for label in ("positive", "negative"):
            for _ in range(PER_LANGUAGE_AND_LABEL):
                text = review(rng, lang, label)
                while text in seen:
                    text = review(rng, lang, label)
                seen.add(text)
                rows.append((text, label))
    rng.shuffle(rows)
    return rows


def main() -> None:
    lines = ["text\tlabel"] + [f"{text}\t{label}" for text, label in sample_rows()]
    (Path(__file__).parent / "sentiment.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
