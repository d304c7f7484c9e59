"""The classroom core's strings: lesson-link problems, the experiments, their figure and the guided tour."""

TEXTS: dict[str, dict[str, str]] = {
    "lesson.both_data": {
        "en": "The link names both a sample and pasted texts; the sample is used.",
        "pt": "O link indica um exemplo e também textos colados; o exemplo foi usado.",
    },
    "lesson.unknown_sample": {
        "en": "There is no sample called '{name}'. Samples: {choices}.",
        "pt": "Não existe exemplo chamado '{name}'. Exemplos: {choices}.",
    },
    "lesson.unknown_controls": {
        "en": "Unknown settings to hide or lock: {names}.",
        "pt": "Configurações desconhecidas para ocultar ou travar: {names}.",
    },
    "lesson.prompt_too_long": {
        "en": "The question is longer than {limit} characters.",
        "pt": "A pergunta tem mais de {limit} caracteres.",
    },
    "lesson.unknown_tour_step": {
        "en": "There is no tour step called '{step}'. Steps: {choices}.",
        "pt": "Não existe passo do tour chamado '{step}'. Passos: {choices}.",
    },
    "lesson.text_too_large": {
        "en": "The texts in the link are larger than {limit_kb} KB.",
        "pt": "Os textos do link passam de {limit_kb} KB.",
    },
    "lesson.text_unreadable": {
        "en": "The texts in the link are damaged (was the link cut short or edited?).",
        "pt": "Os textos do link estão danificados (o link foi cortado ou editado?).",
    },
    "lesson.data_too_large": {
        "en": "These texts take {size_kb} KB; a lesson link can carry up to {limit_kb} KB. "
              "Use a bundled sample, or fewer or shorter texts.",
        "pt": "Estes textos ocupam {size_kb} KB; um link de aula leva no máximo {limit_kb} KB. "
              "Use um exemplo incluído, ou menos textos, ou textos mais curtos.",
    },
    "lesson.data_not_pastable": {
        "en": "These texts cannot travel in a link unchanged (they contain tabs or line breaks, or their "
              "labels would be read as another kind). Use a bundled sample or paste the texts.",
        "pt": "Estes textos não podem ir no link sem mudanças (têm tabulações ou quebras de linha, ou os "
              "rótulos seriam lidos de outro tipo). Use um exemplo incluído ou cole os textos.",
    },
    # ---- Experiments: titles, questions, runs, metrics ----
    "experiment.padding.title": {"en": "Plain mean vs masked mean", "pt": "Média simples vs média mascarada"},
    "experiment.padding.question": {
        "en": "What if the average ignored the <PAD> positions, instead of counting them like the notebook?",
        "pt": "E se a média ignorasse as posições <PAD>, em vez de contá-las como o notebook?",
    },
    "experiment.random_labels.title": {"en": "Random labels vs real labels", "pt": "Rótulos aleatórios vs reais"},
    "experiment.random_labels.question": {
        "en": "What if the labels meant something, instead of the notebook's fresh random numbers every batch?",
        "pt": "E se os rótulos significassem algo, em vez dos números aleatórios novos a cada lote do notebook?",
    },
    "experiment.learning_rate.title": {"en": "Learning rate 0.001 vs 0.1 vs 10",
                                       "pt": "Taxa de aprendizado 0,001 vs 0,1 vs 10"},
    "experiment.learning_rate.question": {
        "en": "What if each step were 100 times larger, or 10,000 times larger?",
        "pt": "E se cada passo fosse 100 vezes maior, ou 10 mil vezes maior?",
    },
    "experiment.shuffle.title": {"en": "Shuffle on vs off, on data sorted by label",
                                 "pt": "Embaralhar ou não, com dados ordenados por rótulo"},
    "experiment.shuffle.question": {
        "en": "What if the texts came in order, all of one label and then all of the other, without shuffling?",
        "pt": "E se os textos viessem em ordem, todos de um rótulo e depois todos do outro, sem embaralhar?",
    },
    "experiment.word_order.title": {"en": "Mean pooling vs a GRU vs a Transformer on word order",
                                    "pt": "Pooling por média vs GRU vs Transformer na ordem das palavras"},
    "experiment.word_order.question": {
        "en": "What if the same words in another order meant the opposite?",
        "pt": "E se as mesmas palavras em outra ordem quisessem dizer o contrário?",
    },
    "experiment.vocabulary.title": {"en": "Vocabulary from all data vs training data only",
                                    "pt": "Vocabulário de todos os dados vs só do treino"},
    "experiment.vocabulary.question": {
        "en": "What if the vocabulary (the words seen at least twice) were counted before putting the "
              "validation texts aside?",
        "pt": "E se o vocabulário (as palavras vistas ao menos duas vezes) fosse contado antes de separar os "
              "textos de validação?",
    },
    "experiment.run.plain_mean": {"en": "plain mean (notebook)", "pt": "média simples (notebook)"},
    "experiment.run.masked_mean": {"en": "masked mean", "pt": "média mascarada"},
    "experiment.run.random_labels": {"en": "random labels (notebook)", "pt": "rótulos aleatórios (notebook)"},
    "experiment.run.real_labels": {"en": "real labels", "pt": "rótulos reais"},
    "experiment.run.lr_small": {"en": "LR 0.001", "pt": "taxa 0,001"},
    "experiment.run.lr_medium": {"en": "LR 0.1", "pt": "taxa 0,1"},
    "experiment.run.lr_huge": {"en": "LR 10", "pt": "taxa 10"},
    "experiment.run.shuffle_on": {"en": "shuffled", "pt": "embaralhado"},
    "experiment.run.shuffle_off": {"en": "in order (sorted by label)", "pt": "em ordem (por rótulo)"},
    "experiment.run.bag_of_words": {"en": "mean pooling (bag of words)", "pt": "média (saco de palavras)"},
    "experiment.run.gru": {"en": "GRU", "pt": "GRU"},
    "experiment.run.transformer": {"en": "Transformer", "pt": "Transformer"},
    "experiment.run.vocab_all": {"en": "vocabulary from all data", "pt": "vocabulário de todos os dados"},
    "experiment.run.vocab_train": {"en": "vocabulary from training data", "pt": "vocabulário só do treino"},
    "experiment.metric.short_padded": {
        "en": "Short training texts: probability of the right class, padded in batches of the training size",
        "pt": "Textos curtos do treino: probabilidade da classe certa, com preenchimento em lotes do tamanho do "
              "treino"},
    "experiment.metric.short_alone": {
        "en": "The same short texts scored one at a time, with no padding",
        "pt": "Os mesmos textos curtos avaliados um a um, sem preenchimento"},
    "experiment.metric.accuracy": {"en": "Validation accuracy", "pt": "Acurácia na validação"},
    "experiment.metric.new_accuracy": {"en": "Accuracy on new texts, set aside before both runs",
                                       "pt": "Acurácia em textos novos, separados antes das duas execuções"},
    "experiment.metric.val_unknown_rate": {"en": "Validation tokens that are <UNK>",
                                           "pt": "Tokens de validação que viram <UNK>"},
    # ---- Experiments: what to notice ----
    "experiment.padding.conclusion": {
        "en": "The masked mean learns faster (training loss {masked_loss:.2f} against {plain_loss:.2f} after "
              "{epochs} epochs), and padding drags the plain mean: its short texts (up to {median} words) get "
              "{plain_alone:.0%} for their right class scored alone but {plain_padded:.0%} padded in a batch, "
              "where the masked mean gives {masked_alone:.0%} alone and {masked_padded:.0%} padded.",
        "pt": "A média mascarada aprende mais rápido (perda de treino {masked_loss:.2f} contra {plain_loss:.2f} "
              "após {epochs} épocas), e o preenchimento puxa a média simples: seus textos curtos (até {median} "
              "palavras) recebem {plain_alone:.0%} para a classe certa avaliados sozinhos, mas {plain_padded:.0%} "
              "com preenchimento no lote, enquanto a média mascarada dá {masked_alone:.0%} sozinhos e "
              "{masked_padded:.0%} com preenchimento.",
    },
    "experiment.padding.loss_only": {
        "en": "The masked mean learns faster (training loss {masked_loss:.2f} against {plain_loss:.2f} after "
              "{epochs} epochs), though padding hardly moves the plain mean's short texts (up to {median} "
              "words) here: {plain_alone:.0%} for their right class scored alone, {plain_padded:.0%} padded.",
        "pt": "A média mascarada aprende mais rápido (perda de treino {masked_loss:.2f} contra {plain_loss:.2f} "
              "após {epochs} épocas), mas aqui o preenchimento quase não muda os textos curtos (até {median} "
              "palavras) da média simples: {plain_alone:.0%} para a classe certa sozinhos, {plain_padded:.0%} "
              "com preenchimento.",
    },
    "experiment.padding.loss_lower": {
        "en": "The masked mean learns faster: after {epochs} epochs its training loss is {masked_loss:.2f} against "
              "{plain_loss:.2f} for the plain mean, which also averages the <PAD> cells.",
        "pt": "A média mascarada aprende mais rápido: após {epochs} épocas sua perda de treino é {masked_loss:.2f} "
              "contra {plain_loss:.2f} da média simples, que também tira a média das células <PAD>.",
    },
    "experiment.padding.plain_lower": {
        "en": "This time the plain mean ended lower (training loss {plain_loss:.2f} against {masked_loss:.2f} "
              "masked after {epochs} epochs); compare the curves.",
        "pt": "Desta vez a média simples terminou mais baixa (perda de treino {plain_loss:.2f} contra "
              "{masked_loss:.2f} da mascarada após {epochs} épocas); compare as curvas.",
    },
    "experiment.padding.unclear": {
        "en": "On this data the two means ended close (training loss {masked_loss:.2f} masked, {plain_loss:.2f} "
              "plain): padding matters most when text lengths vary widely.",
        "pt": "Com estes dados as duas médias terminaram próximas (perda de treino {masked_loss:.2f} mascarada, "
              "{plain_loss:.2f} simples): o preenchimento pesa mais quando os tamanhos dos textos variam muito.",
    },
    "experiment.random_labels.conclusion": {
        "en": "With random labels each epoch's mean loss only wanders between {random_low:.2f} and "
              "{random_high:.2f}, around 1 (the variance of the random labels themselves; single batches jump "
              "further), because there is nothing to learn: this is why the notebook's Época 1/2/3 losses jump "
              "around, while with the real labels the epoch mean falls from {real_start:.2f} to {real_end:.2f}.",
        "pt": "Com rótulos aleatórios a perda média de cada época só oscila entre {random_low:.2f} e "
              "{random_high:.2f}, em torno de 1 (a variância dos próprios rótulos aleatórios; lotes isolados pulam "
              "mais), porque não há nada a aprender: é por isso que as perdas das Épocas 1/2/3 do notebook pulam, "
              "enquanto com os rótulos reais a média por época cai de {real_start:.2f} para {real_end:.2f}.",
    },
    "experiment.random_labels.unclear": {
        "en": "This time the two curves did not separate clearly (mean loss per epoch, real labels: "
              "{real_start:.2f} → {real_end:.2f}; random: between {random_low:.2f} and {random_high:.2f}); "
              "try more epochs.",
        "pt": "Desta vez as duas curvas não se separaram claramente (perda média por época, rótulos reais: "
              "{real_start:.2f} → {real_end:.2f}; aleatórios: entre {random_low:.2f} e {random_high:.2f}); "
              "tente mais épocas.",
    },
    "experiment.learning_rate.blew_up": {
        "en": "With 0.001 the loss barely moves ({slow_start:.2f} → {slow_end:.2f}), with 0.1 it falls fast "
              "({good_start:.2f} → {good_end:.2f}), and with 10 every step overshoots: the loss leaps to "
              "{peak:.0f}, {factor:.0f} times where it started.",
        "pt": "Com 0,001 a perda quase não se mexe ({slow_start:.2f} → {slow_end:.2f}), com 0,1 ela cai rápido "
              "({good_start:.2f} → {good_end:.2f}), e com 10 cada passo passa do ponto: a perda salta para "
              "{peak:.0f}, {factor:.0f} vezes o valor inicial.",
    },
    "experiment.learning_rate.diverged": {
        "en": "With 0.001 the loss barely moves ({slow_start:.2f} → {slow_end:.2f}), with 0.1 it falls fast "
              "({good_start:.2f} → {good_end:.2f}), and with 10 it diverges: at step {step} the loss is no "
              "longer a number and the run stops.",
        "pt": "Com 0,001 a perda quase não se mexe ({slow_start:.2f} → {slow_end:.2f}), com 0,1 ela cai rápido "
              "({good_start:.2f} → {good_end:.2f}), e com 10 ela diverge: no passo {step} a perda deixa de ser "
              "um número e a execução para.",
    },
    "experiment.learning_rate.unclear": {
        "en": "On this data the three rates did not show the usual pattern (too slow, right, blowing up); "
              "compare the curves.",
        "pt": "Com estes dados as três taxas não mostraram o padrão de sempre (lenta demais, certa, explodindo); "
              "compare as curvas.",
    },
    "experiment.shuffle.conclusion": {
        "en": "Without shuffling every batch holds one label, so the loss falls while a label lasts and leaps when "
              "the next begins (jumps {jump_ratio:.1f} times as large from batch to batch), and after {epochs} "
              "epochs it is still {off_loss:.2f} against {on_loss:.2f} with shuffling.",
        "pt": "Sem embaralhar cada lote tem um só rótulo, então a perda cai enquanto um rótulo dura e salta quando "
              "o outro começa (saltos {jump_ratio:.1f} vezes maiores de um lote para o outro), e após {epochs} "
              "épocas ela ainda está em {off_loss:.2f} contra {on_loss:.2f} embaralhando.",
    },
    "experiment.shuffle.unclear": {
        "en": "This time the order made little difference (final loss {off_loss:.2f} in order, {on_loss:.2f} "
              "shuffled); it matters most when labels come in long runs.",
        "pt": "Desta vez a ordem fez pouca diferença (perda final {off_loss:.2f} em ordem, {on_loss:.2f} "
              "embaralhado); ela pesa mais quando os rótulos vêm em longas sequências.",
    },
    "experiment.shuffle.mixed": {
        "en": "This time the usual pattern did not appear: final loss {off_loss:.2f} in order against "
              "{on_loss:.2f} shuffled, with batch-to-batch jumps {jump_ratio:.1f} times those of the shuffled "
              "run; compare the curves.",
        "pt": "Desta vez o padrão de sempre não apareceu: perda final {off_loss:.2f} em ordem contra "
              "{on_loss:.2f} embaralhado, com saltos de um lote para o outro {jump_ratio:.1f} vezes os do "
              "embaralhado; compare as curvas.",
    },
    "experiment.word_order.conclusion": {
        "en": "The GRU, which reads the words in order, gets {gru_accuracy:.0%} of the validation texts right; "
              "mean pooling, which only averages them, gets {bag_accuracy:.0%}.",
        "pt": "O GRU, que lê as palavras em ordem, acerta {gru_accuracy:.0%} dos textos de validação; o pooling "
              "por média, que só tira a média delas, acerta {bag_accuracy:.0%}.",
    },
    "experiment.word_order.below_chance": {
        "en": "Mean pooling gets only {bag_accuracy:.0%} of the validation texts right, worse than always "
              "guessing the commonest label ({majority:.0%}), because the same words in another order look "
              "identical to an average; the GRU reads the order and gets {gru_accuracy:.0%}.",
        "pt": "O pooling por média acerta só {bag_accuracy:.0%} dos textos de validação, menos que chutar sempre "
              "o rótulo mais comum ({majority:.0%}), porque as mesmas palavras em outra ordem dão a mesma média; "
              "o GRU lê a ordem e acerta {gru_accuracy:.0%}.",
    },
    "experiment.word_order.bag_better": {
        "en": "On this data mean pooling did better: {bag_accuracy:.0%} of the validation texts right against "
              "{gru_accuracy:.0%} for the GRU; compare the curves.",
        "pt": "Com estes dados o pooling por média foi melhor: acertou {bag_accuracy:.0%} dos textos de "
              "validação contra {gru_accuracy:.0%} do GRU; compare as curvas.",
    },
    "experiment.word_order.unclear": {
        "en": "On this data word order made little difference: the GRU got {gru_accuracy:.0%}, mean pooling "
              "{bag_accuracy:.0%}.",
        "pt": "Com estes dados a ordem das palavras fez pouca diferença: o GRU acertou {gru_accuracy:.0%}, o "
              "pooling por média {bag_accuracy:.0%}.",
    },
    "experiment.word_order.transformer_reads": {
        "en": "The Transformer, which sees each word's position, gets {transformer_accuracy:.0%}: more than mean "
              "pooling, though a short run like this one learns order less surely than the GRU.",
        "pt": "O Transformer, que vê a posição de cada palavra, acerta {transformer_accuracy:.0%}: mais que o "
              "pooling por média, embora numa execução curta como esta aprenda a ordem com menos certeza que o GRU.",
    },
    "experiment.word_order.transformer_close": {
        "en": "The Transformer got {transformer_accuracy:.0%}, not clearly better than mean pooling: in a run "
              "this short it did not learn to use the positions.",
        "pt": "O Transformer acertou {transformer_accuracy:.0%}, sem ficar claramente acima do pooling por média: "
              "numa execução tão curta ele não aprendeu a usar as posições.",
    },
    "experiment.word_order.needs_classes": {
        "en": "This experiment compares accuracy, so it needs texts with class labels.",
        "pt": "Este experimento compara acurácia, então precisa de textos com rótulos de classe.",
    },
    "experiment.vocabulary.conclusion": {
        "en": "Counted on all the texts, the vocabulary keeps rare training words because the validation texts "
              "use them too, and validation accuracy reads {all_val:.0%} against {train_val:.0%} for the "
              "training-only vocabulary. On the texts set aside ({new_texts}), which neither run counted, "
              "no clear lead is "
              "left ({all_new:.0%} against {train_new:.0%}): the leak made the validation score optimistic.",
        "pt": "Contado com todos os textos, o vocabulário guarda palavras raras do treino porque os textos de "
              "validação também as usam, e a acurácia na validação fica em {all_val:.0%} contra {train_val:.0%} "
              "do vocabulário só do treino. Nos textos separados ({new_texts}), que nenhuma execução contou, não sobra "
              "vantagem clara ({all_new:.0%} contra {train_new:.0%}): o vazamento deixou a validação otimista.",
    },
    "experiment.vocabulary.helped": {
        "en": "Counted on all the texts, the vocabulary scores higher on validation ({all_val:.0%} against "
              "{train_val:.0%}) and also on the texts set aside ({new_texts}), which neither run counted "
              "({all_new:.0%} against "
              "{train_new:.0%}): on this data its extra words helped beyond the validation texts.",
        "pt": "Contado com todos os textos, o vocabulário acerta mais na validação ({all_val:.0%} contra "
              "{train_val:.0%}) e também nos textos separados ({new_texts}), que nenhuma execução contou "
              "({all_new:.0%} "
              "contra {train_new:.0%}): com estes dados as palavras a mais ajudaram além da validação.",
    },
    "experiment.vocabulary.close": {
        "en": "Validation accuracy ended close ({all_val:.0%} from all the texts, {train_val:.0%} from the "
              "training texts only): counting the validation texts changed which words have a row "
              "({all_unknown:.0%} against {train_unknown:.0%} of the validation tokens are <UNK>), not what "
              "the model gets right.",
        "pt": "A acurácia na validação terminou próxima ({all_val:.0%} com todos os textos, {train_val:.0%} só "
              "com o treino): contar os textos de validação mudou quais palavras têm uma linha "
              "({all_unknown:.0%} contra {train_unknown:.0%} dos tokens de validação são <UNK>), não o que o "
              "modelo acerta.",
    },
    "experiment.vocabulary.train_better": {
        "en": "This time the training-only vocabulary scored higher on validation ({train_val:.0%} against "
              "{all_val:.0%}); compare the curves.",
        "pt": "Desta vez o vocabulário só do treino acertou mais na validação ({train_val:.0%} contra "
              "{all_val:.0%}); compare as curvas.",
    },
    "experiment.vocabulary.unknown_hidden": {
        "en": "Counted on all the texts, the vocabulary leaves {all_unknown:.0%} of the validation tokens <UNK>; "
              "counted on the training texts only, {train_unknown:.0%}. The difference is validation words that "
              "training never saw often enough, which the leak hides.",
        "pt": "Contado com todos os textos, o vocabulário deixa {all_unknown:.0%} dos tokens de validação como "
              "<UNK>; contado só com o treino, {train_unknown:.0%}. A diferença são palavras da validação que o "
              "treino não viu vezes suficientes, e que o vazamento esconde.",
    },
    "experiment.vocabulary.unclear": {
        "en": "Here the two vocabularies leave almost the same share of the validation tokens <UNK> "
              "({all_unknown:.1%} counted on all the texts, {train_unknown:.1%} on the training texts only), so "
              "they hardly differ.",
        "pt": "Aqui os dois vocabulários deixam quase a mesma parte dos tokens de validação como <UNK> "
              "({all_unknown:.1%} contando todos os textos, {train_unknown:.1%} só o treino), então quase não "
              "diferem.",
    },
    "experiment.vocabulary.needs_validation": {
        "en": "This experiment needs a validation set: use data with at least a few texts.",
        "pt": "Este experimento precisa de um conjunto de validação: use dados com pelo menos alguns textos.",
    },
    "experiment.needs_labels": {
        "en": "This experiment needs labelled texts: pick a sample with labels, or add labels to your texts.",
        "pt": "Este experimento precisa de textos com rótulos: escolha um exemplo rotulado ou rotule seus textos.",
    },
    "experiment.failed": {
        "en": "The run “{run}” could not finish: {reason}",
        "pt": "A execução “{run}” não pôde terminar: {reason}",
    },
    # ---- The experiments' figure ----
    "experiment.figure.x": {"en": "Step (batch)", "pt": "Passo (lote)"},
    "experiment.figure.y": {"en": "Training loss", "pt": "Perda de treino"},
    "experiment.figure.y_log": {"en": "Training loss (log)", "pt": "Perda de treino (log)"},
    "experiment.figure.diverged": {"en": "diverged", "pt": "divergiu"},
    # ---- The guided tour ----
    "tour.step_of": {"en": "Tour: step {number} of {total}", "pt": "Tour: passo {number} de {total}"},
    "tour.next": {"en": "Next", "pt": "Próximo"},
    "tour.back": {"en": "Back", "pt": "Voltar"},
    "tour.end": {"en": "End the tour", "pt": "Encerrar o tour"},
    "tour.start": {"en": "Start the guided tour", "pt": "Começar o tour guiado"},
    "tour.open_page": {"en": "Open the {page} page", "pt": "Abrir a página {page}"},
    "tour.intro": {
        "en": "The tour walks through the pages in order (text → ids → padded batches → training → embeddings), "
              "with a short explanation at each step.",
        "pt": "O tour percorre as páginas em ordem (texto → ids → lotes preenchidos → treino → embeddings), "
              "com uma explicação curta em cada passo.",
    },
    "tour.texts.title": {"en": "Texts are the only input", "pt": "Os textos são a única entrada"},
    "tour.texts.text": {
        "en": "The model sees nothing but the texts listed here, one example per line, with a label when the "
              "line has one. Everything it will learn has to come from them.",
        "pt": "O modelo não vê nada além dos textos listados aqui, um exemplo por linha, com um rótulo quando a "
              "linha tem um. Tudo o que ele aprender tem de vir deles.",
    },
    "tour.tokens.title": {"en": "What a token is", "pt": "O que é um token"},
    "tour.tokens.text": {
        "en": "A network cannot read letters, so each text is cut into tokens (by default, the pieces between spaces) "
              "and every distinct token gets a number in token2idx. From now on a text is a list of numbers.",
        "pt": "Uma rede não lê letras, então cada texto é cortado em tokens (por padrão, os pedaços entre espaços) e "
              "cada token diferente recebe um número no token2idx. Daqui em diante, um texto é uma lista de números.",
    },
    "tour.special_tokens.title": {"en": "Why <PAD> and <UNK> exist", "pt": "Por que existem <PAD> e <UNK>"},
    "tour.special_tokens.text": {
        "en": "Two numbers are reserved before any word: <PAD> = 0 fills the empty places when short texts share "
              "a batch with long ones, and <UNK> = 1 stands for any word the vocabulary has never seen, such as "
              "a new word typed after training.",
        "pt": "Dois números são reservados antes de qualquer palavra: <PAD> = 0 preenche os lugares vazios quando "
              "textos curtos dividem um lote com textos longos, e <UNK> = 1 representa qualquer palavra que o "
              "vocabulário nunca viu, como uma palavra nova digitada depois do treino.",
    },
    "tour.padding.title": {"en": "Why batches are padded", "pt": "Por que os lotes são preenchidos"},
    "tour.padding.text": {
        "en": "Texts are trained in batches, and a batch is one rectangular tensor: every row must have the same "
              "length. Shorter texts are filled with <PAD> up to the longest one, and the mask remembers which "
              "cells are real.",
        "pt": "Os textos são treinados em lotes, e um lote é um tensor retangular: toda linha precisa ter o mesmo "
              "tamanho. Os textos mais curtos são completados com <PAD> até o mais longo, e a máscara guarda "
              "quais células são reais.",
    },
    "tour.loss.title": {"en": "What the loss measures", "pt": "O que a perda mede"},
    "tour.loss.text": {
        "en": "The loss is one number saying how far the model's answers are from the labels: the mean squared "
              "error for numbers, the cross-entropy for classes. Training nudges every weight to make it smaller; "
              "a falling curve means the model is learning.",
        "pt": "A perda é um número que diz quão longe as respostas do modelo estão dos rótulos: o erro quadrático "
              "médio para números, a entropia cruzada para classes. O treino ajusta cada peso para diminuí-la; "
              "uma curva que desce quer dizer que o modelo está aprendendo.",
    },
    "tour.embeddings.title": {"en": "What embeddings are", "pt": "O que são embeddings"},
    "tour.embeddings.text": {
        "en": "Each token number picks one row of a table of vectors: its embedding. The rows start random and "
              "training moves them, so tokens that play the same part in the labels end up close together.",
        "pt": "Cada número de token escolhe uma linha de uma tabela de vetores: o seu embedding. As linhas começam "
              "aleatórias e o treino as move, então tokens com o mesmo papel nos rótulos acabam próximos.",
    },
}
