"""Boxes shared by the timeline's and the charts' layouts: a point on a shared edge belongs to one box only."""

from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.presentation.geometry import Box

SIZES = st.floats(min_value=1.0, max_value=500.0)
PLACES = st.floats(min_value=-500.0, max_value=500.0)


@given(PLACES, PLACES, SIZES, SIZES, SIZES, st.floats(min_value=0.0, max_value=1.0))
def test_a_point_on_the_edge_two_boxes_share_is_in_exactly_one(
    x: float, y: float, left_width: float, right_width: float, height: float, along: float
) -> None:
    left = Box(x, y, left_width, height)
    right = Box(left.right, y, right_width, height)
    point = (left.right, y + along * height * 0.999)
    assert left.contains(*point) != right.contains(*point)
    assert not left.overlaps(right)


@given(PLACES, PLACES, SIZES, SIZES)
def test_a_box_grown_on_every_side_holds_the_whole_box(
    x: float, y: float, width: float, height: float
) -> None:
    box = Box(x, y, width, height)
    grown = box.adjusted(-2, -2, 2, 2)
    assert grown.contains(box.x, box.y) and grown.contains(box.right, box.bottom)
    assert grown.overlaps(box) and not box.contains(box.right, box.bottom)
