"""Find an approved logo master in a creative and measure how it was placed (OpenCV).

1. Coarse: multi-scale template matching (TM_CCOEFF_NORMED) on gradient-magnitude images,
   with three aspect ratios, at reduced resolution. Gradients make the match indifferent
   to the background colour and to recolouring.
2. Fine: ECC (findTransformECC, affine) from the coarse guess, which gives the placed
   scale on each axis and the rotation.
3. Then, in the master's frame: recolouring (how many logo pixels changed colour), and
   around the placed box: the background colour (`on:`) and anything crowding the clear
   space.

numpy and cv2 are imported here only: a run that checks no creative never loads them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

COARSE_SIDE = 400  # long side of the creative during the coarse search
MIN_SCORE = 0.5  # coarse correlation below which no logo is there
VERIFY_SCORE = 0.5  # correlation of the aligned logo with the master, to accept a find
SCALES = 48
ASPECTS = (1.0, 1.3, 1 / 1.3)
ANGLES = (-45.0, -30.0, -20.0, -12.0, -6.0, 6.0, 12.0, 20.0, 30.0, 45.0)  # tried when the upright match is weak
CANDIDATES = 6  # coarse matches refined and verified; the best verified one wins
MIN_TEMPLATE = 24  # px: the narrowest template matched (half that in height)
SMALLEST = 32  # px: the narrowest placement a second, finer search looks for
FINE_FACTOR = MIN_TEMPLATE / SMALLEST  # that search's scale, at which SMALLEST is MIN_TEMPLATE wide
FINE_SCALES = 12
FINE_VERIFY_SCORE = 0.6  # a small placement has few pixels to go on: it must match better


@dataclass
class Master:
    rgb: Any  # HxWx3 uint8
    mask: Any  # HxW bool: the logo's own pixels (alpha > 0)
    width: int
    height: int


@dataclass
class Placement:
    warp: Any  # 2x3 affine: master pixel -> creative (work) pixel
    score: float
    sx: float
    sy: float
    angle: float
    box: tuple[int, int, int, int]  # x, y, w, h in work pixels

    @property
    def distortion(self) -> float:
        return self.sx / self.sy - 1


@lru_cache(maxsize=16)
def load_master(path: str) -> Master:
    import numpy as np
    from PIL import Image

    with Image.open(path) as image:
        rgba = np.asarray(image.convert("RGBA"))
    mask = rgba[:, :, 3] > 127
    if not mask.any():
        raise ValueError(f"the logo master {path} is fully transparent")
    rgb = rgba[:, :, :3].copy()
    rgb[~mask] = 255  # transparent parts as a viewer shows them on white
    return Master(rgb, mask, rgba.shape[1], rgba.shape[0])


def _gradient(gray: Any) -> Any:
    import cv2

    blurred = cv2.GaussianBlur(gray.astype("float32"), (3, 3), 0)
    gx = cv2.Sobel(blurred, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(blurred, cv2.CV_32F, 0, 1, ksize=3)
    return cv2.GaussianBlur(cv2.magnitude(gx, gy), (5, 5), 0)


def _master_gradient(master: Master) -> Any:
    """The logo's outline and inner edges only: transparent surroundings carry no edges."""
    import cv2
    import numpy as np

    gray = cv2.cvtColor(master.rgb, cv2.COLOR_RGB2GRAY).astype("float32")
    gradient = _gradient(gray)
    near_logo = cv2.dilate(master.mask.astype("uint8"), np.ones((5, 5), "uint8")) > 0
    return np.where(near_logo, gradient, 0).astype("float32")


def _template(master_gray: Any, mask: Any, tw: int, th: int, angle: float = 0.0) -> tuple[Any, Any]:
    """The master's gradient at a size (and angle), zero away from the logo's own pixels."""
    import cv2
    import numpy as np

    gray = cv2.resize(master_gray, (tw, th), interpolation=cv2.INTER_AREA)
    small_mask = cv2.resize(mask.astype("uint8"), (tw, th), interpolation=cv2.INTER_NEAREST)
    rotation = None
    if angle:
        side = math.ceil(math.hypot(tw, th))
        rotation = cv2.getRotationMatrix2D((tw / 2, th / 2), angle, 1.0)
        rotation[:, 2] += ((side - tw) / 2, (side - th) / 2)
        gray = cv2.warpAffine(gray, rotation, (side, side), borderValue=255)
        small_mask = cv2.warpAffine(small_mask, rotation, (side, side), flags=cv2.INTER_NEAREST)
    gradient = _gradient(gray)
    template = np.where(cv2.dilate(small_mask, np.ones((3, 3), "uint8")) > 0, gradient, 0).astype("float32")
    return template, rotation


