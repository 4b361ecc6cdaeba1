"""The history's steps: each keeps its search; moving keeps the other direction's steps; the texts name them."""

from __future__ import annotations

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.domain.query import Filters
from ajexplorer.presentation.history import History, SearchState, Step, move_tip, step_label


def walked(*record_ids: str) -> History:
    history = History()
    for number, record_id in enumerate(record_ids):
        history = history.visit(Step(record_id, SearchState(f"query {number}")))
    return history


def ids(steps: list[tuple[int, Step]]) -> list[str]:
    return [step.record_id for _offset, step in steps]


def test_moving_returns_each_step_with_its_own_search_and_keeps_the_rest() -> None:
    history = walked("a", "b", "c", "d")
    assert ids(history.earlier()) == ["c", "b", "a"]
    back_two = history.moved(-2)
    assert back_two.current == Step("b", SearchState("query 1"))
    assert ids(back_two.later()) == ["c", "d"] and ids(back_two.earlier()) == ["a"]
    assert back_two.moved(2) == history  # forward again: exactly where it was
    back_three = history.moved(-3)
    assert back_three.current is not None and back_three.current.record_id == "a"
    assert ids(back_three.later()) == ["b", "c", "d"] and back_three.moved(3) == history
    assert history.moved(-4) is history and history.moved(1) is history  # not that many steps


def test_a_new_choice_drops_the_forward_steps_and_the_same_record_only_updates_its_search() -> None:
    history = walked("a", "b", "c").moved(-1)
    branched = history.visit(Step("x"))
    assert ids(branched.earlier()) == ["b", "a"] and branched.later() == []
    again = branched.visit(Step("x", SearchState("other words")))
    assert again.current == Step("x", SearchState("other words")) and ids(again.earlier()) == ["b", "a"]


def test_labels_and_tooltips_name_the_record_and_the_search_it_brings_back(mini_dataset: Dataset) -> None:
    record = next(iter(mini_dataset.records.values()))
    section = mini_dataset.sections[0]
    search = SearchState(
        "summit", Filters(kinds=frozenset({Kind.EVENT}), section_ids=frozenset({section.id}))
    )
    step = Step(record.id, search)
    label = step_label(mini_dataset, step)
    assert label.startswith(record.display_title)
    assert "summit" in label and "events" in label and section.title in label
    assert move_tip(mini_dataset, Step(record.id), "Alt+Left") == f"Back to {record.display_title} (Alt+Left)"
    assert move_tip(mini_dataset, step, "Alt+Right", forward=True) == f"Forward to {label} (Alt+Right)"
    assert move_tip(mini_dataset, None, "Alt+Right", forward=True).startswith("Nothing later")
