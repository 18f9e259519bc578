"""The hand-made features again, written the way a person would: plain Python loops over pixels.

This is the readable teaching reference for :mod:`explainer.features`. It computes exactly the same
numbers (a test compares the two on all 5,000 bundled digits), but one digit at a time and one
pixel at a time, on lists of lists of 0s and 1s: flood fill for holes, Zhang-Suen thinning,
neighbour counts for endpoints and junctions, crossings counted along a line. No tensors, no bit
tricks. It is slow on purpose: what makes the other version fast is that a tensor is one block
of numbers of one type that a single operation runs over, where here every pixel is a Python
object and every step runs through the interpreter.

One detail makes the numbers identical, not just close: the tensor version keeps its fractions
in float32 (4-byte floats), while Python's floats are float64. :func:`f32` rounds each division
the way a float32 tensor stores its result.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import torch

from explainer.features import INK_THRESHOLD, SCAN_FRACTIONS, SIZE, ZONES

Grid = list[list[int]]  # SIZE rows of SIZE values, each 0 (background) or 1 (ink)
Pixel = tuple[int, int]  # (row, column)

# Steps to the 4 and the 8 neighbours of a pixel, as (row, column) offsets.
FOUR = ((-1, 0), (0, 1), (1, 0), (0, -1))
EIGHT = FOUR + ((-1, 1), (1, 1), (1, -1), (-1, -1))
# Zhang and Suen name the 8 neighbours P2..P9, clockwise from north: N, NE, E, SE, S, SW, W, NW.
AROUND = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))

# Columns whose values are counts; every other column is a float32 fraction or size.
COUNTS = (
    "holes endpoints junctions strokes holes_big holes_top holes_middle holes_bottom "
    "endpoints_top endpoints_bottom endpoints_left endpoints_right skeleton_length"
).split() + [f"{d}_cross_{round(f * 100)}" for d in "hv" for f in SCAN_FRACTIONS]


def f32(x: float) -> float:
    """``x`` rounded to the nearest float32: the value a float32 tensor would hold."""
    return struct.unpack("f", struct.pack("f", x))[0]


# ---------------------------------------------------------------------------------------------
# Step 1: binarize


def binarize(image: Sequence[Sequence[int]]) -> Grid:
    """28x28 pixel values (0-255) -> 1 where the pixel is ink (value >= INK_THRESHOLD), else 0."""
    return [[1 if value >= INK_THRESHOLD else 0 for value in row] for row in image]


def flood_fill(seeds: list[Pixel], passable: Grid, steps: Sequence[Pixel] = FOUR) -> Grid:
    """Every passable pixel reachable from a seed by ``steps`` (4- or 8-neighbours), as a grid."""
    filled = [[0] * SIZE for _ in range(SIZE)]
    todo = []
    for r, c in seeds:
        if passable[r][c] and not filled[r][c]:
            filled[r][c] = 1
            todo.append((r, c))
    while todo:
        r, c = todo.pop()
        for dr, dc in steps:
            nr, nc = r + dr, c + dc
            if 0 <= nr < SIZE and 0 <= nc < SIZE and passable[nr][nc] and not filled[nr][nc]:
                filled[nr][nc] = 1
                todo.append((nr, nc))
    return filled


def pixels_of(grid: Grid) -> list[Pixel]:
    """The pixels set in ``grid``, row by row, left to right."""
    return [(r, c) for r in range(SIZE) for c in range(SIZE) if grid[r][c]]


# ---------------------------------------------------------------------------------------------
# Step 2: holes


def find_holes(ink: Grid) -> list[list[Pixel]]:
    """The holes of a digit, each as its list of pixels, largest first (ties: top-left first).

    Fill the background from the image's border (4-connected); what stays dry is enclosed. Then
    scan the enclosed pixels row by row, and flood each one not yet taken: that is one hole.
    """
    background = [[1 - value for value in row] for row in ink]
    frame = [
        (r, c) for r in range(SIZE) for c in range(SIZE) if r in (0, SIZE - 1) or c in (0, SIZE - 1)
    ]
    outside = flood_fill(frame, background)
    enclosed = [[background[r][c] and not outside[r][c] for c in range(SIZE)] for r in range(SIZE)]
    holes = []
    for r, c in pixels_of(enclosed):
        if enclosed[r][c]:
            hole = flood_fill([(r, c)], enclosed)
            pixels = pixels_of(hole)
            for hr, hc in pixels:
                enclosed[hr][hc] = False  # taken
            holes.append(pixels)
    return sorted(holes, key=len, reverse=True)  # sorted() keeps the order of equal areas


# ---------------------------------------------------------------------------------------------
# Step 3: the skeleton (Zhang-Suen thinning) and its endpoints and junctions


def around(grid: Grid, r: int, c: int) -> list[int]:
    """The 8 neighbours P2..P9 of (r, c), clockwise from north; outside the image counts as 0."""
    return [
        grid[r + dr][c + dc] if 0 <= r + dr < SIZE and 0 <= c + dc < SIZE else 0
        for dr, dc in AROUND
    ]


def crossings(p: list[int]) -> int:
    """How often the circle P2, P3, ..., P9, P2 steps from background (0) to ink (1)."""
    return sum(1 for k in range(8) if p[k] == 0 and p[(k + 1) % 8] == 1)


def deletable(p: list[int], first: bool) -> bool:
    """Whether Zhang-Suen deletes a pixel with neighbours ``p`` in this sub-iteration.

    It goes when it has 2 to 6 ink neighbours, exactly one background-to-ink step around it (so
    deleting it cannot split a stroke), and lies on the east/south side (first pass) or on the
    north/west side (second pass) of the stroke.
    """
    p2, p3, p4, p5, p6, p7, p8, p9 = p
    if not 2 <= sum(p) <= 6 or crossings(p) != 1:
        return False
    if first:
        return p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0
    return p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0


def skeletonize(ink: Grid, max_rounds: int = 30) -> Grid:
    """Zhang-Suen thinning: peel pixels off the strokes until they are one pixel wide.

    Each round has two passes; in a pass every pixel is judged on the picture as it was when the
    pass began, then the deletable ones go. Thinning removes an isolated 2x2 square entirely, so
    a piece of ink left without any skeleton gets one pixel back (its first, row by row).
    """
    skeleton = [row[:] for row in ink]
    remaining = pixels_of(ink)  # the skeleton's pixels, kept as a list to visit only those
    for _ in range(max_rounds):
        changed = False
        for first in (True, False):
            gone = [(r, c) for r, c in remaining if deletable(around(skeleton, r, c), first)]
            for r, c in gone:
                skeleton[r][c] = 0
            if gone:
                changed = True
                remaining = [(r, c) for r, c in remaining if skeleton[r][c]]
        if not changed:
            break
    reached = flood_fill(pixels_of(skeleton), ink, EIGHT)
    lost = [[ink[r][c] and not reached[r][c] for c in range(SIZE)] for r in range(SIZE)]
    for r, c in pixels_of(lost):
        if lost[r][c]:
            skeleton[r][c] = 1
            for pr, pc in pixels_of(flood_fill([(r, c)], lost, EIGHT)):
                lost[pr][pc] = False
    return skeleton


@dataclass(frozen=True)
class SkeletonPoints:
    """Endpoints and junctions of a skeleton, as lists of pixels."""

    endpoints: list[Pixel]  # a stroke ends here
    junctions: list[Pixel]  # three or more branches leave this pixel
    junction_count: int  # junctions, touching junction pixels counted once
    branches: int  # branches leaving all junctions together


def skeleton_points(skeleton: Grid) -> SkeletonPoints:
    """Endpoints: one background-to-ink step around and at most two neighbours. Junctions: three
    or more steps. Touching junction pixels are one junction: count those with no junction pixel
    to their west, north-west, north or north-east; each sends out 3 branches (4 with 4 steps)."""
    endpoints, junctions, steps = [], [], {}
    for r, c in pixels_of(skeleton):
        p = around(skeleton, r, c)
        steps[r, c] = crossings(p)
        if steps[r, c] == 1 and sum(p) <= 2:
            endpoints.append((r, c))
        if steps[r, c] >= 3:
            junctions.append((r, c))
    count = branches = 0
    for r, c in junctions:
        if not any((r + dr, c + dc) in steps and steps[r + dr, c + dc] >= 3 for dr, dc in EARLIER):
            count += 1
            branches += 4 if steps[r, c] >= 4 else 3
    return SkeletonPoints(endpoints, junctions, count, branches)


EARLIER = ((0, -1), (-1, -1), (-1, 0), (-1, 1))  # W, NW, N, NE: seen before, row by row


# ---------------------------------------------------------------------------------------------
# Step 4: bounding box, scanlines, symmetry, zones


def bounding_box(ink: Grid) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) of the ink, inclusive; an empty image gets the whole frame."""
    pixels = pixels_of(ink)
    if not pixels:
        return 0, SIZE - 1, 0, SIZE - 1
    rows = [r for r, _ in pixels]
    cols = [c for _, c in pixels]
    return min(rows), max(rows), min(cols), max(cols)