def _match(edges: Any, energy: Any, template: Any) -> tuple[float, tuple[int, int]]:
    import cv2
    import numpy as np

    th, tw = template.shape
    if tw >= edges.shape[1] or th >= edges.shape[0] or float(template.std()) < 1e-3:
        return -1.0, (0, 0)
    result = cv2.matchTemplate(edges, template, cv2.TM_CCOEFF_NORMED)
    # Normalised correlation is meaningless on (nearly) flat windows, where it can reach
    # 1.0: a window must hold at least half the template's edge energy.
    window = energy[th:, tw:] - energy[:-th, tw:] - energy[th:, :-tw] + energy[:-th, :-tw]
    result = np.where(window[:result.shape[0], :result.shape[1]] >= 0.5 * float(template.sum()),
                      np.nan_to_num(result, nan=-1.0), -1.0).astype("float32")
    _, score, _, location = cv2.minMaxLoc(result)
    return float(score), location


def find(master: Master, creative_rgb: Any) -> Placement | None:
    import cv2
    import numpy as np

    gray = cv2.cvtColor(creative_rgb, cv2.COLOR_RGB2GRAY)
    height, width = gray.shape
    factor = min(1.0, COARSE_SIDE / max(height, width))
    largest = min(width / master.width, height / master.height)
    best = _best(master, gray, factor, list(np.geomspace(0.05, max(0.06, largest), SCALES)), ASPECTS, True)
    if best is None and factor < FINE_FACTOR:
        # A small placement (a 60 px logo on a 1080 px post) is narrower than the coarse
        # search's smallest template: look again, finer, at just the widths it could not see,
        # so that a logo placed too small is reported as such rather than as missing.
        low = SMALLEST / master.width
        high = min(MIN_TEMPLATE / factor / master.width, largest)
        if low < high:
            best = _best(master, gray, FINE_FACTOR, list(np.geomspace(low, high, FINE_SCALES)), (1.0,), False,
                         _verify_in_place, FINE_VERIFY_SCORE)
    if best is None:
        return None
    placement = _placement(master, best[1], best[0])
    return placement if _plausible(placement, width, height) else None


# A find this far outside the creative, or this far out of proportion, is a pattern of stripes
# and shapes the search lined the logo up with, not a placed logo (a stretched logo is rarely
# more than 1.5× off; a cut-off one shows most of itself).
MOST_OUTSIDE = 0.15  # of the box's width or height beyond the creative's edge
MOST_OUT_OF_PROPORTION = 2.5


def _plausible(placement: Placement, width: int, height: int) -> bool:
    x, y, w, h = placement.box
    if w <= 0 or h <= 0:
        return False
    outside_x = max(0, -x) + max(0, x + w - width)
    outside_y = max(0, -y) + max(0, y + h - height)
    if outside_x > MOST_OUTSIDE * w or outside_y > MOST_OUTSIDE * h:
        return False
    ratio = placement.sx / placement.sy if placement.sy else float("inf")
    if not 1 / MOST_OUT_OF_PROPORTION <= ratio <= MOST_OUT_OF_PROPORTION:
        return False
    # A placed logo is scaled, stretched or turned, not sheared into a sliver: the master's
    # axes stay near square to each other.
    across, down = placement.warp[:, 0], placement.warp[:, 1]
    lengths = math.hypot(*across) * math.hypot(*down)
    return bool(lengths) and abs(float(across @ down)) / lengths <= MOST_SHEAR


MOST_SHEAR = 0.3  # cosine of the angle between the placed logo's axes


