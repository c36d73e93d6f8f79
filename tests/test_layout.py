"""The package follows the pipeline: does every import point down it, never up?

text ← corpus ← attribution ← framing ← views ← (the ``kit`` facade) ← exercises ← cli
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

KIT = REPO / "kit"
STAGES = ["text", "corpus", "attribution", "framing", "views", "kit", "exercises", "cli"]


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    """Return the stage a kit module belongs to: its subpackage, the facade, or the command line."""
    parts = module.split(".")
    if parts == ["kit"]:
        return "kit"
    if parts[1] in ("cli", "__main__"):
        return "cli"
    return parts[1]


def kit_imports(source: str, module: str, is_package: bool = False) -> set[str]:
    """Return every kit module ``source`` (the code of ``module``) imports, at its top or inside a function."""
    found = set()
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "kit"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import: "from ..framing import labels"
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] == "kit":
                found.add(base)
    return found


MODULES = sorted(KIT.rglob("*.py"))


def test_is_every_module_in_a_stage():
    stray = [module_name(p) for p in MODULES if stage_of(module_name(p)) not in STAGES]
    assert not stray, f"put these modules in a stage's subpackage: {stray}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_does_the_module_import_only_its_own_stage_or_lower_ones(path):
    rank = STAGES.index(stage_of(module_name(path)))
    imports = kit_imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    upward = [m for m in imports if STAGES.index(stage_of(m)) > rank]
    assert not upward, f"{module_name(path)} ({STAGES[rank]}) imports a later stage: {upward}"


def test_does_the_layering_check_catch_upward_imports_absolute_relative_and_inside_functions():
    source = "import kit.text.terms\ndef f():\n    from kit.views import show\n    from ..framing import labels\n"
    imports = kit_imports(source, "kit.text.bad")
    upward = sorted(m for m in imports if STAGES.index(stage_of(m)) > STAGES.index("text"))
    assert upward == ["kit.framing", "kit.views"]
