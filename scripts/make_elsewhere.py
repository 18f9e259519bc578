"""Make the out-of-MNIST evaluation set: ``explainer/assets/elsewhere.npz``.

    python scripts/make_elsewhere.py [--per-digit 20] [--seed 2026]

Digits from elsewhere, the way a class brings them, each made MNIST-style by the app's own
preprocessing (``explainer.preprocess``), never by hand:

- **printed**: each digit in free fonts (Debian's fonts-dejavu, fonts-liberation,
  fonts-freefont-ttf, fonts-urw-base35, fonts-texgyre, fonts-linuxlibertine, fonts-comic-neue,
  fonts-humor-sans, fonts-cantarell, fonts-open-sans, fonts-roboto-unhinted), rotated by up to 8
  degrees, through :func:`explainer.preprocess.to_mnist` (crop, 20-pixel box, centred by mass);
- **photo**: dark ink on light paper, photographed: a font digit or a pen-drawn one, off-centre
  on a larger sheet, unevenly lit, blurred, noisy and saved as JPEG, through the upload path
  :func:`explainer.preprocess.from_bytes`;
- **drawn**: strokes like the app's canvas makes (280x280, white round pen 22 px wide on black),
  from a small hand-written stroke model of each digit with random slant, size and wobble, through
  :func:`explainer.preprocess.from_canvas`.

The fonts are needed only to make the file (``apt-get install`` the packages above); the file
itself ships in the repo. The same seed gives the same file.
"""

from __future__ import annotations

import argparse
import io
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from explainer import elsewhere, preprocess

FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
# Regular and bold faces of free fonts, several styles: sans, serif, mono, rounded, hand-like.
FONT_FILES = [
    "DejaVuSans.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSansMono.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationMono-Bold.ttf",
    "LiberationSansNarrow-Regular.ttf",
    "FreeSans.ttf",
    "FreeSerifItalic.ttf",
    "FreeMonoBold.ttf",
    "NimbusSans-Bold.otf",
    "NimbusRoman-Regular.otf",
    "C059-Italic.otf",
    "P052-Roman.otf",
    "URWBookman-Light.otf",
    "texgyreheros-regular.otf",
    "texgyrecursor-regular.otf",
    "texgyrechorus-mediumitalic.otf",
    "LinBiolinum_R.otf",
    "LinLibertine_R.otf",
    "ComicNeue-Regular.otf",
    "ComicNeue-Bold.otf",
    "Humor-Sans.ttf",
    "Cantarell-Regular.otf",
    "OpenSans-Regular.ttf",
    "Roboto-Regular.ttf",
    "Roboto-Light.ttf",
]


def find_fonts() -> list[Path]:
    """The font files above that are installed (at least 8 are needed)."""
    found = {}
    for directory in FONT_DIRS:
        if directory.is_dir():
            for path in directory.rglob("*"):
                if path.name in FONT_FILES and path.name not in found:
                    found[path.name] = path
    fonts = [found[name] for name in FONT_FILES if name in found]
    if len(fonts) < 8:
        raise SystemExit(f"only {len(fonts)} of the fonts are installed; see the docstring")
    return fonts


def font_glyph(digit: int, font: Path, rng: np.random.Generator, size: int = 120) -> Image.Image:
    """The digit in ``font``, white on black (mode L), rotated by up to 8 degrees."""
    face = ImageFont.truetype(str(font), size)
    canvas = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(canvas).text((size, size), str(digit), fill=255, font=face, anchor="mm")
    angle = float(rng.uniform(-8, 8))
    return canvas.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=0)


# A stroke model of each digit: strokes of points in a unit box (x right, y down). Arcs are
# (cx, cy, rx, ry, start_deg, end_deg) with angles measured clockwise from +x (y points down).
def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 24) -> list:
    angles = np.radians(np.linspace(a0, a1, n))
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]


