"""Strings of the classroom features: lesson links, the guided tour, experiments, presentation.

Only what the pages show; what the core and the CLI say is in ``textlab.i18n``.
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---- Lesson links: problems found in a link, and the share panel ----
    "lesson.notice": {
        "en": "Part of this lesson link could not be used, so the default is used instead: {detail}",
        "pt": "Parte deste link de aula não pôde ser usada, então o padrão foi usado no lugar: {detail}",
    },
    "lesson.prompt_label": {"en": "Question for the class", "pt": "Pergunta para a turma"},
    "classroom.share.header": {"en": "Share as lesson", "pt": "Compartilhar como aula"},
    "classroom.share.intro": {
        "en": "Build a link that opens textlab with the current data and settings, hides or locks controls, "
              "and shows a question at the top. Students who open it see the same vocabulary, batches and, "
              "with the same seed, the same loss curve.",
        "pt": "Monte um link que abre o textlab com os dados e configurações atuais, oculta ou trava controles "
              "e mostra uma pergunta no topo. Quem abrir verá o mesmo vocabulário, os mesmos lotes e, com a "
              "mesma semente, a mesma curva de perda.",
    },
    "classroom.share.hidden": {"en": "Hide these controls", "pt": "Ocultar estes controles"},
    "classroom.share.locked": {"en": "Lock these controls (shown, not changeable)",
                               "pt": "Travar estes controles (visíveis, sem poder mudar)"},
    "classroom.share.pick": {"en": "Choose settings", "pt": "Escolha configurações"},
    "classroom.share.prompt": {"en": "Question shown at the top (optional)",
                               "pt": "Pergunta mostrada no topo (opcional)"},
    "classroom.share.prompt_placeholder": {
        "en": "Before pressing Train: what will happen to the loss if the learning rate is 100× larger?",
        "pt": "Antes de apertar Treinar: o que acontece com a perda se a taxa de aprendizado for 100× maior?",
    },
    "classroom.share.tour": {"en": "Open the guided tour at", "pt": "Abrir o tour guiado em"},
    "classroom.share.no_tour": {"en": "(no tour)", "pt": "(sem tour)"},
    "classroom.share.data_sample": {"en": "Data: the bundled sample “{title}”.",
                                    "pt": "Dados: o exemplo incluído “{title}”."},
    "classroom.share.data_text": {"en": "Data: your texts ({texts}), packed into the link.",
                                  "pt": "Dados: seus textos ({texts}), compactados no link."},
    "classroom.share.link": {"en": "Copy this link (hover over it to show a copy button on the right):",
                             "pt": "Copie este link (passe o mouse sobre ele para ver, à direita, um botão que "
                                   "o copia):"},
    "classroom.share.local_only": {
        "en": "This link names this computer only (localhost): students' devices cannot open it. To share it "
              "with a class, start the app with `python -m textlab serve --lan`, which prints the address they "
              "can reach, and open this page from that address.",
        "pt": "Este link aponta só para este computador (localhost): os aparelhos dos alunos não conseguem abri-lo. "
              "Para compartilhá-lo com a turma, inicie o app com `python -m textlab serve --lan`, que mostra o "
              "endereço que eles alcançam, e abra esta página por esse endereço.",
    },
    # ---- The classroom page ----
    "nav.classroom": {"en": "Classroom", "pt": "Sala de aula"},
    "classroom.title": {"en": "Classroom: what if…?", "pt": "Sala de aula: e se…?"},
    "classroom.intro": {
        "en": "Each experiment trains two or three small models that differ in one thing, draws their loss "
              "curves together and says in one sentence what to notice. Each takes a few seconds.",
        "pt": "Cada experimento treina dois ou três modelos pequenos que diferem em uma coisa, desenha as "
              "curvas de perda juntas e diz em uma frase o que observar. Cada um leva alguns segundos.",
    },
    "classroom.data_choice": {"en": "Run the experiments on", "pt": "Rodar os experimentos com"},
    "classroom.data.sample": {"en": "the sample each one was made for", "pt": "o exemplo feito para cada um"},
    "classroom.data.current": {"en": "my current data", "pt": "meus dados atuais"},
    "classroom.run": {"en": "Run", "pt": "Rodar"},
    "classroom.running": {"en": "Training the runs…", "pt": "Treinando as execuções…"},
    "classroom.on_sample": {"en": "Data: the sample “{title}”.", "pt": "Dados: o exemplo “{title}”."},
    "classroom.on_current": {"en": "Data: your current texts ({texts}).", "pt": "Dados: seus textos atuais ({texts})."},
}
