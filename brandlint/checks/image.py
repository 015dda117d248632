"""image: creatives' size, file size, readability and dominant colours."""

from __future__ import annotations

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity
from brandlint.vision.examples import draw

# A colour cluster must cover this share of a creative (edges excluded) to count.
MIN_SHARE = 0.02
# Quantised raster colours wander more than CSS values: never judge closer than this.
RASTER_TOLERANCE = 6.0
PALETTE = 'colors:\n  palette:\n    gold: "#E0A526"\n    ink: "#1C1C1C"\n    paper: "#FFFDF7"\n'

UNREADABLE = Rule(
    id="image.unreadable",
    severity=Severity.ERROR,
    summary="A creative cannot be decoded: truncated, not really an image, or a decompression bomb.",
    why="What cannot be opened cannot be published, and cannot be checked.",
    suffix=".png", draw=draw,
    fail="truncated",
    passing="400x400 #FFFDF7",
)
SIZE = Rule(
    id="image.size",
    severity=Severity.ERROR,
    summary="A creative's pixel size is not one the channel allows (`image.sizes`).",
    why="Platforms crop or scale creatives of the wrong size, and the logo is the first thing cut off.",
    guide="channels:\n  instagram:\n    image:\n      sizes: [1080x1080, 1080x1350]\n",
    channel="instagram", suffix=".png", draw=draw,
    fail="1200x628 #FFFDF7",
    passing="1080x1080 #FFFDF7",
)
FILE_SIZE = Rule(
    id="image.file_size",
    severity=Severity.WARNING,
    summary="A creative's file is larger than the channel allows (`image.max_file_size`, bytes).",
    why="Email clients clip heavy messages and ad platforms reject large uploads.",
    guide="channels:\n  email:\n    image:\n      max_file_size: 1000\n",
    channel="email", suffix=".png", draw=draw,
    fail="600x600 #FFFDF7; rect 300x300 #E0A526 at 10,10; rect 100x400 #1C1C1C at 400,100",
    passing="10x10 #FFFDF7",
)
OFF_PALETTE = Rule(
    id="image.off_palette",
    severity=Severity.WARNING,
    summary=f"A colour covering at least {MIN_SHARE:.0%} of a creative is not a brand colour.",
    why="A banner in the wrong green reads as someone else's campaign.",
    guide=PALETTE, suffix=".png", draw=draw,
    fail="800x800 #FFFDF7; rect 300x200 #2AA198 at 100,100",
    passing="800x800 #FFFDF7; rect 300x200 #E0A526 at 100,100",
    details=(f"The creative is quantised to 8 colours; pixels on edges (anti-aliasing, resampling "
             f"halos) are left out, and clusters under {MIN_SHARE:.0%} of the area (a photo's long "
             f"tail) are ignored. A cluster is off-brand when it is more than max(tolerance, "
             f"{RASTER_TOLERANCE:g}) ΔE00 from every palette colour. The finding gives the colour, "
             "its share and its pixel box."),
)


def check(ctx: Context) -> None:
    creative = ctx.doc.image
    if ctx.doc.kind != "image" or creative is None:
        return
    if creative.error:
        ctx.report(UNREADABLE, 0, 0, f"Cannot check this creative: {creative.error}.")
        return
    rules = ctx.policy.image
    channel = ctx.policy.channel or "base"
    if rules is not None and rules.sizes:
        size = f"{creative.width}x{creative.height}"
        if size not in rules.sizes:
            ctx.report(SIZE, 0, 0, f"The creative is {creative.width}×{creative.height} px; the {channel} channel "
                                   f"takes {', '.join(s.replace('x', '×') for s in rules.sizes)}.")
    if rules is not None and rules.max_file_size and creative.file_size > rules.max_file_size:
        ctx.report(FILE_SIZE, 0, 0, f"The file is {creative.file_size:,} bytes; the {channel} channel allows "
                                    f"{rules.max_file_size:,}.")
    if ctx.policy.colors.palette and ctx.active(OFF_PALETTE):
        _off_palette(ctx, creative)


def _off_palette(ctx: Context, creative) -> None:
    import numpy as np
    from PIL import Image, ImageFilter

    from brandlint.lang import colour as C

    work = creative.image.copy()
    work.thumbnail((400, 400))
    scale = work.width / creative.width
    edges = work.convert("L").filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v >= 24 else 0)
    edges = edges.filter(ImageFilter.MaxFilter(3))
    quantised = work.quantize(8, method=Image.Quantize.FASTOCTREE)
    palette = quantised.getpalette() or []
    indexes = np.asarray(quantised)
    inside = np.asarray(edges) == 0  # anti-aliased edges and halos are not a colour of the design
    counts: dict[int, int] = {}
    boxes: dict[int, list[int]] = {}
    for index in np.unique(indexes):
        ys, xs = np.nonzero((indexes == index) & inside)
        if len(xs):
            counts[int(index)] = len(xs)
            boxes[int(index)] = [int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())]
    total = indexes.size
    tolerance = max(ctx.policy.colors.tolerance, RASTER_TOLERANCE)
    for index, count in sorted(counts.items(), key=lambda item: -item[1]):
        share = count / total
        if share < MIN_SHARE:
            continue
        r, g, b = palette[index * 3:index * 3 + 3]
        colour = C.parse(f"#{r:02X}{g:02X}{b:02X}")
        near = C.nearest(colour, ctx.policy.colors.palette)
        if near is None or near.distance <= tolerance:
            continue
        x0, y0, x1, y1 = (round(v / scale) for v in boxes[index])
        ctx.report(OFF_PALETTE, 0, 0,
                   f"#{r:02X}{g:02X}{b:02X} covers {share:.1%} of the creative (pixels {x0},{y0} to {x1},{y1}) and is "
                   f"not a brand colour (nearest: {near.name} {near.hex}, ΔE00 {near.distance:.1f}).")


CHECK = Check(rules=(UNREADABLE, SIZE, FILE_SIZE, OFF_PALETTE), run=check)