def digit_strokes(digit: int, rng: np.random.Generator) -> list[list[tuple[float, float]]]:
    """One of a few hand-written ways to draw ``digit``, as strokes in the unit box."""
    u = rng.uniform
    variant = int(rng.integers(2))
    if digit == 0:
        return [_arc(0.5, 0.5, u(0.25, 0.34), u(0.38, 0.44), -90, 280 + u(-15, 15))]
    if digit == 1:
        stem = [(0.5 + u(-0.03, 0.03), 0.1), (0.5 + u(-0.03, 0.03), 0.9)]
        if variant:
            return [[(0.33, 0.28 + u(-0.05, 0.05)), stem[0], stem[1]]]
        return [stem]
    if digit == 2:
        top = _arc(0.5, 0.32, 0.24, 0.2, 200, 360 + 20)
        return [top + [(0.22, 0.88), (0.8 + u(-0.05, 0.05), 0.88)]]
    if digit == 3:
        upper = _arc(0.48, 0.3, 0.22, 0.19, 210, 450)
        lower = _arc(0.48, 0.69, 0.26, 0.21, 270, 510)
        return [upper + lower]
    if digit == 4:
        x = 0.62 + u(-0.04, 0.04)
        if variant:
            return [[(x, 0.1), (0.2, 0.62), (0.82, 0.62)], [(x, 0.35), (x, 0.92)]]
        return [[(0.28, 0.1), (0.24, 0.58), (0.8, 0.58)], [(x, 0.12), (x, 0.92)]]
    if digit == 5:
        bowl = _arc(0.47, 0.64, 0.27, 0.24, 230, 500)
        return [[(0.74, 0.1), (0.32, 0.1), (0.28, 0.45)] + bowl[2:]]
    if digit == 6:
        loop = _arc(0.5, 0.67, 0.24, 0.22, 180, 540)
        return [[(0.68, 0.1), (0.45, 0.25), (0.3, 0.5)] + loop]
    if digit == 7:
        strokes = [[(0.2, 0.12), (0.8, 0.12), (0.42 + u(-0.05, 0.05), 0.9)]]
        if variant:
            strokes.append([(0.38, 0.5), (0.72, 0.5)])
        return strokes
    if digit == 8:
        top = _arc(0.5, 0.29, 0.19, 0.18, 90, 450)
        bottom = _arc(0.5, 0.7, 0.24, 0.21, -90, 270)
        return [top, bottom]
    # 9: a loop at the top and a stem, straight or curved
    loop = _arc(0.48, 0.32, 0.22, 0.2, 0, 360)
    stem = [(0.7, 0.32), (0.68, 0.9)] if variant else [(0.7, 0.32), (0.66, 0.7), (0.5, 0.9)]
    return [loop, stem]


def draw_strokes(
    strokes: list, rng: np.random.Generator, size: int, width: int, fill: int, back: int
) -> Image.Image:
    """Strokes drawn with a round pen into a ``size`` x ``size`` gray image: slant, scale, wobble."""
    slant = rng.uniform(-0.25, 0.25)
    scale_y = rng.uniform(0.4, 0.85)  # a small digit on the canvas has thick strokes at 28x28
    scale_x = scale_y * rng.uniform(0.7, 1.0)
    angle = math.radians(rng.uniform(-10, 10))
    # A smooth random warp (a hand is not a compass), then slant, scale and rotation.
    amp, phase, freq = (
        rng.uniform(0.02, 0.06, 2),
        rng.uniform(0, 2 * math.pi, 2),
        rng.uniform(1, 2.5),
    )
    image = Image.new("L", (size, size), back)
    pen = ImageDraw.Draw(image)
    for stroke in strokes:
        points = []
        for x, y in stroke:
            x = x + amp[0] * math.sin(freq * math.pi * y + phase[0])
            y = y + amp[1] * math.sin(freq * math.pi * x + phase[1])
            x, y = x - 0.5 + slant * (0.5 - y), y - 0.5
            x, y = x * scale_x, y * scale_y
            x, y = (
                x * math.cos(angle) - y * math.sin(angle),
                x * math.sin(angle) + y * math.cos(angle),
            )
            points.append(((x + 0.5) * size, (y + 0.5) * size))
        pen.line(points, fill=fill, width=width, joint="curve")
        r = width / 2
        for x, y in (points[0], points[-1]):
            pen.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    return image


