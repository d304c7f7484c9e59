"""Strings of the run store, checkpoints, the exported script and the Runs page.

Only what the pages show; what the core and the CLI say is in ``textlab.i18n``.
"""

TEXTS: dict[str, dict[str, str]] = {
    "store.no_checkpoint": {
        "en": "Run #{run_id} has no checkpoint: only finished and stopped runs keep their weights.",
        "pt": "A execução #{run_id} não tem checkpoint: só execuções concluídas ou interrompidas guardam os pesos.",
    },
    # The page
    "runs.intro": {
        "en": "Every run is kept here, finished, stopped or failed, even after the server restarts. "
              "Compare curves, write notes, and take a run away as a checkpoint or a PyTorch script.",
        "pt": "Toda execução fica guardada aqui, concluída, interrompida ou com falha, mesmo depois de o "
              "servidor reiniciar. Compare curvas, anote, e leve uma execução como checkpoint ou script PyTorch.",
    },
    "runs.empty": {"en": "No runs yet. Train a model on the Train page: every run is recorded here.",
                   "pt": "Nenhuma execução ainda. Treine um modelo na página Treinar: toda execução fica aqui."},
    "runs.filter": {"en": "Filter", "pt": "Filtrar"},
    "runs.filter.help": {"en": "Show only runs whose name, notes, status or settings contain this text.",
                         "pt": "Mostra só execuções cujo nome, notas, situação ou configurações contêm este texto."},
    "runs.status_filter": {"en": "Status", "pt": "Situação"},
    "runs.col_help.reason": {"en": "In short. The full reason is under One run, below.",
                             "pt": "Em poucas palavras. O motivo completo está em Uma execução, abaixo."},
    "runs.col_help.settings": {"en": "Only the settings changed from the notebook's.",
                               "pt": "Só as configurações mudadas em relação às do notebook."},
    "runs.kept_weights": {
        "en": "It kept the weights of epoch {epoch}, its best: its checkpoint and its numbers in the table are "
              "that epoch's.",
        "pt": "Ela manteve os pesos da época {epoch}, a melhor: o checkpoint e os números dela na tabela são "
              "dessa época.",
    },
    "runs.kept_numbers": {
        "en": "A run that stopped early shows the losses and accuracy of the epoch whose weights it kept (its "
              "best), not of its last epoch.",
        "pt": "Uma execução com parada antecipada mostra as perdas e a acurácia da época cujos pesos ela manteve "
              "(a melhor), não as da última época.",
    },
    "runs.col_help.data": {"en": "Where the texts came from, and how many.",
                           "pt": "De onde vieram os textos, e quantos são."},
    "runs.more_columns": {
        "en": "To show more columns (status, epochs, vocabulary, labels, device, start, notes), hover over the "
              "table and click the eye icon above it. Everything about one run is in \"One run\" below.",
        "pt": "Para ver mais colunas (situação, épocas, vocabulário, rótulos, dispositivo, início, notas), passe o "
              "mouse sobre a tabela e clique no ícone de olho acima dela. Tudo sobre uma execução está em "
              "\"Uma execução\", abaixo.",
    },
    "runs.more_columns.presentation": {
        "en": "At the projector's size the table shows its main columns and cannot be sorted; turn presentation "
              "mode off for those. Everything about one run is in \"One run\" below.",
        "pt": "No tamanho do projetor a tabela mostra só as colunas principais e não se ordena; desligue o modo "
              "apresentação para isso. Tudo sobre uma execução está em \"Uma execução\", abaixo.",
    },
    "runs.all": {"en": "All", "pt": "Todas"},
    "runs.choose": {"en": "Choose runs", "pt": "Escolha execuções"},
    "runs.no_match": {"en": "No run matches the filter.", "pt": "Nenhuma execução corresponde ao filtro."},
    "runs.compare": {"en": "Compare runs", "pt": "Comparar execuções"},
    "runs.compare.help": {"en": "Their loss curves are drawn on the same axes.",
                          "pt": "As curvas de perda são desenhadas nos mesmos eixos."},
    "runs.compare_hint": {"en": "Pick two or more runs to overlay their loss curves.",
                          "pt": "Escolha duas ou mais execuções para sobrepor as curvas de perda."},
    "runs.differs": {"en": "What differs: {summary}", "pt": "O que muda: {summary}"},
    "runs.same_settings": {"en": "Same settings and same data: where the curves differ, it is only by chance.",
                           "pt": "Mesmas configurações e mesmos dados: se as curvas diferem, é só por acaso."},
    "runs.manage": {"en": "One run", "pt": "Uma execução"},
    "runs.pick": {"en": "Run", "pt": "Execução"},
    "runs.name": {"en": "Name", "pt": "Nome"},
    "runs.notes": {"en": "Notes", "pt": "Notas"},
    "runs.save": {"en": "Save name and notes", "pt": "Salvar nome e notas"},
    "runs.saved": {"en": "Saved.", "pt": "Salvo."},
    "runs.ended_because": {"en": "Why it ended: {message}", "pt": "Por que terminou: {message}"},
    "runs.delete": {"en": "Delete this run", "pt": "Excluir esta execução"},
    "runs.delete_confirm": {"en": "Delete {name} with its metrics and checkpoint? This cannot be undone.",
                            "pt": "Excluir {name} com suas métricas e checkpoint? Não dá para desfazer."},
    "runs.delete_yes": {"en": "Yes, delete", "pt": "Sim, excluir"},
    "runs.cancel": {"en": "Cancel", "pt": "Cancelar"},
    "runs.deleted": {"en": "{name} was deleted.", "pt": "{name} foi excluída."},
    "runs.downloads": {"en": "Take it away", "pt": "Levar consigo"},
    "runs.download_checkpoint": {"en": "Checkpoint (.pt)", "pt": "Checkpoint (.pt)"},
    "runs.download_script": {"en": "PyTorch script + data (.zip)", "pt": "Script PyTorch + dados (.zip)"},
    "runs.download_metrics": {"en": "Metrics (.csv)", "pt": "Métricas (.csv)"},
    "runs.download_notebook": {"en": "Jupyter notebook (.ipynb)", "pt": "Notebook Jupyter (.ipynb)"},
    "runs.notebook_help": {
        "en": "One .ipynb file with the data inside: it opens in Jupyter or Colab as it is. Each step is explained "
              "in this language, and running all cells prints the same losses per epoch as this run on the CPU.",
        "pt": "Um único arquivo .ipynb com os dados dentro: abre no Jupyter ou no Colab como está. Cada passo é "
              "explicado neste idioma, e executar todas as células imprime, na CPU, as mesmas perdas por época "
              "desta execução."},
    "runs.script_help": {
        "en": "A single .py file with plain PyTorch and the run's data as CSV. On the CPU it prints the same "
              "losses per epoch as this run.",
        "pt": "Um único arquivo .py com PyTorch puro e os dados da execução em CSV. Na CPU ele imprime as "
              "mesmas perdas por época desta execução.",
    },
    "runs.use_settings": {"en": "Use these settings and data", "pt": "Usar estas configurações e dados"},
    "runs.use_settings.done": {
        "en": "The settings and data of {name} are now the session's. Open the Train page to train again.",
        "pt": "As configurações e os dados de {name} agora são os da sessão. Abra a página Treinar para treinar "
              "de novo.",
    },
    "runs.import": {"en": "Use a checkpoint", "pt": "Usar um checkpoint"},
    "runs.upload": {"en": "Upload a checkpoint (.pt)", "pt": "Envie um checkpoint (.pt)"},
    "runs.upload.help": {"en": "A file downloaded from this page, or from textlab-data/checkpoints.",
                         "pt": "Um arquivo baixado desta página, ou de textlab-data/checkpoints."},
    "runs.loaded": {
        "en": "Loaded: {model}, vocabulary of {vocab} tokens, labels: {labels}.",
        "pt": "Carregado: {model}, vocabulário de {vocab} tokens, rótulos: {labels}.",
    },
    "runs.predict_text": {"en": "A text to predict", "pt": "Um texto para prever"},
    "runs.prediction_class": {"en": "Prediction: **{label}** ({probability:.0%})",
                              "pt": "Previsão: **{label}** ({probability:.0%})"},
    "runs.prediction_value": {"en": "Model output: **{value:.4f}**", "pt": "Saída do modelo: **{value:.4f}**"},
    "runs.unknown_tokens.one": {"en": "{count} of the tokens is unknown to the vocabulary (read as <UNK>).",
                                "pt": "{count} dos tokens não está no vocabulário (lido como <UNK>)."},
    "runs.unknown_tokens.other": {"en": "{count} of the tokens are unknown to the vocabulary (read as <UNK>).",
                                  "pt": "{count} dos tokens não estão no vocabulário (lidos como <UNK>)."},
    "runs.random_labels_note": {
        "en": "This model learned the notebook's random labels, so its output carries no meaning yet.",
        "pt": "Este modelo aprendeu os rótulos aleatórios do notebook, então sua saída ainda não tem significado.",
    },
    "runs.continue": {"en": "Continue training from these weights", "pt": "Continuar o treino destes pesos"},
    "runs.continue.done": {
        "en": "The checkpoint's settings are now the session's. Press Train on the Train page: the run starts "
              "from these weights (with a fresh optimizer) if the data gives the same vocabulary.",
        "pt": "As configurações do checkpoint agora são as da sessão. Aperte Treinar na página Treinar: o treino "
              "parte destes pesos (com um otimizador novo) se os dados gerarem o mesmo vocabulário.",
    },
    "runs.overlay_per": {"en": "Compare per", "pt": "Comparar por"},
    "runs.overlay_per.epoch": {"en": "epoch", "pt": "época"},
    "runs.overlay_per.step": {"en": "step", "pt": "passo"},
    "runs.covers": {"en": "#{later} lies exactly on #{earlier}: the same numbers at every point, so it covers that "
                          "curve (the wider line and larger markers around it are #{earlier}'s).",
                    "pt": "#{later} fica exatamente sobre #{earlier}: os mesmos números em todos os pontos, então "
                          "cobre aquela curva (a linha mais larga e os marcadores maiores em volta são de "
                          "#{earlier})."},
    "runs.no_epoch": {"en": "#{run_id} adds nothing to this chart: it ended before finishing an epoch. "
                            "Compare per step to see its losses.",
                      "pt": "#{run_id} não acrescenta nada a este gráfico: terminou antes de concluir uma época. "
                            "Compare por passo para ver suas perdas."},
}
