"""Strings of the Data, Vocabulary and Batches pages, their tables and figures.

Only what the pages show; what the core and the CLI say is in ``textlab.i18n``.
"""

TEXTS: dict[str, dict[str, str]] = {
    # Data page
    "datapage.intro": {
        "en": "Give textlab some texts: type or paste them, upload a file, or pick a sample. "
              "Every other page (vocabulary, batches, training) uses the data shown here.",
        "pt": "Dê alguns textos ao textlab: digite ou cole, envie um arquivo ou escolha um exemplo. "
              "Todas as outras páginas (vocabulário, lotes, treino) usam os dados mostrados aqui.",
    },
    "datapage.tab_paste": {"en": "Type or paste", "pt": "Digitar ou colar"},
    "datapage.tab_upload": {"en": "Upload a file", "pt": "Enviar um arquivo"},
    "datapage.tab_samples": {"en": "Samples", "pt": "Exemplos"},
    "datapage.paste": {"en": "One text per line (optionally: text, TAB, label)",
                       "pt": "Um texto por linha (opcional: texto, TAB, rótulo)"},
    "datapage.paste_help": {
        "en": "Each line is one text. To give it a label, put a TAB after the text and then the label "
              "(a number for regression, a word for classes). Press Apply or click outside the box.",
        "pt": "Cada linha é um texto. Para dar um rótulo, ponha um TAB depois do texto e então o rótulo "
              "(um número para regressão, uma palavra para classes). Aperte Aplicar ou clique fora da caixa.",
    },
    "datapage.paste_placeholder": {"en": "exemplo de texto 1\nmais um texto de exemplo",
                                   "pt": "exemplo de texto 1\nmais um texto de exemplo"},
    "datapage.apply": {"en": "Apply", "pt": "Aplicar"},
    "datapage.upload": {"en": "A .txt, .csv, .tsv or .jsonl file", "pt": "Um arquivo .txt, .csv, .tsv ou .jsonl"},
    "datapage.upload_help": {
        "en": ".txt: one text per line. .csv/.tsv: a header row, then one text per row. "
              ".jsonl: one JSON object per line. UTF-8 is best; Windows-1252 files are read with a notice.",
        "pt": ".txt: um texto por linha. .csv/.tsv: uma linha de cabeçalho e depois um texto por linha. "
              ".jsonl: um objeto JSON por linha. UTF-8 é o melhor; arquivos Windows-1252 são lidos com um aviso.",
    },
    "datapage.text_column": {"en": "Text column", "pt": "Coluna do texto"},
    "datapage.label_column": {"en": "Label column", "pt": "Coluna do rótulo"},
    "datapage.column_automatic": {"en": "(choose by name)", "pt": "(escolher pelo nome)"},
    "datapage.column_none": {"en": "(no labels)", "pt": "(sem rótulos)"},
    "datapage.sample": {"en": "Sample", "pt": "Exemplo"},
    "datapage.load_sample": {"en": "Load this sample", "pt": "Carregar este exemplo"},
    "datapage.kept_previous": {
        "en": "Nothing was changed: the app keeps using the previous data ({texts}), "
              "and what you typed in the text box is still there.",
        "pt": "Nada foi alterado: o app continua usando os dados anteriores ({texts}), "
              "e o que você digitou na caixa de texto continua lá.",
    },
    "datapage.in_use": {"en": "In use on every page: {texts}. Source: {source}.",
                        "pt": "Em uso em todas as páginas: {texts}. Origem: {source}."},
    "datapage.source_pasted": {"en": "the text box", "pt": "caixa de texto"},
    "datapage.source_sample": {"en": "the sample “{title}”", "pt": "exemplo “{title}”"},
    "datapage.source_file": {"en": "the file {name}", "pt": "arquivo {name}"},
    "datapage.copy_to_text_box": {"en": "Edit these texts in the text box (replaces its contents)",
                                  "pt": "Editar estes textos na caixa de texto (substitui o conteúdo dela)"},
    "datapage.texts": {"en": "Texts", "pt": "Textos"},
    "datapage.tokens": {"en": "Tokens", "pt": "Tokens"},
    "datapage.tokens_help": {
        "en": "Counted with the tokenizer set on the Vocabulary page (now: {tokenizer}).",
        "pt": "Contados com o tokenizador escolhido na página Vocabulário (agora: {tokenizer}).",
    },
    "datapage.longest": {"en": "Longest text (tokens)", "pt": "Texto mais longo (tokens)"},
    "datapage.labels": {"en": "Labels", "pt": "Rótulos"},
    "datapage.label_kind.none": {"en": "none", "pt": "nenhum"},
    "datapage.label_kind.numeric": {"en": "numbers", "pt": "números"},
    "datapage.table": {"en": "The texts", "pt": "Os textos"},
    "datapage.label_distribution": {"en": "Labels", "pt": "Rótulos"},
    "datapage.no_labels": {
        "en": "These texts have no labels. Like the notebook, training then draws random labels "
              "(torch.randn) for every batch. Add a TAB and a label after each text to learn something real.",
        "pt": "Estes textos não têm rótulos. Como no notebook, o treino então sorteia rótulos aleatórios "
              "(torch.randn) a cada lote. Acrescente um TAB e um rótulo depois de cada texto para aprender algo real.",
    },
    "datapage.lengths": {"en": "Text lengths and padding", "pt": "Tamanhos dos textos e preenchimento"},
    "datapage.lengths_caption": {
        "en": "Blue: how many texts have each length in tokens. Orange: how many training texts are padded with "
              "<PAD> (id 0) to each width, the length of the longest text in their batch. The further the orange "
              "bars sit to the right of the blue ones, the more padding. Change the batch size or turn on length "
              "bucketing on the Batches page.",
        "pt": "Azul: quantos textos têm cada tamanho, em tokens. Laranja: quantos textos de treino são preenchidos "
              "com <PAD> (id 0) até cada largura, o tamanho do texto mais longo do seu lote. Quanto mais à direita "
              "as barras laranja ficam das azuis, mais preenchimento. Mude o tamanho do lote ou ative o "
              "agrupamento por tamanho na página Lotes.",
    },
    # Vocabulary page
    "vocabpage.intro": {
        "en": "token2idx gives every token a number: <PAD> = 0, <UNK> = 1, then each new token in the order "
              "it first appears, as in the notebook. These tokenizer settings are the ones training uses.",
        "pt": "O token2idx dá um número a cada token: <PAD> = 0, <UNK> = 1 e depois cada token novo na ordem "
              "em que aparece pela primeira vez, como no notebook. Estas configurações são as que o treino usa.",
    },
    "vocabpage.size": {"en": "Vocabulary size", "pt": "Tamanho do vocabulário"},
    "vocabpage.size_help": {"en": "Tokens in token2idx, <PAD> and <UNK> included: the rows of nn.Embedding.",
                            "pt": "Tokens no token2idx, com <PAD> e <UNK>: as linhas do nn.Embedding."},
    "vocabpage.tokens": {"en": "Tokens counted", "pt": "Tokens contados"},
    "vocabpage.tokens_help": {"en": "All tokens of the texts the vocabulary is built from.",
                              "pt": "Todos os tokens dos textos a partir dos quais o vocabulário é construído."},
    "vocabpage.unknown": {"en": "Counted as <UNK>", "pt": "Contados como <UNK>"},
    "vocabpage.unknown_help": {"en": "Tokens dropped by the minimum frequency or maximum size: they become <UNK>.",
                               "pt": "Tokens cortados pela frequência mínima ou tamanho máximo: viram <UNK>."},
    "vocabpage.texts": {"en": "Texts used", "pt": "Textos usados"},
    "vocabpage.texts_help": {
        "en": "The training texts; validation texts are left out unless 'Build the vocabulary from' is '{all}'.",
        "pt": "Os textos de treino; os de validação ficam de fora, a menos que 'Construir o vocabulário a partir de' "
              "seja '{all}'.",
    },
    "vocabpage.search": {"en": "Search a token", "pt": "Buscar um token"},
    "vocabpage.search_placeholder": {"en": "e.g. {example}", "pt": "ex.: {example}"},
    "vocabpage.sort": {"en": "Order by", "pt": "Ordenar por"},
    "vocabpage.sort_index": {"en": "index", "pt": "índice"},
    "vocabpage.sort_count": {"en": "count", "pt": "contagem"},
    "vocabpage.shown": {"en": "{shown} of {tokens}", "pt": "{shown} de {tokens}"},
    "vocabpage.try": {"en": "Try a sentence", "pt": "Teste uma frase"},
    "vocabpage.sentence": {"en": "Sentence", "pt": "Frase"},
    "vocabpage.sentence_default": {"en": "PyTorch is incrível", "pt": "PyTorch é muito incrível"},
    "vocabpage.chips_caption": {
        "en": "Tokens: {count}; unknown: {unknown} (orange, dashed), each with the id of <UNK>, 1.",
        "pt": "Tokens: {count}; desconhecidos: {unknown} (laranja, tracejados), cada um com o id de <UNK>, 1.",
    },
    "vocabpage.oov": {"en": "Words the model has never seen", "pt": "Palavras que o modelo nunca viu"},
    "vocabpage.oov_validation": {
        "en": "Measured on the validation texts ({fraction:.0%} of the data, set on the Train page).",
        "pt": "Medido nos textos de validação ({fraction:.0%} dos dados, definidos na página Treinar).",
    },
    "vocabpage.oov_leak": {
        "en": "The vocabulary is built from all texts, validation included, so the validation texts have "
              "(almost) no unknown words: new text would have more. That is a leak.",
        "pt": "O vocabulário é construído com todos os textos, inclusive os de validação, então eles "
              "(quase) não têm palavras desconhecidas: um texto novo teria mais. Isso é um vazamento.",
    },
    "vocabpage.oov_fraction": {"en": "Share of texts held out for this check",
                               "pt": "Parte dos textos separada para este teste"},
    "vocabpage.oov_fraction_help": {
        "en": "The vocabulary is built again from the other texts, with the same settings, and the held-out "
              "texts are encoded with it. Training is not affected.",
        "pt": "O vocabulário é construído de novo com os outros textos, com as mesmas configurações, e os textos "
              "separados são codificados com ele. O treino não é afetado.",
    },
    "vocabpage.oov_rate": {"en": "Out-of-vocabulary rate", "pt": "Taxa fora do vocabulário"},
    "vocabpage.oov_help": {"en": "Share of the held-out tokens that become <UNK>.",
                           "pt": "Parte dos tokens separados que vira <UNK>."},
    "vocabpage.oov_caption": {
        "en": "Of the {tokens} in the {texts} held out, {unknown} become <UNK>. The most frequent:",
        "pt": "Dos {tokens} dos {texts} fora do treino, {unknown} viram <UNK>. Os mais frequentes:",
    },
    # Batches page
    "batchpage.intro": {
        "en": "The batches of the first training epoch, as the DataLoader makes them: each text becomes its ids, "
              "and shorter texts are filled with <PAD> (0) up to the longest text of their batch "
              "(`pad_sequence(batch_first=True)`).",
        "pt": "Os lotes da primeira época de treino, como o DataLoader os monta: cada texto vira seus ids, "
              "e os textos mais curtos são completados com <PAD> (0) até o texto mais longo do lote "
              "(`pad_sequence(batch_first=True)`).",
    },
    "batchpage.cut": {"en": "Texts cut", "pt": "Textos cortados"},
    "batchpage.cut_help": {
        "en": "Texts longer than the maximum length ({max_length}) lose their end; the longest has {longest}.",
        "pt": "Textos mais longos que o tamanho máximo ({max_length}) perdem o final; o mais longo tem "
              "{longest}.",
    },
    "batchpage.cut_none_help": {"en": "No maximum length: every text is kept whole.",
                                "pt": "Sem tamanho máximo: todos os textos ficam inteiros."},
    "batchpage.batch_cut": {
        "en": "Cut to {max_length} in this batch: {count} (see \"tokens cut\" below).",
        "pt": "Cortados em {max_length} neste lote: {count} (veja \"tokens cortados\" abaixo).",
    },
    "batchpage.batches": {"en": "Batches per epoch", "pt": "Lotes por época"},
    "batchpage.batches_help": {"en": "The training texts ({texts}) divided into batches.",
                               "pt": "Os textos de treino ({texts}) divididos em lotes."},
    "batchpage.padding_overall": {"en": "Padding now", "pt": "Preenchimento atual"},
    "batchpage.padding_help": {
        "en": "Share of all cells in the epoch's batches that are <PAD>: computation spent on nothing.",
        "pt": "Parte de todas as células dos lotes da época que são <PAD>: computação gasta com nada.",
    },
    "batchpage.without_bucketing": {"en": "Padding without bucketing", "pt": "Preenchimento sem agrupar"},
    "batchpage.with_bucketing": {"en": "Padding with bucketing", "pt": "Preenchimento agrupando"},
    # A difference of two percentages is in percentage points, not a percentage of the first.
    "batchpage.points_change": {"en": "{points} pp", "pt": "{points} p.p."},
    "batchpage.batch_number": {"en": "Batch (1 to {count})", "pt": "Lote (1 a {count})"},
    "batchpage.batch_title": {"en": "Batch {number} of {count}: {percent:.0%} padding",
                              "pt": "Lote {number} de {count}: {percent:.0%} de preenchimento"},
    "batchpage.tensor": {"en": "The batch as PyTorch prints it, shape", "pt": "O lote como o PyTorch o imprime, forma"},
    "batchpage.lengths": {"en": "Each text's length in tokens, before padding",
                          "pt": "O tamanho de cada texto em tokens, antes do preenchimento"},
    "batchpage.mask": {"en": "The mask: `True` where there is a real token, `False` where there is padding",
                       "pt": "A máscara: `True` onde há um token real, `False` onde há preenchimento"},
    "upload.button_help": {
        "en": "“Browse files” opens your computer's file picker; you can also drag the file onto the box. "
              "(Those words come from Streamlit.)",
        "pt": "O botão “Browse files” (procurar arquivos) abre a escolha de arquivos do computador; você também pode "
              "arrastar o arquivo até a caixa (“Drag and drop file here”). Essas palavras vêm do Streamlit, "
              "em inglês.",
    },
    # The tokenizer views of the Vocabulary page (textlab/ui/tokenizer_views.py).
    "tokview.compare": {"en": "Notebook tokenizer vs subword tokenizer",
                        "pt": "Tokenizador do notebook vs subpalavras"},
    "tokview.compare_caption": {
        "en": "The same sentence, each known token on its own colour (hover for its id); a <UNK> one is orange "
              "and dashed, as above. The subword tokenizer was learned from the training texts: a word it never "
              "saw is cut into known pieces, not <UNK>.",
        "pt": "A mesma frase, cada token conhecido com sua cor (passe o mouse para ver o id); um <UNK> fica "
              "laranja e tracejado, como acima. O tokenizador de subpalavras foi aprendido com os textos de "
              "treino: uma palavra que ele nunca viu vira pedaços conhecidos, não <UNK>.",
    },
    "tokview.counts": {"en": "{tokens}, of which {unknown} <UNK>", "pt": "{tokens}, dos quais {unknown} <UNK>"},
    "tokview.merges": {"en": "How BPE learned its pieces, merge by merge",
                       "pt": "Como o BPE aprendeu seus pedaços, fusão por fusão"},
    "tokview.merge_number": {"en": "Merge (of {total})", "pt": "Fusão (de {total})"},
    "tokview.merge_help": {
        "en": "BPE starts from single characters and, again and again, joins the pair seen most often in the "
              "training texts into a new token.",
        "pt": "O BPE começa com caracteres soltos e, repetidas vezes, junta o par mais frequente nos textos de "
              "treino num token novo.",
    },
    "tokview.merge_line": {"en": "Merge {number} of {total}: {left} + {right} → new token {token}",
                           "pt": "Fusão {number} de {total}: {left} + {right} → token novo {token}"},
    "tokview.no_examples": {"en": "No frequent word of the data changes at this merge.",
                            "pt": "Nenhuma palavra frequente dos dados muda nesta fusão."},
    "tokview.no_merges": {"en": "The texts are too few for BPE to learn any merge.",
                          "pt": "Há textos de menos para o BPE aprender alguma fusão."},
}
