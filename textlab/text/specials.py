"""The two tokens every vocabulary starts with, as in the notebook: ``<PAD>`` = 0, ``<UNK>`` = 1."""

PAD_TOKEN, UNK_TOKEN = "<PAD>", "<UNK>"
PAD_ID, UNK_ID = 0, 1
SPECIAL_TOKENS = (PAD_TOKEN, UNK_TOKEN)
