"""The translation sources: every message of the code in each .ts, finished, with the same placeholders.

Run without Qt's widgets: this reads the .ts XML and the code's syntax trees, as lupdate and a translator do.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ajexplorer.domain.i18n import english
from tests.conftest import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))
#: Qt's %1…%99 and %n, and Python's {} and {name}: what a translation must carry over unchanged.
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_]*\}")


def code_messages() -> set[tuple[str, str]]:
    """(context, source) of every translate()/QT_TRANSLATE_NOOP() call with literal arguments in the app."""
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "ajexplorer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            context, text = node.args[0], node.args[1]
            if name not in {"translate", "QT_TRANSLATE_NOOP"}:
                continue
            if (
                isinstance(context, ast.Constant)
                and isinstance(text, ast.Constant)
                and isinstance(text.value, str)
            ):
                found.add((str(context.value), text.value))
    return found


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()  # noqa: S314 - the project's own file
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_there_is_a_japanese_translation() -> None:
    assert TRANSLATIONS / "ajexplorer_ja.ts" in TS_FILES


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_every_message_of_the_code_is_in_the_translation_and_nothing_else(ts: Path) -> None:
    """A string wrapped in the code but missing here would show in English; one here but gone from the code
    is dead weight a translator keeps maintaining. `packaging/build_translations.py --update` fixes both."""
    in_file = {(context, message.findtext("source") or "") for context, message in messages(ts)}
    in_code = code_messages()
    assert sorted(in_code - in_file) == [], "run: python packaging/build_translations.py --update"
    assert sorted(in_file - in_code) == [], (
        "obsolete messages: python packaging/build_translations.py --update"
    )


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_every_message_is_translated_with_the_same_placeholders(ts: Path) -> None:
    problems = []
    for context, message in messages(ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{context}: {source!r} is {kind}")
            continue
        forms = [form.text or "" for form in translation.iter("numerusform")]
        if message.get("numerus") == "yes":
            if not forms or not all(form.strip() for form in forms):
                problems.append(f"{context}: {source!r} lacks its plural forms")
        else:
            forms = [translation.text or ""]
            if not forms[0].strip():
                problems.append(f"{context}: {source!r} is empty")
        problems.extend(
            f"{context}: {source!r} -> {form!r}: placeholders differ"
            for form in forms
            if placeholders(form) != placeholders(source)
        )
        if ("%n" in source or "(s)" in source) and message.get("numerus") != "yes":
            problems.append(f"{context}: {source!r} counts but is not a plural message")
    assert problems == []


def test_the_placeholder_check_catches_a_lost_or_renamed_field() -> None:
    assert placeholders("Saved {what} to {path}") != placeholders("{what}を保存しました")
    assert placeholders("Open {folder}") != placeholders("{フォルダー} を開きます")
    assert placeholders("%n result(s)") != placeholders("件の結果")
    assert placeholders("{year}年{month}") == placeholders("{month} {year}")


def test_untranslated_english_counts_its_plurals() -> None:
    assert english("Kinds", "%n event(s)", None, 1) == "1 event"
    assert english("Kinds", "%n event(s)", None, 3) == "3 events"
    assert english("Kinds", "Event") == "Event"
