"""Creatives: hostile and unusual images are handled or refused clearly, never a crash;
logos are found and judged."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from brandlint.vision.examples import draw, example_logo_png

GUIDE = """\
colors:
  palette:
    gold: "#E0A526"
    ink: "#1C1C1C"
    paper: "#FFFDF7"
logos:
  primary:
    file: logo.png
    min_width: 120
    clear_space: 0.25
    on: [paper]
channels:
  instagram:
    require: [logo]
    image: {sizes: [1080x1080], max_file_size: 200000}
"""


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size (no pixel data): what a decompression bomb looks like."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IEND", b""))


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _setup(project):
    project.write("logo.png", example_logo_png())
    project.guide(GUIDE)


def test_broken_images_are_findings_and_the_rest_is_checked(project):
    _setup(project)
    whole = draw("400x400 #FFFDF7")
    project.write("truncated.png", whole[: len(whole) // 2])
    project.write("bomb.png", _png_header_only(40000, 40000))
    project.write("text.png", b"hello, I am not a picture")
    project.write("copy.md", "Fine copy.\n")
    result = project.run("check", "--no-cache", "--format", "json", ".")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    import json

    found = {f["path"]: f["message"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "image.unreadable"}
    assert set(found) == {"bomb.png", "text.png", "truncated.png"}
    assert "decompression bomb" in found["bomb.png"] or "megapixels" in found["bomb.png"]
    assert "truncated" in found["truncated.png"] and "Pillow" in found["text.png"]


def test_unusual_modes_and_animation_are_read(project):
    _setup(project)
    base = Image.open(io.BytesIO(draw("300x300 #FFFDF7; rect 100x100 #2AA198 at 50,50")))
    frames = [base.convert("RGB"), Image.new("RGB", (300, 300), (28, 28, 28))]
    project.write("cmyk.jpg", _save(base.convert("CMYK"), "JPEG"))
    project.write("palette.png", _save(base.convert("P"), "PNG"))
    project.write("sixteen.png", _save(base.convert("L").point(lambda v: v * 256, mode="I").convert("I;16"), "PNG"))
    project.write("anim.webp", _save(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100))
    found = {(f["path"], f["rule"]) for f in project.findings(".")}
    assert ("cmyk.jpg", "image.off_palette") in found
    assert ("palette.png", "image.off_palette") in found
    assert ("anim.webp", "image.off_palette") in found  # judged by its first frame
    assert not any(rule == "image.unreadable" for _, rule in found)


def test_a_huge_jpeg_is_decoded_at_a_reduced_scale(project):
    _setup(project)
    huge = Image.new("L", (8200, 8200), 253)
    project.write("huge.jpg", _save(huge, "JPEG", quality=50))
    found = project.findings("--channel", "instagram", "huge.jpg")
    assert [(f["rule"], "8200×8200" in f["message"]) for f in found if f["rule"] == "image.size"] == [
        ("image.size", True)]


def test_logo_checks_on_generated_creatives(project):
    _setup(project)
    cases = {
        "clean.png": ("1080x1080 #FFFDF7; logo at 400,480 width 240", set()),
        "small.png": ("1080x1080 #FFFDF7; logo at 400,480 width 80", {"logo.min_width"}),
        # Under the coarse search's smallest template: found by the finer one, judged as too small.
        "tiny.png": ("1080x1080 #FFFDF7; logo at 500,600 width 60", {"logo.min_width"}),
        "tiny-wide.png": ("1600x900 #FFFDF7; logo at 700,400 width 44", {"logo.min_width"}),
        "speck.png": ("1080x1080 #FFFDF7; logo at 500,600 width 20", {"require.logo"}),
        "clutter.png": ("1080x1080 #FFFDF7; rect 60x24 #1C1C1C at 500,600; rect 20x20 #E0A526 at 470,602",
                        {"require.logo"}),
        "large.png": ("1080x1080 #FFFDF7; logo at 100,100 width 500", set()),
        "stretched.png": ("1080x1080 #FFFDF7; logo at 300,480 width 360 height 96", {"logo.distorted"}),
        "rotated.png": ("1080x1080 #FFFDF7; logo at 400,480 width 240 rotate 12", {"logo.rotated"}),
        "rotated-45.png": ("1080x1080 #FFFDF7; logo at 400,480 width 240 rotate -45", {"logo.rotated"}),
        "recoloured.png": ("1080x1080 #FFFDF7; logo at 400,480 width 240 recolor #2AA198", {"logo.recolored"}),
        "wrong-background.png": ("1080x1080 #FFFDF7; rect 600x300 #2AA198 at 200,400; logo at 400,480 width 240",
                                 {"logo.background"}),
        "crowded.png": ("1080x1080 #FFFDF7; logo at 400,480 width 240; rect 60x60 #1C1C1C at 650,500",
                        {"logo.clear_space"}),
        "none.png": ("1080x1080 #FFFDF7; rect 300x300 #E0A526 at 100,100", {"require.logo"}),
        # Clear space is kept inside the creative: a logo at the very edge has less of it.
        "edge.png": ("1080x1080 #FFFDF7; logo at 2,500 width 240", {"logo.clear_space"}),
    }
    for name, (spec, _) in cases.items():
        project.write(name, draw(spec))
    found: dict[str, set[str]] = {name: set() for name in cases}
    for finding in project.findings("--channel", "instagram", "."):
        if finding["rule"].startswith(("logo.", "require.")) and finding["path"] in found:
            found[finding["path"]].add(finding["rule"])
    assert found == {name: expected for name, (_, expected) in cases.items()}


def test_logo_master_that_is_not_an_image_is_a_guideline_error(project):
    project.write("logo.png", "not an image")
    project.guide(GUIDE)
    result = project.run("check", ".")
    assert result.exit_code == 2 and "brand.yaml:9:11: logos.primary.file `logo.png` is not a PNG" in result.stderr


def test_a_20000_pixel_jpeg_is_decoded_once_at_reduced_scale_with_bounded_memory(project):
    import subprocess
    import sys

    _setup(project)
    Image.new("L", (20000, 20000), 253).save(project.root / "giant.jpg", quality=30)
    # VmHWM is this process's own peak (ru_maxrss would include the parent's, kept across exec).
    probe = ("import json, re; from brandlint.documents.images import load_creative; "
             "c = load_creative(open('giant.jpg', 'rb').read()); "
             "peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)); "
             "print(json.dumps([c.width, c.height, c.error, c.image.size if c.image else None, peak]))")
    completed = subprocess.run([sys.executable, "-c", probe], cwd=project.root, capture_output=True, text=True,
                               check=True)
    import json

    width, height, error, work, peak_kib = json.loads(completed.stdout)
    assert (width, height, error) == (20000, 20000, None)
    assert max(work) <= 2500  # decoded at 1/8 scale, never at full size
    assert peak_kib < 200_000  # the full image alone would take 400 MB


def test_a_huge_png_is_refused_without_decoding(project):
    _setup(project)
    project.write("giant.png", _png_header_only(20000, 20000))
    [finding] = project.findings("giant.png", rule="image")
    assert finding["rule"] == "image.unreadable" and "400 megapixels" in finding["message"]


def test_a_logo_placed_too_small_is_reported_for_its_size_only(project):
    _setup(project)
    for width in (80, 90):
        project.write(f"p{width}.png", draw(f"1080x1080 #FFFDF7; logo at 400,400 width {width}"))
    found = [(f["path"], f["rule"]) for f in project.findings("--channel", "instagram", "p80.png", "p90.png")
             if f["rule"].startswith("logo.")]
    assert found == [("p80.png", "logo.min_width"), ("p90.png", "logo.min_width")]


def test_an_exif_orientation_is_applied_before_the_creative_is_judged(project):
    """A phone or camera export stores the picture sideways with an EXIF orientation: the
    channel sees it upright, at its displayed size, with its logo the right way up."""
    _setup(project)
    project.write("brand.yaml", (project.root / "brand.yaml").read_text().replace("sizes: [1080x1080]",
                                                                                   "sizes: [1080x1350]"))
    upright = Image.open(io.BytesIO(draw("1080x1350 #FFFDF7; logo at 400,600 width 240"))).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned a quarter, to be rotated 90° clockwise when shown
    project.write("sideways.jpg", _save(upright.rotate(90, expand=True), "JPEG", quality=92, exif=exif))
    project.write("upright.jpg", _save(upright, "JPEG", quality=92))
    found = {f["path"]: f["rule"] for f in project.findings("--channel", "instagram", ".")
             if f["rule"].startswith(("logo.", "require.", "image."))}
    assert found == {}


def test_stripes_and_shapes_are_not_taken_for_a_misplaced_logo(project):
    """Ink bars and a gold circle once lined the logo up half outside the creative, or sheared
    into a sliver, and reported it distorted and recoloured; such a find is no logo at all."""
    from PIL import ImageDraw

    _setup(project)
    paper, ink, gold = (255, 253, 247), (28, 28, 28), (224, 165, 38)
    stripes = Image.new("RGB", (1080, 1080), paper)
    pen = ImageDraw.Draw(stripes)
    for i in range(8):
        pen.rectangle([100, 100 + i * 60, 600, 130 + i * 60], fill=ink)
    pen.ellipse([700, 100, 800, 200], fill=gold)
    sun = Image.new("RGB", (1080, 1080), paper)
    pen = ImageDraw.Draw(sun)
    pen.ellipse([100, 100, 400, 400], fill=gold)
    pen.rectangle([450, 200, 900, 260], fill=ink)
    pen.rectangle([450, 300, 900, 360], fill=ink)
    project.write("stripes.png", _save(stripes, "PNG"))
    project.write("sun.png", _save(sun, "PNG"))
    assert [f for f in project.findings("stripes.png", "sun.png") if f["rule"].startswith("logo.")] == []
