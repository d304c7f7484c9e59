"""Names and one-line explanations of every TrainConfig setting, shared by the pages and the CLI."""

TEXTS: dict[str, dict[str, str]] = {
    "field.tokenizer": {"en": "Tokenizer", "pt": "Tokenizador"},
    "field.tokenizer.help": {
        "en": "{whitespace}: split at the spaces, as the notebook's str.split(); {words}: words and punctuation"
              " apart; {chars}: one token per character; {bpe}, {wordpiece}, {unigram}: subword pieces learned "
              "from the training texts, so a new word is cut into known pieces instead of becoming <UNK>.",
        "pt": "{whitespace}: corta nos espaços, como o str.split() do notebook; {words}: palavras e pontuação "
              "separadas; {chars}: um token por caractere; {bpe}, {wordpiece}, {unigram}: pedaços de palavras "
              "aprendidos com os textos de treino, então uma palavra nova vira pedaços conhecidos em vez de "
              "<UNK>.",
    },
    "field.vocab_size": {"en": "Subword vocabulary size", "pt": "Tamanho do vocabulário de subpalavras"},
    "field.vocab_size.help": {
        "en": "How many tokens the BPE, WordPiece or Unigram tokenizer learns, <PAD> and <UNK> included "
              "(the word tokenizers use the maximum size instead).",
        "pt": "Quantos tokens o tokenizador BPE, WordPiece ou Unigram aprende, contando <PAD> e <UNK> "
              "(os tokenizadores de palavras usam o tamanho máximo).",
    },
    "field.lowercase": {"en": "Lowercase", "pt": "Minúsculas"},
    "field.lowercase.help": {"en": "Lowercase every text before tokenizing.",
                             "pt": "Converte cada texto para minúsculas antes de tokenizar."},
    "field.min_freq": {"en": "Minimum frequency", "pt": "Frequência mínima"},
    "field.min_freq.help": {"en": "Tokens seen fewer times become <UNK>.",
                            "pt": "Tokens vistos menos vezes viram <UNK>."},
    "field.max_size": {"en": "Maximum vocabulary size", "pt": "Tamanho máximo do vocabulário"},
    "field.max_size.help": {"en": "Keep only the most frequent tokens (0 = all), not counting <PAD> and <UNK>.",
                            "pt": "Mantém só os tokens mais frequentes (0 = todos), sem contar <PAD> e <UNK>."},
    "field.vocab_from": {"en": "Build the vocabulary from", "pt": "Construir o vocabulário a partir de"},
    "field.vocab_from.help": {
        "en": "{train}: training texts only (correct); {all}: validation texts too, which leaks them into the "
              "vocabulary.",
        "pt": '{train}: só os textos de treino (correto); {all}: também os de validação, que vazam para o vocabulário.',
    },
    "field.label_mode": {"en": "Labels", "pt": "Rótulos"},
    "field.label_mode.help": {
        "en": "{auto}: classes or numbers, whichever the labels are; {random}: the notebook's torch.randn "
              "labels; {regression}: the labels as numbers; {classification}: the labels as classes.",
        "pt": "{auto}: classes ou números, conforme os rótulos; {random}: os rótulos torch.randn do notebook; "
              "{regression}: os rótulos como números; {classification}: os rótulos como classes.",
    },
    "field.val_fraction": {"en": "Validation fraction", "pt": "Fração de validação"},
    "field.val_fraction.help": {"en": "Share of the texts held out to measure generalisation.",
                                "pt": "Parte dos textos separada para medir a generalização."},
    "field.batch_size": {"en": "Batch size", "pt": "Tamanho do lote"},
    "field.batch_size.help": {"en": "Texts per batch (the notebook uses 2).",
                              "pt": "Textos por lote (o notebook usa 2)."},
    "field.shuffle": {"en": "Shuffle", "pt": "Embaralhar"},
    "field.shuffle.help": {
        "en": "Shuffle the texts every epoch, as the notebook's DataLoader does.",
        "pt": 'Embaralha os textos a cada época, como faz o DataLoader do notebook.',
    },
    "field.bucketing": {"en": "Length bucketing", "pt": "Agrupar por tamanho"},
    "field.bucketing.help": {"en": "Put texts of similar length in the same batch: far less padding.",
                             "pt": "Põe textos de tamanho parecido no mesmo lote: muito menos preenchimento."},
    "field.max_length": {"en": "Maximum text length", "pt": "Tamanho máximo do texto"},
    "field.max_length.help": {
        "en": "Tokens kept from the start of each text; longer texts are cut (0 = keep all). Long texts make "
              "each batch of a GRU or LSTM slow, and a Stop waits for the batch in progress.",
        "pt": "Tokens mantidos do início de cada texto; textos mais longos são cortados (0 = manter todos). "
              "Textos longos deixam cada lote de uma GRU ou LSTM lento, e Parar espera o lote em andamento.",
    },
    "field.encoder": {"en": "Encoder", "pt": "Codificador"},
    "field.encoder.help": {
        "en": "{none}: the notebook's model, a mean of the embeddings; {gru} or {lstm}: read the words in "
              "order; {transformer}: self-attention over the words plus a learned vector per position.",
        "pt": "{none}: o modelo do notebook, uma média dos embeddings; {gru} ou {lstm}: leem as palavras em "
              "ordem; {transformer}: autoatenção sobre as palavras mais um vetor aprendido por posição.",
    },
    "field.pooling": {"en": "Pooling", "pt": "Agregação (pooling)"},
    "field.pooling.help": {
        "en": "{mean}: over all positions, PAD included; {masked_mean}: PAD left out; {max}: the largest value "
              "of each feature; {attention}: learned weights per position; {last}: the last real token.",
        "pt": "{mean}: sobre todas as posições, PAD incluído; {masked_mean}: sem o PAD; {max}: o maior valor de"
              " cada característica; {attention}: pesos aprendidos por posição; {last}: o último token real.",
    },
    "field.embed_dim": {"en": "Embedding size", "pt": "Dimensão do embedding"},
    "field.embed_dim.help": {"en": "Numbers per token vector (the notebook uses 10).",
                             "pt": "Números por vetor de token (o notebook usa 10)."},
    "field.hidden_dim": {"en": "Hidden size", "pt": "Tamanho oculto"},
    "field.hidden_dim.help": {"en": "GRU/LSTM: size of the recurrent state; transformer: width of its "
                                    "feed-forward layer.",
                              "pt": "GRU/LSTM: tamanho do estado recorrente; transformer: largura da sua "
                                    "camada feed-forward."},
    "field.layers": {"en": "Transformer layers", "pt": "Camadas do transformer"},
    "field.layers.help": {"en": "Encoder layers stacked one on another (1 to 4).",
                          "pt": "Camadas do codificador empilhadas (de 1 a 4)."},
    "field.heads": {"en": "Attention heads", "pt": "Cabeças de atenção"},
    "field.heads.help": {"en": "Each head attends on its own; the embedding size must be a multiple of it.",
                         "pt": "Cada cabeça presta atenção por conta própria; a dimensão do embedding deve ser "
                               "múltipla dela."},
    "field.dropout": {"en": "Dropout", "pt": "Dropout"},
    "field.dropout.help": {"en": "Share of pooled features zeroed at random while training.",
                           "pt": "Parte das características zerada ao acaso durante o treino."},
    "field.optimizer": {"en": "Optimizer", "pt": "Otimizador"},
    "field.optimizer.help": {
        "en": '{adam}, {adamw} or {sgd}.',
        "pt": '{adam}, {adamw} ou {sgd}.',
    },
    "field.lr": {"en": "Learning rate", "pt": "Taxa de aprendizado"},
    "field.lr.help": {"en": "Size of each update step (the notebook uses 0.001).",
                      "pt": "Tamanho de cada passo de atualização (o notebook usa 0,001)."},
    "field.weight_decay": {"en": "Weight decay", "pt": "Decaimento de pesos"},
    "field.weight_decay.help": {"en": "Pulls weights towards zero (regularisation).",
                                "pt": "Puxa os pesos para zero (regularização)."},
    "field.lr_schedule": {"en": "Learning-rate schedule", "pt": "Agenda da taxa de aprendizado"},
    "field.lr_schedule.help": {
        "en": '{none}, {step}, {cosine} or {plateau}: how the learning rate changes during the run.',
        "pt": '{none}, {step}, {cosine} ou {plateau}: como a taxa de aprendizado muda durante o treino.',
    },
    "field.grad_clip": {"en": "Gradient clipping", "pt": "Corte de gradiente"},
    "field.grad_clip.help": {"en": "Largest gradient norm allowed (0 = off).",
                             "pt": "Maior norma de gradiente permitida (0 = desligado)."},
    "field.epochs": {"en": "Epochs", "pt": "Épocas"},
    "field.epochs.help": {"en": "Passes over the training texts (the notebook uses 3).",
                          "pt": "Passadas pelos textos de treino (o notebook usa 3)."},
    "field.patience": {"en": "Early-stopping patience", "pt": "Paciência da parada antecipada"},
    "field.patience.help": {"en": "Stop after this many epochs without a better validation loss (0 = off).",
                            "pt": "Para após estas épocas sem melhorar a perda de validação (0 = desligado)."},
    "field.seed": {"en": "Seed", "pt": "Semente"},
    "field.seed.help": {"en": "The same seed gives the same run.", "pt": "A mesma semente dá o mesmo treino."},
    "field.device": {"en": "Device", "pt": "Dispositivo"},
    "field.device.help": {
        "en": '{auto}: a GPU when there is one, else the CPU.',
        "pt": '{auto}: uma GPU quando houver, senão a CPU.',
    },
}
