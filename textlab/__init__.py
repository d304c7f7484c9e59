"""textlab: see how a neural network reads text.

The core package: vocabulary, data, batching, models, training and figures.
It never imports streamlit, so the pages, the CLI and the tests share it.
"""

__version__ = "0.1.0"
