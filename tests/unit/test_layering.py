"""ARCHITECTURE.md's layers, enforced: Qt only in ui/ and the wiring; no SQLAlchemy in domain/ or exports/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "papi_desktop"
QT_ALLOWED = {"ui", "app.py", "i18n.py", "__main__.py"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_pyside6_only_in_ui_and_wiring() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in QT_ALLOWED and "PySide6" in _imports(path)
    ]
    assert offenders == []


def test_domain_and_exports_free_of_sqlalchemy_and_qt() -> None:
    for layer in ("domain", "exports"):
        for path in (PACKAGE / layer).rglob("*.py"):
            assert not {"sqlalchemy", "PySide6", "alembic"} & _imports(path), path


def test_domain_imports_nothing_else_of_the_package() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 2:
                raise AssertionError(f"{path} imports outside domain/: {node.module}")


def test_services_and_cli_run_without_qt() -> None:
    code = ("import sys, papi_desktop.services.plan, papi_desktop.services.plan_import, "
            "papi_desktop.services.setup, papi_desktop.cli, papi_desktop.storage.migrate, "
            "papi_desktop.sync.apply, papi_desktop.sync.outbox, papi_desktop.sync.state; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_the_command_line_parser_stays_light() -> None:
    """The GUI starts through the parser: building it must not pull SQLAlchemy, reportlab or pyHanko
    onto the start-up path (the window is shown first, the database opened after)."""
    code = ("import sys; from papi_desktop import cli; cli.build_parser(); "
            "heavy = [m for m in ('sqlalchemy', 'reportlab', 'pyhanko', 'openpyxl') if m in sys.modules]; "
            "sys.exit(1 if heavy else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def _storage_imports(tree: ast.AST) -> list[str]:
    """Imports of storage/ (relative from inside the package, or absolute) and of SQLAlchemy."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            name = node.module if node.level == 0 else "papi_desktop." + node.module
            if name.startswith(("papi_desktop.storage", "sqlalchemy")):
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(("papi_desktop.storage", "sqlalchemy"))]
    return found


def test_ui_imports_nothing_of_storage() -> None:
    """The window holds a services.handle.DataHandle and passes it to services in the worker; a page
    that imported storage/ could query on the GUI thread."""
    assert _storage_imports(ast.parse("from ...storage.db import Database\nimport sqlalchemy")) == \
        ["storage.db", "sqlalchemy"]  # the check itself sees both forms
    offenders = [f"{path.relative_to(PACKAGE)}: {name}" for path in (PACKAGE / "ui").rglob("*.py")
                 for name in _storage_imports(ast.parse(path.read_text(encoding="utf-8")))]
    assert offenders == []
