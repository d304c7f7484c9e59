"""``python -m textlab``: see textlab.cli."""

import sys

from textlab.cli import main

sys.exit(main())
