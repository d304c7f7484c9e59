"""Strings shared by every page: navigation, the language switch, the home page.

Only what the pages show; what the core and the CLI say is in ``textlab.i18n``.
"""

TEXTS: dict[str, dict[str, str]] = {
    "app.language": {"en": "Language", "pt": "Idioma"},
    "app.presentation": {"en": "Presentation mode", "pt": "Modo apresentação"},
    "app.presentation.help": {"en": "Larger text and higher contrast, for a classroom projector.",
                              "pt": "Texto maior e mais contraste, para o projetor da sala de aula."},
    "app.presentation.table_empty": {"en": "No rows to show.", "pt": "Nenhuma linha para mostrar."},
    "app.presentation.table_head": {
        "en": "Showing the first {shown} of {rows}; turn presentation mode off to scroll through all of them.",
        "pt": "Mostrando as primeiras {shown} de {rows}; desligue o modo apresentação para rolar por todas.",
    },
    "app.url_fallback": {
        "en": "A setting in the link was invalid and its default is used instead: {detail}",
        "pt": "Uma configuração do link era inválida e o valor padrão foi usado: {detail}",
    },
    "nav.home": {"en": "Start", "pt": "Início"},
    "nav.data": {"en": "Data", "pt": "Dados"},
    "nav.vocabulary": {"en": "Vocabulary", "pt": "Vocabulário"},
    "nav.batches": {"en": "Batches", "pt": "Lotes"},
    "nav.train": {"en": "Train", "pt": "Treinar"},
    "nav.embeddings": {"en": "Embeddings", "pt": "Embeddings"},
    "nav.runs": {"en": "Runs", "pt": "Execuções"},
    "home.title": {"en": "textlab: see how a neural network reads text",
                   "pt": "textlab: veja como uma rede neural lê texto"},
    "home.intro": {
        "en": "This playground grows out of a short PyTorch notebook: it builds a token2idx vocabulary, "
              "pads batches with pad_sequence and trains Embedding → mean → Linear. Follow the pages in "
              "order to watch each step happen.",
        "pt": "Este laboratório nasce de um pequeno notebook PyTorch: ele constrói um vocabulário token2idx, "
              "preenche lotes com pad_sequence e treina Embedding → média → Linear. Siga as páginas em "
              "ordem para ver cada etapa acontecer.",
    },
    "home.step.data": {"en": "Paste or upload texts, or pick a sample.",
                       "pt": "Cole ou envie textos, ou escolha um exemplo."},
    "home.step.vocabulary": {"en": "See each token get its number in token2idx.",
                             "pt": "Veja cada token receber seu número no token2idx."},
    "home.step.batches": {"en": "See texts become padded tensors, exactly as PyTorch prints them.",
                          "pt": "Veja textos virarem tensores preenchidos, exatamente como o PyTorch imprime."},
    "home.step.train": {"en": "Press Train and watch the loss curve being drawn as the loss falls.",
                        "pt": "Aperte Treinar e veja a curva de perda se desenhar enquanto a perda cai."},
    "home.step.embeddings": {"en": "See what the model learned: embeddings, pooling, predictions.",
                             "pt": "Veja o que o modelo aprendeu: embeddings, pooling, previsões."},
    "home.step.runs": {"en": "Compare runs and take them away as a PyTorch script.",
                       "pt": "Compare execuções e leve-as como um script PyTorch."},
    "home.step.classroom": {"en": "Run ready-made experiments side by side, or share a lesson link.",
                            "pt": "Rode experimentos prontos lado a lado, ou compartilhe o link de uma aula."},
    "home.current_data": {"en": "Current data: {texts} ({source}).", "pt": "Dados atuais: {texts} ({source})."},
}
