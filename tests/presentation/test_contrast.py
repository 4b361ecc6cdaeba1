"""Contrast as WCAG 2.x measures it, and the colours chosen to meet it, without Qt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.presentation.contrast import (
    AA_TEXT,
    BLACK,
    WHITE,
    Rgb,
    contrast_ratio,
    dimmed,
    hex_colour,
    legible,
    mix,
    relative_luminance,
    rgb,
    tint,
)
from ajexplorer.presentation.themes import PALETTES, TEXT_ON, Theme, parse_theme

colours = st.tuples(*(st.integers(0, 255),) * 3)


def test_the_ratio_is_wcags() -> None:
    """The figures WCAG's own examples give: 21:1 black on white, #767676 the lightest grey passing on white."""
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, BLACK) == pytest.approx(21.0)
    assert contrast_ratio(rgb("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(rgb("#777777"), WHITE) < AA_TEXT
    assert contrast_ratio(rgb("#0b57d0"), rgb("#0b57d0")) == 1.0
    assert relative_luminance(rgb("#808080")) == pytest.approx(0.2159, abs=1e-4)
    assert hex_colour(rgb("#0B57d0")) == "#0b57d0" and rgb("#fff") == WHITE
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        rgb("blue")


@given(colours, colours)
def test_legible_text_reads_on_any_background(text: Rgb, background: Rgb) -> None:
    chosen = legible(text, [background])
    assert contrast_ratio(chosen, background) >= AA_TEXT
    if contrast_ratio(text, background) >= AA_TEXT:
        assert chosen == text  # a colour that already reads is left alone


@given(colours)
def test_dimmed_text_is_fainter_and_still_reads(background: Rgb) -> None:
    text = legible(BLACK if relative_luminance(background) > 0.18 else WHITE, [background])
    faint = dimmed(text, [background])
    assert AA_TEXT <= contrast_ratio(faint, background) <= contrast_ratio(text, background)
    if contrast_ratio(text, background) > 2 * AA_TEXT:
        assert contrast_ratio(faint, background) < 0.6 * contrast_ratio(text, background)  # visibly dimmer


def test_a_tint_never_takes_the_legibility_of_its_caption() -> None:
    dark, light_text, blue = rgb("#1b1b1b"), rgb("#e6e6e6"), rgb("#3d7fd0")
    strong = tint(blue, dark, 0.9, light_text)
    assert contrast_ratio(light_text, strong) >= AA_TEXT
    assert strong != dark  # still tinted
    assert tint(blue, WHITE, 0.3, BLACK) == mix(blue, WHITE, 0.3)  # a light tint under dark text: as asked


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_each_themes_text_roles_read_on_their_backgrounds(theme: Theme) -> None:
    table = PALETTES[theme]
    for text, background in TEXT_ON:
        assert contrast_ratio(rgb(table[text]), rgb(table[background])) >= AA_TEXT, (theme, text, background)


def test_an_odd_stored_theme_means_following_the_desktop() -> None:
    assert parse_theme("dark") is Theme.DARK
    assert parse_theme("purple") is Theme.SYSTEM
    assert parse_theme(3) is Theme.SYSTEM
    assert parse_theme(None) is Theme.SYSTEM
