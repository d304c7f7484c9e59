"""Strings of data reading: readers, decoding, their errors and the bundled samples."""

TEXTS: dict[str, dict[str, str]] = {
    # Decoding
    "data.decoded_cp1252": {
        "en": "The file is not UTF-8, so it was read as Windows-1252 (Latin-1). "
        "Check that accented letters look right; saving the file as UTF-8 avoids this.",
        "pt": "O arquivo não está em UTF-8, então foi lido como Windows-1252 (Latin-1). "
        "Confira se os acentos aparecem certos; salvar o arquivo em UTF-8 evita isso.",
    },
    "data.undecodable": {
        "en": "Cannot read the text: byte {byte} on line {line} is neither UTF-8 nor Windows-1252. "
        "Save the file as UTF-8 text and try again.",
        "pt": "Não foi possível ler o texto: o byte {byte} na linha {line} não é UTF-8 nem Windows-1252. "
        "Salve o arquivo como texto UTF-8 e tente de novo.",
    },
    "data.binary": {
        "en": "This is not a text file: it looks like a {format} file. "
        "Upload a .txt, .csv, .tsv or .jsonl file; from a spreadsheet, use Save as → CSV UTF-8.",
        "pt": "Este não é um arquivo de texto: parece um arquivo {format}. "
        "Envie um arquivo .txt, .csv, .tsv ou .jsonl; numa planilha, use Salvar como → CSV UTF-8.",
    },
    "data.binary_content": {
        "en": "This is not a text file: it contains NUL or other control bytes that text does not have. "
        "Upload a .txt, .csv, .tsv or .jsonl file.",
        "pt": "Este não é um arquivo de texto: ele contém bytes NUL ou outros bytes de controle que "
        "um texto não tem. Envie um arquivo .txt, .csv, .tsv ou .jsonl.",
    },
    # Size and shape of the input
    "data.empty": {
        "en": "There is no text to read. Paste or upload at least one non-empty line of text.",
        "pt": "Não há texto para ler. Cole ou envie pelo menos uma linha de texto não vazia.",
    },
    "data.unsupported_extension": {
        "en": "Cannot read '{name}': the supported file types are {supported}. "
        "Rename or convert the file to one of them.",
        "pt": "Não é possível ler '{name}': os tipos de arquivo aceitos são {supported}. "
        "Renomeie ou converta o arquivo para um deles.",
    },
    "data.too_large": {
        "en": "The input has {size_mb} MB; the limit is {limit_mb} MB. Use a smaller part of the data.",
        "pt": "A entrada tem {size_mb} MB; o limite é {limit_mb} MB. Use uma parte menor dos dados.",
    },
    "data.too_many_rows": {
        "en": "The input has {texts}; the limit is {limit}. Use a smaller part of the data.",
        "pt": "A entrada tem {texts}; o limite é {limit}. Use uma parte menor dos dados.",
    },
    "data.file_not_found": {
        "en": "File not found: {path}. Check the path and try again.",
        "pt": "Arquivo não encontrado: {path}. Confira o caminho e tente de novo.",
    },
    "data.cannot_read": {
        "en": "Cannot read {path} ({detail}). Check that it is a readable file.",
        "pt": "Não foi possível ler {path} ({detail}). Confira se é um arquivo que pode ser lido.",
    },
    # Tables
    "data.missing_column": {
        "en": "There is no column '{column}'. The columns are: {columns}. Choose one of them.",
        "pt": "Não existe a coluna '{column}'. As colunas são: {columns}. Escolha uma delas.",
    },
    "data.no_text_column": {
        "en": "Cannot tell which column holds the texts. The columns are: {columns}. "
        "Choose the text column, or name it 'text'.",
        "pt": "Não dá para saber qual coluna tem os textos. As colunas são: {columns}. "
        "Escolha a coluna de texto ou dê a ela o nome 'texto'.",
    },
    "data.same_column": {
        "en": "The column '{column}' cannot be both the text and the label. Choose two different columns.",
        "pt": "A coluna '{column}' não pode ser ao mesmo tempo o texto e o rótulo. "
        "Escolha duas colunas diferentes.",
    },
    "data.ragged_rows.one": {
        "en": "A row has more cells than the {expected} columns of the header: row {rows} "
        "(row 1 is the header, as in a spreadsheet). "
        "A text that contains the separator must be put in double quotes.",
        "pt": "Uma linha tem mais células que as {expected} colunas do cabeçalho: a linha {rows} "
        "(a linha 1 é o cabeçalho, como numa planilha). "
        "Um texto que contém o separador precisa ficar entre aspas duplas.",
    },
    "data.ragged_rows.other": {
        "en": "Some rows have more cells than the {expected} columns of the header: rows {rows} "
        "({count} in total; row 1 is the header, as in a spreadsheet). "
        "A text that contains the separator must be put in double quotes.",
        "pt": "Algumas linhas têm mais células que as {expected} colunas do cabeçalho: linhas {rows} "
        "({count} no total; a linha 1 é o cabeçalho, como numa planilha). "
        "Um texto que contém o separador precisa ficar entre aspas duplas.",
    },
    "data.bad_jsonl": {
        "en": "Line {line} is not valid JSON ({detail}). Each line must hold one JSON object.",
        "pt": "A linha {line} não é um JSON válido ({detail}). Cada linha deve ter um objeto JSON.",
    },
    "data.jsonl_not_object": {
        "en": 'Line {line} is not a JSON object. Each line must look like {{"text": "...", "label": "..."}}.',
        "pt": "A linha {line} não é um objeto JSON. "
        'Cada linha deve ser como {{"text": "...", "label": "..."}}.',
    },
    # Texts and labels
    "data.header_skipped": {
        "en": "The first line looked like a header (text and label) and was skipped.",
        "pt": "A primeira linha parecia um cabeçalho (texto e rótulo) e foi ignorada.",
    },
    "data.blank_texts.lines.one": {
        "en": "A line with a label but no text was skipped: line {where}.",
        "pt": "Uma linha com rótulo mas sem texto foi ignorada: a linha {where}.",
    },
    "data.blank_texts.lines.other": {
        "en": "Lines with a label but no text were skipped: lines {where} ({count} in total).",
        "pt": "Linhas com rótulo mas sem texto foram ignoradas: linhas {where} ({count} no total).",
    },
    "data.blank_texts.rows.one": {
        "en": "A row with an empty text was skipped: row {where} (row 1 is the header, as in a spreadsheet).",
        "pt": "Uma linha com texto vazio foi ignorada: a linha {where} (a linha 1 é o cabeçalho, como numa planilha).",
    },
    "data.blank_texts.rows.other": {
        "en": "Rows with an empty text were skipped: rows {where} "
        "({count} in total; row 1 is the header, as in a spreadsheet).",
        "pt": "Linhas com texto vazio foram ignoradas: linhas {where} "
        "({count} no total; a linha 1 é o cabeçalho, como numa planilha).",
    },
    "data.blank_labels.rows.one": {
        "en": "The label column '{column}' is empty or marked as missing in row {where} "
        "(row 1 is the header, as in a spreadsheet). "
        "Fill in that label, delete that row, or read the file without labels.",
        "pt": "A coluna de rótulos '{column}' está vazia ou marcada como ausente na linha {where} "
        "(a linha 1 é o cabeçalho, como numa planilha). "
        "Preencha esse rótulo, apague essa linha ou leia o arquivo sem rótulos.",
    },
    "data.blank_labels.rows.other": {
        "en": "The label column '{column}' is empty or marked as missing in rows {where} "
        "({count} in total; row 1 is the header, as in a spreadsheet). "
        "Fill in those labels, delete those rows, or read the file without labels.",
        "pt": "A coluna de rótulos '{column}' está vazia ou marcada como ausente nas linhas {where} "
        "({count} no total; a linha 1 é o cabeçalho, como numa planilha). "
        "Preencha esses rótulos, apague essas linhas ou leia o arquivo sem rótulos.",
    },
    "data.blank_labels.lines.one": {
        "en": "The label '{column}' is missing, empty or marked as missing on line {where}. "
        "Fill in that label, delete that line, or read the file without labels.",
        "pt": "O rótulo '{column}' está ausente, vazio ou marcado como ausente na linha {where}. "
        "Preencha esse rótulo, apague essa linha ou leia o arquivo sem rótulos.",
    },
    "data.blank_labels.lines.other": {
        "en": "The label '{column}' is missing, empty or marked as missing on lines {where} ({count} in total). "
        "Fill in those labels, delete those lines, or read the file without labels.",
        "pt": "O rótulo '{column}' está ausente, vazio ou marcado como ausente nas linhas {where} ({count} no total). "
        "Preencha esses rótulos, apague essas linhas ou leia o arquivo sem rótulos.",
    },
    "data.mixed_labels.one": {
        "en": "Some lines have a label (after a tab) and one does not: line {lines}. "
        "Give every line a label, or remove all the labels.",
        "pt": "Algumas linhas têm rótulo (depois de um tab) e uma não tem: a linha {lines}. "
        "Dê um rótulo a todas as linhas ou tire todos os rótulos.",
    },
    "data.mixed_labels.other": {
        "en": "Some lines have a label (after a tab) and others do not. Lines without a label: {lines} "
        "({count} in total). Give every line a label, or remove all the labels.",
        "pt": "Algumas linhas têm rótulo (depois de um tab) e outras não. Linhas sem rótulo: {lines} "
        "({count} no total). Dê um rótulo a todas as linhas ou tire todos os rótulos.",
    },
    "data.no_labels": {
        "en": "These texts have no labels. Add a label after each text (text, tab, label) or a label column.",
        "pt": "Estes textos não têm rótulos. Acrescente um rótulo depois de cada texto (texto, tab, rótulo) "
        "ou uma coluna de rótulos.",
    },
    "data.not_numeric.one": {
        "en": "Numeric labels must all be numbers, but {count} is not: '{example}', "
        "text {rows} (counted from 1). Treat the labels as categories, or fix it.",
        "pt": "Rótulos numéricos precisam ser todos números, mas {count} não é: '{example}', "
        "texto {rows} (contado a partir de 1). Trate os rótulos como categorias ou corrija-o.",
    },
    "data.not_numeric.other": {
        "en": "Numeric labels must all be numbers, but {count} are not, e.g. '{example}'; "
        "texts {rows} (counted from 1). Treat the labels as categories, or fix them.",
        "pt": "Rótulos numéricos precisam ser todos números, mas {count} não são, por exemplo '{example}'; "
        "textos {rows} (contados a partir de 1). Trate os rótulos como categorias ou corrija-os.",
    },
    # Bundled samples
    "data.unknown_sample": {
        "en": "There is no sample called '{name}'. The samples are: {choices}.",
        "pt": "Não existe um exemplo chamado '{name}'. Os exemplos são: {choices}.",
    },
    "sample.notebook.title": {
        "en": "The notebook's three texts",
        "pt": "Os três textos do notebook",
    },
    "sample.notebook.description": {
        "en": "The three unlabelled sentences of the original Portuguese notebook, "
        "to follow it step by step.",
        "pt": "As três frases sem rótulo do notebook original, para acompanhá-lo passo a passo.",
    },
    "sample.sentiment.title": {
        "en": "Positive or negative (Portuguese and English)",
        "pt": "Positivo ou negativo (português e inglês)",
    },
    "sample.sentiment.description": {
        "en": "500 short and long product reviews, positive or negative, whose sentiment words recur, so a "
        "model learns them and gets new reviews right. Their lengths vary a lot, which shows what padding does.",
        "pt": "500 avaliações curtas e longas de produtos, positivas ou negativas, cujas palavras de sentimento "
        "se repetem, então um modelo as aprende e acerta avaliações novas. Os tamanhos variam muito, o que mostra "
        "o efeito do padding.",
    },
    "sample.ratings.title": {
        "en": "Reviews with a rating from 1 to 5",
        "pt": "Avaliações com nota de 1 a 5",
    },
    "sample.ratings.description": {
        "en": "Short product and service reviews in Portuguese, each with a rating from 1 to 5: "
        "a regression task, like the notebook's MSE loss.",
        "pt": "Avaliações curtas de produtos e serviços, em português, cada uma com nota de 1 a 5: "
        "uma tarefa de regressão, como a perda MSE do notebook.",
    },
    "sample.rare_words.title": {
        "en": "Rare words (Portuguese and English)",
        "pt": "Palavras raras (português e inglês)",
    },
    "sample.rare_words.description": {
        "en": "960 product reviews, positive or negative. A third use common sentiment words; each of the "
        "others rests on one rarer word (“The lamp is shoddy.”) that appears in exactly two reviews, so which "
        "texts the vocabulary counts decides whether the model learns it.",
        "pt": "960 avaliações de produtos, positivas ou negativas. Um terço usa palavras de sentimento comuns; "
        "cada uma das outras depende de uma palavra mais rara (“O teclado é impecável.”) que aparece em "
        "exatamente duas avaliações, então os textos que o vocabulário conta decidem se o modelo a aprende.",
    },
    "sample.word_order.title": {
        "en": "Word order matters",
        "pt": "A ordem das palavras importa",
    },
    "sample.word_order.description": {
        "en": "Pairs such as 'not good , but bad' and 'not bad , but good': the same words in another "
        "order with the opposite label. Averaging word vectors cannot tell them apart; a GRU can.",
        "pt": "Pares como 'não é bom , é ruim' e 'não é ruim , é bom': as mesmas palavras em outra ordem, "
        "com o rótulo oposto. A média dos vetores das palavras não os distingue; uma GRU consegue.",
    },
}
