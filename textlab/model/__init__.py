"""The networks: the notebook's SimpleModel, the improved TextModel, and where they run."""
