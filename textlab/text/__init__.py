"""Text to tensors: tokenizers, the token2idx vocabulary, encoding and padded batches."""
