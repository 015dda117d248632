"""Raster creatives (PNG, JPEG, WebP) decoded once with Pillow, safely.

Pillow's decompression-bomb guard stays on; a JPEG too large to decode in full is decoded
at a reduced scale (its header still gives the true size); animations are judged by their
first frame; an EXIF orientation is applied (the image as displayed); CMYK, palette and
16-bit images are converted to 8-bit RGB. Anything Pillow cannot read becomes a message for
the `image.unreadable` finding, never a crash.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
# Larger than this many pixels is decoded at a reduced scale (JPEG) or refused (others).
MAX_DECODE_PIXELS = 60_000_000
# The working copy every check shares: long side at most this many pixels.
WORK_SIZE = 1600


@dataclass
class Creative:
    width: int  # as stored in the file
    height: int
    format: str
    file_size: int
    frames: int = 1
    image: Any = None  # PIL RGB image, downsampled to WORK_SIZE at most
    scale: float = 1.0  # work pixels per file pixel
    error: str | None = None


def load_creative(raw: bytes) -> Creative:
    from PIL import Image, UnidentifiedImageError

    creative = Creative(0, 0, "", len(raw))
    try:
        image = _open_header(raw)
        creative.width, creative.height = image.size
        creative.format = image.format or ""
        creative.frames = int(getattr(image, "n_frames", 1) or 1)
        pixels = creative.width * creative.height
        if pixels > MAX_DECODE_PIXELS:
            if creative.format == "JPEG":
                image.draft("RGB", (WORK_SIZE, WORK_SIZE))  # decodes at 1/2, 1/4 or 1/8 scale
            if creative.format != "JPEG" or image.size[0] * image.size[1] > MAX_DECODE_PIXELS:
                creative.error = (f"{creative.width}×{creative.height} is {pixels / 1e6:.0f} megapixels; "
                                  f"brandlint decodes at most {MAX_DECODE_PIXELS // 1_000_000} (a "
                                  "decompression bomb, or export a smaller creative)")
                return creative
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.seek(0)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        creative.error = f"refused as a decompression bomb: {exc}"
        return creative
    except UnidentifiedImageError:
        creative.error = "not an image Pillow can read (wrong extension, or damaged)"
        return creative
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        creative.error = f"cannot decode the image ({exc}); the file may be truncated"
        return creative
    image = _upright(image, creative)
    creative.image = _to_rgb(image)
    creative.image.thumbnail((WORK_SIZE, WORK_SIZE))
    creative.scale = creative.image.width / creative.width if creative.width else 1.0
    return creative


def _upright(image: Any, creative: Creative) -> Any:
    """The image as viewers show it: a camera or phone export stores it sideways with an EXIF
    orientation, and the size the channel sees is the displayed one."""
    try:
        orientation = image.getexif().get(0x0112, 1)
    except Exception:  # a damaged EXIF block: the pixels as stored
        return image
    if orientation in (None, 1):
        return image
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image)
    if orientation in (5, 6, 7, 8):  # a quarter turn: width and height trade places
        creative.width, creative.height = creative.height, creative.width
    return upright


def _open_header(raw: bytes) -> Any:
    """Open without decoding. Pillow's bomb guard would refuse a 20000×20000 JPEG here,
    before it can be decoded at a reduced scale; the size policy above decides instead,
    and the guard is back on for every decode."""
    from PIL import Image

    guard = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        return Image.open(io.BytesIO(raw))
    finally:
        Image.MAX_IMAGE_PIXELS = guard


def _to_rgb(image: Any) -> Any:
    """8-bit RGB; transparency is flattened onto white, as a viewer would show it."""
    from PIL import Image

    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return flat
    return image.convert("RGB")
