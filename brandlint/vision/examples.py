"""Creatives described in words, drawn with Pillow: the examples of image and logo rules.

    "1080x1080 #FFFDF7; rect 300x200 #2AA198 at 100,100; logo at 400,400 width 240"
    "... logo at 400,400 width 240 height 120 recolor #2AA198"
    "truncated"

`explain` prints the description; the tests draw it and check the rule against it.
"""

from __future__ import annotations

import io
import re

# The example brand's logo: a gold disc and an ink bar on transparency.
LOGO_SIZE = (240, 96)


def example_logo_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 8, 84, 88), fill=(224, 165, 38, 255))
    draw.rectangle((100, 22, 232, 46), fill=(28, 28, 28, 255))
    draw.rectangle((100, 56, 190, 74), fill=(28, 28, 28, 255))
    return _png(image)


def _png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def draw(spec: str) -> bytes:
    """The PNG a description stands for."""
    from PIL import Image

    if spec.strip() == "truncated":
        whole = draw("400x400 #FFFDF7; rect 100x100 #E0A526 at 50,50")
        return whole[: len(whole) // 2]
    parts = [part.strip() for part in spec.split(";") if part.strip()]
    size, colour = parts[0].split()
    width, height = (int(v) for v in size.lower().split("x"))
    canvas = Image.new("RGB", (width, height), _rgb(colour))
    for part in parts[1:]:
        rect = re.fullmatch(r"rect (\d+)x(\d+) (#[0-9A-Fa-f]{6}) at (\d+),(\d+)", part)
        logo = re.fullmatch(r"logo at (\d+),(\d+) width (\d+)(?: height (\d+))?(?: recolor (#[0-9A-Fa-f]{6}))?"
                            r"(?: rotate (-?\d+))?", part)
        if rect:
            w, h, fill, x, y = int(rect[1]), int(rect[2]), _rgb(rect[3]), int(rect[4]), int(rect[5])
            canvas.paste(fill, (x, y, x + w, y + h))
        elif logo:
            x, y, w = int(logo[1]), int(logo[2]), int(logo[3])
            h = int(logo[4]) if logo[4] else round(w * LOGO_SIZE[1] / LOGO_SIZE[0])
            mark = Image.open(io.BytesIO(example_logo_png())).convert("RGBA").resize((w, h), Image.LANCZOS)
            if logo[5]:
                tint = Image.new("RGBA", mark.size, (*_rgb(logo[5]), 255))
                tint.putalpha(mark.getchannel("A"))
                mark = tint
            if logo[6]:
                mark = mark.rotate(int(logo[6]), expand=True, resample=Image.BICUBIC)
            canvas.paste(mark, (x, y), mark)
        else:
            raise ValueError(f"cannot draw {part!r}")
    return _png(canvas)
