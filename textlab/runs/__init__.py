"""Runs kept: the run store, recording, checkpoints, comparison and export to a plain script."""
