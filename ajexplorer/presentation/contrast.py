"""Colour contrast as WCAG 2.x measures it, and colours chosen to meet it.

Pure functions on ``(red, green, blue)`` tuples of 0-255, so that what the views draw can be checked without Qt.
Text must reach :data:`AA_TEXT` (4.5:1) against what it is drawn on, dimmed text included: dimming, for what a
search leaves out, fades text towards its background only as far as it stays legible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Rgb = tuple[int, int, int]

#: WCAG 2.x level AA: normal text against its background.
AA_TEXT = 4.5
#: Colours are rounded to whole 8-bit channels after mixing: aim this far above a minimum to stay on its side.
_MARGIN = 0.05
_STEPS = 256  # how finely a colour is moved: 8 halvings, one 8-bit step

BLACK: Rgb = (0, 0, 0)
WHITE: Rgb = (255, 255, 255)


def rgb(text: str) -> Rgb:
    """``"#rrggbb"`` (or ``"#rgb"``) as a tuple; a ValueError names anything else."""
    digits = text.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def hex_colour(colour: Rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


#: Each 8-bit channel value in linear light, worked out once.
_LINEAR = tuple(
    value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    for value in (channel / 255 for channel in range(256))
)


def relative_luminance(colour: Rgb) -> float:
    """WCAG 2.x relative luminance: 0 for black, 1 for white."""
    red, green, blue = colour
    return 0.2126 * _LINEAR[red] + 0.7152 * _LINEAR[green] + 0.0722 * _LINEAR[blue]


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """From 1 (the same luminance) to 21 (black on white); the order of the two does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: Rgb, background: Rgb, amount: float) -> Rgb:
    """``amount`` (0-1) of ``colour`` laid over ``background``, as the opaque colour the eye sees."""
    return (
        round(colour[0] * amount + background[0] * (1 - amount)),
        round(colour[1] * amount + background[1] * (1 - amount)),
        round(colour[2] * amount + background[2] * (1 - amount)),
    )


def worst_contrast(colour: Rgb, backgrounds: Sequence[Rgb]) -> float:
    return min(contrast_ratio(colour, background) for background in backgrounds)


def _least(passes: Callable[[float], bool]) -> float | None:
    """The least amount in (0, 1] for which ``passes`` holds, if it holds at 1 (contrast grows with it)."""
    if not passes(1.0):
        return None
    low, high = 0.0, 1.0
    for _ in range(_STEPS.bit_length()):
        middle = (low + high) / 2
        low, high = (low, middle) if passes(middle) else (middle, high)
    return high


def legible(colour: Rgb, backgrounds: Sequence[Rgb], minimum: float = AA_TEXT) -> Rgb:
    """``colour`` if it meets ``minimum`` on every background; else the least change towards black or white
    that does (a palette from the desktop may carry a grey too faint to read)."""
    if worst_contrast(colour, backgrounds) >= minimum:
        return colour
    target = minimum + _MARGIN
    choices = []
    for extreme in (BLACK, WHITE):

        def reads(amount: float, extreme: Rgb = extreme) -> bool:
            return worst_contrast(mix(extreme, colour, amount), backgrounds) >= target

        amount = _least(reads)
        if amount is not None:
            choices.append((amount, mix(extreme, colour, amount)))
    if not choices:  # no single colour reads on every background: the one that reads best
        return max((BLACK, WHITE), key=lambda extreme: worst_contrast(extreme, backgrounds))
    return min(choices)[1]


def dimmed(text: Rgb, backgrounds: Sequence[Rgb], minimum: float = AA_TEXT) -> Rgb:
    """``text`` faded towards the first background as far as it still meets ``minimum`` on all of them: out of
    the way, and still readable."""
    text = legible(text, backgrounds, minimum)
    target = minimum + _MARGIN
    amount = _least(lambda a: worst_contrast(mix(text, backgrounds[0], a), backgrounds) >= target)
    return text if amount is None else mix(text, backgrounds[0], amount)


def tint(colour: Rgb, background: Rgb, amount: float, text: Rgb, minimum: float = AA_TEXT) -> Rgb:
    """Up to ``amount`` of ``colour`` over ``background``, no more than still lets ``text`` read on it: a
    coloured bar keeps its caption legible in a light and a dark theme alike."""
    target = minimum + _MARGIN
    if contrast_ratio(text, mix(colour, background, amount)) >= target:
        return mix(colour, background, amount)
    weakest = _least(lambda a: contrast_ratio(text, mix(colour, background, amount * (1 - a))) >= target)
    return background if weakest is None else mix(colour, background, amount * (1 - weakest))


def clearest(candidates: Sequence[Rgb], background: Rgb) -> Rgb:
    """The candidate that stands out most on ``background`` (text for a coloured badge)."""
    return max(candidates, key=lambda colour: contrast_ratio(colour, background))
