"""Strings of the embeddings page: the embedding map, the forward pass, predictions and errors.

Only what the pages show; what the core and the CLI say is in ``textlab.i18n``.
"""

TEXTS: dict[str, dict[str, str]] = {
    # Page
    "emb.title": {"en": "Embeddings: what the model learned", "pt": "Embeddings: o que o modelo aprendeu"},
    "emb.intro": {
        "en": "Each token is a vector of numbers (a row of the embedding matrix). Here you can see those vectors, "
              "follow one batch through the model and ask it about a text of your own.",
        "pt": "Cada token é um vetor de números (uma linha da matriz de embeddings). Aqui você vê esses vetores, "
              "acompanha um lote pelo modelo e pergunta ao modelo sobre um texto seu.",
    },
    "emb.tab.map": {"en": "Embedding map", "pt": "Mapa de embeddings"},
    "emb.tab.forward": {"en": "One batch, step by step", "pt": "Um lote, passo a passo"},
    "emb.tab.predict": {"en": "Predictions and errors", "pt": "Previsões e erros"},
    "emb.source.preview": {
        "en": "No training run yet: these are the UNTRAINED embeddings, random numbers of a freshly created model "
              "for the current data and settings. Train on the Train page to see them change.",
        "pt": "Ainda não houve treino: estes são os embeddings NÃO TREINADOS, números aleatórios de um modelo recém-"
              "criado para os dados e configurações atuais. Treine na página Treinar para vê-los mudar.",
    },
    "emb.source.starting": {
        "en": "The run is starting: meanwhile these are the UNTRAINED embeddings of a fresh model.",
        "pt": "O treino está começando: enquanto isso, estes são os embeddings NÃO TREINADOS de um modelo novo.",
    },
    "emb.source.live": {
        "en": "Training is running: the map gains a frame at the end of every epoch.",
        "pt": "O treino está em andamento: o mapa ganha um quadro ao fim de cada época.",
    },
    "emb.source.finished": {
        "en": "The run ended ({state}) after {epochs}: this is the model it trained.",
        "pt": "O treino terminou ({state}) após {epochs}: este é o modelo que ele treinou.",
    },
    "emb.source.early_stopped": {
        "en": "The run stopped early after {epochs} and kept epoch {kept}'s weights (its best): this page shows "
              "that model.",
        "pt": "O treino parou antes, após {epochs}, e manteve os pesos da época {kept} (a melhor): é esse o modelo "
              "mostrado aqui.",
    },
    "emb.live.progress": {
        "en": "Epoch {epoch} of {epochs} · {state}",
        "pt": "Época {epoch} de {epochs} · {state}",
    },
    "emb.state.queued": {"en": "waiting for a free slot", "pt": "aguardando uma vaga"},
    "emb.state.running": {"en": "running", "pt": "em andamento"},
    "emb.state.paused": {"en": "paused", "pt": "pausado"},
    "emb.state.finished": {"en": "finished", "pt": "concluído"},
    "emb.state.stopped": {"en": "stopped", "pt": "interrompido"},
    "emb.state.failed": {"en": "failed", "pt": "com falha"},
    # Embedding map
    "emb.map.not_finite": {
        "en": "Some snapshots hold infinite or undefined numbers (the run diverged): the map leaves them out.",
        "pt": "Alguns registros têm números infinitos ou indefinidos (o treino divergiu): o mapa os deixa de fora.",
    },
    "emb.map.dims": {"en": "View", "pt": "Visão"},
    "emb.map.colour_by": {"en": "Colour by", "pt": "Colorir por"},
    "emb.map.colour.frequency": {"en": "how often the token appears", "pt": "frequência do token"},
    "emb.map.colour.label": {"en": "the label it goes with", "pt": "o rótulo a que se associa"},
    "emb.map.shown": {"en": "Tokens shown (most frequent first)", "pt": "Tokens exibidos (mais frequentes primeiro)"},
    "emb.map.shown_help": {
        "en": "At most the 500 most frequent tokens are recorded; the 30 most frequent get a text label where it "
              "covers no other label, and every point shows its token when you hover over it.",
        "pt": "São registrados no máximo os 500 tokens mais frequentes; os 30 mais frequentes têm rótulo de texto "
              "onde ele não cobre outro rótulo, e cada ponto mostra seu token ao passar o mouse.",
    },
    "emb.map.notice_frames": {
        "en": "What to notice: press Play or drag the epoch slider and watch which tokens move; tokens that end up "
              "close together are ones the model treats alike ({count} of {total} vocabulary tokens shown).",
        "pt": "Repare: aperte Animar ou arraste o controle de época e veja quais tokens se movem; tokens que terminam "
              "próximos são tratados de forma parecida pelo modelo ({count} de {total} tokens do vocabulário).",
    },
    "emb.map.notice_single": {
        "en": "What to notice: before training the points are scattered at random, so nearby tokens mean nothing "
              "yet ({count} of {total} vocabulary tokens shown).",
        "pt": "Repare: antes do treino os pontos estão espalhados ao acaso, então tokens próximos ainda não "
              "significam nada ({count} de {total} tokens do vocabulário).",
    },
    "emb.map.kept_notice": {
        "en": "Early stopping ended training at epoch {last} and gave the model back the weights of epoch {kept}, "
              "its best validation loss: the map opens on epoch {kept}, the model you have, and the neighbours "
              "and movers below use it. Move the slider to epoch {last} to see the last epoch trained.",
        "pt": "A parada antecipada encerrou o treino na época {last} e devolveu ao modelo os pesos da época "
              "{kept}, a de melhor perda de validação: o mapa abre na época {kept}, o modelo que você tem, e os "
              "vizinhos e os que mais se moveram, abaixo, também o usam. Mova o controle para a época {last} "
              "para ver a última época treinada.",
    },
    "emb.map.notice_pca": {
        "en": "How it is drawn: PCA (computed with PyTorch) flattens each vector to 2 or 3 numbers; every epoch "
              "is drawn on the axes of the last one, so a point moves only when its vector really moved. "
              "■ = <PAD>, ✕ = <UNK>.",
        "pt": "Como é desenhado: a PCA (calculada com PyTorch) reduz cada vetor a 2 ou 3 números; todas as épocas "
              "são desenhadas nos eixos da última, então um ponto só se move quando seu vetor realmente mudou. "
              "■ = <PAD>, ✕ = <UNK>.",
    },
    "emb.map.projection": {"en": "Projection", "pt": "Projeção"},
    "emb.map.projection.pca": {"en": "PCA", "pt": "PCA"},
    "emb.map.projection.tsne": {"en": "t-SNE", "pt": "t-SNE"},
    "emb.map.projection_help": {
        "en": "PCA is instant and shows every epoch on the same axes. t-SNE (scikit-learn) keeps each token's "
              "nearest neighbours close, but distances between groups mean little; it maps the weights the "
              "model kept, and takes a few seconds on many tokens.",
        "pt": "A PCA é instantânea e mostra todas as épocas nos mesmos eixos. O t-SNE (scikit-learn) mantém "
              "próximos os vizinhos de cada token, mas as distâncias entre grupos dizem pouco; ele mapeia os "
              "pesos que o modelo guardou e leva alguns segundos com muitos tokens.",
    },
    "emb.map.tsne_running": {
        "en": "Computing the t-SNE map in the background… the rest of the page keeps working.",
        "pt": "Calculando o mapa t-SNE em segundo plano… o resto da página continua funcionando.",
    },
    "emb.map.notice_tsne": {
        "en": "How it is drawn: t-SNE (scikit-learn) of the kept weights, perplexity {perplexity} (at most 30 and "
              "under a third of the {count} tokens shown, since it must stay below the number of points), "
              "random state = the run's seed, so the same run gives the same map. Only nearness means "
              "something: the axes and the gaps between groups do not. ■ = <PAD>, ✕ = <UNK>.",
        "pt": "Como é desenhado: t-SNE (scikit-learn) dos pesos guardados, perplexidade {perplexity} (no máximo 30 "
              "e menos de um terço dos {count} tokens exibidos, pois precisa ficar abaixo do número de pontos), "
              "estado aleatório = a semente do treino, então o mesmo treino dá o mesmo mapa. Só a proximidade "
              "significa algo: os eixos e as distâncias entre grupos não. ■ = <PAD>, ✕ = <UNK>.",
    },
    "emb.search.label": {"en": "Find a token (or click a point)", "pt": "Buscar um token (ou clique num ponto)"},
    "emb.search.placeholder": {"en": "a word", "pt": "uma palavra"},
    "emb.search.help": {
        "en": "The token is highlighted on the map with its nearest neighbours.",
        "pt": "O token é destacado no mapa com seus vizinhos mais próximos.",
    },
    "emb.search.pieces": {
        "en": "The tokenizer splits “{word}” into pieces: {pieces}. The pieces among the tokens shown are "
              "highlighted.",
        "pt": "O tokenizador divide “{word}” em pedaços: {pieces}. Os pedaços entre os tokens exibidos estão "
              "destacados.",
    },
    "emb.search.missing": {
        "en": "“{word}” is not in the vocabulary: the model reads it as <UNK>.",
        "pt": "“{word}” não está no vocabulário: o modelo o lê como <UNK>.",
    },
    "emb.search.not_shown": {
        "en": "“{word}” is in the vocabulary but not among the tokens shown: show more tokens with the slider.",
        "pt": "“{word}” está no vocabulário, mas não entre os tokens exibidos: exiba mais tokens com o controle.",
    },
    "emb.search.neighbours_title": {
        "en": "**Nearest neighbours of “{token}”** (highlighted on the map)",
        "pt": "**Vizinhos mais próximos de “{token}”** (destacados no mapa)",
    },
    "emb.search.neighbours_notice": {
        "en": "Measured by cosine similarity in the full embedding space, not on the flattened map: neighbours "
              "may look far apart there.",
        "pt": "Medidos pela similaridade de cosseno no espaço completo dos embeddings, não no mapa achatado: "
              "ali os vizinhos podem parecer distantes.",
    },
    "emb.neighbours.title": {"en": "Nearest neighbours", "pt": "Vizinhos mais próximos"},
    "emb.neighbours.token": {"en": "Token", "pt": "Token"},
    "emb.neighbours.now": {"en": "Now", "pt": "Agora"},
    "emb.neighbours.initial": {"en": "At initialisation (epoch 0)", "pt": "Na inicialização (época 0)"},
    "emb.neighbours.col_token": {"en": "neighbour", "pt": "vizinho"},
    "emb.neighbours.col_score": {"en": "cosine similarity", "pt": "similaridade de cosseno"},
    "emb.neighbours.notice": {
        "en": "Cosine similarity is 1 for vectors pointing the same way, 0 for unrelated ones and −1 for opposite "
              "ones; compare both lists to see what training changed (among the tokens shown).",
        "pt": "A similaridade de cosseno é 1 para vetores na mesma direção, 0 para vetores sem relação e −1 para "
              "opostos; compare as duas listas para ver o que o treino mudou (entre os tokens exibidos).",
    },
    "emb.neighbours.too_few": {
        "en": "There are too few tokens to compare neighbours.",
        "pt": "Há poucos tokens para comparar vizinhos.",
    },
    "emb.movers.title": {"en": "Which tokens moved most?", "pt": "Quais tokens mais se moveram?"},
    "emb.movers.col_token": {"en": "token", "pt": "token"},
    "emb.movers.col_distance": {"en": "distance moved", "pt": "distância percorrida"},
    "emb.movers.col_count": {"en": "count in the vocabulary", "pt": "contagem no vocabulário"},
    "emb.movers.notice": {
        "en": "A row of the embedding matrix gets a gradient only when its token is in a training batch (with "
              "Adam, its momentum keeps the row moving for a while after): a token that training never saw stays "
              "where it began, unless weight decay shrinks every row. How far the others travel depends on how "
              "consistently the loss pushes them one way: a frequent word found under every label is pulled back "
              "and forth, so compare the counts in the table.",
        "pt": "Uma linha da matriz de embeddings só recebe gradiente quando seu token está em um lote de treino "
              "(com o Adam, o momento mantém a linha andando por um tempo depois): um token que o treino nunca viu "
              "fica onde começou, a menos que o decaimento de pesos encolha todas as linhas. Quanto os outros "
              "andam depende de quão constante é o empurrão da perda numa direção: uma palavra frequente, "
              "presente em todos os rótulos, é puxada para lá e para cá; compare as contagens na tabela.",
    },
    "emb.movers.still": {
        "en": "Did not move: {tokens}",
        "pt": "Não se moveram: {tokens}",
    },
    # Forward pass
    "emb.forward.batch": {"en": "Batch of the first epoch (1–{count})", "pt": "Lote da primeira época (1–{count})"},
    "emb.forward.batch_help": {
        "en": "The batches in the order the run's first epoch drew them, with the same seed.",
        "pt": "Os lotes na ordem em que a primeira época do treino os sorteou, com a mesma semente.",
    },
    "emb.forward.text": {"en": "text {number}", "pt": "texto {number}"},
    "emb.forward.shown_texts": {
        "en": "Showing the first {shown} of the batch's {total} texts; every number is computed on the whole batch.",
        "pt": "Exibindo os primeiros {shown} dos {total} textos do lote; todos os números usam o lote inteiro.",
    },
    "emb.forward.shown_positions": {
        "en": "Showing the first {shown} of {total} positions.",
        "pt": "Exibindo as primeiras {shown} de {total} posições.",
    },
    "emb.forward.step_ids": {"en": "1 · Token ids {shape}", "pt": "1 · Ids dos tokens {shape}"},
    "emb.forward.ids_notice": {
        "en": "Each cell is id · token; shorter texts are filled with <PAD> (id {pad}) up to the longest one: "
              "{share:.0%} of this batch is padding.",
        "pt": "Cada célula é id · token; textos mais curtos são completados com <PAD> (id {pad}) até o mais longo: "
              "{share:.0%} deste lote é preenchimento.",
    },
    "emb.forward.step_embedded": {"en": "2 · Embeddings {shape}", "pt": "2 · Embeddings {shape}"},
    "emb.forward.pick_text": {"en": "Text of the batch", "pt": "Texto do lote"},
    "emb.forward.embedded_notice": {
        "en": "What to notice: every position becomes the row of its token in the embedding matrix, so the same "
              "token always gets the same colours, <PAD> included.",
        "pt": "Repare: cada posição vira a linha do seu token na matriz de embeddings, então o mesmo token sempre "
              "tem as mesmas cores, inclusive o <PAD>.",
    },
    "emb.forward.step_pooled": {"en": "3 · Pooled vectors {shape}", "pt": "3 · Vetores agregados {shape}"},
    "emb.forward.model_uses": {
        "en": "This model pools with **{pooling}** ({encoder}). Below, the notebook's plain mean and the masked "
              "mean of the same embeddings, side by side:",
        "pt": "Este modelo agrega com **{pooling}** ({encoder}). Abaixo, a média simples do notebook e a média "
              "mascarada dos mesmos embeddings, lado a lado:",
    },
    "emb.pooling.mean": {"en": "the plain mean (PAD included)", "pt": "a média simples (com PAD)"},
    "emb.pooling.masked_mean": {"en": "the masked mean (real tokens only)",
                                "pt": "a média mascarada (só tokens reais)"},
    "emb.pooling.max": {"en": "the maximum over real tokens", "pt": "o máximo sobre os tokens reais"},
    "emb.pooling.attention": {"en": "attention", "pt": "atenção"},
    "emb.pooling.last": {"en": "the last real token", "pt": "o último token real"},
    "emb.encoder.none": {"en": "straight from the embeddings", "pt": "direto dos embeddings"},
    "emb.encoder.gru": {"en": "after a GRU", "pt": "depois de uma GRU"},
    "emb.encoder.transformer": {"en": "after a Transformer encoder", "pt": "depois de um codificador Transformer"},
    "emb.encoder.lstm": {"en": "after an LSTM", "pt": "depois de uma LSTM"},
    "emb.forward.col_text": {"en": "text", "pt": "texto"},
    "emb.forward.col_real": {"en": "real tokens / positions", "pt": "tokens reais / posições"},
    "emb.forward.col_pad_share": {"en": "share of PAD", "pt": "parcela de PAD"},
    "emb.forward.col_gap": {"en": "distance plain ↔ masked", "pt": "distância simples ↔ mascarada"},
    "emb.forward.pooled_notice": {
        "en": "What to notice: the plain mean divides by all positions, so the more <PAD> a text has, the further "
              "its plain mean is pulled towards the <PAD> vector; texts without padding get the same vector in both.",
        "pt": "Repare: a média simples divide por todas as posições, então quanto mais <PAD> um texto tem, mais sua "
              "média simples é puxada para o vetor do <PAD>; textos sem preenchimento têm o mesmo vetor nas duas.",
    },
    "emb.forward.attention": {"en": "Attention weights", "pt": "Pesos de atenção"},
    "emb.forward.self_attention": {"en": "Inside the transformer: self-attention per layer and head",
                                   "pt": "Dentro do transformer: autoatenção por camada e cabeça"},
    "emb.forward.self_attention_text": {"en": "Text whose attention to show", "pt": "Texto cuja atenção mostrar"},
    "emb.forward.self_attention_notice": {
        "en": "What to notice: each row is one token and adds up to 1: how much it takes from every token of the "
              "same text (PAD is never looked at). Different heads learn to look at different things, such as "
              "the next word or a word like \"not\".",
        "pt": "Repare: cada linha é um token e soma 1: quanto ele pega de cada token do mesmo texto (o PAD nunca é "
              "olhado). Cabeças diferentes aprendem a olhar coisas diferentes, como a próxima palavra ou uma "
              "palavra como \"não\".",
    },
    "emb.forward.positions": {"en": "Position vectors", "pt": "Vetores de posição"},
    "emb.forward.positions_notice": {
        "en": "Each position (1st, 2nd, … token) has its own learned vector, added to the token's embedding: "
              "that is all the transformer knows of word order. Similar neighbouring positions show it learned "
              "that nearby places are alike; at the start of training they are random.",
        "pt": "Cada posição (1º, 2º, … token) tem o seu próprio vetor aprendido, somado ao embedding do token: "
              "é tudo o que o transformer sabe da ordem das palavras. Posições vizinhas parecidas mostram que ele "
              "aprendeu que lugares próximos se parecem; no início do treino elas são aleatórias.",
    },
    "emb.forward.attention_notice": {
        "en": "What to notice: each row adds up to 1 over the real tokens; the darker cells are the tokens this "
              "text's summary listens to most, and <PAD> gets nothing.",
        "pt": "Repare: cada linha soma 1 sobre os tokens reais; as células mais escuras são os tokens que mais pesam "
              "no resumo do texto, e o <PAD> não recebe nada.",
    },
    "emb.forward.step_outputs": {"en": "4 · Outputs {shape}", "pt": "4 · Saídas {shape}"},
    "emb.forward.col_output": {"en": "raw output", "pt": "saída bruta"},
    "emb.forward.col_prediction": {"en": "prediction", "pt": "previsão"},
    "emb.forward.col_label": {"en": "label", "pt": "rótulo"},
    "emb.forward.step_loss": {"en": "5 · Loss (one number)", "pt": "5 · Perda (um número)"},
    "emb.forward.loss_metric": {"en": "{name} of this batch", "pt": "{name} deste lote"},
    "emb.forward.loss_notice.random": {
        "en": "The labels are random numbers drawn with torch.randn, as in the notebook, so there is nothing real "
              "to learn and this loss cannot keep going down.",
        "pt": "Os rótulos são números aleatórios sorteados com torch.randn, como no notebook, então não há nada real "
              "para aprender e esta perda não tem como continuar caindo.",
    },
    "emb.forward.loss_notice.regression": {
        "en": "The mean of the squared differences between outputs and labels: training pushes it down.",
        "pt": "A média dos quadrados das diferenças entre saídas e rótulos: o treino a empurra para baixo.",
    },
    "emb.forward.loss_notice.classification": {
        "en": "Low when the model gives the right class a high probability: training pushes it down.",
        "pt": "Baixa quando o modelo dá alta probabilidade à classe certa: o treino a empurra para baixo.",
    },
    # Gradient after one step
    "emb.grad.title": {"en": "6 · After one training step: which rows get a gradient?",
                       "pt": "6 · Depois de um passo de treino: quais linhas recebem gradiente?"},
    "emb.grad.only_batch": {
        "en": "The gradient reached only this batch's tokens ({tokens}); on the rest of the embedding matrix "
              "({rows}) it is exactly zero, so this step changes nothing there.",
        "pt": "O gradiente chegou só aos tokens deste lote ({tokens}); no resto da matriz de embeddings "
              "({rows}) ele é exatamente zero, então este passo não muda nada ali.",
    },
    "emb.grad.outside_batch.one": {
        "en": "{count} row outside the batch also got a gradient.",
        "pt": "{count} linha fora do lote também recebeu gradiente.",
    },
    "emb.grad.outside_batch.other": {
        "en": "{count} rows outside the batch also got a gradient.",
        "pt": "{count} linhas fora do lote também receberam gradiente.",
    },
    "emb.grad.pad_fixed": {
        "en": "The <PAD> row's gradient is {norm}: padding_idx keeps it fixed at zero, so padding never learns.",
        "pt": "O gradiente da linha <PAD> é {norm}: o padding_idx a mantém fixa em zero, então o preenchimento "
              "nunca aprende.",
    },
    "emb.grad.pad_learns": {
        "en": "The <PAD> row got a gradient of size {norm}: the notebook's model has no padding_idx, so padding "
              "is learned like a word.",
        "pt": "A linha <PAD> recebeu um gradiente de tamanho {norm}: o modelo do notebook não tem padding_idx, "
              "então o preenchimento é aprendido como uma palavra.",
    },
    "emb.grad.no_padding": {
        "en": "This batch has no padding, so the <PAD> row gets no gradient here.",
        "pt": "Este lote não tem preenchimento, então a linha <PAD> não recebe gradiente aqui.",
    },
    "emb.grad.notice": {
        "en": "Computed on a copy of the model: the run's own weights are not changed.",
        "pt": "Calculado sobre uma cópia do modelo: os pesos do treino não são alterados.",
    },
    # Predictions
    "emb.predict.title": {"en": "Ask the model", "pt": "Pergunte ao modelo"},
    "emb.predict.input": {"en": "Type a text", "pt": "Digite um texto"},
    "emb.predict.col_token": {"en": "token", "pt": "token"},
    "emb.predict.col_known": {"en": "in the vocabulary?", "pt": "no vocabulário?"},
    "emb.predict.known_mark": {"en": "✓", "pt": "✓"},
    "emb.predict.unknown_mark": {"en": "✗ <UNK>", "pt": "✗ <UNK>"},
    "emb.predict.unknown": {
        "en": "Not in the vocabulary ({count}), all read as the same <UNK> vector: {tokens}",
        "pt": "Fora do vocabulário ({count}), todos viram o mesmo vetor <UNK>: {tokens}",
    },
    "emb.predict.value": {"en": "Predicted value", "pt": "Valor previsto"},
    "emb.predict.notice.random": {
        "en": "The model was trained on random labels, as in the notebook, so this number means nothing yet.",
        "pt": "O modelo foi treinado com rótulos aleatórios, como no notebook, então este número ainda não "
              "significa nada.",
    },
    "emb.predict.notice.regression": {
        "en": "The model's estimate of the label for this text.",
        "pt": "A estimativa do modelo para o rótulo deste texto.",
    },
    "emb.predict.notice.classification": {
        "en": "The softmax of the outputs: the probabilities of all classes add up to 100%.",
        "pt": "O softmax das saídas: as probabilidades de todas as classes somam 100%.",
    },
    # Validation errors
    "emb.errors.title": {"en": "Where the model goes wrong", "pt": "Onde o modelo erra"},
    "emb.errors.random": {
        "en": "The labels are random (the notebook's torch.randn), so there are no right answers to check.",
        "pt": "Os rótulos são aleatórios (o torch.randn do notebook), então não há respostas certas para conferir.",
    },
    "emb.errors.on_validation": {
        "en": "On validation texts, which the model never trained on: {count} of {total}.",
        "pt": "Nos textos de validação, com os quais o modelo nunca treinou: {count} de {total}.",
    },
    "emb.errors.on_training": {
        "en": "There is no validation set, so this uses training texts ({count} of {total}): the model has seen "
              "them, so errors look smaller than they really are.",
        "pt": "Não há conjunto de validação, então isto usa textos de treino ({count} de {total}): o modelo já os "
              "viu, então os erros parecem menores do que são.",
    },
    "emb.errors.col_text": {"en": "text", "pt": "texto"},
    "emb.errors.col_label": {"en": "label", "pt": "rótulo"},
    "emb.errors.col_prediction": {"en": "prediction", "pt": "previsão"},
    "emb.errors.col_confidence": {"en": "probability of the right class", "pt": "probabilidade da classe certa"},
    "emb.errors.col_error": {"en": "error", "pt": "erro"},
    "emb.errors.worst_notice_classes": {
        "en": "The worst-predicted texts: the ones where the model gave the right class the lowest probability.",
        "pt": "Os textos com as piores previsões: aqueles em que o modelo deu a menor probabilidade à classe certa.",
    },
    "emb.errors.worst_notice_values": {
        "en": "The worst-predicted texts: the largest distance between prediction and label.",
        "pt": "Os textos com as piores previsões: a maior distância entre previsão e rótulo.",
    },
    "emb.errors.col_class": {"en": "class", "pt": "classe"},
    "emb.errors.col_texts": {"en": "texts", "pt": "textos"},
    "emb.errors.col_accuracy": {"en": "accuracy", "pt": "acurácia"},
    "emb.errors.confusion_notice": {
        "en": "What to notice: the diagonal counts the right answers; a large number off the diagonal shows "
              "two classes the model mixes up.",
        "pt": "Repare: a diagonal conta os acertos; um número grande fora da diagonal mostra duas classes que o "
              "modelo confunde.",
    },
}
