"""logo: an approved logo, found in a creative, placed as the guideline says."""

from __future__ import annotations

import math

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity
from brandlint.vision.examples import draw, example_logo_png
from brandlint.vision.logo import SMALLEST

# Beyond these, a placement is distorted, rotated or recoloured.
MAX_DISTORTION = 0.06
MAX_ROTATION = 3.0
MAX_RECOLOURED = 0.15
FINE_WIDTH = 64  # px: a logo placed narrower is too few pixels to judge more than its size
MAX_CROWDED = 0.03
BACKGROUND_TOLERANCE = 8.0  # ΔE00 between the background and an allowed `on:` colour

GUIDE = ('colors:\n  palette:\n    gold: "#E0A526"\n    ink: "#1C1C1C"\n    paper: "#FFFDF7"\n'
         "logos:\n  primary:\n    file: logo.png\n    min_width: 120\n    clear_space: 0.25\n    on: [paper]\n")
FILES = (("logo.png", example_logo_png),)
CLEAN = "1080x1080 #FFFDF7; logo at 400,480 width 240"


def _rule(name: str, severity: Severity, summary: str, why: str, fail: str, details: str = "") -> Rule:
    return Rule(id=f"logo.{name}", severity=severity, summary=summary, why=why, guide=GUIDE, files=FILES,
                suffix=".png", draw=draw, fail=fail, passing=CLEAN, details=details)


MIN_WIDTH = _rule("min_width", Severity.ERROR, "The logo is placed smaller than `min_width` pixels.",
                  "A logo too small to read is a logo nobody sees.",
                  "1080x1080 #FFFDF7; logo at 400,480 width 80",
                  f"Logos are searched down to {SMALLEST} px wide; one placed smaller counts as missing. "
                  "A logo placed too small is reported for its size only: its proportions, tilt, colours "
                  "and clear space are too few pixels to judge.")
DISTORTED = _rule("distorted", Severity.ERROR, "The logo is stretched or squashed (its aspect ratio changed).",
                  "A stretched logo is the surest sign of a careless creative.",
                  "1080x1080 #FFFDF7; logo at 300,480 width 360 height 96",
                  f"Flagged when the horizontal and vertical scales differ by more than {MAX_DISTORTION:.0%} "
                  "(plus a pixel's worth for a small logo).")
ROTATED = _rule("rotated", Severity.ERROR, "The logo is rotated.", "The logo's angle is part of the logo.",
                "1080x1080 #FFFDF7; logo at 400,480 width 240 rotate 12",
                f"Flagged beyond {MAX_ROTATION:g}°.")
RECOLORED = _rule("recolored", Severity.ERROR, "The logo's colours differ from the approved master.",
                  "A recoloured logo is a different logo.",
                  "1080x1080 #FFFDF7; logo at 400,480 width 240 recolor #2AA198",
                  f"Flagged when more than {MAX_RECOLOURED:.0%} of the logo's inner pixels moved more than "
                  "ΔE76 12 from the master.")
BACKGROUND = _rule("background", Severity.ERROR, "The logo sits on a colour its `on:` list does not allow.",
                   "The logo was designed for certain backgrounds; on others it loses contrast or clashes.",
                   "1080x1080 #FFFDF7; rect 600x300 #2AA198 at 200,400; logo at 400,480 width 240",
                   f"The background is the median colour of the clear-space margin; it must be within ΔE00 "
                   f"{BACKGROUND_TOLERANCE:g} of a palette colour named in `on:`.")
CLEAR_SPACE = _rule("clear_space", Severity.WARNING,
                    "Something intrudes into the logo's clear space (`clear_space` × its height around it).",
                    "Crowding a logo with text or shapes makes it part of the clutter.",
                    "1080x1080 #FFFDF7; logo at 400,480 width 240; rect 60x60 #1C1C1C at 650,500",
                    f"Flagged when more than {MAX_CROWDED:.0%} of the margin differs from the background "
                    "or lies beyond the creative's edge.")
MISSING = Rule(
    id="require.logo",
    severity=Severity.ERROR,
    summary="A creative on a channel that requires a logo (`require: [logo]`) shows no approved logo.",
    why="Unbranded creatives build someone else's recall.",
    guide=GUIDE + "channels:\n  instagram:\n    require: [logo]\n", files=FILES, channel="instagram",
    suffix=".png", draw=draw,
    fail="1080x1080 #FFFDF7; rect 300x300 #E0A526 at 100,100",
    passing=CLEAN,
)


