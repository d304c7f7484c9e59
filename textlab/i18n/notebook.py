"""Strings of the exported notebook: the markdown cell that explains each code section (Markdown)."""

TEXTS: dict[str, dict[str, str]] = {
    "notebook.intro": {
        "en": "# {title}\n\nMade by textlab from this run. It trains the same network with plain PyTorch, in the "
              "style of the original notebook, one step per cell, each explained above it. Run the cells in order "
              "(*Run all*): on the CPU it prints the same losses per epoch as textlab recorded "
              "(PyTorch {version}).\n\nThe data is inside the notebook, so it opens in Jupyter or Google Colab as "
              "it is, with no other file to upload. It needs {packages}, which Colab already has.",
        "pt": "# {title}\n\nGerado pelo textlab a partir desta execução. Treina a mesma rede com PyTorch puro, no "
              "estilo do notebook original, um passo por célula, cada um explicado acima dela. Execute as células "
              "em ordem (*Executar tudo*): na CPU, imprime as mesmas perdas por época que o textlab registrou "
              "(PyTorch {version}).\n\nOs dados estão dentro do notebook, então ele abre no Jupyter ou no Google "
              "Colab como está, sem outro arquivo para enviar. Precisa de {packages}, que o Colab já tem.",
    },
    "notebook.packages.torch": {"en": "`torch`", "pt": "`torch`"},
    "notebook.packages.tokenizers": {"en": "`torch` and `tokenizers`", "pt": "`torch` e `tokenizers`"},
    "notebook.imports": {
        "en": "## Libraries\n\nPyTorch (`torch`, `torch.nn`) and a few modules of Python's standard library. "
              "`pad_sequence` pads a batch; `DataLoader` draws the batches.",
        "pt": "## Bibliotecas\n\nPyTorch (`torch`, `torch.nn`) e alguns módulos da biblioteca padrão do Python. "
              "`pad_sequence` preenche um lote; `DataLoader` sorteia os lotes.",
    },
    "notebook.imports.tokenizers": {
        "en": " `tokenizers` (Hugging Face) reads the subword tokenizer textlab learned.",
        "pt": " `tokenizers` (Hugging Face) lê o tokenizador de subpalavras que o textlab aprendeu.",
    },
    "notebook.settings": {
        "en": "## Settings\n\nEvery setting of the run in one cell, under the names the code uses. Change one and "
              "run all cells again to try something of your own; the losses then differ from textlab's.",
        "pt": "## Configurações\n\nTodas as configurações da execução numa célula, com os nomes que o código usa. "
              "Mude uma e execute tudo de novo para experimentar; as perdas então diferem das do textlab.",
    },
    "notebook.data": {
        "en": "## The data\n\n{texts} {labels} The next cell holds them as the CSV textlab stored with the run, "
              "one text per line (a long cell starts folded: click it to open). `texts` is the list of texts.",
        "pt": "## Os dados\n\n{texts} {labels} A próxima célula os guarda como o CSV que o textlab salvou com a "
              "execução, um texto por linha (uma célula longa começa recolhida: clique nela para abrir). `texts` é "
              "a lista de textos.",
    },
    "notebook.texts.one": {"en": "One text.", "pt": "Um texto."},
    "notebook.texts.other": {"en": "{count:,} texts.", "pt": "{count:,} textos."},
    "notebook.labels.none": {"en": "No labels: as in the notebook, the network learns random ones.",
                             "pt": "Sem rótulos: como no notebook, a rede aprende rótulos aleatórios."},
    "notebook.labels.ignored": {
        "en": "Their labels (`labels`) are ignored: as in the notebook, the network learns random ones.",
        "pt": "Os rótulos (`labels`) são ignorados: como no notebook, a rede aprende rótulos aleatórios.",
    },
    "notebook.labels.regression": {"en": "Each has a number to predict (`labels`): regression.",
                                   "pt": "Cada um tem um número a prever (`labels`): regressão."},
    "notebook.labels.classification": {"en": "Each has one of {classes} (`labels`): {names}.",
                                       "pt": "Cada um tem uma de {classes} (`labels`): {names}."},
    "notebook.split.none": {
        "en": "## Training and validation\n\nNo validation set: every text trains the network.",
        "pt": "## Treino e validação\n\nSem conjunto de validação: todos os textos treinam a rede.",
    },
    "notebook.split": {
        "en": "## Training and validation\n\n{share:.0%} of the texts are held out for validation, the same ones "
              "for the same seed{stratified}. The network never trains on them, so their loss says how it does on "
              "texts it has not seen.",
        "pt": "## Treino e validação\n\n{share:.0%} dos textos ficam de fora para validação, os mesmos para a mesma "
              "semente{stratified}. A rede nunca treina com eles, então a perda deles diz como ela se sai com "
              "textos que não viu.",
    },
    "notebook.split.stratified": {"en": ", in the same proportion from each class",
                                  "pt": ", na mesma proporção de cada classe"},
    "notebook.vocabulary.whitespace": {
        "en": "## Tokens and the vocabulary\n\nAs in the notebook, `text.split()` cuts each text at the spaces.",
        "pt": "## Tokens e vocabulário\n\nComo no notebook, `text.split()` corta cada texto nos espaços.",
    },
    "notebook.vocabulary.words": {
        "en": "## Tokens and the vocabulary\n\nEach text is cut into words, with punctuation marks apart.",
        "pt": "## Tokens e vocabulário\n\nCada texto é cortado em palavras, com os sinais de pontuação à parte.",
    },
    "notebook.vocabulary.chars": {
        "en": "## Tokens and the vocabulary\n\nEach character of a text is a token.",
        "pt": "## Tokens e vocabulário\n\nCada caractere de um texto é um token.",
    },
    "notebook.vocabulary.words_rest": {
        "en": " `token2idx` gives each token a number: `<PAD>` = 0 (padding), `<UNK>` = 1 (a token the vocabulary "
              "lacks), then the tokens in the order they first appear in the training texts. `encode` turns a text "
              "into those numbers: a word never seen becomes `<UNK>`.",
        "pt": " `token2idx` dá um número a cada token: `<PAD>` = 0 (preenchimento), `<UNK>` = 1 (um token que falta "
              "no vocabulário), depois os tokens na ordem em que aparecem nos textos de treino. `encode` transforma "
              "um texto nesses números: uma palavra nunca vista vira `<UNK>`.",
    },
    "notebook.vocabulary.subword": {
        "en": "## Tokens and the vocabulary\n\n{kind}: textlab learned this subword tokenizer from the training "
              "texts, and `TOKENIZER_JSON` is the very tokenizer the run used. A word is cut into pieces of its "
              "vocabulary, so a word never seen is still read, piece by piece, instead of becoming `<UNK>`. "
              "`token2idx` is its vocabulary: `<PAD>` = 0, `<UNK>` = 1, then every learned piece.",
        "pt": "## Tokens e vocabulário\n\n{kind}: o textlab aprendeu este tokenizador de subpalavras com os textos "
              "de treino, e `TOKENIZER_JSON` é exatamente o tokenizador que a execução usou. Uma palavra é cortada "
              "em pedaços do vocabulário dele, então uma palavra nunca vista ainda é lida, pedaço a pedaço, em vez "
              "de virar `<UNK>`. `token2idx` é o vocabulário: `<PAD>` = 0, `<UNK>` = 1, depois cada pedaço "
              "aprendido.",
    },
    "notebook.batches": {
        "en": "## Padding and the DataLoader\n\nA batch is a rectangle: each text's ids are padded at the end "
              "with `<PAD>` = 0 up to the longest text of the batch (`pad_sequence`), and `mask` is True at the "
              "real tokens. The `DataLoader` hands out batches of {batch_size}{order}. To see a padded "
              "batch, run `collate(train_idx[:BATCH_SIZE])` in a new cell: it draws no random numbers, so the run "
              "stays the same.",
        "pt": "## Preenchimento e o DataLoader\n\nUm lote é um retângulo: os ids de cada texto são preenchidos no "
              "fim com `<PAD>` = 0 até o texto mais longo do lote (`pad_sequence`), e `mask` é True nos tokens "
              "reais. O `DataLoader` entrega lotes de {batch_size}{order}. Para ver um lote preenchido, "
              "execute `collate(train_idx[:BATCH_SIZE])` numa nova célula: não sorteia nada, então a execução "
              "continua a mesma.",
    },
    "notebook.order.shuffled": {"en": ", in a new random order each epoch", "pt": ", numa nova ordem aleatória a "
                                                                                  "cada época"},
    "notebook.order.fixed": {"en": ", in the same order every epoch", "pt": ", na mesma ordem em toda época"},
    "notebook.order.bucketing": {
        "en": ", in a new random order each epoch, texts of similar length together so there is less padding",
        "pt": ", numa nova ordem aleatória a cada época, textos de tamanho parecido juntos para haver menos "
              "preenchimento",
    },
    "notebook.model.simple": {
        "en": "## The model\n\nThe notebook's `SimpleModel`: `nn.Embedding` turns each token id into a vector of "
              "EMBED_DIM numbers, their mean over every position (padding included, as in the notebook) is one "
              "vector per text, and `nn.Linear` turns it into {outputs}.",
        "pt": "## O modelo\n\nO `SimpleModel` do notebook: `nn.Embedding` transforma cada id de token num vetor de "
              "EMBED_DIM números, a média deles sobre todas as posições (com o preenchimento, como no notebook) é "
              "um vetor por texto, e `nn.Linear` o transforma em {outputs}.",
    },
    "notebook.model.text": {
        "en": "## The model\n\n`TextModel`: `nn.Embedding` turns each token id into a vector of EMBED_DIM numbers; "
              "{encoder}; pooling ({pooling}) makes one vector per text; `nn.Linear` turns it into {outputs}.",
        "pt": "## O modelo\n\n`TextModel`: `nn.Embedding` transforma cada id de token num vetor de EMBED_DIM "
              "números; {encoder}; a agregação ({pooling}) faz um vetor por texto; `nn.Linear` o transforma em "
              "{outputs}.",
    },
    "notebook.encoder.none": {"en": "no encoder: the vectors go straight to pooling",
                              "pt": "sem codificador: os vetores vão direto para a agregação"},
    "notebook.encoder.gru": {"en": "a GRU reads the tokens in order, so word order counts",
                             "pt": "uma GRU lê os tokens em ordem, então a ordem das palavras conta"},
    "notebook.encoder.lstm": {"en": "an LSTM reads the tokens in order, so word order counts",
                              "pt": "uma LSTM lê os tokens em ordem, então a ordem das palavras conta"},
    "notebook.encoder.transformer": {
        "en": "a learned vector per position is added, then {layers} with {heads} let each token look at the "
              "others (never at padding)",
        "pt": "soma-se um vetor aprendido por posição, depois {layers} com {heads} deixam cada token olhar os "
              "outros (nunca o preenchimento)",
    },
    "notebook.layers.one": {"en": "{count} self-attention layer", "pt": "{count} camada de autoatenção"},
    "notebook.layers.other": {"en": "{count} self-attention layers", "pt": "{count} camadas de autoatenção"},
    "notebook.heads.one": {"en": "{count} head", "pt": "{count} cabeça"},
    "notebook.heads.other": {"en": "{count} heads", "pt": "{count} cabeças"},
    "notebook.outputs.one": {"en": "one number", "pt": "um número"},
    "notebook.outputs.classes": {"en": "one score per class", "pt": "uma pontuação por classe"},
    "notebook.training_setup": {
        "en": "## Loss and optimiser\n\n`torch.manual_seed(SEED)` right before building the model gives the same "
              "initial weights textlab started from. The loss is `{loss}`: {loss_meaning}. `{optimizer}` updates "
              "the weights with learning rate LR{schedule}.",
        "pt": "## Perda e otimizador\n\n`torch.manual_seed(SEED)` logo antes de criar o modelo dá os mesmos pesos "
              "iniciais de que o textlab partiu. A perda é `{loss}`: {loss_meaning}. `{optimizer}` atualiza os "
              "pesos com a taxa de aprendizado LR{schedule}.",
    },
    "notebook.loss.MSELoss": {"en": "the mean of the squared differences between output and label",
                              "pt": "a média dos quadrados das diferenças entre saída e rótulo"},
    "notebook.loss.CrossEntropyLoss": {
        "en": "minus the logarithm of the probability the network gives the right class",
        "pt": "menos o logaritmo da probabilidade que a rede dá à classe certa",
    },
    "notebook.schedule": {"en": " (schedule: {schedule})", "pt": " (agenda: {schedule})"},
    "notebook.evaluation": {
        "en": "## Evaluation\n\n`evaluate()` measures the validation texts without training on them "
              "(`model.eval()`, `torch.no_grad()`): the loss and {metric}.",
        "pt": "## Avaliação\n\n`evaluate()` mede os textos de validação sem treinar com eles (`model.eval()`, "
              "`torch.no_grad()`): a perda e {metric}.",
    },
    "notebook.metric.accuracy": {"en": "the accuracy (the share of classes it gets right)",
                                 "pt": "a acurácia (a fração de classes que acerta)"},
    "notebook.metric.mae": {"en": "the MAE (the mean absolute error)", "pt": "o EAM (o erro absoluto médio)"},
    "notebook.training_loop": {
        "en": "## The training loop\n\nFor each of the EPOCHS epochs and each batch: the forward pass "
              "(`model(ids, mask)`), the loss, `loss.backward()` for the gradients and `optimizer.step()` to "
              "update the weights.{labels} Each epoch prints one line.",
        "pt": "## O laço de treino\n\nPara cada uma das EPOCHS épocas e cada lote: o forward (`model(ids, mask)`), "
              "a perda, `loss.backward()` para os gradientes e `optimizer.step()` para atualizar os pesos.{labels} "
              "Cada época imprime uma linha.",
    },
    "notebook.loop.random_labels": {
        "en": " As in the notebook, the labels of each batch are drawn at random (`torch.randn`), from their own "
              "generator so they repeat.",
        "pt": " Como no notebook, os rótulos de cada lote são sorteados (`torch.randn`), de um gerador próprio "
              "para se repetirem.",
    },
    "notebook.losses": {
        "en": "## What the losses mean\n\n`Loss` is the loss of the epoch's last batch, the number the notebook "
              "printed; `mean loss of the epoch` averages every training text, so it wobbles less. {task}",
        "pt": "## O que as perdas significam\n\n`Perda` é a perda do último lote da época, o número que o notebook "
              "imprimia; `perda média da época` é a média de todos os textos de treino, por isso oscila menos. "
              "{task}",
    },
    "notebook.losses.random": {
        "en": "With random labels there is nothing to learn: they are new noise in every batch, so the loss "
              "wanders around 1 (the variance of `torch.randn`) instead of falling. The code works; learning "
              "needs real labels.",
        "pt": "Com rótulos aleatórios não há o que aprender: são ruído novo a cada lote, então a perda vagueia em "
              "torno de 1 (a variância de `torch.randn`) em vez de cair. O código funciona; aprender precisa de "
              "rótulos de verdade.",
    },
    "notebook.losses.regression": {
        "en": "The loss is a squared error: its square root is roughly how far off a prediction is, in the "
              "labels' units.",
        "pt": "A perda é um erro ao quadrado: a raiz quadrada dela é mais ou menos o quanto uma previsão erra, "
              "na unidade dos rótulos.",
    },
    "notebook.losses.classification": {
        "en": "Guessing among {classes} at random gives a loss of ln {count} ≈ {chance:.3f}: below that, the "
              "network has learned something.",
        "pt": "Chutar entre {classes} ao acaso dá uma perda de ln {count} ≈ {chance:.3f}: abaixo disso, a "
              "rede aprendeu algo.",
    },
    "notebook.losses.validation": {
        "en": " When the validation loss rises while the training loss keeps falling, the network is memorising "
              "its training texts (overfitting).",
        "pt": " Quando a perda de validação sobe enquanto a de treino continua caindo, a rede está decorando os "
              "textos de treino (sobreajuste).",
    },
    "notebook.recorded": {
        "en": "\n\ntextlab recorded these losses for this run; the lines printed above repeat them:",
        "pt": "\n\nO textlab registrou estas perdas nesta execução; as linhas impressas acima as repetem:",
    },
    "notebook.col.epoch": {"en": "epoch", "pt": "época"},
    "notebook.col.last_loss": {"en": "loss (last batch)", "pt": "perda (último lote)"},
    "notebook.col.train_loss": {"en": "mean loss of the epoch", "pt": "perda média da época"},
    "notebook.col.val_loss": {"en": "validation loss", "pt": "perda de validação"},
}
