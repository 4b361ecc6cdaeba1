"""The tree of mechanisms keeps the person's open and closed branches through a search, as Anki's sidebar does:
a search hides what it leaves out and opens branches to its matches; clearing it brings back the person's tree."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.mechanism_tree import MechanismModel, MechanismPanel
from ajexplorer.presentation.mechanism_tree import TreeNode, build_tree
from tests.conftest import FIXTURES
from tests.gui.conftest import shown_in_tree


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def panel(qtbot: QtBot, qtmodeltester: ModelTester, partner: Dataset) -> Iterator[MechanismPanel]:
    application()
    host = QWidget()
    model = MechanismModel(build_tree(partner), host.palette(), host)
    qtmodeltester.check(model)  # and it keeps watching every signal the model sends from here on
    panel = MechanismPanel(model, host)
    qtbot.addWidget(host)
    host.resize(500, 700)
    host.show()
    qtbot.waitExposed(host)
    yield panel
    host.close()  # and the host stays referenced until then


def branch_with_a_nested_mechanism(root: TreeNode) -> tuple[TreeNode, TreeNode]:
    """A mechanism with a mechanism below it (the branch), and that one: found in the tree, whatever the data."""
    child = next(n for n in root.walk() if n.record is not None and n.parent is not None and n.parent.record)
    assert child.parent is not None
    return child.parent, child


def expansion(panel: MechanismPanel) -> dict[str, bool]:
    """Which rows with children are open, by title (headings) or id (mechanisms)."""
    model = panel.model
    return {
        node.record.id if node.record else node.title: panel.view.isExpanded(model.index_of_node(node))
        for node in model.root.walk()
        if node.parent is not None and node.children
    }


def close_by_keyboard(panel: MechanismPanel, qtbot: QtBot, node: TreeNode) -> QModelIndex:
    index = panel.model.index_of_node(node)
    panel.view.setFocus()
    panel.view.setCurrentIndex(index)
    qtbot.keyClick(panel.view, Qt.Key.Key_Left)
    assert not panel.view.isExpanded(index)
    return index


def test_a_branch_the_person_closed_stays_closed_after_a_search_that_showed_it(
    panel: MechanismPanel, qtbot: QtBot
) -> None:
    branch, inside = branch_with_a_nested_mechanism(panel.model.root)
    assert inside.record is not None
    index = close_by_keyboard(panel, qtbot, branch)
    before = expansion(panel)
    with qtbot.assertNotEmitted(panel.model.modelReset, wait=0):
        qtbot.keyClicks(panel.filter_field, inside.record.title)
        shown = shown_in_tree(panel)
        assert inside.record.id in shown and len(shown) < len(list(panel.model.root.walk())) - 1
        assert panel.view.isExpanded(index)  # the search opens the branch to show its match
        panel.filter_field.clear()
    assert not panel.view.isExpanded(index)
    assert expansion(panel) == before
    assert len(shown_in_tree(panel)) == sum(1 for node in panel.model.root.walk() if node.record)


def test_what_the_person_does_to_the_tree_during_a_search_is_not_kept(
    panel: MechanismPanel, qtbot: QtBot
) -> None:
    branch, inside = branch_with_a_nested_mechanism(panel.model.root)
    assert inside.record is not None
    before = expansion(panel)
    qtbot.keyClicks(panel.filter_field, inside.record.title)
    close_by_keyboard(panel, qtbot, branch)  # closed while the search had opened it
    panel.filter_field.clear()
    assert expansion(panel) == before


def test_the_window_search_keeps_the_tree_the_person_left(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.mechanisms
    window.mechanisms_dock.raise_()
    branch, inside = branch_with_a_nested_mechanism(panel.model.root)
    assert inside.record is not None
    index = close_by_keyboard(panel, qtbot, branch)
    before = expansion(panel)
    with qtbot.assertNotEmitted(panel.model.modelReset, wait=0):
        window.focus_search()
        qtbot.keyClicks(window.search_field, inside.record.title)
        window.search_field.flush()
        assert inside.record.id in shown_in_tree(panel)
        assert panel.view.isExpanded(index)
        qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert not panel.view.isExpanded(index)
    assert expansion(panel) == before


def test_a_selected_row_the_search_hides_is_selected_again_when_it_shows(panel: MechanismPanel) -> None:
    branch, inside = branch_with_a_nested_mechanism(panel.model.root)
    assert branch.record is not None and inside.record is not None
    panel.follow(inside.record.id)
    selection = panel.view.selectionModel()
    chosen = panel.model.index_of_node(inside)
    assert selection.isSelected(chosen)
    panel.set_external_filter(lambda record: record.id == branch.record.id if branch.record else False)
    assert not selection.hasSelection()
    panel.set_external_filter(None)
    assert selection.isSelected(chosen)
