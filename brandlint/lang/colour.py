"""Colour maths (coloraide, loaded only when a stylesheet or creative is checked):
CSS colour values, CIEDE2000 distance to the palette, WCAG 2.x contrast."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

COLOUR_FUNCTIONS = {"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color"}
NOT_COLOURS = {"transparent", "currentcolor", "inherit", "initial", "unset", "revert", "revert-layer", "none",
               "auto"}


@dataclass(frozen=True)
class Nearest:
    name: str
    hex: str
    distance: float


@lru_cache(maxsize=4096)
def parse(css: str) -> Any | None:
    """A coloraide Color for a CSS colour value, or None when it is not one."""
    from coloraide import Color

    if css.lower() in NOT_COLOURS:
        return None
    try:
        colour = Color(css)
    except ValueError:
        return None
    return colour.convert("srgb").fit("srgb")


def hex_of(colour: Any) -> str:
    return colour.to_string(hex=True, alpha=False).upper()


def alpha(colour: Any) -> float:
    return float(colour.alpha())


def nearest(colour: Any, palette: dict[str, str]) -> Nearest | None:
    best: Nearest | None = None
    for name, value in palette.items():
        target = parse(value)
        if target is None:
            continue
        distance = float(colour.delta_e(target, method="2000"))
        if best is None or distance < best.distance:
            best = Nearest(name, value, distance)
    return best


def contrast(foreground: Any, background: Any) -> float:
    return float(foreground.contrast(background, method="wcag21"))
