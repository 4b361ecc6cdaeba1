"""The notebook never loses what a person wrote: killed processes, two processes at once, damaged files, a
full disk and a folder that cannot be written."""

from __future__ import annotations

import contextlib
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from ajexplorer.domain import notebook as notebook_module
from ajexplorer.domain.notebook import (
    MIGRATIONS,
    NOTEBOOK_FILE,
    SCHEMA_VERSION,
    Notebook,
    NotebookError,
    paragraph_target,
    record_target,
)

ROOT = Path(__file__).resolve().parents[2]
LINE_TIMEOUT_S = 60  # far beyond a keystroke's write, even on a loaded machine
TYPED = (
    "The **2023 commemorative summit** reaffirmed the partnership; compare with ¶ 12 and the 2013 vision "
    "statement. Ask about follow-up funding, the youth exchanges, and whether the figures are preliminary. "
) * 3


def run_child(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        (result,) = db.execute("PRAGMA integrity_check").fetchone()
        return str(result)
    finally:
        db.close()


def test_each_change_is_in_the_file_as_soon_as_it_is_made(tmp_path: Path) -> None:
    path = tmp_path / "data" / NOTEBOOK_FILE
    notebook = Notebook.open(path)
    notebook.set_text(record_target("r1"), "first thought", "Record one")
    notebook.set_starred(paragraph_target(3), True, "¶ 3")
    notebook.create_collection("Briefing for the summit")
    notebook.add_to_collection("briefing for the SUMMIT", record_target("r1"))
    notebook.save_search("Tokyo events", "place:tokyo")
    # Read by a second, independent notebook while the first is still open: nothing waits for a close.
    other = Notebook.open(path)
    assert other.note(record_target("r1")) is not None
    assert other.note(record_target("r1")).text == "first thought"  # type: ignore[union-attr]
    assert [note.target for note in other.starred()] == [paragraph_target(3)]
    assert other.collection_records("Briefing for the summit") == ("r1",)
    assert [search.query for search in other.saved_searches()] == ["place:tokyo"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_a_note_and_star_both_emptied_leave_no_entry(tmp_path: Path) -> None:
    notebook = Notebook.open(tmp_path / NOTEBOOK_FILE)
    target = record_target("r1")
    notebook.set_text(target, "x")
    notebook.set_starred(target, True)
    notebook.set_text(target, "")
    assert notebook.note(target) is not None  # still starred
    notebook.set_starred(target, False)
    assert notebook.note(target) is None
    assert Notebook.open(tmp_path / NOTEBOOK_FILE).notes() == []


def test_an_older_file_is_migrated_with_its_notes_kept(tmp_path: Path) -> None:
    path = tmp_path / NOTEBOOK_FILE
    db = sqlite3.connect(path)
    MIGRATIONS[0](db)
    db.execute("INSERT INTO notes VALUES ('record:r1', 'kept across versions', 1, '2025', '2025')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    notebook = Notebook.open(path)
    note = notebook.note(record_target("r1"))
    assert note is not None and note.text == "kept across versions" and note.starred
    notebook.set_text(record_target("r1"), "kept across versions", "A title")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert Notebook.open(path).note(record_target("r1")).title == "A title"  # type: ignore[union-attr]


def _newer(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"not a database at all " * 200), id="garbage"),
        pytest.param(
            lambda path: path.write_bytes(
                path.read_bytes()[:100] + b"\xff" * 4000 + path.read_bytes()[4100:]
            ),
            id="damaged-pages",
        ),
        pytest.param(_newer, id="newer-version"),
    ],
)
def test_an_unreadable_file_is_moved_aside_and_a_fresh_notebook_started(
    tmp_path: Path, damage: object
) -> None:
    path = tmp_path / NOTEBOOK_FILE
    first = Notebook.open(path)
    for number in range(50):
        first.set_text(record_target(f"r{number}"), f"note {number} " * 20)
    first.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert callable(damage)
    damage(path)
    before = path.read_bytes()
    notebook = Notebook.open(path)
    assert notebook.moved_aside is not None and notebook.moved_aside_reason
    assert notebook.moved_aside.read_bytes() == before  # kept as it was, to be offered for export
    assert notebook.moved_aside.name.startswith("notebook.unreadable-")
    assert notebook.problem is None and notebook.notes() == []
    notebook.set_text(record_target("r1"), "a new start")
    assert Notebook.open(path).note(record_target("r1")) is not None


def test_a_full_disk_keeps_notes_in_memory_and_saves_them_when_it_can(tmp_path: Path) -> None:
    path = tmp_path / NOTEBOOK_FILE
    notebook = Notebook.open(path)
    notebook.set_text(record_target("r0"), "saved before the disk filled")
    db = notebook._db
    assert db is not None
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLite's own limit: the same error as a full disk
    long_note = "words the person typed " * 2000
    assert not notebook.set_text(record_target("r1"), long_note)
    assert "disk is full" in (notebook.problem or "")
    assert notebook.note(record_target("r1")).text == long_note  # type: ignore[union-attr]
    assert notebook.pending
    assert not notebook.retry()
    db.execute("PRAGMA max_page_count = 1073741823")
    assert notebook.retry()
    assert notebook.problem is None and notebook.saved
    assert Notebook.open(path).note(record_target("r1")).text == long_note  # type: ignore[union-attr]