def printed(digit: int, font: Path, rng: np.random.Generator) -> np.ndarray:
    """A printed digit made MNIST-style."""
    glyph = np.asarray(font_glyph(digit, font, rng), dtype=np.float64)
    return preprocess.to_mnist(glyph, f"{font.name} {digit}").numpy()


def photo(digit: int, fonts: list[Path], rng: np.random.Generator) -> np.ndarray:
    """A photographed digit: dark ink on light, unevenly lit paper, through the upload path."""
    sheet = 240
    if rng.random() < 0.5:
        glyph = font_glyph(digit, fonts[int(rng.integers(len(fonts)))], rng, size=90)
        ink = np.asarray(glyph, dtype=np.float64) / 255.0
    else:
        pen = int(rng.integers(5, 11))
        ink = np.asarray(draw_strokes(digit_strokes(digit, rng), rng, 170, pen, 255, 0)) / 255.0
    ink_img = Image.fromarray((ink * 255).astype(np.uint8))
    paper = np.full((sheet, sheet), 0.0)
    h, w = ink.shape
    top = int(rng.integers(0, max(1, sheet - h)))
    left = int(rng.integers(0, max(1, sheet - w)))
    paper[top : top + h, left : left + w] = np.asarray(ink_img, dtype=np.float64) / 255.0
    ink = np.clip(paper, 0, 1)
    yy, xx = np.mgrid[0:sheet, 0:sheet] / sheet
    light = 200 + 40 * rng.uniform(-1, 1) * xx + 30 * rng.uniform(-1, 1) * yy  # uneven light
    ink_level = rng.uniform(20, 90)  # pencil to marker
    gray = light * (1 - ink) + ink_level * ink
    image = Image.fromarray(np.clip(gray, 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 2.0)))
    noisy = np.asarray(image, dtype=np.float64) + rng.normal(0, rng.uniform(3, 10), (sheet, sheet))
    image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=int(rng.integers(60, 92)))
    return preprocess.from_bytes(buffer.getvalue(), f"photo {digit}").numpy()


def drawn(digit: int, rng: np.random.Generator) -> np.ndarray:
    """A digit drawn on the app's canvas: 280x280, white round pen 22 px on black."""
    gray = draw_strokes(digit_strokes(digit, rng), rng, 280, 22, 255, 0)
    rgba = np.zeros((280, 280, 4), dtype=np.uint8)
    rgba[..., :3] = np.asarray(gray)[..., None]
    rgba[..., 3] = np.asarray(gray)
    return preprocess.from_canvas(rgba, f"drawn {digit}").numpy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-digit", type=int, default=20, help="digits of each kind per class")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=elsewhere.ELSEWHERE_PATH)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    fonts = find_fonts()
    images, labels, kinds, sources = [], [], [], []
    for kind in elsewhere.KINDS:
        for digit in range(10):
            for i in range(args.per_digit):
                if kind == "printed":
                    font = fonts[(digit * 7 + i) % len(fonts)]
                    image, source = printed(digit, font, rng), font.stem
                elif kind == "photo":
                    image, source = photo(digit, fonts, rng), "photo"
                else:
                    image, source = drawn(digit, rng), "canvas strokes"
                images.append(image)
                labels.append(digit)
                kinds.append(elsewhere.KINDS.index(kind))
                sources.append(source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        images=np.stack(images).astype(np.uint8),
        labels=np.array(labels, dtype=np.uint8),
        kinds=np.array(kinds, dtype=np.uint8),
        sources=np.array(sources),
    )
    print(f"wrote {len(images)} digits ({len(fonts)} fonts) to {args.out}")


if __name__ == "__main__":
    main()
