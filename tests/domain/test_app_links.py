"""Links into the app (``ajexplorer://record/ID``, ``ajexplorer://paragraph/N``) come from anywhere: a browser,
a document, a hand-typed command line. Good ones lead where they say; anything else is refused with a sentence
that says why, and nothing else is ever raised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.domain.app_links import (
    MAX_LINK_CHARS,
    PARAGRAPH,
    RECORD,
    AppLink,
    BadLinkError,
    check_app_link,
    looks_like_app_link,
    paragraph_url,
    parse_app_link,
    record_url,
)
from ajexplorer.domain.model import Dataset


def test_every_record_and_paragraph_link_leads_back_to_it(mini_dataset: Dataset) -> None:
    for record_id in mini_dataset.records:
        assert check_app_link(record_url(record_id), mini_dataset) == AppLink(RECORD, record_id)
    for number in mini_dataset.paragraphs:
        assert check_app_link(paragraph_url(number), mini_dataset) == AppLink(PARAGRAPH, str(number))


def test_links_as_browsers_and_people_write_them() -> None:
    assert parse_app_link("AJExplorer://Record/ev-1/") == AppLink(RECORD, "ev-1")
    assert parse_app_link("  ajexplorer://paragraph/007\n") == AppLink(PARAGRAPH, "7")
    assert parse_app_link(record_url("ev-2001.05:x+1")).key == "ev-2001.05:x+1"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("ajexplorer:", "Not a link AJ Explorer can open"),
        ("ajexplorer://record/", "Not a link AJ Explorer can open"),
        ("ajexplorer://record/a/b", "Not a link AJ Explorer can open"),
        ("ajexplorer://record/x?y=1", "Not a link AJ Explorer can open"),
        ("https://example.org/record/x", "Not a link AJ Explorer can open"),
        ("ajexplorer://glossary/ASEAN", "lead to a record or a paragraph"),
        ("ajexplorer://paragraph/two", "Not a paragraph number"),
        ("ajexplorer://paragraph/%C2%B2", "Not a paragraph number"),
        ("ajexplorer://record/%3Cscript%3E", "Not a record id"),
        ("ajexplorer://record/" + "x" * MAX_LINK_CHARS, "too long"),
    ],
)
def test_bad_links_are_refused_with_a_reason(text: str, says: str) -> None:
    with pytest.raises(BadLinkError, match=says):
        parse_app_link(text)


def test_a_link_must_lead_to_something_the_dataset_has(mini_dataset: Dataset) -> None:
    with pytest.raises(BadLinkError, match="record this dataset does not have: 'no-such-record'"):
        check_app_link(record_url("no-such-record"), mini_dataset)
    beyond = max(mini_dataset.paragraphs) + 1
    with pytest.raises(BadLinkError, match=f"no paragraph {beyond} "):
        check_app_link(paragraph_url(beyond), mini_dataset)


def test_a_refused_link_is_repeated_short_and_printable() -> None:
    with pytest.raises(BadLinkError) as refused:
        parse_app_link("ajexplorer:" + "\x1b[31m" + "y" * 500)
    message = str(refused.value)
    assert "\x1b" not in message and len(message) < 250


def test_only_the_apps_scheme_is_taken_for_a_link() -> None:
    assert looks_like_app_link("ajexplorer://record/x") and looks_like_app_link("AJEXPLORER:junk")
    assert not looks_like_app_link("--open") and not looks_like_app_link("validate")


@given(st.text(max_size=3000))
def test_any_text_is_a_link_or_a_reason(text: str) -> None:
    message = ""
    try:
        link = parse_app_link(text)
    except BadLinkError as error:
        message = str(error)
        link = None
    assert message if link is None else link.target in (RECORD, PARAGRAPH)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_after_the_scheme_is_a_link_or_a_reason(rest: str) -> None:
    for prefix in ("ajexplorer://record/", "ajexplorer://paragraph/", "ajexplorer://"):
        message = "parsed"
        try:
            parse_app_link(prefix + rest)
        except BadLinkError as error:
            message = str(error)
        assert message
