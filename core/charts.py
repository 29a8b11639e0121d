"""Charts drawn on the server as inline SVG: no JavaScript, and the numbers always in text.

A bar chart is a list: each row's label and value are HTML text, and its bar an SVG
drawing of the same number, hidden from screen readers because it repeats the text. A trend
is an SVG line described by its caption, with its first and last readings in text. Both come
with a data table under "Show the figures as a table" (templates/core/charts/).
"""

from dataclasses import dataclass

TREND_WIDTH, TREND_HEIGHT = 300, 100


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str  # the value as people read it: "63%", "1,204"
    width: float  # the bar's length, 0 to 100
    kind: str = ""  # a modifier for its colour, such as a pledge status; the text says the same


def bars(rows, maximum=None):
    """Bars from (label, value, display[, kind]) rows, scaled to `maximum` (default: the largest)."""
    rows = [tuple(row) + ("",) * (4 - len(row)) for row in rows]
    largest = maximum if maximum is not None else max((row[1] for row in rows), default=0)
    return [
        Bar(label, value, display, round(100 * value / largest, 1) if largest else 0, kind)
        for label, value, display, kind in rows
    ]


@dataclass(frozen=True)
class Trend:
    points: list  # (label, value, display) in time order
    polyline: str  # SVG points in a TREND_WIDTH x TREND_HEIGHT box
    markers: list  # (x, y) of each reading
    lowest: str
    highest: str


def trend(points):
    """A line through (label, value, display) readings, oldest first; None with fewer than two."""
    points = list(points)
    if len(points) < 2:
        return None
    values = [value for _label, value, _display in points]
    low, high = min(values), max(values)
    span = (high - low) or 1
    step = TREND_WIDTH / (len(points) - 1)
    markers = [
        (round(index * step, 1), round(TREND_HEIGHT - (value - low) / span * (TREND_HEIGHT - 10) - 5, 1))
        for index, value in enumerate(values)
    ]
    lowest = next(display for _label, value, display in points if value == low)
    highest = next(display for _label, value, display in points if value == high)
    return Trend(points, " ".join(f"{x},{y}" for x, y in markers), markers, lowest, highest)