def _best(master: Master, gray: Any, factor: float, scales: list[float], aspects: tuple[float, ...],
          rotated: bool, verify: Any = None, threshold: float = VERIFY_SCORE) -> tuple[float, Any] | None:
    """The best verified placement (score, warp) among the scales, searched at `factor` of
    the creative's size; upright first, then (if `rotated` and nothing matched well) tilted."""
    import cv2
    import numpy as np

    height, width = gray.shape
    small = cv2.resize(gray, (max(1, int(width * factor)), max(1, int(height * factor))),
                       interpolation=cv2.INTER_AREA)
    edges = _gradient(small)
    energy = cv2.integral(edges)
    master_gray = cv2.cvtColor(master.rgb, cv2.COLOR_RGB2GRAY)
    candidates: list[tuple[float, float, float, float, int, int]] = []  # score, scale, aspect, angle, x, y
    for scale in scales:
        for aspect in aspects:
            tw, th = int(master.width * scale * aspect * factor), int(master.height * scale * factor)
            if tw < MIN_TEMPLATE or th < MIN_TEMPLATE // 2:
                continue
            score, (x, y) = _match(edges, energy, _template(master_gray, master.mask, tw, th)[0])
            candidates.append((score, float(scale), float(aspect), 0.0, x, y))
    candidates.sort(reverse=True)
    if rotated and candidates and candidates[0][0] < 0.8:
        for scale in scales[::3]:
            tw, th = int(master.width * scale * factor), int(master.height * scale * factor)
            if tw < MIN_TEMPLATE or th < MIN_TEMPLATE // 2:
                continue
            for angle in ANGLES:
                template, rotation = _template(master_gray, master.mask, tw, th, angle)
                score, (x, y) = _match(edges, energy, template)
                # Where the unrotated template's corner lands: the rotation's offset, moved.
                candidates.append((score, scale, 1.0, angle, x + int(rotation[0, 2]), y + int(rotation[1, 2])))
        candidates.sort(reverse=True)
    best: tuple[float, Any] | None = None
    for score, scale, aspect, angle, x, y in candidates[:CANDIDATES]:
        if score < MIN_SCORE:
            break
        linear = np.array([[scale * aspect, 0], [0, scale]])
        if angle:
            linear = cv2.getRotationMatrix2D((0, 0), angle, 1.0)[:, :2] @ linear
        warp = _refine(master, gray, np.hstack([linear, [[x / factor], [y / factor]]]).astype("float32"))
        verified = (verify or _verify)(master, gray, warp)
        if verified >= threshold and (best is None or verified > best[0]):
            best = (verified, warp)
    return best


def _verify(master: Master, gray: Any, warp: Any) -> float:
    """How well the creative, mapped back into the master's frame, matches the master."""
    import cv2

    back = cv2.warpAffine(_gradient(gray), warp, (master.width, master.height),
                          flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP)
    reference = _master_gradient(master)
    if float(back.std()) < 1e-3:
        return 0.0
    return float(cv2.matchTemplate(back, reference, cv2.TM_CCOEFF_NORMED)[0, 0])


def _verify_in_place(master: Master, gray: Any, warp: Any) -> float:
    """`_verify` for a small placement: compared where it is, at its own size (enlarged into
    the master's frame it would be blur against the master's sharp edges)."""
    import cv2
    import numpy as np

    height, width = gray.shape
    master_gray = cv2.cvtColor(master.rgb, cv2.COLOR_RGB2GRAY)
    placed = cv2.warpAffine(master_gray, warp, (width, height), flags=cv2.INTER_AREA, borderValue=255)
    mask = cv2.warpAffine(master.mask.astype("uint8"), warp, (width, height), flags=cv2.INTER_NEAREST) > 0
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return 0.0
    top, bottom = max(0, rows.min() - 4), min(height, rows.max() + 5)
    left, right = max(0, cols.min() - 4), min(width, cols.max() + 5)
    near = cv2.dilate(mask[top:bottom, left:right].astype("uint8"), np.ones((3, 3), "uint8")) > 0
    reference = np.where(near, _gradient(placed[top:bottom, left:right]), 0).astype("float32")
    found = _gradient(gray[top:bottom, left:right]).astype("float32")
    if float(found.std()) < 1e-3 or float(reference.std()) < 1e-3:
        return 0.0
    return float(cv2.matchTemplate(found, reference, cv2.TM_CCOEFF_NORMED)[0, 0])


def _refine(master: Master, gray: Any, warp: Any) -> Any:
    """ECC alignment from the coarse guess; keeps the guess when ECC does not converge."""
    import cv2
    import numpy as np

    template = _master_gradient(master)
    target = _gradient(gray)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 200, 1e-6)
    try:
        _, refined = cv2.findTransformECC(template, target, warp.copy(), cv2.MOTION_AFFINE, criteria, None, 5)
    except cv2.error:
        return warp
    # Trust the refinement only when it stays near the guess (ECC can slide off a flat logo).
    if np.abs(refined[:, 2] - warp[:, 2]).max() > max(master.width, master.height) * abs(warp[0, 0]):
        return warp
    return refined


