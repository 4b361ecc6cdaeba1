"""Item models pass pytest-qt's model tester, filtered and unfiltered."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.gui.glossary_panel import GlossaryModel
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.mechanism_tree import MechanismModel, MechanismPanel, RecordRole
from ajexplorer.presentation.mechanism_tree import build_tree
from tests.gui.conftest import shown_in_tree


def test_mechanism_model(qtmodeltester: ModelTester, dataset: Dataset, window: MainWindow) -> None:
    model = MechanismModel(build_tree(dataset), window.palette())
    qtmodeltester.check(model)
    panel = MechanismPanel(model, window)  # the tester keeps watching the model while the panel filters
    panel.show()  # a panel out of sight leaves filtering until it is shown
    rows = model.rowCount()
    panel.set_external_filter(lambda record: "dialogue" in record.title.lower())
    qtmodeltester.check(model)
    panel.set_external_filter(lambda record: False)
    assert shown_in_tree(panel) == [] and model.rowCount() == rows  # rows are hidden, never removed
    qtmodeltester.check(model)
    panel.set_external_filter(None)
    assert len(shown_in_tree(panel)) == len(dataset.of_kind(Kind.MECHANISM))


def test_glossary_model(qtmodeltester: ModelTester, dataset: Dataset) -> None:
    qtmodeltester.check(GlossaryModel(dataset.glossary))


def test_every_mechanism_is_a_row_with_name_acronym_since_and_count(window: MainWindow) -> None:
    model = window.tree_model
    found = {}
    stack = [model.index(row, 0) for row in range(model.rowCount())]
    while stack:
        index = stack.pop()
        record_id = model.data(index, RecordRole)
        if record_id:
            found[record_id] = [model.data(index.siblingAtColumn(c)) for c in range(4)]
        stack.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    assert set(found) == {m.id for m in window.dataset.of_kind(Kind.MECHANISM)}
    _, acronym, since, _ = found["m-ameicc"]
    assert acronym == "AMEICC" and since == "1998"
    assert found["m-asean-japan-summit"][3] == str(len(window.dataset.events_under("m-asean-japan-summit")))


def test_tree_filter_field_keeps_matching_branches(window: MainWindow, qtbot: object) -> None:
    panel = window.mechanisms
    panel.filter_field.setText("AJCT")
    shown = shown_in_tree(panel)
    assert shown[-1] == "m-ajct-dialogue"
    assert "m-somtc-japan" in shown
    assert "m-arf" not in shown
    panel.filter_field.clear()
    assert "m-arf" in shown_in_tree(panel)
