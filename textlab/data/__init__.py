"""Text in: reading pasted text and files into a Dataset, and the bundled samples."""