def runs(line: list[int]) -> int:
    """How many runs of ink a line of pixels crosses: pixels with ink that start a run."""
    return sum(1 for k in range(len(line)) if line[k] and (k == 0 or not line[k - 1]))


def scanline_crossings(ink: Grid, box: tuple[int, int, int, int]) -> tuple[list[int], list[int]]:
    """Strokes crossed by each horizontal and vertical scanline, at SCAN_FRACTIONS of the box."""
    top, bottom, left, right = box
    # round(): to the nearest whole pixel, a half to the even one, as torch.round does
    rows = [top + round(f32(f32(f) * (bottom - top))) for f in SCAN_FRACTIONS]
    cols = [left + round(f32(f32(f) * (right - left))) for f in SCAN_FRACTIONS]
    across = [runs(ink[r]) for r in rows]
    down = [runs([ink[r][c] for r in range(SIZE)]) for c in cols]
    return across, down


def zone_ink(ink: Grid, box: tuple[int, int, int, int]) -> list[float]:
    """Share of each cell of a ZONES x ZONES grid over the bounding box that is ink, row by row."""
    top, bottom, left, right = box
    row_cuts = [top + k * (bottom - top + 1) // ZONES for k in range(ZONES + 1)]
    col_cuts = [left + k * (right - left + 1) // ZONES for k in range(ZONES + 1)]
    shares = []
    for i in range(ZONES):
        for j in range(ZONES):
            cells = [
                ink[r][c]
                for r in range(row_cuts[i], row_cuts[i + 1])
                for c in range(col_cuts[j], col_cuts[j + 1])
            ]
            shares.append(f32(sum(cells) / max(len(cells), 1)))
    return shares


def position(value: float, lo: int, hi: int) -> float:
    """Where ``value`` lies from ``lo`` to ``hi``, as 0..1 (in float32 steps)."""
    return f32(f32(value - lo) / max(hi - lo, 1))


def mean_position(pixels: list[Pixel], box: tuple[int, int, int, int], empty: float):
    """Mean row and mean column of ``pixels`` as positions in the box (``empty`` if none)."""
    if not pixels:
        return empty, empty
    top, bottom, left, right = box
    mean_row = f32(sum(r for r, _ in pixels) / len(pixels))
    mean_col = f32(sum(c for _, c in pixels) / len(pixels))
    return position(mean_row, top, bottom), position(mean_col, left, right)


# ---------------------------------------------------------------------------------------------
# Everything together


def features_of(image: Sequence[Sequence[int]]) -> dict[str, float]:
    """All hand-made features of one 28x28 digit (pixel values 0-255), by name."""
    ink = binarize(image)
    box = top, bottom, left, right = bounding_box(ink)
    height, width = bottom - top + 1, right - left + 1
    ink_pixels = pixels_of(ink)
    ink_count = len(ink_pixels)

    holes = find_holes(ink)
    hole_y = [position(f32(sum(r for r, _ in hole) / len(hole)), top, bottom) for hole in holes]
    hole_area = [len(hole) for hole in holes] + [0, 0]  # two more: the 1st and 2nd always exist

    skeleton = skeletonize(ink)
    points = skeleton_points(skeleton)
    ends = points.endpoints
    strokes = (len(ends) + points.branches + 1) // 2  # each branch counted from both ends
    if strokes == 0 and any(map(any, skeleton)):
        strokes = 1  # a ring: no ends, no junctions, one stroke
    mid_row, mid_col = (top + bottom) / 2, (left + right) / 2
    end_y, end_x = mean_position(ends, box, -1.0)
    centre_y, centre_x = mean_position(ink_pixels, box, 0.5)
    mirror_lr = sum(1 for r, c in ink_pixels if ink[r][left + right - c])
    mirror_tb = sum(1 for r, c in ink_pixels if ink[top + bottom - r][c])
    across, down = scanline_crossings(ink, box)

    values: dict[str, float] = {
        "holes": len(holes),
        "endpoints": len(ends),
        "junctions": points.junction_count,
        "strokes": strokes,
        "holes_big": sum(1 for hole in holes if len(hole) >= 4),
        "holes_top": sum(1 for y in hole_y if y < f32(1 / 3)),
        "holes_middle": sum(1 for y in hole_y if f32(1 / 3) <= y <= f32(2 / 3)),
        "holes_bottom": sum(1 for y in hole_y if y > f32(2 / 3)),
        "hole1_area": hole_area[0],
        "hole1_y": hole_y[0] if len(holes) >= 1 else -1.0,
        "hole2_area": hole_area[1],
        "hole2_y": hole_y[1] if len(holes) >= 2 else -1.0,
        "endpoints_top": sum(1 for r, _ in ends if r < mid_row),
        "endpoints_bottom": sum(1 for r, _ in ends if r > mid_row),
        "endpoints_left": sum(1 for _, c in ends if c < mid_col),
        "endpoints_right": sum(1 for _, c in ends if c > mid_col),
        "endpoint_y": end_y,
        "endpoint_x": end_x,
        "junction_y": mean_position(points.junctions, box, -1.0)[0],
        "aspect": f32(height / width),
        "height": height,
        "width": width,
        "density": f32(ink_count / (height * width)),
        "ink": ink_count,
        "skeleton_length": len(pixels_of(skeleton)),
        "symmetry_lr": f32(mirror_lr / max(ink_count, 1)),
        "symmetry_tb": f32(mirror_tb / max(ink_count, 1)),
        "centroid_y": centre_y,
        "centroid_x": centre_x,
    }
    for fraction, count in zip(SCAN_FRACTIONS, across):
        values[f"h_cross_{round(fraction * 100)}"] = count
    for fraction, count in zip(SCAN_FRACTIONS, down):
        values[f"v_cross_{round(fraction * 100)}"] = count
    for z, share in enumerate(zone_ink(ink, box)):
        values[f"zone_{z // ZONES}{z % ZONES}"] = share
    return values


def extract(images: torch.Tensor) -> pd.DataFrame:
    """All hand-made features of a uint8 ``[N, 28, 28]`` batch, one digit at a time."""
    if images.ndim == 2:
        images = images.unsqueeze(0)
    if images.dtype != torch.uint8 or tuple(images.shape[1:]) != (SIZE, SIZE):
        raise ValueError(f"images must be uint8 [N, 28, 28], got {images.dtype} {images.shape}")
    rows = [features_of(image) for image in images.tolist()]  # tensors -> plain lists of ints
    table = pd.DataFrame(rows, columns=list(rows[0]) if rows else None)
    return table.astype({name: "int64" if name in COUNTS else "float32" for name in table.columns})


# The functions a reader should see, in the order they run.
STEP_FUNCTIONS = (
    binarize,
    flood_fill,
    find_holes,
    around,
    crossings,
    deletable,
    skeletonize,
    skeleton_points,
    runs,
    scanline_crossings,
    zone_ink,
)


# ---------------------------------------------------------------------------------------------
# The two versions side by side


@dataclass(frozen=True)
class Timing:
    """Seconds each version took on the same digits, and whether their tables are equal."""

    digits: int
    loops_s: float
    tensor_s: float
    equal: bool

    @property
    def ratio(self) -> float:
        """How many times longer the loops took."""
        return self.loops_s / max(self.tensor_s, 1e-9)


def time_both(images: torch.Tensor, tensor_extract: Callable[[torch.Tensor], pd.DataFrame]):
    """Run the loop version and ``tensor_extract`` on the same digits; time both, compare them."""
    start = time.perf_counter()
    loops = extract(images)
    middle = time.perf_counter()
    tensors = tensor_extract(images)
    end = time.perf_counter()
    equal = loops.equals(tensors)
    return Timing(len(images), middle - start, end - middle, equal)
