"""The package declares what it needs: pyproject.toml and requirements.txt pin the same versions."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def requirement_lines(path: Path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("-")}


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
EXTRAS = {line for lines in PROJECT["optional-dependencies"].values() for line in lines}


def test_pyproject_and_requirements_pin_the_same_versions():
    declared = set(PROJECT["dependencies"])
    assert declared == requirement_lines(ROOT / "requirements.txt")
    assert "torch==2.13.0" in declared  # a range would pull a multi-GB CUDA build
    # The optional extras (Ray) are installed for the tests at the same pins.
    assert EXTRAS and requirement_lines(ROOT / "requirements-dev.txt") >= EXTRAS


def top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


# Distributions whose import name differs from their name on PyPI.
DISTRIBUTION_OF = {"sklearn": "scikit-learn"}


def test_every_third_party_import_of_the_app_is_declared():
    declared = {line.split("==")[0].lower() for line in requirement_lines(ROOT / "requirements.txt") | EXTRAS}
    sources = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "textlab").rglob("*.py")]
    imported = set().union(*(top_level_imports(path) for path in sources))
    third_party = {DISTRIBUTION_OF.get(name, name)
                   for name in imported - set(sys.stdlib_module_names) - {"textlab", "__future__"}}
    assert third_party, "the scan found no third-party import at all"
    assert third_party <= declared, f"imported but not declared: {sorted(third_party - declared)}"
