"""The window in Japanese: its words, dates and counts, Qt's own dialogs, search with Japanese input, the
language chosen in View > Language and kept, and exports that stay in English whatever the interface says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.dates import Recurrence
from ajexplorer.domain.export import ExportContext
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.export_formats import format_named
from ajexplorer.gui.app import application
from ajexplorer.gui.datasets import DatasetSession
from ajexplorer.gui.i18n import (
    ENGLISH,
    JAPANESE,
    SYSTEM,
    Translation,
    app_translation_file,
    resolve,
    translations_dir,
)
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings
from ajexplorer.presentation.words import date_text, when_text
from tests.gui.conftest import TODAY, make_window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def first_with(dataset: Dataset, precision: str) -> str:
    """A dated record whose start is known only to the year (``year``) or to the month (``month``)."""
    for record in dataset.records.values():
        when = record.when
        single = when.start is not None and when.end is None and not when.ongoing and when.recurrence is None
        if single and when.start is not None and when.start.precision.value == precision:
            return record.id
    pytest.fail(f"the dataset has no record dated to the {precision}")


def test_the_system_locale_chooses_the_language_unless_one_is_chosen() -> None:
    japanese, french = QLocale(QLocale.Language.Japanese), QLocale(QLocale.Language.French)
    assert resolve(SYSTEM, japanese) == JAPANESE
    assert resolve(SYSTEM, french) == ENGLISH  # no French translation: the source language
    assert resolve(ENGLISH, japanese) == ENGLISH
    assert resolve(JAPANESE, french) == JAPANESE
    assert resolve("klingon", japanese) == JAPANESE  # an odd stored choice means the system's


def test_english_loads_no_translator(translation: Translation) -> None:
    assert not translation.apply(ENGLISH)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_window_speaks_japanese(qtbot: QtBot, japanese: Translation, dataset: Dataset) -> None:
    window = make_window(qtbot, dataset)
    assert menu_titles(window) == ["ファイル(&F)", "編集(&E)", "表示(&V)", "移動(&G)", "ヘルプ(&H)"]
    assert window.mechanisms_dock.windowTitle() == "メカニズム"
    assert window.mechanisms_dock.objectName() == "mechanismsDock"  # the saved layout keeps its names
    assert window.back_action.text() == "戻る(&B)"
    language = window.view_menu.findChild(type(window.view_menu), "languageMenu")
    assert language is not None
    assert [a.text() for a in language.actions()] == ["システムの設定に従う", "English", "日本語"]
    assert [a.isChecked() for a in language.actions()] == [True, False, False]  # no settings: the system's
    kinds = window.filter_bar.kind
    assert kinds.itemText(0) == "すべての種類"
    # The status bar's summary counts in Japanese; the source's title stays as the source gives it.
    window.navigator.reset(None)
    assert f"行事 {len(dataset.of_kind(Kind.EVENT))} 件" in window.statusBar().currentMessage()
    assert dataset.info.title in window.statusBar().currentMessage()


def test_dates_keep_their_precision_in_japanese(
    qtbot: QtBot, japanese: Translation, dataset: Dataset
) -> None:
    year_only = dataset.records[first_with(dataset, "year")]
    month_only = dataset.records[first_with(dataset, "month")]
    assert year_only.when.start is not None and month_only.when.start is not None
    assert when_text(year_only.when) == f"{year_only.when.start.year}年"  # a year stays a year
    month = month_only.when.start
    assert date_text(month) == f"{month.year}年{month.month}月"
    window = make_window(qtbot, dataset)
    window.navigator.go(year_only.id)
    text = window.details.browser.toPlainText()
    assert f"{year_only.when.start.year}年" in text and "日付" in text
    annual = [r for r in dataset.records.values() if r.when.recurrence is Recurrence.ANNUAL and r.when.known]
    if annual:
        assert when_text(annual[0].when).endswith("毎年")


def test_search_results_say_their_dates_in_japanese(
    qtbot: QtBot, japanese: Translation, dataset: Dataset
) -> None:
    year = next(r.when.start.year for r in dataset.records.values() if r.when.start is not None)
    window = make_window(qtbot, dataset)
    window.search_field.setText(f"year:{year}")
    window.search_field.flush()
    model = window.results.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    dates = [model.hit(row).when for row in range(model.rowCount())]
    assert all("年" in when for when in dates if when), dates  # never "December 2013" in a Japanese list
    assert f"{year}年" in dates[0]
    assert "件の結果" in window.results.message.text()


def test_qt_dialogs_come_up_in_japanese(japanese: Translation) -> None:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_ja", folder):
        pytest.skip("Qt's own Japanese translation is not installed with this Qt")
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_japanese_input_searches_english_data_and_says_nothing_was_found(
    qtbot: QtBot, japanese: Translation, dataset: Dataset
) -> None:
    window = make_window(qtbot, dataset)
    window.search_field.setText("日本の首脳会議")
    window.search_field.flush()
    qtbot.waitUntil(lambda: window.results.message.text() != "", timeout=3000)
    assert window.results.message.text().startswith("該当する結果はありません。")
    assert window.records_in_view() == []
    window.search_field.setText("kind:planet")  # a query that cannot mean anything is explained in Japanese
    window.search_field.flush()
    qtbot.waitUntil(lambda: window.results.message.text().startswith("検索できません"), timeout=3000)
    assert "「planet」" in window.results.message.text()


def test_exports_keep_english_under_a_japanese_interface(japanese: Translation, dataset: Dataset) -> None:
    context = ExportContext(dataset, tuple(dataset.records.values()), None, today=TODAY)
    in_japanese = {name: format_named(name).render(context) for name in ("csv", "json", "ics", "bibtex")}
    japanese.apply(ENGLISH)
    in_english = {name: format_named(name).render(context) for name in ("csv", "json", "ics", "bibtex")}
    assert in_japanese == in_english
    assert "年".encode() not in in_japanese["csv"]


def test_view_language_rebuilds_the_window_in_place_and_is_remembered(
    qtbot: QtBot, translation: Translation, settings_file: Path, dataset: Dataset
) -> None:
    application()
    session = DatasetSession(Settings(settings_file), today=TODAY, translation=translation)
    session.start()
    window = session.window
    window.resize(1200, 800)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    record = first_with(dataset, "year")
    earlier = next(other for other in dataset.records if other != record)
    window.navigator.go(earlier)
    window.navigator.go(record)
    window.search_field.setText("summit")
    window.search_field.flush()
    window.mechanisms_dock.hide()
    language = window.view_menu.findChild(type(window.view_menu), "languageMenu")
    assert language is not None
    japanese = next(action for action in language.actions() if action.data() == JAPANESE)
    japanese.trigger()
    qtbot.waitUntil(lambda: session.window is not window and session.window.isVisible(), timeout=5000)
    again = session.window
    assert menu_titles(again)[0] == "ファイル(&F)"
    assert again.navigator.current == record  # the person's place is kept
    assert [step.record_id for step in again.navigator.history.back][-1:] == [earlier]  # with its history
    assert again.search_field.text() == "summit" and again.records_in_view()
    assert not again.mechanisms_dock.isVisible()  # and the layout
    assert Settings(settings_file).language() == JAPANESE
    qtbot.waitUntil(lambda: again.started, timeout=5000)
    language = again.view_menu.findChild(type(again.view_menu), "languageMenu")
    assert language is not None
    assert [action.isChecked() for action in language.actions()] == [False, False, True]
    assert not session.change_language(JAPANESE)  # the same language again: nothing rebuilt
    assert session.change_language(ENGLISH)
    assert menu_titles(session.window)[0] == "&File"
    session.close()
    shown = QApplication.topLevelWidgets
    qtbot.waitUntil(
        lambda: not [w for w in shown() if isinstance(w, MainWindow) and w.isVisible()], timeout=5000
    )


def test_a_checkout_without_built_translations_compiles_them_once_into_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(translations_dir() / "ajexplorer_ja.ts", folder)
    cache = tmp_path / "cache"
    compiled = app_translation_file(JAPANESE, folder, cache)
    assert compiled is not None and compiled.is_relative_to(cache) and compiled.suffix == ".qm"
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert translator.translate("MainWindow", "&File") == "ファイル(&F)"
    stamp = compiled.stat().st_mtime_ns
    assert app_translation_file(JAPANESE, folder, cache) == compiled and compiled.stat().st_mtime_ns == stamp
    # A built .qm beside a source no newer than it is used as it is (the package, the frozen bundle).
    built = folder / "ajexplorer_ja.qm"
    shutil.copy(compiled, built)
    assert app_translation_file(JAPANESE, folder, cache) == built
    assert app_translation_file("xx", folder, cache) is None
