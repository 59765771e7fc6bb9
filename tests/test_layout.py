"""The tree shows the pipeline: packages in layers, no import circles, small modules."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parent.parent
MAX_LINES = 320  # "about 300"; a longer module says why in its first lines
LONG_REASON = "Longer than 300 lines because"


def import_cycles(package: str) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), TYPE_CHECKING included."""
    graph = grimp.build_graph(package)
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in graph.modules:
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_import_circles_anywhere_in_reader() -> None:
    assert import_cycles("reader") == []


def test_the_top_of_the_core_holds_only_shared_nouns() -> None:
    top = sorted(p.name for p in (REPO / "reader" / "core").glob("*.py"))
    assert len(top) <= 6, top
    assert "__init__.py" in top


def test_every_core_package_says_what_it_owns() -> None:
    for package in sorted((REPO / "reader" / "core").iterdir()):
        init = package / "__init__.py"
        if package.is_dir() and init.exists():
            text = init.read_text(encoding="utf-8")
            assert text.startswith('"""'), f"{init} has no docstring"


def test_modules_stay_small_or_say_why() -> None:
    too_long = []
    for path in sorted((REPO / "reader").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > MAX_LINES and not any(LONG_REASON in line for line in lines[:15]):
            too_long.append(f"{path.relative_to(REPO)}: {len(lines)} lines")
    assert too_long == []


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path: Path) -> None:
    """The layers contract is live: text importing the library must fail lint-imports."""
    shutil.copytree(
        REPO / "reader", tmp_path / "reader", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    folding = tmp_path / "reader" / "core" / "text" / "folding.py"
    folding.write_text(
        folding.read_text(encoding="utf-8") + "\nfrom reader.core.library import layout  # noqa\n",
        encoding="utf-8",
    )
    lint = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(lint), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0, run.stdout
    assert "reader.core.text.folding -> reader.core.library.layout" in run.stdout
