"""Strings of the Train page, its loss chart and its suggested settings.

Only what the pages show; what the core and the CLI say is in ``textlab.i18n``.
"""

TEXTS: dict[str, dict[str, str]] = {
    "train.title": {"en": "Train the model", "pt": "Treinar o modelo"},
    "train.intro": {
        "en": "Choose the settings, press Train and watch the loss fall. A run keeps a frozen copy of the "
              "settings and of the data it started with.",
        "pt": "Escolha as configurações, aperte Treinar e veja a perda cair. Cada execução guarda uma cópia "
              "congelada das configurações e dos dados com que começou.",
    },
    "train.data": {"en": "Data: {texts}.", "pt": "Dados: {texts}."},
    # What the next run does with the labels (the label mode resolved, not the data's kind)
    "labels.summary.random": {"en": "The run trains on random labels, as in the notebook.",
                              "pt": "A execução treina com rótulos aleatórios, como no notebook."},
    "labels.summary.random_ignoring": {
        "en": "The run trains on random labels, as in the notebook: the data's labels are ignored.",
        "pt": "A execução treina com rótulos aleatórios, como no notebook: os rótulos dos dados são ignorados."},
    "labels.summary.regression": {"en": "The run predicts the labels as numbers (regression).",
                                  "pt": "A execução prevê os rótulos como números (regressão)."},
    "labels.summary.classification": {"en": "The run sorts the texts into {classes} (classification).",
                                      "pt": "A execução separa os textos em {classes} (classificação)."},
    # Settings
    "train.settings": {"en": "Settings", "pt": "Configurações"},
    "train.section.model": {"en": "Model", "pt": "Modelo"},
    "train.section.advanced": {"en": "Advanced", "pt": "Avançado"},
    "train.device_missing": {"en": "Not available on this machine. {reasons}",
                             "pt": "Indisponível nesta máquina. {reasons}"},
    "train.device_fallback": {
        "en": "The device '{device}' is not available here, so 'automatic' is used. {reason}",
        "pt": "O dispositivo '{device}' não está disponível aqui, então 'automático' é usado. {reason}",
    },
    "train.suggest.button": {"en": "Suggested settings", "pt": "Configurações sugeridas"},
    "train.suggest.help": {"en": "Settings suggested for this data. They would change: {changes}",
                           "pt": "Configurações sugeridas para estes dados. Mudariam: {changes}"},
    "train.suggest.matching": {"en": "The settings match the suggestion for this data.",
                               "pt": "As configurações já são as sugeridas para estes dados."},
    "train.suggest.applied": {"en": "Suggested settings applied: {changes}",
                              "pt": "Configurações sugeridas aplicadas: {changes}"},
    "train.suggest.why.notebook": {
        "en": "A handful of texts: the notebook's own settings (embedding dimension 10, learning rate 0.001, "
              "batch size 2, 3 epochs).",
        "pt": "Poucos textos: as configurações do próprio notebook (dimensão do embedding 10, taxa de aprendizado "
              "0,001, lote de 2, 3 épocas).",
    },
    "train.suggest.why.tiny_labelled": {
        "en": "A handful of labelled texts: the notebook's model, with more epochs and a higher learning "
              "rate so it can learn them.",
        "pt": "Poucos textos rotulados: o modelo do notebook, com mais épocas e uma taxa de aprendizado maior "
              "para que ele consiga aprendê-los.",
    },
    "train.suggest.why.small": {
        "en": "Hundreds of texts: bigger batches and embeddings, a mean that ignores padding, and (with labels) "
              "a validation split with early stopping.",
        "pt": "Centenas de textos: lotes e embeddings maiores, uma média que ignora o preenchimento e (com "
              "rótulos) uma parte de validação com parada antecipada.",
    },
    "train.suggest.why.large": {
        "en": "Thousands of texts: batches of 32, 64-number embeddings, a mean that ignores padding, length "
              "bucketing (far less padding, faster) and (with labels) validation with early stopping.",
        "pt": "Milhares de textos: lotes de 32, embeddings de 64 números, uma média que ignora o preenchimento, "
              "agrupamento por tamanho (bem menos preenchimento, mais rápido) e (com rótulos) validação com "
              "parada antecipada.",
    },
    # Buttons
    "train.button.train": {"en": "Train", "pt": "Treinar"},
    "train.button.train.help": {"en": "Start a new run with the settings and data shown now.",
                                "pt": "Começa uma nova execução com as configurações e os dados atuais."},
    "train.button.pause": {"en": "Pause", "pt": "Pausar"},
    "train.button.resume": {"en": "Resume", "pt": "Continuar"},
    "train.button.pause.help": {"en": "Pause between two batches, or go on.",
                                "pt": "Pausa entre dois lotes, ou continua."},
    "train.button.step": {"en": "Step", "pt": "Passo"},
    "train.button.step.help": {
        "en": "Train exactly one batch, then pause. Without a run, start one this way.",
        "pt": "Treina exatamente um lote e pausa. Sem execução, começa uma assim.",
    },
    "train.button.stop": {"en": "Stop", "pt": "Parar"},
    "train.button.stop.help": {"en": "End this run after the current batch; its curve stays.",
                               "pt": "Encerra esta execução após o lote atual; a curva fica."},
    "train.button.reset": {"en": "Reset", "pt": "Limpar"},
    "train.button.reset.help": {"en": "Stop and forget the run, clearing the chart. The settings stay.",
                                "pt": "Para e esquece a execução, limpando o gráfico. As configurações ficam."},
    "train.state.failed_next": {"en": "Change the settings and press Train to try again.",
                                "pt": "Mude as configurações e aperte Treinar para tentar de novo."},
    "train.observer_failed": {
        "en": "Training went on, but saving part of this run failed: {detail}",
        "pt": "O treino continuou, mas salvar parte desta execução falhou: {detail}",
    },
    "train.metric.loss": {"en": "Last loss", "pt": "Última perda"},
    "train.metric.rate": {"en": "Steps/s", "pt": "Passos/s"},
    "train.metric.eta": {"en": "Time left", "pt": "Tempo restante"},
    "train.metric.device": {"en": "Device", "pt": "Dispositivo"},
    "train.random_labels": {
        "en": "These texts have no labels, so, as in the notebook, every batch gets new random labels from "
              "torch.randn: there is nothing to learn and the loss jumps around.",
        "pt": "Estes textos não têm rótulos; então, como no notebook, cada lote recebe novos rótulos aleatórios "
              "de torch.randn: não há o que aprender e a perda oscila.",
    },
    "train.no_validation": {
        "en": "Set a validation fraction above 0 to see the validation loss and metrics.",
        "pt": "Use uma fração de validação acima de 0 para ver a perda e as métricas de validação.",
    },
    # Frozen settings of the run
    "train.frozen.title": {"en": "Settings of this run", "pt": "Configurações desta execução"},
    "train.frozen.changed": {
        "en": "Changed since this run started; the changes apply to the next run: {changes}",
        "pt": "Alterado desde o início desta execução; as mudanças valem para a próxima: {changes}",
    },
    "train.frozen.setting": {"en": "Setting", "pt": "Configuração"},
    "train.frozen.this_run": {"en": "This run", "pt": "Esta execução"},
    "train.frozen.next_run": {"en": "Next run", "pt": "Próxima execução"},
    "train.frozen.data": {"en": "This run trains on the texts present when it started ({texts}).",
                          "pt": "Esta execução treina com os textos presentes quando começou ({texts})."},
    # History
    "train.history.title": {"en": "History per epoch", "pt": "Histórico por época"},
    "train.history.caption": {
        "en": "“Last batch loss” is what the notebook prints after each epoch.",
        "pt": "“Perda do último lote” é o que o notebook imprime após cada época.",
    },
    "train.history.latest": {"en": "The latest {shown} of {total} epochs are listed; the run's metrics file "
                                   "(Runs page) has them all.",
                             "pt": "São listadas as últimas {shown} de {total} épocas; o arquivo de métricas da "
                                   "execução (página Execuções) tem todas."},
    "train.history.empty": {"en": "The result of each epoch appears here.",
                            "pt": "O resultado de cada época aparece aqui."},
}
