"""The domain layer is pure Python: it loads, validates, exports and searches with Qt unimportable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = textwrap.dedent(
    """
    import importlib.abc
    import sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6"}:
                raise ImportError(f"{name} is blocked: the domain must not import Qt")
            return None

    sys.meta_path.insert(0, NoQt())
    """
)


def run_python(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter from the checkout, on Qt's offscreen platform."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def test_domain_works_with_qt_unimportable() -> None:
    script = BLOCK_QT + textwrap.dedent(
        """
        import pkgutil, importlib
        import ajexplorer.domain, ajexplorer.presentation
        for package in (ajexplorer.domain, ajexplorer.presentation):
            for module in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{package.__name__}.{module.name}")
        from ajexplorer.domain.loading import load_dataset
        from ajexplorer.domain.export import to_json
        from ajexplorer.paths import data_dir
        dataset = load_dataset(data_dir())
        assert to_json(dataset)
        import ajexplorer.cli, ajexplorer.commands
        from ajexplorer.domain.export import ExportContext
        from ajexplorer.export_formats import FORMATS
        for fmt in FORMATS:  # every format not drawn by Qt renders with Qt unimportable
            if not fmt.drawn_by_qt:
                assert fmt.render(ExportContext.of(dataset, selection=next(iter(dataset.records))))
        assert not any(name.startswith("PySide6") for name in sys.modules)
        print(len(dataset.records))
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 100


def test_import_contracts_hold() -> None:
    """import-linter checks the layering declared in pyproject.toml (the domain never imports Qt or gui)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports)], capture_output=True, text=True, timeout=300, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_no_module_imports_itself_through_others() -> None:
    """No import circle anywhere in the package, imports made only for type checking included: a circle
    ties modules so that neither can be understood, tested or changed alone."""
    graph = grimp.build_graph("ajexplorer")
    circles = sorted(
        " -> ".join((module, *(graph.find_shortest_chain(imported, module) or ())))
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(imported, module)
    )
    assert circles == []


def test_opening_the_window_leaves_what_the_first_paint_does_not_need_unloaded() -> None:
    """Start-up imports only what the first paint needs: the search index, the YAML reader (the frozen app
    reads a cache), the figures, the exports and their Qt modules, the notebook load after it, the subcommands
    never."""
    script = textwrap.dedent(
        """
        import sys
        import ajexplorer.cli
        import ajexplorer.gui.app
        late = (
            "sqlite3", "yaml", "jsonschema", "ajexplorer.domain.search", "ajexplorer.commands",
            "ajexplorer.gui.export_actions", "ajexplorer.gui.exporting", "ajexplorer.gui.figures_view",
            "ajexplorer.presentation.charts", "ajexplorer.domain.briefing", "ajexplorer.domain.calendar",
            "ajexplorer.domain.export", "ajexplorer.export_formats",
            "ajexplorer.domain.notebook", "ajexplorer.domain.notebook_io", "ajexplorer.domain.notebook_search",
            "ajexplorer.gui.notebook_controller", "ajexplorer.gui.notebook_panel", "ajexplorer.gui.note_editor",
            "ajexplorer.presentation.note_html",
            "ajexplorer.gui.chronology_view", "ajexplorer.presentation.chronology",
            "ajexplorer.gui.figures_table", "ajexplorer.presentation.figure_table",
            "ajexplorer.domain.citation", "ajexplorer.gui.single_instance", "ajexplorer.domain.app_links",
            "PySide6.QtSvg", "PySide6.QtPrintSupport", "PySide6.QtNetwork",
        )
        print(" ".join(name for name in late if name in sys.modules))
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_first_paint_leaves_costly_qt_classes_unbuilt(tmp_path: Path) -> None:
    """PySide builds a class's Python side, enums and all, when Python first touches it: QStyle's take about
    15 ms, QAccessible's about 8, the rich-text formats' about 5, QUrl's, the text cursor's and the dialogs' a
    few more. None of them is needed before the window first paints."""
    script = textwrap.dedent(
        """
        import PySide6.QtCore as core
        import PySide6.QtGui as gui
        import PySide6.QtWidgets as widgets
        from ajexplorer.gui import startup_report

        costly = {
            widgets: ("QStyle", "QStyleOptionViewItem", "QMessageBox", "QFileDialog", "QScrollArea"),
            gui: ("QAccessible", "QAccessibleEvent", "QTextCharFormat", "QTextCursor", "QAbstractTextDocumentLayout"),
            core: ("QUrl", "QLibraryInfo"),
        }
        said = startup_report._say

        def say(line):
            if line.startswith("first_paint_monotonic"):
                print("built:", *(name for module, names in costly.items() for name in names if name in vars(module)))
            said(line)

        startup_report._say = say
        from ajexplorer.cli import main

        raise SystemExit(main(["--report-startup"]))
        """
    )
    # A home of its own: no recent dataset or earlier crash report of the person running the tests applies.
    result = run_python(
        script, {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    built = [line for line in result.stdout.splitlines() if line.startswith("built:")]
    assert built == ["built:"], result.stdout


def test_the_window_looks_for_the_notebook_where_the_notebook_keeps_itself() -> None:
    """The start names the notebook's file without importing the notebook (it loads SQLite): the two names agree."""
    from ajexplorer.domain.notebook import NOTEBOOK_FILE
    from ajexplorer.gui import app

    assert app.NOTEBOOK_FILE == NOTEBOOK_FILE
