"""Training: the settings, preparing a run, the loop and its events, and background jobs."""
