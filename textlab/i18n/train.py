"""What the core says about a training run: its status in reports, and the loss chart."""

TEXTS: dict[str, dict[str, str]] = {
    # Status
    "train.state.none": {"en": "No run yet: press Train.", "pt": "Nenhuma execução ainda: aperte Treinar."},
    "train.state.queued": {
        "en": "Queued, position {position}: every training slot of this server is busy. It starts by itself.",
        "pt": "Na fila, posição {position}: todas as vagas de treino deste servidor estão ocupadas. "
              "Começa sozinho.",
    },
    "train.state.preparing": {"en": "Preparing the vocabulary, the tensors and the model…",
                              "pt": "Preparando o vocabulário, os tensores e o modelo…"},
    "train.state.running": {"en": "Training…", "pt": "Treinando…"},
    "train.state.taking_turns": {
        "en": "Training, taking turns: more runs than training slots, so this one waits for its next turn "
              "(position {position}).",
        "pt": "Treinando, em revezamento: há mais execuções que vagas de treino, então esta espera a sua vez "
              "(posição {position}).",
    },
    "train.state.paused": {"en": "Paused after step {step}. Press Resume, or Step for one more batch.",
                           "pt": "Pausado após o passo {step}. Aperte Continuar, ou Passo para mais um lote."},
    "train.state.finished": {
        "en": "Finished: {epochs}, {steps} in {seconds} ({rate} steps/s).",
        "pt": "Concluído: {epochs}, {steps} em {seconds} ({rate} passos/s).",
    },
    "train.state.early_stopping": {
        "en": "Stopped early after epoch {epochs}: the validation loss stopped improving, so the weights of "
              "the best epoch are kept. {steps} in {seconds}.",
        "pt": "Parada antecipada após a época {epochs}: a perda de validação parou de melhorar, então os pesos "
              "da melhor época foram mantidos. {steps} em {seconds}.",
    },
    "train.state.stopped": {"en": "Stopped after {steps}.", "pt": "Parado após {steps}."},
    "train.state.failed": {"en": "The run failed: {message}", "pt": "A execução falhou: {message}"},
    "train.progress": {"en": "Step {step} of {total} · epoch {epoch} of {epochs}",
                       "pt": "Passo {step} de {total} · época {epoch} de {epochs}"},
    "train.progress_early_stopped": {
        "en": "Step {step} of {total} · stopped at epoch {epoch} of {epochs} · kept epoch {kept}'s weights",
        "pt": "Passo {step} de {total} · parou na época {epoch} de {epochs} · pesos da época {kept} mantidos",
    },
    "train.history.epoch": {"en": "Epoch", "pt": "Época"},
    "train.history.train_loss": {"en": "Train loss (mean)", "pt": "Perda de treino (média)"},
    "train.history.last_loss": {"en": "Last batch loss", "pt": "Perda do último lote"},
    "train.history.val_loss": {"en": "Validation loss", "pt": "Perda de validação"},
    "train.history.seconds": {"en": "Seconds since the start", "pt": "Segundos desde o início"},
    # Chart
    "train.chart.smoothing": {"en": "Smoothing", "pt": "Suavização"},
    "train.chart.smoothing.help": {
        "en": "Weight of the exponential moving average, as in TensorBoard: 0 = none, 0.99 = very smooth.",
        "pt": "Peso da média móvel exponencial, como no TensorBoard: 0 = nenhuma, 0,99 = bem suave.",
    },
    "train.chart.x_axis": {"en": "X axis", "pt": "Eixo X"},
    "train.chart.title": {"en": "Loss during training", "pt": "Perda durante o treino"},
    "train.chart.x_step": {"en": "Step (batch)", "pt": "Passo (lote)"},
    "train.chart.x_epoch": {"en": "Epoch", "pt": "Época"},
    "train.chart.y_loss": {"en": "Loss", "pt": "Perda"},
    "train.chart.metric_axis": {"en": "Validation", "pt": "Validação"},
    "train.chart.raw": {"en": "Loss per batch", "pt": "Perda por lote"},
    "train.chart.smoothed": {"en": "Smoothed (EMA {weight:g})", "pt": "Suavizada (MME {weight:g})"},
    "train.chart.train": {"en": "Train loss per epoch", "pt": "Perda de treino por época"},
    "train.chart.validation": {"en": "Validation loss", "pt": "Perda de validação"},
    "train.chart.accuracy": {"en": "Accuracy", "pt": "Acurácia"},
    "train.chart.macro_f1": {"en": "Macro-F1", "pt": "F1 macro"},
    "train.chart.mae": {"en": "MAE", "pt": "MAE (erro absoluto médio)"},
    "train.chart.empty": {"en": "Press Train: the loss curve is drawn here as the model learns.",
                          "pt": "Aperte Treinar: a curva de perda é desenhada aqui enquanto o modelo aprende."},
    "train.chart.waiting": {"en": "The first batch is on its way…", "pt": "O primeiro lote está a caminho…"},
    "train.progress_queued": {"en": "Waiting in the queue (position {position})",
                              "pt": "Esperando na fila (posição {position})"},
}
