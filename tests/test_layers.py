"""Layers (DESIGN.md): no module imports one above it. The learned components (``learn``) sit
below the extraction rules that use them (``extract`` imports ``learn``), so ``learn`` may read
only the layers under it: the pipeline (``nlp``), the data files, the records and the errors."""

from __future__ import annotations

import ast
from pathlib import Path

import shardwatch

PACKAGE = Path(shardwatch.__file__).parent
BELOW_LEARN = {"learn", "nlp", "data", "types", "errors"}


def _shardwatch_imports(path: Path) -> set[str]:
    """The shardwatch modules a file imports, anywhere in it (also inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "shardwatch" or name.startswith("shardwatch.")}


def test_learn_imports_no_layer_above_it():
    above = {
        f"{path.name} imports {module}"
        for path in sorted((PACKAGE / "learn").glob("*.py"))
        for module in _shardwatch_imports(path)
        if module.split(".")[1:2] and module.split(".")[1] not in BELOW_LEARN
    }
    assert above == set()


def test_the_check_sees_an_import_from_above(tmp_path):
    module = tmp_path / "chooser.py"
    module.write_text("def f():\n    from shardwatch.extract.cased_roles import x\n", encoding="utf-8")
    assert _shardwatch_imports(module) == {"shardwatch.extract.cased_roles"}