def test_a_folder_that_cannot_be_made_keeps_notes_in_memory_until_it_can(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    path = blocker / NOTEBOOK_FILE
    notebook = Notebook.open(path)
    assert notebook.problem
    assert not notebook.set_text(record_target("r1"), "typed while it cannot be saved")
    notebook.create_collection("Kept")
    notebook.add_to_collection("Kept", record_target("r1"))
    assert notebook.note(record_target("r1")).text == "typed while it cannot be saved"  # type: ignore[union-attr]
    blocker.unlink()
    assert notebook.retry()
    again = Notebook.open(path)
    assert again.note(record_target("r1")).text == "typed while it cannot be saved"  # type: ignore[union-attr]
    assert again.collection_records("Kept") == ("r1",)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="file modes do not bind root")
def test_a_read_only_folder_keeps_notes_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = folder / NOTEBOOK_FILE
    Notebook.open(path).set_text(record_target("r0"), "written earlier")
    for file in folder.iterdir():
        file.chmod(0o444)
    folder.chmod(0o555)
    try:
        notebook = Notebook.open(path)
        assert not notebook.set_text(record_target("r1"), "typed now")
        assert notebook.problem
        assert notebook.note(record_target("r1")).text == "typed now"  # type: ignore[union-attr]
    finally:
        folder.chmod(0o755)
        for file in folder.iterdir():
            file.chmod(0o644)
    assert notebook.retry()
    assert Notebook.open(path).note(record_target("r1")).text == "typed now"  # type: ignore[union-attr]


def test_a_notebook_that_opens_but_cannot_be_written_still_shows_its_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / NOTEBOOK_FILE
    earlier = Notebook.open(path)
    earlier.set_text(record_target("r0"), "written earlier")
    earlier.close()

    def refuse(_path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(notebook_module, "_connect", refuse)
    notebook = Notebook.open(path)
    assert notebook.problem == "the notebook's folder or file is read-only"
    assert notebook.note(record_target("r0")).text == "written earlier"  # type: ignore[union-attr]
    assert not notebook.set_text(record_target("r1"), "typed meanwhile")
    monkeypatch.undo()
    assert notebook.retry()
    again = Notebook.open(path)
    assert {note.text for note in again.notes()} == {"written earlier", "typed meanwhile"}


def test_notes_on_records_the_data_no_longer_has_are_kept_as_orphans(tmp_path: Path) -> None:
    notebook = Notebook.open(tmp_path / NOTEBOOK_FILE)
    notebook.set_text(record_target("still-here"), "a")
    notebook.set_text(record_target("dropped-in-new-edition"), "b", "The old record's title")
    notebook.set_starred(paragraph_target(99), True)
    notebook.set_starred(paragraph_target(2), True)
    orphans = notebook.orphans(lambda record_id: record_id == "still-here", paragraphs=39)
    assert {note.target for note in orphans} == {
        record_target("dropped-in-new-edition"),
        paragraph_target(99),
    }
    assert len(Notebook.open(tmp_path / NOTEBOOK_FILE).notes()) == 4  # kept, not dropped


def test_collection_names_are_checked(tmp_path: Path) -> None:
    notebook = Notebook.open(tmp_path / NOTEBOOK_FILE)
    notebook.create_collection("Summit")
    with pytest.raises(NotebookError, match="already exists"):
        notebook.create_collection("  SUMMIT ")
    with pytest.raises(NotebookError, match="empty"):
        notebook.create_collection("   ")
    with pytest.raises(NotebookError, match="no collection"):
        notebook.add_to_collection("Nothing", record_target("r1"))
    notebook.rename_collection("Summit", "Summit 2026")
    assert [c.name for c in Notebook.open(tmp_path / NOTEBOOK_FILE).collections()] == ["Summit 2026"]


# --- processes -------------------------------------------------------------------------------------------

TYPIST = """
    import os
    import sys
    from pathlib import Path
    from ajexplorer.domain.notebook import Notebook, record_target

    path, full = Path(sys.argv[1]), sys.argv[2]

    def type_until_killed(target):
        notebook = Notebook.open(path)
        for end in range(1, len(full) + 1):
            notebook.set_text(target, full[:end], "A record")
            notebook.set_starred(record_target(f"star{end % 7}"), end % 2 == 0)
            os.write(1, f"saved {end}\\n".encode())  # one write: a kill never leaves half a line

    # One interpreter forks a fresh typist per round, so a round costs a fork, not a Python start.
    for command in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                type_until_killed(record_target(command.strip()))
            finally:
                os._exit(0)
        print("pid", pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped 0", flush=True)
"""


def _kill_while_typing(tmp_path: Path, kills: int, seed: int) -> None:
    """Kill a process typing a note at seeded moments, after a few keystrokes are reported saved, while the
    next ones are being written; every note typed so far keeps at least what was reported saved."""
    path = tmp_path / NOTEBOOK_FILE
    chance = random.Random(seed)
    saved: dict[str, int] = {}
    zygote = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(TYPIST), str(path), TYPED],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    # The typist's lines arrive through a reader thread, so a typist that stops answering fails the test
    # with a message instead of blocking the whole suite on a pipe.
    lines: queue.Queue[str] = queue.Queue()

    def pass_lines() -> None:
        for line in zygote.stdout or ():
            lines.put(line)

    reader = threading.Thread(target=pass_lines, daemon=True)
    reader.start()

    def next_line() -> tuple[str, int]:
        try:
            line = lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            zygote.kill()
            pytest.fail(f"the typing process said nothing for {LINE_TIMEOUT_S} s")
        parts = line.split()
        assert len(parts) == 2, f"unexpected output {line!r}"
        return parts[0], int(parts[1])

    try:
        for round_ in range(kills):
            target = f"typed{round_}"
            zygote.stdin.write(f"{target}\n")
            zygote.stdin.flush()
            wanted = chance.randint(1, 8)
            pid = reported = 0
            reaped = False
            while not reaped and (not pid or reported < wanted):
                word, value = next_line()
                pid = value if word == "pid" else pid
                reported = value if word == "saved" else reported
                reaped = word == "reaped"  # typed it all before the kill came
            if not reaped:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)  # mid-write, wherever the next keystroke has got to
            while not reaped:
                word, value = next_line()
                reported = value if word == "saved" else reported
                reaped = word == "reaped"
            assert integrity(path) == "ok"
            saved[target] = reported
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=60)
        reader.join(timeout=10)
        zygote.stdout.close()
    notebook = Notebook.open(path)
    for target, reported in saved.items():
        note = notebook.note(record_target(target))
        assert note is not None and TYPED.startswith(note.text)
        assert len(note.text) >= reported, "a keystroke reported saved was lost"