def _placement(master: Master, warp: Any, score: float) -> Placement:
    import numpy as np

    sx = float(math.hypot(warp[0, 0], warp[1, 0]))
    sy = float(math.hypot(warp[0, 1], warp[1, 1]))
    angle = -math.degrees(math.atan2(float(warp[1, 0]), float(warp[0, 0])))  # counter-clockwise positive
    corners = np.array([[0, 0, 1], [master.width, 0, 1], [0, master.height, 1], [master.width, master.height, 1]],
                       dtype="float32")
    points = corners @ warp.T
    x0, y0 = points.min(axis=0)
    x1, y1 = points.max(axis=0)
    box = (round(float(x0)), round(float(y0)), round(float(x1 - x0)), round(float(y1 - y0)))
    return Placement(warp, score, sx, sy, angle, box)


def recoloured_share(master: Master, creative_rgb: Any, placement: Placement) -> float:
    """Share of the logo's own pixels (edges excluded) whose colour moved more than ΔE76 12."""
    import cv2
    import numpy as np

    back = cv2.warpAffine(creative_rgb, placement.warp, (master.width, master.height),
                          flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)
    # Edges blur over about a pixel and a half of the creative: more of the master's pixels
    # the smaller the logo was placed.
    side = max(5, 2 * math.ceil(1.5 / max(placement.sx, placement.sy, 1e-3)) + 1)
    interior = cv2.erode(master.mask.astype("uint8"), np.ones((side, side), "uint8")) > 0
    if not interior.any():
        interior = master.mask
    lab_master = cv2.cvtColor(master.rgb.astype("float32") / 255, cv2.COLOR_RGB2LAB)
    lab_back = cv2.cvtColor(back.astype("float32") / 255, cv2.COLOR_RGB2LAB)
    distance = np.linalg.norm(lab_master - lab_back, axis=2)
    return float((distance[interior] > 12).mean())


@dataclass
class Surroundings:
    colour: tuple[int, int, int]  # the dominant colour around (and under) the logo
    crowded: float  # share of the clear-space margin that is not that colour, or beyond the edge
    beyond: float = 0.0  # share of the clear-space margin beyond the creative's edge


def surroundings(master: Master, creative_rgb: Any, placement: Placement, clear_space: float) -> Surroundings:
    """The background the logo sits on, and how much of its clear-space margin is taken."""
    import cv2
    import numpy as np

    height, width = creative_rgb.shape[:2]
    x, y, w, h = placement.box
    margin = max(3, round(clear_space * h))
    gap = 2  # anti-aliased outline pixels are neither logo nor background
    outer = np.zeros((height, width), "uint8")
    cv2.rectangle(outer, (x - gap - margin, y - gap - margin), (x + w + gap + margin, y + h + gap + margin), 1, -1)
    inner = np.zeros((height, width), "uint8")
    cv2.rectangle(inner, (x - gap, y - gap), (x + w + gap, y + h + gap), 1, -1)
    ring = (outer > 0) & (inner == 0)
    pixels = creative_rgb[ring]
    if len(pixels) == 0:
        pixels = creative_rgb.reshape(-1, 3)
    colour = tuple(int(v) for v in np.median(pixels, axis=0))
    lab = cv2.cvtColor(pixels.reshape(-1, 1, 3).astype("float32") / 255, cv2.COLOR_RGB2LAB).reshape(-1, 3)
    reference = cv2.cvtColor(np.array([[colour]], "float32") / 255, cv2.COLOR_RGB2LAB).reshape(3)
    taken = int((np.linalg.norm(lab - reference, axis=1) > 10).sum())
    # The whole margin, as if the creative went on: what lies beyond its edge is not clear space.
    whole = (w + 2 * (gap + margin)) * (h + 2 * (gap + margin)) - (w + 2 * gap) * (h + 2 * gap)
    inside = int(ring.sum())
    beyond = max(0, whole - inside)
    total = max(1, inside + beyond)
    return Surroundings(colour, (taken + beyond) / total, beyond / total)  # type: ignore[arg-type]
