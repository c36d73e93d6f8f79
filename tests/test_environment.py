"""The pip route (pyproject.toml) and the conda route (environment.yml) install the same things."""

from __future__ import annotations

import re
import tomllib

import yaml  # PyYAML comes with JupyterLab (jupyter-events)

from conftest import REPO

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:>=\s*([0-9][0-9.]*))?\s*$")


def _parse(requirement: str) -> tuple[str, str]:
    match = _REQUIREMENT.match(requirement)
    assert match, f"unexpected requirement format: {requirement!r}"
    return match.group(1).lower().replace("_", "-"), match.group(2) or ""


def pyproject_requirements() -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(_parse(r) for r in data["project"]["dependencies"])


def conda_requirements() -> dict[str, str]:
    """Return the conda packages of environment.yml (python and pip excluded)."""
    data = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    found = {}
    for item in data["dependencies"]:
        if isinstance(item, str):
            name, minimum = _parse(item)
            if name not in ("python", "pip"):
                found[name] = minimum
    return found


def test_do_pyproject_and_environment_list_the_same_packages_and_minimums():
    assert conda_requirements() == pyproject_requirements()


def test_does_every_dependency_have_a_minimum_and_a_pinned_version():
    pins = dict(
        line.split("==") for line in (REPO / "constraints.txt").read_text().splitlines()
        if "==" in line
    )
    pins = {k.lower().replace("_", "-"): v for k, v in pins.items()}
    for name, minimum in pyproject_requirements().items():
        assert minimum, f"{name} has no minimum version"
        assert name in pins, f"{name} is not pinned in constraints.txt"
        pinned = tuple(int(p) for p in pins[name].split(".")[:3] if p.isdigit())
        assert pinned >= tuple(int(p) for p in minimum.split(".")), f"{name} pin below its minimum"
