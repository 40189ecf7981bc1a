"""Every package the code imports is pinned directly, and the lock files install those pins."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
DEV_FOLDERS = ("tests", "benchmarks")  # installed by requirements-dev.txt only
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)", re.MULTILINE)


def _name(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _pins(file: str) -> dict[str, str]:
    text = (REPO_ROOT / file).read_text(encoding="utf-8")
    return {_name(name): version for name, version in PIN.findall(text)}


def _imported_modules(dev: bool) -> set[str]:
    tops = [
        top
        for top in REPO_ROOT.iterdir()
        if not top.name.startswith(".") and (top.name in DEV_FOLDERS) == dev  # not .venv
    ]
    files = [path for top in tops for path in (top.rglob("*.py") if top.is_dir() else [top])]
    modules: set[str] = set()
    for path in (path for path in files if path.suffix == ".py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    ours = {path.stem if path.is_file() else path.name for path in REPO_ROOT.iterdir()}
    return modules - set(sys.stdlib_module_names) - ours


def _distributions(dev: bool) -> set[str]:
    owners = packages_distributions()
    return {_name(owners[module][0]) for module in _imported_modules(dev)}


def test_the_app_imports_only_packages_pinned_in_requirements_txt() -> None:
    assert _distributions(dev=False) - _pins("requirements.txt").keys() == set()


def test_tests_and_benchmarks_import_only_packages_pinned_directly() -> None:
    files = ("requirements.txt", "requirements-server.txt", "requirements-dev.txt")
    pinned = set().union(*(_pins(file).keys() for file in files))
    assert _distributions(dev=True) - pinned == set()


def test_known_direct_imports_are_found() -> None:
    # sqlalchemy (data_access), PIL and fontTools (tests) were once pinned only transitively
    assert "sqlalchemy" in _distributions(dev=False)
    assert {"pillow", "fonttools"} <= _distributions(dev=True)


@pytest.mark.parametrize(
    ("requirements", "lock"),
    [
        ("requirements.txt", "requirements.lock"),
        ("requirements-server.txt", "requirements-server.lock"),
        ("requirements-dev.txt", "requirements-dev.lock"),
    ],
)
def test_the_lock_file_installs_every_direct_pin(requirements: str, lock: str) -> None:
    locked = _pins(lock)
    assert {name: locked.get(name) for name in _pins(requirements)} == _pins(requirements)


@pytest.mark.parametrize("wider", ["requirements-server.lock", "requirements-dev.lock"])
def test_lock_files_agree_on_the_packages_they_share(wider: str) -> None:
    runtime, more = _pins("requirements.lock"), _pins(wider)
    assert {name: more.get(name) for name in runtime} == runtime
