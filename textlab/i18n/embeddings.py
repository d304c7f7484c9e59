"""The core's strings about a model's embeddings: its errors and the figures built from it."""

TEXTS: dict[str, dict[str, str]] = {
    "emb.error.empty_text": {
        "en": "Type a text with at least one token to get a prediction.",
        "pt": "Digite um texto com pelo menos um token para obter uma previsão.",
    },
    "emb.map.title_untrained": {
        "en": "Untrained embeddings (no run yet): random starting points",
        "pt": "Embeddings não treinados (sem treino): pontos de partida aleatórios",
    },
    "emb.map.title_initial": {
        "en": "Epoch 0: the random initial embeddings, before training",
        "pt": "Época 0: os embeddings iniciais aleatórios, antes do treino",
    },
    "emb.map.title_epoch": {"en": "Embeddings after epoch {epoch}", "pt": "Embeddings após a época {epoch}"},
    # On two lines: the longest map title, it would run past the chart's edge at presentation size.
    "emb.map.title_kept": {"en": "{title}<br>the weights the model kept (early stopping)",
                           "pt": "{title}<br>os pesos que o modelo manteve (parada antecipada)"},
    "emb.map.title_epoch_loss": {
        "en": "Embeddings after epoch {epoch} · training loss {loss:.4f}",
        "pt": "Embeddings após a época {epoch} · perda de treino {loss:.4f}",
    },
    "emb.map.axis": {
        "en": "principal component {number} ({share:.0%} of the variance)",
        "pt": "componente principal {number} ({share:.0%} da variância)",
    },
    "emb.map.axis_short": {"en": "PC {number} ({share:.0%})", "pt": "CP {number} ({share:.0%})"},
    "emb.map.tokens": {"en": "tokens", "pt": "tokens"},
    "emb.map.axis_tsne": {"en": "t-SNE {number}", "pt": "t-SNE {number}"},
    "emb.map.highlighted": {"en": "selected", "pt": "selecionado"},
    "emb.map.neighbours": {"en": "its nearest neighbours", "pt": "seus vizinhos mais próximos"},
    "emb.map.count": {"en": "count", "pt": "contagem"},
    "emb.map.mean_label": {"en": "mean label", "pt": "rótulo médio"},
    "emb.map.no_label": {"en": "no clear label", "pt": "sem rótulo claro"},
    "emb.map.slider_prefix": {"en": "Epoch: ", "pt": "Época: "},
    "emb.map.play": {"en": "▶ Play", "pt": "▶ Animar"},
    "emb.map.pause": {"en": "Pause", "pt": "Pausar"},
    # Figures
    "emb.fig.dimension": {"en": "embedding dimension", "pt": "dimensão do embedding"},
    "emb.fig.position": {"en": "position in the text", "pt": "posição no texto"},
    "emb.fig.heatmap_title": {
        "en": "Text {number}: one row per position, shape {shape}",
        "pt": "Texto {number}: uma linha por posição, formato {shape}",
    },
    "emb.fig.plain_mean": {"en": "plain mean (notebook, PAD included)", "pt": "média simples (notebook, com PAD)"},
    "emb.fig.masked_mean": {"en": "masked mean (real tokens only)", "pt": "média mascarada (só tokens reais)"},
    "emb.fig.pooled_title": {
        "en": "One vector per text: the same batch pooled two ways",
        "pt": "Um vetor por texto: o mesmo lote agregado de duas formas",
    },
    "emb.fig.attention_title": {"en": "Attention weight of each token", "pt": "Peso de atenção de cada token"},
    "emb.fig.self_attention_title": {"en": "Self-attention: where each token looks (row → column)",
                                     "pt": "Autoatenção: para onde cada token olha (linha → coluna)"},
    "emb.fig.layer_head": {"en": "layer {layer}, head {head}", "pt": "camada {layer}, cabeça {head}"},
    "emb.fig.attention_hover": {"en": "%{y} looks at %{x}: %{z:.3f}", "pt": "%{y} olha para %{x}: %{z:.3f}"},
    "emb.fig.positions_title": {"en": "Cosine similarity between position vectors",
                                "pt": "Similaridade de cosseno entre os vetores de posição"},
    "emb.fig.positions_hover": {"en": "positions %{y} and %{x}: %{z:.3f}", "pt": "posições %{y} e %{x}: %{z:.3f}"},
    "emb.fig.grad_title": {
        "en": "Size of the gradient of each embedding row",
        "pt": "Tamanho do gradiente de cada linha de embedding",
    },
    "emb.fig.grad_rows": {"en": "row of the embedding matrix (token)", "pt": "linha da matriz de embeddings (token)"},
    "emb.fig.grad_norm": {"en": "gradient size (norm)", "pt": "tamanho do gradiente (norma)"},
    "emb.fig.grad_in_batch": {"en": "token in the batch", "pt": "token no lote"},
    "emb.fig.grad_not_in_batch": {"en": "not in the batch", "pt": "fora do lote"},
    "emb.fig.confusion_title": {"en": "Confusion matrix", "pt": "Matriz de confusão"},
    "emb.fig.confusion_hover": {"en": "actual %{y}, predicted %{x}: %{z}", "pt": "real %{y}, previsto %{x}: %{z}"},
    "emb.fig.predicted": {"en": "predicted class", "pt": "classe prevista"},
    "emb.fig.actual": {"en": "actual class", "pt": "classe real"},
    "emb.fig.probabilities_title": {"en": "Probability of each class", "pt": "Probabilidade de cada classe"},
    "emb.fig.probability": {"en": "probability", "pt": "probabilidade"},
}
