"""Strings of the core engine: configuration, devices, training and the CLI."""

TEXTS: dict[str, dict[str, str]] = {
    # Configuration errors
    "config.out_of_range": {
        "en": "{name} must be between {low} and {high}; got {value}.",
        "pt": "{name} deve estar entre {low} e {high}; recebido {value}.",
    },
    "config.above_and_at_most": {
        "en": "{name} must be greater than {low} and at most {high}; got {value}.",
        "pt": "{name} deve ser maior que {low} e no máximo {high}; recebido {value}.",
    },
    "config.bad_choice": {
        "en": "Unknown {name} '{value}'. Valid choices: {choices}.",
        "pt": "{name} desconhecido: '{value}'. Opções válidas: {choices}.",
    },
    "config.bad_type": {
        "en": "{name} must look like {expected}; got '{value}'.",
        "pt": "{name} deve ter a forma {expected}; recebido '{value}'.",
    },
    "config.unknown_field": {
        "en": "Unknown setting '{name}'. Valid settings: {choices}.",
        "pt": "Configuração desconhecida '{name}'. Configurações válidas: {choices}.",
    },
    "config.patience_needs_validation": {
        "en": "Early stopping needs a validation set: set the validation fraction above 0 or patience to 0.",
        "pt": "A parada antecipada precisa de um conjunto de validação: use uma fração de validação "
              "acima de 0 ou paciência 0.",
    },
    "config.heads_divide_embed_dim": {
        "en": "The transformer splits each token vector among its attention heads: the embedding size "
              "({embed_dim}) must be a multiple of the number of heads ({heads}).",
        "pt": "O transformer divide o vetor de cada token entre as cabeças de atenção: a dimensão do embedding "
              "({embed_dim}) deve ser múltipla do número de cabeças ({heads}).",
    },
    "model.text_too_long": {
        "en": "A text has {length} tokens, but the transformer reads at most {limit} (one learned position "
              "vector each). Set the maximum text length to {limit} or less, or pick another encoder.",
        "pt": "Um texto tem {length} tokens, mas o transformer lê no máximo {limit} (um vetor de posição "
              "aprendido para cada). Use um comprimento máximo de texto de {limit} ou menos, ou escolha outro "
              "codificador.",
    },
    "config.bad_json": {
        "en": "The configuration is not valid JSON: {detail}",
        "pt": "A configuração não é um JSON válido: {detail}",
    },
    # Devices
    "device.missing": {
        "en": "The device '{device}' is not available on this machine. Available: {available}.",
        "pt": "O dispositivo '{device}' não está disponível nesta máquina. Disponíveis: {available}.",
    },
    "device.cuda_not_built": {
        "en": "NVIDIA GPU (CUDA): this PyTorch was installed without GPU support.",
        "pt": "GPU NVIDIA (CUDA): este PyTorch foi instalado sem suporte a GPU.",
    },
    "device.no_gpu": {
        "en": "NVIDIA GPU (CUDA): none was found on this machine.",
        "pt": "GPU NVIDIA (CUDA): nenhuma foi encontrada nesta máquina.",
    },
    "device.no_mps": {
        "en": "Apple GPU (MPS): only Apple computers with Apple silicon have it.",
        "pt": "GPU Apple (MPS): só existe em computadores Apple com Apple silicon.",
    },
    "device.unknown": {
        "en": "Unknown device.",
        "pt": "Dispositivo desconhecido.",
    },
    # Training
    "training.needs_labels": {
        "en": "The label mode '{mode}' needs labelled texts: add a label after a tab on each line, "
              "or choose the random labels of the notebook.",
        "pt": "O modo de rótulo '{mode}' precisa de textos rotulados: acrescente um rótulo após um TAB "
              "em cada linha, ou escolha os rótulos aleatórios do notebook.",
    },
    "training.diverged": {
        "en": "At step {step} the loss stopped being a finite number: the learning rate {lr:g} is too high. "
              "Try {suggested:g}.",
        "pt": "No passo {step} a perda deixou de ser um número finito: a taxa de aprendizado {lr:g} é alta demais. "
              "Tente {suggested:g}.",
    },
    "training.out_of_memory": {
        "en": "The device ran out of memory. Try a batch size smaller than {batch_size}.",
        "pt": "O dispositivo ficou sem memória. Tente um tamanho de lote menor que {batch_size}.",
    },
    "training.crashed": {
        "en": "Training failed unexpectedly: {detail}",
        "pt": "O treino falhou inesperadamente: {detail}",
    },
}