def check(ctx: Context) -> None:
    creative = ctx.doc.image
    if ctx.doc.kind != "image" or creative is None or creative.error or not ctx.policy.logos:
        return
    import numpy as np

    from brandlint.vision import logo as L

    rgb = np.asarray(creative.image)
    found = []
    for name, logo in sorted(ctx.policy.logos.items()):
        try:
            master = L.load_master(str((ctx.policy.root / logo.file).resolve()))
        except (OSError, ValueError) as exc:
            ctx.notes.add(f"brandlint: logo {name} not searched: {exc}")
            continue
        placement = L.find(master, rgb)
        if placement is not None:
            found.append((name, logo, master, placement))
    if not found:
        if "logo" in ctx.policy.require:
            ctx.report(MISSING, 0, 0, f"No approved logo found; the {ctx.policy.channel} channel requires one "
                                      f"({', '.join(sorted(ctx.policy.logos))}).")
        return
    name, logo, master, placement = max(found, key=lambda item: item[3].score)
    _judge(ctx, name, logo, master, placement, rgb, creative.scale)


def _judge(ctx: Context, name: str, logo, master, placement, rgb, scale: float) -> None:
    from brandlint.lang import colour as C
    from brandlint.vision import logo as L

    x, y, w, h = (round(v / scale) for v in placement.box)
    where = f"logo {name} at {x},{y}, {w}×{h} px"
    placed_width = master.width * placement.sx / scale
    too_small = bool(logo.min_width) and placed_width + 0.5 < logo.min_width
    if too_small:
        ctx.report(MIN_WIDTH, 0, 0, f"The {where} is {placed_width:.0f} px wide; at least {logo.min_width} px.")
    # A logo placed too small (or under FINE_WIDTH) is too few pixels to judge its proportions,
    # tilt, colours or clear space: what is wrong with it is its size.
    fine = not too_small and placed_width >= FINE_WIDTH
    # A placement is measured to about a pixel on each side: a small logo's proportions less exactly.
    if fine and abs(placement.distortion) > MAX_DISTORTION + 1 / max(w, 1) + 1 / max(h, 1):
        ctx.report(DISTORTED, 0, 0, f"The {where} is distorted: {placement.sx / placement.sy:.2f}× as wide as "
                                    "the master's proportions.")
    # ... and its angle to about a pixel and a half across its width.
    if fine and abs(placement.angle) > MAX_ROTATION + math.degrees(math.atan(1.5 / max(w, 1))):
        ctx.report(ROTATED, 0, 0, f"The {where} is rotated by {placement.angle:.0f}°.")
    share = L.recoloured_share(master, rgb, placement) if fine else 0.0
    if share > MAX_RECOLOURED:
        ctx.report(RECOLORED, 0, 0, f"The {where} is recoloured: {share:.0%} of its pixels differ from the master.")
    around = L.surroundings(master, rgb, placement, logo.clear_space)
    background = "#{:02X}{:02X}{:02X}".format(*around.colour)
    allowed = {colour: ctx.policy.colors.palette[colour] for colour in logo.on if colour in ctx.policy.colors.palette}
    if allowed:
        near = C.nearest(C.parse(background), allowed)
        if near is None or near.distance > BACKGROUND_TOLERANCE:
            ctx.report(BACKGROUND, 0, 0, f"The {where} sits on {background}; it may sit on "
                                         f"{', '.join(f'{k} {v}' for k, v in allowed.items())}.")
    if fine and logo.clear_space and around.crowded > MAX_CROWDED:
        what = "is not background" if around.beyond < 0.005 else (
            "lies beyond the creative's edge" if around.crowded - around.beyond < 0.005
            else "is not background or lies beyond the creative's edge")
        ctx.report(CLEAR_SPACE, 0, 0, f"Something crowds the {where}: {around.crowded:.0%} of its clear space "
                                      f"({logo.clear_space:g} × its height) {what}.")


CHECK = Check(rules=(MIN_WIDTH, DISTORTED, ROTATED, RECOLORED, BACKGROUND, CLEAR_SPACE, MISSING), run=check)
