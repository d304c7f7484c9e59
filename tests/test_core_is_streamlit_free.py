"""The core never imports streamlit: only the UI glue (textlab.ui / textlab/ui/) may."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# pkgutil.walk_packages imports every package to look inside it, which would import textlab.ui
# itself; walking with iter_modules skips the UI package without importing it.
PROGRAM = """
import importlib, json, pkgutil, sys
import textlab

def walk(package):
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name == "textlab.ui" or info.name.endswith(".__main__"):
            continue  # the UI glue may use streamlit; importing __main__ would run the CLI
        module = importlib.import_module(info.name)
        yield info.name
        if info.ispkg:
            yield from walk(module)

names = list(walk(textlab))
print(json.dumps({"modules": names, "streamlit": sorted(m for m in sys.modules if m.split(".")[0] == "streamlit")}))
"""


def test_core_imports_without_streamlit():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # The walk really found the core modules, so an empty list cannot pass silently.
    expected = {"textlab.text.vocab", "textlab.train.loop", "textlab.model.models", "textlab.i18n.core"}
    assert expected <= set(report["modules"])
    assert report["streamlit"] == [], f"core modules import streamlit: {report['streamlit']}"
