"""Looking inside a model: stage-by-stage passes, predictions, embeddings and their projections."""