def test_a_process_killed_while_typing_loses_at_most_the_last_keystrokes(tmp_path: Path) -> None:
    _kill_while_typing(tmp_path, kills=50, seed=19)


@pytest.mark.slow
def test_a_process_killed_hundreds_of_times_never_corrupts_the_notebook(tmp_path: Path) -> None:
    _kill_while_typing(tmp_path, kills=300, seed=7)


WRITER = """
    import sys
    import time
    from pathlib import Path
    from ajexplorer.domain.notebook import Notebook, NotebookError, record_target

    path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    notebook = Notebook.open(path)
    while not go.exists():
        time.sleep(0.001)
    try:
        notebook.create_collection("Shared")
    except NotebookError:
        pass
    for number in range(150):
        target = record_target(f"{name}-{number}")
        assert notebook.set_text(target, f"written by {name}", name), notebook.problem
        notebook.add_to_collection("Shared", target)
        assert notebook.saved, notebook.problem
    notebook.close()
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / NOTEBOOK_FILE
    Notebook.open(path).close()
    go = tmp_path / "go"
    children = [run_child(WRITER, str(path), name, str(go)) for name in ("first", "second")]
    go.write_text("", encoding="utf-8")
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    notebook = Notebook.open(path)
    assert len(notebook.with_text()) == 300
    shared = notebook.collection("Shared")
    assert shared is not None and len(shared.targets) == 300
    assert integrity(path) == "ok"


def test_saved_searches_are_renamed_and_kept_under_the_new_name(tmp_path: Path) -> None:
    notebook = Notebook.open(tmp_path / NOTEBOOK_FILE)
    notebook.save_search("Trade", "trade year:2010..2019")
    notebook.save_search("Other", "japan")
    with pytest.raises(NotebookError, match="already exists"):
        notebook.rename_search("Trade", "other")
    notebook.rename_search("trade", "Trade in the 2010s")
    again = Notebook.open(tmp_path / NOTEBOOK_FILE)
    assert [(s.name, s.query) for s in again.saved_searches()] == [
        ("Other", "japan"),
        ("Trade in the 2010s", "trade year:2010..2019"),
    ]


def test_a_records_note_is_read_by_its_id(tmp_path: Path) -> None:
    """The call briefings and citations use to include the person's note."""
    notebook = Notebook.open(tmp_path / NOTEBOOK_FILE)
    notebook.set_text(record_target("r1"), "mine")
    notebook.set_starred(paragraph_target(7), True)
    assert notebook.record_note("r1").text == "mine"  # type: ignore[union-attr]
    assert notebook.record_note("r2") is None
    assert notebook.paragraph_note(7).starred  # type: ignore[union-attr]
