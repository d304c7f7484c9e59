"""Strings of the command line (``python -m textlab``) and of the notebook-style training log."""

TEXTS: dict[str, dict[str, str]] = {
    "cli.description": {
        "en": "textlab: see how a neural network reads text. The notebook's pipeline, from the command line.",
        "pt": "textlab: veja como uma rede neural lê texto. O pipeline do notebook, na linha de comando.",
    },
    "cli.lang": {"en": "Language of the output (pt or en).", "pt": "Idioma da saída (pt ou en)."},
    "cli.file": {
        "en": "A .txt, .csv, .tsv or .jsonl file, or - for standard input (one text per line, optional TAB label).",
        "pt": "Um arquivo .txt, .csv, .tsv ou .jsonl, ou - para a entrada padrão (um texto por linha, "
              "rótulo opcional após TAB).",
    },
    "cli.text_col": {"en": "Column holding the texts (csv/tsv/jsonl).",
                     "pt": "Coluna com os textos (csv/tsv/jsonl)."},
    "cli.label_col": {"en": "Column holding the labels (csv/tsv/jsonl).",
                      "pt": "Coluna com os rótulos (csv/tsv/jsonl)."},
    "cli.vocab": {"en": "Print token2idx as JSON.", "pt": "Mostra o token2idx em JSON."},
    "cli.batches": {"en": "Print each padded batch as PyTorch prints a tensor, with the lengths.",
                    "pt": "Mostra cada lote preenchido como o PyTorch imprime um tensor, com os comprimentos."},
    "cli.no_shuffle": {"en": "Keep the texts in file order.", "pt": "Mantém os textos na ordem do arquivo."},
    "cli.train": {"en": "Train and print one line per epoch, in the notebook's format.",
                  "pt": "Treina e mostra uma linha por época, no formato do notebook."},
    "cli.json": {"en": "Print one JSON object per event instead.",
                 "pt": "Mostra um objeto JSON por evento, em vez disso."},
    "cli.config": {"en": "Read the settings from a JSON file (the flags below override it).",
                   "pt": "Lê as configurações de um arquivo JSON (as opções abaixo têm precedência)."},
    "cli.no_store": {"en": "Do not record this run in the run store (TEXTLAB_DATA_DIR, ./textlab-data by default).",
                     "pt": "Não grava esta execução no banco de execuções (TEXTLAB_DATA_DIR, ./textlab-data por "
                           "padrão)."},
    "cli.saved": {"en": "textlab: run saved as #{run_id} in {path}",
                  "pt": "textlab: execução salva como #{run_id} em {path}"},
    "cli.not_saved": {"en": "the run was not saved: {detail}", "pt": "a execução não foi salva: {detail}"},
    "cli.runs": {"en": "List the recorded runs, newest first.",
                 "pt": "Lista as execuções gravadas, da mais nova à mais antiga."},
    "cli.runs_json": {"en": "Print one JSON object per run instead.",
                      "pt": "Mostra um objeto JSON por execução, em vez disso."},
    "cli.runs_empty": {"en": "No runs recorded yet in {path}.", "pt": "Nenhuma execução gravada ainda em {path}."},
    "cli.export": {"en": "Write a standalone PyTorch script (with the run's data as CSV) or a Jupyter notebook "
                         "(with the data inside) that reproduces a run.",
                   "pt": "Escreve um script PyTorch independente (com os dados da execução em CSV) ou um notebook "
                         "Jupyter (com os dados dentro) que a reproduz."},
    "cli.run_id": {"en": "The run's number (see: python -m textlab runs).",
                   "pt": "O número da execução (veja: python -m textlab runs)."},
    "cli.script": {"en": "Where to write the script (.py).", "pt": "Onde escrever o script (.py)."},
    "cli.notebook": {"en": "Where to write the notebook (.ipynb) instead; it opens in Jupyter or Colab as it is.",
                     "pt": "Onde escrever o notebook (.ipynb), em vez do script; ele abre no Jupyter ou no Colab "
                           "como está."},
    "cli.exported_notebook": {"en": "Wrote {notebook}. Open it in Jupyter or Colab and run all cells.",
                              "pt": "Escrito {notebook}. Abra-o no Jupyter ou no Colab e execute todas as células."},
    "cli.data": {"en": "Where to write the data (.csv); by default beside the script, named <script>-data.csv.",
                 "pt": "Onde escrever os dados (.csv); por padrão ao lado do script, como <script>-data.csv."},
    "cli.exported": {"en": "Wrote {script} and {data}. Run it with: python {script}",
                     "pt": "Escritos {script} e {data}. Execute com: python {script}"},
    "cli.predict": {"en": "Predict with a checkpoint, one line per text.",
                    "pt": "Faz previsões com um checkpoint, uma linha por texto."},
    "cli.checkpoint": {"en": "A checkpoint (.pt) from the Runs page or textlab-data/checkpoints.",
                       "pt": "Um checkpoint (.pt) da página Execuções ou de textlab-data/checkpoints."},
    "cli.texts": {"en": "The texts to predict.", "pt": "Os textos a prever."},
    "cli.prediction_class": {"en": "{text} -> {label} ({probability:.1%})",
                             "pt": "{text} -> {label} ({probability:.1%})"},
    "cli.prediction_value": {"en": "{text} -> {value:.4f}", "pt": "{text} -> {value:.4f}"},
    "cli.serve": {"en": "Serve the app to a class: print the link and a QR code for students, then start it.",
                  "pt": "Serve o app para uma turma: mostra o link e um QR code para os alunos e o inicia."},
    "cli.serve_port": {"en": "The port to listen on.", "pt": "A porta em que escutar."},
    "cli.serve_lan": {
        "en": "Listen on the local network (every interface), so students' devices can connect. "
              "Without it only this machine can.",
        "pt": "Escuta na rede local (todas as interfaces), para que os dispositivos dos alunos se conectem. "
              "Sem isso, só esta máquina se conecta.",
    },
    "cli.serve_bad_port": {"en": "a port is a whole number from 1 to 65535, not {value}",
                           "pt": "uma porta é um número inteiro de 1 a 65535, não {value}"},
    "cli.serve_link": {"en": "Students open: {link}", "pt": "Os alunos abrem: {link}"},
    "cli.serve_lan_notice": {
        "en": "Anyone on this network can open the app: use it on the school network only, behind its firewall, "
              "and stop it after class. TEXTLAB_MAX_JOBS caps how many runs train at once.",
        "pt": "Qualquer pessoa nesta rede pode abrir o app: use-o só na rede da escola, atrás do firewall, "
              "e encerre-o após a aula. TEXTLAB_MAX_JOBS limita quantas execuções treinam ao mesmo tempo.",
    },
    "cli.serve_local_notice": {
        "en": "Only this machine can connect. Add --lan to let students' devices on the local network in.",
        "pt": "Só esta máquina pode se conectar. Use --lan para liberar os dispositivos dos alunos na rede local.",
    },
    "cli.serve_other_links": {"en": "If that address does not open on the students' devices, try: {links}",
                              "pt": "Se esse endereço não abrir nos dispositivos dos alunos, tente: {links}"},
    "cli.serve_stop": {"en": "Press Ctrl+C to stop the server.", "pt": "Pressione Ctrl+C para encerrar o servidor."},
    "cli.batch_header": {"en": "Batch {number}", "pt": "Lote {number}"},
    "cli.lengths": {"en": "lengths", "pt": "comprimentos"},
    "cli.padding": {"en": "padding: {fraction:.1%} of the cells", "pt": "preenchimento: {fraction:.1%} das células"},
    "cli.error": {"en": "textlab: error: {message}", "pt": "textlab: erro: {message}"},
    "cli.notice": {"en": "textlab: note: {message}", "pt": "textlab: aviso: {message}"},
    # The notebook prints: Época 1, Perda: 0.4647
    "log.epoch": {"en": "Epoch {epoch}, Loss: {loss:.4f}", "pt": "Época {epoch}, Perda: {loss:.4f}"},
    "log.val_loss": {"en": "Validation loss: {value:.4f}", "pt": "Perda de validação: {value:.4f}"},
    "log.started": {
        "en": "{train_size} for training, {val_size} for validation, vocabulary of {vocab_size}, "
              "labels: {label_mode}, device: {device}",
        "pt": "{train_size} para treino, {val_size} para validação, vocabulário de {vocab_size}, "
              "rótulos: {label_mode}, dispositivo: {device}",
    },
    "log.finished.completed": {"en": "Finished: {epochs}.", "pt": "Concluído: {epochs}."},
    "log.finished.early_stopping": {
        "en": "Stopped early after epoch {epochs}: the validation loss stopped improving (best weights kept).",
        "pt": "Parada antecipada após a época {epochs}: a perda de validação parou de melhorar "
              "(mantidos os melhores pesos).",
    },
    "log.stopped": {"en": "Stopped by the user.", "pt": "Interrompido pelo usuário."},
    "metric.mse": {"en": "MSE", "pt": "EQM"},
    "metric.mae": {"en": "MAE", "pt": "EAM"},
    "metric.accuracy": {"en": "accuracy", "pt": "acurácia"},
    "metric.macro_f1": {"en": "macro-F1", "pt": "F1 macro"},
}
